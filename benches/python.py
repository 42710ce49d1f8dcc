"""How long one ``saylau.allocate`` call takes from Python, beside the same
count in Rust, in the same process and the same run.

Run it against a release build (``pip install ./python``, or ``maturin
develop --release`` in ``python/``)::

    python benches/python.py          # prints a Markdown table for BENCHMARKS.md

The Python time is ``timeit`` of the call (the best of several repeats,
divided by the calls per repeat): argument parsing, reading the votes
(a list, a dict or a numpy array), the count, and the result object. The
Rust time is the count alone (threshold, eligibility and apportionment, the
same function the call runs) timed in a Rust loop inside the extension by
``saylau._saylau._time_rust`` with ``std::time::Instant`` (also the best of
several repeats). Their difference is what calling from Python costs.
"""

from __future__ import annotations

import argparse
import platform
import sys
import timeit

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


def python_ns(call, number: int, repeat: int) -> float:
    """Best time of one call, in nanoseconds."""
    call()
    return min(timeit.repeat(call, number=number, repeat=repeat)) / number * 1e9


def rust_ns(votes, seats: int, method: str, threshold, against_all: int, number: int, repeat: int) -> float:
    return min(_time_rust(votes, seats, method, threshold, against_all, number) for _ in range(repeat))


def fmt(ns: float) -> str:
    return f"{ns / 1000:.2f} µs" if ns >= 1000 else f"{ns:.0f} ns"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke test, not a measurement)")
    args = parser.parse_args()
    repeat = 2 if args.quick else 7
    scale = 0.02 if args.quick else 1.0

    cases = []
    names = list(MAZHILIS_2023)
    as_list = list(MAZHILIS_2023.values())
    kw = dict(method="hare", threshold=5, against_all=AGAINST_ALL)
    cases.append(("Mazhilis 2023 list vote (7 parties, Hare, 69 seats, 5%)", "list", as_list, 69, kw))
    cases.append(("Mazhilis 2023 list vote", "dict", MAZHILIS_2023, 69, kw))
    try:
        import numpy as np
    except ImportError:  # pragma: no cover
        np = None
    if np is not None:
        cases.append(("Mazhilis 2023 list vote", "numpy int64", np.array(as_list, dtype=np.int64), 69, kw))
        rng = np.random.default_rng(2023)
        big = rng.integers(1_000, 5_000_000, size=1_000, dtype=np.int64)
        for method in ("hare", "dhondt", "sainte-lague"):
            k = dict(method=method, threshold=None, against_all=0)
            cases.append((f"1,000 parties ({method}, 500 seats)", "numpy int64", big, 500, k))
        cases.append(("1,000 parties (hare, 500 seats)", "list", big.tolist(), 500, dict(method="hare", threshold=None, against_all=0)))
        huge = rng.integers(1_000, 5_000_000, size=100_000, dtype=np.int64)
        cases.append(("100,000 parties (hare, 10,000 seats)", "numpy int64", huge, 10_000, dict(method="hare", threshold=None, against_all=0)))

    print(f"saylau {saylau.__version__}, Python {platform.python_version()}, {platform.machine()}, {platform.system()}")
    print()
    print("| case | votes given as | Python call | same count in Rust | Python overhead |")
    print("|---|---|---:|---:|---:|")
    for title, kind, votes, seats, k in cases:
        n = len(votes)
        number = max(10, int((200_000 if n < 100 else 2_000 if n < 10_000 else 20) * scale))
        call = lambda: saylau.allocate(votes, seats, k["method"], k["threshold"], k["against_all"], "order")  # noqa: E731
        py = python_ns(call, number, repeat)
        rs = rust_ns(votes, seats, k["method"], k["threshold"], k["against_all"], number, repeat)
        print(f"| {title} | {kind} | {fmt(py)} | {fmt(rs)} | {fmt(py - rs)} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
