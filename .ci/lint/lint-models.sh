#!/usr/bin/env bash
# Lints every BPMN model in processes/ (and the benchmark baseline) with bpmnlint (recommended rules + Camunda 7.24 compatibility).
# Configuration: .bpmnlintrc at the repository root. Exits non-zero on any lint error.
set -euo pipefail

lint_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$lint_dir/../.." && pwd)"

cd "$lint_dir"
if [[ -f package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
else
  npm install --no-audit --no-fund --loglevel=error
fi

cd "$repo_root"
shopt -s nullglob
# the benchmark's bare-engine baseline models too: every model must open cleanly in Modeler
models=(processes/*.bpmn src/test/resources/bench/*.bpmn)
if [[ ${#models[@]} -eq 0 ]]; then
  echo "lint-models: no BPMN models found in processes/" >&2
  exit 1
fi

# bpmnlint resolves the plugin from the config file's location; point NODE_PATH at our node_modules.
export NODE_PATH="$lint_dir/node_modules${NODE_PATH:+:$NODE_PATH}"
status=0
for model in "${models[@]}"; do
  echo "lint-models: $model"
  "$lint_dir/node_modules/.bin/bpmnlint" "$model" || status=1
done

if [[ $status -ne 0 ]]; then
  echo "lint-models: FAILED" >&2
else
  echo "lint-models: ${#models[@]} models passed"
fi
exit $status
