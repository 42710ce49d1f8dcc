"""Shared fixtures: the repository's scenario files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = REPO / "scenarios"


@pytest.fixture
def mazhilis_path() -> Path:
    return SCENARIOS / "mazhilis-2023.json"


@pytest.fixture
def mazhilis() -> dict:
    return json.loads((SCENARIOS / "mazhilis-2023.json").read_text(encoding="utf-8"))


@pytest.fixture
def with_districts() -> dict:
    return json.loads((SCENARIOS / "mazhilis-2023-illustrative-districts.json").read_text(encoding="utf-8"))
