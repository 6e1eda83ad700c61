#!/usr/bin/env bash
# The scale benchmarks in one command: for each scale, generates the department databases in
# PostgreSQL (unless already there) and the configuration pointing at them, then times ingest next
# to COPY, compute next to DuckDB, and publish (ScaleBenchmark); at county scale also one yearly run
# from the JVM's start (YearlyRun). Reports are left in bench/target/scale/<scale>/ and the table over
# the scales in bench/target/scale/summary.md.
#
#   bench/run.sh [--scales county,city,province] [--years 2022-2024] [--reps 3] [--province-reps 1]
#                [--province-no-history] [--province-yearly] [--regenerate] [--keep] [--max-compute-ratio R] [--max-ingest-ratio R]
#
# --province-no-history loads only the measured (last) year at province scale, not the years before it.
# --province-yearly runs, at province scale, one yearly run from the JVM's start on a fresh warehouse (YearlyRun:
# ingest, compute, assess, publish and maintain of the last year, each stage's time and peak memory) instead of
# the stage-by-stage comparison with COPY and DuckDB; the province's conf/yearbook.yaml splits the yearbook by city
# (volumes: {by: city}). Its line is in bench/target/scale/province/yearly-run.txt.
# --keep keeps every scale's warehouse in bench/target/scale/<scale>/work (by default only the county's, for
# its yearly run), e.g. to time compute's parts on it afterwards with org.wcstat.bench.ComputeSplit.
#
# --max-compute-ratio / --max-ingest-ratio: exit 1 when a scale's compute / DuckDB or ingest / COPY (medians)
# is above R, or when DuckDB does not reproduce every value compute wrote; what CI runs to see a regression.
#
# In CI's time: `bench/run.sh --scales county --reps 1 --max-compute-ratio 1.5 --max-ingest-ratio 12`
# (about 5 min on 2 cores, the build and the county's generation included; docs/benchmarks.md).
#
# Environment: BENCH_PGHOST (127.0.0.1), BENCH_PGPORT (5432), BENCH_PGUSER (postgres), WCSTAT_BENCH_PGPASSWORD,
# BENCH_JAVA_OPTS (-Xmx6g -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m, and for the province
# -Xmx6g -XX:ReservedCodeCacheSize=240m, as conf/README.md tells a province to run; add -Dspark.*=... to try Spark
# settings), BENCH_SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
host="${BENCH_PGHOST:-127.0.0.1}" port="${BENCH_PGPORT:-5432}" user="${BENCH_PGUSER:-postgres}"
export PGPASSWORD="${WCSTAT_BENCH_PGPASSWORD:-}"

scales=county,city,province years=2022-2024 reps=3 province_reps=1 province_history=() province_yearly=0 regenerate=0 keep=0 max_compute="" max_ingest=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scales) scales="$2"; shift 2 ;;
    --years) years="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --province-reps) province_reps="$2"; shift 2 ;;
    --province-no-history) province_history=(--no-history); shift ;;
    --province-yearly) province_yearly=1; shift ;;
    --regenerate) regenerate=1; shift ;;
    --keep) keep=1; shift ;;
    --max-compute-ratio) max_compute="$2"; shift 2 ;;
    --max-ingest-ratio) max_ingest="$2"; shift 2 ;;
    *) echo "unknown option $1; see the top of $0" >&2; exit 2 ;;
  esac
done
year="${years##*-}"

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  echo "building wcstat and the benchmark ..." >&2
  (cd "$repo" && mvn -B -q -Pbench install -DskipTests)
fi

read -r -a spark_flags <<<"$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$repo/pom.xml")"
# the JVM options of bin/wcstat (C1 only), with more heap; a province runs with the optimizing compiler too, as
# conf/README.md tells it to (its run of minutes repays the compiler's CPU)
read -r -a area_opts <<<"${BENCH_JAVA_OPTS:--Xmx6g -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m}"
read -r -a province_opts <<<"${BENCH_JAVA_OPTS:--Xmx6g -XX:ReservedCodeCacheSize=240m}"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
cp="$repo/bench/target/wcstat-bench.jar:$repo/bench/target/lib/*:$(cat "$repo/bench/target/classpath.txt")"
bench() { nice -n 15 /usr/bin/time -v -o "$1" java "${spark_flags[@]}" "${java_opts[@]}" -cp "$cp" "${@:2}"; }
out="$repo/bench/target/scale"
pg=(-h "$host" -p "$port" -U "$user")

