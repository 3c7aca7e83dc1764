"""The runner, the fix registry, the change log and the documentation of the fixes."""

from __future__ import annotations

import doctest
import importlib
import json
from collections.abc import Iterator

import pytest

from cableconv.diagnostics import Span
from cableconv.normalize import (
    FIX_FAMILIES,
    FIX_NAMES,
    FIXES,
    Edit,
    Fix,
    normalize,
    resolve_fix_names,
)
from cableconv.normalize.report import explain_lines, render_json, render_text, unified_diff
from cableconv.normalize.runner import Layer, run_fixes
from cableconv.source import LineIndex

MODULES = [
    "cableconv.normalize.context",
    "cableconv.normalize.dashes",
    "cableconv.normalize.ellipses",
    "cableconv.normalize.encoding",
    "cableconv.normalize.page_markers",
    "cableconv.normalize.quotes",
    "cableconv.normalize.report",
    "cableconv.normalize.whitespace",
]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0


@pytest.mark.parametrize("fix", FIXES, ids=lambda f: f.name)
def test_every_fix_is_documented_with_an_example(fix: Fix) -> None:
    doc = fix.apply.__doc__ or ""
    assert fix.summary, fix.name
    assert ">>>" in doc, f"{fix.name} has no doctest saying why it exists"
    assert fix.apply.__name__ == fix.name


def test_fix_names_are_unique_and_families_known() -> None:
    assert len(set(FIX_NAMES)) == len(FIX_NAMES)
    assert set(FIX_FAMILIES) == {
        "encoding",
        "whitespace",
        "page_markers",
        "ellipses",
        "dashes",
        "quotes",
    }


def test_a_family_name_switches_off_all_its_fixes() -> None:
    assert resolve_fix_names(["quotes"]) == {"double_quotes", "single_quotes"}
    with pytest.raises(ValueError, match="unknown fix\\(es\\): nope"):
        resolve_fix_names(["nope"])


def test_layer_maps_offsets_back() -> None:
    # "a--b" -> "a—b": offsets after the dash move back by one
    layer = Layer([Edit(1, 3, "—")])
    assert [layer.to_old(i) for i in range(4)] == [0, 1, 3, 4]


def test_changes_point_into_the_original_across_fixes() -> None:
    original = "\ufeffa  b--c\r\n"
    result = normalize(original)
    assert result.text == "a b—c\n"
    for c in result.changes:
        assert original[c.start : c.end] == c.before
    assert [(c.fix, c.start, c.before, c.after) for c in result.changes] == [
        ("byte_order_mark", 0, "\ufeff", ""),
        ("doubled_spaces", 2, "  ", " "),
        ("em_dashes", 5, "--", "—"),
        ("line_endings", 8, "\r\n", "\n"),
    ]
    assert result.to_original(result.text.index("c")) == original.index("c")


def _overlapping(text: str) -> Iterator[Edit]:
    yield Edit(0, 2, "x")
    yield Edit(1, 3, "y")


def _outside(text: str) -> Iterator[Edit]:
    yield Edit(0, len(text) + 1, "")


@pytest.mark.parametrize("bad", [_overlapping, _outside])
def test_a_broken_fix_is_reported_by_name(bad: object) -> None:
    fix = Fix("broken", "test", bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="fix broken"):
        run_fixes("abcdef", [fix])


def test_flag_function_warnings_point_into_the_original() -> None:
    def flag(text: str) -> list[tuple[int, int, str, str, str]]:
        i = text.index("?")
        return [(i, i + 1, "CC299", "a question", "a hint")]

    result = run_fixes("a\r\nb  ?", [f for f in FIXES if f.family == "whitespace"], flag=flag)
    assert result.text == "a\nb ?"
    (d,) = result.diagnostics
    assert d.code == "CC299" and d.span == Span(6, 7)
    assert LineIndex.of(result.original).position(d.span.start) == (2, 4)


def test_change_log_as_text_and_json() -> None:
    result = normalize('He said "yes"--\r\nno 555-1234')
    text = render_text(result, "doc.txt")
    assert "doc.txt:1:9 double_quotes '\"' → '“'" in text
    assert "doc.txt:2:4: warning CC203" in text
    assert text.endswith("doc.txt: 4 change(s): double_quotes 2, em_dashes 1, line_endings 1\n")
    data = json.loads(render_json(result, "doc.txt"))
    assert data["file"] == "doc.txt" and data["changed"] is True
    assert data["counts"] == {"double_quotes": 2, "em_dashes": 1, "line_endings": 1}
    first = data["changes"][0]
    assert first["fix"] == "double_quotes" and first["family"] == "quotes"
    assert first["span"]["line"] == 1 and first["span"]["col"] == 9
    assert data["warnings"][0]["code"] == "CC203"
    assert explain_lines(result, "doc.txt")[0] == "doc.txt:1:9 double_quotes '\"' → '“'"


def test_unified_diff_marks_a_missing_final_newline() -> None:
    diff = unified_diff("a--b", "a—b", "x.txt")
    assert diff.splitlines() == [
        "--- x.txt\t(original)",
        "+++ x.txt\t(normalised)",
        "@@ -1 +1 @@",
        "-a--b",
        "\\ No newline at end of file",
        "+a—b",
        "\\ No newline at end of file",
    ]


def test_typeset_evidence_taken_by_a_later_encoding_repair_reopens_the_gate() -> None:
    """Found by Hypothesis: the ” of '"”Ã©' is the evidence the document was
    typeset in the first round, then the mojibake repair of the second round
    takes it into the character it mends. The fixes then run, so that
    normalising the result again changes nothing more."""
    once = normalize('\xa0"”Ã©')
    assert normalize(once.text).text == once.text
