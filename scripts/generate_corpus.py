#!/usr/bin/env python3
"""Synthetic corpus of 政府信息公开工作年度报告 for benchmarks and checker tests.

    python3 scripts/generate_corpus.py --count N --output DIR [--seed 1] [--broken-share 0.05]
                                       [--hugo DIR] [--jobs J] [--clean]

Writes N plain-text reports under DIR/reports/<city>/<district>/<agency>-<year>.txt (city-level
agencies under DIR/reports/<city>/city/), DIR/site.yml, DIR/expected-findings.json and
DIR/corpus.json (what was generated: counts, sizes, agencies, expected regions), so that
`sitegen build --content DIR` works.

- Agencies: ~37 prefecture-level cities, their districts and counties, ~32 departments each
  (威海市环翠区教育局, 威海市市场监督管理局, …), shuffled with the seed; N/6 agencies, each with a
  report for every year 2019–2024 (the last agency gets fewer years when N is not a multiple
  of 6). Reports on 2019–2020 use the 2019 template (国办公开办函〔2019〕60号), later ones the
  2021 template (〔2021〕30号).
- Layout per report, at random: tab cells, pipe tables or one cell per line (the three
  plain-text layouts of Content/reports/ and Tests/ReportParserTests/Fixtures/variants/).
- Numbers: mostly small counts; some agencies with hundreds of applications. Every sum holds:
  一+二 = (七)+四 per column, 总计 = the six applicant columns, (七) = the outcome rows, section 四
  总计 = the four results, this year's 上年结转 = last year's 结转下年度, 现行有效 = last year's +
  制发 − 废止.
- A known share of reports (--broken-share, default 0.05) has one sum broken on purpose;
  expected-findings.json lists each with the rule `sitegen check` must report:
  applications.balance, applications.row-total, review.total or crossyear.carry-over.
- Narrative sections from phrase banks with the agency, the year and numbers (~2,000–4,000
  Chinese characters per report).

With --hugo DIR it also writes an equivalent Hugo site (config.yaml with the taxonomies agency,
year and region, one Markdown page per report under content/reports/, a minimal theme) so that
`hugo --minify -d OUT` (run in DIR) builds a comparable number of pages.

Standard library only; the output depends only on --count, --seed and --broken-share (not on
--jobs). 50,000 reports take well under a minute on two cores.
"""
import argparse
import json
import os
import random
import shutil
import sys
import time
from multiprocessing import Pool

YEARS = list(range(2019, 2025))
RULES = ["applications.balance", "applications.row-total", "review.total", "crossyear.carry-over"]

# ---------------------------------------------------------------------------------------------
# Agencies
# ---------------------------------------------------------------------------------------------

# (city, ASCII folder, districts and counties). Real names; several are known to be hard for
# the region-chain reader (成都市: 都市; 南宁市西乡塘区: 乡; 青岛市市南区; 新乡市红旗区).
CITIES = [
    ("济南市", "jinan", "历下区 槐荫区 天桥区 历城区 长清区 章丘区 济阳区 平阴县"),
    ("青岛市", "qingdao", "市南区 市北区 黄岛区 崂山区 李沧区 城阳区 即墨区"),
    ("淄博市", "zibo", "张店区 淄川区 博山区 临淄区 周村区 桓台县 高青县 沂源县"),
    ("枣庄市", "zaozhuang", "薛城区 峄城区 台儿庄区 山亭区"),
    ("东营市", "dongying", "东营区 河口区 垦利区 利津县 广饶县"),
    ("烟台市", "yantai", "芝罘区 福山区 牟平区 莱山区 蓬莱区"),
    ("潍坊市", "weifang", "潍城区 寒亭区 坊子区 奎文区 临朐县 昌乐县"),
    ("济宁市", "jining", "任城区 兖州区 微山县 鱼台县 金乡县 嘉祥县 汶上县 泗水县"),
    ("泰安市", "taian", "泰山区 岱岳区 宁阳县 东平县"),
    ("威海市", "weihai", "环翠区 文登区"),
    ("日照市", "rizhao", "东港区 岚山区 五莲县 莒县"),
    ("临沂市", "linyi", "兰山区 罗庄区 河东区 沂南县 郯城县 沂水县 兰陵县 费县"),
    ("德州市", "dezhou", "德城区 陵城区 宁津县 庆云县 临邑县 齐河县 平原县 夏津县"),
    ("聊城市", "liaocheng", "东昌府区 茌平区 阳谷县 莘县 东阿县 冠县 高唐县"),
    ("滨州市", "binzhou", "滨城区 沾化区 惠民县 阳信县 无棣县 博兴县"),
    ("菏泽市", "heze", "牡丹区 定陶区 曹县 单县 成武县 巨野县 郓城县 鄄城县"),
    ("郑州市", "zhengzhou", "中原区 二七区 管城回族区 金水区 上街区 惠济区 中牟县"),
    ("洛阳市", "luoyang", "老城区 西工区 瀍河回族区 涧西区 偃师区 孟津区 洛龙区 新安县"),
    ("平顶山市", "pingdingshan", "新华区 卫东区 石龙区 湛河区 宝丰县 叶县 鲁山县 郏县"),
    ("安阳市", "anyang", "文峰区 北关区 殷都区 龙安区 安阳县 汤阴县 滑县 内黄县"),
    ("新乡市", "xinxiang", "红旗区 卫滨区 凤泉区 牧野区 新乡县 获嘉县 原阳县 延津县"),
    ("石家庄市", "shijiazhuang", "长安区 桥西区 裕华区 藁城区 鹿泉区 栾城区 井陉县 正定县"),
    ("保定市", "baoding", "竞秀区 莲池区 满城区 清苑区 徐水区 涞水县 阜平县 定兴县"),
    ("唐山市", "tangshan", "路南区 路北区 古冶区 开平区 丰南区 丰润区 曹妃甸区 滦南县"),
    ("邯郸市", "handan", "邯山区 丛台区 复兴区 峰峰矿区 肥乡区 永年区 临漳县 成安县"),
    ("太原市", "taiyuan", "小店区 迎泽区 杏花岭区 尖草坪区 万柏林区 晋源区 清徐县 阳曲县"),
    ("南京市", "nanjing", "玄武区 秦淮区 建邺区 鼓楼区 浦口区 栖霞区 雨花台区 江宁区"),
    ("苏州市", "suzhou", "虎丘区 吴中区 相城区 姑苏区 吴江区"),
    ("徐州市", "xuzhou", "云龙区 贾汪区 泉山区 铜山区 丰县 沛县 睢宁县"),
    ("杭州市", "hangzhou", "上城区 拱墅区 西湖区 滨江区 萧山区 余杭区 临平区 钱塘区"),
    ("宁波市", "ningbo", "海曙区 江北区 北仑区 镇海区 鄞州区 奉化区 象山县 宁海县"),
    ("温州市", "wenzhou", "鹿城区 龙湾区 瓯海区 洞头区 永嘉县 平阳县 苍南县 文成县"),
    ("合肥市", "hefei", "瑶海区 庐阳区 蜀山区 包河区 长丰县 肥东县 肥西县 庐江县"),
    ("福州市", "fuzhou", "台江区 仓山区 马尾区 晋安区 长乐区 闽侯县 连江县 罗源县"),
    ("长沙市", "changsha", "芙蓉区 天心区 岳麓区 开福区 雨花区 望城区 长沙县"),
    ("成都市", "chengdu", "锦江区 青羊区 金牛区 武侯区 成华区 龙泉驿区 新都区 温江区"),
    ("南宁市", "nanning", "兴宁区 青秀区 江南区 西乡塘区 良庆区 邕宁区 武鸣区 隆安县"),
]

