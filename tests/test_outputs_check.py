"""scripts/check_outputs.py counts what a reader sees, not what it guesses:
the text's own word after a mark is no mark shown twice, and a note printed
without a mark, which the PDF cannot link, is no footnote lost."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from cableconv.diagnostics import Span
from cableconv.model import Document, Footnote, NoteRef, Paragraph, Text
from cableconv.writers.pdf import write_pdf

from .conftest import ROOT
from .readback import OdfNote

S = Span(0, 1)


@pytest.fixture(scope="module")
def check() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "check_outputs", ROOT / "scripts" / "check_outputs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_outputs"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def doc(after: str, mark: str = "a", note: str = "Not printed.") -> Document:
    content = (Text("Enclosed is", S), NoteRef(mark, S), Text(after, S))
    return Document(
        "d1", "d1.txt", (Paragraph(content, S),), (Footnote(mark, (Text(note, S),), S),), S
    )


def test_the_texts_own_word_after_a_mark_is_not_the_mark_shown_twice(check: ModuleType) -> None:
    """frus1901/d367: mark ``a`` (Word's own lowerLetter numbering), then
    "a copy of “Report No. 210”": LibreOffice shows "a a copy" only if it
    doubled the mark."""
    exp = check.expected_of(doc(" a copy of the report."))
    once = OdfNote("a", False, True, "a copy of the report.", "Not printed.")
    twice = OdfNote("a", False, True, "a a copy of the report.", "Not printed.")
    assert check._own_text(exp, 0, once)
    assert not check._own_text(exp, 0, twice)
    # where the text does not open with the label, a label there is the mark again
    other = check.expected_of(doc(" the copy."))
    assert not check._own_text(other, 0, OdfNote("a", False, True, "a the copy.", "Not printed."))
    # and in the note: "a See …" is doubled unless the note itself opens so
    assert not check._own_text(exp, 0, OdfNote("a", True, True, "copy", "a Not printed."))


def test_a_note_printed_without_a_mark_is_counted_apart_in_the_pdf(
    check: ModuleType, tmp_path: Path
) -> None:
    """frus1870 d1: typst links no empty mark, so the PDF has no link for
    the note; its text is at the foot of the page, counted with the words."""
    unmarked = doc(" and more.", mark="", note="By the President:")
    result = check.Result("d1.txt", check.expected_of(unmarked))
    data = write_pdf(unmarked).data
    (tmp_path / "d1.pdf").write_bytes(data)
    check.check_pdf(result, data, tmp_path / "d1.pdf", set())
    assert not [p for p in result.problems if "footnote" in p]
    assert result.counts["pdf"]["footnotes printed without a mark"] == 1
    assert result.counts["pdf"]["footnotes lost"] == 0
    # a marked note whose link is missing is still lost
    marked = doc(" and more.", mark="1")
    result = check.Result("d1.txt", check.expected_of(marked))
    result.expected.marks.append("2")
    check.check_pdf(result, write_pdf(marked).data, tmp_path / "d1.pdf", set())
    assert result.counts["pdf"]["footnotes lost"] == 1


def test_a_word_drawn_as_a_box_after_cc403_is_flagged_not_lost(
    check: ModuleType, tmp_path: Path
) -> None:
    """frus1882/d111 prints ``$1ᆖ4⅕`` (U+1196): no bundled font draws it,
    the writer warns (CC403) and the PDF's text layer lacks the word. The
    summary says so apart from the words lost; without CC403 it is lost."""
    odd = doc(" amounts ($1\u11964⅕ marks).")
    result = check.Result("d1.txt", check.expected_of(odd))
    out = write_pdf(odd)
    result.codes["pdf"] = {d.code for d in out.diagnostics}
    assert "CC403" in result.codes["pdf"]
    (tmp_path / "d1.pdf").write_bytes(out.data)
    check.check_pdf(result, out.data, tmp_path / "d1.pdf", set())
    assert result.counts["pdf"]["words lost"] == 0
    assert result.counts["pdf"][check.FLAGGED_WORDS] == 1
    assert not result.problems and "U+1196" in result.flags[0]
    assert "flagged, not lost: 1" in " ".join(check.summary([result]))
    # the same loss without the writer's warning is a word lost
    silent = check.Result("d1.txt", check.expected_of(odd))
    check.check_pdf(silent, out.data, tmp_path / "d1.pdf", set())
    assert silent.counts["pdf"]["words lost"] == 1 and silent.problems


def test_a_missing_consumer_skips_with_how_to_install_it_and_fails_under_ci(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Locally a test that needs LibreOffice, cmark-gfm, qpdf or pdffonts
    skips and says how to install it; under ``CI=true`` it fails instead."""
    import shutil

    from .readback import INSTALL_HINT, require

    monkeypatch.setattr(shutil, "which", lambda tool: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="qpdf is not installed") as skipped:
        require("qpdf")
    assert INSTALL_HINT["qpdf"] in str(skipped.value)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="soffice is not installed"):
        require("soffice")
