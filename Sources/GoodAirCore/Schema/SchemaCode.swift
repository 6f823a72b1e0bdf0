/// The tables ``SchemaValidator`` reads on every document, copied once into raw memory owned by
/// the ``SchemaProgram``: reading them in the validation loop costs no retain, no release, no
/// bounds or uniqueness check. Built from the compiler's ``SchemaTables`` (which stay the
/// reference, and serve the messages); also holds what the tables do not have: each object
/// rule's member lookup table and each pattern's automaton.
///
/// Immutable once built; a plain value of pointers (copying it costs no reference counting). The
/// memory is listed in `owned` when built, and freed by the program when it goes.
struct SchemaCode: @unchecked Sendable {
    /// The root schema node.
    let root: Int32
    let nodes: UnsafePointer<Span>
    let ops: UnsafePointer<SchemaOp>
    let children: UnsafePointer<Int32>
    let values: UnsafePointer<Int32>
    let properties: UnsafePointer<SchemaProperty>
    let patterns: UnsafePointer<SchemaPattern>
    let objectRules: UnsafePointer<SchemaObjectRule>
    let keyLists: UnsafePointer<Int32>
    let keys: UnsafePointer<Span>
    let keyBytes: UnsafePointer<UInt8>
    let keyTags: UnsafePointer<UInt32>
    /// Per object rule, its `properties` by name (see ``SchemaMemberTable``).
    let memberTables: UnsafePointer<SchemaMemberTable>
    let memberSlots: UnsafePointer<SchemaMemberSlot>
    /// Per schema node, what is known before seeing an instance (see ``SchemaNodeInfo``).
    let info: UnsafePointer<SchemaNodeInfo>
    /// Per schema node, how ``SchemaChecker`` evaluates it (see ``SchemaCheckPlan``), and the ops
    /// its plan leaves to the general switch.
    let plans: UnsafePointer<SchemaCheckPlan>
    let restOps: UnsafePointer<SchemaOp>
    let bounds: UnsafePointer<SchemaBounds>
    /// Per regex, its ASCII automaton (or none).
    let automata: UnsafePointer<SchemaAutomaton>
    /// The schema document (values of `const` and `enum`).
    let document: SchemaInstance

    /// Copies the hot parts of `tables`, adding each block it allocates to `owned`.
    init(_ tables: SchemaTables, owned: inout SchemaMemory) {
        func copy<T>(_ array: [T]) -> UnsafePointer<T> {
            let memory = UnsafeMutablePointer<T>.allocate(capacity: max(array.count, 1))
            _ = UnsafeMutableBufferPointer(start: memory, count: array.count).initialize(from: array)
            owned.blocks.append(UnsafeMutableRawPointer(memory))
            return UnsafePointer(memory)
        }
        root = tables.root
        nodes = copy(tables.nodes)
        ops = copy(tables.ops)
        children = copy(tables.children)
        values = copy(tables.values)
        properties = copy(tables.properties)
        patterns = copy(tables.patterns)
        objectRules = copy(tables.objectRules)
        keyLists = copy(tables.keyLists)
        keys = copy(tables.keys)
        keyBytes = copy(tables.keyBytes + repeatElement(0, count: 8))   // word reads past the last name
        keyTags = copy(tables.keyTags)
        let info = SchemaNodeInfo.build(tables)
        self.info = copy(info)
        let (plans, restOps, bounds) = SchemaCheckPlan.build(tables)
        self.plans = copy(plans)
        self.restOps = copy(restOps)
        self.bounds = copy(bounds)
        let (memberTables, memberSlots) = SchemaMemberTable.build(tables, info)
        self.memberTables = copy(memberTables)
        self.memberSlots = copy(memberSlots)
        var automata: [SchemaAutomaton] = []
        var transitions: [UInt16] = [], states: [UInt8] = [], templates: [UInt8] = [], chunks: [SchemaTemplateChunk] = []
        for regex in tables.regexes { automata.append(SchemaAutomaton.append(regex, &transitions, &states, &templates, &chunks)) }
        let transitionTable = copy(transitions), stateTable = copy(states), templateTable = copy(templates), chunkTable = copy(chunks)
        self.automata = copy(automata.map { $0.located(transitionTable, stateTable, templateTable, chunkTable) })
        document = SchemaInstance(nodes: copy(tables.document.nodes.array), source: copy(tables.document.bytes), count: tables.document.bytes.count)
    }

    /// Whether schema `node` is the `false` schema.
    @inline(__always)
    func isFalse(_ node: Int32) -> Bool {
        let span = nodes[Int(node)]
        guard span.count == 1, case .alwaysFalse = ops[Int(span.lower)] else { return false }
        return true
    }
}

/// The memory blocks of a ``SchemaCode``, to free when its program goes.
struct SchemaMemory: @unchecked Sendable {
    var blocks: [UnsafeMutableRawPointer] = []
}
