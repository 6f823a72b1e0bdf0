#!/usr/bin/env bash
# Curation benchmark (issue #3): `goodair curate --rebuild` on a bronze corpus made by the
# simulator, next to the bound (a C loop that only walks bronze and gunzips every snapshot), on the
# same files, pinned to the same core, in the same run — and next to the same loop in Python (the
# issue allows either; the C loop is the strict one). Reports snapshots/s, the ratios, and
# curation's peak memory (max RSS).
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

# All runs read from a warm page cache: the first walk only warms it. Throughput is counted on
# CPU time (user + system, one core), which a busy machine disturbs less than wall time; wall time
# is shown too.
$pin "$dir/gunzip-bound" "$lake/bronze" >/dev/null
"$bin" curate --rebuild --lake "$lake" --schemas schemas --log-level error >/dev/null
$pin /usr/bin/time -f "%e %U %S" -o "$dir/bound-c.txt" "$dir/gunzip-bound" "$lake/bronze" > "$dir/bound-c.out"
$pin /usr/bin/time -f "%e %U %S" -o "$dir/bound-py.txt" python3 scripts/gunzip-bound.py "$lake/bronze" > /dev/null
$pin /usr/bin/time -f "%e %U %S %M" -o "$dir/time.txt" "$bin" curate --rebuild --lake "$lake" --schemas schemas --log-level error > "$dir/curate.txt"
read -r files raw _ < "$dir/bound-c.out"
read -r c_wall c_user c_sys < "$dir/bound-c.txt"
read -r p_wall p_user p_sys < "$dir/bound-py.txt"
read -r g_wall g_user g_sys rss_kb < "$dir/time.txt"
awk -v f="$files" -v r="$raw" -v cw="$c_wall" -v cu="$c_user" -v cs="$c_sys" -v pw="$p_wall" -v pu="$p_user" -v ps="$p_sys" \
    -v gw="$g_wall" -v gu="$g_user" -v gs="$g_sys" -v m="$rss_kb" 'BEGIN {
  c = cu + cs; p = pu + ps; g = gu + gs
  printf "corpus: %d snapshots, %.1f MB of JSON\n", f, r / 1e6
  printf "                                   snapshots/s (CPU)   CPU s   wall s\n"
  printf "bound, C loop (read + gunzip):     %10.0f        %6.2f   %6.2f\n", f / c, c, cw
  printf "bound, Python loop (same):         %10.0f        %6.2f   %6.2f\n", f / p, p, pw
  printf "goodair curate --rebuild:          %10.0f        %6.2f   %6.2f\n", f / g, g, gw
  printf "ratio: %.0f%% of the C bound, %.0f%% of the Python bound; peak memory %.1f MB\n", 100 * c / g, 100 * p / g, m / 1024
}'
sed 's/^/  /' "$dir/curate.txt"
