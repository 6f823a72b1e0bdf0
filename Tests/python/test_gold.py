"""The gold zone checked against an independent computation: pandas recomputes city_hourly,
city_daily and city_monthly from the silver CSVs and every value must agree to 1e-9 (relative);
DuckDB reads the gold layout; a rebuild gives byte-identical files."""
import filecmp
import glob
import json
import os
import shutil

import duckdb
import numpy as np
import pandas as pd
import pytest

from conftest import NOW, ROOT, run

SOURCES = ["weather", "air_pollution", "air_quality"]


def spec(table):
    with open(os.path.join(ROOT, "schemas", "table", f"{table}.table.json")) as f:
        return json.load(f)


def variables():
    """(name, silver table, kind) of city_hourly's measured columns, from its table schema."""
    out = []
    for column in spec("city_hourly")["columns"][2:]:
        if column["name"].endswith("_rows"):
            continue
        table = column["from"].split("/")[1].split(".")[0]
        kind = "direction" if column["name"] == "wind_deg" else "amount" if column["name"] in ("rain_1h_mm", "snow_1h_mm") else "level"
        out.append((column["name"], table, kind))
    return out


def silver(lake, table):
    files = sorted(glob.glob(str(lake / "silver" / table / "date=*" / "part-00000.csv")))
    frame = pd.concat([pd.read_csv(f) for f in files], ignore_index=True)
    frame["hour"] = pd.to_datetime(frame["observed_at"], utc=True).dt.floor("h")
    return frame


def expected_hourly(lake):
    """One row per city and hour: each variable's mean over the hour's rows, rows per source."""
    parts = []
    for table in SOURCES:
        frame = silver(lake, table)
        names = [n for n, t, k in variables() if t == table and k != "direction"]
        grouped = frame.groupby(["city_id", "hour"])
        part = grouped[names].mean()
        part[f"{table}_rows"] = grouped.size()
        parts.append(part)
    hourly = pd.concat(parts, axis=1)
    for table in SOURCES:
        hourly[f"{table}_rows"] = hourly[f"{table}_rows"].fillna(0).astype(int)
    return hourly.reset_index()


def gold(lake, table):
    files = sorted(glob.glob(str(lake / "gold" / table / "month=*" / "part-00000.csv")))
    assert files, f"no gold/{table} partition"
    return pd.concat([pd.read_csv(f) for f in files], ignore_index=True)


def assert_close(actual, expected, label):
    both_nan = actual.isna() & expected.isna()
    close = np.isclose(actual.astype(float), expected.astype(float), rtol=1e-9, atol=0)
    bad = ~(both_nan | close)
    assert not bad.any(), f"{label}: {int(bad.sum())} differ, e.g. {actual[bad].head(3).tolist()} vs {expected[bad].head(3).tolist()}"


def test_city_hourly_matches_pandas(lake):
    expected = expected_hourly(lake).sort_values(["city_id", "hour"]).reset_index(drop=True)
    actual = gold(lake, "city_hourly")
    actual["hour"] = pd.to_datetime(actual["hour"], utc=True)
    actual = actual.sort_values(["city_id", "hour"]).reset_index(drop=True)   # files are per month
    assert list(actual.columns) == [c["name"] for c in spec("city_hourly")["columns"]]
    assert len(actual) == len(expected)
    assert (actual["city_id"] == expected["city_id"]).all() and (actual["hour"] == expected["hour"]).all()
    for name, table, kind in variables():
        if kind != "direction":
            assert_close(actual[name], expected[name], f"city_hourly.{name}")
    for table in SOURCES:
        assert (actual[f"{table}_rows"] == expected[f"{table}_rows"]).all()


