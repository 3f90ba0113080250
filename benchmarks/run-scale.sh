#!/usr/bin/env bash
# Scale runs: for each size, generate ROWS x 8 fields of metadata (and the matching export), then time
#   1. vlmeta validate, offline, against the export file;
#   2. vlmeta upload of everything to a fresh local emulator.
# Each step records wall time, rows per second, peak RSS (/usr/bin/time -v) and the heap settings in
# the results file. See BENCHMARKS.md for what the numbers were and what dominates them.
#
# Usage: benchmarks/run-scale.sh [ROWS ...]          (default: 100000 1000000 10000000)
#
# Environment:
#   VLMETA_JAR   the command-line jar            (default: cli/target/vlmeta.jar)
#   BENCH_JAR    the benchmarks jar (generator)  (default: benchmarks/target/benchmarks.jar)
#   SCALE_DIR    data, logs and results          (default: benchmarks/target/scale)
#   RESULTS      the results file, appended to   (default: $SCALE_DIR/results.tsv)
#   SEED         the generator's seed            (default: 42)
#   FORMAT       the metadata file: csv, jsonl or parquet (default: csv); validate and upload read it
#   HEAP_OPTS    JVM options of vlmeta           (default: none, the JVM's own heap sizing)
#   EMULATOR_HEAP_OPTS  JVM options of the emulator (default: none)
#   STEPS        which steps to run              (default: "validate upload"); "version" times
#                `vlmeta --version` (the fixed cost of starting), once per size given
#   UPLOAD_FLAGS more flags for vlmeta upload, e.g. "--parallel 8" (default: none, the defaults)
#   PROFILE      1 to record a JFR profile of each vlmeta run and print its top frames (default: 0)
#   KEEP_DATA    0 to delete each size's generated files after its runs (default: 1, keep and reuse)
#   WARM_EMULATOR 1 to upload the same rows once, untimed, to a second dataset of the same emulator before the
#                timed upload, so that it meets a server whose code is already compiled, as a long-running
#                server's is (default: 0, a fresh emulator; its warm-up then falls in the timed upload)
#   LAUNCHER     run vlmeta and the emulator through this launcher instead of `java -jar VLMETA_JAR`, e.g.
#                ./vlmeta or an unpacked distribution's bin/vlmeta, with its choice of collector and
#                compilers; HEAP_OPTS and EMULATOR_HEAP_OPTS then reach them as VLMETA_JAVA_OPTS
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

vlmeta_jar="${VLMETA_JAR:-$root/cli/target/vlmeta.jar}"
bench_jar="${BENCH_JAR:-$root/benchmarks/target/benchmarks.jar}"
scale_dir="${SCALE_DIR:-$root/benchmarks/target/scale}"
results="${RESULTS:-$scale_dir/results.tsv}"
seed="${SEED:-42}"
format="${FORMAT:-csv}"
heap_opts="${HEAP_OPTS:-}"
emulator_heap_opts="${EMULATOR_HEAP_OPTS:-}"
steps="${STEPS:-validate upload}"
upload_flags="${UPLOAD_FLAGS:-}"
profile="${PROFILE:-0}"
keep_data="${KEEP_DATA:-1}"
launcher="${LAUNCHER:-}"
warm_emulator="${WARM_EMULATOR:-0}"
fields=8

if [[ $# -eq 0 ]]; then
  set -- 100000 1000000 10000000
fi
for rows in "$@"; do
  if ! [[ "$rows" =~ ^[1-9][0-9]*$ ]]; then
    echo "Row counts must be positive whole numbers, got '$rows'. Usage: $0 [ROWS ...]" >&2
    exit 2
  fi
done
for jar in "$vlmeta_jar" "$bench_jar"; do
  if [[ ! -f "$jar" ]]; then
    echo "Missing $jar: build it first with 'mvn -B -q -DskipTests package' at the repository root." >&2
    exit 2
  fi
done
vlmeta_jar="$(realpath "$vlmeta_jar")"
if [[ -n "$launcher" ]]; then
  if [[ ! -x "$launcher" ]]; then
    echo "LAUNCHER=$launcher is not an executable file." >&2
    exit 2
  fi
  launcher="$(realpath "$launcher")"
fi
bench_jar="$(realpath "$bench_jar")"
if [[ ! -x /usr/bin/time ]]; then
  echo "Missing /usr/bin/time: install the Debian package 'time' (apt-get install time)." >&2
  exit 2
fi

mkdir -p "$scale_dir" "$(dirname "$results")"
scale_dir="$(cd "$scale_dir" && pwd)"
results="$(cd "$(dirname "$results")" && pwd)/$(basename "$results")"
# anything a run writes next to where it was started lands here, not in the repository
cd "$scale_dir"
if [[ ! -s "$results" ]]; then
  printf 'date\tstep\trows\tfields\texit\twall_s\tcpu_s\trows_per_s\tpeak_rss_mb\temulator_peak_rss_mb\temulator_cpu_s\theap_opts\temulator_heap_opts\tmax_heap_mb\tcpus\n' \
    > "$results"
fi

cpus="$(nproc)"
# JFR's "profile" settings, sampling Java code every millisecond instead of every 10 ms, so that a
# run of a few seconds still gives thousands of samples
jfr_settings="$scale_dir/sampling.jfc"
if [[ "$profile" == 1 ]]; then
  java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  sed '/name="jdk.ExecutionSample"/,/<\/event>/ s|\(<setting name="period"[^>]*>\)[^<]*<|\11 ms<|' \
    "$java_home/lib/jfr/profile.jfc" > "$jfr_settings"
fi
# the heap the JVM actually gets with these options (default: a quarter of the machine's memory)
max_heap_mb() {
  # shellcheck disable=SC2086
  java $1 -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "MaxHeapSize" { printf "%d", $4 / 1048576 }'
}
vlmeta_max_heap="$(max_heap_mb "$heap_opts")"

# "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.34" -> seconds
wall_seconds() {
  awk -F': ' '/Elapsed \(wall clock\)/ {
      n = split($2, p, ":"); s = 0
      for (i = 1; i <= n; i++) s = s * 60 + p[i]
      printf "%.2f", s }' "$1"
}
# user + system CPU seconds: more than the wall time means both cores were busy
cpu_seconds() {
  awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$1"
}
peak_rss_mb() {
  awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"
}

# a process's user + system CPU seconds so far (utime and stime of /proc/PID/stat, in clock ticks)
emulator_cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$1/stat" 2>/dev/null || true
}

