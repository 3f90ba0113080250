#!/usr/bin/env bash
# Summarises a run-scale.sh results file: for each step and row count, the number of runs that exited 0 and
# the median (with the range) of wall seconds, CPU seconds, peak RSS and the emulator's CPU seconds.
# Runs that exited non-zero are counted apart and left out of the medians.
#
# Usage: benchmarks/medians.sh RESULTS.tsv [SINCE]
#   SINCE  an ISO-8601 UTC time such as 2026-12-01T04:00:00Z: only rows recorded at or after it
set -euo pipefail

if [[ $# -lt 1 || ! -f "$1" ]]; then
  echo "Usage: $0 RESULTS.tsv [SINCE], with RESULTS.tsv written by benchmarks/run-scale.sh" >&2
  exit 2
fi
since="${2:-}"

awk -F'\t' -v since="$since" '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { t = a[i] + 0; for (j = i - 1; j >= 1 && a[j] + 0 > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function range(list,   n, a, i, lo, hi) {
    n = split(list, a, " "); lo = hi = a[1] + 0
    for (i = 2; i <= n; i++) { if (a[i] + 0 < lo) lo = a[i] + 0; if (a[i] + 0 > hi) hi = a[i] + 0 }
    return sprintf("%s-%s", lo, hi)
  }
  NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
  since != "" && $col["date"] < since { next }
  {
    key = $col["step"] "\t" $col["rows"]
    if (!(key in seen)) { seen[key] = 1; order[++keys] = key }
    if ($col["exit"] != 0) { failed[key]++; next }
    ok[key]++
    wall[key] = wall[key] " " $col["wall_s"]; cpu[key] = cpu[key] " " $col["cpu_s"]
    rss[key] = rss[key] " " $col["peak_rss_mb"]
    if ($col["emulator_cpu_s"] != "") emu[key] = emu[key] " " $col["emulator_cpu_s"]
  }
  END {
    printf "%-8s %10s %4s %6s %16s %16s %16s %14s\n", "step", "rows", "runs", "failed", "wall s (range)", "CPU s (range)", "peak RSS MB", "emulator CPU s"
    for (k = 1; k <= keys; k++) {
      key = order[k]; split(key, p, "\t")
      if (!ok[key]) { printf "%-8s %10s %4d %6d\n", p[1], p[2], 0, failed[key]; continue }
      printf "%-8s %10s %4d %6d %6.2f %-9s %6.2f %-9s %6.0f %-9s %s\n", p[1], p[2], ok[key], failed[key] + 0,
        median(wall[key]), "(" range(wall[key]) ")", median(cpu[key]), "(" range(cpu[key]) ")",
        median(rss[key]), "(" range(rss[key]) ")", emu[key] == "" ? "" : sprintf("%.2f", median(emu[key]))
    }
  }' "$1"
