#!/usr/bin/env bash
# Docs tool (not part of .ci/run): regenerates docs/images/modeler-*.png with bpmn-js and the properties panel
# (the components of Camunda Modeler) loading processes/stage-1.bpmn and element-templates/*.json.
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$dir"
npm ci --no-audit --no-fund --loglevel=error
node modeler-screenshot.mjs
