"""The silver layout read by the tools researchers use (LAKE.md §1, §3): DuckDB with
hive_partitioning over all partitions, and pandas on each file, with the types the table schemas
declare and every row accounted for. The lake is made by the real binary: `goodair demo` on its
built-in simulator, then curated."""
import csv
import glob
import json
import os

import duckdb
import pandas as pd
import pytest

from conftest import ROOT
TABLES = ["air_quality", "weather", "air_pollution"]
DUCKDB_TYPES = {"string": {"VARCHAR"}, "integer": {"BIGINT", "INTEGER"}, "float": {"DOUBLE"},
                "timestamp": {"TIMESTAMP WITH TIME ZONE", "TIMESTAMP"}}


def schema(table):
    with open(os.path.join(ROOT, "schemas", "table", f"{table}.table.json")) as f:
        return json.load(f)


def csv_rows(files):
    total = 0
    for path in files:
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        total += len(rows) - 1
    return total


@pytest.mark.parametrize("table", TABLES)
def test_duckdb_reads_all_partitions_with_declared_types(lake, table):
    files = sorted(glob.glob(str(lake / "silver" / table / "date=*" / "part-00000.csv")))
    assert len(files) >= 2
    con = duckdb.connect()
    con.execute(f"CREATE VIEW rel AS SELECT * FROM read_csv('{lake}/silver/{table}/*/*.csv', hive_partitioning=true)")
    described = con.execute("DESCRIBE rel").fetchall()
    types = {name: str(kind) for name, kind, *_ in described}
    one = lambda sql: con.execute(sql).fetchall()[0][0]
    total = one("SELECT count(*) FROM rel")
    assert types["date"] == "DATE", "the partition folder is a column"
    spec = schema(table)
    for column in spec["columns"]:
        name = column["name"]
        non_null = one(f"SELECT count({name}) FROM rel")
        if non_null:
            assert types[name] in DUCKDB_TYPES[column["type"]], f"{table}.{name}: {types[name]}"
        if not column["nullable"]:
            assert non_null == total, f"{table}.{name} has NULLs"
    assert total == csv_rows(files)
    key = ", ".join(spec["primary_key"])
    dupes = con.execute(f"SELECT {key}, count(*) n FROM rel GROUP BY ALL HAVING n > 1").fetchall()
    assert dupes == []
    mismatched = one("SELECT count(*) FROM rel WHERE CAST(timezone('UTC', observed_at) AS DATE) <> date")
    assert mismatched == 0, "each row is in the partition of its observation's UTC date"


@pytest.mark.parametrize("table", TABLES)
def test_pandas_reads_each_file(lake, table):
    spec = schema(table)
    for path in sorted(glob.glob(str(lake / "silver" / table / "date=*" / "part-00000.csv"))):
        frame = pd.read_csv(path)
        assert list(frame.columns) == [c["name"] for c in spec["columns"]]
        for column in spec["columns"]:
            series = frame[column["name"]]
            if series.isna().all():
                continue
            if column["type"] in ("float",):
                assert pd.api.types.is_float_dtype(series), column["name"]
            if column["type"] == "integer":
                assert pd.api.types.is_integer_dtype(series) or pd.api.types.is_float_dtype(series), column["name"]
            if column["type"] == "timestamp":
                parsed = pd.to_datetime(series, utc=True, format="%Y-%m-%dT%H:%M:%SZ")
                assert parsed.notna().all()
        assert len(frame) == csv_rows([path])


def test_stations_dimension(lake):
    frame = pd.read_csv(lake / "silver" / "stations" / "stations.csv")
    assert frame["station_id"].is_unique
    assert frame["attribution"].notna().all(), "AQICN attributions are kept (its terms)"
    first = pd.to_datetime(frame["first_seen"], utc=True)
    last = pd.to_datetime(frame["last_seen"], utc=True)
    assert (first <= last).all()
