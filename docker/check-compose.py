#!/usr/bin/env python3
"""Checks docker/ where no Docker engine (or compose plugin) is available: compose.yaml parses, its anchors
merge, every ${VAR:?} it requires is in .env.example with a placeholder, each app node has its own engine
hostname and the production profile, and nginx.conf's upstreams name exactly the app services.
Usage: python3 docker/check-compose.py   (needs PyYAML; `docker compose -f docker/compose.yaml config` is
the full check where the compose plugin exists)."""
import os
import re
import sys

import yaml

here = os.path.dirname(os.path.abspath(__file__))
errors = []
with open(os.path.join(here, "compose.yaml")) as f:
    text = f.read()
compose = yaml.safe_load(text)
services = compose["services"]
apps = sorted(name for name, s in services.items() if "CAMUNDA_BPM_GENERICPROPERTIES_PROPERTIES_HOSTNAME"
              in (s.get("environment") or {}))

with open(os.path.join(here, ".env.example")) as f:
    example = dict(line.split("=", 1) for line in f.read().splitlines() if line and not line.startswith("#"))
required = set(re.findall(r"\$\{(\w+):\?", text))
for var in sorted(required - example.keys()):
    errors.append(f".env.example lacks {var}, which compose.yaml requires")
for var, value in example.items():
    if re.search(r"PASSWORD", var) and "change-me" not in value:
        errors.append(f".env.example: {var} must be a change-me placeholder, not a real secret")

hostnames = [services[a]["environment"]["CAMUNDA_BPM_GENERICPROPERTIES_PROPERTIES_HOSTNAME"] for a in apps]
if len(apps) < 2 or len(set(hostnames)) != len(apps):
    errors.append(f"want two or more app nodes with distinct engine hostnames, got {dict(zip(apps, hostnames))}")
for app in apps:
    env = services[app]["environment"]
    if env.get("SPRING_PROFILES_ACTIVE") != "postgres":
        errors.append(f"{app}: SPRING_PROFILES_ACTIVE must be postgres (dev creates demo users)")
    if env.get("CAMUNDA_BPM_JOBEXECUTION_ENABLED") != "true":
        errors.append(f"{app}: every node runs the job executor")
    if not str(env.get("PUTITRIGHT_DB_URL", "")).startswith("jdbc:postgresql://db:5432/"):
        errors.append(f"{app}: all nodes share the db service")
if "healthcheck" not in services["db"] or not services["db"].get("volumes"):
    errors.append("db needs a healthcheck and a volume")

with open(os.path.join(here, "nginx.conf")) as f:
    nginx = f.read()
for upstream, body in re.findall(r"upstream (\w+) \{(.*?)\}", nginx, re.S):
    named = sorted(re.findall(r"server (\w+):8080", body))
    if named != apps:
        errors.append(f"nginx upstream {upstream} has {named}, compose has app nodes {apps}")
with open(os.path.join(here, "Dockerfile")) as f:
    dockerfile = f.read()
for needed in ("USER ", "SPRING_PROFILES_ACTIVE=postgres", "HEALTHCHECK", "/actuator/health"):
    if needed not in dockerfile:
        errors.append(f"Dockerfile lacks {needed.strip()}")

for error in errors:
    print("FAIL", error)
print(f"docker/: {len(services)} services, app nodes {dict(zip(apps, hostnames))}, "
      f"{len(required)} required variables, {'OK' if not errors else f'{len(errors)} problem(s)'}")
sys.exit(1 if errors else 0)
