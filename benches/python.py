"""How long one ``saylau.allocate`` call takes from Python, beside the same
count in Rust, in the same process and the same run.

Run it against a release build (``pip install ./python``, or ``maturin
develop --release`` in ``python/``)::

    python benches/python.py           # prints the Markdown table of BENCHMARKS.md

The Python time is ``timeit`` of the call (the best of 7 repeats, divided by
the calls per repeat): argument parsing, reading the votes (a list, a dict
or a numpy array), the count, and the result object. The Rust time is the
count alone (threshold, eligibility and apportionment: the function the call
runs) timed in a Rust loop inside the extension by
``saylau._saylau._time_rust`` with ``std::time::Instant`` (the best of 7
repeats of the mean over the same number of calls). Their difference is
what calling from Python costs.

If the pure-Python ``apportionment`` package (1.0) is installed, its time
for the same count is shown too (``pip install apportionment==1.0``;
optional, not needed by saylau or its CI).
"""

from __future__ import annotations

import argparse
import platform
import timeit
from typing import Any, Callable

import saylau
from saylau._saylau import _time_rust

MAZHILIS_2023 = {
    "Amanat": 3_431_510,
    "Auyl": 693_938,
    "Respublica": 547_154,
    "Ak Zhol": 535_139,
    "People's Party of Kazakhstan": 432_920,
    "OSDP": 331_058,
    "Baytaq": 146_431,
}
AGAINST_ALL = 248_291
# The other package's names for the methods.
OTHER = {"hare": "largest_remainder", "dhondt": "dhondt", "sainte-lague": "saintelague"}


def best_ns(call: Callable[[], Any], number: int, repeat: int) -> float:
    """Best time of one call, in nanoseconds."""
    call()
    return min(timeit.repeat(call, number=number, repeat=repeat)) / number * 1e9


def fmt(ns: float | None) -> str:
    if ns is None:
        return ""
    if ns >= 1e6:
        return f"{ns / 1e6:,.2f} ms"
    return f"{ns / 1000:.2f} µs" if ns >= 1000 else f"{ns:.0f} ns"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke test: few calls, not a measurement")
    args = parser.parse_args()
    repeat = 2 if args.quick else 7
    scale = 0.01 if args.quick else 1.0
    try:
        import apportionment.methods as other
    except ImportError:
        other = None
    import numpy as np

    rng = np.random.default_rng(42)
    thousand = rng.integers(1, 1_000_001, size=1_000, dtype=np.int64)
    hundred_k = rng.integers(1, 1_000_001, size=100_000, dtype=np.int64)
    m_list = list(MAZHILIS_2023.values())
    # For the other package: the threshold applied beforehand (it has no
    # "against all" in its threshold base): Baytaq's votes zeroed.
    m_taking_part = m_list[:-1] + [0]

    cases: list[tuple[str, str, Any, int, str, Any, int, Any]] = []
    for method in ("hare", "dhondt"):
        label = f"Mazhilis 2023 list vote, {method}, 69 seats, 5%"
        cases.append((label, "list", m_list, 69, method, 5, AGAINST_ALL, m_taking_part))
        cases.append((label, "list, by keyword", m_list, 69, method, 5, AGAINST_ALL, None))
        cases.append((label, "dict", MAZHILIS_2023, 69, method, 5, AGAINST_ALL, None))
        cases.append((label, "numpy int64", np.array(m_list), 69, method, 5, AGAINST_ALL, None))
    for method in ("hare", "dhondt", "sainte-lague"):
        label = f"1,000 parties, {method}, 10,000 seats"
        cases.append((label, "numpy int64", thousand, 10_000, method, None, 0, None))
        cases.append((label, "list", thousand.tolist(), 10_000, method, None, 0, thousand.tolist()))
    cases.append(("100,000 parties, hare, 100,000 seats", "numpy int64", hundred_k, 100_000, "hare", None, 0, None))

    print(f"saylau {saylau.__version__}, CPython {platform.python_version()}, {platform.machine()}, {platform.system()}")
    print()
    header = "| case | votes given as | Python call | same count in Rust | Python overhead |"
    rule = "|---|---|---:|---:|---:|"
    if other is not None:
        header += " `apportionment` 1.0 (pure Python) |"
        rule += "---:|"
    print(header)
    print(rule)
    for label, kind, votes, seats, method, threshold, against_all, plain in cases:
        n = len(votes)
        number = max(3, int((100_000 if n < 100 else 2_000 if n < 10_000 else 30) * scale))

        def call() -> saylau.Allocation:
            return saylau.allocate(votes, seats, method, threshold, against_all, "order")

        if kind.endswith("by keyword"):

            def call() -> saylau.Allocation:
                return saylau.allocate(
                    votes, seats, method=method, threshold=threshold, against_all=against_all, ties="order"
                )

        py = best_ns(call, number, repeat)
        rust = min(_time_rust(votes, seats, method, threshold, against_all, number) for _ in range(repeat))
        row = f"| {label} | {kind} | {fmt(py)} | {fmt(rust)} | {fmt(py - rust)} |"
        if other is not None:
            theirs = None
            if plain is not None:
                names = [f"p{i}" for i in range(len(plain))]

                def run_other() -> Any:
                    return other.compute(OTHER[method], plain, seats, parties=names, verbose=False)

                calls = max(1, number // 1000) if n < 100 else 1
                theirs = best_ns(run_other, calls, min(repeat, 3))
                if list(run_other()) != call().seats:
                    row += " (different seats)"
            row += f" {fmt(theirs)} |"
        print(row, flush=True)


if __name__ == "__main__":
    main()
