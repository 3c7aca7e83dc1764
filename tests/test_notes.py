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


# ---- markers from evidence (issue 15's examples) ------------------------------


def markers_of(text: str) -> list[tuple[str, str]]:
    """(label, the text before the marker) of every marker found."""
    doc = convert_source(Source.from_text(text, "d.txt")).document
    return [(m.n, text[: m.span.start]) for m in pair_notes(doc).markers]


def placed_after(text: str) -> list[tuple[str, str]]:
    """(label, the 12 characters before it) of every marker found."""
    return [(n, before[-12:]) for n, before in markers_of(text)]


def test_numbers_of_the_text_counted_in_a_row_are_not_markers() -> None:
    # frus1955-57v02 d2: "agenda items 4, 5, and 6:" and the real markers 5 and 6
    text = (
        "Memorandum of Discussion\n\nWashington, January 6, 1955.\n\n"
        "Mr. Cutler referred to the memo dated January 4, 1955 5)\n\n"
        "The following discussion of agenda items 4, 5, and 6: he said “must keep open”. 6\n\n"
        "Note: the rest.\n\n  5. Supra.\n  6. The lettered subparagraphs.\n"
    )
    assert placed_after(text) == [("5", "uary 4, 1955"), ("6", " keep open”.")]


def test_an_ordinal_is_not_a_marker() -> None:
    # frus1918Russiav03 d76: "up to the 1st of May"; the marker is after "December 11"
    text = (
        "The Consul to the Secretary of State\n\nMoscow, January 5, 1918.\n\n"
        "Referring to my letter of December 11 1 advising him of the program up to "
        "the 1st of May.\n\nSummers\n\n  1. Not printed.\n"
    )
    assert placed_after(text) == [("1", " December 11")]


def test_a_number_followed_by_a_full_stop_is_not_a_marker() -> None:
    # frus1894Nicaragua d12: "Art. 2. To ignore the authority"
    text = (
        "Decree\n\nBluefields, July 5, 1894.\n\nArt. 1. To declare it.\nArt. 2. To ignore it.\n\n"
        "Done at Bluefields. 2\n\nThe Council.\n\n  2. Translation.\n"
    )
    assert placed_after(text) == [("2", " Bluefields.")]


def test_letters_an_editor_supplied_close_no_word_before_a_marker() -> None:
    # frus1934v05 d7: "Your paragraph[s] 2 and 3." is the text; the marker
    # stands after "the German Treaty about to be signed"
    text = (
        "The Ambassador in Chile to the Secretary of State\n\nSantiago, January 19, 1934.\n\n"
        "Your paragraph[s] 2 and 3. The proceeds of sales would not be turned over.\n\n"
        "In the German Treaty about to be signed 2 the term has been extended.\n\n"
        "Sevier\n\n  2. Signed December 26, 1934.\n"
    )
    assert placed_after(text) == [("2", "to be signed")]


def test_a_star_after_the_printed_star_is_the_marker_not_an_ellipsis() -> None:
    # frus1870 d489: "the promises it made at Osacca* * that"; the stars of
    # "* * * *" further on are an ellipsis
    text = (
        "Conference at Yedo\n\nYedo, January 19, 1870.\n\n"
        "My Lords: * * * * Our government has always borne in mind the promises "
        "it made at Osacca* * that it would not be severe.\n\n"
        "Sanjo spoke again.\n\n  *. Sanjo is mistaken, the promise was made at Yokohama.\n"
    )
    assert placed_after(text) == [("*", "e at Osacca*")]


def test_a_month_that_starts_its_own_date_or_is_the_verb_may_leaves_the_marker() -> None:
    # frus1925v02 d47: "date[s] of December 28th, 1915; 3 November 4th, 1916;"
    # frus1917Supp02v02 d83: "Exports Board, III.” 1 May I take"; but "on 1 June 1944" is a date
    text = (
        "Mr. Bading to the Secretary of State\n\nQuito, March 2, 1918.\n\n"
        "The notes of December 28th, 1915; 3 November 4th, 1916; 4 and others.\n\n"
        "A copy of “Matters for Discussion, III.” 1 May I take this opportunity, "
        "as on 1 June 1944, to say so.\n\n"
        "Bading\n\n  3. Ibid., 1916.\n  4. Ibid., 1917.\n  1. Not printed.\n"
    )
    assert [n for n, _ in placed_after(text)] == ["3", "4", "1"]
    assert placed_after(text)[2] == ("1", "ssion, III.”")


def test_the_article_a_is_not_a_letter_marker() -> None:
    # frus1901 d146: "a note was received"; the marker is "dispatch No. 1416, a of"
    text = (
        "Mr. Conger to Mr. Hay\n\nPeking, July 12, 1901.\n\n"
        "Sir: Under date of July 10, 1901, a note was received from the foreign office "
        "(see Mr. Jackson’s dispatch No. 1416, a of September 29, 1900) and a copy of it.\n\n"
        "E. H. Conger.\n\n  a. Foreign Relations, 1900, p. 42.\n"
    )
    assert placed_after(text) == [("a", "ch No. 1416,")]


