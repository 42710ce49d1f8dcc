"""saylau: exact seat allocation, simulation and hemicycles for Kazakhstan's elections.

The Python face of the saylau Rust crate. Votes are whole numbers and every
comparison that decides a seat is exact integer arithmetic; a tie is never
broken silently (``TieError``) unless a tie policy says how.

>>> import saylau
>>> votes = {"Amanat": 3_431_510, "Auyl": 693_938, "Respublica": 547_154,
...          "Aq Jol": 535_139, "QHP": 432_920, "JSDP": 331_058, "Baytaq": 146_431}
>>> r = saylau.allocate(votes, 69, method="hare", threshold=5, against_all=248_291, ties="order")
>>> r.seats
[40, 8, 6, 6, 5, 4, 0]
>>> r.eligible[-1]
False

Scenarios (the command line's JSON files) are elected, simulated, measured
and drawn:

>>> e = saylau.elect({"body": "kurultai", "list_seats": 10, "threshold_percent": 5,
...                   "lists": [{"party": "A", "votes": 6000}, {"party": "B", "votes": 3600},
...                             {"party": "C", "votes": 400}]})
>>> e.seats_by_party
{'A': 6, 'B': 4, 'C': 0}
"""

from __future__ import annotations

import json as _json
import os as _os
from typing import Any, Mapping, TypedDict, Union, Unpack

from saylau._errors import InputError, SaylauError, TieError
from saylau._saylau import METHODS, Allocation, TieResolution, __version__, allocate
from saylau._saylau import MAX_INPUT_BYTES as _MAX_INPUT_BYTES
from saylau._saylau import _run
from saylau._views import (
    Comparison,
    Diff,
    Election,
    Explanation,
    Fragility,
    Hemicycle,
    Metrics,
    Projection,
    Referendum,
    View,
)

__all__ = [
    "METHODS",
    "WhatIf",
    "Allocation",
    "Comparison",
    "Diff",
    "Election",
    "Explanation",
    "Fragility",
    "Hemicycle",
    "InputError",
    "Metrics",
    "Projection",
    "Referendum",
    "SaylauError",
    "TieError",
    "TieResolution",
    "View",
    "__version__",
    "allocate",
    "compare",
    "diff",
    "elect",
    "fragility",
    "hemicycle",
    "metrics",
    "report",
    "simulate",
]

#: A scenario: a dict in the scenario format, its JSON text, or the path of a
#: JSON file (see the command line's documentation, ``docs/cli.md``).
ScenarioLike = Union[Mapping[str, Any], str, "_os.PathLike[str]", "Election"]


class WhatIf(TypedDict, total=False):
    """"What if" changes to a scenario's rules, as keyword arguments of
    :func:`elect`, :func:`simulate`, :func:`metrics`, :func:`compare`,
    :func:`fragility` and :func:`hemicycle` (the command line's ``--body``,
    ``--threshold``, ``--method``, ``--list-seats``, ``--district-seats``,
    ``--ties`` and ``--min-parties``). The result's notes say what changed.

    >>> e = saylau.elect({"body": "kurultai", "list_seats": 8, "threshold_percent": 0,
    ...                   "lists": [{"party": "A", "votes": 100_000}, {"party": "B", "votes": 80_000},
    ...                             {"party": "C", "votes": 30_000}, {"party": "D", "votes": 20_000}]},
    ...                  method="dhondt")
    >>> [p["seats"] for p in e.parties]
    [4, 3, 1, 0]
    >>> e.notes[0]["text"]
    "What if: method is dhondt instead of the rules' own."
    """

    body: str
    threshold: float | int | str
    method: str
    list_seats: int
    district_seats: int
    ties: str
    min_parties: int


def _index(value: Any) -> Any:
    """A number as JSON takes it: an integer type (numpy's among them) as an
    int, a tuple as a list; anything else as it is, for the request to check."""
    if isinstance(value, bool) or value is None or isinstance(value, (str, float, int)):
        return value
    if isinstance(value, (tuple, list)):
        return [_index(v) for v in value]
    if hasattr(value, "__index__"):
        return value.__index__()
    if hasattr(value, "__float__"):
        return float(value)
    return str(value)


