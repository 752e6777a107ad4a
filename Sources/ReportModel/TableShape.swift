/// The rows and columns of one of the three template tables, with their keys
/// (the open-data schema of DESIGN.md) and their Chinese labels as printed in the template.
/// A class (it never changes): every table of every report shares one, and copying a report
/// then retains one reference per table instead of each of the shape's arrays and dictionaries.
public final class TableShape: Hashable, Sendable {
    public struct Column: Hashable, Sendable {
        public let key: String
        public let label: String
    }

    public struct Row: Hashable, Sendable {
        public let key: String
        public let label: String
        /// The template's group heading this row sits under (e.g. `（三）不予公开`, `第二十条第（一）项`).
        public let group: String?
        public let columns: [String]
    }

    public let name: String
    public let rows: [Row]
    public let columns: [Column]
    /// Row key → column key → the cell's place in a table's flat storage (row by row).
    public let positions: [String: [String: Int]]
    public let cellCount: Int
    /// The sums within this table that the template requires; made once per shape, as every
    /// report's checks and the parser's digit splitting read them.
    public let relations: [SumRelation]
    /// `positions` again, as a list scanned by key length before comparing keys: hashing a
    /// String key for every cell read cost more than the scan over some twenty rows.
    private let lookup: [KeyPositions]
    /// Each row's `position(row.key, column)` for its columns, in their order: the checker and
    /// the parser walk rows, and so look no key up per cell.
    public let rowPositions: [[Int?]]
    /// The positions of the cells of each of `relations` (see `ReportTable.sides(ofRelation:)`).
    public let relationPositions: [SumRelation.Positions]
    /// The rows' keys' UTF-8 lengths, and whether keys equal as Strings always have the same
    /// bytes (see `rowIndex`).
    private let rowKeyLengths: [Int]
    private let rowKeysByBytes: Bool

    private struct KeyPositions: Hashable, Sendable {
        let key: String
        let length: Int
        /// Columns for a row entry; empty for a column entry.
        let columns: [KeyPositions]
        let position: Int
    }

    public init(name: String, rows: [Row], columns: [Column]) {
        self.name = name
        self.rows = rows
        self.columns = columns
        var positions: [String: [String: Int]] = [:]
        var count = 0
        for row in rows {
            var columns: [String: Int] = [:]
            for column in row.columns {
                columns[column] = count
                count += 1
            }
            positions[row.key] = columns
        }
        self.positions = positions
        cellCount = count
        // In row order (a dictionary's order differs between instances, and equal shapes must
        // stay equal), each key once with the dictionary's positions.
        var entries: [KeyPositions] = []
        for row in rows where !entries.contains(where: { $0.key == row.key }) {
            let cells = positions[row.key]!
            var columns: [KeyPositions] = []
            for column in row.columns where !columns.contains(where: { $0.key == column }) {
                columns.append(KeyPositions(key: column, length: column.utf8.count, columns: [], position: cells[column]!))
            }
            entries.append(KeyPositions(key: row.key, length: row.key.utf8.count, columns: columns, position: -1))
        }
        lookup = entries
        relations = Self.relations(name: name, rows: rows)
        rowKeyLengths = rows.map(\.key.utf8.count)
        rowKeysByBytes = Set(rows.map(\.key)).count == Set(rows.map { Array($0.key.utf8) }).count
        // By the dictionary, which `position` always agrees with.
        rowPositions = rows.map { row in row.columns.map { positions[row.key]?[$0] } }
        relationPositions = relations.map { relation in
            SumRelation.Positions(left: relation.left.map { positions[$0.row]?[$0.column] },
                                  right: relation.right.map { positions[$0.row]?[$0.column] })
        }
    }

    /// `positions[row]?[column]`, without hashing the keys.
    public func position(_ row: String, _ column: String) -> Int? {
        let rowLength = row.utf8.count
        for entry in lookup where entry.length == rowLength && entry.key == row {
            let columnLength = column.utf8.count
            for cell in entry.columns where cell.length == columnLength && cell.key == column {
                return cell.position
            }
            break
        }
        // Keys equal as Strings may differ in UTF-8 length (canonical equivalents, such as
        // U+212A KELVIN SIGN for K): the dictionary decides every case the scan did not.
        return positions[row]?[column]
    }

