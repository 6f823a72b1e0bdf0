/// Turns extracted values into a `SilverRow` of a table: puts them in column order, turns values
/// outside a column's physical range (or a fraction in an integer column) into NULL, and counts
/// each correction.
public struct RowBuilder: Sendable {
    public let schema: TableSchema
    private let keyColumns: [Int]
    private let collectedColumn: Int?

    public init(schema: TableSchema) {
        self.schema = schema
        self.keyColumns = schema.primaryKey.compactMap { schema.index(of: $0) }
        self.collectedColumn = schema.index(of: "collected_at")
    }

    /// A row from `values` (by column name; missing names are NULL). Returns nil with a reason
    /// when a primary-key value is missing. Corrections are added to `corrections[column]`.
    public func row(_ values: [String: CellValue], corrections: inout [String: Int]) -> Result<SilverRow, RowError> {
        var fields: [String] = []
        fields.reserveCapacity(schema.columns.count)
        var key: [KeyPart] = []
        for (index, column) in schema.columns.enumerated() {
            var value = values[column.name] ?? .null
            if let number = value.number {
                let fractional = column.type == .integer && number != number.rounded()
                if !number.isFinite || fractional || (column.min.map { number < $0 } ?? false) || (column.max.map { number > $0 } ?? false) {
                    value = .null
                    corrections["\(schema.table).\(column.name)", default: 0] += 1
                }
            }
            if value == .null && !column.nullable {
                return .failure(RowError(column: column.name))
            }
            let text = value.csv(as: column.type)
            fields.append(text)
            if keyColumns.contains(index) {
                switch value {
                case .int(let v): key.append(.int(v))
                default: key.append(.text(text))
                }
            }
        }
        let collected = collectedColumn.map { fields[$0] } ?? ""
        return .success(SilverRow(key: key, collectedAt: collected, fields: fields))
    }

    /// The key of a row read back from a partition file (fields as written).
    public func key(ofFields fields: [String]) -> [KeyPart] {
        keyColumns.map { index in
            let text = fields[index]
            if schema.columns[index].type == .integer, let v = Int(text) { return .int(v) }
            return .text(text)
        }
    }
}

/// A row without a value in a column that may not be NULL (a primary-key column, say).
public struct RowError: Error, CustomStringConvertible, Sendable {
    public let column: String
    public var description: String { "no usable value for \(column)" }
}