def _changes(scenario: ScenarioLike, what_if: WhatIf) -> dict[str, Any]:
    """The what-if changes: an election's own, then these (``None``: unchanged)."""
    before = scenario._changes if isinstance(scenario, Election) else {}
    changes = {**before, **{k: v for k, v in what_if.items() if v is not None}}
    return {k: (str(v) if k in ("body", "method", "ties") else _index(v)) for k, v in changes.items()}


def _scenario(scenario: ScenarioLike) -> tuple[bytes, str]:
    """The JSON text of a scenario (UTF-8) and the name to use in messages."""
    if isinstance(scenario, Election):
        return scenario._scenario
    if isinstance(scenario, Mapping):
        try:
            return _json.dumps(dict(scenario)).encode("utf-8"), "<dict>"
        except (TypeError, ValueError) as e:
            raise InputError(f"<dict>: the scenario cannot be written as JSON: {e}") from None
    if isinstance(scenario, str) and scenario.lstrip().startswith(("{", "[")):
        # JSON text (a list is refused by the scenario reader as "not an object").
        return scenario.encode("utf-8", "surrogatepass"), "<string>"
    if isinstance(scenario, str) and not scenario.strip():
        raise InputError("expected a scenario as a dict, JSON text or a file path, not an empty string")
    if isinstance(scenario, (str, _os.PathLike)):
        name = _os.fspath(scenario)
        try:
            with open(name, "rb") as f:
                data = f.read(_MAX_INPUT_BYTES + 1)
        except OSError as e:
            raise SaylauError(f"cannot read {name}: {e.strerror or e}", "io") from None
        if len(data) > _MAX_INPUT_BYTES:
            raise InputError(
                f"{name}: the input is larger than {_MAX_INPUT_BYTES // (1024 * 1024)} MB, more than any "
                f"election's figures: saylau reads at most {_MAX_INPUT_BYTES:,} bytes of one file",
                "limit",
            )
        # The library decodes it (UTF-8, a byte-order mark skipped) and names
        # the line of a bad byte.
        return data, name
    raise InputError(
        f"expected a scenario as a dict, JSON text or a file path, not {type(scenario).__name__}"
    )


def _request(
    command: str,
    scenario: ScenarioLike | None,
    what_if: WhatIf,
    *,
    others: Mapping[str, ScenarioLike] | None = None,
    **options: Any,
) -> Any:
    """Runs the library's request for ``command`` on ``scenario`` (with the
    what-if changes) and on ``others``, the scenarios of the request's other
    slots (a diff's ``before`` and ``after``, a report's ``compare_with``, each
    with its own election's changes); ``None`` options are left out."""
    request: dict[str, Any] = {"command": command}
    request.update({k: _index(v) for k, v in options.items() if v is not None})
    sides: list[tuple[str, bytes, str]] = []
    slots: list[tuple[str, ScenarioLike, WhatIf]] = [] if scenario is None else [("", scenario, what_if)]
    slots += [(slot, other, {}) for slot, other in (others or {}).items()]
    for slot, given, changes_given in slots:
        text, source = _scenario(given)
        sides.append((slot, text, source))
        target = request if not slot else request.setdefault(slot, {})
        changes = _changes(given, changes_given)
        if changes:
            target["what_if"] = changes
    return _run(_json.dumps(request), sides)


