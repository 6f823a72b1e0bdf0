import GoodAirCore
import GRDB

/// The schema of `gold/warehouse.sqlite`, as versioned migrations: a database made by an older
/// version of the code is brought up to date, never recreated, and a migration already applied is
/// never run again (GRDB records them in `grdb_migrations`).
///
/// Dimensions (`sources`, `cities`, `stations`, `variables`, `thresholds`) are keyed by the lake's
/// natural keys, except `variables`, whose small integer id keeps the fact tables narrow. Facts are
/// long and narrow — one row per city, time and variable, only non-NULL values — and clustered on
/// the key the dashboard reads them by (`WITHOUT ROWID`), so that a query is a single range of
/// one B-tree. `docs/warehouse.md` explains each choice with the measurements behind it.
///
/// ```swift
/// try WarehouseSchema.migrator.migrate(dbQueue)
/// ```
enum WarehouseSchema {
    /// Every migration, in order. Append new ones; never edit one that shipped.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-dimensions") { db in try db.execute(sql: dimensions) }
        migrator.registerMigration("v1-facts") { db in try db.execute(sql: facts) }
        migrator.registerMigration("v1-latest-measurement") { db in try db.execute(sql: latestView) }
        return migrator
    }

    /// Dimension tables: reloaded whole by every update (upserts, so the ids facts refer to stay).
    static let dimensionTables = ["sources", "cities", "stations", "variables", "thresholds"]
    /// Fact tables: reloaded per month (`correlation` whole, when its file changed).
    static let factTables = ["hourly_measurement", "daily_aggregate", "monthly_aggregate", "exceedance",
                             "heatwave", "anomaly", "correlation"]

    static let dimensions = """
        CREATE TABLE sources (
            source_id   TEXT NOT NULL PRIMARY KEY,
            api         TEXT NOT NULL,
            description TEXT NOT NULL
        ) STRICT;
        CREATE TABLE cities (
            city_id         TEXT NOT NULL PRIMARY KEY,
            name            TEXT NOT NULL,
            insee_code      TEXT NOT NULL,
            department_code TEXT NOT NULL,
            region          TEXT NOT NULL,
            lat             REAL NOT NULL,
            lon             REAL NOT NULL,
            population      INTEGER NOT NULL,
            heatwave_tmin_c REAL NOT NULL,
            heatwave_tmax_c REAL NOT NULL,
            aqicn_uid       INTEGER,
            timezone        TEXT,
            listed          INTEGER NOT NULL DEFAULT 1 CHECK (listed IN (0, 1))
        ) STRICT;
        CREATE TABLE stations (
            station_id  INTEGER NOT NULL PRIMARY KEY,
            name        TEXT,
            lat         REAL,
            lon         REAL,
            url         TEXT,
            attribution TEXT,
            first_seen  INTEGER NOT NULL,
            last_seen   INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE variables (
            variable_id  INTEGER NOT NULL PRIMARY KEY,
            name         TEXT NOT NULL UNIQUE,
            unit         TEXT NOT NULL,
            source_id    TEXT NOT NULL REFERENCES sources (source_id),
            silver_table TEXT NOT NULL,
            kind         TEXT NOT NULL CHECK (kind IN ('level', 'amount', 'direction'))
        ) STRICT;
        CREATE TABLE thresholds (
            threshold_id        TEXT NOT NULL,
            pollutant           TEXT NOT NULL,
            level               TEXT NOT NULL,
            threshold_ugm3      REAL NOT NULL,
            averaging_hours     INTEGER NOT NULL,
            minimum_valid_hours INTEGER NOT NULL,
            consecutive_hours   INTEGER NOT NULL,
            authority           TEXT NOT NULL,
            text                TEXT NOT NULL,
            PRIMARY KEY (threshold_id, pollutant)
        ) STRICT;
        CREATE TABLE load_state (
            item  TEXT NOT NULL PRIMARY KEY,
            size  INTEGER NOT NULL,
            mtime REAL NOT NULL
        ) STRICT;
        """

    static let facts = """
        CREATE TABLE hourly_measurement (
            city_id     TEXT NOT NULL REFERENCES cities (city_id),
            variable_id INTEGER NOT NULL REFERENCES variables (variable_id),
            hour        INTEGER NOT NULL,
            value       REAL NOT NULL,
            PRIMARY KEY (city_id, variable_id, hour)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE daily_aggregate (
            date           TEXT NOT NULL,
            city_id        TEXT NOT NULL REFERENCES cities (city_id),
            variable_id    INTEGER NOT NULL REFERENCES variables (variable_id),
            mean           REAL,
            min            REAL,
            max            REAL,
            sum            REAL,
            hours_observed INTEGER NOT NULL,
            PRIMARY KEY (date, city_id, variable_id)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE monthly_aggregate (
            month          TEXT NOT NULL,
            city_id        TEXT NOT NULL REFERENCES cities (city_id),
            variable_id    INTEGER NOT NULL REFERENCES variables (variable_id),
            mean           REAL,
            min            REAL,
            max            REAL,
            sum            REAL,
            hours_observed INTEGER NOT NULL,
            PRIMARY KEY (month, city_id, variable_id)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE exceedance (
            city_id      TEXT NOT NULL REFERENCES cities (city_id),
            pollutant    TEXT NOT NULL,
            threshold_id TEXT NOT NULL,
            start_hour   INTEGER NOT NULL,
            end_hour     INTEGER NOT NULL,
            hours        INTEGER NOT NULL,
            peak_ugm3    REAL NOT NULL,
            PRIMARY KEY (city_id, pollutant, threshold_id, start_hour),
            FOREIGN KEY (threshold_id, pollutant) REFERENCES thresholds (threshold_id, pollutant)
        ) STRICT;
        CREATE INDEX exceedance_start ON exceedance (start_hour);
        CREATE TABLE heatwave (
            city_id          TEXT NOT NULL REFERENCES cities (city_id),
            start_date       TEXT NOT NULL,
            end_date         TEXT NOT NULL,
            days             INTEGER NOT NULL,
            ibmn_max_c       REAL NOT NULL,
            ibmx_max_c       REAL NOT NULL,
            threshold_tmin_c REAL NOT NULL,
            threshold_tmax_c REAL NOT NULL,
            PRIMARY KEY (city_id, start_date)
        ) STRICT;
        CREATE TABLE anomaly (
            city_id     TEXT NOT NULL REFERENCES cities (city_id),
            variable_id INTEGER NOT NULL REFERENCES variables (variable_id),
            hour        INTEGER NOT NULL,
            value       REAL NOT NULL,
            baseline    REAL NOT NULL,
            score       REAL NOT NULL,
            threshold   REAL NOT NULL,
            PRIMARY KEY (city_id, variable_id, hour)
        ) STRICT;
        CREATE INDEX anomaly_hour ON anomaly (hour);
        CREATE TABLE correlation (
            scope         TEXT NOT NULL,
            period        TEXT NOT NULL,
            variable_x_id INTEGER NOT NULL REFERENCES variables (variable_id),
            variable_y_id INTEGER NOT NULL REFERENCES variables (variable_id),
            method        TEXT NOT NULL,
            lag_hours     INTEGER NOT NULL,
            n             INTEGER NOT NULL,
            r             REAL NOT NULL,
            PRIMARY KEY (scope, period, variable_x_id, variable_y_id, method, lag_hours)
        ) STRICT, WITHOUT ROWID;
        """

    /// The latest hour of each city and variable: two seeks in `hourly_measurement`'s primary key
    /// per pair (the `max(hour)` then the row), never a scan.
    static let latestView = """
        CREATE VIEW latest_measurement AS
        SELECT c.city_id AS city_id, v.variable_id AS variable_id, v.name AS variable,
               m.hour AS hour, m.value AS value
        FROM cities AS c
        CROSS JOIN variables AS v
        JOIN hourly_measurement AS m
          ON m.city_id = c.city_id AND m.variable_id = v.variable_id
         AND m.hour = (SELECT max(h.hour) FROM hourly_measurement AS h
                       WHERE h.city_id = c.city_id AND h.variable_id = v.variable_id);
        """
}
