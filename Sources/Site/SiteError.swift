/// Why a build could not run or could not be published.
public enum SiteError: Error, CustomStringConvertible, Equatable {
    case missingFolder(String)
    case noReadableReports
    case template(name: String, message: String)
    case output(String)
    case strict(Int)
    case brokenLinks([String])

    public var description: String {
        switch self {
        case .missingFolder(let path): return "找不到文件夹 \(path)"
        case .noReadableReports: return "没有一份报告能够读取，未生成网站"
        case .template(let name, let message): return "模板 \(name) 有误：\(message)"
        case .output(let message): return "无法写入输出：\(message)"
        case .brokenLinks(let links):
            return "网站中有 \(links.count) 个失效链接，未发布：\n" + links.prefix(20).map { "  " + $0 }.joined(separator: "\n")
        case .strict(let count): return "严格模式：有 \(count) 个核对发现，未生成网站"
        }
    }
}
