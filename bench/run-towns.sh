#!/usr/bin/env bash
# Town names mapped to codes as ingest maps them (a CASE WHEN branch per town) against a broadcast join,
# for growing numbers of towns; prints one line per run (TownLookupBenchmark).
#
#   bench/run-towns.sh [--rows 200000] [--towns 12,276,1000,3000,7440]
#
# Environment: BENCH_JAVA_OPTS (-Xmx6g), BENCH_SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  (cd "$repo" && mvn -B -q -Pbench install -DskipTests)
fi
read -r -a spark_flags <<<"$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$repo/pom.xml")"
read -r -a java_opts <<<"${BENCH_JAVA_OPTS:--Xmx6g}"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
exec nice -n 15 java "${spark_flags[@]}" "${java_opts[@]}" \
  -cp "$repo/bench/target/wcstat-bench.jar:$repo/bench/target/lib/*:$(cat "$repo/bench/target/classpath.txt")" \
  org.wcstat.bench.TownLookupBenchmark "$@"
