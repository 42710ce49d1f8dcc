"""The package itself: exports, error classes, typing files and the docstrings' examples."""

from __future__ import annotations

import doctest
import pickle
from pathlib import Path

import saylau
import saylau._views


def test_error_classes() -> None:
    assert issubclass(saylau.InputError, saylau.SaylauError)
    assert issubclass(saylau.InputError, ValueError)
    assert issubclass(saylau.TieError, saylau.SaylauError)
    assert issubclass(saylau.SaylauError, Exception)
    e = pickle.loads(pickle.dumps(saylau.TieError("tie", ["A", "B"], 1)))
    assert (str(e), e.parties, e.seats) == ("tie", ["A", "B"], 1)


def test_exports_and_typing_files() -> None:
    for name in saylau.__all__:
        assert hasattr(saylau, name), name
    package = Path(saylau.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "_saylau.pyi").exists()
    assert saylau.__version__


def test_docstring_examples_run() -> None:
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    globs = {"saylau": saylau}
    tests = finder.find(saylau, globs=dict(globs)) + finder.find(saylau._views, globs=dict(globs))
    for obj in (saylau.allocate, saylau.Allocation, saylau.TieResolution):
        tests += finder.find(obj, obj.__name__, module=False, globs=dict(globs))
    examples = sum(len(t.examples) for t in tests)
    assert examples >= 20
    for t in tests:
        runner.run(t)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} docstring examples failed"
