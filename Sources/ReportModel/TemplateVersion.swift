/// The national report format: 国办公开办函〔2019〕60号 (reports on 2019–2020)
/// or 国办公开办函〔2021〕30号 (reports on 2021 and later).
public enum TemplateVersion: String, Sendable, Codable, CaseIterable {
    case v2019 = "2019"
    case v2021 = "2021"

    /// The template a report on `year` should use.
    public static func expected(forYear year: Int) -> TemplateVersion {
        year >= 2021 ? .v2021 : .v2019
    }
}