# (department, short form used in the text, topic phrases for the narrative).
DEPARTMENTS = [
    ("教育局", "教育局", ["义务教育招生入学", "学校安全管理", "教师招聘", "学前教育资助", "校外培训机构监管"]),
    ("科学技术局", "科技局", ["科技型中小企业培育", "高新技术企业认定", "科技计划项目申报", "科技成果转化"]),
    ("工业和信息化局", "工信局", ["工业企业技术改造", "中小企业纾困", "数字经济发展", "节能降耗"]),
    ("公安局", "公安局", ["户籍办理", "交通安全管理", "出入境服务", "社会治安防控"]),
    ("民政局", "民政局", ["最低生活保障", "养老服务", "社会组织登记", "婚姻登记", "殡葬管理"]),
    ("司法局", "司法局", ["公共法律服务", "人民调解", "法治宣传教育", "行政复议受理"]),
    ("财政局", "财政局", ["财政预决算", "政府采购", "惠民惠农补贴", "政府债务管理"]),
    ("人力资源和社会保障局", "人社局", ["就业创业补贴", "社会保险待遇", "职业技能培训", "劳动保障监察"]),
    ("自然资源和规划局", "自然资源局", ["国土空间规划", "不动产登记", "土地征收", "矿产资源管理"]),
    ("生态环境局", "生态环境局", ["环境影响评价审批", "大气污染防治", "水环境质量", "环境执法检查"]),
    ("住房和城乡建设局", "住建局", ["保障性住房", "老旧小区改造", "建筑市场监管", "物业管理"]),
    ("交通运输局", "交通局", ["道路运输许可", "农村公路建设", "公共交通服务", "交通运输执法"]),
    ("水利局", "水利局", ["河湖长制", "防汛抗旱", "水资源管理", "农村饮水安全"]),
    ("农业农村局", "农业农村局", ["耕地地力保护补贴", "高标准农田建设", "农产品质量安全", "乡村振兴"]),
    ("商务局", "商务局", ["外贸进出口", "消费促进活动", "招商引资", "电子商务发展"]),
    ("文化和旅游局", "文旅局", ["公共文化服务", "文物保护", "旅游市场监管", "非物质文化遗产"]),
    ("卫生健康委员会", "卫健委", ["医疗机构监管", "疾病预防控制", "家庭医生签约", "卫生监督执法"]),
    ("退役军人事务局", "退役军人局", ["优抚对象抚恤补助", "退役士兵安置", "双拥共建", "褒扬纪念"]),
    ("应急管理局", "应急局", ["安全生产监管", "自然灾害救助", "应急预案管理", "危险化学品监管"]),
    ("审计局", "审计局", ["审计结果公告", "预算执行审计", "经济责任审计", "审计整改"]),
    ("市场监督管理局", "市场监管局", ["市场主体登记", "食品安全监管", "特种设备安全", "价格监督检查"]),
    ("统计局", "统计局", ["统计公报", "经济普查", "统计执法检查", "统计数据发布"]),
    ("医疗保障局", "医保局", ["医保待遇政策", "医保基金监管", "药品集中采购", "异地就医结算"]),
    ("城市管理局", "城管局", ["市容环境整治", "生活垃圾分类", "城市照明管理", "违法建设治理"]),
    ("行政审批服务局", "行政审批局", ["一网通办", "企业开办", "工程建设项目审批", "政务服务事项清单"]),
    ("发展和改革局", "发改局", ["重点项目建设", "价格管理", "粮食安全", "社会信用体系建设"]),
    ("林业局", "林业局", ["森林防火", "林木采伐许可", "国土绿化", "古树名木保护"]),
    ("体育局", "体育局", ["全民健身", "体育场馆开放", "体育赛事活动", "社会体育指导员"]),
    ("信访局", "信访局", ["信访事项办理", "网上信访", "领导接访", "信访秩序"]),
    ("粮食和物资储备局", "粮食局", ["地方储备粮管理", "粮食流通监管", "物资储备", "粮食安全宣传"]),
    ("民族宗教事务局", "民宗局", ["民族团结进步", "宗教活动场所管理", "少数民族发展", "宗教政策宣传"]),
    ("档案馆", "档案馆", ["档案开放利用", "档案安全", "馆藏档案征集", "数字档案馆建设"]),
]


def agency_pool():
    """Every (agency name, short name, department index, city, district or None, folder)."""
    pool = []
    for ci, (city, folder, districts) in enumerate(CITIES):
        units = [(None, f"{folder}/city")] + [(d, f"{folder}/d{di + 1:02d}") for di, d in enumerate(districts.split())]
        for ui, (district, sub) in enumerate(units):
            for di, (dept, short, _) in enumerate(DEPARTMENTS):
                name = city + (district or "") + dept
                level = "区" if district and district.endswith("区") else ("县" if district else "市")
                pool.append({"name": name, "short": level + short, "dept": di, "city": city,
                             "district": district, "folder": sub, "slug": f"a{ci + 1:02d}{ui:02d}{di + 1:02d}"})
    return pool


# ---------------------------------------------------------------------------------------------
# Template shapes (as in Tests/ReportParserTests/Fixtures/variants/make_variants.py)
# ---------------------------------------------------------------------------------------------

AD_GROUPS = {
    "2021": [
        ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
         [("regulations", "规章"), ("normativeDocuments", "行政规范性文件")]),
        ("第二十条第（五）项", ["本年处理决定数量"], [("licensing", "行政许可")]),
        ("第二十条第（六）项", ["本年处理决定数量"], [("punishment", "行政处罚"), ("coercion", "行政强制")]),
        ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("fees", "行政事业性收费")]),
    ],
    "2019": [
        ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
         [("regulations", "规章"), ("normativeDocuments", "规范性文件")]),
        ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
         [("licensing", "行政许可"), ("otherServices", "其他对外管理服务事项")]),
        ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
         [("punishment", "行政处罚"), ("coercion", "行政强制")]),
        ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], [("fees", "行政事业性收费")]),
        ("第二十条第（九）项", ["采购项目数量", "采购总金额"], [("procurement", "政府集中采购")]),
    ],
}

