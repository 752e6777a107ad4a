import ReportModel

/// Where the cells compared across years lie in each template's tables, looked up once: the
/// check runs for every pair of consecutive years (8,000 at 10,000 reports, in every build), and
/// finding each cell by its row and column keys was most of its time.
struct CrossYearPositions: Sendable {
    struct Carry: Sendable {
        let shape: TableShape
        /// Per applicant column: 二、上年结转 (this year) and 结转下年度 (last year's).
        let carriedOver: [Int?]
        let carriedForward: [Int?]
    }

    /// A row of documents (规章, 规范性文件): its key and its issued, repealed and in-force cells.
    typealias DocumentRow = (key: String, issued: Int?, repealed: Int?, inForce: Int?)

    let carry: [Carry]
    /// The 2021 template's active-disclosure table and its rows of documents.
    private let documentsShape: TableShape
    private let documentRows: [DocumentRow]

    static let shared = CrossYearPositions()

    private init() {
        carry = TemplateVersion.allCases.map { template in
            let shape = TableShape.applications(template)
            return Carry(shape: shape,
                         carriedOver: TableShape.applicantColumns.map { shape.position("carriedOver", $0.key) },
                         carriedForward: TableShape.applicantColumns.map { shape.position("carriedForward", $0.key) })
        }
        documentsShape = TableShape.activeDisclosure(.v2021)
        documentRows = Self.documentRows(documentsShape)
    }

    private static func documentRows(_ shape: TableShape) -> [DocumentRow] {
        ["regulations", "normativeDocuments"].map { key in
            (key, shape.position(key, "issued"), shape.position(key, "repealed"), shape.position(key, "inForce"))
        }
    }

    /// The rows of documents of an active-disclosure table of this shape.
    func documents(_ shape: TableShape) -> [DocumentRow] {
        shape === documentsShape ? documentRows : Self.documentRows(shape)
    }

    /// The positions for a table of this shape, if it is one of the templates'.
    func carry(_ shape: TableShape) -> Carry? { carry.first { $0.shape === shape } }
}
