#!/usr/bin/env bash
# Prints the table of docs/scenario.md "What each field does to the 2023
# Mazhilis": scenarios/mazhilis-2023.json simulated with one `uncertainty`
# field changed at a time (every other field at its default; the 29 districts
# generated from the list vote), 20,000 runs, seed 1. Model output, not data.
#
#   scripts/uncertainty-table.sh [SAYLAU]
#
# SAYLAU is the binary (default: `cargo run --release --features cli --`).
# Needs python3 to edit the scenario and read the JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
saylau=${1:-cargo run --quiet --release --features cli --}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "| \`uncertainty\` | Amanat's seats: 50% interval | 90% interval | Amanat's list seats, 90% | OSDP passes 5% |"
echo "|---|---|---|---|---|"
while IFS= read -r u; do
  python3 - "$u" > "$tmp/s.json" <<'PY'
import json, sys
s = json.load(open("scenarios/mazhilis-2023.json"))
s["uncertainty"] = json.loads(sys.argv[1])
print(json.dumps(s))
PY
  $saylau simulate --runs 20000 --seed 1 --format json "$tmp/s.json" > "$tmp/out.json"
  python3 - "$u" "$tmp/out.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[2]))
p = {x["party"]: x for x in d["parties"]}
a, o = p["Amanat"], p["OSDP"]
label = sys.argv[1][1:-1].replace('"', "`") or "(all defaults)"
print(f"| {label} | {a['p25']} to {a['p75']} | {a['p05']} to {a['p95']} | "
      f"{a['list']['p05']} to {a['list']['p95']} | {round(o['p_threshold'] * 100)}% |")
PY
done <<'CASES'
{}
{"concentration": 500}
{"concentration": 1000}
{"concentration": 5000}
{"systematic_sd": 0}
{"systematic_sd": 0.05}
{"systematic_sd": 0.2}
{"systematic_points": 1}
{"systematic_points": 2}
{"systematic_points": 3}
{"turnout_sd": 0.1}
{"district_sd": 0}
{"district_sd": 0.3}
{"regional_sd": 0.1}
{"regional_sd": 0.5}
{"swing": "uniform"}
CASES
