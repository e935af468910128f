#!/usr/bin/env bash
# Whole-process comparison on one log, all in one run on the same file (docs/PERFORMANCE.md):
#   (a) cidoctor diagnose LOG --format json      the published CLI, full built-in catalog
#   (b) rg -c -f reference-patterns.txt LOG      ripgrep, 58 reference patterns
#   (c) naive-scan LOG                           every catalog pattern on every line (benchmarks/CiDoctor.NaiveScan)
#   (d) cidoctor diagnose DIR --format json       the same bytes as a run of 300 job logs (LOG split at line ends)
#   (e) cidoctor diagnose HALF --format json      the first half of LOG, for peak RSS against log size
# Prints the median wall time of RUNS runs of each (default 3; (a), (b), (d), (e) interleaved,
# then NAIVE_RUNS runs of (c), default RUNS: on a gigabyte it takes about an hour a run), the
# ratios cidoctor/rg, naive/cidoctor and 300 jobs/one file, and CiDoctor's peak RSS on LOG and HALF.
#
#   benchmarks/compare.sh BIG.log             BIG.log is made by ../shared/bench/make-big-log.sh OUT [COPIES]
#   RUNS=5 benchmarks/compare.sh BIG.log
#   NAIVE_RUNS=1 ...                          fewer runs of the (slow) naive scanner
#   REBUILD=1 ...                             re-publish the CLI and the naive scanner first
#   PATTERNS=FILE ...                         other ripgrep patterns (default ../shared/bench/reference-patterns.txt)
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
log=${1:-}
runs=${RUNS:-3}
naive_runs=${NAIVE_RUNS:-$runs}
patterns=${PATTERNS:-$root/../shared/bench/reference-patterns.txt}
cli=$root/artifacts/cidoctor/cidoctor
naive=$root/artifacts/naive-scan/naive-scan

die() { echo "compare.sh: $*" >&2; exit 1; }

[ -n "$log" ] && [ -f "$log" ] || die "${log:-BIG.log}: no such file; make it with ../shared/bench/make-big-log.sh OUT [COPIES] (e.g. bash ../shared/bench/make-big-log.sh /tmp/BIG.log), then run: benchmarks/compare.sh /tmp/BIG.log"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive whole number, not '$runs'"
[[ "$naive_runs" =~ ^[1-9][0-9]*$ ]] || die "NAIVE_RUNS must be a positive whole number, not '$naive_runs'"
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
    cidoctor:0 | jobs:0 | half:0 | rg:0 | rg:1 | naive:0) ;;   # rg -c exits 1 when nothing matches
    *) echo "compare.sh: $name exited with $status:" >&2; tail -5 "$tmp/$name.err" >&2; exit 1 ;;
  esac
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", (e - s) / 1e9 }' >>"$tmp/$name.times"
  tail -1 "$tmp/$name.rss1" >>"$tmp/$name.rss"
}

median() { sort -g "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

bytes=$(stat -c %s "$log")
# The same bytes as 300 job logs, and the first half of the log (both cut at line ends).
mkdir "$tmp/jobs"
split -n l/300 -d -a 3 --additional-suffix=.log "$log" "$tmp/jobs/job-"
find "$tmp/jobs" -type f -empty -delete   # a small log has fewer lines than parts
job_logs=$(find "$tmp/jobs" -type f | wc -l)
head -c $((bytes / 2)) "$log" | sed '$d' >"$tmp/half.log"
cat "$log" "$tmp"/jobs/*.log "$tmp/half.log" >/dev/null   # into the page cache: every tool reads from memory
echo "file: $log ($bytes bytes), $runs run(s) each, interleaved; then $naive_runs run(s) of the naive scanner" >&2
for i in $(seq 1 "$runs"); do
  echo "run $i/$runs" >&2
  run cidoctor "$cli" diagnose "$log" --format json
  run rg rg -c -f "$patterns" "$log"
  run jobs "$cli" diagnose "$tmp/jobs" --format json
  run half "$cli" diagnose "$tmp/half.log" --format json
done
for i in $(seq 1 "$naive_runs"); do
  echo "naive scan $i/$naive_runs" >&2
  run naive "$naive" "$log"
done

c=$(median "$tmp/cidoctor.times")
r=$(median "$tmp/rg.times")
n=$(median "$tmp/naive.times")
j=$(median "$tmp/jobs.times")
rss=$(sort -g "$tmp/cidoctor.rss" | tail -1)
half_rss=$(sort -g "$tmp/half.rss" | tail -1)
root_cause=$(grep -A1 '"rootCause": {' "$tmp/cidoctor.out" | grep -o '"id": *"[^"]*"' | head -1 | sed 's/.*: *//' || true)

echo "file                 $log ($(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }'))"
echo "runs                 $runs, naive $naive_runs (median wall time)"
echo "cidoctor diagnose    ${c} s   (full built-in catalog, --format json; root cause ${root_cause:-null (no mode matched; evidence blocks)})"
echo "rg -c -f             ${r} s   ($(wc -l <"$patterns") patterns; $(tail -1 "$tmp/rg.out") matching lines)"
echo "naive scan           ${n} s   ($(tail -1 "$tmp/naive.err" | sed 's/^naive-scan: //'); $(tail -1 "$tmp/naive.out") matching lines)"
echo "300 job logs         ${j} s   (the same bytes split at line ends into $job_logs logs in one folder, --format json)"
awk -v c="$c" -v r="$r" -v n="$n" -v j="$j" 'BEGIN {
  printf "cidoctor / rg        %s\n", (r > 0 ? sprintf("%.2fx", c / r) : "n/a")
  printf "naive / cidoctor     %s\n", (c > 0 ? sprintf("%.1fx", n / c) : "n/a")
  printf "300 jobs / one file  %s\n", (c > 0 ? sprintf("%.2fx", j / c) : "n/a")
}'
echo "cidoctor peak RSS    ${rss} KB ($(awk -v k="$rss" 'BEGIN { printf "%.0f MB", k / 1024 }'), max over runs, /usr/bin/time -f %M); half the log: ${half_rss} KB ($(awk -v k="$half_rss" 'BEGIN { printf "%.0f MB", k / 1024 }'))"
