"""Results as objects: each has the fields of the command line's JSON as
attributes, ``to_dict()`` (that JSON as Python objects) and ``to_pandas()``
(its main table; needs pandas, imported only then)."""

from __future__ import annotations

import copy
import os
from typing import TYPE_CHECKING, Any, Iterator

if TYPE_CHECKING:  # pragma: no cover
    import pandas  # type: ignore[import-untyped, unused-ignore]

    from saylau._saylau import Allocation

__all__ = [
    "View",
    "Election",
    "Referendum",
    "Projection",
    "Metrics",
    "Comparison",
    "Fragility",
    "Diff",
    "Explanation",
    "Hemicycle",
]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("to_pandas() needs pandas: pip install pandas") from e
    return pandas


class View:
    """A result whose fields are those of the command line's JSON.

    Every field is an attribute (``result.seats``); ``to_dict()`` gives the
    whole JSON object, ``to_pandas()`` its main table.
    """

    __slots__ = ("_data",)

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def __getattr__(self, name: str) -> Any:
        try:
            return self._data[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(self._data))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, View) and type(other) is type(self) and other._data == self._data

    __hash__ = None  # type: ignore[assignment]

    def fields(self) -> list[str]:
        """The names of the fields, as in the JSON."""
        return list(self._data)

    def to_dict(self) -> dict[str, Any]:
        """The result as the command line's JSON object (a copy)."""
        return copy.deepcopy(self._data)

    def to_pandas(self) -> "pandas.DataFrame":
        """The main table as a pandas DataFrame."""
        return _pandas().DataFrame(self._rows()).set_index(self._index)

    _index = "party"

    def _rows(self) -> list[dict[str, Any]]:
        return list(self._data.get("parties", []))

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={self._data[k]!r}" for k in self._summary if k in self._data)
        return f"{type(self).__name__}({shown})"

    _summary: tuple[str, ...] = ()


class Election(View):
    """The result of :func:`saylau.elect`: the JSON of ``saylau elect``.

    Fields include ``body``, ``seats``, ``majority``, ``parties`` (each with
    ``party``, ``votes``, ``eligible``, ``list_seats``, ``district_seats``,
    ``seats``), ``independents``, ``vacant``, ``undecided``, ``tiers``,
    ``threshold``, ``districts``, ``rules`` and ``notes``.
    """

    __slots__ = ("_scenario", "_changes")
    _summary = ("body", "seats", "majority")

    def __init__(self, data: dict[str, Any], scenario: tuple[bytes, str], changes: dict[str, Any]) -> None:
        super().__init__(data)
        self._scenario = scenario
        self._changes = changes

    @property
    def seats_by_party(self) -> dict[str, int]:
        """Each party's seats (both tiers)."""
        return {p["party"]: p["seats"] for p in self._data["parties"]}

    def to_pandas(self) -> "pandas.DataFrame":
        """The parties as a DataFrame indexed by party: votes, share, eligibility and seats per tier."""
        return super().to_pandas()

    def hemicycle(self, split: bool = False, title: str | None = None) -> "Hemicycle":
        """The parliament diagram of this result (see :func:`saylau.hemicycle`)."""
        import saylau

        return saylau.hemicycle(self, split=split, title=title)


class Referendum(View):
    """The result of :func:`saylau.elect` for a referendum: the JSON of ``saylau elect``."""

    __slots__ = ()
    _summary = ("outcome", "valid", "turnout_percent", "yes_percent")

    def to_pandas(self) -> "pandas.DataFrame":
        """The figures and the verdict as a one-row DataFrame (the notes left out)."""
        row = {k: v for k, v in self._data.items() if not isinstance(v, (list, dict))}
        return _pandas().DataFrame([row])


class Projection(View):
    """The result of :func:`saylau.simulate`: the JSON of ``saylau simulate``.

    Fields include ``runs``, ``seed``, ``seats``, ``majority``, ``parties``
    (each with ``party``, ``mean``, ``p05``, ``p50``, ``p95``,
    ``p_majority``, ``p_threshold``, ``list``, ``district``, ...),
    ``independents``, ``vacant``, ``coalitions``, ``districts``,
    ``runs_with_lot``, ``interrupted``, ``model`` and ``notes``.
    """

    __slots__ = ()
    _summary = ("runs", "seed", "seats")

    def to_pandas(self) -> "pandas.DataFrame":
        """The parties as a DataFrame indexed by party: mean seats, 90% interval, median and chances."""
        rows = []
        for p in self._data["parties"]:
            row = {k: v for k, v in p.items() if k not in ("list", "district", "histogram")}
            for tier in ("list", "district"):
                if p.get(tier):
                    row[f"{tier}_mean"] = p[tier]["mean"]
            rows.append(row)
        return _pandas().DataFrame(rows).set_index("party")


