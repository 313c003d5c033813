#!/usr/bin/env bash
# make bench: scoring speed at province (2,000 units × 200 indicators) and
# nation scale (300,000 × 100), against the same computation in SQLite SQL
# (window functions) on the same files in the same run. Prints a table; the
# figures go into BENCHMARKS.md by hand, with the date and machine.
#   bench/run.sh BUILD_DIR        (BENCH_DIR=/tmp/govperf-bench, RUNS=5, SCALES="province nation")
# Then the HTTP load bench (bench/http_load.sh; HTTP=0 skips it) and the survey
# submission bench (bench/survey_load.sh; SURVEY=0 skips it).
set -euo pipefail
build="$1"; bin="$build/govperf"
src="$(cd "$(dirname "$0")/.." && pwd)"
work="${BENCH_DIR:-/tmp/govperf-bench}"
runs="${RUNS:-5}"
scales="${SCALES:-province nation}"
now() { date +%s.%N; }
mkdir -p "$work"

printf '%-9s %-15s %-9s %-9s %-9s %-12s %-10s %-9s %-10s %-10s %-8s\n' scale units×ind load_s score_s wall_s values/s update_us rss_MB sqlite_s sql_score ratio
for scale in $scales; do
  case "$scale" in
    province) units=2000; inds=200 ;;
    nation) units=300000; inds=100 ;;
    *) echo "unknown scale $scale" >&2; exit 2 ;;
  esac
  dir="$work/$scale"
  if [ ! -f "$dir/.gen-$units-$inds" ]; then
    rm -rf "$dir"; "$bin" gen --units "$units" --indicators "$inds" --out "$dir" >/dev/null
    touch "$dir/.gen-$units-$inds"
  fi
  cat "$dir"/*.csv >/dev/null  # warm the page cache: we measure parsing, not the disk

  # govperf: best of $runs whole runs (process start to exit), phase timings of that run.
  best=""; best_line=""
  for _ in $(seq "$runs"); do
    t0=$(now)
    "$bin" score --benchmark-scheme --data "$dir" --format csv --timing >"$dir/govperf.csv" 2>"$dir/timing.txt"
    t=$(echo "$(now) - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; best_line=$(cat "$dir/timing.txt"); fi
  done
  load=$(sed -E 's/.*load ([0-9.]+) s.*/\1/' <<<"$best_line")
  score=$(sed -E 's/.*score ([0-9.]+) s.*/\1/' <<<"$best_line")
  vps=$(sed -E 's/.* ([0-9]+) values\/s.*/\1/' <<<"$best_line")
  upd=$(sed -E 's/.*rerank ([0-9.]+) us.*/\1/' <<<"$best_line")
  rss=$(sed -E 's/.*peak RSS ([0-9]+) MB.*/\1/' <<<"$best_line")

  # SQLite: import the same CSVs, then the same scoring in SQL (bench/scoring.sql).
  rm -f "$dir/bench.db"
  t0=$(now); (cd "$dir" && sqlite3 bench.db <"$src/bench/load.sql" >/dev/null); t_import=$(echo "$(now) - $t0" | bc -l)
  t0=$(now); sqlite3 -csv "$dir/bench.db" <"$src/bench/scoring.sql" >"$dir/sqlite.csv"; t_sql=$(echo "$(now) - $t0" | bc -l)
  rm -f "$dir/bench.db"
  "$src/bench/compare.py" "$dir/govperf.csv" "$dir/sqlite.csv" >/dev/null || { echo "MISMATCH between govperf and SQLite at $scale" >&2; exit 1; }
  sqlite_total=$(echo "$t_import + $t_sql" | bc -l)
  ratio=$(echo "$sqlite_total / $best" | bc -l)
  printf '%-9s %-15s %-9.4f %-9.4f %-9.4f %-12s %-10s %-9s %-10.2f %-10.3f %-8.0f\n' \
    "$scale" "${units}×${inds}" "$load" "$score" "$best" "$vps" "$upd" "$rss" "$sqlite_total" "$t_sql" "$ratio"
done
echo "(wall_s = best of $runs whole runs; sqlite_s = CSV import + SQL; sql_score = the SQL query alone;"
echo " ratio = sqlite_s / wall_s; results of both engines compared unit by unit: identical)"

if [ "${HTTP:-1}" = 1 ]; then
  echo
  "$src/bench/http_load.sh" "$bin"
fi

# Survey submissions (bench/survey_load.sh): max responses/s with each durable
# before its 201, and p99 at a paced 2,000/s. SURVEY=0 skips it.
if [ "${SURVEY:-1}" = 1 ]; then
  echo
  "$src/bench/survey_load.sh" "$bin"
fi

# Excel in and out: a province-size scheme workbook (2,000 units × 200 leaves
# with per-unit targets) exported, imported into a fresh installation and
# exported again (app/exchange). EXCEL=0 skips it.
if [ "${EXCEL:-1}" = 1 ] && [ -x "$build/bench/excel_bench" ]; then
  echo
  echo "Excel in and out (province scheme workbook; wall clock):"
  "$build/bench/excel_bench" 2000 200
fi

# The general engine (core::Evaluate with traces, core::Evaluator) on a
# generated province year, 2,000 units × 200 leaves with monthly data; the
# straightforward ReferenceEvaluate runs in the same process as the baseline.
# ENGINE=0 skips it.
if [ "${ENGINE:-1}" = 1 ] && [ -x "$build/bench/engine_bench" ]; then
  echo
  echo "general engine (demo::ProvinceYear 2000 × 200, monthly data; wall clock):"
  "$build/bench/engine_bench" --benchmark_counters_tabular=true
fi

# The results service (app::YearCache) on a province year in SQLite: the time
# until View() answers with current results after one write through the app
# layer, against a full rebuild (what every write cost before). The database
# is made once in $BENCH_DIR (about a minute). RESULTS=0 skips it.
if [ "${RESULTS:-1}" = 1 ] && [ -x "$build/bench/results_bench" ]; then
  echo
  echo "results service after one write (province year in SQLite, 2000 × 200, monthly data; wall clock):"
  echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) on $(nproc) CPUs"
  BENCH_DIR="$work" "$build/bench/results_bench" --benchmark_counters_tabular=true
fi

