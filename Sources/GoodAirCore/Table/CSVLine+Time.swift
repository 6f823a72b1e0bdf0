/// Timestamps and dates, in the lake's one format (UTC, ISO 8601, seconds, `Z`).
extension CSVLine {
    /// `2026-11-29T14:00:00Z` for seconds since 1970.
    public mutating func appendTimestamp(_ seconds: Int) {
        let days = CivilTime.floorDiv(seconds, 86_400)
        let rest = seconds - days * 86_400
        let (year, month, day) = CivilTime.civil(days: days)
        if year >= 0 && year <= 9999 {
            // The usual case, written into 20 bytes on the stack and appended at once.
            var text: (UInt64, UInt64, UInt32) = (0, 0, 0)
            withUnsafeMutableBytes(of: &text) { out in
                Self.put(year / 100, out, 0); Self.put(year % 100, out, 2); out[4] = UInt8(ascii: "-")
                Self.put(month, out, 5); out[7] = UInt8(ascii: "-"); Self.put(day, out, 8); out[10] = UInt8(ascii: "T")
                Self.put(rest / 3600, out, 11); out[13] = UInt8(ascii: ":"); Self.put(rest / 60 % 60, out, 14)
                out[16] = UInt8(ascii: ":"); Self.put(rest % 60, out, 17); out[19] = UInt8(ascii: "Z")
                bytes.append(contentsOf: UnsafeRawBufferPointer(out))
            }
            return
        }
        appendDate(days: days)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(UInt(rest / 3600), minimumWidth: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(UInt(rest / 60 % 60), minimumWidth: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(UInt(rest % 60), minimumWidth: 2)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// `2026-11-29` for a day number (days since 1970-01-01).
    public mutating func appendDate(days: Int) {
        let (year, month, day) = CivilTime.civil(days: days)
        if year < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(UInt(abs(year)), minimumWidth: 4)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(UInt(month), minimumWidth: 2)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(UInt(day), minimumWidth: 2)
    }

    /// Two decimal digits of `value` (0...99) at `offset`.
    @inline(__always)
    private static func put(_ value: Int, _ out: UnsafeMutableRawBufferPointer, _ offset: Int) {
        out[offset] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10)
        out[offset &+ 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
    }
}
