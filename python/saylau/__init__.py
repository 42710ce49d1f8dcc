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
from typing import Any, Mapping, Union

from saylau._errors import InputError, SaylauError, TieError
from saylau._saylau import METHODS, Allocation, TieResolution, __version__, allocate
from saylau._saylau import _Elected as _ElectedType
from saylau._saylau import _elect, _elected, _simulate
from saylau._views import (
    Comparison,
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
    "Allocation",
    "Comparison",
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
    "elect",
    "fragility",
    "hemicycle",
    "metrics",
    "simulate",
]

#: A scenario: a dict in the scenario format, its JSON text, or the path of a
#: JSON file (see the command line's documentation, ``docs/cli.md``).
ScenarioLike = Union[Mapping[str, Any], str, "_os.PathLike[str]", "Election"]


def _scenario(scenario: ScenarioLike) -> tuple[str, str]:
    """The JSON text of a scenario and the name to use in messages."""
    if isinstance(scenario, Election):
        return scenario._scenario
    if isinstance(scenario, Mapping):
        try:
            return _json.dumps(dict(scenario)), "<dict>"
        except (TypeError, ValueError) as e:
            raise InputError(f"<dict>: the scenario cannot be written as JSON: {e}") from None
    if isinstance(scenario, str) and scenario.lstrip().startswith("{"):
        return scenario, "<string>"
    if isinstance(scenario, (str, _os.PathLike)):
        name = _os.fspath(scenario)
        try:
            with open(name, "rb") as f:
                data = f.read()
        except OSError as e:
            raise InputError(f"cannot read {name}: {e.strerror or e}") from None
        try:
            return data.decode("utf-8-sig"), name
        except UnicodeDecodeError as e:
            good = data[: e.start]
            line = good.count(b"\n") + 1
            column = len(good) - (good.rfind(b"\n") + 1) + 1
            raise InputError(
                f"{name}: line {line}, column {column}: the file is not valid UTF-8; save it as UTF-8 text"
            ) from None
    raise InputError(
        f"expected a scenario as a dict, JSON text or a file path, not {type(scenario).__name__}"
    )


def elect(scenario: ScenarioLike, *, explain: bool = False) -> Election | Referendum:
    """Elects a scenario's body under its statutory rules, as ``saylau elect``.

    ``scenario`` is a dict in the scenario format, its JSON text, or a file
    path. With ``explain`` the result's ``audit`` holds the list count's
    quota and remainders (or quotients). A referendum scenario gives a
    :class:`Referendum`.

    >>> e = saylau.elect("scenarios/mazhilis-2023.json")  # doctest: +SKIP
    >>> e = saylau.elect({"body": "kurultai", "list_seats": 5,
    ...                   "lists": [{"party": "A", "votes": 700}, {"party": "B", "votes": 300}]})
    >>> [(p["party"], p["seats"]) for p in e.parties]
    [('A', 4), ('B', 1)]
    >>> e.majority
    3
    """
    text, source = _scenario(scenario)
    data, elected = _elect(text, source, explain)
    if elected is None:
        return Referendum(data)
    return Election(data, elected, (text, source))


def _elected_of(scenario: ScenarioLike, nothing: str) -> _ElectedType:
    if isinstance(scenario, Election):
        return scenario._elected
    text, source = _scenario(scenario)
    return _elected(text, source, nothing)


def simulate(
    scenario: ScenarioLike,
    runs: int = 10_000,
    *,
    seed: int = 0,
    threads: int | None = None,
    histogram: bool = False,
) -> Projection:
    """Runs a Monte Carlo projection around the scenario's votes, as ``saylau simulate``.

    The same ``seed`` gives the same result on any number of ``threads``
    (``None``: all cores). The scenario's ``uncertainty`` object sets the
    vote model. The work runs with the GIL released; Ctrl-C (or a
    ``KeyboardInterrupt``) stops it within a fraction of a second.

    >>> s = {"body": "kurultai", "list_seats": 10, "threshold_percent": 5,
    ...      "lists": [{"party": "A", "votes": 6000}, {"party": "B", "votes": 3600},
    ...                {"party": "C", "votes": 400}]}
    >>> p = saylau.simulate(s, 2000, seed=7)
    >>> p.runs, p.seed
    (2000, 7)
    >>> p == saylau.simulate(s, 2000, seed=7, threads=1)
    True
    """
    text, source = _scenario(scenario)
    return Projection(_simulate(text, source, runs, seed, threads, histogram))


def metrics(scenario: ScenarioLike) -> Metrics:
    """Measures an election's result, as ``saylau metrics``: disproportionality
    (Gallagher, Loosemore-Hanby, Sainte-Laguë, D'Hondt, Rae), fragmentation
    (effective numbers of parties) and wasted votes.

    ``scenario`` is a scenario or an :class:`Election`.

    >>> m = saylau.metrics({"body": "kurultai", "list_seats": 10,
    ...                     "lists": [{"party": "A", "votes": 600}, {"party": "B", "votes": 400}]})
    >>> m.list_tier["gallagher"]
    0.0
    """
    return Metrics(_elected_of(scenario, "nothing to measure")._metrics())


def compare(
    scenario: ScenarioLike,
    by: str = "methods",
    *,
    start: float | str | None = None,
    stop: float | str | None = None,
    step: float | str | None = None,
    houses: tuple[int, int] | None = None,
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
    elected = _elected_of(scenario, "nothing to compare")

    def text(x: float | str | None) -> str | None:
        return None if x is None else str(x)

    return Comparison(elected._compare(by, text(start), text(stop), text(step), houses))


def fragility(scenario: ScenarioLike) -> Fragility:
    """How many votes each list is from a seat: the fewest extra votes that
    win it another (``votes_to_gain``) and the votes it can lose and keep all
    its seats (``spare_votes``), found exactly under the scenario's rules.

    >>> f = saylau.fragility({"body": "kurultai", "list_seats": 8, "method": "dhondt",
    ...     "threshold_percent": 0, "lists": [{"party": "A", "votes": 100000},
    ...     {"party": "B", "votes": 80000}, {"party": "C", "votes": 30000}, {"party": "D", "votes": 20000}]})
    >>> [(row["party"], row["votes_to_gain"]) for row in f][3]
    ('D', 5001)
    """
    elected = _elected_of(scenario, "nothing to measure")
    return Fragility(elected._fragility())


def hemicycle(
    result: Election | Allocation | ScenarioLike, *, split: bool = False, title: str | None = None
) -> Hemicycle:
    """A parliament diagram (SVG) of an :class:`Election`, an
    :class:`Allocation` or a scenario: every seat in a half ring, each
    party's seats together. With ``split`` the list and single-member tiers
    are drawn apart. Jupyter shows the result; ``.save(path)`` writes it.

    >>> h = saylau.hemicycle(saylau.allocate({"A": 600, "B": 400}, 10), title="Ten seats")
    >>> "Ten seats" in h.svg
    True
    """
    if isinstance(result, Allocation):
        if split:
            raise InputError("split=True needs an election with list and single-member tiers, not an allocation")
        return Hemicycle(result._svg(title))
    if isinstance(result, Election):
        return result.hemicycle(split=split, title=title)
    return Hemicycle(_elected_of(result, "nothing to draw")._svg(split, title))
