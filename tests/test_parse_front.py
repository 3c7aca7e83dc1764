"""The front of a document: source lines, heading, opener and dateline, as
FRUS printed them from the 1860s to the 1950s."""

from __future__ import annotations

import pytest

from cableconv import validate
from cableconv.diagnostics import Diagnostic
from cableconv.model import (
    Attachment,
    Dateline,
    DateText,
    Document,
    Heading,
    Opener,
    PageBreakBlock,
    Paragraph,
    SourceNote,
    plain,
)
from cableconv.parse.dates import find_date
from cableconv.parse.sourceline import is_file_line, is_source_line
from cableconv.pipeline import convert_source
from cableconv.source import Source


def parse(text: str) -> tuple[Document, list[Diagnostic]]:
    converted = convert_source(Source.from_text(text, "t.txt"), stem="t1")
    return converted.document, converted.diagnostics


def front(text: str) -> list[tuple[str, str]]:
    """(kind, text) of the blocks of a document up to its first paragraph."""
    doc, _ = parse(text)
    out: list[tuple[str, str]] = []
    for block in doc.blocks:
        kind = type(block).__name__
        if kind == "Paragraph":
            break
        content = getattr(block, "content", None)
        out.append((kind, plain(content) if content is not None else ""))
    return out


def codes(text: str) -> list[str]:
    return [d.code for d in parse(text)[1]]


def when(text: str) -> str | None:
    doc, _ = parse(text)
    for block in doc.blocks:
        if isinstance(block, Dateline):
            return next((n.when for n in block.content if isinstance(n, DateText)), None)
    return None


BODY = "Sir: I have the honor to report.\n\nI am, etc.,\n\nJOHN BIGELOW.\n"

# ---- source lines before the heading ----------------------------------------


def test_despatch_number_before_the_heading_is_a_source_line() -> None:
    text = f"No. 378.]\n\nMr. Dayton to Mr. Seward\n\nParis, November 19, 1863.\n\n{BODY}"
    assert front(text) == [
        ("SourceNote", "No. 378.]"),
        ("Heading", "Mr. Dayton to Mr. Seward"),
        ("Dateline", "Paris, November 19, 1863."),
    ]


def test_series_and_despatch_numbers_and_a_telegram_note_all_stand_before_the_heading() -> None:
    text = (
        "No. 4.\n\nNo. 333.]\n\n[Telegram.—Received at Washington August 22.]\n\n"
        f"Mr. Jay to Mr. Fish.\n\nAugust 21, 1870.\n\n{BODY}"
    )
    assert [kind for kind, _ in front(text)] == [
        "SourceNote",
        "SourceNote",
        "SourceNote",
        "Heading",
        "Dateline",
    ]


def test_exhibit_letter_before_the_heading_is_a_source_line() -> None:
    text = f"C.\n\nPrince Kung to Mr. Burlingame\n\nPeking, May 16, 1864.\n\n{BODY}"
    assert front(text)[:2] == [("SourceNote", "C."), ("Heading", "Prince Kung to Mr. Burlingame")]


@pytest.mark.parametrize(
    "line",
    [
        "811.512362 Shipping/1: Telegram",
        "811.612 Oranges/Spain/9",
        "763.72119P43/171a: Telegram",
        "Paris Peace Conf. 184.00101/1",
        "Paris Peace Conf. 184.1 Polk, Frank L.: Telegram",
        "462.00 R 296/810",
        "611.60 i 31/6",
        "439.11c Colom, Eduardo/27",
        "711.129/23 supp.: Telegram",
        "File No. 861.00/2353, 2354",
        "Edward M. House Papers: Telegram",
        "J.C.S. Files",
    ],
)
def test_file_numbers_with_words_letters_and_collections_are_source_lines(line: str) -> None:
    assert is_file_line(line)
    text = f"{line}\n\nThe Secretary of State to the Ambassador in France (Herrick)\n\n{BODY}"
    assert front(text)[0] == ("SourceNote", line)


@pytest.mark.parametrize(
    "line",
    ["Washington, May 14, 1870.", "Sir: I have the honor", "The President to Congress", "No."],
)
def test_ordinary_lines_are_not_file_lines(line: str) -> None:
    assert not is_file_line(line)
    assert not is_source_line(line, before_heading=True)


def test_untitled_is_a_heading_not_a_bracketed_source_note() -> None:
    text = f"[Translation.]\n\n[Untitled]\n\nParis, November 27, 1863.\n\n{BODY}"
    assert front(text) == [
        ("SourceNote", "[Translation.]"),
        ("Heading", "[Untitled]"),
        ("Dateline", "Paris, November 27, 1863."),
    ]


def test_section_title_in_capitals_before_an_addressed_heading_is_a_source_line() -> None:
    text = (
        "No. 42.\n\nTHE UNITED STATES LEGATION IN PARIS TO THE DEPARTMENT OF STATE.\n\n"
        f"Mr. W. Hoffman to Mr. Fish.\n\nParis, July 15, 1870.\n\n{BODY}"
    )
    kinds = [kind for kind, _ in front(text)]
    assert kinds == ["SourceNote", "SourceNote", "Heading", "Dateline"]


def test_treaty_series_number_is_a_source_line_before_the_heading_only() -> None:
    text = "Treaty Series No. 709\n\nConvention Between the United States and Norway\n\n"
    text += "Treaty Series No. 709\n\nThe President of the United States and His Majesty agree.\n"
    doc, _ = parse(text)
    assert [type(b).__name__ for b in doc.blocks[:3]] == ["SourceNote", "Heading", "Paragraph"]


def test_newspaper_named_under_an_untitled_heading_is_the_first_line_of_the_text() -> None:
    text = "[Untitled]\n\n[From the Times, Monday, September 19, 1870.]\n\nBRITISH NEUTRALITY.\n"
    doc, _ = parse(text)
    assert [type(b).__name__ for b in doc.blocks[:2]] == ["Heading", "Paragraph"]
    before = "[From the London Globe.]\n\n[Untitled]\n\nThe new government in Mexico.\n"
    assert front(before) == [("SourceNote", "[From the London Globe.]"), ("Heading", "[Untitled]")]


