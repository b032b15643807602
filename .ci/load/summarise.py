"""The load run's table from Gatling's report (js/stats.json): per call kind, for the product and the bare
engine, requests, errors, p50/p95/p99 (Gatling's default percentiles 50, 75, 95, 99), the product's p95 as a
ratio to its bare twin, and the issue's targets. Requests are named '<kind> | <side>' by the simulation.
Usage: python3 summarise.py <gatling report dir>"""
import json
import pathlib
import re
import sys

report = pathlib.Path(sys.argv[1])
path = report / "js" / "stats.json"
if path.exists():
    stats = json.loads(path.read_text())
else:  # stats.js: var stats = {...}; with the same object
    text = (report / "js" / "stats.js").read_text()
    stats = json.loads(text[text.index("{"):text.rindex("}") + 1])

rows = {}


def walk(node):
    for child in node.get("contents", {}).values():
        if child.get("type") == "REQUEST":
            name = child["name"]
            redirect = re.search(r" Redirect \d+$", name)
            base = name[:redirect.start()] if redirect else name
            if " | " in base:
                kind, side = base.rsplit(" | ", 1)
                if redirect:
                    kind += " (redirect)"
                rows.setdefault(kind, {})[side] = child["stats"]
        walk(child)


walk(stats)

PUBLIC = ("public submission", "status page", "status look-up")


def figures(s):
    n = s["numberOfRequests"]
    return n["total"], n["ko"], s["percentiles1"]["total"], s["percentiles3"]["total"], s["percentiles4"]["total"]


print("| call | product n | errors | p50 ms | p95 ms | p99 ms | bare n | errors | p50 ms | p95 ms | p99 ms "
      "| p95 ratio | target | met |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for kind in sorted(rows):
    sides = rows[kind]
    p = figures(sides["product"]) if "product" in sides else None
    b = figures(sides["bare"]) if "bare" in sides else None
    ratio = p[3] / b[3] if p and b and b[3] > 0 else None
    public = kind.startswith(PUBLIC)
    if p is None:
        target, met = "", ""
    elif public:
        target = "p95 < 300 ms, 0 errors" if kind.startswith("public submission") else "0 errors"
        met = (p[1] == 0 and (p[3] < 300 or not kind.startswith("public submission")))
    else:
        target = "p95 <= 1.5x bare and < 300 ms, 0 errors"
        met = p[1] == 0 and p[3] < 300 and ratio is not None and ratio <= 1.5
    cells = [kind]
    cells += [str(x) for x in p] if p else ["-"] * 5
    cells += [str(x) for x in b] if b else ["-"] * 5
    cells += [f"{ratio:.2f}" if ratio else "-", target, ("yes" if met else "**missed**") if target else ""]
    print("| " + " | ".join(cells) + " |")
