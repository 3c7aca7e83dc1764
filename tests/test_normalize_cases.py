"""Data-driven normalisation cases from ``tests/fixes/*.txt`` (format in its README)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cableconv.normalize import FIX_NAMES, normalize

FIXES_DIR = Path(__file__).resolve().parent / "fixes"
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|[nrts\\])")
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "s": " ", "\\": "\\"}


def unescape(value: str) -> str:
    r"""``\n``, ``\r``, ``\t``, ``\s``, ``\\`` and ``\uXXXX`` in a case value.

    >>> unescape(r"a\sb\u00a0\n")
    'a b\xa0\n'
    """
    return _ESCAPE.sub(lambda m: _SIMPLE.get(m.group(1)) or chr(int(m.group(1)[1:], 16)), value)


@dataclass
class Case:
    where: str
    fields: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, key: str) -> str:
        return self.fields[key]

    def get(self, key: str) -> str | None:
        return self.fields.get(key)


def load_cases(name: str) -> list[Case]:
    """The cases of one file, each knowing its ``file:line``."""
    cases: list[Case] = []
    current: Case | None = None
    path = FIXES_DIR / name
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            current = None
            continue
        if line.startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep or not re.fullmatch(r"[a-z]+", key):
            raise ValueError(f"{name}:{number}: expected 'field: value', got {line!r}")
        if current is None:
            current = Case(f"{name}:{number}")
            cases.append(current)
        if key in current.fields:
            raise ValueError(f"{name}:{number}: field {key!r} given twice")
        current.fields[key] = unescape(value.lstrip(" "))
    return cases


def params(name: str, *, known_failures: bool = False) -> list[object]:
    return [
        pytest.param(
            c,
            id=c.where,
            marks=[pytest.mark.xfail(strict=True, reason=c["why"])] if known_failures else [],
        )
        for c in load_cases(name)
    ]


@pytest.mark.parametrize("case", params("restore.txt"))
def test_restores_the_official_typography(case: Case) -> None:
    off = [n.strip() for n in (case.get("off") or "").split(",") if n.strip()]
    result = normalize(case["in"], off)
    assert result.text == case["out"], case["why"]
    assert result.diagnostics == [], case["why"]
    wanted = case.get("fix")
    if wanted is not None:
        names = {n.strip() for n in wanted.split(",")}
        assert names <= set(FIX_NAMES)
        assert {c.fix for c in result.changes} == names, case["why"]


@pytest.mark.parametrize("case", params("unchanged.txt"))
def test_leaves_official_text_alone(case: Case) -> None:
    result = normalize(case["text"])
    assert result.changes == [], case["why"]
    assert result.text == case["text"]
    assert result.diagnostics == [], case["why"]


@pytest.mark.parametrize("case", params("flagged.txt"))
def test_flags_what_it_cannot_decide(case: Case) -> None:
    result = normalize(case["in"])
    assert result.text == (case.get("out") or case["in"]), case["why"]
    assert [d.code for d in result.diagnostics] == case["codes"].split(), case["why"]
    for d in result.diagnostics:
        assert d.level == "warning"
        assert d.span is not None and 0 <= d.span.start <= d.span.end <= len(case["in"])


@pytest.mark.parametrize("case", params("known_failures.txt", known_failures=True))
def test_known_failures(case: Case) -> None:
    assert normalize(case["in"]).text == case["out"], case["why"]


def test_every_case_file_has_cases() -> None:
    for name in ("restore.txt", "unchanged.txt", "flagged.txt", "known_failures.txt"):
        cases = load_cases(name)
        assert cases, name
        for case in cases:
            assert case.get("why"), case.where


def test_restored_text_is_stable() -> None:
    """Normalising a restored case again changes nothing."""
    for case in load_cases("restore.txt"):
        assert normalize(case["out"]).changes == [], case.where
