/// The `properties` of one object rule as an open-addressing table keyed by ``JSONKeyTag``: a
/// member name finds its property in about one probe, comparing the tag the parser stored in the
/// name's node, then the bytes. When a name is listed twice, the first entry wins, as in a scan
/// of `properties` in order.
struct SchemaMemberTable {
    /// First slot in ``SchemaCode/memberSlots``.
    var start: Int32
    /// Slot count minus one (a power of two minus one); -1 when the rule has no properties.
    var mask: Int32

    /// The tables of every object rule of `tables`, and all their slots.
    static func build(_ tables: SchemaTables) -> ([SchemaMemberTable], [SchemaMemberSlot]) {
        var result: [SchemaMemberTable] = []
        var slots: [SchemaMemberSlot] = []
        for rule in tables.objectRules {
            guard rule.properties.count > 0 else {
                result.append(SchemaMemberTable(start: Int32(slots.count), mask: -1))
                continue
            }
            var size = 4
            while size < rule.properties.count * 2 { size *= 2 }
            let start = slots.count
            slots.append(contentsOf: repeatElement(SchemaMemberSlot(tag: 0, property: -1, keyStart: 0, keyLength: 0), count: size))
            entries: for index in Int(rule.properties.lower)..<Int(rule.properties.upper) {
                let key = tables.properties[index].key
                let tag = tables.keyTags[Int(key)]
                var slot = Int(tag) & (size - 1)
                while slots[start + slot].property >= 0 {
                    if tables.properties[Int(slots[start + slot].property)].key == key { continue entries }
                    slot = (slot + 1) & (size - 1)
                }
                let span = tables.keys[Int(key)]
                slots[start + slot] = SchemaMemberSlot(tag: tag, property: Int32(index), keyStart: span.lower, keyLength: Int32(span.count))
            }
            result.append(SchemaMemberTable(start: Int32(start), mask: Int32(size - 1)))
        }
        return (result, slots)
    }
}

/// One slot of a ``SchemaMemberTable``: a name's tag, its entry in `properties` (-1: empty) and
/// its bytes in ``SchemaCode/keyBytes`` (so a probe reads no other table).
struct SchemaMemberSlot {
    var tag: UInt32
    var property: Int32
    var keyStart: Int32
    var keyLength: Int32
}

extension SchemaCode {
    /// The `properties` entry of object rule `rule` named like member name node `keyNode` of
    /// `instance` (whose tape is `tape`); -1 when none is.
    @inline(__always)
    func property(_ rule: Int, named keyNode: Int, _ instance: SchemaInstance, _ tape: JSONTape) -> Int {
        let table = memberTables[rule]
        guard table.mask >= 0 else { return -1 }
        let record = instance.nodes[keyNode]
        let tag = record.count
        var slot = Int(tag & UInt32(bitPattern: table.mask))
        while true {
            let entry = memberSlots[Int(table.start) &+ slot]
            if entry.property < 0 { return -1 }
            if entry.tag == tag {
                if record.flags & JSONNode.escaped == 0 {
                    let length = Int(record.end &- record.start)
                    if length == Int(entry.keyLength),
                       sameBytes(instance, Int(record.start), keyBytes + Int(entry.keyStart), length) { return Int(entry.property) }
                } else if keyEquals(keyNode, record, properties[Int(entry.property)].key, instance, tape) {
                    return Int(entry.property)
                }
            }
            slot = (slot &+ 1) & Int(table.mask)
        }
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