    /// Equal when made from the same name, rows and columns (all the rest derives from them).
    public static func == (a: TableShape, b: TableShape) -> Bool {
        a === b || (a.name == b.name && a.rows == b.rows && a.columns == b.columns)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(rows)
        hasher.combine(columns)
    }

    public func row(_ key: String) -> Row? { rowIndex(key).map { rows[$0] } }

    /// The index of the first row whose key is `key`. Rows of another UTF-8 length are skipped
    /// unread; that finds the same row when no two keys are equal Strings of other bytes
    /// (canonical equivalents), and the full comparison decides what the scan did not find.
    public func rowIndex(_ key: String) -> Int? {
        if rowKeysByBytes {
            let length = key.utf8.count
            for i in rows.indices where rowKeyLengths[i] == length && rows[i].key == key { return i }
        }
        return rows.firstIndex { $0.key == key }
    }
    public func column(_ key: String) -> Column? { columns.first { $0.key == key } }
}

extension TableShape {
    /// Section 二: 主动公开政府信息情况.
    /// The shapes are made once: every table of every report shares them.
    public static func activeDisclosure(_ template: TemplateVersion) -> TableShape {
        template == .v2021 ? activeDisclosure2021 : activeDisclosure2019
    }

    private static let activeDisclosure2021 = makeActiveDisclosure(.v2021)
    private static let activeDisclosure2019 = makeActiveDisclosure(.v2019)

    private static func makeActiveDisclosure(_ template: TemplateVersion) -> TableShape {
        switch template {
        case .v2021:
            let docs = ["issued", "repealed", "inForce"]
            return TableShape(name: "activeDisclosure", rows: [
                Row(key: "regulations", label: "规章", group: "第二十条第（一）项", columns: docs),
                Row(key: "normativeDocuments", label: "行政规范性文件", group: "第二十条第（一）项", columns: docs),
                Row(key: "licensing", label: "行政许可", group: "第二十条第（五）项", columns: ["decisions"]),
                Row(key: "punishment", label: "行政处罚", group: "第二十条第（六）项", columns: ["decisions"]),
                Row(key: "coercion", label: "行政强制", group: "第二十条第（六）项", columns: ["decisions"]),
                Row(key: "fees", label: "行政事业性收费", group: "第二十条第（八）项", columns: ["amount"]),
            ], columns: [
                Column(key: "issued", label: "本年制发件数"),
                Column(key: "repealed", label: "本年废止件数"),
                Column(key: "inForce", label: "现行有效件数"),
                Column(key: "decisions", label: "本年处理决定数量"),
                Column(key: "amount", label: "本年收费金额（单位：万元）"),
            ])
        case .v2019:
            let docs = ["made", "published", "total"]
            let items = ["previous", "change", "decisions"]
            return TableShape(name: "activeDisclosure", rows: [
                Row(key: "regulations", label: "规章", group: "第二十条第（一）项", columns: docs),
                Row(key: "normativeDocuments", label: "规范性文件", group: "第二十条第（一）项", columns: docs),
                Row(key: "licensing", label: "行政许可", group: "第二十条第（五）项", columns: items),
                Row(key: "otherServices", label: "其他对外管理服务事项", group: "第二十条第（五）项", columns: items),
                Row(key: "punishment", label: "行政处罚", group: "第二十条第（六）项", columns: items),
                Row(key: "coercion", label: "行政强制", group: "第二十条第（六）项", columns: items),
                Row(key: "fees", label: "行政事业性收费", group: "第二十条第（八）项", columns: ["previous", "change"]),
                Row(key: "procurement", label: "政府集中采购", group: "第二十条第（九）项", columns: ["projects", "amount"]),
            ], columns: [
                Column(key: "made", label: "本年新制作数量"),
                Column(key: "published", label: "本年新公开数量"),
                Column(key: "total", label: "对外公开总数量"),
                Column(key: "previous", label: "上一年项目数量"),
                Column(key: "change", label: "本年增/减"),
                Column(key: "decisions", label: "处理决定数量"),
                Column(key: "projects", label: "采购项目数量"),
                Column(key: "amount", label: "采购总金额"),
            ])
        }
    }

    /// The seven applicant columns of section 三, in template order.
    public static let applicantColumns: [Column] = [
        Column(key: "naturalPerson", label: "自然人"),
        Column(key: "commercial", label: "商业企业"),
        Column(key: "research", label: "科研机构"),
        Column(key: "socialWelfare", label: "社会公益组织"),
        Column(key: "legalService", label: "法律服务机构"),
        Column(key: "other", label: "其他"),
        Column(key: "total", label: "总计"),
    ]

