"""Scenarios: elect, simulate, metrics, compare, fragility and the hemicycle."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

import saylau

SVG = "{http://www.w3.org/2000/svg}"

SMALL = {
    "body": "kurultai",
    "list_seats": 10,
    "threshold_percent": 5,
    "lists": [{"party": "A", "votes": 6000}, {"party": "B", "votes": 3600}, {"party": "C", "votes": 400}],
}


def test_elect_mazhilis_2023_from_path_dict_and_text(mazhilis_path: Path, mazhilis: dict) -> None:
    by_path = saylau.elect(mazhilis_path)
    by_str_path = saylau.elect(str(mazhilis_path))
    by_dict = saylau.elect(mazhilis)
    by_text = saylau.elect(json.dumps(mazhilis))
    assert by_path == by_str_path == by_dict == by_text
    e = by_path
    assert e.body == "mazhilis"
    assert e.seats == 98
    assert e.majority == 50
    assert e.undecided == 29
    assert [(p["party"], p["list_seats"]) for p in e.parties] == [
        ("Amanat", 40),
        ("Auyl", 8),
        ("Respublica", 6),
        ("Ak Zhol", 6),
        ("People's Party of Kazakhstan", 5),
        ("OSDP", 4),
        ("Baytaq", 0),
    ]
    assert e.seats_by_party["Amanat"] == 40
    assert e.threshold["needed"] == 318_323
    assert e.to_dict()["body"] == "mazhilis"
    assert "rules" in e.fields()
    with pytest.raises(AttributeError):
        e.no_such_field


def test_elect_with_districts(with_districts: dict) -> None:
    e = saylau.elect(with_districts)
    assert e.undecided == 0
    assert e.independents == 7
    assert e.seats_by_party["Amanat"] == 62
    assert len(e.districts) == 29


def test_elect_explain_gives_the_list_audit(mazhilis: dict) -> None:
    e = saylau.elect(mazhilis, explain=True)
    assert e.audit["type"] == "quota"
    assert e.audit["final_count"] is True
    assert "audit" not in saylau.elect(mazhilis).to_dict()


def test_referendum() -> None:
    path = Path(__file__).resolve().parents[2] / "scenarios" / "referendum-2022.json"
    r = saylau.elect(path)
    assert isinstance(r, saylau.Referendum)
    assert r.body == "referendum"
    assert isinstance(r.valid, bool)
    assert r.to_pandas().loc[0, "outcome"] == r.outcome
    with pytest.raises(saylau.InputError, match="a referendum elects no seats"):
        saylau.simulate(path, 10)
    with pytest.raises(saylau.InputError, match="a referendum elects no seats"):
        saylau.metrics(path)


def test_scenario_errors_have_the_cli_messages(tmp_path: Path) -> None:
    with pytest.raises(saylau.InputError) as info:
        saylau.elect('{"body": "kurultai", "lists": [{"party": "A", "votes": -1}]}')
    assert str(info.value).startswith("<string>: line 1, column ")
    assert "at lists[0].votes" in str(info.value)
    assert "expected a whole number of votes" in str(info.value)
    with pytest.raises(saylau.InputError, match=r"did you mean `lists`\?"):
        saylau.elect({"body": "kurultai", "list": []})
    with pytest.raises(saylau.SaylauError, match="cannot read") as unreadable:
        saylau.elect(tmp_path / "missing.json")
    assert unreadable.value.kind == "io"
    bad = tmp_path / "latin1.json"
    bad.write_bytes(b'{"body": "kurultai", "title": "\xe9"}')
    with pytest.raises(saylau.InputError, match="line 1, column 32: the file is not valid UTF-8"):
        saylau.elect(bad)
    with pytest.raises(saylau.InputError, match="expected a scenario"):
        saylau.elect(42)  # type: ignore[arg-type]
    with pytest.raises(saylau.InputError, match=r'"lists": party "A" appears twice'):
        saylau.elect({"body": "kurultai", "lists": [{"party": "A", "votes": 1}, {"party": "A", "votes": 2}]})


def test_scenario_tie_error() -> None:
    tied = {
        "body": "kurultai",
        "list_seats": 1,
        "ties": "error",
        "lists": [{"party": "A", "votes": 500}, {"party": "B", "votes": 500}],
    }
    with pytest.raises(saylau.TieError) as info:
        saylau.elect(tied)
    assert info.value.parties == ["A", "B"]
    assert info.value.seats == 1
    assert str(info.value).startswith('<dict>: tie: the lists of "A" and "B" are tied for 1 list seat;')
    assert saylau.elect({**tied, "ties": "order"}).seats_by_party == {"A": 1, "B": 0}


def test_simulation_is_reproducible_with_a_seed(mazhilis: dict) -> None:
    a = saylau.simulate(mazhilis, 3000, seed=11)
    b = saylau.simulate(mazhilis, 3000, seed=11, threads=1)
    c = saylau.simulate(mazhilis, 3000, seed=12)
    assert a == b
    assert a.to_dict() == b.to_dict()
    assert a != c
    assert a.runs == 3000 and a.seed == 11 and not a.interrupted
    amanat = a.parties[0]
    assert amanat["party"] == "Amanat"
    assert amanat["p05"] <= amanat["p50"] <= amanat["p95"]


def test_simulation_arguments_are_checked(mazhilis: dict) -> None:
    with pytest.raises(saylau.InputError, match="at runs: invalid value: integer `-1`"):
        saylau.simulate(mazhilis, -1)
    # As `saylau simulate --runs`: from 1 to ten billion, in the request's words.
    with pytest.raises(saylau.InputError, match="must be at least 1: expected a whole number from 1 to 10,000,000,000") as zero:
        saylau.simulate(mazhilis, 0)
    assert zero.value.kind == "input"
    with pytest.raises(saylau.InputError, match="10,000,000,001 runs is more than the maximum of 10,000,000,000") as many:
        saylau.simulate(mazhilis, 10_000_000_001)
    assert many.value.kind == "limit"
    with pytest.raises(saylau.InputError, match="at threads: invalid value: integer `-2`"):
        saylau.simulate(mazhilis, 10, threads=-2)
    with pytest.raises(saylau.InputError, match="1,025 threads is more than the maximum of 1,024"):
        saylau.simulate(mazhilis, 10, threads=1025)


def test_simulation_histogram_and_election_input(mazhilis: dict) -> None:
    e = saylau.elect(mazhilis)
    p = saylau.simulate(e, 500, seed=1, histogram=True)
    assert sum(p.parties[0]["histogram"]) == 500


def test_simulation_stops_on_ctrl_c(with_districts: dict) -> None:
    if threading.current_thread() is not threading.main_thread():  # pragma: no cover
        pytest.skip("signals reach only the main thread")
    # Long enough to be running when the signal comes (minutes if not stopped).
    timer = threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT))
    start = time.monotonic()
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            saylau.simulate(with_districts, 500_000_000, seed=1)
    finally:
        timer.cancel()
    assert time.monotonic() - start < 5


def test_simulation_releases_the_gil(with_districts: dict) -> None:
    # While a simulation runs in another thread, this thread keeps running
    # Python code: it could not if the simulation held the GIL.
    done = threading.Event()
    result: list[saylau.Projection] = []

    def work() -> None:
        result.append(saylau.simulate(with_districts, 200_000, seed=5, threads=1))
        done.set()

    worker = threading.Thread(target=work)
    ticks = 0
    worker.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    worker.join()
    assert result[0].runs == 200_000
    assert ticks > 20


def test_metrics(mazhilis: dict) -> None:
    m = saylau.metrics(mazhilis)
    t = m.list_tier
    assert t["seats"] == 69
    assert t["largest_party"] == "Amanat"
    assert 0 < t["gallagher"] < 10
    assert m.whole_body is None
    assert "gallagher=" in repr(m)


def test_compare(mazhilis: dict) -> None:
    by_method = saylau.compare(mazhilis)
    assert by_method.by == "methods"
    assert len(by_method.rows) == 12
    labels = [r["label"] for r in by_method.rows]
    assert "D'Hondt" in labels
    thresholds = saylau.compare(mazhilis, by="thresholds", start=0, stop=7, step=1)
    assert [r["threshold_percent"] for r in thresholds.rows] == [str(i) for i in range(8)]
    houses = saylau.compare(SMALL, by="houses", houses=(9, 11))
    assert [r["seats"] for r in houses.rows] == [[6, 3, 0], [6, 4, 0], [7, 4, 0]]
    designs = saylau.compare(saylau.elect(mazhilis), by="designs")
    assert designs.by == "designs"
    with pytest.raises(saylau.InputError, match=r"applies only to a comparison by thresholds \(start=\)"):
        saylau.compare(mazhilis, by="methods", start=1)
    with pytest.raises(saylau.InputError, match="unknown variant `parties`"):
        saylau.compare(mazhilis, by="parties")


def test_fragility() -> None:
    f = saylau.fragility(
        {
            "body": "kurultai",
            "list_seats": 8,
            "method": "dhondt",
            "threshold_percent": 0,
            "lists": [
                {"party": "A", "votes": 100_000},
                {"party": "B", "votes": 80_000},
                {"party": "C", "votes": 30_000},
                {"party": "D", "votes": 20_000},
            ],
        }
    )
    rows = list(f)
    assert len(f) == 4
    assert rows[3]["party"] == "D"
    assert rows[3]["votes_to_gain"] == 5_001
    assert rows[3]["votes_to_lose"] is None
    assert all(r["exact"] for r in rows)
    with pytest.raises(saylau.InputError, match="nothing to measure"):
        saylau.fragility({"body": "akim", "districts": [{"name": "X", "candidates": [{"name": "a", "votes": 1}]}]})


def _parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == SVG + "svg"
    return root


def test_hemicycle_of_an_election(with_districts: dict, tmp_path: Path) -> None:
    e = saylau.elect(with_districts)
    h = saylau.hemicycle(e)
    root = _parse(h.svg)
    seats = root.findall(f".//{SVG}circle")
    assert len([c for c in seats if "seat" in c.get("class", "")]) == 98
    amanat = [c for c in seats if c.findtext(f"{SVG}title") == "Amanat"]
    assert len(amanat) == 62
    assert h._repr_svg_() == h.svg
    out = tmp_path / "mazhilis.svg"
    h.save(out)
    assert out.read_text(encoding="utf-8") == h.svg
    split = saylau.hemicycle(e, split=True, title="Two tiers")
    assert "Two tiers" in _parse(split.svg).findtext(f"{SVG}title")
    assert e.hemicycle().svg == h.svg
    assert saylau.hemicycle(with_districts).svg == h.svg


def test_hemicycle_of_an_allocation() -> None:
    r = saylau.allocate({"A": 600, "B": 300, "C": 100}, 20, method="dhondt")
    root = _parse(saylau.hemicycle(r).svg)
    titles = [c.findtext(f"{SVG}title") for c in root.findall(f".//{SVG}circle")]
    assert titles.count("A") == r.by_party()["A"]
    assert len([t for t in titles if t in ("A", "B", "C")]) == 20
    with pytest.raises(saylau.InputError, match="split"):
        saylau.hemicycle(r, split=True)


def test_what_if_changes_the_rules_and_says_so(mazhilis: dict) -> None:
    e = saylau.elect(mazhilis, method="dhondt", threshold=7)
    assert e.rules["method"] == "dhondt"
    assert e.threshold["percent"] == "7"
    texts = [n["text"] for n in e.notes if n["kind"] == "overridden"]
    assert "What if: method is dhondt instead of the rules' own." in texts
    assert len(texts) == 2
    assert e.seats_by_party["OSDP"] == 0
    # The election keeps its changes for the analyses that take it.
    assert saylau.metrics(e).what_if == saylau.metrics(mazhilis, method="dhondt", threshold=7).what_if
    assert len(saylau.metrics(e).what_if) == 2
    assert len(saylau.compare(e, by="houses").what_if) == 2
    p = saylau.simulate(e, 200, seed=1)
    assert [n for n in p.notes if n["kind"] == "overridden"] == [n for n in e.notes if n["kind"] == "overridden"]
    assert "(what if: threshold_percent 7%, method dhondt)" in saylau.hemicycle(e).svg
    assert saylau.fragility(mazhilis, list_seats=98).to_pandas()["seats"].sum() == 98
    # None leaves a rule as it is.
    assert saylau.elect(mazhilis, threshold=None).notes == saylau.elect(mazhilis).notes


def test_what_if_refusals(mazhilis: dict) -> None:
    with pytest.raises(saylau.InputError, match='method: unknown method "borda"'):
        saylau.elect(mazhilis, method="borda")
    with pytest.raises(saylau.InputError, match="at what_if.list_seats: invalid value: integer `-1`"):
        saylau.elect(mazhilis, list_seats=-1)
    with pytest.raises(saylau.InputError, match="at what_if.colour: unknown field `colour`"):
        saylau.elect(mazhilis, colour="red")  # type: ignore[call-arg]
    with pytest.raises(saylau.InputError, match="not to an allocation"):
        saylau.hemicycle(saylau.allocate([2, 1], 3), method="dhondt")


POLL = {
    "body": "kurultai",
    "list_seats": 1,
    "ties": "error",
    "polls": [{"pollster": "x", "date": "2026-10-01", "sample": 1000, "shares": {"A": 45, "B": 45}}],
}


def test_a_poll_scenario_names_its_lists_everywhere() -> None:
    # The lists come from the polls, not from "lists": a tie names them, the
    # analyses find them, and the projection says which polls it pooled.
    with pytest.raises(saylau.TieError) as info:
        saylau.elect(POLL)
    assert info.value.parties == ["A", "B"]
    assert str(info.value).startswith('<dict>: tie: the lists of "A" and "B" are tied for 1 list seat;')
    seats = {**POLL, "list_seats": 10, "ties": "order"}
    assert saylau.elect(seats).seats_by_party == {"A": 5, "B": 5}
    rows = list(saylau.fragility(seats))
    assert [r["party"] for r in rows] == ["A", "B"]
    p = saylau.simulate(seats, 200, seed=1)
    assert p.to_dict()["polls"] is not None
    assert "a poll of 1,000 people" in p.to_dict()["model"]


def test_scenario_text_that_is_not_an_object_nor_a_path() -> None:
    with pytest.raises(saylau.InputError, match="<string>: the scenario must be a JSON object"):
        saylau.elect("[1, 2, 3]")
    with pytest.raises(saylau.InputError, match="not an empty string"):
        saylau.elect("  ")


def test_defects_of_the_old_python_face_are_gone(mazhilis: dict, tmp_path: Any) -> None:
    # A negative house size was an OverflowError; an empty range gave empty rows.
    with pytest.raises(saylau.InputError, match="at houses") as negative:
        saylau.compare(mazhilis, by="houses", houses=(-1, 5))
    assert negative.value.kind == "input"
    with pytest.raises(saylau.InputError, match=r"the range 5\.\.1 is empty"):
        saylau.compare(mazhilis, by="houses", houses=(5, 1))
    # `save("x.png")` wrote SVG text into the file.
    png = tmp_path / "seats.png"
    saylau.hemicycle(mazhilis).save(png)
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    svg = tmp_path / "seats.svg"
    saylau.hemicycle(mazhilis).save(svg)
    assert svg.read_text(encoding="utf-8").startswith("<svg")
    # A report's runs are a report's (at most ten million), not a simulation's.
    with pytest.raises(saylau.InputError, match="from 1 to 10,000,000 "):
        saylau.report(mazhilis, runs=0)
    with pytest.raises(saylau.InputError, match="more than the maximum of 10,000,000 ") as many:
        saylau.report(mazhilis, runs=10_000_001)
    assert many.value.kind == "limit"


def test_diff_and_report(mazhilis: dict) -> None:
    earlier = dict(mazhilis, lists=[dict(l, votes=l["votes"] + 1000) for l in mazhilis["lists"]])
    d = saylau.diff(earlier, mazhilis)
    assert [r["party"] for r in d.parties][0] == "Amanat"
    page = saylau.report(mazhilis, compare_with=earlier)
    assert page.startswith("<!DOCTYPE html>") and 'id="seats"' in page


def test_an_endless_file_is_refused_after_a_bounded_read() -> None:
    with pytest.raises(saylau.InputError, match="larger than 64 MB") as endless:
        saylau.elect("/dev/zero")
    assert endless.value.kind == "limit"
