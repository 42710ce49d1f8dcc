"""saylau.allocate: the 2023 Mazhilis, every method on textbook cases, ties,
thresholds, errors and the result's forms."""

from __future__ import annotations

import pytest

import saylau

# Central Election Commission, final results of 19 March 2023 (the list vote).
MAZHILIS_2023 = {
    "Amanat": 3_431_510,
    "Auyl": 693_938,
    "Respublica": 547_154,
    "Ak Zhol": 535_139,
    "People's Party of Kazakhstan": 432_920,
    "OSDP": 331_058,
    "Baytaq": 146_431,
}
AGAINST_ALL_2023 = 248_291

# Wikipedia's D'Hondt example (also in the Sainte-Laguë article), 8 seats.
WIKI_DHONDT = [100_000, 80_000, 30_000, 20_000]
# Wikipedia's largest remainder example: six parties, 100,000 votes, 10 seats.
WIKI_LR = [47_000, 16_000, 15_800, 12_000, 6_100, 3_100]


def test_mazhilis_2023_list_seats() -> None:
    r = saylau.allocate(MAZHILIS_2023, 69, method="hare", threshold=5, against_all=AGAINST_ALL_2023, ties="order")
    assert r.seats == [40, 8, 6, 6, 5, 4, 0]
    assert r.eligible == [True] * 6 + [False]
    assert r.by_party()["Amanat"] == 40
    assert r.total_seats == 69
    assert r.tie is None
    assert r.threshold == "5"
    assert r.against_all == AGAINST_ALL_2023


def test_mazhilis_2023_to_dict_is_the_cli_json() -> None:
    r = saylau.allocate(MAZHILIS_2023, 69, threshold="5", against_all=AGAINST_ALL_2023)
    d = r.to_dict()
    assert d["method"] == "hare"
    assert d["seats"] == 69
    assert d["parties"][0] == {"party": "Amanat", "votes": 3431510, "eligible": True, "seats": 40}
    assert d["against_all"] == AGAINST_ALL_2023
    assert d["base"] == sum(MAZHILIS_2023.values()) + AGAINST_ALL_2023
    assert d["threshold"] == "5"
    assert d["votes_needed"] == 318_323
    assert "audit" not in d and "tie" not in d


@pytest.mark.parametrize(
    ("method", "votes", "seats", "expected"),
    [
        ("dhondt", WIKI_DHONDT, 8, [4, 3, 1, 0]),
        ("jefferson", WIKI_DHONDT, 8, [4, 3, 1, 0]),
        ("sainte-lague", WIKI_DHONDT, 8, [3, 3, 1, 1]),
        ("webster", WIKI_DHONDT, 8, [3, 3, 1, 1]),
        ("imperiali", WIKI_DHONDT, 8, [5, 3, 0, 0]),
        ("hare", WIKI_LR, 10, [5, 2, 1, 1, 1, 0]),
        ("hamilton", WIKI_LR, 10, [5, 2, 1, 1, 1, 0]),
        ("droop", WIKI_LR, 10, [5, 2, 2, 1, 0, 0]),
        ("hagenbach-bischoff", WIKI_LR, 10, [5, 2, 2, 1, 0, 0]),
        ("imperiali-quota", WIKI_LR, 10, [5, 2, 2, 1, 0, 0]),
        ("adams", WIKI_LR, 10, [3, 2, 2, 1, 1, 1]),
        ("huntington-hill", WIKI_LR, 10, [4, 2, 1, 1, 1, 1]),
        ("dean", WIKI_LR, 10, [4, 2, 1, 1, 1, 1]),
        ("dhondt", WIKI_LR, 10, [5, 2, 2, 1, 0, 0]),
        ("sainte-lague", WIKI_LR, 10, [4, 2, 2, 1, 1, 0]),
        ("danish", WIKI_LR, 10, [4, 2, 2, 1, 1, 0]),
        ("modified-sainte-lague", WIKI_LR, 10, [5, 2, 2, 1, 0, 0]),
        # The first divisor matters: 1.4 keeps the small party out, 1 lets it in.
        ("modified-sainte-lague", [10_000, 3_000, 1_050], 7, [5, 2, 0]),
        ("modified-sainte-lague:1", [10_000, 3_000, 1_050], 7, [5, 1, 1]),
    ],
)
def test_every_method_on_textbook_cases(method: str, votes: list[int], seats: int, expected: list[int]) -> None:
    assert saylau.allocate(votes, seats, method=method).seats == expected


def test_every_listed_method_is_accepted() -> None:
    assert len(saylau.METHODS) == 12
    for method in saylau.METHODS:
        r = saylau.allocate(WIKI_LR, 10, method=method)
        assert sum(r.seats) == 10
        assert r.method == method


def test_a_tie_raises_with_the_parties_and_seats() -> None:
    with pytest.raises(saylau.TieError) as info:
        saylau.allocate({"A": 600, "B": 300, "C": 200}, 4, method="dhondt")
    e = info.value
    assert e.parties == ["A", "C"]
    assert e.seats == 1
    assert str(e) == (
        'tie: parties "A" and "C" are tied for 1 seat; choose a tie policy: "lot" (a seeded draw), '
        '"order" (the party listed first wins) or "votes" (ties=)'
    )
    assert e.kind == "tie"
    assert isinstance(e, saylau.SaylauError)
    assert not isinstance(e, ValueError)


def test_a_tie_in_a_list_names_positions() -> None:
    with pytest.raises(saylau.TieError) as info:
        saylau.allocate([7, 7, 7], 2)
    assert info.value.parties == [0, 1, 2]
    assert info.value.seats == 2
    # The message names them as `.parties` does: by position, from 0.
    assert "the parties at positions 0, 1 and 2 (counting from 0)" in str(info.value)


