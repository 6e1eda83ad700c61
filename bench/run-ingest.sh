#!/usr/bin/env bash
# The ingest benchmark in one command: builds wcstat and the benchmark, generates the birth register
# in PostgreSQL when it is missing or of another size, then times COPY and ingest of the same rows
# in one run and prints the Markdown report (also left in bench/target/ingest-report.md).
#
#   bench/run-ingest.sh [--rows 5000000] [--year 2024] [--partitions 2] [--fetch-size 10000] [--reps 3]
#                       [--jdbc-property key=value ...] [--keep]
#
# Environment: BENCH_PGHOST (127.0.0.1), BENCH_PGPORT (5432), BENCH_PGUSER (postgres), BENCH_DB (wcstat_bench),
# WCSTAT_BENCH_PGPASSWORD, BENCH_JAVA_OPTS (-Xmx4g, as bin/wcstat; add -Dspark.*=... to try Spark settings),
# BENCH_SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
host="${BENCH_PGHOST:-127.0.0.1}" port="${BENCH_PGPORT:-5432}" user="${BENCH_PGUSER:-postgres}" db="${BENCH_DB:-wcstat_bench}"
export PGPASSWORD="${WCSTAT_BENCH_PGPASSWORD:-}"

rows=5000000 year=2024
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --rows) rows="${args[i + 1]}" ;;
    --year) year="${args[i + 1]}" ;;
  esac
done

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  echo "building wcstat and the benchmark ..." >&2
  (cd "$repo" && mvn -B -q -Pbench install -DskipTests)
fi

psql_() { psql -X -q -h "$host" -p "$port" -U "$user" "$@"; }
if [ -z "$(psql_ -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
  psql_ -d postgres -c "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0"
fi
have="$(psql_ -d "$db" -tAc "SELECT count(*) FROM birth_register WHERE BIRTH_DATE >= DATE '$year-01-01' AND BIRTH_DATE < DATE '$(( year + 1 ))-01-01'" 2>/dev/null || echo 0)"
if [ "$have" != "$rows" ]; then
  echo "generating $rows births of $year in $db (about 20 s per million rows) ..." >&2
  psql_ -d "$db" -v rows="$rows" -v year="$year" -f "$repo/bench/sql/birth_register.sql"
fi

# at least 2.5 times the table for the warehouse and the CSV written meanwhile (both removed at the end)
free_kb="$(df -Pk "${TMPDIR:-/tmp}" | awk 'NR == 2 {print $4}')"
if [ "$free_kb" -lt $(( rows / 1000000 * 2500000 + 1000000 )) ]; then
  echo "warning: ${TMPDIR:-/tmp} has $(( free_kb / 1024 )) MiB free; the run needs about $(( rows / 1000000 * 2500 )) MiB" >&2
fi

# the JVM flags Spark needs on Java 17: the parent pom's spark.jvm.flags, the same list surefire and bin/wcstat use
read -r -a spark_flags <<<"$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$repo/pom.xml")"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
read -r -a java_opts <<<"${BENCH_JAVA_OPTS:--Xmx4g}"
exec java "${spark_flags[@]}" "${java_opts[@]}" \
  -cp "$repo/bench/target/wcstat-bench.jar:$repo/bench/target/lib/*:$(cat "$repo/bench/target/classpath.txt")" \
  org.wcstat.bench.IngestBenchmark --repo "$repo" --host "$host" --port "$port" --user "$user" --db "$db" \
  --report "$repo/bench/target/ingest-report.md" "$@"
