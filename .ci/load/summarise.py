"""The load run's table from Gatling's report (its index.html statistics table): per call kind, for the product and the bare
engine, requests, errors, p50/p95/p99 (Gatling's default percentiles 50, 75, 95, 99), the product's p95 as a
ratio to its bare twin, and the issue's targets. Requests are named '<kind> | <side>' by the simulation.
Usage: python3 summarise.py <gatling report dir>"""
import pathlib
import re
import sys

report = pathlib.Path(sys.argv[1])
# Gatling 3.14 writes the statistics table into index.html: per request, col-2 total, col-4 KO, col-8 p50,
# col-10 p95, col-11 p99 (its default percentiles 50, 75, 95, 99)
html = (report / "index.html").read_text()
rows = {}
for match in re.finditer(r'class="ellipsed-name">([^<]+)</span>(.*?)</tr>', html, re.S):
    name, cells = match.group(1), match.group(2)
    values = dict(re.findall(r'col-(\d+)">([^<]*)</td>', cells))
    redirect = re.search(r" Redirect \d+$", name)
    base = name[:redirect.start()] if redirect else name
    if " | " not in base:
        continue
    kind, side = base.rsplit(" | ", 1)
    if redirect:
        kind += " (redirect)"
    number = lambda col: int(values.get(col, "0").replace(",", "").replace("-", "") or 0)
    rows.setdefault(kind, {})[side] = (number("2"), number("4"), number("8"), number("10"), number("11"))

PUBLIC = ("public submission", "status page", "status look-up")


def figures(s):
    return s


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
