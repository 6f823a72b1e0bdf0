#!/usr/bin/env bash
# Curation benchmark (issue #3): `goodair curate --rebuild` on a bronze corpus made by the
# simulator, next to the bounds (a Python loop and a C loop that only walk bronze and gunzip every
# snapshot), on the same files, pinned to the same core, in the same run. The issue allows either
# loop; its own figures were measured against the Python one (scripts/bench-foundation.sh), and the
# C one is shown as the stricter measure. Reports snapshots/s, the ratios, and
# curation's peak memory (max RSS). Also runs the floor (`goodair-bench curate-floor`: read,
# gunzip, sha256, parse and validate every snapshot with curation's own code, nothing else),
# which splits curation's time into what validating costs and what the rest of the job costs.
#   BENCH_DAYS   days of all cities and sources in the corpus (default 54: about 100,000 snapshots)
#   BENCH_DIR    where the corpus is kept between runs (default .bench)
#   BENCH_ROUNDS rounds of the four loops (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-corpus.sh
swift build -c release --scratch-path .build-release --product goodair-bench >/dev/null
floor=.build-release/release/goodair-bench

# All runs read from a warm page cache: the first walk only warms it. Throughput is counted on
# CPU time (user + system, one core), which a busy machine disturbs less than wall time; wall time
# is shown too. The CPU of these shared VMs changes speed by a third from one minute to the next,
# so the four loops run one after the other in each of BENCH_ROUNDS rounds (default 5), and the
# ratios are taken within a round: the report gives their median and their range.
rounds=${BENCH_ROUNDS:-5}
$pin "$dir/gunzip-bound" "$lake/bronze" >/dev/null
"$bin" curate --rebuild --lake "$lake" --schemas schemas --log-level error >/dev/null
: > "$dir/rounds.txt"
for round in $(seq 1 "$rounds"); do
  $pin /usr/bin/time -f "%e %U %S" -o "$dir/bound-c.txt" "$dir/gunzip-bound" "$lake/bronze" > "$dir/bound-c.out"
  $pin /usr/bin/time -f "%e %U %S" -o "$dir/bound-py.txt" python3 scripts/gunzip-bound.py "$lake/bronze" > /dev/null
  $pin /usr/bin/time -f "%e %U %S" -o "$dir/floor.txt" "$floor" curate-floor "$lake/bronze" --schemas schemas/payload > /dev/null
  $pin /usr/bin/time -f "%e %U %S %M" -o "$dir/time.txt" "$bin" curate --rebuild --lake "$lake" --schemas schemas --log-level error > "$dir/curate.txt"
  echo "$(cat "$dir/bound-c.txt") $(cat "$dir/bound-py.txt") $(cat "$dir/floor.txt") $(cat "$dir/time.txt")" >> "$dir/rounds.txt"
done
read -r files raw _ < "$dir/bound-c.out"
awk -v f="$files" -v r="$raw" '
function median(a, k,   i, j, t, b) {
  for (i = 1; i <= k; i++) b[i] = a[i]
  for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t }
  return k % 2 ? b[(k + 1) / 2] : (b[k / 2] + b[k / 2 + 1]) / 2
}
function low(a, k,   i, m) { m = a[1]; for (i = 2; i <= k; i++) if (a[i] < m) m = a[i]; return m }
function high(a, k,   i, m) { m = a[1]; for (i = 2; i <= k; i++) if (a[i] > m) m = a[i]; return m }
{
  k++; cw[k] = $1; c[k] = $2 + $3; pw[k] = $4; p[k] = $5 + $6; fw[k] = $7; fl[k] = $8 + $9
  gw[k] = $10; g[k] = $11 + $12; m[k] = $13 / 1024
  rc[k] = 100 * c[k] / g[k]; rp[k] = 100 * p[k] / g[k]; rf[k] = 100 * c[k] / fl[k]; rest[k] = g[k] - fl[k]
}
END {
  printf "corpus: %d snapshots, %.1f MB of JSON; %d rounds (medians, range in brackets)\n", f, r / 1e6, k
  printf "                                   snapshots/s (CPU)   CPU s                 wall s\n"
  printf "bound, C loop (read + gunzip):     %10.0f        %5.2f [%.2f-%.2f]   %6.2f\n", f / median(c, k), median(c, k), low(c, k), high(c, k), median(cw, k)
  printf "bound, Python loop (same):         %10.0f        %5.2f [%.2f-%.2f]   %6.2f\n", f / median(p, k), median(p, k), low(p, k), high(p, k), median(pw, k)
  printf "floor (+ sha256, parse, validate):  %10.0f        %5.2f [%.2f-%.2f]   %6.2f\n", f / median(fl, k), median(fl, k), low(fl, k), high(fl, k), median(fw, k)
  printf "goodair curate --rebuild:          %10.0f        %5.2f [%.2f-%.2f]   %6.2f\n", f / median(g, k), median(g, k), low(g, k), high(g, k), median(gw, k)
  printf "ratio to the C bound:      %3.0f%% [%.0f-%.0f%%]\n", median(rc, k), low(rc, k), high(rc, k)
  printf "ratio to the Python bound: %3.0f%% [%.0f-%.0f%%]\n", median(rp, k), low(rp, k), high(rp, k)
  printf "the C bound over the floor:  %3.0f%% [%.0f-%.0f%%] (the best ratio to the C bound this parser and validator allow)\n", median(rf, k), low(rf, k), high(rf, k)
  printf "curation beyond the floor (manifests, extraction, rows, ledgers, lineage, writes): %.2f CPU s [%.2f-%.2f]\n", median(rest, k), low(rest, k), high(rest, k)
  printf "peak memory of curate: %.1f MB (largest of the rounds)\n", high(m, k)
}' "$dir/rounds.txt"
echo "last round's summary:"
sed 's/^/  /' "$dir/curate.txt"