RESULTS = "三、本年度办理结果"
PARTIAL = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
OTHER1 = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
OTHER2 = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def _app_rows(t):
    rows = [
        ("newlyReceived", "一、本年新收政府信息公开申请数量", None, None),
        ("carriedOver", "二、上年结转政府信息公开申请数量", None, None),
        ("granted", None, "（一）予以公开", None),
        ("partiallyGranted", None, PARTIAL, None),
        ("denied.stateSecret", None, "（三）不予公开", "1.属于国家秘密"),
        ("denied.prohibitedByLaw", None, "（三）不予公开", "2.其他法律行政法规禁止公开"),
        ("denied.safetyStability", None, "（三）不予公开", "3.危及“三安全一稳定”"),
        ("denied.thirdPartyRights", None, "（三）不予公开", "4.保护第三方合法权益"),
        ("denied.internalAffairs", None, "（三）不予公开", "5.属于三类内部事务信息"),
        ("denied.processInformation", None, "（三）不予公开", "6.属于四类过程性信息"),
        ("denied.enforcementFiles", None, "（三）不予公开", "7.属于行政执法案卷"),
        ("denied.administrativeQuery", None, "（三）不予公开", "8.属于行政查询事项"),
        ("unavailable.notHeld", None, "（四）无法提供", "1.本机关不掌握相关政府信息"),
        ("unavailable.needsCreation", None, "（四）无法提供", "2.没有现成信息需要另行制作"),
        ("unavailable.unclear", None, "（四）无法提供", "3.补正后申请内容仍不明确"),
        ("notProcessed.complaint", None, "（五）不予处理", "1.信访举报投诉类申请"),
        ("notProcessed.repeated", None, "（五）不予处理", "2.重复申请"),
        ("notProcessed.publication", None, "（五）不予处理", "3.要求提供公开出版物"),
        ("notProcessed.excessive", None, "（五）不予处理", "4.无正当理由大量反复申请"),
        ("notProcessed.confirmation", None, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    ]
    if t == "2021":
        rows += [("other.noCorrection", None, "（六）其他处理", OTHER1),
                 ("other.feeUnpaid", None, "（六）其他处理", OTHER2),
                 ("other.other", None, "（六）其他处理", "3.其他")]
    else:
        rows.append(("other", None, "（六）其他处理", None))
    rows += [("totalHandled", None, "（七）总计", None),
             ("carriedForward", "四、结转下年度继续办理", None, None)]
    return rows


APP_ROWS = {t: _app_rows(t) for t in ("2019", "2021")}
OUTCOMES = {t: [r[0] for r in APP_ROWS[t] if r[0] not in ("newlyReceived", "carriedOver", "totalHandled", "carriedForward")]
            for t in ("2019", "2021")}
RL_KEYS = ["review", "litigationDirect", "litigationAfterReview"]
APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]

# Relative weight of each outcome row among handled applications (2021 keys; the 2019
# template's single `other` row takes the three other.* weights).
OUTCOME_WEIGHTS = {
    "granted": 50, "partiallyGranted": 6,
    "denied.stateSecret": 0.2, "denied.prohibitedByLaw": 0.5, "denied.safetyStability": 0.3,
    "denied.thirdPartyRights": 1.5, "denied.internalAffairs": 1.5, "denied.processInformation": 2,
    "denied.enforcementFiles": 0.5, "denied.administrativeQuery": 1.5,
    "unavailable.notHeld": 18, "unavailable.needsCreation": 3, "unavailable.unclear": 2,
    "notProcessed.complaint": 3, "notProcessed.repeated": 2, "notProcessed.publication": 0.5,
    "notProcessed.excessive": 0.5, "notProcessed.confirmation": 0.5,
    "other.noCorrection": 3, "other.feeUnpaid": 0.2, "other.other": 3,
}
OUTCOME_WEIGHTS["other"] = OUTCOME_WEIGHTS["other.noCorrection"] + OUTCOME_WEIGHTS["other.feeUnpaid"] + OUTCOME_WEIGHTS["other.other"]
# Share of each applicant column among new applications.
APPLICANT_WEIGHTS = [78, 12, 1.5, 1.5, 3, 4]

# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------


def split_count(rnd, total, keys, weights):
    """Distributes `total` over keys at random, in proportion to weights (multinomial-ish)."""
    out = dict.fromkeys(keys, 0)
    if total <= 0:
        return out
    if total <= 40:
        for k in rnd.choices(keys, weights, k=total):
            out[k] += 1
        return out
    wsum = float(sum(weights))
    left = total
    for k, w in zip(keys, weights):
        share = total * w / wsum * rnd.uniform(0.7, 1.3)
        n = min(left, int(share))
        out[k] = n
        left -= n
    out[keys[0]] += left
    return out


def agency_profile(rnd, dept):
    """How busy an agency is with applications and decisions."""
    r = rnd.random()
    if r < 0.55:
        apps = rnd.choice([0, 0, 0, 0.3, 0.6, 1, 1.5])
    elif r < 0.85:
        apps = rnd.uniform(2, 12)
    elif r < 0.97:
        apps = rnd.uniform(15, 80)
    else:
        apps = rnd.uniform(120, 450)
    dept_name = DEPARTMENTS[dept][0]
    enforcement = dept_name in ("市场监督管理局", "公安局", "生态环境局", "城市管理局", "交通运输局", "应急管理局",
                                "自然资源和规划局", "卫生健康委员会", "农业农村局")
    licensing = dept_name in ("行政审批服务局", "市场监督管理局", "交通运输局", "卫生健康委员会", "教育局",
                              "住房和城乡建设局", "自然资源和规划局", "文化和旅游局", "民政局")
    return {
        "apps": apps,
        "punish": rnd.uniform(20, 900) if enforcement else (rnd.uniform(0, 6) if rnd.random() < 0.3 else 0),
        "license": rnd.uniform(50, 3000) if licensing else (rnd.uniform(0, 20) if rnd.random() < 0.3 else 0),
        "docs": rnd.choice([0, 0, 1, 2, 3, 5]),
        "fees": rnd.random() < 0.15,
    }


def poisson_ish(rnd, mean):
    if mean <= 0:
        return 0
    if mean < 30:
        # Knuth-free: sum of Bernoulli trials approximates Poisson well enough here.
        n = int(mean * 2) + 1
        p = mean / n
        return sum(1 for _ in range(n) if rnd.random() < p)
    return max(0, int(rnd.gauss(mean, mean ** 0.5 * 1.5)))


def gen_year(rnd, t, prof, carried_over, docs_state, year):
    """Consistent numbers for one year. carried_over: six counts from last year's 结转下年度."""
    mean = prof["apps"] * rnd.uniform(0.6, 1.5)
    newly6 = [0] * 6
    total_new = poisson_ish(rnd, mean)
    for i, n in split_count(rnd, total_new, list(range(6)), APPLICANT_WEIGHTS).items():
        newly6[i] = n
    fwd6 = []
    handled6 = []
    for c in range(6):
        avail = newly6[c] + carried_over[c]
        f = 0
        if avail and rnd.random() < 0.25:
            f = min(avail, max(1, int(avail * rnd.uniform(0.0, 0.12))))
        fwd6.append(f)
        handled6.append(avail - f)
    keys = OUTCOMES[t]
    weights = [OUTCOME_WEIGHTS[k] for k in keys]
    out = {k: [0] * 6 for k in keys}
    for c in range(6):
        for k, n in split_count(rnd, handled6[c], keys, weights).items():
            out[k][c] = n

    def row(v):
        return list(v) + [sum(v)]

    app = {"newlyReceived": row(newly6), "carriedOver": row(carried_over)}
    for k in keys:
        app[k] = row(out[k])
    app["totalHandled"] = row(handled6)
    app["carriedForward"] = row(fwd6)

    # Section 四: mostly zero.
    rl = {}
    for k, p in zip(RL_KEYS, (0.12 + prof["apps"] / 400, 0.08 + prof["apps"] / 600, 0.04)):
        v = [0, 0, 0, 0]
        if rnd.random() < min(p, 0.9):
            n = 1 + int(rnd.random() * (1 + prof["apps"] / 40))
            for _ in range(n):
                v[rnd.choices(range(4), (6, 1, 2, 1))[0]] += 1
        rl[k] = v + [sum(v)]

    # Section 二.
    ad = {}
    if t == "2021":
        for key in ("regulations", "normativeDocuments"):
            last = docs_state[key]
            issued = 0 if key == "regulations" else poisson_ish(rnd, prof["docs"])
            repealed = min(last, poisson_ish(rnd, prof["docs"] * 0.4)) if key == "normativeDocuments" else 0
            now = last + issued - repealed
            docs_state[key] = now
            ad[key] = [issued, repealed, now]
        ad["licensing"] = [poisson_ish(rnd, prof["license"])]
        ad["punishment"] = [poisson_ish(rnd, prof["punish"])]
        ad["coercion"] = [poisson_ish(rnd, prof["punish"] * 0.05)]
        ad["fees"] = [f"{rnd.uniform(0.5, 80):.2f}" if prof["fees"] else 0]
    else:
        for key in ("regulations", "normativeDocuments"):
            made = 0 if key == "regulations" else poisson_ish(rnd, prof["docs"])
            docs_state[key] += made
            ad[key] = [made, made, docs_state[key]]
        for key, mean in (("licensing", prof["license"]), ("otherServices", prof["license"] * 0.2),
                          ("punishment", prof["punish"]), ("coercion", prof["punish"] * 0.05)):
            prev = docs_state.setdefault("items." + key, rnd.choice([0, 0, 2, 5, 12, 30]) if mean else 0)
            change = rnd.choice([0, 0, 0, 1, -1, 2]) if prev else 0
            docs_state["items." + key] = prev + change
            ad[key] = [prev, change, poisson_ish(rnd, mean)]
        prev = docs_state.setdefault("items.fees", rnd.choice([0, 1, 2]) if prof["fees"] else 0)
        ad["fees"] = [prev, 0]
        n = rnd.choice([0, 0, 1, 2, 3])
        ad["procurement"] = [n, f"{rnd.uniform(3, 300):.2f}" if n else 0]
    return ad, app, rl


