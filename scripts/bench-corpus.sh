# Sourced (not run) by the benchmarks on the curation corpus (bench-curate.sh, bench-foundation.sh,
# bench-lineage.sh), from the repository's root: sets `days`, `dir`, `lake` and `bin` (the release
# goodair, built here), makes the corpus once (BENCH_DAYS days of every city and source from the
# simulator, default 54: about 100,000 snapshots, kept in BENCH_DIR, default .bench), builds the C
# read-and-gunzip bound (`$dir/gunzip-bound`) and sets `pin`, the command that pins a loop to core 0.
days=${BENCH_DAYS:-54}
dir=${BENCH_DIR:-.bench}
lake="$dir/lake-$days"
swift build -c release --scratch-path .build-release --product goodair >/dev/null
bin=.build-release/release/goodair
if [ ! -d "$lake/bronze" ]; then
  echo "making the corpus: $days days from the simulator into $lake (once)…"
  mkdir -p "$lake" && cp -r lake/reference "$lake/"
  "$bin" demo --days "$days" --no-faults --lake "$lake" --now 2026-11-29T14:20:00Z >/dev/null
fi
cc -O2 -o "$dir/gunzip-bound" scripts/gunzip-bound.c -lz
pin="taskset -c 0"; command -v taskset >/dev/null || pin=""