@pytest.mark.parametrize("table,period", [("city_daily", "date"), ("city_monthly", "month")])
def test_daily_and_monthly_match_pandas(lake, table, period):
    hourly = expected_hourly(lake)
    hourly[period] = hourly["hour"].dt.strftime("%Y-%m-%d" if period == "date" else "%Y-%m")
    grouped = hourly.groupby(["city_id", period])
    actual = gold(lake, table)
    assert list(actual.columns) == [c["name"] for c in spec(table)["columns"]]
    actual[period] = actual[period].astype(str)
    actual = actual.set_index(["city_id", period]).sort_index()
    assert len(actual) == grouped.ngroups
    for name, source, kind in variables():
        if kind == "direction":
            continue
        for stat in ("mean", "min", "max") + (("sum",) if kind == "amount" else ()):
            expected = getattr(grouped[name], stat)()
            if stat == "sum":   # a sum over no value is NULL, not 0
                expected[grouped[name].count() == 0] = np.nan
            assert_close(actual[f"{name}_{stat}"], expected.reindex(actual.index), f"{table}.{name}_{stat}")
    for source in SOURCES:
        expected = grouped[f"{source}_rows"].apply(lambda s: int((s > 0).sum()))
        assert (actual[f"hours_observed_{source}"] == expected.reindex(actual.index)).all()


def test_duckdb_reads_gold_with_month_partitions(lake):
    con = duckdb.connect()
    for table in ("city_hourly", "city_daily", "city_monthly"):
        n = con.execute(f"SELECT count(*) FROM read_csv('{lake}/gold/{table}/*/*.csv', hive_partitioning=true)").fetchone()[0]
        assert n == len(gold(lake, table))
        types = dict((r[0], str(r[1])) for r in con.execute(
            f"DESCRIBE SELECT * FROM read_csv('{lake}/gold/{table}/*/*.csv', hive_partitioning=true)").fetchall())
        assert types["temperature_c_mean" if table != "city_hourly" else "temperature_c"] == "DOUBLE"
    assert con.execute(f"SELECT count(DISTINCT month) FROM read_csv('{lake}/gold/city_daily/*/*.csv', hive_partitioning=true)").fetchone()[0] >= 1


def test_rebuild_is_byte_identical_and_incremental_is_a_no_op(lake, tmp_path):
    copy = tmp_path / "lake"
    shutil.copytree(lake, copy)
    again = run("aggregate", "--lake", str(copy))
    assert again.returncode == 0, again.stderr
    assert "nothing new" in again.stdout
    rebuilt = run("aggregate", "--rebuild", "--lake", str(copy))
    assert rebuilt.returncode == 0, rebuilt.stderr
    for path in glob.glob(str(lake / "gold" / "*" / "month=*" / "part-00000.csv")):
        other = str(copy) + path[len(str(lake)):]
        assert filecmp.cmp(path, other, shallow=False), path


def hourly_frame(lake):
    """city_hourly as one DataFrame on a complete hourly index per city (missing hours NaN)."""
    frame = gold(lake, "city_hourly")
    frame["hour"] = pd.to_datetime(frame["hour"], utc=True)
    full = []
    for city, part in frame.groupby("city_id"):
        index = pd.date_range(part["hour"].min().replace(day=1, hour=0), part["hour"].max(), freq="h")
        full.append(part.set_index("hour").reindex(index).assign(city_id=city))
    return pd.concat(full)


def test_correlations_match_pandas(lake):
    actual = pd.read_csv(lake / "gold" / "correlations" / "part-00000.csv")
    assert len(actual) > 0
    assert not actual.duplicated(["scope", "period", "variable_x", "variable_y", "method", "lag_hours"]).any()
    assert (actual["n"] >= 30).all()
    hourly = hourly_frame(lake)
    cutoff = pd.Timestamp(NOW).floor("D")   # the fixture's --now: complete days only
    checked = 0
    for row in actual[(actual["scope"] != "all") & (actual["period"] == "all")].sample(n=40, random_state=7).itertuples():
        part = hourly[hourly["city_id"] == row.scope]
        x = part[row.variable_x].where(part.index < cutoff)
        y = part[row.variable_y].where(part.index < cutoff).shift(-row.lag_hours)
        mask = x.notna() & y.notna()
        assert int(mask.sum()) == row.n, row
        expected = x[mask].corr(y[mask], method=row.method)
        assert np.isclose(row.r, expected, rtol=1e-9, atol=1e-12), (row, expected)
        checked += 1
    assert checked == 40