class Metrics(View):
    """The result of :func:`saylau.metrics`: the JSON of ``saylau metrics``.

    ``list_tier`` and ``whole_body`` hold the indices (``gallagher``,
    ``loosemore_hanby``, ``sainte_lague``, ``enep``, ``enpp``, ...) and each
    party's shares; ``district_waste`` the votes that elected nobody.
    """

    __slots__ = ()
    _summary = ()

    def __repr__(self) -> str:
        tier = self._data.get("list_tier") or self._data.get("whole_body")
        if not tier:
            return "Metrics()"
        return f"Metrics(gallagher={tier['gallagher']:.3f}, enep={tier['enep']:.3f}, enpp={tier['enpp']:.3f})"

    def to_pandas(self) -> "pandas.DataFrame":
        """Each party's votes, seats and shares in the list tier (else the whole body)."""
        tier = self._data.get("list_tier") or self._data.get("whole_body") or {"parties": []}
        return _pandas().DataFrame(tier["parties"]).set_index("party")


class Comparison(View):
    """The result of :func:`saylau.compare`: the JSON of ``saylau compare``.

    ``by`` says what varies, ``parties`` names the columns and ``rows`` has
    one row per method, threshold, house size or design.
    """

    __slots__ = ()
    _summary = ("by", "parties")

    def to_pandas(self) -> "pandas.DataFrame":
        """Seats as a DataFrame: one row per setting, one column per party."""
        pd = _pandas()
        parties = self._data["parties"]
        labels, seats = [], []
        for row in self._data["rows"]:
            labels.append(row.get("label", row.get("design")))
            s = row.get("seats")
            seats.append(list(s) if s is not None else [None] * len(parties))
        frame = pd.DataFrame(seats, columns=parties, index=pd.Index(labels, name=self._data["by"]))
        return frame


class Fragility(View):
    """The result of :func:`saylau.fragility`: for each list, the fewest
    extra votes that win it another seat (``votes_to_gain``) and the votes it
    can lose and keep its seats (``spare_votes``), exactly."""

    __slots__ = ()

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self._data["parties"])

    def __len__(self) -> int:
        return len(self._data["parties"])

    def __repr__(self) -> str:
        gains = ", ".join(f"{p['party']!r}: {p['votes_to_gain']}" for p in self._data["parties"])
        return f"Fragility(votes_to_gain={{{gains}}})"


class Diff(View):
    """The result of :func:`saylau.diff`: the JSON of ``saylau diff``, each
    party's votes, shares and seats in both elections and the change."""

    __slots__ = ()
    _summary = ("before", "after")


class Explanation(View):
    """The audit trail of an allocation (``Allocation.explain()``): the
    quota, whole seats and remainders, or the quotients and the divisors
    that give the result. ``str()`` is the command line's ``--explain`` text.
    """

    __slots__ = ("_text",)

    def __init__(self, data: dict[str, Any], text: str) -> None:
        super().__init__(data)
        self._text = text

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"Explanation(type={self._data['type']!r})"

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(self._text)


class Hemicycle:
    """A parliament diagram as SVG: Jupyter shows it, ``save()`` writes it.

    >>> h = saylau.hemicycle(saylau.allocate({"A": 60, "B": 40}, 10))
    >>> h.svg.startswith("<svg")
    True
    """

    __slots__ = ("svg",)

    def __init__(self, svg: str) -> None:
        #: The SVG document.
        self.svg = svg

    def _repr_svg_(self) -> str:
        return self.svg

    def __str__(self) -> str:
        return self.svg

    def __repr__(self) -> str:
        return f"Hemicycle({len(self.svg)} bytes of SVG)"

    def save(self, path: str | os.PathLike[str], *, scale: float = 2.0) -> None:
        """Writes the picture to ``path``: PNG (``scale`` pixels per unit of
        the SVG) for a ``.png`` name, else the SVG text (UTF-8)."""
        if os.fspath(path).lower().endswith(".png"):
            from saylau._saylau import _png

            data = _png(self.svg, scale)
            with open(path, "wb") as f:
                f.write(data)
            return
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.svg)


def _allocation_frame(a: "Allocation") -> "pandas.DataFrame":
    pd = _pandas()
    return pd.DataFrame(
        {"votes": a.votes, "eligible": a.eligible, "seats": a.seats},
        index=pd.Index(a.parties, name="party"),
    )
