#!/usr/bin/env bash
# Gold benchmark (issue #4) on a year of silver for all cities (synthetic: scripts/make-silver.py):
#  1. city_daily computed from the silver CSVs by goodair (goodair-bench city-daily), next to DuckDB
#     computing the same aggregate from the same files (scripts/bench-gold.py), in the same run;
#  2. the full gold rebuild (`goodair aggregate --rebuild --timings`) with its time per table;
#  3. one hourly incremental aggregate: the newest day's silver partitions rewritten, as a new hour
#     of curation does, then `goodair aggregate` (target: under 100 ms).
#   BENCH_DIR   where the corpus is kept between runs (default .bench)
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
python=${BENCH_PYTHON:-python3}; [ -x .venv/bin/python ] && python=.venv/bin/python
now=2026-11-29T00:30:00Z
echo "== city_daily from a year of silver ($(du -sh "$lake/silver" | cut -f1))"
.build-release/release/goodair-bench city-daily "$lake"
.build-release/release/goodair-bench city-daily "$lake"
"$python" scripts/bench-gold.py "$lake" schemas
echo "== full gold rebuild"
/usr/bin/time -f "wall %e s, CPU %U+%S s, peak memory %M KB" "$bin" aggregate --rebuild --timings --lake "$lake" --now "$now" --log-level error
echo "== one hourly incremental aggregate (the newest day's silver rewritten)"
newest=$(ls "$lake/silver/weather" | sort | tail -1)
for table in weather air_pollution air_quality; do
  f="$lake/silver/$table/$newest/part-00000.csv"; cp -p "$f" "$f.tmp"; mv "$f.tmp" "$f"; touch "$f"
done
/usr/bin/time -f "wall %e s, CPU %U+%S s" "$bin" aggregate --timings --lake "$lake" --now "$now" --log-level error
