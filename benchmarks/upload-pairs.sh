#!/usr/bin/env bash
# Times the upload of the same generated rows through two launchers in turn, PAIRS times each, every
# upload against a fresh emulator started through the same launcher: the client's wall and CPU seconds
# and the emulator's CPU seconds during the upload alone (its start and dataset load left out). Pairs
# taken one after the other cancel the slow drifts of a shared machine that a batch of runs per launcher
# would take in. The data is what benchmarks/run-scale.sh generated (run it once for the size first).
#
# Usage: benchmarks/upload-pairs.sh ROWS PAIRS LAUNCHER_A LAUNCHER_B RESULTS.tsv
#   LAUNCHER_A/B  executables run as `LAUNCHER emulator ...` and `LAUNCHER upload ...`, e.g. ./vlmeta or a
#                 two-line script: VLMETA_JAR=JAR exec sh START-SCRIPT "$@"
# Environment: SCALE_DIR, SEED as for run-scale.sh.
set -euo pipefail

if [[ $# -ne 5 ]]; then
  echo "Usage: $0 ROWS PAIRS LAUNCHER_A LAUNCHER_B RESULTS.tsv" >&2
  exit 2
fi
rows="$1" pairs="$2" results="$5"
launchers=("$(realpath "$3")" "$(realpath "$4")")
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${SCALE_DIR:-$root/benchmarks/target/scale}/data-$rows-seed${SEED:-42}"
if [[ ! -f "$data/metadata.csv" || ! -f "$data/export.csv" || ! -f "$data/field-flags.txt" ]]; then
  echo "No generated data in $data: run benchmarks/run-scale.sh $rows first." >&2
  exit 2
fi
read -r -a field_flags < "$data/field-flags.txt"
state="$(mktemp -d)"
trap 'rm -rf "$state"' EXIT
hz="$(getconf CLK_TCK)"
cpu_of() { awk -v hz="$hz" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$1/stat"; }

[[ -s "$results" ]] || printf 'launcher\trows\twall_s\tclient_cpu_s\temulator_cpu_s\texit\n' > "$results"
for ((pair = 1; pair <= pairs; pair++)); do
  for launcher in "${launchers[@]}"; do
    port=$((19000 + RANDOM % 1000))
    "$launcher" emulator --port "$port" --dataset "bench=$data/export.csv" > "$state/emulator.log" 2>&1 &
    emulator=$!
    for _ in $(seq 1 300); do
      curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/dataset/bench" && break
      sleep 0.2
    done
    before="$(cpu_of "$emulator")"
    status=0
    /usr/bin/time -f '%e %U %S' -o "$state/time" "$launcher" upload --input "$data/metadata.csv" \
      --dataset-id bench --base-url "http://127.0.0.1:$port" "${field_flags[@]}" \
      --state-dir "$state/run-$pair-$port" --json > /dev/null 2> "$state/upload.log" || status=$?
    after="$(cpu_of "$emulator")"
    kill "$emulator" && wait "$emulator" 2>/dev/null || true
    read -r wall user sys < <(tail -n 1 "$state/time")
    awk -v l="$launcher" -v r="$rows" -v w="$wall" -v u="$user" -v s="$sys" -v a="$after" -v b="$before" \
      -v x="$status" 'BEGIN { printf "%s\t%s\t%s\t%.2f\t%.2f\t%s\n", l, r, w, u + s, a - b, x }' >> "$results"
  done
done
echo "Results: $results"
