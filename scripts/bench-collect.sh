#!/usr/bin/env bash
# Collection benchmark: one hour of every city and source against the simulator, with 200 ms of
# API latency (about what the real APIs answer in from France), using the collector's real
# defaults (8 requests in flight, OpenWeatherMap limited to 60 calls a minute). Prints the
# collector's summary line for each run.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/debug/goodair}
work=$(mktemp -d)
trap 'kill $sim 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/lake" && cp -r lake/reference "$work/lake/"

run() {  # latency_ms concurrency label
  "$BIN" simulate --lake "$work/lake" --port 0 --latency-ms "$1" > "$work/sim.out" 2>&1 &
  sim=$!
  for _ in $(seq 100); do grep -q "listening on" "$work/sim.out" && break; sleep 0.1; done
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/sim.out" | head -1)
  rm -rf "$work/lake/bronze" "$work/lake/_state"
  start=$(date +%s.%N)
  GOODAIR_AQICN_URL=$url GOODAIR_OWM_URL=$url GOODAIR_AQICN_TOKEN=bench-token-0123456789 GOODAIR_OWM_KEY=bench-key-0123456789 \
    "$BIN" collect --lake "$work/lake" --concurrency "$2" --log-level warning | head -1
  end=$(date +%s.%N)
  awk -v l="$3" -v s="$start" -v e="$end" 'BEGIN { printf "  %-44s wall %.2f s\n", l, e - s }'
  kill $sim; wait $sim 2>/dev/null || true
}

cities=$(($(wc -l < lake/reference/cities.csv) - 1))
echo "one hour, $cities cities x 3 sources = $((cities * 3)) fetches"
run 200 8 "latency 200 ms, concurrency 8 (default)"
run 200 1 "latency 200 ms, concurrency 1 (sequential)"
run 0 8 "latency 0 ms, concurrency 8"
