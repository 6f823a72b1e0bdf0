#!/usr/bin/env bash
# `goodair lineage` on the curation corpus (scripts/bench-corpus.sh makes it when missing): the
# time and peak memory of tracing a silver partition and a gold month back to their snapshots,
# next to the size of the lake's lineage events. Every bench-curate.sh round adds a rebuild's
# events (about 28 MB), so the history grows from run to run: the memory should not.
#   BENCH_DAYS, BENCH_DIR as for bench-curate.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-corpus.sh
silver=$(cd "$lake" && ls -d silver/weather/date=* | sed -n 5p)/part-00000.csv
gold=$(cd "$lake" && ls -d gold/city_daily/month=* | head -1)/part-00000.csv
events=$(du -sm "$lake/_lineage" | cut -f1)
runs=$(find "$lake/_lineage" -name '*.jsonl' | wc -l)
echo "lineage: $events MB of events in $runs runs"
for target in "$silver" "$gold"; do
  [ -f "$lake/$target" ] || { echo "no $target in $lake"; continue; }
  /usr/bin/time -f "%e %M" -o "$dir/lineage-time.txt" "$bin" lineage "$target" --lake "$lake" > "$dir/lineage.out"
  read -r seconds kb < "$dir/lineage-time.txt"
  printf "goodair lineage %s: %s s, peak memory %.0f MB, %d lines\n" "$target" "$seconds" "$((kb / 1024))" "$(wc -l < "$dir/lineage.out")"
done
