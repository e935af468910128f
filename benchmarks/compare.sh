#!/usr/bin/env bash
# Whole-process comparison on one log, all in one run on the same file (docs/PERFORMANCE.md):
#   (a) cidoctor diagnose LOG --format json      the published CLI, full built-in catalog
#   (b) rg -c -f reference-patterns.txt LOG      ripgrep, 58 reference patterns
#   (c) naive-scan LOG                           every catalog pattern on every line (benchmarks/CiDoctor.NaiveScan)
# Prints the median wall time of RUNS runs of each (default 3, interleaved), the ratios
# cidoctor/rg and naive/cidoctor, and CiDoctor's peak RSS.
#
#   benchmarks/compare.sh BIG.log             BIG.log is made by ../shared/bench/make-big-log.sh OUT [COPIES]
#   RUNS=5 benchmarks/compare.sh BIG.log
#   REBUILD=1 ...                             re-publish the CLI and the naive scanner first
#   PATTERNS=FILE ...                         other ripgrep patterns (default ../shared/bench/reference-patterns.txt)
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
log=${1:-}
runs=${RUNS:-3}
patterns=${PATTERNS:-$root/../shared/bench/reference-patterns.txt}
cli=$root/artifacts/cidoctor/cidoctor
naive=$root/artifacts/naive-scan/naive-scan

die() { echo "compare.sh: $*" >&2; exit 1; }

[ -n "$log" ] && [ -f "$log" ] || die "${log:-BIG.log}: no such file; make it with ../shared/bench/make-big-log.sh OUT [COPIES] (e.g. bash ../shared/bench/make-big-log.sh /tmp/BIG.log 36), then run: benchmarks/compare.sh /tmp/BIG.log"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive whole number, not '$runs'"
[ -f "$patterns" ] || die "$patterns: no such file (the ripgrep reference patterns; set PATTERNS=FILE)"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (Debian package 'time'): it measures the peak RSS"

if ! command -v rg >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "installing ripgrep (apt-get install -y ripgrep)" >&2
    apt-get install -y ripgrep >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y ripgrep >/dev/null 2>&1; } \
      || die "could not install ripgrep with apt-get; install the Debian package 'ripgrep' and re-run"
  else
    die "rg (ripgrep) is missing; install it with: sudo apt-get install -y ripgrep"
  fi
fi

if [ ! -x "$cli" ] || [ -n "${REBUILD:-}" ]; then
  echo "publishing the CLI to artifacts/cidoctor (ReadyToRun)" >&2
  dotnet publish "$root/src/CiDoctor.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$root/artifacts/cidoctor" >/dev/null || die "dotnet publish of src/CiDoctor.Cli failed"
fi
if [ ! -x "$naive" ] || [ -n "${REBUILD:-}" ]; then
  echo "publishing the naive scanner to artifacts/naive-scan" >&2
  dotnet publish "$root/benchmarks/CiDoctor.NaiveScan" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$root/artifacts/naive-scan" >/dev/null || die "dotnet publish of benchmarks/CiDoctor.NaiveScan failed"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run NAME CMD...: one timed run; wall seconds appended to $tmp/NAME.times, output kept in $tmp/NAME.out.
run() {
  local name=$1; shift
  local start end status=0
  start=$(date +%s%N)
  /usr/bin/time -f %M -o "$tmp/$name.rss1" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || status=$?
  end=$(date +%s%N)
  case "$name:$status" in
    cidoctor:0 | rg:0 | rg:1 | naive:0) ;;   # rg -c exits 1 when nothing matches
    *) echo "compare.sh: $name exited with $status:" >&2; tail -5 "$tmp/$name.err" >&2; exit 1 ;;
  esac
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", (e - s) / 1e9 }' >>"$tmp/$name.times"
  tail -1 "$tmp/$name.rss1" >>"$tmp/$name.rss"
}

median() { sort -g "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

bytes=$(stat -c %s "$log")
cat "$log" >/dev/null   # into the page cache: every tool reads it from memory
echo "file: $log ($bytes bytes), $runs run(s) each, interleaved" >&2
for i in $(seq 1 "$runs"); do
  echo "run $i/$runs" >&2
  run cidoctor "$cli" diagnose "$log" --format json
  run rg rg -c -f "$patterns" "$log"
  run naive "$naive" "$log"
done

c=$(median "$tmp/cidoctor.times")
r=$(median "$tmp/rg.times")
n=$(median "$tmp/naive.times")
rss=$(sort -g "$tmp/cidoctor.rss" | tail -1)
root_cause=$(grep -A1 '"rootCause": {' "$tmp/cidoctor.out" | grep -o '"id": *"[^"]*"' | head -1 | sed 's/.*: *//' || true)

echo "file                 $log ($(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }'))"
echo "runs                 $runs (median wall time)"
echo "cidoctor diagnose    ${c} s   (full built-in catalog, --format json; root cause ${root_cause:-null (no mode matched; evidence blocks)})"
echo "rg -c -f             ${r} s   ($(wc -l <"$patterns") patterns; $(tail -1 "$tmp/rg.out") matching lines)"
echo "naive scan           ${n} s   ($(tail -1 "$tmp/naive.err" | sed 's/^naive-scan: //'); $(tail -1 "$tmp/naive.out") matching lines)"
awk -v c="$c" -v r="$r" -v n="$n" 'BEGIN {
  printf "cidoctor / rg        %s\n", (r > 0 ? sprintf("%.1fx", c / r) : "n/a")
  printf "naive / cidoctor     %s\n", (c > 0 ? sprintf("%.1fx", n / c) : "n/a")
}'
echo "cidoctor peak RSS    ${rss} KB ($(awk -v k="$rss" 'BEGIN { printf "%.0f MB", k / 1024 }'), max over runs, /usr/bin/time -f %M)"
