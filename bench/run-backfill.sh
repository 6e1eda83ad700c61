#!/usr/bin/env bash
# A ten-year backfill at county scale from PostgreSQL, both ways a bureau can run it, in one run:
# `wcstat run --years 2015-2024` (each extract read once for the ten years, each table committed once)
# next to ten `wcstat run --year Y`, each into a warehouse of its own, timed from the command's start.
# Then checks that the two warehouses hold the same facts, quarantined rows and load records.
# The report is left in bench/target/backfill/report.md.
#
#   bench/run-backfill.sh [--years 2015-2024] [--regenerate]
#
# Environment: BENCH_PGHOST (127.0.0.1), BENCH_PGPORT (5432), BENCH_PGUSER (postgres), BENCH_DB (wcstat_bench_backfill),
# WCSTAT_BENCH_PGPASSWORD, BENCH_SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
host="${BENCH_PGHOST:-127.0.0.1}" port="${BENCH_PGPORT:-5432}" user="${BENCH_PGUSER:-postgres}" db="${BENCH_DB:-wcstat_bench_backfill}"
export PGPASSWORD="${WCSTAT_BENCH_PGPASSWORD:-}"
years=2015-2024 regenerate=0
while [ $# -gt 0 ]; do
  case "$1" in
    --years) years="$2"; shift 2 ;;
    --regenerate) regenerate=1; shift ;;
    *) echo "unknown option $1; see the top of $0" >&2; exit 2 ;;
  esac
done
first="${years%%-*}" last="${years##*-}"

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  echo "building wcstat and the benchmark ..." >&2
  (cd "$repo" && mvn -B -q -Pbench install -DskipTests)
fi
read -r -a spark_flags <<<"$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$repo/pom.xml")"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
cp="$repo/bench/target/wcstat-bench.jar:$repo/bench/target/lib/*:$(cat "$repo/bench/target/classpath.txt")"
out="$repo/bench/target/backfill"
mkdir -p "$out"

have_db="$(psql -X -h "$host" -p "$port" -U "$user" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")"
if [ "$regenerate" = 1 ] || [ -z "$have_db" ] || [ "$(cat "$out/years" 2>/dev/null)" != "$years" ]; then
  echo "$(date -u +%T) generating the county's departments ($years) into $db ..." >&2
  rm -f "$out/years"
  java "${spark_flags[@]}" -Xmx4g -cp "$cp" org.wcstat.bench.DepartmentGenerator --repo "$repo" --scale county --years "$years" \
    --conf-out "$out/conf" --host "$host" --port "$port" --user "$user" --db "$db" 2>&1 | tee "$out/generate.log" >&2
  echo "$years" >"$out/years"
fi

# the same pseudonym key for both warehouses, so their hashed identifiers compare
export WCSTAT_PSEUDONYM_KEY=bench-key-not-secret
rm -rf "$out/together" "$out/yearly"
load() { cut -d' ' -f1-3 /proc/loadavg; }
wcstat() { "$repo/bin/wcstat" "$@" --conf "$out/conf"; }
seconds() { grep 'Elapsed (wall clock)' "$1" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }'; }

echo "$(date -u +%T) run --years $years (load $(load)) ..." >&2
load_before="$(load)"
/usr/bin/time -v -o "$out/together.time" "$repo/bin/wcstat" run --years "$years" --conf "$out/conf" --home "$out/together" >"$out/together.log" 2>&1
together="$(seconds "$out/together.time")"
echo "$(date -u +%T) run --years: ${together} s; ten single-year runs (load $(load)) ..." >&2
yearly=0 per_year=()
for ((y = first; y <= last; y++)); do
  /usr/bin/time -v -o "$out/yearly-$y.time" "$repo/bin/wcstat" run --year "$y" --conf "$out/conf" --home "$out/yearly" >"$out/yearly-$y.log" 2>&1
  s="$(seconds "$out/yearly-$y.time")"
  per_year+=("$y: $s s")
  yearly="$(echo "$yearly + $s" | bc)"
done
load_after="$(load)"

same() {
  local q="$1"
  a="$("$repo/bin/wcstat" sql --conf "$out/conf" --home "$out/together" --format csv -e "$q" 2>/dev/null)"
  b="$("$repo/bin/wcstat" sql --conf "$out/conf" --home "$out/yearly" --format csv -e "$q" 2>/dev/null)"
  # a query that failed on both sides prints nothing on either: that is no agreement
  if [ "$(printf '%s\n' "$a" | wc -l)" -lt 2 ]; then echo "NOT READ"; elif [ "$a" = "$b" ]; then echo "same ($(($(printf '%s\n' "$a" | wc -l) - 1)) rows)"; else echo DIFFERENT; fi
}
facts="$(same "SELECT measure, year, region, sex, age_band, residence, value, source, extract FROM wh.facts.observation ORDER BY 1, 2, 3, 4, 5, 6, 8, 9")"
quarantine="$(same "SELECT source, extract, year, row_key, rule, reason FROM wh.quarantine.rejected ORDER BY 1, 2, 3, 4, 5, 6")"
loads="$(same "SELECT source, extract, year, rows_read, rows_written, rows_quarantined, facts_rows, status FROM wh.meta.load ORDER BY 1, 2, 3")"
values="$(same "SELECT indicator, year, region, sex, age_band, residence, value FROM wh.indicators.value ORDER BY 1, 2, 3, 4, 5, 6")"
rows="$(grep -oE 'ingest: ingested [^;]*' "$out/together.log" | head -1)"

{
  echo "#### Backfill $years at county scale from PostgreSQL, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "| run | wall time | CPU (user + sys) |"
  echo "|---|---:|---:|"
  cpu() { grep -E 'User time|System time' "$@" | awk '{s += $NF} END {printf "%.0f s", s}'; }
  echo "| \`wcstat run --years $years\` | ${together} s | $(cpu "$out/together.time") |"
  echo "| ten \`wcstat run --year Y\`, $first to $last | ${yearly} s | $(cpu "$out"/yearly-*.time) |"
  echo
  echo "- $rows"
  echo "- single-year runs: ${per_year[*]}"
  echo "- the two warehouses: facts $facts, quarantined rows $quarantine, load records $loads, indicator values $values"
  echo "- load average (1, 5, 15 min) before: $load_before; after: $load_after"
} >"$out/report.md"
cat "$out/report.md"