def break_numbers(rnd, rule, t, app, rl):
    """Breaks one sum of the report for `rule`; returns a short description."""
    if rule == "applications.balance":
        c = rnd.randrange(6)
        d = rnd.choice([1, 2, 3])
        app["newlyReceived"][c] += d
        app["newlyReceived"][6] += d
        return f"newlyReceived[{APPLICANTS[c]}] +{d}"
    if rule == "applications.row-total":
        # Move one application between two outcome rows in one column: every column sum still
        # holds, the two rows' 总计 no longer do.
        cands = [(k, c) for k in OUTCOMES[t] for c in range(6) if app[k][c] > 0]
        k, c = rnd.choice(cands)
        other = rnd.choice([x for x in OUTCOMES[t] if x != k])
        app[k][c] -= 1
        app[other][c] += 1
        return f"{k}[{APPLICANTS[c]}] -1, {other}[{APPLICANTS[c]}] +1, 总计 unchanged"
    if rule == "review.total":
        k = rnd.choice(RL_KEYS)
        d = rnd.choice([1, 2])
        rl[k][4] += d
        return f"{k}.total +{d}"
    if rule == "crossyear.carry-over":
        # 上年结转 one more than last year's 结转下年度, kept balanced inside the report.
        c = rnd.randrange(6)
        for k in ("carriedOver", "granted", "totalHandled"):
            app[k][c] += 1
            app[k][6] += 1
        return f"carriedOver[{APPLICANTS[c]}] +1 (granted, totalHandled +1)"
    raise ValueError(rule)


# ---------------------------------------------------------------------------------------------
# Narrative
# ---------------------------------------------------------------------------------------------

LEADERS = ["习近平新时代中国特色社会主义思想", "党的二十大精神", "党中央、国务院关于政务公开工作的决策部署",
           "省委、省政府关于全面推进政务公开的工作要求", "上级政务公开工作要点"]
