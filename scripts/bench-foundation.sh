#!/usr/bin/env bash
# Calibration of issue #3's figures: "Foundation's JSONSerialization path reaches about 22 % of the
# bound and JSONDecoder about 31 %". On the corpus of bench-curate.sh, in each of BENCH_ROUNDS
# rounds (default 3), one after the other on one core: the C and Python read-and-gunzip loops, and
# `goodair-bench foundation-floor` with each Foundation parser (read and gunzip as curation does,
# then parse — nothing else: no checksum, no validation, no write). A curation built on one of
# these parsers is slower than its loop, so the bound's time over the loop's time is the most
# that path could reach against that bound: if that is already under the issue's figure against
# one bound, the issue's figures were not measured against that bound.
#   BENCH_DAYS, BENCH_DIR as for bench-curate.sh (scripts/bench-corpus.sh makes the corpus when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-corpus.sh
swift build -c release --scratch-path .build-release --product goodair-bench >/dev/null
bench=.build-release/release/goodair-bench
rounds=${BENCH_ROUNDS:-3}
$pin "$dir/gunzip-bound" "$lake/bronze" >/dev/null   # warms the page cache
: > "$dir/foundation-rounds.txt"
for round in $(seq 1 "$rounds"); do
  line=""
  for loop in "$dir/gunzip-bound $lake/bronze" "python3 scripts/gunzip-bound.py $lake/bronze" \
              "$bench foundation-floor $lake/bronze serialization" "$bench foundation-floor $lake/bronze decoder"; do
    # shellcheck disable=SC2086
    $pin /usr/bin/time -f "%U %S" -o "$dir/foundation-time.txt" $loop > /dev/null
    line="$line $(awk '{ printf "%.2f", $1 + $2 }' "$dir/foundation-time.txt")"
  done
  echo "$line" >> "$dir/foundation-rounds.txt"
done
awk '
function median(a, k,   i, j, t, b) {
  for (i = 1; i <= k; i++) b[i] = a[i]
  for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t }
  return k % 2 ? b[(k + 1) / 2] : (b[k / 2] + b[k / 2 + 1]) / 2
}
{ k++; c[k] = $1; p[k] = $2; s[k] = $3; d[k] = $4
  sc[k] = 100 * c[k] / s[k]; sp[k] = 100 * p[k] / s[k]; dc[k] = 100 * c[k] / d[k]; dp[k] = 100 * p[k] / d[k] }
END {
  printf "%d rounds, CPU seconds (medians): C loop %.2f, Python loop %.2f, JSONSerialization %.2f, JSONDecoder %.2f\n", k, median(c, k), median(p, k), median(s, k), median(d, k)
  printf "most a curation on JSONSerialization could reach: %3.0f%% of the C loop, %3.0f%% of the Python loop (issue: about 22%%)\n", median(sc, k), median(sp, k)
  printf "most a curation on JSONDecoder could reach:       %3.0f%% of the C loop, %3.0f%% of the Python loop (issue: about 31%%)\n", median(dc, k), median(dp, k)
}' "$dir/foundation-rounds.txt"
