"""DuckDB side of the gold benchmark (issue #4): the same city_daily aggregate as
`goodair-bench city-daily`, from the same silver CSV files — hourly means per city and source,
joined per hour, then per UTC day mean/min/max of every variable, rain/snow sums and hours
observed per source — timed with one thread and with DuckDB's default threads.
Usage: python bench-gold.py LAKE SCHEMAS_DIR"""
import json
import sys
import time

import duckdb

lake, schemas = sys.argv[1], sys.argv[2]
hourly = json.load(open(f"{schemas}/table/city_hourly.table.json"))["columns"]
by_table = {}
for column in hourly[2:]:
    if column["name"].endswith("_rows") or column["name"] == "wind_deg":
        continue
    table = column["from"].split("/")[1].split(".")[0]
    by_table.setdefault(table, []).append(column["name"])

parts = []
for table, names in by_table.items():
    means = ", ".join(f"avg(CAST({n} AS DOUBLE)) AS {n}" for n in names)
    parts.append(f"""{table} AS (SELECT city_id, date_trunc('hour', observed_at) AS hour, {means}, count(*) AS {table}_rows
      FROM read_csv('{lake}/silver/{table}/*/*.csv', hive_partitioning=false) GROUP BY 1, 2)""")
tables = list(by_table)
join = f"{tables[0]} FULL JOIN {tables[1]} USING (city_id, hour) FULL JOIN {tables[2]} USING (city_id, hour)"
stats = []
for table, names in by_table.items():
    for n in names:
        stats += [f"avg({n})", f"min({n})", f"max({n})"]
        if n in ("rain_1h_mm", "snow_1h_mm"):
            stats.append(f"sum({n})")
for table in tables:
    stats.append(f"count({table}_rows)")
sql = f"""WITH {', '.join(parts)}
SELECT city_id, CAST(timezone('UTC', hour) AS DATE) AS date, {', '.join(stats)}
FROM {join} GROUP BY 1, 2 ORDER BY 1, 2"""

for threads in (1, None):
    con = duckdb.connect()
    con.execute("SET TimeZone='UTC'")
    if threads:
        con.execute(f"SET threads={threads}")
    best = None
    for _ in range(3):
        start = time.perf_counter()
        rows = con.execute(sql).fetchall()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    label = f"{threads} thread" if threads else f"default threads ({con.execute('SELECT current_setting(' + repr('threads') + ')').fetchone()[0]})"
    print(f"DuckDB city_daily, {label}: {len(rows)} rows in {best:.3f} s (best of 3)")