PLATFORMS = ["政府门户网站", "政务微信公众号", "政务微博", "政务服务平台", "信息公开专栏", "新闻发布会", "政务公开专区"]
INTRO = [
    "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》要求，结合{year}年{agency}政府信息公开工作实际，编制本报告。",
    "本报告内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六个部分。",
    "本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。本报告电子版可在{city}人民政府门户网站查阅或下载。如对本报告有疑问，请与{agency}办公室联系（电话：{phone}）。",
    "本年度报告由{agency}根据《条例》第五十条的规定编制，报告中使用数据均为{year}年度统计数据。",
]
OVERALL = [
    "{year}年，{short}坚持以{leader}为指导，认真贯彻落实《条例》和{city}政务公开工作部署，以公开促落实、以公开促规范、以公开促服务，政府信息公开工作取得新进展。",
    "{year}年，{agency}在{level_gov}的正确领导下，紧紧围绕中心工作，不断完善政务公开工作机制，拓宽公开渠道，提升公开质量，切实保障人民群众的知情权、参与权、表达权和监督权。",
    "今年以来，{short}把政务公开作为建设法治政府、服务型政府的重要抓手，聚焦{topic1}、{topic2}等群众关切，扎实推进决策、执行、管理、服务、结果公开。",
    "{year}年，{short}严格落实“公开为常态、不公开为例外”原则，调整充实政务公开工作领导小组，明确主要负责同志亲自抓、分管负责同志具体抓、办公室牵头协调、各科室分工负责的工作格局。",
]
ACTIVE = [
    "全年通过{platform1}主动公开政府信息{posts}条，其中{topic1}类信息{posts_a}条，{topic2}类信息{posts_b}条，机构职能、规划计划、财政预决算等基础信息做到应公开尽公开。",
    "印发行政规范性文件{docs_issued}件，坚持政策文件与解读材料同步组织、同步审签、同步发布，全年发布政策解读{interp}篇，其中图解、音视频等多元化解读{interp_media}篇。",
    "围绕{topic1}，及时发布工作动态、通知公告和办事指南，{platform2}推送信息{wechat}条，阅读量较上年明显提升。",
    "做好重点领域信息公开，全年公开{topic2}相关信息{posts_b}条，主动回应社会关切{replies}次，组织政策解读和在线访谈{talks}次。",
    "按照“谁制定、谁解读”的要求，对涉及{topic3}的文件开展多角度解读，通过{platform1}集中发布，方便群众及时了解政策内容。",
    "规范做好行政许可、行政处罚信息公开，在法定期限内公开行政许可决定{licensing}件、行政处罚决定{punishment}件，接受社会监督。",
    "开展政府开放日活动{openday}次，邀请人大代表、政协委员和群众代表走进机关，现场了解{topic1}工作开展情况。",
    "在{platform2}开设“{topic3}”专栏，定期更新政策问答，累计答复网民留言{replies}条，答复率100%。",
    "聚焦{topic2}，梳理公开事项清单，明确公开主体、公开时限和公开方式，全年更新相关信息{posts_b}条，做到常态化、动态化公开。",
    "主动公开本部门年度预决算和“三公”经费预决算信息，按要求细化到功能分类项级科目，公开时间、内容均符合规定。",
    "结合{topic1}工作实际，组织编印政策明白纸{leaflets}份，通过进社区、进企业、进学校等方式发放，扩大政策知晓面。",
    "及时公开人事任免、公务员招录和事业单位公开招聘信息，全年发布相关公告{hr}条，保障公开公平公正。",
]
APPLY = [
    "{year}年，{short}共新收政府信息公开申请{newly}件，上年结转{over}件，办结{handled}件，其中予以公开{granted}件，部分公开{partial}件，结转下年度继续办理{forward}件。",
    "严格按照《条例》规定的受理、登记、审核、答复流程办理依申请公开事项，所有申请均在法定期限内答复，答复文书统一经法制审核。",
    "在申请人类型方面，自然人提出申请{natural}件，法人或其他组织提出申请{legal}件，申请内容主要涉及{topic1}、{topic2}等方面。",
    "进一步规范依申请公开答复文书格式，对不予公开、无法提供等情形逐项说明理由和依据，告知申请人救济途径，提高答复的规范性和说服力。",
    "建立依申请公开会商机制，对涉及多个科室的申请，由办公室牵头召开会商会议，统一答复口径，确保答复内容准确、依据充分。",
    "加强与申请人的沟通，对申请内容不明确的，及时通过电话联系申请人予以指导和释明，减少补正环节，提升办理效率。",
    "全年未发生因政府信息公开申请答复引发的投诉举报，依申请公开工作平稳有序。",
    "从申请内容看，涉及{topic3}的申请占比较高，{short}对此类申请建立快速办理通道，平均办理时长{days}个工作日，较法定时限大幅缩短。",
    "对申请人反映的问题，在依法答复的同时转交相关科室研究办理，做到既答复信息、又解决问题，实现依申请公开与回应关切有机结合。",
]
MANAGE = [
    "严格执行政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则，对拟公开信息逐条审核把关，全年审核信息{posts}条，未发生泄密和侵犯个人隐私事件。",
    "动态调整政府信息主动公开基本目录，对照{topic2}领域标准目录逐项核对，补充完善公开事项{catalog}项。",
    "做好行政规范性文件清理工作，现行有效行政规范性文件{docs_in_force}件，已在{platform1}集中公开并标注有效性。",
    "建立政府信息全生命周期管理机制，规范信息的产生、收集、审查、发布、更新、归档各环节，确保公开信息准确、完整、及时。",
    "加强对历史公开信息的核查，及时清理过期、失效信息，全年整改错敏字词和无效链接{fixes}处。",
    "落实公文公开属性源头认定机制，公文起草时即明确主动公开、依申请公开或不予公开属性，全年认定主动公开公文{posts_a}件。",
    "加强政务公开与档案管理衔接，对已公开政府信息按年度整理归档，方便日后查阅利用。",
]
PLATFORM = [
    "加强{platform1}建设，优化栏目设置，整合政策文件、政策解读、办事服务等内容，方便公众查询获取。",
    "强化政务新媒体管理，落实“三审三校”制度，{platform2}全年发布信息{wechat}条，与门户网站实现同步发布、同步更新。",
    "在机关办公场所设置政务公开查阅点，放置政策汇编和办事指南，为群众现场查阅提供便利。",
    "推进网站集约化建设，完善站内搜索功能，实现{topic1}相关政策文件一站式查询。",
    "落实网站内容每日巡查、每月自查制度，全年开展专项检查{checks}次，及时整改发现的问题。",
    "规范政务新媒体账号管理，关停整合功能相近、更新缓慢的账号，集中力量办好{platform2}，提升信息发布的权威性和影响力。",
    "依托{platform1}开设互动交流栏目，全年受理群众咨询{replies}件，办结率100%，平均答复时间{days}个工作日。",
]
SUPERVISE = [
    "将政务公开工作纳入年度绩效考核，组织开展政务公开业务培训{trainings}次，参训人员{trainees}人次，工作人员业务能力不断提升。",
    "主动接受社会监督，公开监督举报电话，设立意见箱，全年未收到有关政府信息公开工作的投诉举报，未发生责任追究情况。",
    "主要负责同志{meetings}次专题研究政务公开工作，及时解决工作中遇到的困难和问题，确保各项任务落到实处。",
    "建立政务公开工作台账，实行清单化管理、项目化推进，定期调度工作进展，推动年度各项任务按期完成。",
    "积极配合{city}开展政务公开第三方评估，对评估中发现的问题逐项建立整改台账，整改完成率100%。",
    "把政务公开纳入干部教育培训内容，邀请专家围绕《条例》和{topic1}相关法规作专题辅导，增强干部依法公开意识。",
    "建立政务公开考核评议制度，每季度通报各科室信息报送情况，对报送不及时、内容不规范的进行督促整改。",
]
PROBLEMS = [
    "一是政策解读形式仍较单一，图表、视频等多元化解读占比不高；二是个别科室公开意识不强，信息报送不够及时；三是{topic1}领域信息公开的深度和广度有待拓展。",
    "对照上级要求和群众期待，{short}政务公开工作仍存在一些不足：主动公开的精准度不够高，公开内容与群众需求结合不够紧密，回应关切的时效性有待提升。",
    "{year}年，{short}政府信息公开工作虽取得一定成效，但也存在工作人员业务水平参差不齐、依申请公开答复规范化程度有待提高、{platform2}更新频率不够稳定等问题。",
    "存在的主要问题：基层政务公开标准化规范化建设推进不够平衡，{topic2}相关信息公开还不够系统全面。",
    "政策解读的针对性和可读性还需增强，部分解读材料存在照搬文件原文、通俗化表达不够等问题。",
    "公众参与渠道还不够丰富，政策制定过程中听取意见建议的范围有待进一步扩大，意见采纳情况反馈不够及时。",
]
IMPROVE = [
    "{next_year}年，{short}将进一步提高思想认识，丰富政策解读形式，加强业务培训，建立信息报送提醒机制，推动政务公开工作提质增效。",
    "下一步，我们将围绕{topic1}、{topic3}等重点领域细化公开清单，落实回应关切时限要求，不断提升群众满意度。",
    "针对上述问题，{short}将组织开展专题培训{trainings}次，完善依申请公开会商和法律审核机制，进一步规范答复文书。",
    "改进措施：一是健全工作机制，压实各科室公开责任；二是加强平台建设，提升{platform1}服务功能；三是强化监督考核，确保各项工作落实到位。",
    "针对{prev_year}年度报告中提出的问题，{short}已逐项制定整改措施，目前已全部整改完成。",
    "{next_year}年，将重点围绕{topic2}加大公开力度，探索运用图表图解、短视频、在线访谈等群众喜闻乐见的方式开展政策解读。",
    "进一步拓宽公众参与渠道，在制定涉及群众切身利益的政策文件时，通过{platform1}公开征求意见，并及时反馈意见采纳情况。",
]
OTHER = [
    "1.政府信息公开信息处理费收取情况：{year}年{short}未收取政府信息公开信息处理费。",
    "按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）规定，本年度{agency}未产生信息处理费。",
    "2.人大代表建议和政协提案办理情况：{year}年共承办人大代表建议{proposals_a}件、政协提案{proposals_b}件，均已按期办结，办复率100%，满意率100%。",
    "3.落实上级年度政务公开工作要点情况：{short}对照{year}年政务公开工作要点，制定任务分工方案{tasks}项，已全部完成。",
    "4.政务公开创新情况：围绕{topic3}，探索开展“政务公开+{topic_short}”工作，组织开展主题活动{openday}次，取得良好社会效果。",
    "本年度无其他需要报告的事项。",
]


def pick(rnd, bank, k):
    return rnd.sample(bank, min(k, len(bank)))


