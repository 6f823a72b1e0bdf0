/// Runs a compiled schema over one instance of a ``JSONTape``, for the failure report.
///
/// Two modes share one walk: `collect == false` stops at the first failure and builds nothing
/// (the silent sub-evaluations below, and the rare ops ``SchemaChecker`` hands over —
/// ``JSONSchema/isValid(_:_:)`` itself runs on ``SchemaChecker``); `collect == true`
/// (``JSONSchema/validate(_:_:)``, once ``JSONSchema/isValid(_:_:)`` has said no) keeps going and
/// records every failure with its instance and keyword locations, which it tracks as byte buffers
/// only in that mode. Applicators that only need a yes/no (`anyOf`, `oneOf`, `not`, `if`,
/// `contains`, `propertyNames`) evaluate their subschemas silently, then report one failure.
///
/// The state is a plain struct driven by `mutating` methods: no closure, no class, no
/// exclusivity check on the hot path. Tables are read through ``SchemaCode`` and the instance
/// through ``SchemaInstance`` (raw pointers, valid for the validator's lifetime, see
/// ``JSONTape/withInstance(_:)``): no retain, release or bounds check per step.
struct SchemaValidator {
    /// Deepest nesting of schema evaluations (the instance's own nesting is at most 512).
    static let maximumDepth = 4096

    let program: SchemaProgram
    let code: SchemaCode
    let tape: JSONTape
    let instance: SchemaInstance
    var collect: Bool
    var failures: [ValidationFailure] = []
    var instancePath: [UInt8] = []
    var keywordPath: [UInt8] = []
    private var depth = 0

    /// A validator starting at nesting `depth` (non-zero when ``SchemaChecker`` hands it an op).
    init(_ program: SchemaProgram, _ tape: JSONTape, _ instance: SchemaInstance, collect: Bool, depth: Int = 0) {
        self.depth = depth
        self.program = program
        self.code = program.code
        self.tape = tape
        self.instance = instance
        self.collect = collect
    }

    /// The compiled tables (for messages; the hot path reads ``code``).
    var tables: SchemaTables { program.tables }

    /// Whether instance `node` matches schema node `schema`.
    mutating func validate(_ schema: Int32, _ node: Int) -> Bool {
        let span = code.nodes[Int(schema)]
        guard span.lower < span.upper else { return true }
        depth &+= 1
        defer { depth &-= 1 }
        guard depth <= Self.maximumDepth else {
            if collect { report(schema, "", "schema evaluation nested deeper than \(Self.maximumDepth) levels") }
            return false
        }
        var valid = true
        var index = Int(span.lower)
        while index < Int(span.upper) {
            if !apply(code.ops[index], schema, node) {
                valid = false
                if !collect { return false }
            }
            index &+= 1
        }
        return valid
    }

    /// Evaluates a subschema for a yes/no only, without recording failures.
    mutating func test(_ schema: Int32, _ node: Int) -> Bool {
        guard collect else { return validate(schema, node) }
        collect = false
        defer { collect = true }
        return validate(schema, node)
    }