# ---- between the heading and the dateline -------------------------------------


def test_despatch_number_after_the_heading_is_a_source_line_when_the_dateline_follows() -> None:
    text = (
        "[Extracts.]\n\nMr. Seward to Mr. Dayton\n\nNo. 445.]\n\n"
        f"Department of State, Washington, December 15, 1863.\n\n{BODY}"
    )
    assert [kind for kind, _ in front(text)] == ["SourceNote", "Heading", "SourceNote", "Dateline"]


def test_number_after_the_dateline_is_the_first_line_of_the_text() -> None:
    text = f"Mr. Olney to Mr. Buchanan.\n\nWashington, December 1, 1897.\n\nNo. 187.]\n\n{BODY}"
    doc, _ = parse(text)
    assert [type(b).__name__ for b in doc.blocks[:3]] == ["Heading", "Dateline", "Paragraph"]


def test_note_number_after_a_heading_without_dateline_is_text() -> None:
    text = "File No. 861.51/387\n\nThe British Chargé (Barclay) to the Secretary of State\n\n"
    text += "No. 1212\n\nMemorandum\n\nThe British Chargé presents his compliments.\n"
    doc, _ = parse(text)
    assert [type(b).__name__ for b in doc.blocks[:3]] == ["SourceNote", "Heading", "Paragraph"]


def test_bracketed_date_is_the_dateline_of_a_paper_that_has_none() -> None:
    text = (
        "763.72119/8217½\n\nMrs. Woodrow Wilson to the Secretary of State\n\n"
        "[Washington, December 1, 1919.]\n\nThe President wishes me to say so.\n"
    )
    assert front(text)[2] == ("Dateline", "[Washington, December 1, 1919.]")
    assert when(text) == "1919-12-01"


def test_bracketed_note_holding_a_date_stays_a_source_note() -> None:
    text = (
        "No. 45.\n\n[Telegram.—Received July 19, 1870.]\n\nMr. E. B. Washburne to Mr. Fish.\n\n"
        f"Paris, July 18, 1870.\n\n{BODY}"
    )
    assert front(text)[1] == ("SourceNote", "[Telegram.—Received July 19, 1870.]")


def test_prose_with_a_date_is_not_a_dateline() -> None:
    text = (
        "[Untitled]\n\nExtract from the speech of Mr. Cass, of Michigan, in the Senate, "
        "June, 1846\n\nThe line is the true line.\n"
    )
    doc, _ = parse(text)
    assert not any(isinstance(b, Dateline) for b in doc.blocks)


def test_enclosure_heading_that_names_a_paper_and_its_date_is_a_heading() -> None:
    text = (
        f"Mr. Borah to Mr. Kellogg\n\nWashington, January 27, 1925.\n\n{BODY}\n"
        "[Enclosure]\n\nSenate Resolution No. 319, January 26, 1925\n\n"
        "Whereas the Armenians participated in the war.\n"
    )
    doc, _ = parse(text)
    attachment = doc.blocks[-1]
    assert isinstance(attachment, Attachment)
    assert [type(b).__name__ for b in attachment.blocks[:3]] == [
        "SourceNote",
        "Heading",
        "Paragraph",
    ]


def test_numbered_inclosure_note_is_the_source_note_of_its_enclosure() -> None:
    text = (
        f"Mr. Lord to Mr. Hay.\n\nBuenos Ayres, May 5, 1901.\n\n{BODY}\n"
        "[Inclosure 1.]\n\nMr. Alcorta to Mr. Lord.\n\nBuenos Ayres, May 2, 1901.\n\n"
        "Mr. Minister: I have the honor to inform you.\n"
    )
    doc, _ = parse(text)
    attachment = doc.blocks[-1]
    assert isinstance(attachment, Attachment)
    assert [type(b).__name__ for b in attachment.blocks[:3]] == [
        "SourceNote",
        "Heading",
        "Dateline",
    ]


def test_long_office_name_before_the_date_is_still_a_dateline() -> None:
    text = (
        "Mr. Smith to Mr. Hay.\n\nAmerican Board of Commissioners for Foreign Missions,\n"
        "Congregational House, No. 14 Beacon Street,\nBoston, September 27, 1901.\n\n" + BODY
    )
    assert when(text) == "1901-09-27"


def test_french_dateline_is_read() -> None:
    dateline = "Légation des Etats Unis, Paris, le 8 Septembre, 1870."
    text = f"[Translation.]\n\n[Untitled]\n\n{dateline}\n\n{BODY}"
    assert when(text) == "1870-09-08"


@pytest.mark.parametrize(
    ("dateline", "iso"),
    [
        ("Tungchi, 9th Year, 7th Moon, 14th Day, (August 10, 1870.)", "1870-08-10"),
        ("Tungchi, 7th Year, 11th Moon, 4th Day. (December 17, 1868.)", "1868-12-17"),
        ("Tokie, the 30th of the 11th Month, (January 1, 1870.)", "1870-01-01"),
        ("Tokei, 6th of the 12th Month, 2 year, Meije, (7th January, 1870.)", "1870-01-07"),
    ],
)
def test_east_asian_calendar_dateline_is_read_with_its_western_date(
    dateline: str, iso: str
) -> None:
    """frus1870: Prince Kung's and the Japanese government's notes."""
    text = f"Prince Kung to Mr. F. F. Low.\n\n{dateline}\n\n{BODY}"
    assert front(text)[1] == ("Dateline", dateline)
    assert when(text) == iso