def elect(scenario: ScenarioLike, *, explain: bool = False, **what_if: Unpack[WhatIf]) -> Election | Referendum:
    """Elects a scenario's body under its statutory rules, as ``saylau elect``.

    ``scenario`` is a dict in the scenario format, its JSON text, or a file
    path. With ``explain`` the result's ``audit`` holds the list count's
    quota and remainders (or quotients). A referendum scenario gives a
    :class:`Referendum`. Keywords such as ``method="dhondt"`` change the
    rules ("what if", see :class:`WhatIf`).

    >>> e = saylau.elect("scenarios/mazhilis-2023.json")  # doctest: +SKIP
    >>> e = saylau.elect({"body": "kurultai", "list_seats": 5,
    ...                   "lists": [{"party": "A", "votes": 700}, {"party": "B", "votes": 300}]})
    >>> [(p["party"], p["seats"]) for p in e.parties]
    [('A', 4), ('B', 1)]
    >>> e.majority
    3
    """
    data = _request("elect", scenario, what_if, explain=explain or None)
    if "outcome" in data and "parties" not in data:
        return Referendum(data)
    return Election(data, _scenario(scenario), _changes(scenario, what_if))


def simulate(
    scenario: ScenarioLike,
    runs: int = 10_000,
    *,
    seed: int = 0,
    threads: int | None = None,
    histogram: bool = False,
    **what_if: Unpack[WhatIf],
) -> Projection:
    """Runs a Monte Carlo projection around the scenario's votes, as ``saylau simulate``.

    ``runs`` is from 1 to 10,000,000,000. The same ``seed`` gives the same
    result on any number of ``threads`` (``None``: all cores). The
    scenario's ``uncertainty`` object (and, with ``polls``, their pooled
    sample) sets the vote model. The work runs with the GIL released;
    Ctrl-C (or a ``KeyboardInterrupt``) stops it within a fraction of a
    second.

    >>> s = {"body": "kurultai", "list_seats": 10, "threshold_percent": 5,
    ...      "lists": [{"party": "A", "votes": 6000}, {"party": "B", "votes": 3600},
    ...                {"party": "C", "votes": 400}]}
    >>> p = saylau.simulate(s, 2000, seed=7)
    >>> p.runs, p.seed
    (2000, 7)
    >>> p == saylau.simulate(s, 2000, seed=7, threads=1)
    True
    """
    data = _request(
        "simulate", scenario, what_if, runs=runs, seed=seed, threads=threads, histogram=histogram or None
    )
    return Projection(data)


def metrics(scenario: ScenarioLike, **what_if: Unpack[WhatIf]) -> Metrics:
    """Measures an election's result, as ``saylau metrics``: disproportionality
    (Gallagher, Loosemore-Hanby, Sainte-Laguë, D'Hondt, Rae), fragmentation
    (effective numbers of parties) and wasted votes.

    ``scenario`` is a scenario or an :class:`Election`.

    >>> m = saylau.metrics({"body": "kurultai", "list_seats": 10,
    ...                     "lists": [{"party": "A", "votes": 600}, {"party": "B", "votes": 400}]})
    >>> m.list_tier["gallagher"]
    0.0
    """
    return Metrics(_request("metrics", scenario, what_if))


def compare(
    scenario: ScenarioLike,
    by: str = "methods",
    *,
    start: float | str | None = None,
    stop: float | str | None = None,
    step: float | str | None = None,
    houses: tuple[int, int] | None = None,
    **what_if: Unpack[WhatIf],
) -> Comparison:
    """The scenario's votes under other rules, as ``saylau compare``.

    ``by`` is ``"methods"`` (every method), ``"thresholds"`` (from ``start``
    to ``stop`` percent by ``step``; 0 to 10 by 0.5 unless given),
    ``"houses"`` (list tiers of ``houses = (first, last)`` seats; 10 either
    side of the scenario's unless given) or ``"designs"`` (the body as
    all-list and compensatory designs).

    >>> c = saylau.compare({"body": "kurultai", "list_seats": 10,
    ...                     "lists": [{"party": "A", "votes": 6000}, {"party": "B", "votes": 3600},
    ...                               {"party": "C", "votes": 400}]}, by="houses", houses=(9, 11))
    >>> [row["seats"] for row in c.rows]
    [[6, 3, 0], [6, 4, 0], [7, 4, 0]]
    """
    if not isinstance(by, str):
        raise InputError(f"by: expected one of \"methods\", \"thresholds\", \"houses\", \"designs\", not {by!r}")

    def text(x: float | str | None) -> str | None:
        return None if x is None else str(x)

    # `from` is a keyword of Python's: the request's fields by name.
    fields: dict[str, Any] = {"by": by.strip().lower(), "from": text(start), "to": text(stop)}
    data = _request("compare", scenario, what_if, step=text(step), houses=houses, **fields)
    return Comparison(data)


