"""One shared set of requests through both faces: the ``saylau`` command and
the Python package. For each request the command's JSON (``--format json``)
must equal the package's ``to_dict()``, and a refusal must be of the same
kind (``--error-format json`` against the exception's ``kind``).

The command is found at ``$SAYLAU_BIN`` (CI sets it), else at
``target/debug/saylau``; without either the test is skipped, with the reason.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

import saylau

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("SAYLAU_BIN", ROOT / "target" / "debug" / "saylau"))
M2023 = "scenarios/mazhilis-2023.json"
M2016 = "scenarios/official/mazhilis-2016.json"
DISTRICTS = "scenarios/mazhilis-2023-illustrative-districts.json"
REFERENDUM = "scenarios/referendum-2022.json"
MASLIKHAT = "scenarios/district-maslikhat-illustrative.json"

LISTS_2023 = {
    "Amanat": 3_431_510,
    "Auyl": 693_938,
    "Respublica": 547_154,
    "Ak Zhol": 535_139,
    "People's Party of Kazakhstan": 432_920,
    "OSDP": 331_058,
    "Baytaq": 146_431,
}
TIED = {"body": "kurultai", "list_seats": 1, "ties": "error", "lists": [{"party": "A", "votes": 500}, {"party": "B", "votes": 500}]}
SMALL = {
    "body": "kurultai",
    "list_seats": 10,
    "threshold_percent": 5,
    "lists": [{"party": "A", "votes": 6000}, {"party": "B", "votes": 3600}, {"party": "C", "votes": 400}],
}
POLLS = {"body": "kurultai", "polls": [{"sample": 1000, "shares": {"A": 55, "B": 30, "C": 6}}]}

# (name, command, input, options, expected kind or "ok")
CASES: list[tuple[str, str, Any, dict[str, Any], str]] = [
    ("allocate 2023 lists", "allocate", LISTS_2023, {"seats": 69, "method": "hare", "threshold": "5", "against_all": 248_291, "ties": "order"}, "ok"),
    ("allocate dhondt", "allocate", {"A": 100_000, "B": 80_000, "C": 30_000, "D": 20_000}, {"seats": 8, "method": "dhondt"}, "ok"),
    ("allocate explained", "allocate", {"A": 100_000, "B": 80_000, "C": 30_000}, {"seats": 7, "method": "sainte-lague", "explain": True}, "ok"),
    ("allocate quota explained", "allocate", LISTS_2023, {"seats": 69, "method": "droop", "explain": True}, "ok"),
    ("allocate tie", "allocate", {"A": 600, "B": 300, "C": 200}, {"seats": 4, "method": "dhondt"}, "tie"),
    ("allocate tie, equal votes", "allocate", {"A": 500, "B": 500}, {"seats": 1, "method": "dhondt", "ties": "votes"}, "tie"),
    ("allocate tie by lot", "allocate", {"A": 500, "B": 500, "C": 500}, {"seats": 2, "method": "hare", "ties": "lot", "seed": 9}, "ok"),
    ("allocate zero votes", "allocate", {"A": 0, "B": 0}, {"seats": 3, "method": "hare"}, "input"),
    ("allocate all below", "allocate", {"A": 10, "B": 10}, {"seats": 3, "method": "hare", "threshold": "60"}, "input"),
    ("allocate no seats", "allocate", {"A": 10, "B": 20}, {"seats": 0, "method": "hare"}, "input"),
    ("allocate min parties", "allocate", {"A": 900, "B": 60, "C": 40}, {"seats": 10, "method": "dhondt", "threshold": "7", "min_parties": 2}, "ok"),
    ("allocate seeds differ", "allocate", {"A": 5, "B": 5}, {"seats": 1, "method": "hare", "ties": "lot:3", "seed": 4}, "input"),
    ("elect 2023", "elect", M2023, {}, "ok"),
    ("elect referendum", "elect", REFERENDUM, {}, "ok"),
    ("elect what-if dhondt", "elect", M2023, {"method": "dhondt"}, "ok"),
    ("elect what-if threshold", "elect", M2023, {"threshold": "7"}, "ok"),
    ("elect explained", "elect", M2023, {"explain": True}, "ok"),
    ("elect districts", "elect", DISTRICTS, {}, "ok"),
    ("elect tie", "elect", TIED, {}, "tie"),
    ("elect polls", "elect", POLLS, {}, "ok"),
    # The lists in the polls' order, which is not alphabetical (a poll's shares are a JSON object).
    ("elect poll example", "elect", "scenarios/poll-2026-example.json", {}, "ok"),
    ("simulate poll example", "simulate", "scenarios/poll-2026-example.json", {"runs": 300, "seed": 5}, "ok"),
    ("elect bad body", "elect", M2023, {"body": "senate"}, "input"),
    ("simulate", "simulate", M2023, {"runs": 300, "seed": 7}, "ok"),
    ("simulate histogram", "simulate", SMALL, {"runs": 200, "seed": 3, "histogram": True}, "ok"),
    ("simulate no runs", "simulate", M2023, {"runs": 0}, "input"),
    ("simulate too many runs", "simulate", M2023, {"runs": 10_000_000_001}, "limit"),
    ("simulate referendum", "simulate", REFERENDUM, {"runs": 10}, "input"),
    ("metrics", "metrics", M2023, {}, "ok"),
    ("metrics districts", "metrics", DISTRICTS, {}, "ok"),
    ("metrics referendum", "metrics", REFERENDUM, {}, "input"),
    ("compare methods", "compare", M2023, {"by": "methods"}, "ok"),
    ("compare thresholds", "compare", M2023, {"by": "thresholds", "from": "0", "to": "5", "step": "1"}, "ok"),
    ("compare houses", "compare", SMALL, {"by": "houses", "houses": (9, 11)}, "ok"),
    ("compare houses default", "compare", M2023, {"by": "houses"}, "ok"),
    ("compare houses empty", "compare", M2023, {"by": "houses", "houses": (5, 1)}, "input"),
    ("compare step zero", "compare", M2023, {"by": "thresholds", "step": "0"}, "input"),
    ("compare designs", "compare", DISTRICTS, {"by": "designs"}, "ok"),
    ("compare without lists", "compare", MASLIKHAT, {"by": "methods"}, "rules"),
    ("fragility", "fragility", M2023, {}, "ok"),
    ("fragility what-if", "fragility", M2023, {"threshold": "7"}, "ok"),
    ("fragility without lists", "fragility", MASLIKHAT, {}, "rules"),
    ("diff 2016 and 2023", "diff", (M2016, M2023), {}, "ok"),
    ("hemicycle", "hemicycle", M2023, {}, "ok"),
    ("hemicycle split", "hemicycle", DISTRICTS, {"split": True}, "ok"),
    ("hemicycle referendum", "hemicycle", REFERENDUM, {}, "input"),
]

WHAT_IF = ("body", "threshold", "method", "list_seats", "district_seats", "ties", "min_parties")


def _file(value: Any, tmp_path: Path, name: str) -> str:
    """A scenario's path: the repository's file, or a dict written to one."""
    if isinstance(value, str):
        return str(ROOT / value)
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    return str(path)


def _argv(command: str, source: Any, options: dict[str, Any], tmp_path: Path) -> list[str]:
    """The command line of a case."""
    argv = [command]
    if command == "allocate":
        path = tmp_path / "votes.csv"
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["party", "votes"])
            w.writerows(source.items())
        argv.append(str(path))
        flags = {"seats", "method", "threshold", "against_all", "ties", "seed", "min_parties"}
    elif command == "diff":
        argv += [_file(source[0], tmp_path, "before"), _file(source[1], tmp_path, "after")]
        flags = set()
    else:
        argv.append(_file(source, tmp_path, "scenario"))
        flags = set(WHAT_IF) | {"runs", "seed", "by", "from", "to", "step"}
    for key, value in options.items():
        if key in flags:
            argv += [f"--{key.replace('_', '-')}", str(value)]
        elif key == "houses":
            argv += ["--houses", f"{value[0]}..{value[1]}"]
        elif value is True:
            argv.append(f"--{key}")
    if command == "hemicycle":
        argv += ["-o", "-"]
    else:
        argv += ["--format", "json"]
    return argv + ["--error-format", "json"]


def _python(command: str, source: Any, options: dict[str, Any], tmp_path: Path) -> Any:
    """The package's call of a case: its JSON (or SVG)."""
    o = dict(options)
    if command == "allocate":
        seats = o.pop("seats")
        explain = o.pop("explain", False)
        return saylau.allocate(source, seats, **o).to_dict(explain=explain)
    if command == "diff":
        return saylau.diff(_file(source[0], tmp_path, "before"), _file(source[1], tmp_path, "after")).to_dict()
    path = _file(source, tmp_path, "scenario")
    if command == "elect":
        return saylau.elect(path, **o).to_dict()
    if command == "simulate":
        return saylau.simulate(path, o.pop("runs"), **o).to_dict()
    if command == "metrics":
        return saylau.metrics(path, **o).to_dict()
    if command == "compare":
        start, stop = o.pop("from", None), o.pop("to", None)
        return saylau.compare(path, o.pop("by"), start=start, stop=stop, **o).to_dict()
    if command == "fragility":
        return saylau.fragility(path, **o).to_dict()
    if command == "hemicycle":
        return saylau.hemicycle(path, **o).svg
    raise AssertionError(command)


