#!/usr/bin/env bash
# The load run (docs/performance.md): data at scale, the product and the bare engine side by side, the Gatling
# simulation against both at once, start-up time and memory of each; the figures go to target/load/summary.md
# and Gatling's HTML report to target/gatling/. PostgreSQL by default (databases putitright_load, bare_load,
# made afresh by the generator); LOAD_DB=h2 runs on H2 files under target/load/ (the CI smoke).
#   OPEN=10000 CLOSED=1000000 HISTORY=100000 DAYS=20 GEN_THREADS=2   the data (CLOSED/HISTORY: PostgreSQL only)
#   DURATION=300 STAFF=40 POLL=10 SUBMISSIONS=1                      the simulation
#   GENERATE_ONLY=1 stops after the data; SKIP_GENERATE=1 reuses the data of the last run; MAX_ERROR_PERCENT=.. fails the run above that share of errors
#   PRODUCT_PORT=18170 BARE_PORT=18171
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

LOAD_DB="${LOAD_DB:-postgres}"
PRODUCT_PORT="${PRODUCT_PORT:-18170}"
BARE_PORT="${BARE_PORT:-18171}"
OUT=target/load
mkdir -p "$OUT"
WORK="$(mktemp -d)"
source .ci/common/nodes.sh
PRODUCT_PID="" BARE_PID=""
cleanup() {
  stop_pid "$PRODUCT_PID"; stop_pid "$BARE_PID"; stop_pid "$SINK_PID"; rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

note() { echo "$*" | tee -a "$OUT/summary.md"; }
load_average() { note "- uptime $1: $(uptime | sed 's/.*load average/load average/')"; }

# the jar (as production runs it) and a snapshot of the test classpath (the generator and the bare engine),
# so a later build cannot change classes under a running JVM
[ -n "$(ls target/put-it-right-*.jar 2>/dev/null | grep -v original || true)" ] || mvn -B -q -DskipTests package
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt"
rm -rf "$OUT/cp" && mkdir -p "$OUT/cp" && cp -r target/classes "$OUT/cp/classes" && cp -r target/test-classes "$OUT/cp/test-classes"
CP="$OUT/cp/test-classes:$OUT/cp/classes:$(cat "$OUT/classpath.txt")"
JAR="$(find_jar)"

if [ "$LOAD_DB" = h2 ]; then
  PRODUCT_URL="jdbc:h2:file:$PWD/$OUT/h2/putitright;QUERY_CACHE_SIZE=256"
  BARE_URL="jdbc:h2:file:$PWD/$OUT/bare-h2/bare;QUERY_CACHE_SIZE=256"
else
  PRODUCT_URL="jdbc:postgresql://127.0.0.1:5432/putitright_load"
  BARE_URL="jdbc:postgresql://127.0.0.1:5432/bare_load"
fi

: >"$OUT/summary.md"
note "# Load run $(date -u '+%Y-%m-%d %H:%M UTC') on $LOAD_DB, $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB"
if [ "${SKIP_GENERATE:-0}" != 1 ]; then
  [ "$LOAD_DB" = h2 ] && rm -rf "$OUT/h2" "$OUT/bare-h2"
  load_average "before the generator"
  started=$SECONDS
  # both sides at once (two JVMs), each with the same options
  for side in product bare; do
    java -Xmx1500m -cp "$CP" uk.putitright.bench.load.LoadDataGenerator --side=$side \
      --product-url="$PRODUCT_URL" --bare-url="$BARE_URL" --open="${OPEN:-10000}" --closed="${CLOSED:-1000000}" \
      --history="${HISTORY:-100000}" --days="${DAYS:-20}" --threads="${GEN_THREADS:-2}" \
      >"$OUT/generator-$side.log" 2>&1 &
    eval "gen_$side=$!"
  done
  gen_status=0
  wait "$gen_product" || gen_status=$?
  wait "$gen_bare" || gen_status=$?
  grep -hv 'WARN\|Commons Logging' "$OUT/generator-product.log" "$OUT/generator-bare.log" | grep -v '^\s*at ' | tail -40
  [ "$gen_status" -eq 0 ] || { echo "the data generator failed; see $OUT/generator-*.log" >&2; exit 1; }
  note "- data generated in $((SECONDS - started)) s: open=${OPEN:-10000} closed=${CLOSED:-1000000} history=${HISTORY:-100000} (see $OUT/generator-*.log)"
  [ "${GENERATE_ONLY:-0}" = 1 ] && { cp "$OUT/summary.md" "$OUT/generation.md"; exit 0; }
fi

start_sink
ADMIN=load-admin
# Both sides alike: 1 GB heap, 29 connections, 40 Tomcat threads, job executor 4 to 8 threads
COMMON_JVM=(-Xms256m -Xmx1g)
if [ "$LOAD_DB" = h2 ]; then
  product_profile=load BARE_DB_ARGS=()
else
  product_profile=postgres BARE_DB_ARGS=(--spring.datasource.username=postgres --spring.datasource.password=)
fi
start_product() {
  PUTITRIGHT_DB_URL="$PRODUCT_URL" PUTITRIGHT_SECURE_COOKIES=false \
  PUTITRIGHT_SMTP_HOST=127.0.0.1 PUTITRIGHT_SMTP_PORT="$SMTP_PORT" \
  CAMUNDA_BPM_ADMINUSER_ID="$ADMIN" CAMUNDA_BPM_ADMINUSER_PASSWORD="$ADMIN" \
    java "${COMMON_JVM[@]}" -jar "$JAR" --spring.profiles.active="$product_profile" --server.port="$PRODUCT_PORT" \
      --spring.datasource.url="$PRODUCT_URL" \
      --spring.datasource.hikari.maximum-pool-size=29 --server.tomcat.threads.max=40 \
      --camunda.bpm.job-execution.core-pool-size=4 --camunda.bpm.job-execution.max-pool-size=8 \
      --putitright.intake.max-submissions-per-address=1000000 \
      --putitright.intake.max-failed-lookups-per-address=1000000 \
      "$@" >"$OUT/product.log" 2>&1 &
  PRODUCT_PID=$!
}
start_bare() {
  BARE_ADMIN_USER="$ADMIN" BARE_ADMIN_PASSWORD="$ADMIN" \
    java "${COMMON_JVM[@]}" -cp "$CP" uk.putitright.bench.bare.BareEngineApplication --server.port="$BARE_PORT" \
      --spring.datasource.url="$BARE_URL" "${BARE_DB_ARGS[@]}" \
      --spring.datasource.hikari.maximum-pool-size=29 --server.tomcat.threads.max=40 \
      --camunda.bpm.job-execution.core-pool-size=4 --camunda.bpm.job-execution.max-pool-size=8 \
      "$@" >"$OUT/bare.log" 2>&1 &
  BARE_PID=$!
}
# seconds until /actuator/health says UP (from the JVM's start), or fail
wait_up() {
  local pid="$1" port="$2" started="$3"
  local limit=$((SECONDS + ${START_TIMEOUT:-1800}))
  while [ "$SECONDS" -lt "$limit" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "the app on port $port died; see $OUT/*.log" >&2; return 1; }
    if curl -s "http://127.0.0.1:$port/actuator/health" | grep -q '"UP"'; then
      echo $(( $(date +%s%N) / 1000000 - started ))
      return 0
    fi
    sleep 0.2
  done
  echo "the app on port $port was not UP within ${START_TIMEOUT:-1800} s" >&2
  return 1
}
rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }

