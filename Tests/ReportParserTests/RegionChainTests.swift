import XCTest
@testable import ReportParser

final class RegionChainTests: XCTestCase {
    private func check(_ name: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(RegionChain.infer(fromAgency: name), expected, name, file: file, line: line)
    }

    func testDistrictsWithAnInnerSuffixCharacter() {
        // Found by the benchmark's metadata check (54 of 10,000 generated reports).
        check("邯郸市肥乡区自然资源和规划局", ["邯郸市", "肥乡区"])
        check("南宁市西乡塘区民政局", ["南宁市", "西乡塘区"])
        check("新乡市红旗区教育局", ["新乡市", "红旗区"])
        check("某某县某某乡人民政府", ["某某县", "某某乡"])
        check("某某县某某乡区域发展办公室", ["某某县", "某某乡"])
    }

    func testCityAndDistrict() {
        check("威海市环翠区工业和信息化局", ["威海市", "环翠区"])
        check("北京市朝阳区市场监督管理局", ["北京市", "朝阳区"])
    }

    func testCityOnly() {
        check("威海市科学技术局", ["威海市"])
        check("青州市科学技术局", ["青州市"])
        check("上海市人民政府办公厅", ["上海市"])
    }

    func testProvinceAndCounty() {
        check("山东省人民政府办公厅", ["山东省"])
        check("沭阳县人民政府", ["沭阳县"])
    }

    func testPilotZoneIsARegion() {
        check("平潭综合实验区", ["平潭综合实验区"])
        check("平潭综合实验区管理委员会", ["平潭综合实验区"])
        check("上海市浦东新区发展和改革委员会", ["上海市", "浦东新区"])
        check("威海火炬高技术产业开发区管理委员会", ["威海火炬高技术产业开发区"])
    }

    func testThreeLevels() {
        check("福建省福州市鼓楼区教育局", ["福建省", "福州市", "鼓楼区"])
        check("广西壮族自治区南宁市青秀区人民政府", ["广西壮族自治区", "南宁市", "青秀区"])
    }

    func testAutonomousPrefecture() {
        check("延边朝鲜族自治州延吉市人民政府", ["延边朝鲜族自治州", "延吉市"])
        check("双江拉祜族佤族布朗族傣族自治县人民政府", ["双江拉祜族佤族布朗族傣族自治县"])
    }

    func testCountyAndTown() {
        check("某某县某某镇人民政府", ["某某县", "某某镇"])
        check("某某县某某乡人民政府", ["某某县", "某某乡"])
        check("某某市某某区某某街道办事处", ["某某市", "某某区", "某某街道"])
    }

    func testAtMostFourLevels() {
        check("某某省某某市某某县某某镇某某村", ["某某省", "某某市", "某某县", "某某镇"])
    }

    func testNoRegion() {
        check("", [])
        check("科学技术局", [])
        check("市场监督管理局", [])
        check("人民政府办公室", [])
        check("Weihai Science Bureau", [])
        check("中国人民银行威海市中心支行", [])
        check("国家税务总局威海市税务局", [])
        check("中共威海市委组织部", [])
    }

    func testDepartmentWordsStartingWithASuffixAreNoRegion() {
        check("威海市场监督管理局", [])
        check("某某县市场监督管理局", ["某某县"])
        check("某某区市场监督管理局", ["某某区"])
        check("某某市市政公用事业局", ["某某市"])
        check("某某市区域经济合作办公室", ["某某市"])
        check("某某县县域经济发展中心", ["某某县"])
        check("某某县乡村振兴局", ["某某县"])
    }

    func testDepartmentWordsEndingInASuffixAreNoRegion() {
        check("某某市城市管理局", ["某某市"])
        check("某某市住房和城乡建设局", ["某某市"])
        check("某某县乡镇企业局", ["某某县"])
        check("某某市公安局某某区分局", ["某某市"])
    }

    func testGovernmentAndPartyAbbreviationsKeepTheRegion() {
        check("威海市政府办公室", ["威海市"])
        check("威海市政务服务管理办公室", ["威海市"])
        check("威海市民政局", ["威海市"])
        check("威海市委宣传部", ["威海市"])
    }

    func testSuffixCharactersInsideNames() {
        check("贵州省人民政府", ["贵州省"])
        check("北京市通州区教育委员会", ["北京市", "通州区"])
        check("河南省新乡市红旗区人民政府", ["河南省", "新乡市", "红旗区"])
        check("辽宁省锦州市北镇市人民政府", ["辽宁省", "锦州市", "北镇市"])
        check("山东省济南市市中区人民政府", ["山东省", "济南市", "市中区"])
        check("湖北省荆州市沙市区人民政府", ["湖北省", "荆州市", "沙市区"])
        check("江苏省镇江市人民政府", ["江苏省", "镇江市"])
        check("陕西省榆林市府谷县人民政府", ["陕西省", "榆林市", "府谷县"])
        check("内蒙古自治区阿拉善盟行政公署", ["内蒙古自治区", "阿拉善盟"])
        check("新疆维吾尔自治区和田地区和田市人民政府", ["新疆维吾尔自治区", "和田地区", "和田市"])
        check("香港特别行政区政府", ["香港特别行政区"])
    }

    func testWhitespaceAndInvisiblesAreIgnored() {
        check("威海市 环翠区\u{200B}教育局", ["威海市", "环翠区"])
        check("\u{202E}威海市科学技术局", ["威海市"])
    }

    func testNonChineseStopsTheChain() {
        check("威海市（环翠区）教育局", ["威海市"])
        check("威海市2区教育局", ["威海市"])
    }

    func testPlaceNamesEndingInChengAndFu() {
        XCTAssertEqual(RegionChain.infer(fromAgency: "聊城市东昌府区人力资源和社会保障局"), ["聊城市", "东昌府区"])
        XCTAssertEqual(RegionChain.infer(fromAgency: "盐城市城市管理局"), ["盐城市"])
        XCTAssertEqual(RegionChain.infer(fromAgency: "威海市城市管理局"), ["威海市"])
        XCTAssertEqual(RegionChain.infer(fromAgency: "府谷县教育局"), ["府谷县"])
    }

    func testChengdu() {
        XCTAssertEqual(RegionChain.infer(fromAgency: "成都市锦江区应急管理局"), ["成都市", "锦江区"])
        XCTAssertEqual(RegionChain.infer(fromAgency: "成都市司法局"), ["成都市"])
    }
}
