"""``cableconv check`` finds what is wrong, where it is, and nothing else.

* each broken transcription of ``tests/broken/`` (a real document with one
  defect) is reported with the expected code, level, line and column;
* the samples and the whole development corpus pass with no error (the
  warnings are counted and printed);
* no text whatever makes a check fail with an internal error.
"""

from __future__ import annotations

import collections
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cableconv.checks import check_converted
from cableconv.commands.check_cmd import check_paths
from cableconv.diagnostics import CODES
from cableconv.pipeline import convert_source
from cableconv.report import FileReport
from cableconv.source import Source

from .conftest import sample_paths

BROKEN = Path(__file__).parent / "broken"
CASES: list[dict[str, Any]] = tomllib.loads((BROKEN / "cases.toml").read_text("utf-8"))["case"]


def _where(report: FileReport) -> list[str]:
    return [
        f"{d.code} {d.level} {d.place.line if d.place else '-'}:{d.place.col if d.place else '-'} "
        f"{d.message}"
        for d in report.diagnostics
    ]


def test_there_are_enough_broken_transcriptions() -> None:
    transcriptions = [c for c in CASES if c["file"].endswith(".txt")]
    assert len(transcriptions) >= 30
    assert {c["file"] for c in CASES} == {
        str(p.relative_to(BROKEN)) for p in BROKEN.rglob("*") if p.suffix in (".txt", ".xml")
    }, "every file in tests/broken has an entry in cases.toml, and every entry a file"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["file"])
def test_broken_case_is_reported_where_it_is(case: dict[str, Any]) -> None:
    assert case["code"] in CODES
    (report,) = check_paths([BROKEN / case["file"]])
    found = [
        d
        for d in report.diagnostics
        if d.code == case["code"]
        and d.place is not None
        and (d.place.line, d.place.col) == (case["line"], case["col"])
    ]
    assert found, (
        f"{case['file']} ({case['defect']}): expected {case['code']} at "
        f"{case['line']}:{case['col']}; got {_where(report)}"
    )
    assert found[0].level == case["level"]
    assert found[0].file == str(BROKEN / case["file"])
    assert not [d for d in report.diagnostics if d.code == "CC399"]


@pytest.mark.parametrize("sample", sample_paths(), ids=lambda p: p.stem)
def test_samples_have_no_errors(sample: Path) -> None:
    (report,) = check_paths([sample])
    assert [d for d in report.diagnostics if d.level == "error"] == []


# --------------------------------------------------------------------------
# the development corpus
# --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def corpus_reports(corpus_docs: Path) -> list[FileReport]:
    return check_paths(sorted(corpus_docs.glob("*/*.txt")))


@pytest.mark.corpus
@pytest.mark.slow
def test_corpus_passes_check(corpus_reports: list[FileReport]) -> None:
    """No dev document has an error: each is printed as it is (a page
    printed without a number, frus1870 d541, is a warning, CC116)."""
    unexpected: dict[str, list[str]] = {}
    warnings: collections.Counter[str] = collections.Counter()
    for report in corpus_reports:
        errors = [d for d in report.diagnostics if d.level == "error"]
        if errors:
            unexpected[report.file] = [f"{d.code} {d.message}" for d in errors]
        warnings.update(d.code for d in report.diagnostics if d.level == "warning")
    print(f"\ncorpus: {len(corpus_reports)} documents; warnings by code: {dict(warnings)}")
    assert unexpected == {}


# --------------------------------------------------------------------------
# properties
# --------------------------------------------------------------------------

_pieces = st.sampled_from(
    [
        "[Page 12]",
        "[Page ",
        "]",
        "[",
        "(",
        ")",
        "“",
        "”",
        '"',
        "'",
        " 1",
        " 2",
        "\n\n",
        "\n",
        "  1. A note.",
        "February 30, 1918",
        "13 p.m.",
        "File No. 861.00/12",
        "761.93-12",
        "\t",
        "\x07",
        "Washington, June 23, 1936—5 p.m.",
        "The Ambassador (Harriman) to the President",
    ]
)
_texts = st.lists(st.one_of(_pieces, st.text(max_size=12)), max_size=25).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts)
def test_check_never_fails_internally(text: str) -> None:
    if "\x00" in text:
        text = text.replace("\x00", "")
    converted = convert_source(Source.from_text(text, "typed.txt"))
    diags = check_converted(converted)
    assert not [d for d in diags if d.code == "CC399"], [d.message for d in diags]
    for d in diags:
        assert d.code in CODES
        if d.place is not None:
            assert 1 <= d.place.line <= text.count("\n") + 1


def _codes_of(text: str) -> list[str]:
    return [d.code for d in check_converted(convert_source(Source.from_text(text, "d.txt")))]


def test_a_despatch_number_printed_with_its_closing_bracket_alone_is_not_unbalanced() -> None:
    # ``No. 224.]``: FRUS prints the other series' number without the opening
    # bracket (frus1870 d51 and 1,752 more lines of the dev corpus)
    text = (
        "No. 44.\n\nNo. 224.]\n\nMr. W. Hoffman to Mr. Fish.\n\n"
        "Legation of the United States, Paris, July 18, 1870.\n\n"
        "Sir: I have the honor to enclose a copy.\n"
    )
    assert "CC111" not in _codes_of(text)
    stray = text.replace("a copy.", "a copy.]")
    assert "CC111" in _codes_of(stray)
    in_text = text.replace("a copy.", "a copy.\nNo. 224.]")
    assert "CC111" in _codes_of(in_text)