def narrative(rnd, ag, year, app, ad, ctx_extra):
    """Returns (intro paragraphs, sections 1, 5, 6 as lists of paragraphs)."""
    dept_topics = DEPARTMENTS[ag["dept"]][2]
    topics = rnd.sample(dept_topics, 3) if len(dept_topics) >= 3 else dept_topics * 3
    posts = 40 + int(rnd.random() * 600)
    ctx = {
        "agency": ag["name"], "short": rnd.choice([ag["short"], "我局" if ag["short"].endswith("局") else ag["short"]]),
        "year": year, "next_year": year + 1, "prev_year": year - 1, "city": ag["city"],
        "level_gov": f"{ag['city']}委、{ag['city']}政府" if not ag["district"] else f"{ag['district']}委、{ag['district']}政府",
        "leader": rnd.choice(LEADERS), "platform1": rnd.choice(PLATFORMS[:2] + PLATFORMS[4:5]),
        "platform2": rnd.choice(PLATFORMS[1:4]),
        "topic1": topics[0], "topic2": topics[1], "topic3": topics[2], "topic_short": topics[2][:2],
        "phone": f"0{rnd.randint(531, 898)}-{rnd.randint(2000000, 8999999)}",
        "posts": posts, "posts_a": posts // 4, "posts_b": posts // 7, "wechat": 20 + int(rnd.random() * 400),
        "interp": 2 + int(rnd.random() * 30), "interp_media": 1 + int(rnd.random() * 10),
        "replies": int(rnd.random() * 80), "talks": int(rnd.random() * 6), "openday": 1 + int(rnd.random() * 4),
        "newly": app["newlyReceived"][6], "over": app["carriedOver"][6], "handled": app["totalHandled"][6],
        "granted": app["granted"][6], "partial": app["partiallyGranted"][6], "forward": app["carriedForward"][6],
        "natural": app["newlyReceived"][0], "legal": sum(app["newlyReceived"][1:6]),
        "catalog": 5 + int(rnd.random() * 60), "fixes": int(rnd.random() * 30),
        "checks": 2 + int(rnd.random() * 12), "trainings": 1 + int(rnd.random() * 5), "trainees": 10 + int(rnd.random() * 200),
        "meetings": 1 + int(rnd.random() * 6), "proposals_a": int(rnd.random() * 12), "proposals_b": int(rnd.random() * 15),
        "tasks": 5 + int(rnd.random() * 40), "leaflets": 100 * (1 + int(rnd.random() * 50)),
        "hr": int(rnd.random() * 20), "days": 2 + int(rnd.random() * 10),
    }
    ctx.update(ctx_extra)
    f = lambda s: s.format(**ctx)  # noqa: E731
    intro = [f(INTRO[0]), f(rnd.choice(INTRO[1:]))]
    numbered = rnd.random() < 0.5
    heads = (["1.主动公开方面。", "2.依申请公开方面。", "3.政府信息管理方面。", "4.平台建设方面。", "5.监督保障方面。"]
             if numbered else ["（一）主动公开情况。", "（二）依申请公开情况。", "（三）政府信息管理。",
                               "（四）政府信息公开平台建设。", "（五）监督保障。"])
    s1 = [f(rnd.choice(OVERALL))]
    for head, bank, k in zip(heads, (ACTIVE, APPLY, MANAGE, PLATFORM, SUPERVISE), (6, 5, 4, 4, 4)):
        s1.append(head + "".join(f(s) for s in pick(rnd, bank, k + rnd.randint(-2, 3))))
    s5 = ["".join(f(s) for s in pick(rnd, PROBLEMS, 3)), "".join(f(s) for s in pick(rnd, IMPROVE, 4))]
    others = [f(OTHER[0] if rnd.random() < 0.5 else OTHER[1])]
    others += [f(s) for s in sorted(pick(rnd, OTHER[2:5], rnd.randint(1, 3)), key=OTHER.index)]
    s6 = others
    return intro, s1, s5, s6


# ---------------------------------------------------------------------------------------------
# Layouts
# ---------------------------------------------------------------------------------------------


def cell(v):
    return str(v)


