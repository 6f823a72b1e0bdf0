/// Meteorological seasons, named by the initials of their months.
///
/// ```swift
/// Season.of(month: 1)           // .djf
/// Season.of(month: 7).frenchLabel // "été"
/// ```
public enum Season: String, Sendable, CaseIterable {
    /// December, January, February: winter.
    case djf
    /// March, April, May: spring.
    case mam
    /// June, July, August: summer.
    case jja
    /// September, October, November: autumn.
    case son

    /// The season of a month, 1 (January) … 12 (December).
    ///
    /// ```swift
    /// Season.of(month: 12) // .djf
    /// ```
    public static func of(month: Int) -> Season {
        precondition((1...12).contains(month), "month must be in 1...12")
        switch month {
        case 3...5: return .mam
        case 6...8: return .jja
        case 9...11: return .son
        default: return .djf
        }
    }

    /// The French name of the season, for reports: `"hiver"`, `"printemps"`, `"été"`, `"automne"`.
    ///
    /// ```swift
    /// Season.son.frenchLabel // "automne"
    /// ```
    public var frenchLabel: String {
        switch self {
        case .djf: return "hiver"
        case .mam: return "printemps"
        case .jja: return "été"
        case .son: return "automne"
        }
    }
}
