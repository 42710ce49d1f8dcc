"""The package itself: exports, error classes, typing files and the docstrings' examples."""

from __future__ import annotations

import doctest
import pickle
from pathlib import Path

import pytest

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


def test_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    repo = Path(__file__).resolve().parents[2]
    readme = (repo / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python\n", 1)[1]
    block = section.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(repo)
    scope: dict[str, object] = {}
    exec(compile(block, "README.md (Python section)", "exec"), scope)
    r = scope["r"]
    assert isinstance(r, saylau.Allocation)
    assert r.seats == [40, 8, 6, 6, 5, 4, 0]
    assert "quota: 86546.652 votes per seat" in capsys.readouterr().out


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