free_port() {
  local port
  for port in $(seq 18700 18799); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "No free port between 18700 and 18799." >&2
  exit 1
}

# run_timed STEP ROWS LOG_PREFIX COMMAND...: runs the command under /usr/bin/time -v, prints its summary line
run_timed() {
  local step="$1" rows="$2" log="$3"
  shift 3
  local jfr_opts=()
  if [[ "$profile" == 1 ]]; then
    jfr_opts=("-XX:StartFlightRecording=filename=$log.jfr,settings=$jfr_settings")
  fi
  local status=0
  if [[ -n "$launcher" ]]; then
    VLMETA_JAVA_OPTS="$heap_opts ${jfr_opts[*]}" /usr/bin/time -v -o "$log.time" "$launcher" "$@" \
      > "$log.out" 2> "$log.err" || status=$?
  else
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$log.time" java $heap_opts "${jfr_opts[@]}" -jar "$vlmeta_jar" "$@" \
      > "$log.out" 2> "$log.err" || status=$?
  fi
  wall="$(wall_seconds "$log.time")"
  rss="$(peak_rss_mb "$log.time")"
  cpu="$(cpu_seconds "$log.time")"
  rate="$(awk -v r="$rows" -v w="$wall" 'BEGIN { if (w > 0) printf "%d", r / w; else print "n/a" }')"
  last_status="$status"
  if [[ "$status" != 0 ]]; then
    echo "  $step exited with $status; the end of its output ($log.err):" >&2
    tail -n 15 "$log.err" >&2
    tail -n 5 "$log.out" >&2
  fi
  if [[ "$profile" == 1 && -f "$log.jfr" ]]; then
    java -cp "$bench_jar" io.vlmeta.benchmarks.JfrTopFrames "$log.jfr" 15 > "$log.profile.txt" || true
    echo "  profile: $log.profile.txt"
  fi
}

record() {
  local step="$1" rows="$2" emulator_rss="$3" emulator_cpu="$4" emulator_heap=""
  if [[ "$step" == upload* ]]; then
    emulator_heap="${emulator_heap_opts:-default}"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    "$step" "$rows" "$fields" "$last_status" "$wall" "$cpu" "$rate" "$rss" "$emulator_rss" "$emulator_cpu" \
    "${heap_opts:-default}" "$emulator_heap" "$vlmeta_max_heap" "$cpus" >> "$results"
  printf '  %-8s %10s rows: exit %s, %8s s (CPU %s s), %9s rows/s, peak RSS %6s MB%s\n' "$step" "$rows" \
    "$last_status" "$wall" "$cpu" "$rate" "$rss" "${emulator_rss:+, emulator peak RSS $emulator_rss MB, CPU $emulator_cpu s}"
}

