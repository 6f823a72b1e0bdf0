#!/usr/bin/env bash
# Gold benchmark (issue #4) on a year of silver for all cities (synthetic: scripts/make-silver.py):
#  1. city_daily computed from the silver CSVs by goodair (goodair-bench city-daily), next to DuckDB
#     computing the same aggregate from the same files (scripts/bench-gold.py), in the same run;
#  2. the full gold rebuild (`goodair aggregate --rebuild --timings`) with its time per table;
#  3. one hourly incremental aggregate (target: under 100 ms), three times: the newest day's silver
#     partitions rewritten with one more hour, as curation does each hour, then `goodair aggregate`
#     — day by day, it recomputes that day's rows and the event rows they reach, and the warehouse
#     reloads that day's facts. The command's wall and CPU time include the warehouse and the
#     process start; the `aggregate:` and `warehouse:` lines give each part's own time;
#  4. the warehouse answering the dashboard's queries (goodair-bench warehouse-query): one city's
#     hourly year (target: under 10 ms), all cities for a day, the latest value per city.
#   BENCH_DIR     where the corpus is kept between runs (default .bench)
#   BENCH_PYTHON  the Python with DuckDB (default .venv/bin/python, else python3)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${BENCH_DIR:-.bench}
lake="$dir/gold-365"
swift build -c release --scratch-path .build-release --product goodair >/dev/null
swift build -c release --scratch-path .build-release --product goodair-bench >/dev/null
bin=.build-release/release/goodair
if [ ! -d "$lake/silver" ]; then
  echo "making a year of synthetic silver for every city into $lake (once)…"
  mkdir -p "$lake/reference" && cp lake/reference/*.csv "$lake/reference/"
  python3 scripts/make-silver.py "$lake" 365 2026-11-28
fi
python=${BENCH_PYTHON:-python3}; [ -z "${BENCH_PYTHON:-}" ] && [ -x .venv/bin/python ] && python=.venv/bin/python
# An hour of the corpus's last day: the hourly runs below rewrite that day, which is not complete
# yet, so the correlations (recomputed once a day, when a day completes) stay as the rebuild made them.
now=2026-11-28T20:30:00Z
echo "== city_daily from a year of silver ($(du -sh "$lake/silver" | cut -f1))"
.build-release/release/goodair-bench city-daily "$lake"
.build-release/release/goodair-bench city-daily "$lake"
"$python" scripts/bench-gold.py "$lake" schemas
echo "== full gold rebuild"
/usr/bin/time -f "wall %e s, CPU %U+%S s, peak memory %M KB" "$bin" aggregate --rebuild --timings --lake "$lake" --now "$now" --log-level error
echo "== one hourly incremental aggregate: the newest day's silver gains an hour (21:00, 22:00, 23:00 UTC)"
# As curation does each hour: the day's partitions rewritten with one more hour of rows. A copy of
# the whole day is kept once; the day is first cut to 20:00 and aggregated (untimed); the last run
# leaves it whole again.
newest=$(ls "$lake/silver/weather" | sort | tail -1)
mkdir -p "$dir/newest-day"
for table in weather air_pollution air_quality; do
  [ -f "$dir/newest-day/$table.csv" ] || cp "$lake/silver/$table/$newest/part-00000.csv" "$dir/newest-day/$table.csv"
done
until_hour() {   # the newest day's partitions with the rows observed up to hour $1
  for table in weather air_pollution air_quality; do
    f="$lake/silver/$table/$newest/part-00000.csv"
    python3 -c '
import csv, sys
lines = open(sys.argv[1], encoding="utf-8", newline="").read().split("\r\n")
column = next(csv.reader([lines[0]])).index("observed_at")
keep = [lines[0]] + [l for l in lines[1:] if l and int(next(csv.reader([l]))[column][11:13]) <= int(sys.argv[2])]
open(sys.argv[3], "w", encoding="utf-8", newline="").write("\r\n".join(keep) + "\r\n")' "$dir/newest-day/$table.csv" "$1" "$f.tmp"
    mv "$f.tmp" "$f"
  done
}
until_hour 20
"$bin" aggregate --lake "$lake" --now "$now" --log-level error >/dev/null
for hour in 21 22 23; do
  until_hour $hour
  /usr/bin/time -f "wall %e s, CPU %U+%S s" "$bin" aggregate --timings --lake "$lake" --now "${newest#date=}T$hour:30:00Z" --log-level error
done
echo "== the warehouse answering the dashboard's queries (release build, one open connection)"
.build-release/release/goodair-bench warehouse-query "$lake" paris temperature_c
.build-release/release/goodair-bench warehouse-query "$lake" lyon no2_ugm3