for scale in ${scales//,/ }; do
  dir="$out/$scale" db="wcstat_bench_$scale"
  java_opts=("${area_opts[@]}")
  [ "$scale" = province ] && java_opts=("${province_opts[@]}")
  mkdir -p "$dir"
  have_db="$(psql -X "${pg[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")"
  if [ "$regenerate" = 1 ] || [ -z "$have_db" ] || [ ! -f "$dir/conf/regions.yaml" ] || [ "$(cat "$dir/years" 2>/dev/null)" != "$years" ]; then
    echo "$(date -u +%T) generating $scale ($years) into $db ..." >&2
    rm -f "$dir/years"
    bench "$dir/generate.time" org.wcstat.bench.DepartmentGenerator --repo "$repo" --scale "$scale" --years "$years" \
      --conf-out "$dir/conf" --host "$host" --port "$port" --user "$user" --db "$db" 2>&1 | tee "$dir/generate.log" >&2
    echo "$years" >"$dir/years"
  fi
  r="$reps" history=()
  [ "$scale" = province ] && r="$province_reps" history=("${province_history[@]}")
  # a province publishes one yearbook volume per city and a provincial summary
  [ "$scale" = province ] && ! grep -q '^volumes:' "$dir/conf/yearbook.yaml" && printf '%s\n' \
    '# the province publishes one volume per city and a provincial summary (conf/README.md)' 'volumes: {by: city}' >>"$dir/conf/yearbook.yaml"
  if [ "$scale" = province ] && [ "$province_yearly" = 1 ]; then
    echo "$(date -u +%T) province: one yearly run from the JVM's start on a fresh warehouse; load $(cut -d' ' -f1-3 /proc/loadavg) ..." >&2
    rm -rf "$dir/work"
    mkdir -p "$dir/work/home"
    uptime >"$dir/yearly-run.load"
    bench "$dir/yearly-run.time" org.wcstat.bench.YearlyRun --repo "$repo" --conf "$dir/conf" --home "$dir/work/home" --year "$year" \
      >"$dir/yearly-run.txt" 2> >(tee "$dir/benchmark.log" >&2)
    uptime >>"$dir/yearly-run.load"
    line="$(cat "$dir/yearly-run.txt"); uptime before and after: $(paste -sd'|' "$dir/yearly-run.load"); process: $(grep -E 'User time|System time|Elapsed|Maximum resident' "$dir/yearly-run.time" | sed 's/^\s*//' | paste -sd';')"
    echo "$line" >"$dir/yearly-run.txt"
    [ "$keep" = 1 ] || rm -rf "$dir/work"
    echo "$(date -u +%T) province: done; $line" >&2
    continue
  fi
  echo "$(date -u +%T) $scale: load $(cut -d' ' -f1-3 /proc/loadavg); benchmarking ..." >&2
  rm -rf "$dir/work" "$dir/classes.jsa"
  # at county the benchmark's JVM leaves, at its exit, the archive of the classes it loaded that the yearly
  # run then maps, as bin/wcstat's runs map the one the first run after a build made (same classpath)
  cds=()
  [ "$scale" = county ] && cds=(-XX:ArchiveClassesAtExit="$dir/classes.jsa")
  bench "$dir/benchmark.time" "${cds[@]}" org.wcstat.bench.ScaleBenchmark --scale "$scale" --conf "$dir/conf" --years "$years" --reps "$r" "${history[@]}" \
    --host "$host" --port "$port" --user "$user" --db "$db" --work "$dir/work" --keep \
    --report "$dir/report.md" --results "$dir/results.properties" 2> >(tee "$dir/benchmark.log" >&2) >/dev/null
  if [ "$scale" = county ]; then
    echo "$(date -u +%T) county: one yearly run from the JVM's start ..." >&2
    cut -d' ' -f1-3 /proc/loadavg >"$dir/yearly-run.load"
    cds=()
    [ -s "$dir/classes.jsa" ] && cds=(-XX:SharedArchiveFile="$dir/classes.jsa" -Xshare:auto)
    echo "class-data archive: $([ ${#cds[@]} -gt 0 ] && echo "mapped ($(du -m "$dir/classes.jsa" | cut -f1) MiB)" || echo none)" >"$dir/yearly-run.cds"
    bench "$dir/yearly-run.time" "${cds[@]}" org.wcstat.bench.YearlyRun --repo "$repo" --conf "$dir/conf" --home "$dir/work/home" --year "$year" \
      >"$dir/yearly-run.txt" 2>>"$dir/benchmark.log"
    line="$(cat "$dir/yearly-run.txt"); $(cat "$dir/yearly-run.cds"); load before $(cat "$dir/yearly-run.load"), after $(cut -d' ' -f1-3 /proc/loadavg); process: $(grep -E 'User time|System time|Elapsed|Maximum resident' "$dir/yearly-run.time" | sed 's/^\s*//' | paste -sd';')"
    echo "$line" >"$dir/yearly-run.txt"
  fi
  # the warehouse is kept only for the county's yearly run; the larger ones take gigabytes
  [ "$scale" = county ] || [ "$keep" = 1 ] || rm -rf "$dir/work"
  echo "$(date -u +%T) $scale: done; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done

{
  echo "### Results over the scales, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  java -cp "$cp" org.wcstat.bench.ScaleSummary "$out"
  echo
  for scale in county city province; do
    if [ -f "$out/$scale/benchmark.time" ]; then
      echo "- $scale JVM: $(grep -E 'Maximum resident' "$out/$scale/benchmark.time" | sed 's/^\s*//')"
    fi
  done
  if [ -f "$out/county/yearly-run.txt" ]; then echo "- county $(cat "$out/county/yearly-run.txt")"; fi
  if [ -f "$out/province/yearly-run.txt" ]; then echo "- province $(cat "$out/province/yearly-run.txt")"; fi
  echo
  for scale in county city province; do
    if [ -f "$out/$scale/report.md" ]; then cat "$out/$scale/report.md"; echo; fi
  done
} >"$out/summary.md"
cat "$out/summary.md"

# the regression check: the ratios of the medians against the limits asked, and DuckDB's agreement
[ -n "$max_compute$max_ingest" ] || exit 0
failed=0
prop() { sed -n "s/^$1=//p" "$2" | head -n 1; }
for scale in ${scales//,/ }; do
  r="$out/$scale/results.properties"
  [ -f "$r" ] || { echo "$scale: no results ($r)" >&2; failed=1; continue; }
  check="$(prop peer_check "$r")"
  if ! [[ "$check" =~ ^([0-9]+)\ of\ ([0-9]+)\  ]] || [ "${BASH_REMATCH[1]}" != "${BASH_REMATCH[2]}" ]; then echo "$scale: DuckDB disagrees with compute: $check" >&2; failed=1; fi
  for limit in "compute:$max_compute:compute_s:duckdb_s" "ingest:$max_ingest:ingest_s:copy_s"; do
    IFS=: read -r what max ours peer <<<"$limit"
    [ -n "$max" ] || continue
    ratio="$(awk -v a="$(prop "$ours" "$r")" -v b="$(prop "$peer" "$r")" 'BEGIN { printf "%.2f", a / b }')"
    if awk -v r="$ratio" -v m="$max" 'BEGIN { exit !(r > m) }'; then
      echo "$scale: $what takes ${ratio}x its peer's time, above the limit of ${max}x" >&2; failed=1
    else
      echo "$scale: $what ${ratio}x its peer (limit ${max}x)" >&2
    fi
  done
done
exit "$failed"