def test_exceedances_match_pandas(lake):
    thresholds = pd.read_csv(os.path.join(ROOT, "lake", "reference", "thresholds.csv"))
    hourly = hourly_frame(lake)
    expected = []
    for city, part in hourly.groupby("city_id"):
        for t in thresholds.itertuples():
            series = part[f"{t.pollutant}_ugm3"]
            mean = series.rolling(t.averaging_hours, min_periods=t.minimum_valid_hours).mean().where(series.notna())
            over = mean > t.threshold_ugm3
            run_id = (over != over.shift()).cumsum()
            for _, run in mean[over].groupby(run_id[over]):
                if len(run) >= t.consecutive_hours:
                    expected.append((city, t.pollutant, t.threshold, run.index[0], run.index[-1], len(run), run.max()))
    actual = gold(lake, "exceedances")
    assert len(actual) == len(expected)
    actual["start"] = pd.to_datetime(actual["start"], utc=True)
    actual["end"] = pd.to_datetime(actual["end"], utc=True)
    actual = actual.set_index(["city_id", "pollutant", "threshold", "start"]).sort_index()
    for city, pollutant, threshold, start, end, hours, peak in expected:
        row = actual.loc[(city, pollutant, threshold, start)]
        assert row["end"] == end and row["hours"] == hours
        assert np.isclose(row["peak_ugm3"], peak, rtol=1e-9, atol=0)


def test_incremental_after_a_new_day_equals_the_whole_run(lake, tmp_path):
    """Gold made without the newest day, then that day's silver arriving: the incremental run must
    give the files a run over everything gave (month tables, events across the month boundary,
    correlations)."""
    copy = tmp_path / "lake"
    shutil.copytree(lake, copy)
    newest = sorted(os.listdir(copy / "silver" / "weather"))[-1]
    for table in SOURCES:
        shutil.rmtree(copy / "silver" / table / newest)
    first = run("aggregate", "--rebuild", "--lake", str(copy), "--now", NOW)
    assert first.returncode == 0, first.stderr
    for table in SOURCES:
        shutil.copytree(lake / "silver" / table / newest, copy / "silver" / table / newest)
    second = run("aggregate", "--lake", str(copy), "--now", NOW)
    assert second.returncode == 0, second.stderr
    assert "nothing new" not in second.stdout
    originals = glob.glob(str(lake / "gold" / "*" / "month=*" / "part-00000.csv")) + [str(lake / "gold" / "correlations" / "part-00000.csv")]
    months = {p.split("month=")[1][:7] for p in originals if "month=" in p}
    assert len(months) == 2, f"the fixture spans two months: {months}"
    for path in originals:
        other = str(copy) + path[len(str(lake)):]
        assert filecmp.cmp(path, other, shallow=False), path


def test_features_match_pandas(lake):
    hourly = hourly_frame(lake)
    actual = gold(lake, "features")
    assert list(actual.columns) == [c["name"] for c in spec("features")["columns"]]
    actual["hour"] = pd.to_datetime(actual["hour"], utc=True)
    actual = actual.set_index(["city_id", "hour"]).sort_index()
    rows = gold(lake, "city_hourly")
    assert len(actual) == len(rows), "one row per city_hourly row"
    for city, part in hourly.groupby("city_id"):
        got = actual.loc[city]
        index = got.index
        assert (got["hour_of_day"] == index.hour).all()
        assert (got["day_of_week"] == index.day_of_week + 1).all()
        assert (got["day_of_year"] == index.day_of_year).all()
        hours = (index - pd.Timestamp("1970-01-01", tz="UTC")) // pd.Timedelta(hours=1)
        assert np.allclose(got["annual_sin"], np.sin(2 * np.pi * hours / 8766), rtol=0, atol=1e-12)
        assert np.allclose(got["daily_cos"], np.cos(2 * np.pi * index.hour / 24), rtol=0, atol=1e-12)
        for name in ("temperature_c", "no2_ugm3", "pm2_5_ugm3", "rain_1h_mm"):
            series = part[name]
            expected = {
                name: series, f"{name}_lag_1h": series.shift(1), f"{name}_lag_24h": series.shift(24),
                f"{name}_mean_24h": series.rolling(24, min_periods=18).mean(),
            }
            for column, values in expected.items():
                assert_close(got[column], values.reindex(index), f"features.{column} ({city})")