def test_east_asian_calendar_dateline_without_western_date_is_warned_about() -> None:
    text = f"[Untitled]\n\nYokei, the 7th of the 9th month.\n\n{BODY}"
    assert front(text)[1] == ("Dateline", "Yokei, the 7th of the 9th month.")
    assert "CC108" in codes(text)


@pytest.mark.parametrize("line", ["Then, the 7th day came.", "On the 7th day the minister came."])
def test_prose_naming_a_calendar_day_is_not_a_dateline(line: str) -> None:
    assert [kind for kind, _ in front(f"[Untitled]\n\n{line}\n\n{BODY}")] == ["Heading"]


def test_bracketed_undated_is_a_dateline_without_a_date() -> None:
    text = "611.1231/141\n\nMemorandum by the Chief of the Division (Reed)\n\n"
    text += "[Washington, undated.]\n\nThe Mexican Ambassador called.\n"
    assert front(text)[2] == ("Dateline", "[Washington, undated.]")
    assert "CC108" not in codes(text)


# ---- documents without a heading ----------------------------------------------


def test_document_that_begins_with_its_dateline_has_an_empty_heading_and_a_warning() -> None:
    text = f"Department of State,\nWashington, April 10, 1901.\n\n{BODY}"
    doc, diags = parse(text)
    assert isinstance(doc.blocks[0], Heading) and doc.blocks[0].content == ()
    assert isinstance(doc.blocks[1], Dateline)
    warning = next(d for d in diags if d.code == "CC121")
    assert warning.place is not None and warning.place.line == 1


def test_document_that_begins_with_a_salutation_has_an_empty_heading() -> None:
    doc, diags = parse("To the Senate:\n\nI transmit herewith a report.\n\nGROVER CLEVELAND.\n")
    assert isinstance(doc.blocks[0], Heading) and doc.blocks[0].content == ()
    assert "CC121" in [d.code for d in diags]


@pytest.mark.parametrize("title", ["REJOINDER OF THE PARTY CLAIMANT.", "statement of the facts."])
def test_title_in_capitals_before_the_text_leaves_the_heading_empty(title: str) -> None:
    """frus1902app1: pleadings open with a title in capitals or small capitals
    (whose letters keep their case), printed as text under an empty heading."""
    text = f"{title}\n\nThe Government of the United States has read it, and replies.\n"
    doc, diags = parse(text)
    assert isinstance(doc.blocks[0], Heading) and doc.blocks[0].content == ()
    assert isinstance(doc.blocks[1], Paragraph) and plain(doc.blocks[1].content) == title
    assert [d.code for d in diags] == ["CC121"]


def test_title_in_capitals_before_an_addressed_heading_is_a_source_line() -> None:
    text = "CORRESPONDENCE BETWEEN MR. BANCROFT AND MR. BUCHANAN.\n\n"
    text += f"Mr. Bancroft to Mr. Buchanan.\n\nLondon, August 4, 1848.\n\n{BODY}"
    assert [kind for kind, _ in front(text)] == ["SourceNote", "Heading", "Dateline"]


def test_note_label_before_the_heading_is_the_marker_of_its_note() -> None:
    text = "1\n\nNo. 106.\n\nMr. Read to Mr. Fish.\n\nPaper depreciating daily.\n\n"
    text += "  1. CORRESPONDENCE BETWEEN THE DEPARTMENT OF STATE AND THE CONSULATE AT PARIS.\n"
    doc, diags = parse(text)
    # frus1870: the note stands before the head in the FRUS TEI; the heading follows it
    headings = [b for b in doc.blocks if isinstance(b, Heading)]
    assert [plain(h.content) for h in headings] == ["Mr. Read to Mr. Fish."]
    assert [d.code for d in diags if d.level == "error"] == []


def test_ordinary_heading_gives_no_warning() -> None:
    text = f"No. 378.]\n\nMr. Dayton to Mr. Seward\n\nParis, November 19, 1863.\n\n{BODY}"
    assert [c for c in codes(text) if c.startswith("CC12")] == []


def test_dateline_in_the_text_after_an_unread_title_is_warned_about() -> None:
    text = f"[Untitled]\n\nMemorandum.\n\nParis, May 27, 1864.\n\n{BODY}"
    assert "CC122" in codes(text)


def test_a_quoted_date_at_the_start_of_the_text_is_not_warned_about() -> None:
    # frus1870 d12: the date of the circular the text quotes
    text = (
        "[Untitled]\n\nThe Staatsanzeiger brings us the text of the circular:\n\n"
        f"“Versailles, November 8, 1870.\n\n{BODY}"
    )
    assert "CC122" not in codes(text)


# ---- dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dateline", "iso"),
    [
        ("Washington, May 20–June 1, 1864.", "1864-05-20"),
        ("Washington, July 13–25, 1864.", "1864-07-13"),
        ("St. Petersburg, November 4 and 6, 1863.", "1863-11-04"),
        ("Washington, November 20 (December 2), 1897.", "1897-11-20"),
        ("Washington, November 6 [8], 1919—1 p.m.", "1919-11-06T13:00:00"),
        ("Copenhagen, December 25 [and 26], 1917, 4 p.m.", "1917-12-25T16:00:00"),
        ("Managua, January 3[5?], 1925—10 a.m.", "1925-01-03T10:00:00"),
        ("October 24?, 1917.", "1917-10-24"),
        ("London, March 21, (?) 1897.", "1897-03-21"),
        ("Halifax, Nova Scotia, August 30, A. D. 1870.", "1870-08-30"),
        ("Berlin, June 3d, 1882.", "1882-06-03"),
        ("Ottawa, May 14. 1870.", "1870-05-14"),
        ("Boston, Nov, 12, 1864.", "1864-11-12"),
        ("Washington, January 3, 1924 [1925]—8 p.m.", "1924-01-03T20:00:00"),
        ("Washington, Monday [December 8, 1919], 8:15 a.m.", "1919-12-08T08:15:00"),
        ("Tokei, (7th January, 1870.)", "1870-01-07"),
        ("St. Petersburg, February 20/March 4, 1897.", "1897-02-20"),
    ],
)
def test_the_first_day_a_dateline_names_is_the_documents_date(dateline: str, iso: str) -> None:
    found = find_date(dateline)
    assert found is not None and found.when == iso and found.assumed is None


