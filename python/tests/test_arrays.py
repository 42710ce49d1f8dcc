"""numpy and pandas: input read in one copy, results out as DataFrames."""

from __future__ import annotations

import array

import pytest

import saylau

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

VOTES = [3_431_510, 693_938, 547_154, 535_139, 432_920, 331_058, 146_431]
NAMES = ["Amanat", "Auyl", "Respublica", "Ak Zhol", "People's Party of Kazakhstan", "OSDP", "Baytaq"]
SEATS = [40, 8, 6, 6, 5, 4, 0]


@pytest.mark.parametrize("dtype", ["uint64", "int64", "uint32", "int32", "float64"])
def test_numpy_arrays_of_any_integer_width(dtype: str) -> None:
    votes = np.array(VOTES, dtype=dtype)
    r = saylau.allocate(votes, 69, threshold=5, against_all=248_291, ties="order")
    assert r.seats == SEATS
    assert r.parties == list(range(7))


def test_small_integer_arrays() -> None:
    assert saylau.allocate(np.array([6, 3, 1], dtype="uint8"), 10, method="dhondt").seats == [6, 3, 1]
    assert saylau.allocate(np.array([6, 3, 1], dtype="int16"), 10, method="dhondt").seats == [6, 3, 1]


def test_strided_and_buffer_inputs() -> None:
    every_other = np.array([6, 0, 3, 0, 1, 0], dtype="int64")[::2]
    assert saylau.allocate(every_other, 10, method="dhondt").seats == [6, 3, 1]
    assert saylau.allocate(array.array("q", [6, 3, 1]), 10, method="dhondt").seats == [6, 3, 1]
    assert saylau.allocate(memoryview(array.array("Q", [6, 3, 1])), 10, method="dhondt").seats == [6, 3, 1]


def test_bad_arrays() -> None:
    with pytest.raises(saylau.InputError, match="got -1"):
        saylau.allocate(np.array([5, -1]), 3)
    with pytest.raises(saylau.InputError, match="got 1.5"):
        saylau.allocate(np.array([5, 1.5]), 3)
    with pytest.raises(saylau.InputError, match="got NaN"):
        saylau.allocate(np.array([5, np.nan]), 3)
    with pytest.raises(saylau.InputError, match="one-dimensional"):
        saylau.allocate(np.array([[5, 1], [2, 3]]), 3)
    with pytest.raises(saylau.InputError, match="cannot be votes"):
        saylau.allocate(np.array([True, False]), 3)


def test_large_array_is_counted_with_many_parties() -> None:
    rng = np.random.default_rng(1)
    votes = rng.integers(1, 1_000_000, size=100_000, dtype=np.int64)
    r = saylau.allocate(votes, 5_000, method="sainte-lague", ties="order")
    assert sum(r.seats) == 5_000
    assert len(r.seats) == 100_000


def test_pandas_series_keeps_its_index() -> None:
    s = pd.Series(VOTES, index=NAMES, name="votes")
    r = saylau.allocate(s, 69, threshold=5, against_all=248_291)
    assert r.seats == SEATS
    assert r.parties == NAMES
    frame = r.to_pandas()
    assert list(frame.index) == NAMES
    assert frame.index.name == "party"
    assert list(frame.columns) == ["votes", "eligible", "seats"]
    assert frame.loc["Amanat", "seats"] == 40
    assert not frame.loc["Baytaq", "eligible"]


def test_pandas_column_from_a_frame() -> None:
    df = pd.DataFrame({"party": NAMES, "votes": VOTES}).set_index("party")
    assert saylau.allocate(df["votes"], 69, threshold=5, against_all=248_291).seats == SEATS
    with pytest.raises(saylau.InputError, match="DataFrame"):
        saylau.allocate(df, 69)


def test_pandas_nullable_and_missing() -> None:
    s = pd.Series([6, 3, 1], index=list("ABC"), dtype="Int64")
    assert saylau.allocate(s, 10, method="dhondt").seats == [6, 3, 1]
    missing = pd.Series([6, None, 1], index=list("ABC"), dtype="Int64")
    with pytest.raises(saylau.InputError, match='party "B"'):
        saylau.allocate(missing, 10)


def test_tie_error_names_index_labels() -> None:
    s = pd.Series([5, 5], index=["X", "Y"])
    with pytest.raises(saylau.TieError) as info:
        saylau.allocate(s, 1)
    assert info.value.parties == ["X", "Y"]


def test_numpy_scalars_in_a_list() -> None:
    assert saylau.allocate([np.int64(6), np.uint32(3), 1], 10, method="dhondt").seats == [6, 3, 1]


def test_result_frames_of_scenarios(mazhilis: dict) -> None:
    e = saylau.elect(mazhilis)
    frame = e.to_pandas()
    assert frame.loc["Amanat", "list_seats"] == 40
    c = saylau.compare(e).to_pandas()
    assert c.loc["D'Hondt", "Amanat"] == 41
    assert c.index.name == "methods"
    f = saylau.fragility(e).to_pandas()
    assert f.loc["Baytaq", "spare_votes"] == 146_431
    m = saylau.metrics(e).to_pandas()
    assert m.loc["Amanat", "seats"] == 40
    p = saylau.simulate(e, 500, seed=3).to_pandas()
    assert set(p.index) == set(frame.index)
    assert {"mean", "p05", "p50", "p95"} <= set(p.columns)


def test_party_names_are_checked_as_the_command_line_checks_them() -> None:
    # A name given twice (a Series index may repeat) or empty is refused,
    # and so is a bool given as a number of votes.
    twice = pd.Series([100, 80, 30], index=["A", "B", "A"])
    with pytest.raises(saylau.InputError, match='party name "A" appears twice \\(entries 1 and 3'):
        saylau.allocate(twice, 5)
    with pytest.raises(saylau.InputError, match="the party at entry 2 \\(counting from 1\\) has an empty name"):
        saylau.allocate({"A": 100, " ": 80}, 5)
    with pytest.raises(saylau.InputError, match="votes of entry 0"):
        saylau.allocate([True, 2], 3)
    assert saylau.allocate(pd.Series([100, 80], index=["A", "B"]), 5).seats == [3, 2]