def test_tie_policies() -> None:
    votes = {"A": 600, "B": 300, "C": 200}
    order = saylau.allocate(votes, 4, method="dhondt", ties="order")
    assert order.seats == [3, 1, 0]
    assert (order.tie.parties, order.tie.seats, order.tie.winners, order.tie.policy) == (["A", "C"], 1, ["A"], "order")
    assert order.to_dict()["tie"] == {"parties": ["A", "C"], "seats": 1, "winners": ["A"], "policy": "order"}
    assert order.tie.to_dict() == order.to_dict()["tie"]
    assert saylau.allocate(votes, 4, method="dhondt", ties="votes").seats == [3, 1, 0]
    # More votes cannot decide between equal votes: the tie stays, and the advice says so.
    with pytest.raises(saylau.TieError, match='the policy "votes" cannot decide'):
        saylau.allocate([5, 5], 1, ties="votes")


def test_lot_is_reproducible_with_a_seed() -> None:
    draws = {tuple(saylau.allocate([1] * 8, 3, ties="lot", seed=s).seats) for s in range(20)}
    assert len(draws) > 1
    a = saylau.allocate([1] * 8, 3, ties="lot", seed=42)
    b = saylau.allocate([1] * 8, 3, ties="lot:42")
    assert a.seats == b.seats
    assert a.tie.policy == "lot:42"
    with pytest.raises(saylau.InputError, match="different seeds"):
        saylau.allocate([1, 1], 1, ties="lot:1", seed=2)


def test_threshold_and_min_parties() -> None:
    votes = [9_000, 600, 400]
    assert saylau.allocate(votes, 10, threshold=7).seats == [10, 0, 0]
    assert saylau.allocate(votes, 10, threshold=7.0).eligible == [True, False, False]
    r = saylau.allocate(votes, 10, threshold="7", min_parties=2)
    assert r.eligible == [True, True, False]
    with pytest.raises(saylau.InputError, match="below the threshold"):
        saylau.allocate([1, 1], 2, threshold=100, against_all=5)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"votes": [0, 0], "seats": 5}, "every party has zero votes, so there is nothing to apportion"),
        ({"votes": [], "seats": 5}, "no parties were given"),
        ({"votes": [1, 2], "seats": 0}, "the number of seats must be at least 1"),
        ({"votes": [1, 2], "seats": 3, "method": "borda"}, 'unknown method "borda"'),
        ({"votes": [1, 2], "seats": 3, "ties": "coin"}, 'unknown tie policy "coin"'),
        ({"votes": [1, 2], "seats": 3, "threshold": 101}, "threshold: threshold 101% is not between 0 and 100"),
        ({"votes": [1, -2], "seats": 3}, "votes of entry 1 (counting from 0): expected a whole number of votes"),
        ({"votes": {"A": 1.5}, "seats": 3}, 'votes of party "A": expected a whole number of votes'),
        ({"votes": "1,2", "seats": 3}, "not a string"),
        ({"votes": 5, "seats": 3}, "not int"),
        ({"votes": [1, 2], "seats": -1}, "seats: expected a whole number of seats from 0 to 4,294,967,295, got -1"),
        ({"votes": [1, 2], "seats": 2.0}, "seats: expected a whole number of seats"),
        ({"votes": [1, 2], "seats": 2, "against_all": -3}, "against_all: expected a whole number of votes"),
        ({"votes": [1, 2], "seats": 2, "seed": -3}, "seed: expected a whole number from 0"),
    ],
)
def test_input_errors(kwargs: dict, message: str) -> None:
    with pytest.raises(saylau.InputError) as info:
        saylau.allocate(**kwargs)
    assert message in str(info.value)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, saylau.SaylauError)


def test_votes_beyond_u64_are_refused_and_u64_max_is_exact() -> None:
    m = 2**64 - 1
    assert saylau.allocate([m, m - 1], 1, method="sainte-lague").seats == [1, 0]
    with pytest.raises(saylau.TieError):
        saylau.allocate([m, m], 1, method="sainte-lague")
    with pytest.raises(saylau.InputError):
        saylau.allocate([2**64], 1)


def test_other_iterables_and_tuples() -> None:
    assert saylau.allocate((6, 3, 1), 10, method="dhondt").seats == [6, 3, 1]
    assert saylau.allocate(iter([6, 3, 1]), 10, method="dhondt").seats == [6, 3, 1]
    assert saylau.allocate(range(1, 4), 6, method="dhondt").seats == [1, 2, 3]


def test_explain_gives_the_audit() -> None:
    r = saylau.allocate(WIKI_LR, 10, method="hare")
    x = r.explain()
    assert x.type == "quota"
    assert x.quota["exact"] == "10000"
    assert x.whole_seats == 7
    assert [p["whole"] for p in x.parties] == [4, 1, 1, 1, 0, 0]
    assert "quota: 10000.000 votes per seat" in str(x)
    assert r.to_dict(explain=True)["audit"] == x.to_dict()
    d = saylau.allocate(WIKI_DHONDT, 8, method="dhondt").explain()
    assert d.type == "divisor"
    assert d.lowest_winning["exact"] == "25000"
    assert d.highest_losing["exact"] == "20000"


def test_repr_and_str() -> None:
    r = saylau.allocate({"A": 2, "B": 1}, 3, method="dhondt")
    assert repr(r) == "Allocation(method='dhondt', seats=[2, 1])"
    assert "total" in str(r)
    assert r.parties == ["A", "B"]
    assert r.votes == [2, 1]