    /// Section 三: 收到和处理政府信息公开申请情况.
    public static func applications(_ template: TemplateVersion) -> TableShape {
        template == .v2021 ? applications2021 : applications2019
    }

    private static let applications2021 = makeApplications(.v2021)
    private static let applications2019 = makeApplications(.v2019)

    private static func makeApplications(_ template: TemplateVersion) -> TableShape {
        let columns = applicantColumns.map(\.key)
        func row(_ key: String, _ label: String, _ group: String? = nil) -> Row {
            Row(key: key, label: label, group: group, columns: columns)
        }
        let results = "三、本年度办理结果"
        var rows: [Row] = [
            row("newlyReceived", "一、本年新收政府信息公开申请数量"),
            row("carriedOver", "二、上年结转政府信息公开申请数量"),
            row("granted", "（一）予以公开", results),
            row("partiallyGranted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", results),
            row("denied.stateSecret", "1.属于国家秘密", "（三）不予公开"),
            row("denied.prohibitedByLaw", "2.其他法律行政法规禁止公开", "（三）不予公开"),
            row("denied.safetyStability", "3.危及“三安全一稳定”", "（三）不予公开"),
            row("denied.thirdPartyRights", "4.保护第三方合法权益", "（三）不予公开"),
            row("denied.internalAffairs", "5.属于三类内部事务信息", "（三）不予公开"),
            row("denied.processInformation", "6.属于四类过程性信息", "（三）不予公开"),
            row("denied.enforcementFiles", "7.属于行政执法案卷", "（三）不予公开"),
            row("denied.administrativeQuery", "8.属于行政查询事项", "（三）不予公开"),
            row("unavailable.notHeld", "1.本机关不掌握相关政府信息", "（四）无法提供"),
            row("unavailable.needsCreation", "2.没有现成信息需要另行制作", "（四）无法提供"),
            row("unavailable.unclear", "3.补正后申请内容仍不明确", "（四）无法提供"),
            row("notProcessed.complaint", "1.信访举报投诉类申请", "（五）不予处理"),
            row("notProcessed.repeated", "2.重复申请", "（五）不予处理"),
            row("notProcessed.publication", "3.要求提供公开出版物", "（五）不予处理"),
            row("notProcessed.excessive", "4.无正当理由大量反复申请", "（五）不予处理"),
            row("notProcessed.confirmation", "5.要求行政机关确认或重新出具已获取信息", "（五）不予处理"),
        ]
        switch template {
        case .v2021:
            rows += [
                row("other.noCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
                row("other.feeUnpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
                row("other.other", "3.其他", "（六）其他处理"),
            ]
        case .v2019:
            rows.append(row("other", "（六）其他处理", results))
        }
        rows += [
            row("totalHandled", "（七）总计", results),
            row("carriedForward", "四、结转下年度继续办理"),
        ]
        return TableShape(name: "applications", rows: rows, columns: applicantColumns)
    }

    /// The keys of the outcome rows whose sum is （七）总计.
    public func outcomeRowKeys() -> [String] { Self.outcomeRowKeys(rows) }

    static func outcomeRowKeys(_ rows: [Row]) -> [String] {
        rows.map(\.key).filter {
            !["newlyReceived", "carriedOver", "totalHandled", "carriedForward"].contains($0)
        }
    }

    /// Section 四: 政府信息公开行政复议、行政诉讼情况 — 15 numbers.
    public static let reviewLitigation: TableShape = {
        let columns = ["upheld", "corrected", "other", "pending", "total"]
        return TableShape(name: "reviewLitigation", rows: [
            Row(key: "review", label: "行政复议", group: nil, columns: columns),
            Row(key: "litigationDirect", label: "行政诉讼（未经复议直接起诉）", group: "行政诉讼", columns: columns),
            Row(key: "litigationAfterReview", label: "行政诉讼（复议后起诉）", group: "行政诉讼", columns: columns),
        ], columns: [
            Column(key: "upheld", label: "结果维持"),
            Column(key: "corrected", label: "结果纠正"),
            Column(key: "other", label: "其他结果"),
            Column(key: "pending", label: "尚未审结"),
            Column(key: "total", label: "总计"),
        ])
    }()
}