@pytest.mark.parametrize("name, command, source, options, expected", CASES, ids=[c[0] for c in CASES])
def test_both_faces_agree(
    name: str, command: str, source: Any, options: dict[str, Any], expected: str, tmp_path: Path
) -> None:
    if not BIN.exists():
        if "SAYLAU_BIN" in os.environ:
            pytest.fail(f"SAYLAU_BIN={BIN} does not exist")
        pytest.skip(f"the command is not built ({BIN}); build it with cargo build --features cli")
    run = subprocess.run(
        [str(BIN), *_argv(command, source, options, tmp_path)], cwd=ROOT, capture_output=True, timeout=120
    )
    try:
        python = _python(command, source, options, tmp_path)
        python_kind = "ok"
    except saylau.SaylauError as e:
        python, python_kind = None, e.kind
    if run.returncode == 0:
        cli_kind = "ok"
    else:
        cli_kind = json.loads(run.stderr)["error"]["kind"]
        assert run.returncode == (3 if cli_kind == "tie" else 2), run
    assert (cli_kind, python_kind) == (expected, expected), (run.stderr, python)
    if expected != "ok":
        return
    if command == "hemicycle":
        assert run.stdout.decode("utf-8") == python
    else:
        assert json.loads(run.stdout) == python


def test_the_set_is_large_and_mixed() -> None:
    kinds = [c[4] for c in CASES]
    assert len(CASES) >= 30
    assert {"ok", "input", "tie", "limit", "rules"} <= set(kinds)
    assert {c[1] for c in CASES} >= {"allocate", "elect", "simulate", "metrics", "compare", "fragility", "diff", "hemicycle"}
