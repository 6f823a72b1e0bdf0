#!/usr/bin/env bash
# Lifecycle benchmark (issue #5): archiving one source-month of bronze with `goodair lifecycle apply`
# next to `tar czf` of the same folders, on a corpus the simulator makes (30 days ending
# 2026-08-01, every city and source). Reports the archive size against the bronze it replaces, and
# CPU (user + system) and wall time of:
#   - goodair apply, archive + verify only (originals kept: a rule with delete_after_days 60),
#   - goodair apply, archive + verify + delete (the default rule: originals removed once verified),
#   - tar czf of the same 30 date folders into one file (no verify, no checksums, no fsync).
#   BENCH_DIR       where the corpus is kept between runs (default .bench)
#   BENCH_SOURCE    the source archived (default owm_weather)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${BENCH_DIR:-.bench}
source=${BENCH_SOURCE:-owm_weather}
swift build -c release --scratch-path .build-release --product goodair >/dev/null
bin=$PWD/.build-release/release/goodair
corpus="$dir/lifecycle-30"
if [ ! -d "$corpus/bronze" ]; then
  echo "making the corpus: 30 days from the simulator into $corpus (once)…"
  mkdir -p "$corpus" && cp -r lake/reference "$corpus/"
  "$bin" demo --days 30 --no-faults --lake "$corpus" --now 2026-08-01T00:00:00Z --log-level error >/dev/null
fi
now=2026-08-31T00:00:00Z   # July's 30 dates are 30+ days old; 2026-08-01 is not yet
work="$dir/lifecycle-work"

policy() {   # $1: extra line for the rule
  cat > "$dir/lifecycle-policy.yml" <<YAML
version: 1
minimum_age_days: 7
rules:
  - name: bench
    zone: bronze
    sources: [$source]
    archive_after_days: 30
$1
YAML
}

fresh() { rm -rf "$work" && cp -a "$corpus" "$work" && sync; }

run_apply() {   # $1: label file
  fresh
  cat "$work"/bronze/source="$source"/date=2026-07-*/hour=*/* > /dev/null   # warm the page cache like the tar run
  /usr/bin/time -f "%e %U %S %M" -o "$dir/$1.txt" "$bin" lifecycle apply --lake "$work" --now "$now" \
    --policy "$dir/lifecycle-policy.yml" --schemas schemas --log-level error > "$dir/$1.out" 2>/dev/null
}

policy "    delete_after_days: 60"
run_apply lc-archive
policy ""
run_apply lc-apply
archives=$(cat "$work"/archive/bronze/source="$source"/date=2026-07-*.tar.gz | wc -c)
count=$(ls "$work"/archive/bronze/source="$source"/date=2026-07-*.tar.gz | wc -l)

fresh
bronze_bytes=$(find "$work"/bronze/source="$source" -path '*date=2026-07-*' -type f -printf '%s\n' | awk '{s += $1} END {print s}')
bronze_files=$(find "$work"/bronze/source="$source" -path '*date=2026-07-*' -type f | wc -l)
bronze_disk=$(du -sk "$work"/bronze/source="$source"/date=2026-07-* | awk '{s += $1} END {print s * 1024}')
(cd "$work" && cat bronze/source="$source"/date=2026-07-*/hour=*/* > /dev/null &&
  /usr/bin/time -f "%e %U %S %M" -o "../tar.txt" tar czf ../tar-month.tar.gz bronze/source="$source"/date=2026-07-*)
tar_bytes=$(wc -c < "$dir/tar-month.tar.gz")

read -r a_wall a_user a_sys a_rss < "$dir/lc-archive.txt"
read -r f_wall f_user f_sys f_rss < "$dir/lc-apply.txt"
read -r t_wall t_user t_sys _ < "$dir/tar.txt"
awk -v n="$count" -v b="$bronze_bytes" -v f="$bronze_files" -v d="$bronze_disk" -v a="$archives" -v t="$tar_bytes" \
    -v aw="$a_wall" -v au="$a_user" -v as="$a_sys" -v am="$a_rss" -v fw="$f_wall" -v fu="$f_user" -v fs="$f_sys" -v fm="$f_rss" \
    -v tw="$t_wall" -v tu="$t_user" -v ts="$t_sys" -v src="$source" 'BEGIN {
  printf "one source-month: bronze/source=%s, July 2026 (%d dates, %d files, %.2f MB of file bytes, %.2f MB on disk)\n", src, n, f, b / 1e6, d / 1e6
  printf "goodair archives: %.2f MB in %d .tar.gz = %.1f%% of the file bytes, %.1f%% of the disk space (one tar czf of the month: %.2f MB)\n", a / 1e6, n, 100 * a / b, 100 * a / d, t / 1e6
  printf "                                               CPU s   wall s   peak MB\n"
  printf "goodair lifecycle apply, archive + verify:    %6.2f   %6.2f   %6.1f\n", au + as, aw, am / 1024
  printf "goodair lifecycle apply, + delete originals:  %6.2f   %6.2f   %6.1f\n", fu + fs, fw, fm / 1024
  printf "tar czf of the same folders (one file):       %6.2f   %6.2f\n", tu + ts, tw
  printf "ratio (CPU): archive + verify = %.2f x tar czf\n", (au + as) / (tu + ts)
}'
sed 's/^/  /' "$dir/lc-apply.out" | tail -1
rm -rf "$work"