def test_date_without_a_year_takes_the_receipts_year_with_a_warning() -> None:
    text = f"Mr. Jay to Mr. Fish.\n\nAugust 19. (Received August 20, 1870.)\n\n{BODY}"
    assert when(text) == "1870-08-19"
    assert "CC123" in codes(text)


def test_date_without_a_day_is_the_first_of_the_month_with_a_warning() -> None:
    text = f"Mr. Hay to Mr. White.\n\nDepartment of State, Washington, August, 1901.\n\n{BODY}"
    assert when(text) == "1901-08-01"
    assert "CC123" in codes(text)


# ---- page breaks ----------------------------------------------------------


@pytest.mark.parametrize("label", ["[240]", "[Map 1]", "[]"])
def test_bracketed_page_label_is_a_page_break(label: str) -> None:
    """The editors' label of an unnumbered page or plate (frus1870,
    frus1902app1, frus1919Parisv11) is the page break's whole ``n``."""
    doc, diags = parse(f"Mr. Low to Mr. Fish.\n\nThe text.\n\n[Page {label}]\n\nMore text.\n")
    assert [b.n for b in doc.blocks if isinstance(b, PageBreakBlock)] == [label]
    assert diags == []


def test_a_page_printed_without_a_number_is_a_page_break_said_so() -> None:
    """``[Page ]`` alone on its line: FRUS leaves blank pages unnumbered and
    the official TEI writes ``<pb n=""/>`` (frus1870 d541, before [Page [525]])."""
    text = "Mr. Low to Mr. Fish.\n\nThe text.\n\n[Page ]\n\n[Page [525]]\n"
    doc, diags = parse(text)
    assert [b.n for b in doc.blocks if isinstance(b, PageBreakBlock)] == ["", "[525]"]
    assert [(d.code, d.span and text.count("\n", 0, d.span.start) + 1) for d in diags] == [
        ("CC116", 5)
    ]
    assert validate.validate_tei(doc) == []
    assert validate.validate_model(doc) == []


def test_page_turns_after_a_signature_stand_beside_it_not_in_a_postscript() -> None:
    text = "Mr. Low to Mr. Fish.\n\nThe text.\n\nWILLIAM YOUNG.\n\n[Page [Map 4]]\n\n"
    text += "[Page 85]\n\nEXHIBIT AA.\n\nRussian chart of the Sea of Okhotsk.\n\nEXHIBIT BB.\n"
    doc, _ = parse(text)
    assert validate.validate_tei(doc) == []


def test_a_note_on_how_the_paper_came_opens_the_text_with_its_date_line() -> None:
    # frus1870 d117: "[By cable telegram.]" is a centred paragraph under the
    # heading, and the date line after it a paragraph too (12 of 12)
    text = (
        "No. 73.\n\nMr. E. B. Washburne to Mr. Fish.\n\n[By cable telegram.]\n\n"
        "September 5, 1870. (Received September 5.)\n\nChamber met at midnight.\n\n"
        "WASHBURNE, Paris.\n"
    )
    doc, diags = parse(text)
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds[:4] == ["SourceNote", "Heading", "Paragraph", "Paragraph"]
    assert "CC122" not in [d.code for d in diags]


def test_a_note_naming_the_paper_under_the_heading_stays_a_source_note() -> None:
    text = f"Mr. Jay to Mr. Fish.\n\n[Translation.]\n\nVienna, August 21, 1870.\n\n{BODY}"
    assert [kind for kind, _ in front(text)] == ["Heading", "SourceNote", "Dateline"]


def test_a_translation_note_under_a_papers_title_is_its_source_note_in_the_text() -> None:
    # frus1864p3 d60, d89, d513: "[Untitled]", "Memorandum.", "[Translation.]"
    text = (
        "[Untitled]\n\nMemorandum.\n\n[Translation.]\n\n"
        "“It is affirmed that a contract has been entered into.”\n\nThe text goes on.\n"
    )
    doc, _ = parse(text)
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Heading", "Paragraph", "SourceNote", "Paragraph", "Paragraph"]
    assert validate.validate_tei(doc) == []


def test_a_paraphrase_note_after_running_text_is_a_line_of_the_text() -> None:
    # frus1925v02 d126, d158: "[Paraphrase]" before the paraphrased part of a telegram
    text = (
        "The Ambassador in Germany (Houghton) to the Secretary of State\n\n"
        "Berlin, November 14, 1925—1 p.m.\n\n196. Department’s telegram number 196. "
        "Question 2: the Acting Chief stated yesterday that he would reply.\n\n[Paraphrase]\n\n"
        "For reasons explained in my despatch 295, control cannot be exerted.\n\nHoughton\n"
    )
    doc, _ = parse(text)
    assert not any(isinstance(b, Attachment) for b in doc.blocks)
    assert "[Paraphrase]" in [plain(b.content) for b in doc.blocks if isinstance(b, Paragraph)]


def test_under_a_telegram_note_printed_above_the_heading_the_date_line_is_text() -> None:
    # frus1870 d242, d393: "[Cable telegram.]" centred over the heading, a note
    # without a mark; the date line under the heading is a paragraph (5 of 5)
    text = (
        "No. 160. \n\nMr. Bancroft to Mr. Fish.\n\n"
        "Berlin, September 11, 1870. (Received September 11.)\n\n"
        "No time now for America to intervene.\n\nBANCROFT.\n\n  None. [Cable telegram.]\n"
    )
    doc, diags = parse(text)
    assert not any(isinstance(b, Dateline) for b in doc.blocks)
    assert "CC122" not in [d.code for d in diags]
    # a note above the heading that is not a bracketed note leaves the dateline be
    other = text.replace("[Cable telegram.]", "CORRESPONDENCE WITH THE LEGATION AT BERLIN.")
    assert any(isinstance(b, Dateline) for b in parse(other)[0].blocks)


