#!/usr/bin/env bash
# Validates element-templates/*.json against npm @camunda/element-templates-json-schema (Camunda 7 templates).
# The coverage (every service task applies a template; dropdowns match the Java enums) is ElementTemplatesTest.
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$dir"
npm ci --no-audit --no-fund --loglevel=error
node validate.mjs "$dir/../../element-templates"