def test_a_letter_before_a_participle_is_a_marker_not_the_article() -> None:
    # frus1901 d305: "articles 86, 87, and 242 of the civil code, a copied in full"
    text = (
        "Mr. Buck to Mr. Hay\n\nTokyo, January 8, 1901.\n\n"
        "Sir: It is contended that under articles 86, 87, and 242 of the civil code, a "
        "copied in full on page 18, buildings are accessory to the land.\n\n"
        "A. E. Buck.\n\n  a. Memorandum not printed.\n"
    )
    assert placed_after(text) == [("a", " civil code,")]


def test_notes_listed_2_3_1_are_anchored_where_their_markers_stand() -> None:
    # frus1918Russiav03 d229: the list (and the text) run 2, 3, 1
    text = (
        "The Consul at Moscow to the Secretary of State\n\nMoscow, June 1, 1918.\n\n"
        "I saw Darcy, 2 and later Lee, 3 about it.\n\n"
        "The equivalent in rubles and Lockhart 1 being requested.\n\nWhitehouse\n\n"
        "  2. Pierre Darcy, French Commercial Attaché.\n  3. Frank C. Lee, Vice Consul.\n"
        "  1. Robert H. B. Lockhart, British special representative.\n"
    )
    assert [n for n, _ in markers_of(text)] == ["2", "3", "1"]
    assert errors(text) == []


def test_labels_with_a_letter_and_double_bars_are_read() -> None:
    # frus1919Parisv11 d18: 46a between 46 and 47; frus1897 d198: the double bar ǁ
    text = (
        "Minutes\n\nParis, January 20, 1919.\n\nThe Council met. 46 It sat again. 46a "
        "Rothschild, M. ǁ\n\nNothing more.\n\n  46. First.\n  46a. Inserted.\n  ǁ. Mark.\n"
    )
    assert [n for n, _ in markers_of(text)] == ["46", "46a", "ǁ"]


def test_the_only_place_a_label_stands_is_taken_with_a_warning() -> None:
    # frus1894Nicaragua d2: "a copy of a telegram 1 from our consular agent"
    text = (
        "Mr. Baker to Mr. Gresham\n\nManagua, March 1, 1894.\n\n"
        "Sir: I transmit a copy of a telegram 1 from our consular agent.\n\nBaker\n\n"
        "  1. Not printed.\n"
    )
    diags = check(text)
    assert [n for n, _ in markers_of(text)] == ["1"]
    assert [d.code for d in diags if d.code.startswith("CC15")] == ["CC150"]
    assert [d.code for d in diags if d.level == "error"] == []


def test_a_note_whose_only_candidate_reads_as_text_keeps_the_text_and_warns() -> None:
    text = (
        "Mr. Baker to Mr. Gresham\n\nManagua, March 1, 1894.\n\n"
        "Sir: I refer to article 1 of the treaty and article 1 of the protocol.\n\nBaker\n\n"
        "  1. Not printed.\n"
    )
    doc = convert_source(Source.from_text(text, "d.txt")).document
    assert pair_notes(doc).markers == ()
    assert "article 1 of the treaty" in plain(doc.blocks[-2].content)  # type: ignore[union-attr]
    assert "CC151" in [d.code for d in check(text)]


# ---- notes printed without a mark ("  None. …") -------------------------------

UNMARKED = (  # frus1870 d206: a series title on the source line, an enclosure note
    "No. 132. \n\nNo. 214.]\n\nMr. Davis to Mr. Bancroft.\n\nWashington, August 5, 1870.\n\n"
    "Sir: I inclose copies.\n\nJ. C. B. DAVIS. \n\n"
    "  None. THE DEPARTMENT OF STATE TO THE UNITED STATES LEGATION AT BERLIN.\n"
    "  None. [The several inclosures will be found under the head “France,” ante.]\n"
)


def test_a_note_printed_without_a_mark_is_anchored_at_the_blank_ending_its_block() -> None:
    converted = convert_source(Source.from_text(UNMARKED, "d206.txt"))
    markers = pair_notes(converted.document).markers
    assert [(m.n, UNMARKED[m.span.start - 8 : m.span.start]) for m in markers] == [
        ("", "No. 132."),
        ("", ". DAVIS."),
    ]
    assert errors(UNMARKED) == []
    div = etree.fromstring(to_tei_bytes(converted.document)).find(f".//{{{TEI_NS}}}div")
    assert div is not None
    notes = frus_record.document_record(div, None)["footnotes"]
    assert [(note["n"], note["text"][:10]) for note in notes] == [
        (None, "THE DEPART"),
        (None, "[The sever"),
    ]