def test_place_and_date_under_a_lettered_untitled_paper_are_text() -> None:
    # frus1870 d377-d390: the note "A." over "[Untitled]"; place and date are a
    # paragraph there (14 of 14), a date alone is the dateline (4 of 4)
    text = (
        "1\n\n[Untitled]\n\nChefoo, China, September 2, 1870.\n\n"
        "Sir: Permit us to submit to your consideration the following.\n\nJOHN SMITH.\n\n"
        "  1. A.\n"
    )
    doc, diags = parse(text)
    assert not any(isinstance(b, Dateline) for b in doc.blocks)
    assert "CC122" not in [d.code for d in diags]
    dated = text.replace("Chefoo, China, September 2, 1870.", "July 10, 1870.")
    assert any(isinstance(b, Dateline) for b in parse(dated)[0].blocks)
    titled = text.replace("[Untitled]", "Mr. Low to Mr. Fish.")
    assert any(isinstance(b, Dateline) for b in parse(titled)[0].blocks)


def test_a_bare_circular_note_under_the_heading_opens_the_text() -> None:
    # frus1870 d230, d75: "[Circular.]" and the date line after it are paragraphs
    text = "Mr. Bancroft to Mr. Fish.\n\n[Circular.]\n\nBerlin, July 29, 1870.\n\nThe text.\n"
    doc, _ = parse(text)
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Heading", "Paragraph", "Paragraph", "Paragraph"]


def test_a_chinese_calendar_date_before_the_western_one_is_warned_about() -> None:
    # frus1870 d333, d375: the Western date in brackets gives @when, and the
    # warning says so (the official @when of these mixes the two dates)
    text = (
        "Prince Kung to Mr. Low.\n\nTungchi, 7th Year, 11th Moon, 4th Day. "
        f"(December 17, 1868.)\n\n{BODY}"
    )
    assert when(text) == "1868-12-17"
    assert "CC124" in codes(text)
    western_first = (
        "Prince Kung to Mr. Low.\n\nJune 25, 1870. (Tungchi, 9th year, 5th moon, 27th day.)"
        f"\n\n{BODY}"
    )
    assert when(western_first) == "1870-06-25"
    assert "CC124" not in codes(western_first)


def test_a_ships_station_below_a_port_is_a_dateline() -> None:
    # frus1870 d399
    text = (
        "Rear-Admiral Rodgers to the Secretary of the Navy.\n\nUnited States Steamer Colorado, "
        "Flag ship of Asiatic Fleet, Wusung, below Shanghai, China, October 8, 1870.\n\n"
        f"{BODY}"
    )
    assert when(text) == "1870-10-08"


def test_a_receipt_in_another_month_is_noted_and_the_day_sent_kept() -> None:
    # frus1870, frus1872p2v5: the official @when of such datelines sometimes
    # takes the receipt's month with the day sent (48 of 84), sometimes not
    text = (
        "Mr. Washburne to Mr. Fish.\n\nLegation of the United States, Paris, "
        f"October 25, 1870. (Received November 14, 1870.)\n\n{BODY}"
    )
    assert when(text) == "1870-10-25"
    assert "CC125" in codes(text)
    same_month = text.replace("November 14", "October 30")
    assert when(same_month) == "1870-10-25"
    assert "CC125" not in codes(same_month)


def test_a_time_in_the_spaced_typography_of_the_1870s_is_not_in_when() -> None:
    # frus1870 d126, d532 (5 of 5); 'p.m.' from the 1890s on gives the time
    old = f"Mr. Washburne to Mr. Fish.\n\nLima, Peru, September 13, 1870—10.45 p. m.\n\n{BODY}"
    assert when(old) == "1870-09-13"
    new = f"Mr. Sharp to Mr. Lansing.\n\nParis, May 12, 1917—12.10 p.m.\n\n{BODY}"
    assert when(new) == "1917-05-12T12:10:00"


def test_a_date_line_after_a_title_and_a_bracketed_note_is_warned_about() -> None:
    # frus1864p3 d197: [Untitled], a title, [Translation.], then the date line
    text = (
        "[Untitled]\n\nThe Minister of the Marine to the Vice-Admiral at Cherbourg.\n\n"
        "[Translation.]\n\nCabinet of the Minister, Paris, June 15, 1864—noon.\n\n"
        "We cannot permit the Alabama to enter.\n"
    )
    assert "CC122" in codes(text)


MODERN = (
    "5. Memorandum of a Conversation, {dateline} 1\n\n{dateline}\n\n"
    "1. I reported what Lodge had told me.\n\nJFD\n\n"
    "  1. Source: Eisenhower Library, Dulles Papers. Secret.\n"
)


def test_a_time_in_a_volume_with_source_notes_carries_the_places_utc_offset() -> None:
    # frus1955-57v02 d5: ``1955-01-10T12:05:00-05:00``
    text = MODERN.format(dateline="Washington, January 10, 1955, 12:05 p.m.")
    assert when(text) == "1955-01-10T12:05:00-05:00"
    assert "CC126" not in codes(text)
    doc, _ = parse(text)
    assert validate.validate_tei(doc) == []
    assert validate.validate_model(doc) == []
    summer = MODERN.format(dateline="Washington, July 10, 1955, 12:05 p.m.")
    assert when(summer) == "1955-07-10T12:05:00-04:00"
    day_only = MODERN.format(dateline="Washington, January 10, 1955")
    assert when(day_only) == "1955-01-10"


def test_a_time_in_a_place_of_unknown_zone_is_written_without_offset_and_warned() -> None:
    text = MODERN.format(dateline="Taipei, January 10, 1955, 5 p.m.")
    assert when(text) == "1955-01-10T17:00:00"
    assert "CC126" in codes(text)