    mutating func apply(_ op: SchemaOp, _ schema: Int32, _ node: Int) -> Bool {
        switch op {
        case .alwaysFalse:
            if collect { report(schema, "", "no value is allowed here (the schema is false)") }
            return false
        case .type(let types):
            if matches(types, node) { return true }
            if collect { report(schema, "type", "expected \(types.listed), found \(typeName(node))") }
            return false
        case .constant(let value):
            if equals(node, Int(value)) { return true }
            if collect { report(schema, "const", "must be \(SchemaCompiler.excerpt(tables.document, Int(value), limit: 60))") }
            return false
        case .oneOfValues(let span):
            for index in Int(span.lower)..<Int(span.upper) where equals(node, Int(code.values[index])) {
                return true
            }
            if collect { report(schema, "enum", "must be one of \(allowedValues(span))") }
            return false
        case .minimum(let bound, let source):
            return compare(node, schema, "minimum", source, "less than the minimum") { $0 >= bound }
        case .maximum(let bound, let source):
            return compare(node, schema, "maximum", source, "greater than the maximum") { $0 <= bound }
        case .exclusiveMinimum(let bound, let source):
            return compare(node, schema, "exclusiveMinimum", source, "not greater than the exclusive minimum") { $0 > bound }
        case .exclusiveMaximum(let bound, let source):
            return compare(node, schema, "exclusiveMaximum", source, "not less than the exclusive maximum") { $0 < bound }
        case .multipleOf(let index):
            guard instance.kind(node) == .number else { return true }
            let divisor = tables.divisors[Int(index)]
            if divisor.divides(tape, node) { return true }
            if collect { report(schema, "multipleOf", "\(tape.rawText(node)) is not a multiple of \(tables.document.rawText(Int(divisor.node)))") }
            return false
        case .minLength(let limit):
            guard instance.kind(node) == .string else { return true }
            let length = tape.unicodeScalarCount(node)
            if length >= limit { return true }
            if collect { report(schema, "minLength", "string of \(plural(length, "character")) is shorter than minLength \(limit)") }
            return false
        case .maxLength(let limit):
            guard instance.kind(node) == .string else { return true }
            let length = tape.unicodeScalarCount(node)
            if length <= limit { return true }
            if collect { report(schema, "maxLength", "string of \(plural(length, "character")) is longer than maxLength \(limit)") }
            return false
        case .pattern(let index):
            guard instance.kind(node) == .string else { return true }
            if matches(index, node) { return true }
            if collect { report(schema, "pattern", "string does not match the pattern \"\(tables.regexes[Int(index)].source)\"") }
            return false
        case .minItems(let limit):
            return size(node, .array, schema, "minItems", limit, minimum: true)
        case .maxItems(let limit):
            return size(node, .array, schema, "maxItems", limit, minimum: false)
        case .minProperties(let limit):
            return size(node, .object, schema, "minProperties", limit, minimum: true)
        case .maxProperties(let limit):
            return size(node, .object, schema, "maxProperties", limit, minimum: false)
        case .uniqueItems:
            guard instance.kind(node) == .array, let (first, second) = duplicatePair(node) else { return true }
            if collect { report(schema, "uniqueItems", "items \(first) and \(second) are equal; items must be unique") }
            return false
        case .items(let prefix, let rest):
            return validateItems(schema, node, prefix: prefix, rest: rest)
        case .contains(let contains, let min, let max):
            return validateContains(schema, node, contains: contains, min: Int(min), max: Int(max))
        case .members(let rule):
            return validateMembers(schema, node, Int(rule))
        case .propertyNames(let names):
            return validatePropertyNames(schema, node, names)
        case .required(let keys):
            return validateRequired(schema, node, keys)
        case .dependentRequired(let entries):
            return validateDependentRequired(schema, node, entries)
        case .dependentSchemas(let entries):
            return validateDependentSchemas(node, entries)
        case .allOf(let list):
            return validateAllOf(node, list)
        case .anyOf(let list):
            return validateAnyOf(schema, node, list)
        case .oneOf(let list):
            return validateOneOf(schema, node, list)
        case .not(let negated):
            if !test(negated, node) { return true }
            if collect { report(schema, "not", "must not match the schema of not") }
            return false
        case .conditional(let condition, let then, let otherwise):
            let branch = test(condition, node) ? then : otherwise
            guard branch >= 0 else { return true }
            return descend(branch, node, keyword: branch == then ? "then" : "else")
        case .ref(let target):
            return descend(target, node, keyword: "$ref")
        }
    }

    @inline(__always)
    func matches(_ types: SchemaTypes, _ node: Int) -> Bool { code.matches(types, node, instance, tape) }

    @inline(__always)
    private mutating func compare(_ node: Int, _ schema: Int32, _ keyword: String, _ source: Int32, _ relation: String,
                                  _ holds: (Double) -> Bool) -> Bool {
        guard instance.kind(node) == .number else { return true }
        let value = code.double(node, instance, tape)
        if holds(value) { return true }
        if collect { report(schema, keyword, "\(tape.rawText(node)) is \(relation) \(tables.document.rawText(Int(source)))") }
        return false
    }

    private mutating func size(_ node: Int, _ kind: JSONKind, _ schema: Int32, _ keyword: String, _ limit: Int,
                               minimum: Bool) -> Bool {
        guard instance.kind(node) == kind else { return true }
        let count = instance.count(node)
        if minimum ? count >= limit : count <= limit { return true }
        if collect {
            let noun = kind == .array ? "item" : "property"
            report(schema, keyword, "\(kind) has \(plural(count, noun)), \(minimum ? "fewer" : "more") than \(keyword) \(limit)")
        }
        return false
    }

    @inline(__always)
    func equals(_ node: Int, _ value: Int) -> Bool { code.equals(node, value, instance, tape, program) }

    @inline(__always)
    func matches(_ index: Int32, _ node: Int) -> Bool { code.matches(index, node, instance, tape, program) }
}
