/// The node records of a ``JSONTape``, in one allocation: how many there are, then the records.
///
/// A `ManagedBuffer` of a class of its own rather than an `Array`: creating an array of a
/// generic element type looks its storage class up in the runtime's metadata cache each time,
/// and asks the allocator for the block's usable size — a cost as large as parsing a small
/// document. Written once by the parser, immutable afterwards (hence `Sendable`).
struct JSONNodes: @unchecked Sendable {
    /// The allocation: the header is the number of nodes written.
    final class Storage: ManagedBuffer<Int, JSONNode> {}

    let storage: Storage

    /// Room for `capacity` nodes, none written yet.
    init(capacity: Int) {
        storage = unsafeDowncast(Storage.create(minimumCapacity: capacity) { _ in 0 }, to: Storage.self)
    }

    /// How many nodes were written. (Read through the header's pointer: the `header` property
    /// of a class is checked for exclusive access at run time.)
    var count: Int { storage.withUnsafeMutablePointerToHeader { $0.pointee } }

    /// Records that `count` nodes were written (by the parser, before the tape is made).
    func setCount(_ count: Int) {
        storage.withUnsafeMutablePointerToHeader { $0.pointee = count }
    }

    /// Node `index` (which must be below ``count``).
    subscript(index: Int) -> JSONNode {
        precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "JSON node index out of range")
        return storage.withUnsafeMutablePointerToElements { $0[index] }
    }

    /// Calls `body` with the nodes written.
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<JSONNode>) throws -> Result) rethrows -> Result {
        try storage.withUnsafeMutablePointerToElements { try body(UnsafeBufferPointer(start: $0, count: count)) }
    }

    /// The nodes as an array (for copies that outlive the tape).
    var array: [JSONNode] { withUnsafeBufferPointer { Array($0) } }
}
