/// A member name known when the program is written, with its ``JSONKeyTag`` computed once: the
/// extractors look up some forty names in every snapshot, and a lookup by `String` hashes the
/// name again each time.
///
/// ```swift
/// static let data = MemberKey("data")
/// tape.member(tape.root, data)
/// ```
struct MemberKey: Sendable {
    let utf8: [UInt8]
    let tag: UInt32

    init(_ name: String) {
        utf8 = Array(name.utf8)
        tag = JSONKeyTag.of(name)
    }
}

extension JSONTape {
    /// The value node of member `key` in `object`, as ``member(_:_:)`` finds it; nil when absent
    /// or when `object` is not an object (or is nil).
    @inline(__always)
    func member(_ object: Int?, _ key: MemberKey) -> Int? {
        guard let object else { return nil }
        return key.utf8.withUnsafeBufferPointer { member(object, utf8: $0, tag: key.tag) }
    }
}
