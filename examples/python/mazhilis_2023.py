"""The 2023 Mazhilis election from Python: reproduce the list seats, run a
projection, draw the hemicycle.

A notebook-style script (each ``# %%`` block is a cell in Jupyter or VS
Code). Run it from anywhere, after ``pip install ./python``::

    python examples/python/mazhilis_2023.py [OUTPUT_DIR]

The hemicycle is written to OUTPUT_DIR (default: a new temporary folder),
never into the repository. Exits with status 1 if the seats differ from the
official ones.
"""

# %% Setup
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import saylau

REPO = Path(__file__).resolve().parents[2]
SCENARIO = REPO / "scenarios" / "mazhilis-2023.json"

# Official list seats: Central Election Commission, final results of
# 19 March 2023 (as reported by the Astana Times; scenarios/official/).
OFFICIAL = {
    "Amanat": 40,
    "Auyl": 8,
    "Respublica": 6,
    "Ak Zhol": 6,
    "People's Party of Kazakhstan": 5,
    "OSDP": 4,
    "Baytaq": 0,
}

# %% 1. The election under its statutory rules (69 list seats, Hare, 5% of
# the votes for lists plus "against all"; equal remainders to the list
# registered first)
election = saylau.elect(SCENARIO)
print(election.title)
print(f"{election.seats} seats, {election.majority} for a majority; "
      f"{election.undecided} single-member seats undecided (no district votes in the file)")
print(f"threshold {election.threshold['percent']}% of {election.threshold['base']:,} votes "
      f"= {election.threshold['needed']:,} votes")
print()
print(f"{'party':<30} {'votes':>10} {'seats':>6} {'official':>9}")
for p in election.parties:
    print(f"{p['party']:<30} {p['votes']:>10,} {p['seats']:>6} {OFFICIAL[p['party']]:>9}")
matches = election.seats_by_party == OFFICIAL
print("matches the official result:", "yes" if matches else "NO")

# %% 2. The same count with allocate(), from a plain dict, with its audit
votes = {p["party"]: p["votes"] for p in election.parties}
seats = saylau.allocate(votes, 69, method="hare", threshold=5, against_all=election.against_all, ties="order")
assert seats.by_party() == OFFICIAL
print()
print(seats.explain())

# %% 3. What if: every method on the same votes
try:
    import pandas  # type: ignore[import-untyped, unused-ignore]  # noqa: F401

    print(saylau.compare(election, by="methods").to_pandas())
except ImportError:
    for row in saylau.compare(election, by="methods").rows:
        print(f"{row['label']:<40} {row['seats']}")

# %% What if the threshold had been 7%, as before 2023?
seven = saylau.elect(SCENARIO, threshold=7)
print()
print({party: seats for party, seats in seven.seats_by_party.items() if seats})
print(seven.notes[0]["text"])

# %% 4. A projection: 20,000 elections around the official votes, seeded
projection = saylau.simulate(SCENARIO, 20_000, seed=2023)
print()
print(projection.model)
for note in projection.notes:
    print("note:", note["text"])
print(f"{'party':<30} {'mean':>6} {'50% interval':>13} {'90% interval':>13} {'P(threshold)':>13}")
for p in projection.parties:
    chance = "" if p["p_threshold"] is None else f"{p['p_threshold']:.1%}"
    half, ninety = f"{p['p25']}-{p['p75']}", f"{p['p05']}-{p['p95']}"
    print(f"{p['party']:<30} {p['mean']:>6.1f} {half:>13} {ninety:>13} {chance:>13}")
assert projection == saylau.simulate(SCENARIO, 20_000, seed=2023, threads=1), "same seed, same result"

# %% 5. The hemicycle (in Jupyter, `saylau.hemicycle(election)` alone shows it)
out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="saylau-"))
out.mkdir(parents=True, exist_ok=True)
picture = saylau.hemicycle(election)
path = out / "mazhilis-2023.svg"
picture.save(path)
print()
print(f"hemicycle written to {path} ({len(picture.svg):,} bytes)")

sys.exit(0 if matches else 1)
