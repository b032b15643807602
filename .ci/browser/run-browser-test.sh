#!/usr/bin/env bash
# Real-browser Tasklist test: starts the built app jar on port 18080 with a fresh H2 database (dev profile,
# so the demo users exist), then drives Debian's chromium with playwright-core through Tasklist and the
# Camunda Forms (tasklist.test.mjs), the public complaint pages with the keyboard only (public.test.mjs), the
# self-assessment (self-assessment.test.mjs), the case workspace (cases.test.mjs), moving running complaints to
# a new version (migration.test.mjs) and a policy change previewed and compared (process-owner.test.mjs).
# Needs `mvn package` first. Screenshots: target/screenshots/*.png;
# the app's output: target/browser-app.log. Exits with the test's status.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

PORT="${PUTITRIGHT_BROWSER_PORT:-18080}"
BASE_URL="http://localhost:${PORT}"

# Debian's chromium (playwright-core never downloads a browser here)
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && apt-get install -y -qq chromium
fi

(cd .ci/browser && npm ci --no-audit --no-fund --loglevel=error)

# find_jar and stop_pid, shared with the cluster and crash tests
source .ci/common/nodes.sh
jar="$(find_jar)"

if curl -s -o /dev/null "${BASE_URL}/"; then
  echo "something already answers on port ${PORT}; stop it first" >&2
  exit 1
fi

# a fresh database each run; H2 must not close it before Spring has stopped the engine
db_dir="$(mktemp -d)"
app_pid=""
cleanup() {
  stop_pid "$app_pid"
  rm -rf "$db_dir"
}
trap cleanup EXIT

mkdir -p target
rm -rf target/screenshots
java -jar "$jar" --server.port="${PORT}" \
  --spring.datasource.url="jdbc:h2:file:${db_dir}/putitright;DB_CLOSE_ON_EXIT=FALSE" >target/browser-app.log 2>&1 &
app_pid=$!

echo "waiting for ${BASE_URL}/camunda/app/tasklist/ (app pid ${app_pid}, log target/browser-app.log)"
ready=""
for _ in $(seq 1 120); do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "the app stopped while starting:" >&2
    tail -n 50 target/browser-app.log >&2
    exit 1
  fi
  # /camunda/app/tasklist/ redirects to /camunda/app/tasklist/default/, which answers 200
  code="$(curl -s -L -o /dev/null -w '%{http_code}' "${BASE_URL}/camunda/app/tasklist/" || true)"
  if [ "$code" = "200" ]; then
    ready=yes
    break
  fi
  sleep 1
done
if [ -z "$ready" ]; then
  echo "Tasklist did not answer 200 within 120 s:" >&2
  tail -n 50 target/browser-app.log >&2
  exit 1
fi

status=0
BASE_URL="$BASE_URL" node --test --test-concurrency=1 --test-reporter=spec .ci/browser/tasklist.test.mjs .ci/browser/public.test.mjs \
  .ci/browser/self-assessment.test.mjs || status=$?
BASE_URL="$BASE_URL" node --test --test-concurrency=1 --test-reporter=spec .ci/browser/cases.test.mjs || status=$?
BASE_URL="$BASE_URL" node --test --test-concurrency=1 --test-reporter=spec .ci/browser/migration.test.mjs || status=$?
# last: it deploys a changed policy, which the journeys above must not meet
BASE_URL="$BASE_URL" node --test --test-concurrency=1 --test-reporter=spec .ci/browser/process-owner.test.mjs || status=$?
if [ "$status" -ne 0 ]; then
  echo "browser test failed; app log: target/browser-app.log, screenshots: target/screenshots/" >&2
fi
exit "$status"