def fragility(scenario: ScenarioLike, **what_if: Unpack[WhatIf]) -> Fragility:
    """How many votes each list is from a seat: the fewest extra votes that
    win it another (``votes_to_gain``) and the votes it can lose and keep all
    its seats (``spare_votes``), found exactly under the scenario's rules.

    >>> f = saylau.fragility({"body": "kurultai", "list_seats": 8, "method": "dhondt",
    ...     "threshold_percent": 0, "lists": [{"party": "A", "votes": 100000},
    ...     {"party": "B", "votes": 80000}, {"party": "C", "votes": 30000}, {"party": "D", "votes": 20000}]})
    >>> [(row["party"], row["votes_to_gain"]) for row in f][3]
    ('D', 5001)
    """
    return Fragility(_request("fragility", scenario, what_if))


def diff(before: ScenarioLike, after: ScenarioLike) -> Diff:
    """Two elections side by side, as ``saylau diff``: each party's votes,
    shares and seats in both, and the swing.

    >>> a = {"body": "kurultai", "list_seats": 10, "lists": [{"party": "A", "votes": 600}, {"party": "B", "votes": 400}]}
    >>> b = {"body": "kurultai", "list_seats": 10, "lists": [{"party": "A", "votes": 500}, {"party": "B", "votes": 500}]}
    >>> [(r["party"], r["seat_change"]) for r in saylau.diff(a, b).parties]
    [('A', -1), ('B', 1)]
    """
    return Diff(_request("diff", None, {}, others={"before": before, "after": after}))


def report(
    scenario: ScenarioLike,
    *,
    runs: int | None = None,
    seed: int = 0,
    compare_with: ScenarioLike | None = None,
    **what_if: Unpack[WhatIf],
) -> str:
    """The HTML page of ``saylau report``: one self-contained page analysing
    the scenario, with a projection of ``runs`` runs and an earlier election
    (``compare_with``) beside it when asked.

    >>> page = saylau.report({"body": "kurultai", "list_seats": 10,
    ...                       "lists": [{"party": "A", "votes": 600}, {"party": "B", "votes": 400}]})
    >>> '<section id="seats"' in page
    True
    """
    others = {} if compare_with is None else {"compare_with": compare_with}
    page = _request("report", scenario, what_if, others=others, runs=runs, seed=seed)
    if not isinstance(page, str):
        raise SaylauError("the report gave no page", "internal")
    return page


def hemicycle(
    result: Election | Allocation | ScenarioLike,
    *,
    split: bool = False,
    title: str | None = None,
    **what_if: Unpack[WhatIf],
) -> Hemicycle:
    """A parliament diagram (SVG) of an :class:`Election`, an
    :class:`Allocation` or a scenario: every seat in a half ring, each
    party's seats together. With ``split`` the list and single-member tiers
    are drawn apart. Jupyter shows the result; ``.save(path)`` writes it
    (PNG for a ``.png`` name).

    >>> h = saylau.hemicycle(saylau.allocate({"A": 600, "B": 400}, 10), title="Ten seats")
    >>> "Ten seats" in h.svg
    True
    """
    if isinstance(result, Allocation):
        if split:
            raise InputError("split=True needs an election with list and single-member tiers, not an allocation")
        if what_if:
            raise InputError("what-if changes apply to a scenario or an election, not to an allocation")
        return Hemicycle(result._svg(title))
    svg = _request("hemicycle", result, what_if, split=split or None, title=title)
    return Hemicycle(bytes(svg).decode("utf-8"))