def test_times_in_volumes_without_source_notes_have_no_offset() -> None:
    text = f"Mr. Sharp to Mr. Lansing.\n\nWashington, May 12, 1917, 5 p.m.\n\n{BODY}"
    assert when(text) == "1917-05-12T17:00:00"
    assert "CC126" not in codes(text)


def test_an_exhibits_letter_between_heading_and_dateline_is_a_source_line() -> None:
    # frus1864p3 d442, d443 (2 of 2); frus1870 d247 prints ``II.`` there as text
    text = f"[Untitled]\n\nH.\n\nWar Department, Washington, D. C. August 11, 1864.\n\n{BODY}"
    assert front(text)[:3] == [
        ("Heading", "[Untitled]"),
        ("SourceNote", "H."),
        ("Dateline", "War Department, Washington, D. C. August 11, 1864."),
    ]
    roman = f"[Untitled]\n\nII.\n\nPillau, September 17, 1870.\n\n{BODY}"
    assert ("SourceNote", "II.") not in front(roman)


def test_a_place_above_the_text_under_untitled_is_a_letterhead_with_a_warning() -> None:
    # frus1864p3 d830, d831, d857 (3 of 5: frus1872p2v5 d112 prints it as text)
    text = (
        "[Untitled]\n\nOffice United States Military Telegraph, War Department.\n\n"
        "The following telegram received at Washington, October 15, 1864.\n\n"
        "The steamer arrived this morning.\n"
    )
    doc, diags = parse(text)
    opener = doc.blocks[1]
    assert isinstance(opener, Opener) and opener.role == "place"
    assert "CC127" in [d.code for d in diags]
    letter = text.replace("The following telegram", "Dear Sir: The following telegram")
    assert "CC127" not in codes(letter)  # a letter's place is not a letterhead


def test_a_bracketed_citation_of_a_newspaper_is_not_a_date() -> None:
    # frus1882 d253: under an enclosure's title
    text = (
        "Mr. Langston to Mr. Frelinghuysen.\n\nPort au Prince, May 20, 1882.\n\n"
        "Sir: I inclose a translation.\n\nI am, etc.,\n\nJ. M. LANGSTON.\n\n"
        "[Inclosure in No. 500.—Translation.]\n\nexecutions at st. marc.\n\n"
        "[From Le Moniteur, May 13, 1882.]\n\nMay 5, 1882, at 9 o’clock in the morning.\n"
    )
    doc, _ = parse(text)
    datelines = [plain(b.content) for b in _walk(doc.blocks) if isinstance(b, Dateline)]
    assert datelines == ["Port au Prince, May 20, 1882."]


def test_without_date_in_brackets_is_an_undated_dateline() -> None:
    # frus1897 d595; a title that says "without date" is not one (d600)
    text = f"Mr. Hubbard to Mr. Terrell.\n\nSivas [without date].\n\n{BODY}"
    assert ("Dateline", "Sivas [without date].") in front(text)
    assert "CC108" not in codes(text)


def _walk(blocks):  # type: ignore[no-untyped-def]
    for b in blocks:
        yield b
        if isinstance(b, Attachment):
            yield from _walk(b.blocks)


def test_a_date_line_with_a_misprinted_month_is_kept_as_text_with_a_warning() -> None:
    # frus1901 d405: "Januarg 30, 1901."
    text = (
        f"Mr. Hay to Mr. Storer.\n\nDepartment of State,\nWashington, Januarg 30, 1901.\n\n{BODY}"
    )
    assert "CC128" in codes(text)
    assert "CC128" not in codes(text.replace("Januarg", "January"))


def test_a_number_alone_under_an_enclosure_note_is_its_first_paragraph() -> None:
    # frus1901 d144, d145, d146: "[Inclosure.]" then "1." then the memorandum
    doc, _ = parse(
        "Mr. Jackson to Mr. Hay.\n\nBerlin, May 4, 1901.\n\nSir: I inclose a memorandum.\n\n"
        "I have, etc.,\n\nJohn B. Jackson.\n\n[Inclosure.]\n\n1.\n\n"
        "Nick Britten commenced a correspondence with the embassy in April, 1900.\n\n"
        "Britten was born in the Rheinprovinz in 1864.\n"
    )
    attachment = doc.blocks[-1]
    assert isinstance(attachment, Attachment)
    assert [type(b).__name__ for b in attachment.blocks] == [
        "SourceNote",
        "Paragraph",
        "Paragraph",
        "Paragraph",
    ]
    assert plain(attachment.blocks[1].content) == "1."  # type: ignore[union-attr]


def test_the_date_of_a_papers_title_is_not_its_dateline() -> None:
    # frus1901 d300: "Imperial ordinance No. 458 of December 27, 1899." under
    # the enclosure's title; frus1882 d117: "House resolution of January 31, 1882."
    text = (
        "Mr. Buck to Mr. Hay.\n\nTokyo, Japan, December 29, 1899.\n\n"
        "Sir: I inclose the ordinance.\n\nI have, etc.,\n\nA. E. Buck.\n\n[Inclosure.]\n\n"
        "the transfer of land.\n\nImperial ordinance No. 458 of December 27, 1899.\n\n"
        "The imperial ordinance No. 329, of the year 1899, is amended as follows:\n"
    )
    doc, _ = parse(text)
    datelines = [plain(b.content) for b in _walk(doc.blocks) if isinstance(b, Dateline)]
    assert datelines == ["Tokyo, Japan, December 29, 1899."]


