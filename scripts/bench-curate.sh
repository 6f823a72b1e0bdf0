#!/usr/bin/env bash
# Curation benchmark (issue #3): `goodair curate --rebuild` on a bronze corpus made by the
# simulator, next to the bound (a C loop that only walks bronze and gunzips every snapshot), on the
# same files, pinned to the same core, in the same run. Reports snapshots/s of both, their ratio,
# and curation's peak memory (max RSS).
#   BENCH_DAYS   days of all cities and sources in the corpus (default 54: about 100,000 snapshots)
#   BENCH_DIR    where the corpus is kept between runs (default .bench)
set -euo pipefail
cd "$(dirname "$0")/.."
days=${BENCH_DAYS:-54}
dir=${BENCH_DIR:-.bench}
swift build -c release --scratch-path .build-release --product goodair >/dev/null
bin=.build-release/release/goodair
lake="$dir/lake-$days"
if [ ! -d "$lake/bronze" ]; then
  echo "making the corpus: $days days from the simulator into $lake (once)…"
  mkdir -p "$lake" && cp -r lake/reference "$lake/"
  "$bin" demo --days "$days" --no-faults --lake "$lake" --now 2026-11-29T14:20:00Z >/dev/null
fi
cc -O2 -o "$dir/gunzip-bound" scripts/gunzip-bound.c -lz
pin="taskset -c 0"; command -v taskset >/dev/null || pin=""

# Both runs read from a warm page cache: the first walk only warms it.
$pin "$dir/gunzip-bound" "$lake/bronze" >/dev/null
"$bin" curate --rebuild --lake "$lake" --schemas schemas --log-level error >/dev/null
read -r files raw bound_s < <($pin "$dir/gunzip-bound" "$lake/bronze")
$pin /usr/bin/time -f "%e %M" -o "$dir/time.txt" "$bin" curate --rebuild --lake "$lake" --schemas schemas --log-level error > "$dir/curate.txt"
read -r curate_s rss_kb < "$dir/time.txt"
awk -v f="$files" -v b="$bound_s" -v c="$curate_s" -v m="$rss_kb" -v r="$raw" 'BEGIN {
  printf "corpus: %d snapshots, %.1f MB of JSON\n", f, r / 1e6
  printf "bound (read + gunzip, C, 1 core):     %8.0f snapshots/s  (%.2f s)\n", f / b, b
  printf "goodair curate --rebuild (1 core):    %8.0f snapshots/s  (%.2f s)\n", f / c, c
  printf "ratio: %.0f%% of the bound; peak memory %.1f MB\n", 100 * b / c, m / 1024
}'
sed 's/^/  /' "$dir/curate.txt"