load_average "before start-up"
# PARALLEL_START=1: both at once (quicker, each slowed by the other); by default one after the other
t=$(( $(date +%s%N) / 1000000 )); start_product
if [ "${PARALLEL_START:-0}" = 1 ]; then
  start_bare; bare_ms=$(wait_up "$BARE_PID" "$BARE_PORT" "$t"); product_ms=$(wait_up "$PRODUCT_PID" "$PRODUCT_PORT" "$t")
else
  product_ms=$(wait_up "$PRODUCT_PID" "$PRODUCT_PORT" "$t")
  t=$(( $(date +%s%N) / 1000000 )); start_bare; bare_ms=$(wait_up "$BARE_PID" "$BARE_PORT" "$t")
fi
[ "${PARALLEL_START:-0}" = 1 ] && note "(both started at once)"
sleep 5
note ""
note "| start-up ($LOAD_DB) | product | bare | ratio |"
note "|---|---|---|---|"
note "| to /actuator/health UP | ${product_ms} ms | ${bare_ms} ms | $(python3 -c "print(f'{$product_ms/$bare_ms:.2f}')") |"
product_rss=$(rss_mb "$PRODUCT_PID"); bare_rss=$(rss_mb "$BARE_PID")
note "| RSS after start | ${product_rss} MB | ${bare_rss} MB | $(python3 -c "print(f'{$product_rss/$bare_rss:.2f}')") |"

commits() {
  [ "$LOAD_DB" = h2 ] && { echo 0; return; }
  psql "${PG_ARGS[@]}" -d postgres -At -c "select xact_commit from pg_stat_database where datname = '$1'"
}
product_commits=$(commits putitright_load); bare_commits=$(commits bare_load)

load_average "before the simulation"
mvn -B -Pload test-compile gatling:test -Dload.productUrl="http://127.0.0.1:$PRODUCT_PORT" \
  -Dload.bareUrl="http://127.0.0.1:$BARE_PORT" -Dload.duration="${DURATION:-300}" -Dload.staff="${STAFF:-40}" \
  -Dload.poll="${POLL:-10}" -Dload.submissionsPerSecond="${SUBMISSIONS:-1}" \
  -Dload.maxErrorPercent="${MAX_ERROR_PERCENT:-100}" 2>&1 | tee "$OUT/gatling.log" | grep -v '^\[INFO\] Download' | tail -60
status=${PIPESTATUS[0]}
load_average "after the simulation"

sleep 2
product_rss=$(rss_mb "$PRODUCT_PID"); bare_rss=$(rss_mb "$BARE_PID")
note "| RSS after the load run | ${product_rss} MB | ${bare_rss} MB | $(python3 -c "print(f'{$product_rss/$bare_rss:.2f}')") |"
if [ "$LOAD_DB" != h2 ]; then
  pc=$(( $(commits putitright_load) - product_commits )); bc=$(( $(commits bare_load) - bare_commits ))
  note "| PostgreSQL commits during the simulation (xact_commit) | $pc | $bc | $(python3 -c "print(f'{$pc/max($bc,1):.2f}')") |"
fi
note ""
report="$(ls -td target/gatling/*/ 2>/dev/null | head -1)"
[ -n "$report" ] && python3 .ci/load/summarise.py "$report" | tee -a "$OUT/summary.md"
note ""
note "Gatling's HTML report: ${report}index.html"
exit "$status"