def test_a_despatch_number_that_ends_the_document_is_a_source_note() -> None:
    # frus1864p3 d762 d763, frus1870 d455: the number of the next paper in the
    # series, cut off with this one; a letter there ("D.") is text
    text = (
        "Mr. Fish to Mr. Bart.\n\nWashington, October 29, 1870.\n\n"
        f"{BODY}\nHon. W. A. Bart, &c.\n\nNo. 272.\n"
    )
    doc, _ = parse(text)
    last = doc.blocks[-1]
    assert isinstance(last, SourceNote) and plain(last.content) == "No. 272."
    assert validate.validate_tei(doc) == []  # after the addressee, in the postscript
    lettered = text.replace("No. 272.", "D.")
    assert isinstance(parse(lettered)[0].blocks[-1], Paragraph)


def test_a_dateline_with_ordinal_days_before_the_western_date_is_read() -> None:
    # frus1870 d487: a misprint in the Japanese date ("loth") leaves the Western
    # date in brackets; the ordinals' endings ("15th") are no words of prose
    text = (
        "[Untitled]\n\nTokei, the 15th loth of the 12th Month, Meije, ( January 16, 1870.)\n\n"
        f"{BODY}"
    )
    assert front(text)[1][0] == "Dateline"
    assert when(text) == "1870-01-16"
    assert "CC124" in codes(text)


def test_a_dateline_whose_day_follows_a_comma_is_read_and_its_missing_year_warned() -> None:
    # frus1870 d533
    text = f"Mr. Elmore to Mr. A. P. Hovey.\n\nSeptember, 14, — 7.15 a. m.\n\n{BODY}"
    assert front(text)[1] == ("Dateline", "September, 14, — 7.15 a. m.")
    assert "CC108" in codes(text)


def test_an_exhibit_label_in_capitals_heads_its_paper() -> None:
    # frus1902app1 d33: "EXHIBIT A.", "[English version.]", the award; "EXHIBIT A A." later
    doc, _ = parse(
        "Mr. Foster to Mr. Asser.\n\nWashington, May 4, 1902.\n\nSir: I inclose the exhibits.\n\n"
        "I have, etc.,\n\nJohn W. Foster.\n\nEXHIBIT A.\n\n[English version.]\n\n"
        "Award of the Tribunal of Arbitration.\n\nThe tribunal decides as follows.\n\n"
        "EXHIBIT A A.\n\nCopy of a Note from the Privy Counselor Chichkine.\n\nThe note says so.\n"
    )
    attachments = [b for b in doc.blocks if isinstance(b, Attachment)]
    assert [plain(a.blocks[0].content) for a in attachments] == [  # type: ignore[union-attr]
        "EXHIBIT A.",
        "EXHIBIT A A.",
    ]
    assert all(isinstance(a.blocks[0], Heading) for a in attachments)


def test_a_sentence_under_an_enclosure_note_is_its_text_not_its_title() -> None:
    # frus1901 d435: "[Subinclosure.—Translation.]" then the certificate itself
    doc, _ = parse(
        "Mr. Thomas to Mr. Hay.\n\nChristiania, July 2, 1901.\n\nSir: I inclose a certificate.\n\n"
        "I have, etc.,\n\nW. W. Thomas, Jr.\n\n[Inclosure.—Translation.]\n\n"
        "I hereby certify that Johannes Peterson Hoiland notified me of his intention.\n\n"
        "Soren Westlye,\nFormerly District Commissioner.\n"
    )
    (attachment,) = [b for b in doc.blocks if isinstance(b, Attachment)]
    assert not any(isinstance(b, Heading) for b in attachment.blocks)
    assert isinstance(attachment.blocks[1], Paragraph)


def test_note_alone_under_an_enclosure_note_opens_its_text() -> None:
    # frus1897 d43: "[Inclosure.]" then "NOTE." then the note's text
    doc, _ = parse(
        "Mr. Storer to Mr. Sherman.\n\nBrussels, May 4, 1897.\n\nSir: I inclose a note.\n\n"
        "I have, etc.,\n\nBellamy Storer.\n\n[Inclosure.]\n\nNOTE.\n\n"
        "In the ports of Antwerp, Ghent, and Ostend wharfage and dock dues are levied.\n"
    )
    (attachment,) = [b for b in doc.blocks if isinstance(b, Attachment)]
    assert [type(b).__name__ for b in attachment.blocks] == ["SourceNote", "Paragraph", "Paragraph"]


MEMO = (
    "4. Memorandum of a Conversation, Department of State, Washington, January 7, 1955 1\n\n"
    "Washington, January 7, 1955\n\nPARTICIPANTS\nThe Secretary\nMr. Hoover\n\n"
    "SUBJECT\n{subject}\n\n"
    "The Secretary opened the meeting with Ambassador Lodge’s suggestion.\n\n"
    "  1. Source: Department of State, Central Files, 611.95A241/1–755. Top Secret.\n"
)


def test_a_memorandums_subject_ending_with_the_meetings_time_gives_when_its_time() -> None:
    # frus1955-57v02 d4: the dateline gives the day, the subject the meeting's time
    subject = "Release of U.S. Airmen—Meeting in Secretary’s Office, January 7, 1955, 4:00 p.m."
    assert when(MEMO.format(subject=subject)) == "1955-01-07T16:00:00-05:00"


def test_a_time_inside_a_subject_or_of_another_day_is_not_the_meetings() -> None:
    inside = "Telegram of January 7, 1955, 4:00 p.m., on the Release of U.S. Airmen"
    assert when(MEMO.format(subject=inside)) == "1955-01-07"
    other_day = "Meeting in Secretary’s Office, January 6, 1955, 4:00 p.m."
    assert when(MEMO.format(subject=other_day)) == "1955-01-07"