for rows in "$@"; do
  data="$scale_dir/data-$rows-seed$seed${FORMAT:+-$format}"
  logs="$scale_dir/logs"
  mkdir -p "$logs"
  echo "== $rows rows x $fields fields"
  # the flags file is written last, so its presence means the data is complete
  if [[ ! -s "$data/field-flags.txt" ]]; then
    java -cp "$bench_jar" io.vlmeta.benchmarks.Generate "$rows" "$seed" "$data" "$format" | sed 's/^/  /'
  fi
  read -r -a type_flags < "$data/field-flags.txt"
  stamp="$(date -u +%Y%m%dT%H%M%S)"

  if [[ " $steps " == *" version "* ]]; then
    run_timed version 0 "$logs/version-$stamp" --version
    record version 0 "" ""
  fi

  if [[ " $steps " == *" validate "* ]]; then
    run_timed validate "$rows" "$logs/validate-$rows-$stamp" validate --input "$data/metadata.$format" \
      --export-file "$data/export.csv" "${type_flags[@]}" --state-dir "$scale_dir/state" \
      --report "$logs/validate-$rows-$stamp-report.html" --json
    record validate "$rows" "" ""
  fi

  if [[ " $steps " == *" upload "* ]]; then
    port="$(free_port)"
    emulator_log="$logs/emulator-$rows-$stamp.log"
    emulator_jfr=()
    # the second dataset only when it is used: loading it costs the emulator's start as much as the first
    warm_dataset=()
    if [[ "$warm_emulator" == 1 ]]; then
      warm_dataset=(--dataset "warm=$data/export.csv")
    fi
    if [[ "$profile" == 1 ]]; then
      emulator_jfr=("-XX:StartFlightRecording=filename=${emulator_log%.log}.jfr,settings=$jfr_settings")
    fi
    if [[ -n "$launcher" ]]; then
      # the launcher's own choice of collector reaches the emulator too, as it does `vlmeta emulator`
      VLMETA_JAVA_OPTS="$emulator_heap_opts ${emulator_jfr[*]}" "$launcher" emulator --port "$port" \
        --dataset "bench=$data/export.csv" "${warm_dataset[@]}" > "$emulator_log" 2>&1 &
    else
      # shellcheck disable=SC2086
      java $emulator_heap_opts "${emulator_jfr[@]}" -jar "$vlmeta_jar" emulator --port "$port" \
        --dataset "bench=$data/export.csv" "${warm_dataset[@]}" > "$emulator_log" 2>&1 &
    fi
    emulator_pid=$!
    trap 'kill "$emulator_pid" 2>/dev/null || true' EXIT
    ready=0
    for _ in $(seq 1 600); do
      if curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/dataset/bench"; then
        ready=1
        break
      fi
      if ! kill -0 "$emulator_pid" 2>/dev/null; then
        break
      fi
      sleep 0.5
    done
    if [[ "$ready" != 1 ]]; then
      echo "  The emulator did not come up on port $port; its log:" >&2
      tail -n 20 "$emulator_log" >&2
      kill "$emulator_pid" 2>/dev/null || true
      exit 1
    fi
    if [[ "$warm_emulator" == 1 ]]; then
      # untimed, and not profiled: the same upload to the other dataset, so the emulator's code is compiled
      saved_profile="$profile"
      profile=0
      # shellcheck disable=SC2086 # UPLOAD_FLAGS holds several flags
      run_timed warm-up "$rows" "$logs/warm-up-$rows-$stamp" upload --input "$data/metadata.$format" \
        --dataset-id warm --base-url "http://127.0.0.1:$port" "${type_flags[@]}" \
        --state-dir "$scale_dir/state-warm-$rows-$stamp" $upload_flags --json
      profile="$saved_profile"
    fi
    emulator_cpu_before="$(emulator_cpu_seconds "$emulator_pid")"
    # shellcheck disable=SC2086 # UPLOAD_FLAGS holds several flags
    run_timed upload "$rows" "$logs/upload-$rows-$stamp" upload --input "$data/metadata.$format" \
      --dataset-id bench --base-url "http://127.0.0.1:$port" "${type_flags[@]}" \
      --state-dir "$scale_dir/state-$rows-$stamp" $upload_flags --json
    # VmHWM is the process's peak resident set size so far; utime and stime its CPU time, in clock ticks
    emulator_rss="$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$emulator_pid/status" 2>/dev/null || true)"
    emulator_cpu="$(emulator_cpu_seconds "$emulator_pid")"
    upload_step=upload
    if [[ "$warm_emulator" == 1 && -n "$emulator_cpu" && -n "$emulator_cpu_before" ]]; then
      # a warmed emulator's own step, with the CPU it spent during the timed upload alone
      upload_step=upload-warm
      emulator_cpu="$(awk -v a="$emulator_cpu" -v b="$emulator_cpu_before" 'BEGIN { printf "%.2f", a - b }')"
    fi
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
    trap - EXIT
    if [[ "$profile" == 1 && -f "${emulator_log%.log}.jfr" ]]; then
      java -cp "$bench_jar" io.vlmeta.benchmarks.JfrTopFrames "${emulator_log%.log}.jfr" 15 \
        > "${emulator_log%.log}.profile.txt" || true
      echo "  emulator profile: ${emulator_log%.log}.profile.txt"
    fi
    record "$upload_step" "$rows" "$emulator_rss" "$emulator_cpu"
  fi

  if [[ "$keep_data" == 0 ]]; then
    rm -rf "$data"
  fi
done

echo "Results: $results"
