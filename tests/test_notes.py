"""Footnotes as the printed volumes number them: what passes, what is found.

Each text is cut down from a corpus document (named in the test); the
defects are the ones issue 15 lists: a note dropped, a marker without a
note. Numbering that is merely unusual (a chapter's numbers, a gap, a note
listed twice) is printed so and must not be an error.
"""

from __future__ import annotations

from lxml import etree

from cableconv import validate
from cableconv.checks import check_converted
from cableconv.diagnostics import Diagnostic
from cableconv.model import Heading, NoteRef, Paragraph, plain
from cableconv.notes import pair_notes
from cableconv.pipeline import convert_source
from cableconv.source import Source
from cableconv.writers.tei import TEI_NS, to_tei_bytes

from .support import frus_record


def check(text: str) -> list[Diagnostic]:
    converted = convert_source(Source.from_text(text, "d.txt"))
    return check_converted(converted)


def errors(text: str) -> list[str]:
    return [d.code for d in check(text) if d.level == "error"]


# ---- a note printed above the heading (frus1870 d172, d350 …) ---------------

ABOVE = (
    "1\n\nNo. 106.\n\nMr. Read to Mr. Fish.\n\nParis, August 15, 1870.\n\n"
    "Paper depreciating daily. What am I to do?\n\nREAD.\n\n"
    "  1. CORRESPONDENCE BETWEEN THE DEPARTMENT OF STATE AND THE CONSULATE AT PARIS.\n"
)


def test_a_label_alone_before_the_heading_is_the_marker_of_its_note() -> None:
    doc = convert_source(Source.from_text(ABOVE, "d172.txt")).document
    first = doc.blocks[0]
    assert isinstance(first, Paragraph) and isinstance(first.content[0], NoteRef)
    assert pair_notes(doc).note(first.content[0]) is doc.footnotes[0]
    heading = next(b for b in doc.blocks if isinstance(b, Heading))
    assert plain(heading.content) == "Mr. Read to Mr. Fish."
    assert errors(ABOVE) == []


def test_the_note_above_the_heading_stands_bare_in_the_div_as_in_frus() -> None:
    doc = convert_source(Source.from_text(ABOVE, "d172.txt")).document
    assert [d for d in validate.validate_tei(doc) if d.level == "error"] == []
    div = etree.fromstring(to_tei_bytes(doc)).find(f".//{{{TEI_NS}}}div")
    assert div is not None
    record = frus_record.document_record(div, None)
    (note,) = record["footnotes"]
    assert (note["n"], note["anchor"], note["paragraph_index"]) == ("1", "para", 0)
    assert record["head"] == "Mr. Read to Mr. Fish."


def test_a_label_alone_after_the_heading_is_not_taken_for_a_marker() -> None:
    text = "Mr. Read to Mr. Fish.\n\n1\n\nPaper depreciating daily.\n\n  1. A note.\n"
    assert "CC103" in errors(text)


# ---- numbering as printed --------------------------------------------------

GAP = (  # frus1925v02 d133: notes 22, 23, 24, 26 (25 is not in the document)
    "The Acting Secretary of State to the Ambassador in France (Herrick)\n\n"
    "Washington, January 13, 1925—2 p.m.\n\n"
    "Your L–309. 22 Department has just received your L–312. 23 See answer in "
    "Department’s L–195. 24 Nothing more.\n\n"
    "The Department deems the foregoing preferable. 26\n\nGrew\n\n"
    "  22. Ante, p. 139.\n  23. Ante, p. 140.\n  24. Ante, p. 142.\n  26. Not printed.\n"
)


def test_a_gap_in_the_numbering_is_a_warning_not_an_error() -> None:
    diags = check(GAP)
    assert [d.code for d in diags if d.level == "error"] == []
    assert "CC104" in [d.code for d in diags if d.level == "warning"]


def test_notes_out_of_order_are_a_warning_not_an_error() -> None:
    # frus1918Russiav03 d229 prints its notes 2, 3, 1
    text = (
        "The Ambassador to the Secretary of State\n\nPetrograd, May 1, 1918.\n\n"
        "Received your telegram. 2 The Soviet answered. 3 Nothing else. 1\n\nFrancis\n\n"
        "  2. Not printed.\n  3. Ante, p. 12.\n  1. Post, p. 40.\n"
    )
    assert errors(text) == []


LIST_ROWS = (  # frus1919Parisv11 d240: a list of names ending in figures, notes 34-35
    "Memorandum by the Secretary of State\n\nParis, April 2, 1919.\n\n"
    "The officers were: 34\n\nSmith, Army, commissioned 1\nJones, Navy, commissioned 1\n\n"
    "Nothing more. 35\n\n  34. Reprinted from Lansing.\n  35. Reprinted too.\n"
)


def test_a_figure_is_not_a_marker_when_the_list_starts_further_on() -> None:
    assert errors(LIST_ROWS) == []


def test_a_figure_ending_a_table_row_is_not_a_marker_when_there_is_no_list() -> None:
    # frus1897 d181, frus1902app1 d6: tables of figures, no notes at all
    text = (
        "Statement of claims\n\nParis, April 2, 1897.\n\n"
        "1 C. & G. Muller, Altdammer St. 7. 1\n2 do 15. 1\n3 do 15. 1\n\nNothing more.\n"
    )
    assert errors(text) == []


def test_a_marker_without_any_list_is_still_found() -> None:
    text = "Mr. Read to Mr. Fish. 1\n\nParis, August 15, 1870.\n\nNothing more.\n"
    assert "CC102" in errors(text)


def test_a_dropped_note_is_still_found_in_a_numbering_that_starts_further_on() -> None:
    text = (
        "Mr. Read to Mr. Fish.\n\nParis, August 15, 1870.\n\n"
        "First point. 41 Second point. 42 Third point. 43\n\nREAD.\n\n"
        "  41. Not printed.\n  43. Ante, p. 3.\n"
    )
    assert "CC102" in errors(text)