def test_the_number_of_an_act_under_an_exhibit_label_is_a_line_of_its_text() -> None:
    # frus1902app1 d32: "[Public—No. 136.]" over "AN ACT making …" is a
    # centred paragraph of the exhibit, not its source note
    text = (
        "Mr. Day to Mr. de Wollant.\n\nWashington, April 14, 1898.\n\nSir: The text.\n\n"
        "Very truly, yours,\n\nWilliam R. Day, Assistant Secretary.\n\nEXHIBIT D.\n\n"
        "[Public—No. 136.]\n\nAN ACT making appropriations to supply deficiencies.\n\n"
        "Be it enacted by the Senate, That the sums be appropriated.\n"
    )
    doc, _ = parse(text)
    (att,) = [b for b in doc.blocks if isinstance(b, Attachment)]
    kinds = [type(b).__name__ for b in att.blocks]
    assert kinds[:3] == ["Heading", "Paragraph", "Paragraph"]
    assert plain(att.blocks[1].content) == "[Public—No. 136.]"  # type: ignore[union-attr]


def test_an_exhibit_labelled_in_french_heads_its_attachment() -> None:
    # frus1902app1 d9: "PIÈCE PRODUITE A." under the signature, as EXHIBIT A.
    text = (
        "Mr. Hay to Mr. Asser.\n\nWashington, May 1, 1901.\n\nSir: The text.\n\n"
        "I have, etc.\n\nJohn Hay.\n\nPIÈCE PRODUITE A.\n\n[Translation.]\n\n"
        "The register of the bark.\n\nThe bark sailed.\n"
    )
    doc, _ = parse(text)
    (att,) = [b for b in doc.blocks if isinstance(b, Attachment)]
    assert isinstance(att.blocks[0], Heading)
    assert plain(att.blocks[0].content) == "PIÈCE PRODUITE A."


# ---- datelines of enclosures ---------------------------------------------------


def datelines(text: str) -> list[tuple[str, str | None]]:
    """(text, date/@when) of every dateline, the enclosures' too."""
    doc, _ = parse(text)
    out: list[tuple[str, str | None]] = []

    def walk(blocks: tuple[object, ...]) -> None:
        for block in blocks:
            if isinstance(block, Attachment):
                walk(block.blocks)
            elif isinstance(block, Dateline):
                dated = [n.when for n in block.content if isinstance(n, DateText)]
                out.append((plain(block.content), dated[0] if dated else None))

    walk(doc.blocks)
    return out


COVER = "No. 124.\nMr. Lowell to Mr. Frelinghuysen.\n\nLondon, May 4, 1882.\n\n" + BODY


def test_date_in_figures_with_a_shortened_year_takes_the_documents_century() -> None:
    """frus1882 d135: a prisoner's letter dated ``23, 2, ʼ82``."""
    text = COVER + "\n[Inclosure 1 in No. 350.]\n\nMr. McCormack to Mr. Barrows.\n\n"
    text += "Clonmel Prison, Tipperary, 23, 2, ʼ82.\n\nDear Sir: I beg.\n\n"
    text += "I am, &c.,\n\nJOHN R. McCORMACK\n"
    assert datelines(text)[1] == ("Clonmel Prison, Tipperary, 23, 2, ʼ82.", "1882-02-23")
    assert "CC123" in codes(text)  # the century is an assumption, and said so


def test_telegrams_second_dateline_is_where_it_came_in() -> None:
    """frus1894Nicaragua d58: sent from Colon, received at Managua."""
    text = COVER + "\n[Inclosure 1 in No. 58]\n\nCaptain Watson to Mr. Baker.\n\n[Telegram.]\n\n"
    text += "Colon, 8.15 p.m., May 3, 1894.\n\nManagua, 10 p.m., May 3, 1894.\n\n"
    text += "Have copies instructions sent you.\n\nWatson.\n"
    assert [d for d, _ in datelines(text)[1:]] == [
        "Colon, 8.15 p.m., May 3, 1894.",
        "Managua, 10 p.m., May 3, 1894.",
    ]


def test_telegrams_answered_under_the_dateline_are_the_text() -> None:
    """frus1925v02 d79: ``Your October 19, 1 p.m., …`` opens the text."""
    text = "890d.48/14: Telegram\n\nThe Secretary of State to the Consul at Beirut (Knabenshue)\n\n"
    text += "Washington, October 20, 1925—4 p.m.\n\nYour October 19, 1 p.m., October 19, 5 p.m.\n\n"
    text += "Navy Department is ordering two destroyers.\n\nKellogg\n"
    assert [d for d, _ in datelines(text)] == ["Washington, October 20, 1925—4 p.m."]


def test_a_drafts_dateline_with_its_day_left_blank_is_read_and_warned_about() -> None:
    """frus1934v05 d312: the draft note ``Port-au-Prince, July , 1934.``."""
    text = f"Draft Note From the Haitian Foreign Office\n\nPort-au-Prince, July , 1934.\n\n{BODY}"
    assert front(text)[1] == ("Dateline", "Port-au-Prince, July , 1934.")
    assert when(text) == "1934-07-01"
    assert "CC123" in codes(text)


def test_figures_that_could_be_day_or_month_are_read_day_first_and_warned_about() -> None:
    text = COVER + "\n[Inclosure 1 in No. 350.]\n\nMr. McCormack to Mr. Barrows.\n\n"
    text += "Clonmel Prison, Tipperary, 4, 7, 1882.\n\nDear Sir: I beg.\n\nI am, &c.,\n\nJ. McC.\n"
    assert datelines(text)[1] == ("Clonmel Prison, Tipperary, 4, 7, 1882.", "1882-07-04")
    assert "CC123" in codes(text)
    unambiguous = text.replace("4, 7, 1882", "23, 2, 1882")
    assert datelines(unambiguous)[1][1] == "1882-02-23"
    assert "CC123" not in codes(unambiguous)


def test_a_place_under_an_exhibits_label_is_the_exhibits_dateline() -> None:
    """frus1902app1 d5: the exhibits of a claim, the first a customs paper."""
    text = COVER + "\nEXHIBIT F.\n\nDistrict of San Francisco, Port of San Francisco.\n\n"
    text += "The United States of America.\n\nThese are to certify the bark is registered.\n"
    assert datelines(text)[1] == ("District of San Francisco, Port of San Francisco.", None)
