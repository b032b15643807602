#!/usr/bin/env bash
# Cluster test: two app nodes (ports 18181, 18182; engine hostnames node-a, node-b) share one fresh
# PostgreSQL database, putitright_cluster, each with the job executor on, as Camunda's homogeneous cluster.
# 1,000 complaints are logged over both nodes, their acknowledgement timers are made due at once, 300 are
# then acknowledged, and cluster_test.py checks every timer ran exactly once, both nodes ran some, and each
# letter was written once and emailed once (a local SMTP sink counts Message-IDs). Needs the jar (mvn -B
# verify or package) and PostgreSQL at 127.0.0.1:5432. Node logs: target/node-a.log, target/node-b.log.
# COMPLAINTS=200 (quicker) or LETTERS=1000 (every complaint emailed) change the counts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

DB=putitright_cluster
PORT_A=18181
PORT_B=18182
WORK="$(mktemp -d)"
source .ci/common/nodes.sh
begin_run target/node-a.log target/node-b.log

# job executor tuned for a short test: an idle node looks for due jobs at least every 5 s (default up to 60 s)
common_args=(--camunda.bpm.job-execution.max-wait=5000)

# one at a time: the first node creates the engine's schema and the admin user; two at once would race
start_node node-a "$PORT_A" "${common_args[@]}"
pid_a=$LAST_PID
wait_ready "$pid_a" "$PORT_A"
start_node node-b "$PORT_B" "${common_args[@]}"
pid_b=$LAST_PID
wait_ready "$pid_b" "$PORT_B"

started=$SECONDS
status=0
DB="$DB" CI_ADMIN="$CI_ADMIN" CI_ADMIN_PASSWORD="$CI_ADMIN_PASSWORD" SMTP_LOG="$WORK/smtp.log" \
NODE_URLS="http://127.0.0.1:${PORT_A} http://127.0.0.1:${PORT_B}" NODE_NAMES="node-a node-b" \
COMPLAINTS="${COMPLAINTS:-1000}" LETTERS="${LETTERS:-300}" \
  python3 .ci/cluster/cluster_test.py || status=$?
echo "cluster test took $((SECONDS - started)) s after both nodes were up"

for pid in "$pid_a" "$pid_b"; do
  kill -0 "$pid" 2>/dev/null || { echo "a node died during the test; see target/node-*.log" >&2; status=1; }
done
if [ "$status" -ne 0 ]; then
  echo "cluster test FAILED; node logs: target/node-a.log, target/node-b.log" >&2
fi
exit "$status"