def test_a_note_printed_without_a_mark_and_without_its_blank_warns() -> None:
    text = UNMARKED.replace("DAVIS. \n", "DAVIS.\n")
    diags = check(text)
    assert "CC152" in [d.code for d in diags]
    assert [d.code for d in diags if d.level == "error"] == []


def test_single_blanks_are_the_marks_of_unlabelled_notes_and_doubled_ones_are_stray() -> None:
    # frus1870 d213 as a typist left it: two stray blanks after the source line
    # and the dateline, one (the mark) after the signature.
    text = (
        "No. 139.  \n\nNo. 225.]\n\nMr. Davis to Mr. Bancroft\n\n"
        "Department of State, Washington, August 23, 1870.  \n\n"
        "Sir: I inclose a copy.\n\nJ. C. B. DAVIS. \n\n"
        "  None. [For this inclosure see, ante, “France.”]\n"
    )
    converted = convert_source(Source.from_text(text, "d213.txt"))
    markers = pair_notes(converted.document).markers
    assert [text[m.span.start - 7 : m.span.start] for m in markers] == [" DAVIS."]
    diags = check(text)
    chosen = [d for d in diags if d.code == "CC208"]  # a choice: said, at the first stray
    assert [d.span.start for d in chosen if d.span] == [text.index("  \n")]
    assert "taken for their marks" in chosen[0].message
    stray = [d for d in diags if d.code == "CC113"]  # reported, and removed
    assert [d.span.start for d in stray if d.span] == [text.index("  \n")]
    assert "(and 1 more like it)" in stray[0].message
    div = etree.fromstring(to_tei_bytes(converted.document)).find(f".//{{{TEI_NS}}}div")
    assert div is not None
    assert frus_record.document_record(div, None)["dateline"] == (
        "Department of State, Washington, August 23, 1870."
    )


def test_the_double_bar_is_a_symbol_not_a_letter_in_a_table_row() -> None:
    # frus1897 d198: "403 Rothschild, M. ǁ 16 May —, 1895": U+01C1 is a letter
    # to Python, but a reference symbol before a figure in a column
    text = (
        "Mr. Uhl to Mr. Olney\n\nBerlin, March 1, 1897.\n\nThe cases follow.\n\n"
        "400 Glaser, S. § Dec. 12, 1887 Oct. 25, 1895 Do Do.\n"
        "403 Rothschild, M. ǁ 16 May —, 1895 Oct. 30, 1895 Fine Do.\n\nUhl.\n\n"
        "  §. State Department passport, Sept. 26, 1893.\n  ǁ. Ins. 444, Oct. 14, 1895.\n"
    )
    assert [n for n, _ in markers_of(text)] == ["§", "ǁ"]
    assert "CC151" not in [d.code for d in check(text)]


def test_a_symbol_marker_may_stand_before_a_comma() -> None:
    # frus1870 d348: "the usual courses* *, that is to say": the second star
    # is the marker of the first note; the note after it is "avoided. *"
    text = (
        "Mr. Burlingame to Mr. Fish\n\nBerlin, January 4, 1870.\n\n"
        "They will conform their intercourse with her to the usual courses* *, that is "
        "to say, they will not interfere.\n\n"
        "All intervention is harmful and should be avoided. * We may advise.\n\n"
        "Burlingame.\n\n  *. I have not chosen to dwell here on the treaties.\n"
        "  *. It is no part of my purpose to discuss this doctrine.\n"
    )
    assert placed_after(text) == [("*", "ual courses*"), ("*", " be avoided.")]


def test_a_month_with_its_day_before_it_takes_no_day_after_it() -> None:
    # frus1917Supp02v02 d247: "on the 18th of September 1 draws": the day is
    # the 18th, so the 1 after the month is the marker of the second note 1.
    text = (
        "The Secretary of State to the Minister\n\nWashington, October 6, 1917.\n\n"
        "The board refers to its memorandum. 1 It has no reply.\n\n"
        "The memorandum presented to the board on the 18th of September 1 draws the "
        "conclusion that nothing is to be done.\n\nLansing\n\n"
        "  1. Ante, p. 908.\n  1. Not printed.\n"
    )
    assert [n for n, _ in markers_of(text)] == ["1", "1"]
    assert "CC151" not in [d.code for d in check(text)]
    # without the day before it, "September 1" is a date: kept as text
    assert "CC151" in [d.code for d in check(text.replace("the 18th of September", "September"))]


def test_a_letter_between_a_stop_and_a_capital_is_a_marker_not_the_article() -> None:
    # frus1902app1 d33: "when the operations of the company commenced. a Still smaller"
    text = (
        "Mr. Hay to Mr. Tower\n\nWashington, May 4, 1901.\n\n"
        "Sir: Such a difference existed in 1891, when the operations of the company "
        "commenced. a Still smaller returns were to be expected in 1896.\n\n"
        "John Hay.\n\n  a. The annual returns are as follows: 1891, 30,689 skins.\n"
    )
    assert placed_after(text) == [("a", "y commenced.")]
