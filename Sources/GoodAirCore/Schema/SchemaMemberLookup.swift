/// Finding a member name's `properties` entry in a ``SchemaMemberTable``, and comparing names.
extension SchemaCode {
    /// The `properties` entry of object rule `rule` named like member name node `keyNode` of
    /// `instance` (whose tape is `tape`); -1 when none is.
    @inline(__always)
    func property(_ rule: Int, named keyNode: Int, _ instance: SchemaInstance, _ tape: JSONTape) -> Int {
        guard let slot = hashedSlot(memberTables[rule], named: keyNode, instance.nodes[keyNode], instance, tape) else { return -1 }
        return Int(slot.pointee.property)
    }

    /// The slot of the `properties` entry of `table` named like member name node `keyNode`, or nil.
    /// Tries first the slot at position `expected` in `properties` order, then (unless the table's
    /// ``SchemaMemberTable/bloom`` rules the name out) hashes; `expected` becomes the position
    /// after the slot found (the likely next member).
    @inline(__always)
    func slot(_ table: SchemaMemberTable, named keyNode: Int, expected: inout Int32,
              _ instance: SchemaInstance, _ tape: JSONTape) -> UnsafePointer<SchemaMemberSlot>? {
        let record = instance.nodes[keyNode]
        if expected < table.count {
            let guess = memberSlots + Int(table.ordered &+ expected)
            if guess.pointee.tag == record.count, isNamed(guess, keyNode, record, instance, tape) {
                expected &+= 1
                return guess
            }
        }
        if table.bloom & SchemaMemberTable.bloomBit(record.count) == 0 { return nil }
        return hashedSlot(table, named: keyNode, expected: &expected, instance, tape)
    }

    /// ``slot(_:named:expected:_:_:)`` when the member is not the expected one.
    @inline(never)
    func hashedSlot(_ table: SchemaMemberTable, named keyNode: Int, expected: inout Int32,
                    _ instance: SchemaInstance, _ tape: JSONTape) -> UnsafePointer<SchemaMemberSlot>? {
        guard let found = hashedSlot(table, named: keyNode, instance.nodes[keyNode], instance, tape) else { return nil }
        expected = found.pointee.property &- table.first &+ 1
        return found
    }

    /// The hash probe: the slot of `table` named like member name node `keyNode` (whose record is
    /// `record`), or nil.
    @inline(__always)
    func hashedSlot(_ table: SchemaMemberTable, named keyNode: Int, _ record: JSONNode,
                    _ instance: SchemaInstance, _ tape: JSONTape) -> UnsafePointer<SchemaMemberSlot>? {
        guard table.mask >= 0 else { return nil }
        let tag = record.count
        var slot = Int(tag & UInt32(bitPattern: table.mask))
        while true {
            let entry = memberSlots + (Int(table.start) &+ slot)
            if entry.pointee.property < 0 { return nil }
            if entry.pointee.tag == tag, isNamed(entry, keyNode, record, instance, tape) { return entry }
            slot = (slot &+ 1) & Int(table.mask)
        }
    }

    /// Whether member name node `keyNode` (whose record is `record`, with the same tag) is the
    /// name of `slot`: a name of up to eight bytes is one word compared with the slot's
    /// ``SchemaMemberSlot/keyWord``.
    @inline(__always)
    func isNamed(_ slot: UnsafePointer<SchemaMemberSlot>, _ keyNode: Int, _ record: JSONNode,
                 _ instance: SchemaInstance, _ tape: JSONTape) -> Bool {
        guard record.flags & JSONNode.escaped == 0 else { return isEscapedNamed(slot, keyNode, record, instance, tape) }
        let length = Int(record.end &- record.start), start = Int(record.start)
        guard length == Int(slot.pointee.keyLength) else { return false }
        if length <= 8, start &+ 8 <= instance.count {
            let mine = UInt64(littleEndian: Self.word(instance.source + start))
            return (mine ^ slot.pointee.keyWord) << UInt64((8 &- length) &* 8) == 0
        }
        return sameBytes(instance, start, keyBytes + Int(slot.pointee.keyStart), length)
    }

    /// ``isNamed(_:_:_:_:_:)`` for a name written with escapes.
    @inline(never)
    func isEscapedNamed(_ slot: UnsafePointer<SchemaMemberSlot>, _ keyNode: Int, _ record: JSONNode,
                        _ instance: SchemaInstance, _ tape: JSONTape) -> Bool {
        keyEquals(keyNode, record, properties[Int(slot.pointee.property)].key, instance, tape)
    }

    /// Whether member name node `keyNode` (whose record is `record`) is property name `key`.
    @inline(__always)
    func keyEquals(_ keyNode: Int, _ record: JSONNode, _ key: Int32, _ instance: SchemaInstance, _ tape: JSONTape) -> Bool {
        let span = keys[Int(key)]
        if record.flags & JSONNode.escaped == 0 {
            let length = Int(record.end &- record.start)
            return length == span.count && sameBytes(instance, Int(record.start), keyBytes + Int(span.lower), length)
        }
        return tape.keyEquals(keyNode, utf8: UnsafeBufferPointer(start: keyBytes + Int(span.lower), count: span.count), tag: keyTags[Int(key)])
    }

    /// Whether the `count` instance bytes at `start` equal the `count` bytes at `key` (in
    /// ``keyBytes``, followed by at least eight readable bytes): up to 16 bytes with one or two
    /// word comparisons, no loop.
    @inline(__always)
    func sameBytes(_ instance: SchemaInstance, _ start: Int, _ key: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let text = instance.source + start
        if count <= 8, start &+ 8 <= instance.count {
            let mine = UInt64(littleEndian: Self.word(text)), theirs = UInt64(littleEndian: Self.word(key))
            let unused = UInt64((8 &- count) &* 8)
            return (mine ^ theirs) << unused == 0
        }
        if count > 8, count <= 16 {
            let tail = count &- 8
            return Self.word(text) == Self.word(key) && Self.word(text + tail) == Self.word(key + tail)
        }
        return SchemaInstance.equal(text, key, count)
    }

    /// Eight bytes at `pointer`, unaligned.
    @inline(__always)
    static func word(_ pointer: UnsafePointer<UInt8>) -> UInt64 { UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self) }

    /// The value node of the member of `object` named `key`, or nil (the first one when repeated).
    @inline(__always)
    func member(_ object: Int, _ key: Int32, _ instance: SchemaInstance, _ tape: JSONTape) -> Int? {
        let tag = keyTags[Int(key)]
        var keyNode = object &+ 1
        for _ in 0..<instance.count(object) {
            let record = instance.nodes[keyNode]
            if record.count == tag, keyEquals(keyNode, record, key, instance, tape) { return keyNode &+ 1 }
            keyNode = instance.next(keyNode &+ 1)
        }
        return nil
    }
}
