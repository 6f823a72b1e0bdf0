/// The numeric bounds of one schema node (`minimum`, `maximum`, `exclusiveMinimum`,
/// `exclusiveMaximum`: the first of each), for ``SchemaChecker``: the instance number is read
/// once and compared with each bound present, as the bound ops compare it.
struct SchemaBounds {
    var minimum = 0.0, maximum = 0.0, exclusiveMinimum = 0.0, exclusiveMaximum = 0.0
    /// Which bounds are present: ``hasMinimum``, ``hasMaximum``, ``hasExclusiveMinimum``, ``hasExclusiveMaximum``.
    var present: UInt8 = 0

    static let hasMinimum: UInt8 = 1
    static let hasMaximum: UInt8 = 2
    static let hasExclusiveMinimum: UInt8 = 4
    static let hasExclusiveMaximum: UInt8 = 8

    /// Takes `op` when it is a bound of a kind not taken yet; false otherwise.
    mutating func lift(_ op: SchemaOp) -> Bool {
        switch op {
        case .minimum(let bound, _) where present & Self.hasMinimum == 0:
            (minimum, present) = (bound, present | Self.hasMinimum)
        case .maximum(let bound, _) where present & Self.hasMaximum == 0:
            (maximum, present) = (bound, present | Self.hasMaximum)
        case .exclusiveMinimum(let bound, _) where present & Self.hasExclusiveMinimum == 0:
            (exclusiveMinimum, present) = (bound, present | Self.hasExclusiveMinimum)
        case .exclusiveMaximum(let bound, _) where present & Self.hasExclusiveMaximum == 0:
            (exclusiveMaximum, present) = (bound, present | Self.hasExclusiveMaximum)
        default:
            return false
        }
        return true
    }

    /// Whether `value` (NaN when the number could not be read) is within every bound present.
    @inline(__always)
    func holds(_ value: Double) -> Bool {
        if present & Self.hasMinimum != 0, !(value >= minimum) { return false }
        if present & Self.hasMaximum != 0, !(value <= maximum) { return false }
        if present & Self.hasExclusiveMinimum != 0, !(value > exclusiveMinimum) { return false }
        if present & Self.hasExclusiveMaximum != 0, !(value < exclusiveMaximum) { return false }
        return true
    }
}
