/// The `properties` of one object rule as an open-addressing table keyed by ``JSONKeyTag``: a
/// member name finds its property in about one probe, comparing the tag the parser stored in the
/// name's node, then the bytes. When a name is listed twice, the first entry wins, as in a scan
/// of `properties` in order.
///
/// Beside the hash slots, the same slots in `properties` order (``ordered``): members usually come
/// in the order the schema lists them, so the `isValid` walk tries the slot after the last one
/// matched before hashing (see ``SchemaCode/slot(_:named:expected:_:_:)``).
struct SchemaMemberTable {
    /// First slot in ``SchemaCode/memberSlots``.
    var start: Int32
    /// Slot count minus one (a power of two minus one); -1 when the rule has no properties.
    var mask: Int32
    /// First of the rule's slots in `properties` order, in ``SchemaCode/memberSlots``.
    var ordered: Int32
    /// How many `properties` the rule has (slots in order), and the first one's index in `properties`.
    var count: Int32
    var first: Int32
    /// One bit per property, picked by its tag (see ``bloomBit(_:)``): a name whose bit is clear
    /// is none of them, found without a probe.
    var bloom: UInt64

    /// The ``bloom`` bit of a name's tag: from its high bits (the low ones pick the slot).
    @inline(__always)
    static func bloomBit(_ tag: UInt32) -> UInt64 { 1 &<< UInt64(tag &>> 26) }

    /// The tables of every object rule of `tables`, and all their slots; `info` is each schema
    /// node's ``SchemaNodeInfo``, copied into the slots.
    static func build(_ tables: SchemaTables, _ info: [SchemaNodeInfo]) -> ([SchemaMemberTable], [SchemaMemberSlot]) {
        var result: [SchemaMemberTable] = []
        var slots: [SchemaMemberSlot] = []
        for rule in tables.objectRules {
            guard rule.properties.count > 0 else {
                result.append(SchemaMemberTable(start: Int32(slots.count), mask: -1, ordered: Int32(slots.count), count: 0, first: 0, bloom: 0))
                continue
            }
            var size = 4
            while size < rule.properties.count * 2 { size *= 2 }
            let start = slots.count
            slots.append(contentsOf: repeatElement(SchemaMemberSlot.empty, count: size))
            var first: [Int32: Int] = [:]   // key → its first entry in `properties`
            var bloom: UInt64 = 0
            entries: for index in Int(rule.properties.lower)..<Int(rule.properties.upper) {
                let key = tables.properties[index].key
                let tag = tables.keyTags[Int(key)]
                var slot = Int(tag) & (size - 1)
                while slots[start + slot].property >= 0 {
                    if tables.properties[Int(slots[start + slot].property)].key == key { continue entries }
                    slot = (slot + 1) & (size - 1)
                }
                first[key] = index
                bloom |= bloomBit(tag)
                slots[start + slot] = SchemaMemberSlot(tables, index, info)
            }
            let ordered = slots.count
            for index in Int(rule.properties.lower)..<Int(rule.properties.upper) {
                slots.append(SchemaMemberSlot(tables, first[tables.properties[index].key]!, info))
            }
            result.append(SchemaMemberTable(start: Int32(start), mask: Int32(size - 1), ordered: Int32(ordered),
                                            count: Int32(rule.properties.count), first: rule.properties.lower, bloom: bloom))
        }
        return (result, slots)
    }
}

/// One slot of a ``SchemaMemberTable``: a name's tag, its entry in `properties` (-1: empty), its
/// bytes in ``SchemaCode/keyBytes``, and what the `isValid` walk needs of its entry (required bit,
/// and where its schema leads), so a member costs one slot read.
struct SchemaMemberSlot {
    var tag: UInt32
    var property: Int32
    var keyStart: Int32
    var keyLength: Int32
    /// Where the entry's schema leads (``SchemaNodeInfo/target``, ``SchemaNodeInfo/skipped``).
    var target: Int32
    var skipped: Int32
    /// When the target only checks the type: the ``SchemaCheckPlan/kinds`` it allows; 0 otherwise.
    var kinds: UInt8
    /// The entry's ``SchemaProperty/requiredBit``.
    var requiredBit: UInt64
    /// The name's first eight bytes (fewer: zeros above), little-endian.
    var keyWord: UInt64

    static let empty = SchemaMemberSlot(tag: 0, property: -1, keyStart: 0, keyLength: 0, target: -1, skipped: 0, kinds: 0, requiredBit: 0, keyWord: 0)

    init(tag: UInt32, property: Int32, keyStart: Int32, keyLength: Int32, target: Int32, skipped: Int32, kinds: UInt8, requiredBit: UInt64, keyWord: UInt64) {
        self.tag = tag
        self.property = property
        self.keyStart = keyStart
        self.keyLength = keyLength
        self.target = target
        self.skipped = skipped
        self.kinds = kinds
        self.requiredBit = requiredBit
        self.keyWord = keyWord
    }

    /// The slot of entry `index` of `tables.properties`.
    init(_ tables: SchemaTables, _ index: Int, _ info: [SchemaNodeInfo]) {
        let property = tables.properties[index]
        let span = tables.keys[Int(property.key)]
        let info = info[Int(property.schema)]
        var word: UInt64 = 0
        for (index, byte) in tables.keyBytes[Int(span.lower)..<Int(span.upper)].prefix(8).enumerated() {
            word |= UInt64(byte) << (8 * UInt64(index))
        }
        self.init(tag: tables.keyTags[Int(property.key)], property: Int32(index), keyStart: span.lower, keyLength: Int32(span.count),
                  target: info.target, skipped: info.skipped,
                  kinds: info.types == 0 ? 0 : SchemaCheckPlan.kinds(SchemaTypes(rawValue: info.types)),
                  requiredBit: property.requiredBit, keyWord: word)
    }
}
