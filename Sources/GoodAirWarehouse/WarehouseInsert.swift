import GoodAirCore
import GRDB
import GRDBSQLite

/// A prepared statement bound and run through SQLite's C API: the bulk path of the warehouse,
/// which inserts millions of values per load. GRDB's `execute(arguments:)` builds an array of
/// `DatabaseValue` per row; binding directly costs nothing beyond SQLite's own work.
///
/// Parameters are numbered from 1, like SQLite's. Each ``run()`` steps the statement once and
/// resets it, keeping the bindings (so a column that does not change need not be bound again).
///
/// ```swift
/// let insert = try WarehouseInsert(db, sql: "INSERT INTO t (a, b) VALUES (?, ?)")
/// insert.bind(1, "paris"); insert.bind(2, 12.5); try insert.run()
/// ```
struct WarehouseInsert {
    private let statement: Statement
    private let db: Database
    private var handle: OpaquePointer { statement.sqliteStatement }

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
    }

    func bind(_ index: Int32, _ value: Double) { sqlite3_bind_double(handle, index, value) }

    /// A Double, or NULL when it is NaN (the lake's empty field).
    func bind(_ index: Int32, nullable value: Double) {
        if value.isNaN { sqlite3_bind_null(handle, index) } else { sqlite3_bind_double(handle, index, value) }
    }

    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(handle, index, Int64(value)) }

    func bind(_ index: Int32, _ value: String) {
        value.utf8CString.withUnsafeBufferPointer { text in
            _ = sqlite3_bind_text(handle, index, text.baseAddress, Int32(text.count - 1), Self.transient)
        }
    }

    func bind(_ index: Int32, _ value: String?) {
        if let value { bind(index, value) } else { sqlite3_bind_null(handle, index) }
    }

    /// Runs the statement once with the current bindings.
    func run() throws {
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        sqlite3_reset(handle)
    }

    /// SQLITE_TRANSIENT: SQLite copies the text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