def tab_tables(t, ad, app, rl, out):
    sec2, sec3, sec4 = [], [], []
    for group, cols, rows in AD_GROUPS[t]:
        sec2.append(group + "\t\t\t")
        sec2.append("信息内容\t" + "\t".join(cols + [""] * (3 - len(cols))))
        for key, label in rows:
            vals = [cell(x) for x in ad[key]]
            sec2.append(label + "\t" + "\t".join(vals + [""] * (3 - len(vals))))
    sec3.append("\t" + NOTE + "\t申请人情况" + "\t" * 6 + "\t")
    sec3.append("\t\t\t自然人\t法人或其他组织" + "\t" * 5 + "总计")
    sec3.append("\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t")
    seen = set()
    for key, top, group, sub in APP_ROWS[t]:
        if top:
            labels = [top, "", ""]
        elif sub is None:
            labels = [RESULTS if key == "granted" else "", group, ""]
        else:
            labels = ["", group if group not in seen else "", sub]
        if group:
            seen.add(group)
        sec3.append("\t".join(labels) + "\t" + "\t".join(cell(x) for x in app[key]))
    sec4.append("行政复议" + "\t" * 5 + "行政诉讼" + "\t" * 9)
    sec4.append("结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉" + "\t" * 5 + "复议后起诉" + "\t" * 4)
    sec4.append("\t" * 5 + "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2))
    sec4.append("\t".join(cell(x) for k in RL_KEYS for x in rl[k]))
    return sec2, sec3, sec4


def pipe(cells):
    return "| " + " | ".join(cells) + " |"


def pipe_tables(t, ad, app, rl, out):
    sec2, sec3, sec4 = [], [], []
    first = True
    for group, cols, rows in AD_GROUPS[t]:
        sec2.append(pipe([group, "", "", ""]))
        if first:
            sec2.append("|-----------|---------------|--------|--------|")
            first = False
        sec2.append(pipe(["信息内容"] + cols + [""] * (3 - len(cols))))
        for key, label in rows:
            vals = [cell(x) for x in ad[key]]
            sec2.append(pipe([label] + vals + [""] * (3 - len(vals))))
    sec3.append(pipe([NOTE, "", "申请人情况", "", "", "", "", "", "总计", ""]))
    sec3.append("|" + "|".join(["----"] * 10) + "|")
    sec3.append(pipe(["", "", "自然人", "法人或其他组织", "", "", "", "", "", ""]))
    sec3.append(pipe(["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "", ""]))
    seen = set()
    for key, top, group, sub in APP_ROWS[t]:
        vals = [cell(x) for x in app[key]]
        if top:
            cells = [top, ""] + vals + [""]
        elif key == "totalHandled":
            cells = [group] + vals + ["", ""]
        elif sub is None:
            cells = [RESULTS if key == "granted" else "", group] + vals + [""]
        else:
            cells = ["", group if group not in seen else "", sub] + vals
        if group:
            seen.add(group)
        sec3.append(pipe(cells))
    sec4.append(pipe(["行政复议", "", "", "", "", "行政诉讼"] + [""] * 9))
    sec4.append("|" + "|".join(["----------"] * 15) + "|")
    sec4.append(pipe(["结果 维持", "结果 纠正", "其他 结果", "尚未 审结", "总计", "未经复议直接起诉", "", "", "", "",
                      "复议后起诉", "", "", "", ""]))
    sec4.append(pipe([""] * 5 + ["结果 维持", "结果 纠正", "其他 结果", "尚未 审结", "总计"] * 2))
    sec4.append(pipe([cell(x) for k in RL_KEYS for x in rl[k]]))
    return sec2, sec3, sec4


def cpl_tables(t, ad, app, rl, out):
    sec2, sec3, sec4 = [], [], []
    a = sec2.append
    for group, cols, rows in AD_GROUPS[t]:
        a("\t" + group)
        a("")
        a("\t信息内容")
        for c in cols:
            a("\t" + c)
        a("")
        for key, label in rows:
            a("\t" + label)
            for v in ad[key]:
                a("\t" + cell(v))
            a("")
        a("")
    a = sec3.append
    a("\t" + NOTE)
    a("\t申请人情况")
    a("")
    for x in ("\t", "\t自然人", "\t法人或其他组织", "\t总计", ""):
        a(x)
    for x in ("\t", "\t", "\t商业企业", "\t科研机构", "\t社会公益组织", "\t法律服务机构", "\t其他", "\t", ""):
        a(x)
    seen = set()
    for key, top, group, sub in APP_ROWS[t]:
        if top:
            a("\t" + top)
        elif sub is None:
            a("\t" + RESULTS if key == "granted" else "\t")
            a("\t" + group)
        else:
            a("\t")
            a("\t" + group if group not in seen else "\t")
            a("\t" + sub)
        if group:
            seen.add(group)
        for v in app[key]:
            a("\t" + cell(v))
        a("")
    a = sec4.append
    for x in ("\t行政复议", "\t行政诉讼", "", "\t结果\n维持", "\t结果纠正", "\t其他结果", "\t尚未\n审结", "\t总\n计",
              "\t未经复议直接起诉", "\t复议后起诉", ""):
        a(x)
    for x in ["\t"] * 5 + ["\t结果维持", "\t结果纠正", "\t其他\n结果", "\t尚未\n审结", "\t总计",
                           "\t结果维持", "\t结果\n纠正", "\t其他\n结果", "\t尚未审结", "\t总计", ""]:
        a(x)
    for k in RL_KEYS:
        for v in rl[k]:
            a("\t" + cell(v))
    a("")
    return sec2, sec3, sec4


LAYOUTS = {"tab": tab_tables, "pipe": pipe_tables, "cpl": cpl_tables}
LAYOUT_NAMES = list(LAYOUTS)
TITLES = {1: "总体情况", 2: "主动公开政府信息情况", 3: "收到和处理政府信息公开申请情况",
          4: "政府信息公开行政复议、行政诉讼情况", 5: "存在的主要问题及改进情况", 6: "其他需要报告的事项"}
NUMERALS = "一二三四五六"


def render_report(rnd, ag, year, t, layout, ad, app, rl, texts):
    intro, s1, s5, s6 = texts
    title = f"{ag['name']}{year}年政府信息公开工作年度报告"
    style = rnd.random()
    lines = []
    if style < 0.4:
        lines += ["", title, ""]
    elif style < 0.8:
        lines += ["", ag["name"], f"{year}年政府信息公开工作年度报告", ""]
    else:
        lines += ["", f"{ag['name']} {year} 年政府信息公开工作年度报告", ""]
    blank = rnd.random() < 0.6   # blank line after every paragraph (Word) or none (web copy)
    sep = [""] if blank else []
    for p in intro:
        lines.append(p)
        lines += sep
    sec2, sec3, sec4 = LAYOUTS[layout](t, ad, app, rl, None)
    for n in range(1, 7):
        lines.append(f"{NUMERALS[n - 1]}、{TITLES[n]}")
        lines += sep
        body = {1: s1, 5: s5, 6: s6}.get(n)
        if body:
            for p in body:
                lines.append(p)
                lines += sep
        else:
            lines += {2: sec2, 3: sec3, 4: sec4}[n]
            lines.append("")
    lines.append("")
    return title, "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Hugo
# ---------------------------------------------------------------------------------------------


def md_row(cells):
    return "| " + " | ".join(cells) + " |"


def hugo_page(ag, year, t, title, ad, app, rl, texts, regions):
    intro, s1, s5, s6 = texts
    region_terms = [ag["city"]] + ([ag["city"] + ag["district"]] if ag["district"] else [])
    fm = ["---", f"title: {json.dumps(title, ensure_ascii=False)}", f"agency: {json.dumps(ag['name'], ensure_ascii=False)}",
          f"year: {year}", f"region: {json.dumps(regions, ensure_ascii=False)}",
          f"agencies: [{json.dumps(ag['name'], ensure_ascii=False)}]", f"years: [\"{year}\"]",
          f"regions: {json.dumps(region_terms, ensure_ascii=False)}", f"template: \"{t}\"", "---", ""]
    body = list(intro)
    for n in range(1, 7):
        body.append(f"## {NUMERALS[n - 1]}、{TITLES[n]}")
        if n in (1, 5, 6):
            body += {1: s1, 5: s5, 6: s6}[n]
        elif n == 2:
            for group, cols, rows in AD_GROUPS[t]:
                tbl = [md_row([group + " 信息内容"] + cols), "|" + "---|" * (len(cols) + 1)]
                tbl += [md_row([label] + [cell(x) for x in ad[key]]) for key, label in rows]
                body.append("\n".join(tbl))
        elif n == 3:
            tbl = [md_row(["项目"] + APPLICANTS + ["总计"]), "|" + "---|" * 8]
            for key, top, group, sub in APP_ROWS[t]:
                label = top or (group + (sub or "") if sub else group)
                tbl.append(md_row([label] + [cell(x) for x in app[key]]))
            body.append("\n".join(tbl))
        else:
            head = ["行政复议" + h for h in ("维持", "纠正", "其他", "尚未审结", "总计")]
            head += ["直接起诉" + h for h in ("维持", "纠正", "其他", "尚未审结", "总计")]
            head += ["复议后起诉" + h for h in ("维持", "纠正", "其他", "尚未审结", "总计")]
            body.append("\n".join([md_row(head), "|" + "---|" * 15, md_row([cell(x) for k in RL_KEYS for x in rl[k]])]))
    return "\n".join(fm) + "\n\n".join(body) + "\n"


HUGO_CONFIG = """baseURL: "http://example.org/"
languageCode: zh-cn
title: 政府信息公开工作年度报告
hasCJKLanguage: true
disableKinds: []
taxonomies:
  agency: agencies
  year: years
  region: regions
outputs:
  home: [HTML, RSS]
  section: [HTML]
  taxonomy: [HTML]
  term: [HTML]
  page: [HTML]
markup:
  goldmark:
    renderer:
      unsafe: false
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }} - {{ .Site.Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ .Params.agency }} · {{ .Params.year }} · {{ delimit .Params.region " › " }}</p>
<p>{{ range .GetTerms "agencies" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}
{{ range .GetTerms "years" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}
{{ range .GetTerms "regions" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
{{ .Content }}</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
    "_default/taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.year }}</li>{{ end }}</ul>{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
""",
    "index.html": """{{ define "main" }}<h1>{{ .Site.Title }}</h1>
<p>{{ len (where .Site.RegularPages "Section" "reports") }} reports</p>
<ul>{{ range .Site.Taxonomies.years.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
<ul>{{ range first 50 (where .Site.RegularPages "Section" "reports") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
    "404.html": """{{ define "main" }}<h1>404</h1>{{ end }}
""",
}

# ---------------------------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------------------------


def plan(count, seed, broken_share):
    """Which agencies, how many years each, which reports are broken with which rule."""
    pool = agency_pool()
    n_agencies = (count + len(YEARS) - 1) // len(YEARS)
    if n_agencies > len(pool):
        sys.exit(f"--count {count} needs {n_agencies} agencies; the pool has {len(pool)} "
                 f"(at most {len(pool) * len(YEARS)} reports)")
    rnd = random.Random(seed)
    chosen = rnd.sample(range(len(pool)), n_agencies)
    reports = []   # (agency position, year)
    for pos in range(n_agencies):
        for year in YEARS:
            if len(reports) < count:
                reports.append((pos, year))
    n_broken = int(round(count * broken_share))
    broken_idx = rnd.sample(range(count), n_broken) if n_broken else []
    rules = []
    order = RULES[:]
    rnd.shuffle(order)
    broken = {}
    for i, idx in enumerate(sorted(broken_idx)):
        rule = order[i % len(order)]
        pos, year = reports[idx]
        if rule == "crossyear.carry-over" and year == YEARS[0]:
            rule = "review.total"
        broken[idx] = rule
    agencies = [pool[i] for i in chosen]
    return agencies, reports, broken


def work(args):
    """Generates every report of a chunk of agencies. Deterministic per agency."""
    (start, agencies, years_per_agency, broken_by_agency, seed, out_dir, hugo_dir) = args
    results = []
    for offset, ag in enumerate(agencies):
        pos = start + offset
        rnd = random.Random(seed * 1000003 + pos * 7919 + 17)
        prof = agency_profile(rnd, ag["dept"])
        regions = [ag["city"]] + ([ag["district"]] if ag["district"] else [])
        over = [poisson_ish(rnd, prof["apps"] * 0.05) if rnd.random() < 0.2 else 0 for _ in range(6)]
        docs_state = {"regulations": 0, "normativeDocuments": rnd.choice([0, 1, 3, 6, 10, 20]) if prof["docs"] else 0}
        folder = os.path.join(out_dir, "reports", ag["folder"])
        os.makedirs(folder, exist_ok=True)
        if hugo_dir:
            hfolder = os.path.join(hugo_dir, "content", "reports", ag["folder"])
            os.makedirs(hfolder, exist_ok=True)
        for year in years_per_agency[offset]:
            t = "2019" if year <= 2020 else "2021"
            rule = broken_by_agency[offset].get(year)
            ad, app, rl = gen_year(rnd, t, prof, over, docs_state, year)
            if rule == "applications.row-total" and not any(app[k][c] for k in OUTCOMES[t] for c in range(6)):
                # Row-total needs an application to move between rows: add one, consistently.
                app["newlyReceived"][0] += 1
                app["newlyReceived"][6] += 1
                app["granted"][0] += 1
                app["granted"][6] += 1
                app["totalHandled"][0] += 1
                app["totalHandled"][6] += 1
            over = app["carriedForward"][:6]   # next year's 上年结转, from the consistent numbers
            how = break_numbers(rnd, rule, t, app, rl) if rule else None
            layout = LAYOUT_NAMES[rnd.randrange(3)]
            texts = narrative(rnd, ag, year, app, ad, {"docs_issued": ad["normativeDocuments"][0],
                                                      "docs_in_force": ad["normativeDocuments"][2],
                                                      "licensing": ad["licensing"][-1],
                                                      "punishment": ad["punishment"][-1]})
            title, text = render_report(rnd, ag, year, t, layout, ad, app, rl, texts)
            rel = f"reports/{ag['folder']}/{ag['slug']}-{year}.txt"
            data = text.encode("utf-8")
            with open(os.path.join(out_dir, rel), "wb") as fh:
                fh.write(data)
            if hugo_dir:
                page = hugo_page(ag, year, t, title, ad, app, rl, texts, regions)
                with open(os.path.join(hfolder, f"{ag['slug']}-{year}.md"), "w", encoding="utf-8") as fh:
                    fh.write(page)
            results.append({"source": rel, "agency": ag["name"], "year": year, "template": t, "layout": layout,
                            "region": regions, "bytes": len(data), "rule": rule, "how": how})
    return results


SITE_YML = """# Synthetic corpus written by scripts/generate_corpus.py (count {count}, seed {seed}).
title: 政府信息公开工作年度报告（合成数据）
description: 基准测试用的合成年度报告，数字与文字均为随机生成。
language: zh-CN
footer: 本站内容为合成数据，仅用于性能测试。
"""


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, required=True, help="number of reports")
    ap.add_argument("--output", required=True, help="content folder to write (site.yml, reports/)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--broken-share", type=float, default=0.05,
                    help="share of reports with one sum broken on purpose (default 0.05)")
    ap.add_argument("--hugo", metavar="DIR", help="also write an equivalent Hugo site to DIR")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (output does not depend on it)")
    ap.add_argument("--clean", action="store_true", help="remove DIR/reports (and the Hugo content) first")
    a = ap.parse_args(argv)
    if a.count < 1:
        ap.error("--count must be at least 1")
    if not 0 <= a.broken_share <= 1:
        ap.error("--broken-share must be between 0 and 1")
    began = time.time()
    out = os.path.abspath(a.output)
    hugo = os.path.abspath(a.hugo) if a.hugo else None
    for d in ([os.path.join(out, "reports")] + ([os.path.join(hugo, "content"), os.path.join(hugo, "layouts")] if hugo else [])):
        if os.path.exists(d):
            if a.clean:
                shutil.rmtree(d)
            elif os.listdir(d):
                ap.error(f"{d} is not empty (use --clean to replace it)")
    os.makedirs(os.path.join(out, "reports"), exist_ok=True)

    agencies, reports, broken = plan(a.count, a.seed, a.broken_share)
    years = [[] for _ in agencies]
    broken_by = [{} for _ in agencies]
    for idx, (pos, year) in enumerate(reports):
        years[pos].append(year)
        if idx in broken:
            broken_by[pos][year] = broken[idx]
    chunk = max(1, min(200, len(agencies) // (a.jobs * 4) or 1))
    tasks = [(s, agencies[s:s + chunk], years[s:s + chunk], broken_by[s:s + chunk], a.seed, out, hugo)
             for s in range(0, len(agencies), chunk)]
    if hugo:
        os.makedirs(os.path.join(hugo, "content", "reports"), exist_ok=True)
    if a.jobs > 1 and len(tasks) > 1:
        with Pool(a.jobs) as pool:
            parts = pool.map(work, tasks, chunksize=1)
    else:
        parts = [work(t) for t in tasks]
    results = [r for part in parts for r in part]

    with open(os.path.join(out, "site.yml"), "w", encoding="utf-8") as fh:
        fh.write(SITE_YML.format(count=a.count, seed=a.seed))
    expected = {
        "generator": "scripts/generate_corpus.py",
        "count": a.count, "seed": a.seed, "brokenShare": a.broken_share,
        "rules": RULES,
        "broken": [{"source": r["source"], "rule": r["rule"], "change": r["how"]}
                   for r in sorted(results, key=lambda r: r["source"]) if r["rule"]],
    }
    with open(os.path.join(out, "expected-findings.json"), "w", encoding="utf-8") as fh:
        json.dump(expected, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    layouts = {}
    for r in results:
        layouts[r["layout"]] = layouts.get(r["layout"], 0) + 1
    summary = {
        "count": len(results), "agencies": len(agencies), "seed": a.seed,
        "reportBytes": sum(r["bytes"] for r in results), "layouts": layouts,
        "regions": sorted({"/".join(r["region"][:i + 1]) for r in results for i in range(len(r["region"]))}),
        "reports": [{k: r[k] for k in ("source", "agency", "year", "template", "layout", "region")}
                    for r in sorted(results, key=lambda r: r["source"])],
    }
    with open(os.path.join(out, "corpus.json"), "w", encoding="utf-8") as fh:
        json.dump(summary, fh, ensure_ascii=False, separators=(",", ":"))
        fh.write("\n")
    if hugo:
        with open(os.path.join(hugo, "config.yaml"), "w", encoding="utf-8") as fh:
            fh.write(HUGO_CONFIG)
        with open(os.path.join(hugo, "content", "reports", "_index.md"), "w", encoding="utf-8") as fh:
            fh.write("---\ntitle: 年度报告\n---\n")
        for rel, text in HUGO_LAYOUTS.items():
            p = os.path.join(hugo, "layouts", rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w", encoding="utf-8") as fh:
                fh.write(text)
    print(f"{len(results)} reports ({len(agencies)} agencies, {len(expected['broken'])} broken, "
          f"{summary['reportBytes'] / 1e6:.1f} MB) in {out}" + (f", Hugo site in {hugo}" if hugo else "") +
          f" [{time.time() - began:.1f}s]", file=sys.stderr)


if __name__ == "__main__":
    main()
