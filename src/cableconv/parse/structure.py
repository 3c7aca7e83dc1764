"""Structure recovery: a normalised transcription -> a :class:`Document`.

The document is read in three parts, as it is printed:

1. **front matter**: source lines, the heading, then in any order a source
   line (``[Telegram]``), an opener (classification) and the dateline;
2. **body**: paragraphs, lists, tables, page breaks; enclosures that start
   with a bracketed note (``[Inclosure 1 in No. 3.]``) and have their own
   heading and dateline; a signature closing each part;
3. **notes**: the final block listing the footnotes, whose markers are then
   found in the text before it.

Nothing is dropped: a block that fits nowhere becomes a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Literal

from cableconv.conventions import MONTHS, PAGE_MARKER, UNDATED
from cableconv.diagnostics import Diagnostic, Span
from cableconv.model import (
    Attachment,
    Block,
    Closer,
    Dateline,
    DateText,
    Document,
    Footnote,
    Heading,
    Inline,
    Inlines,
    LineBreak,
    ListBlock,
    NoteRef,
    Opener,
    PageBreak,
    PageBreakBlock,
    Paragraph,
    SourceNote,
    Table,
    Text,
    map_spans,
    plain,
)
from cableconv.notes import NoteEntry, anchor_notes, read_note_list
from cableconv.parse import closers, lists, pages, roles, sourceline, tables
from cableconv.parse.blocks import (
    InlineBuilder,
    Line,
    RawBlock,
    SpanOf,
    split_blocks,
)
from cableconv.parse.dates import find_date, find_figures_date, receipt_in_other_month, with_zone
from cableconv.parse.heading import mark_names

#: At most this many cosigners, addressees and postscripts each are looked
#: for after a signature (frus1864p3/d193 has eight signers); a longer run is
#: a list, and looking further would cost the square of its length.
MAX_AFTER_SIGNATURE = 12
#: The paragraphs of an editors' note in brackets under a signature
#: (frus1917Supp02v02: 3).
MAX_NOTE_PARAGRAPHS = 6
#: After a part's signature FRUS prints the addressee, a postscript or two:
#: more paragraphs than this mean the text went on (CC136).
MAX_POSTSCRIPT = 2


@dataclass
class ParseResult:
    document: Document
    diagnostics: list[Diagnostic] = field(default_factory=list)


def doc_id_for(stem: str) -> str:
    """An XML name for the document, from its file name (``d12`` stays ``d12``)."""
    cleaned = re.sub(r"[^\w.-]", "-", stem, flags=re.ASCII).strip("-.") or "doc"
    return cleaned if re.match(r"[A-Za-z_]", cleaned) else "d" + cleaned


class _Parser:
    """Reads the normalised text; every span it makes is in offsets of that
    text (so a node's sub-span is plain addition), and :func:`parse_text`
    moves them all into the transcription's offsets at the end."""

    def __init__(self, text: str, name: str) -> None:
        self.text = text
        self.name = name
        self.span: SpanOf = Span
        self.diags: list[Diagnostic] = []
        self.build: InlineBuilder
        self._cleaned: dict[tuple[int, int], RawBlock] = {}
        self.note_labels: frozenset[str] = frozenset()
        #: start of a block that is only a note's label -> the label
        self.lead_markers: dict[int, str] = {}
        #: (offset of the marker, text) of each note, in the order of the markers
        self.front_note_texts: list[tuple[int, str]] = []
        #: do times of day in @when carry their UTC offset? (see ``parse``)
        self.zoned_times = False
        #: the date and time of day a memorandum's subject gives (see
        #: :meth:`subject_time`), or None
        self.meeting_time: str | None = None
        #: the year of the first dateline read, which completes a shortened
        #: year in figures further on (``23, 2, ʼ82``)
        self.doc_year: int | None = None
        #: starts of the tables printed inside a list item, the list's next
        #: items in the block split off after each (:meth:`split_list_after_table`)
        self.tables_in_items: set[int] = set()

    # ---- diagnostics -------------------------------------------------------
    def report(self, code: str, message: str, start: int, end: int, hint: str = "") -> None:
        """A diagnostic at ``text[start:end]``; its level is the code's (``CODES``)."""
        self.diags.append(Diagnostic(code, message, Span(start, end), hint))

    # The level comes from the code; these two names read well where they are used.
    warn = error = report

    # ---- driver -----------------------------------------------------------
    def parse(self, doc_id: str) -> Document:
        blocks = split_blocks(self.text)
        notes: list[NoteEntry] = []
        if blocks:
            entries = read_note_list([(line.start, line.text) for line in blocks[-1].lines])
            if entries is not None and len(blocks) > 1:
                notes = entries
                blocks = blocks[:-1]
        body_end = blocks[-1].end if blocks else 0
        self.note_labels = frozenset(note.n for note in notes)
        anchors = anchor_notes(self.text, notes, [(b.start, b.text) for b in blocks], body_end)
        self.lead_markers = anchors.lead_blocks
        marked = {**anchors.markers, **anchors.lead_blocks}
        self.front_note_texts = _front_note_texts(self.text, notes, marked)
        self.diags.extend(anchors.diagnostics)
        markers = anchors.markers
        self.build = InlineBuilder(self.text, markers, self.span)
        footnotes = tuple(
            Footnote(
                note.n,
                tuple(self.build.run(note.text_start, note.text_end)),
                self.span(note.line_start, note.text_end),
                "source" if self.text.startswith("Source:", note.text_start) else "note",
            )
            for note in notes
        )
        # the born-digital volumes open their notes with the source note
        # (``Source: …``) and give a time of day with its UTC offset
        self.zoned_times = any(f.kind == "source" for f in footnotes)
        if not blocks:
            self.error("CC004", "the document is empty", 0, 0, hint="give at least a heading")
        self.meeting_time = self.subject_time(blocks)
        model_blocks = self.front_and_body(blocks)
        return Document(
            doc_id=doc_id,
            source_name=self.name,
            blocks=tuple(model_blocks),
            footnotes=footnotes,
            span=self.span(0, len(self.text)),
        )

    def clean(self, b: RawBlock) -> RawBlock:
        """The block without its footnote markers, for the role predicates:
        ``[Telegram—Extract] 2`` is still a source line.

        Each block is asked about several times, so the answer is kept; and
        each line is cut once at all its markers, as cutting a copy of the
        line per marker costs the line's length times its markers."""
        key = (b.start, b.end)
        cached = self._cleaned.get(key)
        if cached is not None:
            return cached
        inside = self.build.markers_in(b.start, b.end)
        cleaned = b if not inside else RawBlock(tuple(self._unmarked(b.lines, inside)))
        self._cleaned[key] = cleaned
        return cleaned

    def _unmarked(self, lines: tuple[Line, ...], markers: list[int]) -> list[Line]:
        """``lines`` without the markers at ``markers`` (sorted offsets)."""
        out: list[Line] = []
        k = 0
        for line in lines:
            parts: list[str] = []
            pos = 0
            while k < len(markers) and markers[k] < line.end:
                cut = markers[k] - line.start
                if cut >= pos:
                    parts.append(line.text[pos:cut])
                    pos = cut + 1 + len(self.build.markers[markers[k]])
                k += 1
            parts.append(line.text[pos:])
            out.append(Line(line.start, "".join(parts)))
        return out

    # ---- front matter -----------------------------------------------------
    def front_and_body(self, blocks: list[RawBlock]) -> list[Block]:
        out: list[Block] = []
        i = 0
        while i + 1 < len(blocks) and blocks[i].start in self.lead_markers:
            b = blocks[i]  # the marker of a note above the heading
            ref = NoteRef(self.lead_markers[b.start], self.span(b.start, b.end))
            out.append(Paragraph((ref,), self.span(b.start, b.end)))
            i += 1
        while i + 1 < len(blocks) and self.leads_heading(blocks, i):
            out.append(self.page_or_source(blocks[i]))
            i += 1
        if i < len(blocks):
            b = blocks[i]
            without = self.begins_without_heading(blocks, i)
            if without is not None:
                out.append(Heading((), self.span(b.start, b.start)))
                if without == "title":
                    out.append(Paragraph(self.build.lines(b.lines), self.span(b.start, b.end)))
                    i += 1
            else:
                out.append(self.heading(b))
                self.check_heading(b)
                i += 1
        else:
            self.warn("CC101", "no heading found", 0, 0, "the first block should be the heading")
        if self.letterhead_under_untitled(blocks, i, out):
            b = blocks[i]
            lines = tuple(self.build.line(ln) for ln in b.lines)
            out.append(Opener(lines, self.span(b.start, b.end), role="place"))
            self.warn(
                "CC127",
                "a place without a date above the text is taken as the paper's letterhead",
                b.start,
                b.end,
                hint="if it is the first line of the text, join it to the paragraph after it",
            )
            i += 1
        as_text = i > 0 and (
            self.noted_as_telegram(blocks[i - 1].end) or self.lettered_untitled(blocks, i, out)
        )
        i = self.opener_part(blocks, i, out, allow_heading=False, dateline=not as_text)
        if not as_text:
            self.check_text_start(blocks, i, out)
        out.extend(self.body(blocks[i:], dated=any(isinstance(x, Dateline) for x in out)))
        return out

    def letterhead_under_untitled(self, blocks: list[RawBlock], i: int, out: list[Block]) -> bool:
        """Under an ``[Untitled]`` heading, a place without a date (``Office
        United States Military Telegraph, War Department.``) and then text
        that is neither a dateline nor a letter opening with its salutation
        (that place is the dateline: :meth:`place_dateline`): the paper's
        letterhead, FRUS TEI's ``opener`` (frus1864p3: 3 of 5; frus1872p2v5
        prints ``United States of America, Department of State.`` there as
        text, so it is warned about)."""
        heading = out[-1] if out else None
        if not isinstance(heading, Heading) or not sourceline.is_untitled(plain(heading.content)):
            return False
        if i + 1 >= len(blocks) or not roles.is_place_line(self.clean(blocks[i])):
            return False
        after = self.clean(blocks[i + 1])
        return not roles.is_dateline(after) and not roles.opens_with_salutation(after)

    def lettered_untitled(self, blocks: list[RawBlock], i: int, out: list[Block]) -> bool:
        """An ``[Untitled]`` paper under the letter of its series (``A.``,
        ``B.``: a note above the heading, frus1870's enclosures to the
        despatches from China and Japan) whose first block gives place and
        date (``Chefoo, China, September 2, 1870.``): the vendor volume
        prints that line as text (14 of 14); a date alone there (``July 10,
        1870.``) is the dateline (4 of 4)."""
        heading = next((x for x in out if isinstance(x, Heading)), None)
        if heading is None or not sourceline.is_untitled(plain(heading.content)):
            return False
        if not any(
            at < blocks[i - 1].end and re.fullmatch(r"[A-Z]\.?", text)
            for at, text in self.front_note_texts
        ):
            return False
        c = self.clean(blocks[i]) if i < len(blocks) else None
        if c is None or len(c.lines) != 1 or not roles.is_dateline(c):
            return False
        found = find_date(c.text)
        return found is not None and c.text[: found.start].strip(" ,") != ""

    def noted_as_telegram(self, heading_end: int) -> bool:
        """Is a note above the heading a bracketed note on the paper
        (``[Cable telegram.]``, ``[Telegram.]``, ``[Confidential.]``)? The
        vendor volumes print it centred over the heading, as a note without a
        mark (``No. 160. `` then ``  None. [Cable telegram.]``), and the date
        line under the heading is then text, as under ``[By cable.]`` (5 of 5,
        frus1870)."""
        return any(
            at < heading_end and sourceline.is_bracketed_note(text)
            for at, text in self.front_note_texts
        )

    def begins_without_heading(self, blocks: list[RawBlock], i: int) -> str | None:
        """A document printed without a heading: its first block is a
        dateline broken after the place (``Department of State,⏎Washington,
        April 10, 1901.``), a salutation (``To the Senate:``) or a title in
        capitals or small capitals, which keep their letters' case, and text
        follows (``REJOINDER OF THE PARTY CLAIMANT.``, ``statement of the
        facts.``: the pleadings of frus1902app1; no document of the corpus
        has such a title as its heading). The heading is left empty, as the
        official volumes encode it, and a warning says so. Returns what the
        first block is, or ``None``."""
        c = self.clean(blocks[i])
        text = c.text.strip()
        if re.search(r"\bto\b", c.first) is None and (
            len(c.lines) > 1 and c.first.rstrip().endswith(",") and roles.is_dateline(c)
        ):
            what = "dateline"
        elif len(c.lines) == 1 and text.endswith(":") and len(text) <= 80 and i + 1 < len(blocks):
            what = "salutation"
        elif (
            len(c.lines) == 1
            and i + 1 < len(blocks)
            and (sourceline.is_section_title(text) or _is_small_capitals_title(text))
            and _reads_as_text(self.clean(blocks[i + 1]))
        ):
            what = "title"
        else:
            return None
        self.warn(
            "CC121",
            f"no heading: the document begins with its {what}"
            + (" in capitals or small capitals, kept as text" if what == "title" else ""),
            blocks[i].start,
            blocks[i].end,
            hint="if the document has a title, put it first, on a line of its own"
            if what != "title"
            else "if this title is the document's heading, write it as printed in a "
            "heading ('The Ambassador in Russia to the Secretary of State')",
        )
        return what

    def check_heading(self, b: RawBlock) -> None:
        """Warn when the block taken as the heading (the first one after the
        source lines) does not read as one."""
        c = self.clean(b)
        text = c.text.strip()
        if sourceline.is_untitled(text):
            return
        reason = None
        if text in self.note_labels or not text:
            # a note printed at the top of the page, before the heading (the
            # title of a series, frus1870): the TEI cannot put a paragraph there
            reason = "it is only the label of a note"
        elif len(c.lines) > 3 or len(text) > 400:
            reason = "it is as long as a paragraph"
        elif text.endswith(":"):
            reason = "it ends with a colon, as a salutation or an introduction does"
        elif sourceline.is_section_title(text) and "\n" not in text:
            reason = "it is in capitals, as a section title is"
        if reason is not None:
            self.warn(
                "CC120",
                f"heading taken by default: {reason}",
                b.start,
                b.end,
                hint="the heading is the first block after the source lines; "
                "check that the document's title comes first",
            )

    def check_text_start(self, blocks: list[RawBlock], i: int, out: list[Block]) -> None:
        """Warn when no dateline was read before the text and one of its
        first blocks reads like a dateline (``Paris, May 27, 1864.`` after a
        title that was not read as a source note)."""
        if any(isinstance(x, Dateline) for x in out):
            return
        if i < len(blocks) and _is_text_note(self.clean(blocks[i])):
            # the text opens with a note such as ``[By cable.]``: the date line
            # after it is printed, and encoded, as text (frus1870: 14 of 14)
            return
        seen = 0
        for b in blocks[i:]:
            if roles.is_page_block(b):
                continue
            c = self.clean(b)
            if len(c.lines) == 1 and sourceline.is_bracketed_note(c.first):
                continue  # ``[Translation.]`` between a title and the date (frus1864p3)
            if len(c.lines) == 1 and roles.is_dateline(c):
                if c.first.lstrip().startswith(_OPENING_QUOTES):
                    # ``“Versailles, November 8, 1870.``: the date of a paper
                    # the text quotes (no dateline of the 5,940 dev documents
                    # opens with a quotation mark; frus1870 d12)
                    return
                self.warn(
                    "CC122",
                    "this block reads like a dateline but stands in the text; kept as text",
                    b.start,
                    b.end,
                    hint="a dateline follows the heading and its source lines; "
                    "move it there, or check the block before it",
                )
                return
            misspelt = _misspelt_month(c)
            if misspelt is not None:
                self.warn(
                    "CC128",
                    f"this block ends like a dateline, but {misspelt!r} is not the name of a "
                    "month; kept as text",
                    b.start,
                    b.end,
                    hint="check the spelling of the month against the original",
                )
                return
            seen += 1
            if seen == 2:
                return

    def leads_heading(self, blocks: list[RawBlock], i: int) -> bool:
        """Is block ``i``, before the heading, a page turn or a source line?
        A section title in capitals counts only when a heading follows it."""
        b = blocks[i]
        c = self.clean(b)
        if roles.is_page_block(b) or roles.is_front_source(c, before_heading=True):
            return True
        if len(c.lines) != 1 or not sourceline.is_section_title(c.first):
            return False
        j = i + 1
        while j + 1 < len(blocks) and roles.is_front_source(
            self.clean(blocks[j]), before_heading=True
        ):
            j += 1
        return j < len(blocks) and roles.is_addressed_heading(self.clean(blocks[j]))

    def page_or_source(self, b: RawBlock) -> Block:
        if roles.is_page_block(b):
            m = PAGE_MARKER.search(b.first)
            assert m is not None
            start = b.start + m.start()
            return PageBreakBlock(m.group(1), self.span(start, b.start + m.end()))
        return SourceNote(self.build.lines(b.lines), self.span(b.start, b.end))

    def opener_part(
        self,
        blocks: list[RawBlock],
        i: int,
        out: list[Block],
        allow_heading: bool,
        dateline: bool = True,
        labelled: bool = False,
    ) -> int:
        """Source lines, heading (in enclosures), classification and dateline
        (unless ``dateline`` is false: then a date line is the text's).
        ``labelled``: the part opens under an attachment's label, where a
        bracketed line is its source note only when it says what kind of
        copy follows (:func:`roles.says_kind_of_copy`)."""
        seen_head = not allow_heading
        seen_opener = seen_dateline = False
        first = i
        while i < len(blocks):
            b = blocks[i]
            c = self.clean(b)
            heading_here = (
                not seen_head
                and not seen_dateline
                and i + 1 < len(blocks)
                and not roles.is_paragraph_number(c)
                and not (allow_heading and i == first and roles.opens_text(c))
                and (
                    roles.is_heading_like(c)
                    or (allow_heading and i == first and roles.is_enclosure_heading(c))
                )
            )
            if not seen_dateline and self.bracketed_dateline(blocks, i):
                out.append(self.dateline(b))
                seen_dateline = True
            elif roles.is_page_block(b) or (
                roles.is_front_source(c)
                and not seen_dateline
                and not (allow_heading and roles.names_enclosure(c))
                and not self.cites_under_untitled(out, c)
                and not (seen_head and _is_text_note(c))
                and not (
                    labelled and c.text.lstrip().startswith("[") and not roles.says_kind_of_copy(c)
                )
            ):
                out.append(self.page_or_source(b))
            elif heading_here and (
                re.search(r"\bto\b", c.text) is not None or not roles.is_dateline(c)
            ):
                out.append(self.heading(b))
                seen_head = True
            elif not seen_opener and not seen_dateline and roles.is_classification(c):
                lines = tuple(self.build.line(ln) for ln in b.lines)
                out.append(Opener(lines, self.span(b.start, b.end)))
                seen_opener = True
            elif (
                dateline
                and not seen_dateline
                and roles.is_dateline(c)
                and not closers.addressee_after_date(c)
            ):
                out.append(self.dateline(b))
                seen_dateline = True
            elif dateline and seen_dateline and self.received_dateline(out, c):
                out.append(self.dateline(b))
            elif (
                allow_heading and seen_head and not seen_dateline and self.place_dateline(blocks, i)
            ):
                out.append(self.dateline(b))  # warns that it holds no date
                seen_dateline = True
            elif (
                labelled
                and dateline
                and i == first
                and i + 1 < len(blocks)
                and roles.is_place_line(c)
            ):
                # a place right under an exhibit's label (``EXHIBIT F.`` then
                # ``District of San Francisco, Port of San Francisco.``,
                # frus1902app1: 2 of 2 the exhibit's dateline)
                out.append(self.dateline(b))  # warns that it holds no date
                seen_dateline = True
            elif not seen_dateline and self.numbers_despatch(blocks, i):
                out.append(self.page_or_source(b))
            elif heading_here:
                out.append(self.heading(b))
                seen_head = True
            else:
                break
            i += 1
        return i

    def received_dateline(self, out: list[Block], c: RawBlock) -> bool:
        """A telegram's second dateline, the place and hour it came in under
        the place and hour it was sent (``Colon, 8.15 p.m., May 3, 1894.`` /
        ``Managua, 10 p.m., May 3, 1894.``, frus1894Nicaragua d58): a line
        of place, date and time right under a dateline with a time; a line
        that opens on a date (``Your October 19, 1 p.m.``: the telegrams
        answered) names no place."""
        last = out[-1] if out else None
        return (
            isinstance(last, Dateline)
            and len(c.lines) == 1
            and re.match(r"[^\W\d_][^\d,]*,", c.text) is not None
            and find_date(c.text.split(",", 1)[0]) is None
            and not c.text.startswith(("Your ", "My ", "Our "))
            and roles.has_time_of_day(c.text)
            and roles.has_time_of_day(self.text[last.span.start : last.span.end])
            and roles.is_dateline(c)
        )

    @staticmethod
    def cites_under_untitled(out: list[Block], c: RawBlock) -> bool:
        """Right under an ``[Untitled]`` heading, the newspaper a piece was
        taken from (``[From the Times, Monday, September 19, 1870.]``,
        ``[Slip from Galignani …]``) is the first line of its text, as the
        vendor volumes of the 1860s and 1870s encode it; before the heading
        the same note is a source line."""
        return (
            bool(out)
            and isinstance(out[-1], Heading)
            and sourceline.is_untitled(plain(out[-1].content))
            and sourceline.cites_publication(c.text)
        )

    def bracketed_dateline(self, blocks: list[RawBlock], i: int) -> bool:
        """``[May 14, 1917.]``, ``[Undated—Circa July 1, 1919.]``: the editors'
        date of a paper that carries none, when no dateline follows."""
        c = self.clean(blocks[i])
        if not roles.is_bracketed_date(c):
            return False
        return i + 1 >= len(blocks) or not roles.is_dateline(self.clean(blocks[i + 1]))

    def numbers_despatch(self, blocks: list[RawBlock], i: int) -> bool:
        """``No. 445.]`` between a heading and its dateline (frus1864p3), or
        an exhibit's letter (``G.``, ``H.``: frus1864p3 d442, d443; 2 of 2).
        A letter that may be a roman numeral (``I.``, ``V.``) is not taken:
        frus1870 prints ``II.`` there as text (d247)."""
        c = self.clean(blocks[i])
        return (
            len(c.lines) == 1
            and (
                sourceline.is_despatch_number(c.first)
                or sourceline.is_exhibit_letter(c.first, roman=False)
            )
            and i + 1 < len(blocks)
            and roles.is_dateline(self.clean(blocks[i + 1]))
        )

    def numbers_next_paper(self, blocks: list[RawBlock], i: int) -> bool:
        """``No. 272.`` as the last block of a document, after its text: the
        number of the next paper in its series, printed above that paper's
        heading but cut off with this one, which FRUS TEI keeps as a source
        note where it stands (frus1864p3 d762 d763, frus1870 d455: 3 of 3;
        a letter there, ``D.``, is text: 4 of 4)."""
        c = self.clean(blocks[i])
        return i == len(blocks) - 1 and len(c.lines) == 1 and sourceline.is_despatch_number(c.first)

    def place_dateline(self, blocks: list[RawBlock], i: int) -> bool:
        """Under an enclosure's heading, a place without a date and then a
        letter that opens with its salutation: the place is the letter's
        dateline (``Bluefields, Mosquito Reservation, Nicaragua.`` then
        ``Dear Sir: …``; 3 of 3, frus1882, frus1894Nicaragua, frus1901)."""
        return (
            i + 1 < len(blocks)
            and roles.is_place_line(self.clean(blocks[i]))
            and roles.opens_with_salutation(self.clean(blocks[i + 1]))
        )

    def subject_time(self, blocks: list[RawBlock]) -> str | None:
        """The date and time a memorandum of conversation's subject ends with
        (``SUBJECT`` over, or on the line above, ``… Meeting in Secretary’s Office, January 7, 1955,
        4:00 p.m.``) in the born-digital volumes, whose date/@when of such a
        memorandum is the meeting's time when the dateline gives only the day
        (frus1955-57v02: 1 of 1). Only a subject line that ends with the time
        counts: a time named inside a sentence is another paper's."""
        if not self.zoned_times:
            return None
        for k, b in enumerate(blocks[:12]):
            head = self.clean(b)
            if head.first.strip() != "SUBJECT":
                continue
            if len(head.lines) > 1:
                text = head.text.split("\n", 1)[1].strip()
            elif k + 1 < len(blocks):
                text = self.clean(blocks[k + 1]).text.strip()
            else:
                return None
            found = find_date(text)
            if found is not None and found.when and "T" in found.when and found.end == len(text):
                return found.when
            return None
        return None

    def heading(self, b: RawBlock) -> Heading:
        return Heading(mark_names(self.build.lines(b.lines)), self.span(b.start, b.end))

    def dateline(self, b: RawBlock) -> Dateline:
        content = list(self.build.lines(b.lines))
        for k, node in enumerate(content):
            if not isinstance(node, Text):
                continue
            found = find_date(node.text) or find_figures_date(node.text, self.doc_year)
            if found is None:
                continue
            if self.doc_year is None and found.when:
                self.doc_year = int(found.when[:4])
            if found.problem:
                self.error(
                    "CC109",
                    found.problem,
                    node.span.start + found.start,
                    node.span.start + found.end,
                    hint="check the day and month against the original",
                )
            east = roles.east_asian_date_at(node.text)
            if east is not None and east < found.start:
                self.warn(
                    "CC124",
                    "the dateline gives the date of the Chinese or Japanese calendar first; "
                    "date/@when is the Western date after it",
                    b.start,
                    b.end,
                    hint="check the date/@when written against the original",
                )
            if receipt_in_other_month(node.text, found):
                self.warn(
                    "CC125",
                    "the receipt after the date names another month; date/@when is the day "
                    "the paper was sent",
                    b.start,
                    b.end,
                    hint="some vendor volumes encode such a date with the receipt's month "
                    "and the day sent; cableconv keeps the day sent, as the text prints it",
                )
            if self.meeting_time and found.when and self.meeting_time.startswith(found.when + "T"):
                found = replace(found, when=self.meeting_time)
            if self.zoned_times and found.when and "T" in found.when:
                zoned = with_zone(node.text, found)
                if zoned is None:
                    self.warn(
                        "CC126",
                        "time of day in a place whose time zone is not known: "
                        "date/@when is written without its UTC offset",
                        b.start,
                        b.end,
                        hint="add the place to PLACE_TIME_ZONES in cableconv/conventions.py",
                    )
                else:
                    found = replace(found, when=zoned)
            if found.assumed:
                self.warn(
                    "CC123",
                    f"date completed by assumption: {found.assumed}",
                    b.start,
                    b.end,
                    hint="check the date/@when written against the original",
                )
            parts: list[Inline] = []
            t = node.text
            if found.start:
                parts.append(Text(t[: found.start], self._sub(node.span, 0, found.start)))
            parts.append(
                DateText(
                    t[found.start : found.end],
                    found.when if not found.problem or found.when else None,
                    self._sub(node.span, found.start, found.end),
                )
            )
            if found.end < len(t):
                parts.append(Text(t[found.end :], self._sub(node.span, found.end, len(t))))
            content[k : k + 1] = parts
            break
        else:
            if not UNDATED.search(b.text):
                self.warn(
                    "CC108",
                    "dateline has no date that can be read",
                    b.start,
                    b.end,
                    hint="write the date as 'June 23, 1936' or '23 June 1936'",
                )
        return Dateline(tuple(content), self.span(b.start, b.end))

    @staticmethod
    def _sub(span: Span, start: int, end: int) -> Span:
        """The span of ``text[start:end]`` of a node whose span is ``span``."""
        return Span(span.start + start, span.start + end)

    # ---- body ---------------------------------------------------------------
    def body(self, blocks: list[RawBlock], dated: bool = False) -> list[Block]:
        """The blocks after the front; ``dated``: the front has a dateline."""
        out: list[Block] = []
        target = out
        attachment: list[Block] | None = None
        att_start = 0
        has_text = False  # has the current part (document or enclosure) text yet?
        signed: Closer | None = None  # the part's signature, if only postscript followed
        i = 0
        while i < len(blocks):
            b = blocks[i]
            c = self.clean(b)
            labelled = roles.is_attachment_label(c)
            if (
                has_text
                and i + 1 < len(blocks)
                and (
                    roles.is_paper_title(c)
                    or (
                        # the block first: looking back past the page breaks under a
                        # signature for each of them costs the square of their number
                        roles.is_paper_title_after_signature(c)
                        and (_signs_last(target) or _addressed_last(target))
                        # a note in brackets under it is its source note or a line of
                        # the text (3 and 4 of 7 in the corpus): left as it was, but
                        # for the note that says what kind of copy the paper is
                        # (``Memorandum.`` then ``[Translation.]``: 3 of 3 its source)
                        and (not self._bracketed_next(blocks, i) or self._kind_note_next(blocks, i))
                    )
                )
                and not self.clean(blocks[i - 1]).text.rstrip().endswith(":")
            ) or self.heads_letter(blocks, i, target):
                # a paper printed in the text of another: an attachment under its
                # title; or the next letter printed under this one's signature
                # (frus1901 d265)
                if attachment is not None:
                    end = blocks[i - 1].end
                    out.append(Attachment(tuple(attachment), self.span(att_start, end)))
                attachment = [self.heading(b)]
                att_start = b.start
                target = attachment
                has_text = False
                signed = None
                i = self.opener_part(blocks, i + 1, attachment, allow_heading=False)
                continue
            placed = has_text and self.places_next_certificate(blocks, i, target)
            if placed or (has_text and self.dates_next_letter(blocks, i, target)):
                # the next letter of the papers, printed under this one's
                # signature with its dateline and no note, or the certificate
                # under it with its place (frus1902app1)
                if attachment is not None:
                    end = blocks[i - 1].end
                    out.append(Attachment(tuple(attachment), self.span(att_start, end)))
                attachment = [self.dateline(b)] if placed else []  # a place: CC108
                att_start = b.start
                target = attachment
                has_text = False
                signed = None
                i = self.opener_part(blocks, i + placed, attachment, allow_heading=False)
                continue
            note_at = self.heads_enclosure(blocks, i, target)
            if note_at is not None:
                # the enclosure's heading printed above its note (frus1901)
                if attachment is not None:
                    end = blocks[i - 1].end
                    out.append(Attachment(tuple(attachment), self.span(att_start, end)))
                attachment = [self.heading(b)]
                attachment.extend(self.page_or_source(x) for x in blocks[i + 1 : note_at + 1])
                self.check_note_brackets(blocks[note_at])
                att_start = b.start
                target = attachment
                has_text = False
                signed = None
                i = self.opener_part(blocks, note_at + 1, attachment, allow_heading=False)
                continue
            in_text = None if labelled else self.kind_note_in_text(b, target, has_text, signed)
            if in_text is not None:
                target.append(in_text)
                i += 1
                continue
            if (labelled or self.starts_enclosure(blocks, i)) and i + 1 < len(blocks):
                if attachment is not None:
                    end = blocks[i - 1].end
                    out.append(Attachment(tuple(attachment), self.span(att_start, end)))
                titled = labelled and self.titled_under_label(blocks, i)
                first: Block = (
                    self.heading(b)
                    if labelled and not titled
                    else SourceNote(self.build.lines(b.lines), self.span(b.start, b.end))
                )
                if not labelled:
                    self.check_note_brackets(b)
                attachment = [first]
                att_start = b.start
                target = attachment
                has_text = False
                signed = None
                if titled:
                    attachment.append(self.heading(blocks[i + 1]))
                    i += 1
                i = self.opener_part(
                    blocks, i + 1, attachment, allow_heading=not labelled, labelled=labelled
                )
                continue
            if has_text and self.numbers_next_paper(blocks, i):
                target.append(self.page_or_source(b))
                i += 1
                continue
            if tables.is_table(c) or tables.rows_before_list(c):
                blocks = self.split_list_after_table(blocks, i)
            noted = self.rows_with_notes(blocks, i) if has_text else None
            if noted is not None:
                target.append(noted[0])
                i = noted[1]
                continue
            run = (
                (
                    self.sealed_run(blocks, i)
                    or self.seal_over_signers_run(blocks, i)
                    or self.port_run(blocks, i)
                    or self.alternating_run(blocks, i)
                    or self.closer_run(blocks, i)
                )
                if has_text
                else None
            )
            if run is not None:
                _demote_inner_signature(target)
                target.append(run[0])
                signed = run[0]
                i = run[1]
                continue
            closing = (
                None if attachment is not None else self.closing_dateline(blocks, i, out, dated)
            )
            if closing is not None:
                target.append(closing)
                i += 1
                continue
            block = self.body_block(blocks, i, has_text, signed)
            has_text = has_text or isinstance(block, Paragraph | ListBlock | Table)
            signed = self._signed_after(signed, block)
            if isinstance(block, ListBlock) and isinstance(block.items[0], PageBreakBlock):
                # "[Page 17]" then items, right after a blank line: the page turned
                # inside a list, so these items continue the list before it
                prev = target[-1] if target else None
                if isinstance(prev, ListBlock | Paragraph):
                    target[-1] = self.continue_list(prev, block)
                    i += 1
                    continue
            if isinstance(block, Closer):
                _demote_inner_signature(target)
            target.append(block)
            i += 1
        if attachment is not None:
            out.append(Attachment(tuple(attachment), self.span(att_start, blocks[-1].end)))
        parts: list[list[Block]] = [[b for b in out if not isinstance(b, Attachment)]]
        parts += [list(b.blocks) for b in out if isinstance(b, Attachment)]
        for part in parts:
            self.check_signatures(part)
            self.check_signatories(part)
            self.check_deponent(part)
        return out

    def closing_dateline(
        self, blocks: list[RawBlock], i: int, part: list[Block], dated: bool
    ) -> Closer | None:
        """A place and date on the last line of a paper that has no dateline
        before its text, right under its signature in capitals (``GENERAL
        TROCHU.`` then ``Paris, August 24, 1870.``): the paper's dateline,
        which FRUS TEI holds in a closer of its own (frus1870: 6 of 6; the
        3 such lines of frus1864p3 are paragraphs, so it is warned about).
        Only in the document's own text: under an enclosure's signature the
        line is a paragraph (frus1882). After a signature that is not in
        capitals (``Woodrow Wilson`` then ``The White House, 6 April,
        1917.``, frus1917Supp02v02, frus1925v02: 4 of 4), or where a dateline
        stands before the text (frus1870 to frus1901: 8 of 9), the line is a
        paragraph (:meth:`body_block`)."""
        b = blocks[i]
        c = self.clean(b)
        # the block first: the part is scanned only for a date line, not for
        # each of thousands of page breaks under a signature
        if (
            dated
            or len(c.lines) != 1
            or not roles.is_dateline(c)
            or self._next_text(blocks, i + 1) < len(blocks)
        ):
            return None
        if any(isinstance(x, Dateline) for x in part):
            return None
        last = next((x for x in reversed(part) if not isinstance(x, PageBreakBlock)), None)
        if not isinstance(last, Closer) or not closers.caps_words(plain(last.content)):
            return None
        line = self.dateline(b)
        self.warn(
            "CC129",
            "the place and date under the signature are read as the paper's dateline, "
            "in a closer of its own",
            b.start,
            b.end,
            hint="the paper has no dateline before its text; if this line is text "
            "(a paragraph after the closer), the date/@when of the document is not its own",
        )
        return Closer(line.content, line.span, (("dateline", 0, len(line.content)),))

    def titled_under_label(self, blocks: list[RawBlock], i: int) -> bool:
        """Is the attachment label in brackets at block ``i`` (``[Annex 1]``)
        the source note of a paper whose title follows it, the title its head
        (:func:`roles.is_title_under_label`)? Two volumes of the corpus, two
        ways: warned."""
        c = self.clean(blocks[i])
        if not c.first.lstrip().startswith("[") or i + 2 >= len(blocks):
            return False
        if not roles.is_title_under_label(self.clean(blocks[i + 1])):
            return False
        self.warn(
            "CC161",
            "attachment label read as the source note of the title under it",
            blocks[i].start,
            blocks[i].end,
            hint="the line under the label is taken as the attachment's head; if the "
            "label is the head (as [Tab A] over its text), the title is a paragraph",
        )
        return True

    def check_note_brackets(self, b: RawBlock) -> None:
        """Warn when an enclosure's note was read with its brackets broken
        (:func:`roles.bracket_repaired`): the text keeps them as typed."""
        mended = roles.bracket_repaired(self.clean(b).first.strip())
        if mended is not None:
            self.warn(
                "CC130",
                "an enclosure's note with broken brackets is read as the enclosure's source note",
                b.start,
                b.end,
                hint=f"if it is the note, mend its brackets as printed: {mended}",
            )

    def heads_enclosure(self, blocks: list[RawBlock], i: int, part: list[Block]) -> int | None:
        """Is block ``i`` the heading of an enclosure printed above the
        enclosure's note: right after a signature, an addressed heading
        (``Mr. Thomas to the minister for foreign affairs.``) and then, page
        breaks aside, ``[Inclosure 1.]`` (11 of 11 in the corpus, frus1901,
        frus1872p2v5, frus1919Parisv11)? The heading names its writer as a
        heading does (:func:`roles.names_writer`): a postscript that says
        ``to`` (``P. S.—The governor of Grey Town expects troops …, intended
        to be sent to Bluefields``, frus1894Nicaragua d81) is the text's.
        Returns where the note stands."""
        c = self.clean(blocks[i])
        if len(c.lines) != 1 or not roles.is_addressed_heading(c) or not roles.names_writer(c):
            return None  # read first: cheaper than looking back past page breaks
        last = next((x for x in reversed(part) if not isinstance(x, PageBreakBlock)), None)
        if last is None or not _signs(last):
            return None
        j = self._next_text(blocks, i + 1)
        if j + 1 < len(blocks) and self.starts_enclosure(blocks, j):
            return j
        return None

    def dates_next_letter(self, blocks: list[RawBlock], i: int, part: list[Block]) -> bool:
        """Is block ``i`` the dateline of the next letter of the papers,
        printed under the signature of the one before (and the name of the
        person it was written to) with no note or heading over it: a place
        and a date, then the text opening with its salutation (``Mississippi
        City, Miss., May 16, 1896.`` then ``Sir: Referring to …``)? FRUS TEI
        starts an attachment with that dateline 3 times of 4 in the corpus
        (frus1882, frus1902app1); the other is a paragraph (``Executive
        Mansion,⏎Washington, January 14, 1898.`` over ``The President: A
        convention …``), so it is warned about (CC139). Under a title
        (``Copy of a letter from …``, frus1870) the place and date are a
        paragraph. Asked of every block of a body, the cheapest questions
        first: is a signature over it, then is it a dateline."""
        c = self.clean(blocks[i])
        if len(c.lines) > 2:
            return False
        last, before = _last_two(part)
        if last is None or not (
            _signs(last) or (isinstance(last, Paragraph) and before is not None and _signs(before))
        ):
            return False  # no signature over it
        if not roles.is_dateline(c):
            return False
        j = self._next_text(blocks, i + 1)
        if j + 1 >= len(blocks) or not roles.opens_with_salutation(self.clean(blocks[j])):
            return False
        if isinstance(last, Paragraph) and not _reads_as_addressee(last):
            return False  # a title over it (``Copy of a letter from …``, frus1870 d439)
        self.warn(
            "CC139",
            "the place and date under a signature are read as the dateline of the next letter",
            c.start,
            c.end,
            hint="the letter after it starts an attachment with this dateline; "
            "if the date is the signed letter's, it is a paragraph after its closer",
        )
        return True

    def places_next_certificate(self, blocks: list[RawBlock], i: int, part: list[Block]) -> bool:
        """Is block ``i`` the place of a certificate printed under the
        signature of the paper before it, or under the name of the person
        that paper was written to: a place without a date (``Embassy of the
        United States of America,⏎St. Petersburg, Russia.``), then ``I,
        Herbert J. Hagerman, second secretary …, do hereby certify …``? FRUS
        TEI starts an attachment with the place as its dateline (frus1902app1:
        9 of 9 so placed). The place is an office or a district and says
        whose (``… of …``): a name over a deposition is none (``Paul
        Osterhout, M. D.``)."""
        if len(blocks[i].lines) > 3 or roles.is_page_block(blocks[i]):
            return False  # asked first: a page break would look ahead past its run
        j = self._next_text(blocks, i + 1)
        if j >= len(blocks) or not blocks[j].first.startswith("I, "):
            return False  # the common case
        c = self.clean(blocks[i])
        if len(c.lines) > 3 or len(c.text) > 160:
            return False
        last, before = _last_two(part)
        if last is None or not (
            _signs(last) or (isinstance(last, Paragraph) and before is not None and _signs(before))
        ):
            return False  # no signature over it
        place = RawBlock((Line(c.start, " ".join(ln.text.strip() for ln in c.lines)),))
        if not roles.is_place_line(place) or not re.search(r"\b(?:of|and)\b", place.first):
            return False
        if not closers.opens_certificate(self.clean(blocks[j]).first):
            return False
        return not isinstance(last, Paragraph) or _reads_as_addressee(last)

    def heads_letter(self, blocks: list[RawBlock], i: int, part: list[Block]) -> bool:
        """Is block ``i`` the heading of a letter printed after the signature
        of the paper before it, with no note between them: one line that
        names its writers and the person written to (``Governor Longino to
        Mr. Hay.``, ``President Wilson, M. Clemenceau, and Signor Orlando to
        Mr. Lloyd George``) and then, page breaks aside, a dateline (frus1901
        d265, frus1919Parisv11 d234, frus1894Nicaragua d66 d91: 9 of the 10
        such lines in the corpus; the other opens with ``Copy of a letter
        from the secretary …``, whose writer is not named as a heading names
        him) or the text opening on its salutation (``William McKinley,
        President …, to Her Majesty Victoria …`` then ``Great and Good
        Friend: …``, frus1897) (:meth:`_heads_next_letter`). The block is
        read first: looking back past the page breaks under a signature for
        every one of them costs the square of their number."""
        if not self._heads_next_letter(blocks, i):
            return False
        last = next((x for x in reversed(part) if not isinstance(x, PageBreakBlock)), None)
        return last is not None and _signs(last)

    def kind_note_in_text(
        self, b: RawBlock, part: list[Block], has_text: bool, signed: Closer | None
    ) -> Block | None:
        """A note that names only the kind of paper (``[Translation.]``,
        ``[Paraphrase]``, not ``[Inclosure 2.]``) inside the text of a part,
        before any signature, starts no enclosure. Under the title of a
        paper that has no dateline (``Memorandum.``, ``REGULATION.``, ``Rules
        in regard to belligerent vessels in French ports.``) it is the
        paper's source note, where it stands (frus1864p3, frus1870: 5 of 5);
        after running text it is a line of the text (``[Paraphrase]`` before
        the paraphrased part of a telegram, frus1925v02; ``[Translation.]``
        before a translated speech, frus1864p3, frus1901: 8 of 8). A note
        citing the paper an extract is from (``[Extract from the American
        Correspondence …]``) still starts one (frus1882). A note that opens
        the text (``[By cable.]``, ``[Circular.]``, :func:`_is_text_note`) is
        its first paragraph, not an enclosure's note."""
        c = self.clean(b)
        span = self.span(b.start, b.end)
        if not part and _is_text_note(c):
            return Paragraph(self.build.line(b.lines[0]), span)  # the text's first line
        if (
            not has_text
            or signed is not None
            or not roles.is_enclosure_note(c)
            or roles.names_enclosure(c)
            or sourceline.cites_publication(c.first)
        ):
            return None
        text = [x for x in part if not isinstance(x, PageBreakBlock | SourceNote | Heading)]
        titles = [x for x in text if isinstance(x, Paragraph) and _is_title(x)]
        if text and len(text) <= 2 and len(titles) == len(text):
            return SourceNote(self.build.lines(b.lines), span)
        return Paragraph(self.build.line(b.lines[0]), span)

    def starts_enclosure(self, blocks: list[RawBlock], i: int) -> bool:
        """Does block ``i`` of the body start an enclosure with its note? An
        ``[Inclosures.]`` note does only when the list of them follows as one
        block (:func:`roles.is_enclosures_note`)."""
        c = self.clean(blocks[i])
        if not roles.is_enclosure_note(c):
            return False
        if not roles.is_enclosures_note(c):
            return True
        j = self._next_text(blocks, i + 1)
        return j < len(blocks) and len(blocks[j].lines) > 1

    def split_list_after_table(self, blocks: list[RawBlock], i: int) -> list[RawBlock]:
        """Block ``i`` is a table; when its last lines are items of a list
        (``(m) In view of …`` on the line after the last row), the table
        was printed inside an item of that list: the items become a block of
        their own after the table, which says it stood in an item
        (``Table.role``, written as FRUS TEI's ``list/item/table``, 9 of 9 in
        the corpus), and a warning says so."""
        b = blocks[i]
        k = tables.list_after(b)
        if k == len(b.lines):
            return blocks
        self.warn(
            "CC146",
            "the last lines of a table read as the next items of the list it was printed in",
            b.lines[k].start,
            b.end,
            hint="the table is written inside a list item, these lines as the items after "
            "it: check where the table ends",
        )
        self.tables_in_items.add(b.start)
        return [*blocks[:i], RawBlock(b.lines[:k]), RawBlock(b.lines[k:]), *blocks[i + 1 :]]

    def rows_with_notes(self, blocks: list[RawBlock], i: int) -> tuple[Table, int] | None:
        """Block ``i`` is a table; when the notes in parentheses on its last
        row follow it, each a block of its own or the first line of the
        rows that go on under them (``Triumph July 11, 1889`` then ``(Ordered
        out of Behring Sea by Rush.`` then ``(?) As to position when
        warned.⏎Black Diamond do 35 miles Do.``, frus1902app1 d33), the
        notes are paragraphs in a cell after that row's, and the rows after
        them the same table's (FRUS TEI's ``cell/p``, 1 of 1 in the
        corpus). Returns the table and the index of the block after it."""
        j = i + 1
        while j < len(blocks) and len(blocks[j].lines) == 1 and tables.row_note(blocks[j].first):
            j += 1
        if j == len(blocks) or not tables.note_over_rows(self.clean(blocks[j])):
            return None
        c = self.clean(blocks[i])
        if blocks[i].start in self.tables_in_items or not (
            tables.is_table(c) or self.announced_table(blocks, i)
        ):
            return None
        notes = [blocks[k].lines[0] for k in range(i + 1, j)] + [blocks[j].lines[0]]
        cell: list[Inline] = []
        for k, line in enumerate(notes):
            if k:
                gap = notes[k - 1].end
                cell += [
                    LineBreak(self.span(gap, gap + 1)),
                    LineBreak(self.span(gap + 1, line.start)),
                ]
            cell += self.build.line(line)
        rows = [self.cells(line) for line in blocks[i].lines]
        rows[-1] = (*rows[-1], tuple(cell))
        rows += [self.cells(line) for line in blocks[j].lines[1:]]
        return Table(tuple(rows), self.span(blocks[i].start, blocks[j].end)), j + 1

    def _ends_part(self, blocks: list[RawBlock], i: int, past_addressee: bool = False) -> bool:
        """Is block i the last of the document or of an enclosure (page breaks
        aside)? With ``past_addressee``, also when only more signers, the
        addressees and postscripts after them follow (``WM. L. DAYTON.`` then
        ``Hon. William H. Seward, Secretary of State.``)."""
        j = self._next_text(blocks, i + 1)
        if past_addressee:
            for follows in (closers.is_cosigner, closers.is_addressee, _is_postscript_or_date):
                for _ in range(MAX_AFTER_SIGNATURE):
                    if j == len(blocks) or not follows(self.clean(blocks[j])):
                        break
                    if closers.introduces_postscript(self.clean(blocks[j])):
                        j += 1  # ``Approved:``, then who approved
                    j = self._next_text(blocks, j + 1)
            # the addressee printed after the postscript (``P. S.—To save time
            # …`` then ``His Excellency the Minister of the United States``,
            # frus1870)
            for _ in range(MAX_AFTER_SIGNATURE):
                if j == len(blocks) or not closers.is_addressee(self.clean(blocks[j])):
                    break
                j = self._next_text(blocks, j + 1)
        if j == len(blocks):
            return True
        nxt = self.clean(blocks[j])
        if self._next_text(blocks, j + 1) == len(blocks) and (
            _is_editors_note(nxt) or (len(nxt.lines) == 1 and roles.is_dateline(nxt))
        ):
            # the editors' note that ends the document (``[For a summary of
            # the state of British negotiations …]``, frus1917Supp02v02,
            # frus1934v05), or the place and date printed under the signature
            # (``Rome, January 26, 1897.``, frus1897, frus1901, frus1925v02):
            # FRUS TEI prints either as a paragraph after the closer
            return True
        if self._editors_note_ends(blocks, j):
            return True
        if (
            j + 1 < len(blocks)
            and roles.is_paper_title(nxt)
            and not self.clean(blocks[j - 1]).text.rstrip().endswith(":")
        ):
            # the title of the next paper printed in the same document
            # (``Lansing`` then ``Public Statement Issued by the Exports
            # Administrative Board, September 29, 1917``, frus1917Supp02v02,
            # frus1919Parisv11, frus1925v02): the part ends before it
            return True
        return (
            roles.is_enclosure_note(nxt)
            or roles.is_attachment_label(nxt)
            or roles.is_enclosure_in_text(nxt)
            or self._heads_next_letter(blocks, j)
        )

    def _heads_next_letter(self, blocks: list[RawBlock], j: int) -> bool:
        """Is block ``j`` the heading of the next letter, its writer and the
        person written to, with a dateline under it or the text opening on
        its salutation (:meth:`heads_letter` without the signature over it,
        which the caller asks about)?"""
        c = self.clean(blocks[j])
        if len(c.lines) != 1 or not roles.is_addressed_heading(c) or not roles.names_writer(c):
            return False
        k = self._next_text(blocks, j + 1)
        if k >= len(blocks):
            return False
        under = self.clean(blocks[k])
        return (k + 1 < len(blocks) and roles.is_dateline(under)) or roles.opens_with_salutation(
            under
        )

    def _editors_note_ends(self, blocks: list[RawBlock], j: int) -> bool:
        """Do the blocks from ``j`` to the end (page breaks aside) make one
        editors' note of several paragraphs, its bracket opened on the first
        and closed only on the last (``[Regarding the negotiations with the
        Swiss representatives …:`` … ``… post, page 1185.]`` under ``Sharp``,
        frus1917Supp02v02)? FRUS TEI prints it as paragraphs after the closer."""
        texts: list[str] = []
        k = j
        while k < len(blocks):
            if len(texts) == MAX_NOTE_PARAGRAPHS:
                return False
            texts.append(self.clean(blocks[k]).text.strip())
            k = self._next_text(blocks, k + 1)
        return _is_long_editors_note(texts)

    def closer_run(self, blocks: list[RawBlock], i: int) -> tuple[Closer, int] | None:
        """A closer printed over several blocks, from block ``i``: the line
        saying for whom it is signed (``For the Secretary of State:``), the
        signature, the signer's office on lines of its own (``Counselor of
        Embassy``), as FRUS TEI keeps them in one ``closer`` with only the
        name ``signed``. Only where the part ends after it (but for
        addressees and postscripts), and only when there is more than the
        signature (the signature alone is :meth:`body_block`'s). Returns the
        closer and the index of the block after it."""
        k = i
        lead = (
            closers.is_closer_lead(self.clean(blocks[k]))
            or self.office_leads_name(blocks, k)
            or self.signing_body_over_name(blocks, k)
        )
        if lead:
            k += 1
        if k >= len(blocks):
            return None
        name = self.clean(blocks[k])
        agent = closers.agent_line(name)
        if (
            (
                not roles.is_signature(name)
                and agent is None
                and not (lead and roles.is_slipped_surname(name))
            )
            or closers.is_closer_lead(name)
            or closers.is_signer_office(name)
            or closers.is_unsigned_closer(name.text)
        ):
            return None
        end = k + 1
        # an office under a name in capitals (the vendor volumes' small
        # capitals, frus1864p3, frus1870) is the addressee's or a cosigner's,
        # unless the name is left open on a comma (``W. HUNTER,`` then
        # ``Acting Secretary.``, frus1882: one closer)
        while (
            end < len(blocks)
            and end - k <= 2
            and (not closers.caps_words(name.text) or name.text.rstrip().endswith(","))
            and not self._heads_next_letter(blocks, end)
            and (
                closers.is_signer_office(self.clean(blocks[end]))
                or closers.is_sending_office(self.clean(blocks[end]).text)
                or (
                    len(blocks[end].lines) == 1
                    and closers.is_under_name(self.clean(blocks[end]).text)
                )
            )
        ):
            end += 1
        initialed = (
            end < len(blocks) and closers.initialed_line(self.clean(blocks[end])) is not None
        )
        if initialed:
            end += 1  # ``(Initialed)⏎A. W. B.`` under the signature
        if (not lead and end == k + 1) or not (
            # the initials of the officer who checked the copy under the
            # signature close it wherever it stands, the next paper under
            # them (``M. Webber, Deputy Collector.`` then ``(Initialed.)⏎A.
            # W. B.`` then the master's oath, frus1902app1 d3, d5: 2 of 2)
            initialed or self._ends_part(blocks, end - 1, past_addressee=True)
        ):
            return None
        content: list[Inline] = []
        parts: list[tuple[Literal["signed"], int, int]] = []
        for j in range(i, end):
            b = blocks[j]
            if content:
                content += self.blank_line(blocks[j - 1], b)
            start = len(content)
            content += self.build.lines(b.lines)
            if j == k and agent is not None:
                parts.append(self._line_part(b, agent, start))
            elif j == k:
                own = closers.signed_parts(
                    Closer(tuple(content[start:]), self.span(b.start, b.end))
                )
                sub = own[0] if own else ("signed", 0, len(content) - start)
                parts.append(("signed", start + sub[1], start + sub[2]))
            elif initialed and j == end - 1:
                parts.append(self._line_part(b, 1, start))
        span = self.span(blocks[i].start, blocks[end - 1].end)
        return Closer(tuple(content), span, tuple(parts)), end

    def blank_line(self, before: RawBlock, after: RawBlock) -> list[Inline]:
        """The blank line between two blocks of one closer: two line breaks,
        spanning the line ends between them."""
        gap = before.end
        return [LineBreak(self.span(gap, gap + 1)), LineBreak(self.span(gap + 1, after.start))]

    def office_leads_name(self, blocks: list[RawBlock], i: int) -> bool:
        """The signer's office on a line over the name (``President of the
        Central Executive Committee`` over ``I. Sverdlov``, a Soviet decree,
        frus1918Russiav03): the office leads the closer as ``For the
        Secretary of State:`` does. (An office left open on a comma over the
        name, ``The Minister of Foreign Affairs,``, is a paragraph:
        :func:`roles.is_office_over_name`.)"""
        if i + 1 >= len(blocks) or len(blocks[i].lines) != 1:
            return False
        office = self.clean(blocks[i])
        words = office.first.split()
        return (
            len(words) > 1
            and words[words[0] == "The"].strip(",.") in closers.OFFICE_WORDS
            and closers.is_signer_office(office)
            and not closers.is_signer_office(self.clean(blocks[i + 1]))
            and len(blocks[i + 1].lines) == 1
            and roles.is_signature(self.clean(blocks[i + 1]))
        )

    def signing_body_over_name(self, blocks: list[RawBlock], i: int) -> bool:
        """The body in whose name the signer signs, its lines left open on
        commas over the name (``Executive Committee,⏎American Correspondents
        in Paris,`` over ``Laurence Hills⏎, Chairman.``, frus1919Parisv11)
        under the complimentary close (``Very truly yours,``): lines of the
        closer, only the name signed. (Names left open on commas after the
        text are a list of signers: ``Commandant Pablo Reutevia,``.)"""
        if not 0 < i < len(blocks) - 1 or len(blocks[i].lines) > 3:
            return False
        c = self.clean(blocks[i])
        return (
            all(ln.text.rstrip().endswith(",") for ln in c.lines)
            and roles.is_complimentary_close(self.clean(blocks[i - 1]))
            and not closers.caps_words(c.text)
            and roles.is_signature(c)
            and roles.is_signature(self.clean(blocks[i + 1]))
            and not closers.is_signer_office(self.clean(blocks[i + 1]))
        )

    def seal_over_signers_run(self, blocks: list[RawBlock], i: int) -> tuple[Closer, int] | None:
        """A sealed signature (:func:`closers.sealed_signature`), then the
        place of a second seal alone, then the signers it stands over, each
        name over its office (``[Place for seal of naval officer.]⏎Stuart
        Taylor.`` then ``[Place for seal of collector.]`` then ``Jno. S.
        Hager,⏎Collector of Customs.⏎Charles B. Morton,⏎Commissioner of
        Navigation.``, a certificate of registry, frus1902app1 d3): one
        closer, as FRUS TEI prints it. Returns it and the index of the block
        after it."""
        j = i + 1
        if j + 1 >= len(blocks) or len(blocks[j].lines) != 1:
            return None
        if not closers.is_seal_mark(blocks[j].first):
            return None
        first = self.clean(blocks[i])
        sealed = closers.sealed_signature(first) if len(first.lines) > 1 else None
        if sealed is None:
            return None
        if closers.signer_groups(self.clean(blocks[j + 1])) is None:
            return None
        content: list[Inline] = []
        parts: list[tuple[Literal["signed"], int, int]] = []
        for k in (i, j, j + 1):
            b = blocks[k]
            if content:
                content += self.blank_line(blocks[k - 1], b)
            if k == i:
                start = len(content) + len(self.build.lines(b.lines[:sealed])) + 1
                content += self.build.lines(b.lines)
                parts.append(("signed", start, len(content)))
            elif k == j:
                content += self.build.lines(b.lines)
            else:  # the signers under the second seal, one ``signed`` as FRUS TEI has it
                start = len(content)
                content += self.build.lines(b.lines)
                parts.append(("signed", start, len(content)))
        span = self.span(blocks[i].start, blocks[j + 1].end)
        return Closer(tuple(content), span, tuple(parts)), j + 2

    def port_run(self, blocks: list[RawBlock], i: int) -> tuple[Closer, int] | None:
        """The master's name, the port printed under it (:func:`closers.is_port`)
        and the jurat under that: the name and the port one closer, the name
        signed (frus1902app1 d3). Returns it and the index of the jurat."""
        j = i + 1
        if j + 1 >= len(blocks) or len(blocks[i].lines) != 1 or len(blocks[j].lines) != 1:
            return None
        if not closers.is_port(blocks[j].first) or not closers.is_jurat(
            self.clean(blocks[j + 1]).text
        ):
            return None
        c = self.clean(blocks[i])
        if not roles.is_signature(c) or closers.is_port(c.first):
            return None
        name = self.build.lines(blocks[i].lines)
        content = (
            *name,
            *self.blank_line(blocks[i], blocks[j]),
            *self.build.lines(blocks[j].lines),
        )
        span = self.span(blocks[i].start, blocks[j].end)
        return Closer(content, span, (("signed", 0, len(name)),)), j + 1

    def alternating_run(self, blocks: list[RawBlock], i: int) -> tuple[Closer, int] | None:
        """Signers printed one line a block, each name and its office
        alternating, from block ``i`` to the end of the part (``George
        Curry`` ⏎ ``American Commissioner`` ⏎ ``J. Harrie Cloonan`` ⏎
        ``American Secretary`` …, a joint commission's four, frus1925v02;
        ``President of the Senate,`` ⏎ ``J. P. Rojas Paul`` ⏎ ``President of
        the House,`` ⏎ ``A. Cova.`` …, the officers of a legislature under
        its decree, frus1901): one closer, as FRUS TEI prints them, each name
        signed. Two signers at least, so three blocks at the least, the
        office between the names (``L. L. Richards`` ⏎ ``Bureau of
        Transportation`` ⏎ ``J. A. Robinson``, frus1918Russiav03); one signer
        over or under an office is :meth:`closer_run`'s. Returns the closer and the
        index of the block after it."""
        if not all(
            _is_short(b) for b in blocks[i : i + MIN_ALTERNATING_BLOCKS]
        ) or i + MIN_ALTERNATING_BLOCKS > len(blocks):
            return None  # the common case: paragraphs of the text
        kinds: list[bool] = []  # True: a name; False: an office
        j = i
        while j < len(blocks) and len(kinds) < 2 * closers.MAX_SIGNERS:
            kind = self._signer_line_kind(blocks[j])
            if kind is None or (kinds and kind == kinds[-1]):
                break
            kinds.append(kind)
            j += 1
        if len(kinds) % 2 and not (kinds[0] and kinds[-1]):
            kinds.pop()  # an office left without its name
            j -= 1
        if len(kinds) < MIN_ALTERNATING_BLOCKS or not self._ends_part(
            blocks, j - 1, past_addressee=True
        ):
            return None
        content: list[Inline] = []
        parts: list[tuple[Literal["signed"], int, int]] = []
        for n, b in enumerate(blocks[i:j]):
            if content:
                content += self.blank_line(blocks[i + n - 1], b)
            start = len(content)
            content += self.build.lines(b.lines)
            if kinds[n]:
                parts.append(("signed", start, len(content)))
        return Closer(
            tuple(content), self.span(blocks[i].start, blocks[j - 1].end), tuple(parts)
        ), j

    def _signer_line_kind(self, b: RawBlock) -> bool | None:
        """A block of one line that is a signer's office, or lines that lead
        a signature (:func:`closers.leads_signature`) (False), or a
        signature of one line (True), else None."""
        if not _is_short(b):
            return None
        c = self.clean(b)
        if closers.leads_signature(c):
            return False
        if len(c.lines) != 1 or closers.is_closer_lead(c):
            return None
        if closers.is_signer_office(c):
            return False
        return True if roles.is_signature(c) else None

    def _line_part(self, b: RawBlock, k: int, offset: int) -> tuple[Literal["signed"], int, int]:
        """The ``signed`` part of a closer that is line ``k`` of block ``b``,
        the block's inlines starting at ``offset`` in the closer's content."""
        before = len(self.build.lines(b.lines[:k])) + (1 if k else 0)  # and its line break
        return ("signed", offset + before, offset + len(self.build.lines(b.lines[: k + 1])))

    def sealed_run(self, blocks: list[RawBlock], i: int) -> tuple[Closer, int] | None:
        """Signatures with their seals, from block ``i`` (``[seal]⏎Frank B.
        Kellogg`` then ``[seal]⏎Austen Chamberlain``, with the lines saying
        for whom each signs and their offices between them): one closer, each
        name signed (:func:`closers.sealed_line_kinds`). Only where the part
        ends after it, but for addressees, postscripts and a last editors'
        note in brackets. Returns the closer and the index of the block after it."""
        if not any(closers.is_seal(ln.text) for b in blocks[i : i + 2] for ln in b.lines):
            return None  # the common case: a seal is in this block or the next
        last = i  # the blocks short enough to hold only seals, names and offices
        while (
            last < len(blocks)
            and last - i < closers.MAX_SIGNERS
            and not roles.is_page_block(blocks[last])
            and len(blocks[last].lines) <= 6
            and all(len(ln.text) <= 120 for ln in blocks[last].lines)
        ):
            last += 1
        for end in range(last, i, -1):
            lines = [ln.text for b in blocks[i:end] for ln in b.lines]
            kinds = closers.sealed_line_kinds(lines)
            if kinds is not None and not self._seal_over_nothing(blocks[i:end], kinds):
                break
        else:
            return None
        # two signers with their seals say it alone; one, where the part ends
        if kinds.count("name") < 2 and not self._ends_sealed_part(blocks, end - 1):
            return None
        content: list[Inline] = []
        parts: list[tuple[Literal["signed"], int, int]] = []
        kind_of = iter(kinds)
        for j in range(i, end):
            b = blocks[j]
            if content:  # a blank line between blocks, as in :meth:`closer_run`
                content += self.blank_line(blocks[j - 1], b)
            for k, line in enumerate(b.lines):
                if k:
                    content.append(LineBreak(self.span(b.lines[k - 1].end, line.start)))
                start = len(content)
                content += self.build.line(line)
                if next(kind_of) == "name":
                    parts.append(("signed", start, len(content)))
        span = self.span(blocks[i].start, blocks[end - 1].end)
        return Closer(tuple(content), span, tuple(parts)), end

    @staticmethod
    def _seal_over_nothing(blocks: list[RawBlock], kinds: list[str]) -> bool:
        """Is a seal printed over a name the last line of its block? The
        vendor volumes print ``[seal.]`` or ``[L. S.]`` as a paragraph of its
        own over a signature (frus1864p3, frus1872p2v5: 12 of 12), the modern
        ones the seal and the name it stands over in one block."""
        if next(kind for kind in kinds if kind != "lead") != "seal":
            return False  # the seals under the names (``Frank B. Kellogg⏎[seal]``)
        k = 0
        for b in blocks:
            k += len(b.lines)
            if kinds[k - 1] == "seal" and k < len(kinds) and kinds[k] == "name":
                return True
        return False

    def _ends_sealed_part(self, blocks: list[RawBlock], i: int) -> bool:
        """Does the part end after block ``i``, but for addressees and
        postscripts, or for one editors' note in brackets (``[The records …
        are fragmentary. …]``) that ends it?"""
        if self._ends_part(blocks, i, past_addressee=True):
            return True
        j = self._next_text(blocks, i + 1)
        if j == len(blocks):
            return False
        text = self.clean(blocks[j]).text.strip()
        return text.startswith("[") and text.endswith("]") and self._ends_part(blocks, j)

    def _bracketed_next(self, blocks: list[RawBlock], i: int) -> bool:
        """Does the block after block ``i`` (page breaks aside) open with a bracket?"""
        j = self._next_text(blocks, i + 1)
        return j < len(blocks) and self.clean(blocks[j]).text.startswith("[")

    def _kind_note_next(self, blocks: list[RawBlock], i: int) -> bool:
        """Is the block after block ``i`` (page breaks aside) a note that says
        what kind of paper follows (``[Translation.]``), not whose enclosure it is?"""
        j = self._next_text(blocks, i + 1)
        if j == len(blocks):
            return False
        note = self.clean(blocks[j])
        return roles.is_enclosure_note(note) and not roles.names_enclosure(note)

    def _under_jurat(self, blocks: list[RawBlock], i: int) -> bool:
        """Is the block before block ``i`` (page breaks aside) the jurat?"""
        k = i - 1
        while k >= 0 and roles.is_page_block(blocks[k]):
            k -= 1
        return k >= 0 and closers.is_jurat(self.clean(blocks[k]).text)

    def _venue_next(self, blocks: list[RawBlock], i: int) -> bool:
        """Is the next block, page breaks aside, a venue (:func:`closers.is_venue`)?"""
        j = self._next_text(blocks, i + 1)
        return j < len(blocks) and closers.is_venue(self.clean(blocks[j]).text)

    def _by_legal_formula(self, blocks: list[RawBlock], i: int, c: RawBlock) -> bool:
        """Does a formula of the papers of a suit or a deposition stand next
        to block ``i``, which reads as a signature: the oath over it (``… So
        help me God.``), the clerk's filing note over or under it (``Filed
        February 8, 1896.``), or the jurat (``Sworn to and subscribed before
        me …``) over it, the officer's, or under it, the deponent's? FRUS
        TEI prints the name as a closer wherever it stands in the papers
        (frus1872p2v5, frus1882, frus1901, frus1902app1: 11 of 11 by an oath
        or a filing note; 12 of 15 by a jurat); so does the clause that a
        paper is signed over it (``Given under my hand …``, ``Signed at …``,
        ``In witness whereof …``: 11 of 11, ``Witness my hand …``), and the
        paragraph ending on the day the paper is made (``… this 10th day of
        February, A. D. 1896.``, :func:`closers.dates_paper`: 36 of 52, the
        others in papers printed all as paragraphs). A name in capitals by a jurat
        is not (frus1864p3 prints 7 of 8 as paragraphs), and a choice made
        by the jurat alone is warned about (CC138, or CC141 under it)."""
        j = self._next_text(blocks, i + 1)
        after = self.clean(blocks[j]).text if j < len(blocks) else ""
        k = i - 1
        while k >= 0 and roles.is_page_block(blocks[k]):
            k -= 1
        before = self.clean(blocks[k]).lines[-1].text if k >= 0 else ""
        if closers.ends_oath(before) or closers.is_filing_note(before):
            return True
        if k >= 0 and closers.is_signing_clause(self.clean(blocks[k]).first):
            return not self._signatories_in_text(blocks, i)
        if closers.is_filing_note(after):
            return True
        if closers.caps_words(c.text):
            return False
        if closers.is_jurat(after):
            return True  # the deponent's: CC141 says so
        if closers.is_jurat(self.clean(blocks[k]).text if k >= 0 else ""):
            self.warn(
                "CC138",
                "the name under the jurat of a deposition is read as the officer's signature",
                c.start,
                c.end,
                hint="FRUS prints the officer's name under “Subscribed and sworn to before "
                "me …” as a closer (12 of 15), sometimes as a paragraph: check it",
            )
            return True
        return closers.dates_paper(before)

    def _signatories_in_text(self, blocks: list[RawBlock], i: int) -> bool:
        """Is block ``i`` the first of the signatories of a treaty printed in
        the text of another paper, each name with the seal beside it
        (``William F. Wharton [seal.]`` then ``Julian Pauncefote [seal.]``),
        the text going on after them (``Now, therefore, be it known that I,
        Benjamin Harrison …``, the proclamation of the treaty)? FRUS TEI
        prints them as paragraphs (frus1902app1: 6 of 6), and as closers
        where the paper ends after them (frus1864p3: 7 of 7)."""
        if not closers.seal_beside_name(self.clean(blocks[i])):
            return False
        j = self._next_text(blocks, i + 1)
        while j < len(blocks) and closers.seal_beside_name(self.clean(blocks[j])):
            i = j
            j = self._next_text(blocks, j + 1)
        return not self._ends_part(blocks, i, past_addressee=True)

    def announced_table(self, blocks: list[RawBlock], i: int) -> bool:
        """Is block ``i`` a table that the paragraph before it (page breaks
        aside) announces (:func:`tables.is_announced_table`)?"""
        if len(blocks[i].lines) < tables.MIN_ANNOUNCED_ROWS:
            return False
        j = i - 1
        while j >= 0 and roles.is_page_block(blocks[j]):
            j -= 1
        return j >= 0 and tables.is_announced_table(self.clean(blocks[i]), self.clean(blocks[j]))

    @staticmethod
    def _next_text(blocks: list[RawBlock], j: int) -> int:
        """The first block from ``j`` on that is not a page break."""
        while j < len(blocks) and roles.is_page_block(blocks[j]):
            j += 1
        return j

    @staticmethod
    def _signed_after(signed: Closer | None, block: Block) -> Closer | None:
        """The signature a part ends with once ``block`` is added: a new one,
        or the one before when only paragraphs (the addressees and
        postscripts after it) and page breaks follow it. A list of signers
        stands as its last signer."""
        if isinstance(block, Closer):
            return block
        if isinstance(block, ListBlock) and block.role == "signers":
            return Closer(block.items[-1] if isinstance(block.items[-1], tuple) else (), block.span)
        return signed if isinstance(block, PageBreakBlock | Paragraph) else None

    def body_block(
        self,
        blocks: list[RawBlock],
        i: int,
        has_text: bool = True,
        after_closer: Closer | None = None,
    ) -> Block:
        """Block ``i`` of a body. ``has_text`` says whether its part has text
        before it: a signature closes text, so a part's first block is never
        one (``) to the Secretary of State`` after a heading cut in two is not).
        ``after_closer`` is the signature that came just before, if one did:
        the addressee printed there is a paragraph of the postscript, not a
        second signer; after a name in capitals (the vendor volumes' small
        capitals), a name that is not in capitals is the addressee too
        (``ANSON BURLINGAME.`` then ``Charles Nelson, Late Master of the Lucky
        Star.``)."""
        b = blocks[i]
        c = self.clean(b)
        span = self.span(b.start, b.end)
        if roles.is_page_block(b):
            return self.page_in_body(blocks, i)
        if tables.is_table(c) or self.announced_table(blocks, i):
            role: Literal["list-item"] | None = (
                "list-item" if b.start in self.tables_in_items else None
            )
            return Table(tuple(self.cells(line) for line in b.lines), span, role=role)
        if len(b.lines) > 1 and pages.ends_with_label(c):
            # the next item's label hung under the last line of this one: the
            # item's text, even a signature it quotes (``(Signed) Frank L.
            # Polk⏎[VI.]``, frus1919Parisv11 d153), and the label
            return ListBlock(tuple(self.list_item(ln) for ln in b.lines), span)
        sealed = closers.sealed_signature(c) if has_text and len(c.lines) > 1 else None
        if sealed is not None:
            # a seal over the name and the offices: a closer wherever it stands
            content = self.build.lines(b.lines)
            start = len(self.build.lines(b.lines[:sealed])) + 1  # and its line break
            return Closer(content, span, (("signed", start, len(content)),))
        approved = after_closer is not None and closers.introduces_postscript(
            self.clean(blocks[i - 1])
        )
        if (
            after_closer is not None
            # the officer's name under the jurat signs, though it reads as the
            # person written to (``M. Webber,⏎Deputy Collector.``, M. as for
            # Monsieur, under ``Sworn to and subscribed …``, frus1902app1 d3)
            and not self._under_jurat(blocks, i)
        ) and (
            closers.is_addressee(c)
            or closers.is_postscript(c)
            or (
                closers.caps_words(plain(after_closer.content))
                and not closers.caps_words(c.text)
                and not closers.is_initials(c.text)  # ``R. A.`` after ``LEON ROCHES.`` signs
                and roles.is_signature(c)
            )
        ):
            return Paragraph(self.build.lines(b.lines), span)
        after_close = i > 0 and (
            roles.is_complimentary_close(self.clean(blocks[i - 1]))
            or roles.is_office_over_name(self.clean(blocks[i - 1]))
        )
        names = closers.names_over_offices(c) if has_text and not approved else None
        if names is not None:
            parts = tuple(self._line_part(b, k, 0) for k in names)
            return Closer(self.build.lines(b.lines), span, parts)
        if (
            has_text
            and not approved
            and closers.lead_over_name(c)
            and (after_close or self._ends_part(blocks, i, past_addressee=True))
        ):
            content = self.build.lines(b.lines)
            start = len(self.build.line(b.lines[0])) + 1  # and its line break
            return Closer(content, span, (("signed", start, len(content)),))
        agent = closers.agent_line(c) if has_text and not approved else None
        if agent is not None and (after_close or self._ends_part(blocks, i, past_addressee=True)):
            return Closer(self.build.lines(b.lines), span, (self._line_part(b, agent, 0),))
        groups = (
            closers.signer_groups(c)
            if has_text and not approved and len(c.lines) > MAX_SIGNATURE_LINES
            else None
        )
        if (
            groups is not None
            and all(e - s == 2 for s, e in groups)
            and (after_close or self._ends_part(blocks, i, past_addressee=True))
        ):
            # more signers, each with one line of office under the name, than a
            # signature has lines (``[W. J. Carr]⏎Director of the Consular
            # Service⏎[L. H. Woolsey]⏎…``, the four of a joint subcommittee,
            # frus1917Supp02v02): FRUS TEI's ``closer/signed/list``
            items = tuple(self.build.lines(b.lines[s:e]) for s, e in groups)
            return ListBlock(items, span, None, "signers")
        if (
            has_text
            and not approved
            and closers.is_signer_list(c)
            and (after_close or self._ends_part(blocks, i, past_addressee=True))
        ):
            items = tuple(self.build.line(line) for line in b.lines)
            return ListBlock(items, span, None, "signers")
        if (
            has_text
            and not approved
            # the person written to, printed last where the copy has no
            # signature (frus1870: ``His Excellency F. F. Low, United States
            # Minister.``); after a close even ``Hon. John Hay`` signs
            and (after_close or not closers.is_formal_addressee(c))
            # a letter quoted in the text signs in quotation marks and the text
            # goes on after it (frus1864p3: 7 of 8 such names a paragraph); a
            # quoted letter that ends the part signs (frus1870, 7)
            and not (
                c.first.lstrip().startswith(("“", "‘", '"'))
                and not self._ends_part(blocks, i, past_addressee=True)
            )
            and (
                (
                    roles.is_signature(c)
                    and (
                        after_close
                        or self._ends_part(blocks, i, past_addressee=True)
                        # a deponent's name over the venue of the officer's
                        # certificate (frus1872p2v5: 6 of 7; warned, CC141)
                        or self._venue_next(blocks, i)
                        or self._by_legal_formula(blocks, i, c)
                    )
                )
                or roles.is_personal_signature(c)
                or (
                    after_close
                    and roles.is_slipped_signature(c)
                    and self._ends_part(blocks, i, past_addressee=True)
                )
            )
        ):
            unsigned = len(b.lines) == 1 and closers.is_unsigned_closer(c.first)
            if unsigned:
                return Closer(self.build.lines(b.lines), span, ())
            groups = closers.signer_groups(c)
            if groups is not None:
                # several sign, each with the office under the name
                items = tuple(self.build.lines(b.lines[s:e]) for s, e in groups)
                return ListBlock(items, span, None, "signers")
            closer = Closer(self.build.lines(b.lines), span)
            return replace(closer, parts=closers.signed_parts(closer))
        if len(b.lines) > 1 and roles.is_dateline(c):
            # a date closing the text (``Washington, September 5, 1918.⏎[Received …]``)
            return Paragraph(self.build.lines(b.lines), span)
        if lists.is_broken_paragraph(c):
            return Paragraph(self.build.lines(b.lines), span)
        if lists.name_office_pairs(c):
            pairs = zip(b.lines[::2], b.lines[1::2], strict=True)
            return ListBlock(tuple(self.build.lines(pair) for pair in pairs), span)
        if len(b.lines) > 1:
            lines = list(b.lines)
            head: Inlines | None = None
            if roles.is_list_head(lines[0].text):
                head = self.build.line(lines[0])
                lines = lines[1:]
            return ListBlock(
                tuple(
                    self.list_item(group[0]) if len(group) == 1 else self.build.lines(group)
                    for group in _grouped(lines, lists.item_groups([ln.text for ln in lines]))
                ),
                span,
                head,
            )
        if approved and closers.vouches_for_copy(self.clean(blocks[i - 1])):
            self.warn(
                "CC137",
                "the name under the line that vouches for the copy kept as text after the "
                "signature",
                b.start,
                b.end,
                hint="FRUS prints the officer under “Official:” in the postscript (16 of 22), "
                "or as the only signer when the copy's own signature is a paragraph: check "
                "which signature the document has",
            )
            return Paragraph(self.build.line(b.lines[0]), span)
        if has_text and closers.caps_words(c.first.split(",", 1)[0]) and roles.is_signature(c):
            self.warn(
                "CC135",
                "this block reads like a signature in capitals but is kept as text",
                b.start,
                b.end,
                hint="a signature closes the text, before the addressee and postscripts; "
                "check the blocks after it",
            )
        return Paragraph(self.build.line(b.lines[0]), span)

    def page_in_body(self, blocks: list[RawBlock], i: int) -> Block:
        """A page break between blocks of the body; inside a list item (see
        :mod:`cableconv.parse.pages`) it is the item's, a paragraph of it."""
        block = self.page_or_source(blocks[i])
        where = pages.item_around_page(blocks, i, self.clean)
        if where == "inside" and isinstance(block, PageBreakBlock):
            return Paragraph((PageBreak(block.n, block.span),), block.span)
        if where == "maybe":
            self.warn(
                "CC155",
                "page break after a paragraph of a list item kept between blocks",
                block.span.start,
                block.span.end,
                hint="a label ends a block above it and none below: if the item goes on "
                "after the page, the page break is the item's",
            )
        return block

    def check_signatures(self, part: list[Block]) -> None:
        """Warn when a signature (the last of a run of signers) is followed
        by more text than the addressee and the postscripts FRUS prints
        there: a name read as a signature in the middle of the text, or a
        text that goes on after its signature. A source note or a heading
        after it starts another paper. One warning a part."""
        text = [b for b in part if not isinstance(b, PageBreakBlock)]
        for k, block in enumerate(text):
            if not _signs(block) or _is_sealed(block):
                continue  # a seal over the name signs wherever it stands
            if k + 1 < len(text) and _signs(text[k + 1]):
                continue
            after = 0
            for later in text[k + 1 :]:
                if isinstance(later, SourceNote | Heading) or _lists_enclosures(later):
                    break
                after += 1
            rest = text[k + 1 :]
            if after > MAX_POSTSCRIPT and not (
                after == len(rest) <= MAX_NOTE_PARAGRAPHS
                and all(isinstance(b, Paragraph) for b in rest)
                and _is_long_editors_note([plain(b.content).strip() for b in rest])  # type: ignore[union-attr]
            ):
                self.warn(
                    "CC136",
                    "signature read where the text goes on after it",
                    block.span.start,
                    block.span.end,
                    hint="check that this block is a signature, "
                    "and that the blocks after it belong to the postscript",
                )
                return

    def check_signatories(self, part: list[Block]) -> None:
        """Warn when a name is kept as a paragraph after the clause that
        says an agreement is signed (``In Witness Whereof the parties hereto
        have hereunto set their hands and seals …``, ``Signed and sealed in
        presence of—``, ``Done in duplicate at …``): FRUS TEI prints the
        signatories there in many ways (a closer each, one closer, the
        party's name and its signer as paragraphs: frus1882, frus1897,
        frus1925v02), so a name read as text is a guess. One warning a part."""
        text = [b for b in part if not isinstance(b, PageBreakBlock)]
        start = next(
            (
                k
                for k, b in enumerate(text)
                if isinstance(b, Paragraph) and closers.is_witness_clause(plain(b.content))
            ),
            None,
        )
        if start is None:
            return
        for later in text[start + 1 :]:
            if isinstance(later, SourceNote | Heading):
                return
            if _reads_as_signature(later):
                self.warn(
                    "CC140",
                    "a name after the clause that says the agreement is signed is kept as text",
                    later.span.start,
                    later.span.end,
                    hint="the signatories of an agreement: check which of the names after "
                    "it sign, and which is the first signature",
                )
                return

    def check_deponent(self, part: list[Block]) -> None:
        """Warn when a signature stands just before the oath that closes a
        deposition (``Subscribed and sworn to before me …``), or the venue of
        the certificate that holds the oath (``…, ss:``): it is the
        deponent's, and the officer signs after the oath; FRUS TEI prints
        the deponent's name as the closer (frus1902app1) or as a paragraph
        (frus1864p3, frus1897), so which is the first signature is a guess."""
        text = [b for b in part if not isinstance(b, PageBreakBlock)]
        for block, after in pairwise(text):
            if (
                isinstance(block, Closer)
                and not _is_sealed(block)  # the officer's seal: not the deponent's name
                and isinstance(after, Paragraph)
                and (
                    closers.is_jurat(plain(after.content))
                    # or the venue of the certificate that holds it (frus1864p3
                    # d653 prints the deponent's name over it as a paragraph)
                    or closers.is_venue(plain(after.content))
                )
            ):
                self.warn(
                    "CC141",
                    "the deponent's signature before the oath is read as the signature",
                    block.span.start,
                    block.span.end,
                    hint="a deposition: the deponent signs before the oath and the officer "
                    "after it; check which FRUS prints as the signature",
                )
                return

    def continue_list(self, prev: ListBlock | Paragraph, more: ListBlock) -> ListBlock:
        if isinstance(prev, Paragraph):
            prev = ListBlock((prev.content,), prev.span)
        return ListBlock((*prev.items, *more.items), prev.span.cover(more.span), prev.head)

    def list_item(self, line: Line) -> Inlines | PageBreakBlock:
        m = PAGE_MARKER.fullmatch(line.text.strip())
        if m is None:
            return self.build.line(line)
        lead = len(line.text) - len(line.text.lstrip())
        return PageBreakBlock(m.group(1), self.span(line.start + lead, line.start + lead + m.end()))

    def cells(self, line: Line) -> tuple[Inlines, ...]:
        """A table row: cells split at tabs, or before a trailing column of figures."""
        text = line.text
        if "\t" in text:
            cuts = [k for k, ch in enumerate(text) if ch == "\t"]
            bounds = list(zip([-1, *cuts], [*cuts, len(text)], strict=True))
        else:
            k = roles.number_cell(text)
            bounds = [(-1, len(text))] if k is None else [(-1, k), (k - 1, len(text))]
        out: list[Inlines] = []
        for lo, hi in bounds:
            s, e = line.start + lo + 1, line.start + hi
            part = self.text[s:e]
            s += len(part) - len(part.lstrip())
            e -= len(part) - len(part.rstrip())
            out.append(tuple(self.build.run(s, e)) if e > s else ())
        return tuple(out)


def _grouped(lines: list[Line], sizes: list[int]) -> list[list[Line]]:
    """``lines`` cut into consecutive groups of these sizes."""
    out: list[list[Line]] = []
    k = 0
    for size in sizes:
        out.append(lines[k : k + size])
        k += size
    return out


#: The most lines :func:`roles.is_signature` reads as one signature.
MAX_SIGNATURE_LINES = 4

#: The fewest blocks of names and offices alternating that make one closer
#: (:meth:`_Parser.alternating_run`): two signers with an office between them.
MIN_ALTERNATING_BLOCKS = 3
#: A block of such a run is short: a name, an office, or the lines leading
#: a name (two in ``In the name of the Swiss Federal Council:⏎The President
#: of the Confederation:``).
MAX_SIGNER_LINES = 3
MAX_SIGNER_LINE = 100


def _is_short(b: RawBlock) -> bool:
    """Short enough to be a name, an office or the lines leading a name."""
    return len(b.lines) <= MAX_SIGNER_LINES and all(
        len(ln.text) <= MAX_SIGNER_LINE for ln in b.lines
    )


#: A place and a date whose month is a word of no month (``Washington,
#: Januarg 30, 1901.``, frus1901 d405: a misprint the official date reads).
_DATE_LIKE_END = re.compile(r"(?:^|,\s)(?P<word>[A-Z][a-z]{2,9})\.?\s\d{1,2},\s\d{4}\.?$")


def _misspelt_month(block: RawBlock) -> str | None:
    """The word standing where a short block's closing date has its month,
    when it is no month's name; else None."""
    if len(block.lines) > 2 or len(block.text) > 150:
        return None
    m = _DATE_LIKE_END.search(" ".join(line.text.strip() for line in block.lines))
    if m is None or m["word"].lower() in MONTHS:
        return None
    return m["word"]


#: An editors' note is at least this long; a shorter bracket is a line of the
#: text (``[Paraphrase]``) or a note on the copy (``[Not signed]``).
MIN_EDITORS_NOTE = 60


def _demote_inner_signature(part: list[Block]) -> None:
    """A signature is about to close ``part``; when the part ended on a
    signature and then a complimentary close (``Louis Economopoulos.``,
    ``I am, etc.,``), that first signature closed a letter printed in this
    one, and FRUS TEI prints it as a paragraph of the text, with its
    cosigners (frus1897 d326, d328, frus1901 d234: 3 of 3)."""
    text = [k for k, b in enumerate(part) if not isinstance(b, PageBreakBlock)]
    close = part[text[-1]] if text else None
    if not isinstance(close, Paragraph):
        return
    raw = split_blocks(plain(close.content))
    if len(raw) != 1 or not roles.is_complimentary_close(raw[0]):
        return
    for k in reversed(text[:-1]):
        inner = part[k]
        if not isinstance(inner, Closer):
            return
        part[k] = Paragraph(inner.content, inner.span)


def _reads_as_signature(block: Block) -> bool:
    """A paragraph, or an item of a list, that reads as a signature
    (``Edwin Barclay``; ``For the Government of Liberia⏎. . . .⏎Secretary of
    State`` is a list of one block)."""
    if isinstance(block, Paragraph):
        texts = [plain(block.content)]
    elif isinstance(block, ListBlock) and block.role != "signers":
        texts = [plain(item) for item in block.items if isinstance(item, tuple)]
    else:
        return False
    for text in texts:
        raw = split_blocks(text)
        if len(raw) == 1 and roles.is_signature(raw[0]) and not closers.is_postscript(raw[0]):
            return True
    return False


def _is_long_editors_note(texts: list[str]) -> bool:
    """Are these paragraphs one editors' note in brackets, opened on the
    first and closed only on the last (:meth:`_editors_note_ends`)?"""
    if len(texts) < 2 or not texts[0].startswith("[") or len(texts[0]) < MIN_EDITORS_NOTE:
        return False
    depth = 0
    for n, text in enumerate(texts):
        depth += text.count("[") - text.count("]")
        if (depth == 0) != (n == len(texts) - 1):
            return False  # closed before the last, or never closed
    return texts[-1].rstrip(".").endswith("]")


def _is_editors_note(block: RawBlock) -> bool:
    """A bracketed note of the editors, one paragraph: ``[For correspondence
    relating to …, see pp. 1 ff.]``."""
    text = block.text.strip()
    return (
        len(block.lines) == 1
        and len(text) >= MIN_EDITORS_NOTE
        and text.startswith("[")
        and text.rstrip(".").endswith("]")
    )


def _is_text_note(block: RawBlock) -> bool:
    """A one-line bracketed note that, under a heading, opens the text
    (``[By cable.]``; :func:`sourceline.is_text_note`)."""
    return len(block.lines) == 1 and sourceline.is_text_note(block.first)


def _front_note_texts(
    text: str, notes: list[NoteEntry], markers: dict[int, str]
) -> list[tuple[int, str]]:
    """Each note's marker offset and text: the k-th marker of a label is the
    k-th note of that label (notes printed without a mark have the label '')."""
    by_label: dict[str, list[NoteEntry]] = {}
    for note in notes:
        by_label.setdefault(note.n, []).append(note)
    out: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for at in sorted(markers):
        label = markers[at]
        k = seen.get(label, 0)
        seen[label] = k + 1
        entries = by_label.get(label, [])
        if k < len(entries):
            out.append((at, text[entries[k].text_start : entries[k].text_end].strip()))
    return out


def _is_title(block: Paragraph) -> bool:
    """A paragraph that reads as the title of a paper: one short line, not
    two sentences nor a line that introduces what follows."""
    text = plain(block.content).strip()
    return (
        0 < len(text) <= 120
        and "\n" not in text
        and re.search(r"[a-z]{2}\. [A-Z]|: ", text) is None
    )


def _lists_enclosures(block: Block) -> bool:
    """``[Inclosures.]`` kept as a paragraph: the list of the enclosures
    after a signature follows it, not more of the text."""
    if not isinstance(block, Paragraph):
        return False
    line = RawBlock((Line(block.span.start, plain(block.content)),))
    # or ``[Enclosure.]`` kept as a paragraph: the enclosure follows, in the text
    return roles.is_enclosures_note(line) or roles.is_enclosure_in_text(line)


def _reads_as_text(block: RawBlock) -> bool:
    """A block of running text, not a heading: long, or a sentence of eight
    words or more, and not addressed (``Mr. Low to Mr. Fish.``)."""
    text = block.text.strip()
    if roles.is_addressed_heading(block):
        return False
    return len(text) >= 120 or (len(text.split()) >= 8 and text.endswith((".", ":")))


def _is_small_capitals_title(text: str) -> bool:
    """A title set in small capitals, whose letters keep their case: all lower
    case, three words or more (``statement of the facts.``, frus1902app1).

    >>> _is_small_capitals_title("statement of the facts.")
    True
    >>> _is_small_capitals_title("Statement of the facts.")
    False
    """
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 8 and text.lower() == text and len(text.split()) >= 3


#: Quotation marks that open a quoted line: ``“``, ``‘``, and as typed.
_OPENING_QUOTES = ("“", "‘", '"', "'")


def _last_two(part: list[Block]) -> tuple[Block | None, Block | None]:
    """The last block of a part and the one before it, page breaks aside."""
    found: list[Block | None] = []
    for x in reversed(part):
        if not isinstance(x, PageBreakBlock):
            found.append(x)
            if len(found) == 2:
                break
    found.extend([None, None])
    return found[0], found[1]


def _signs_last(part: list[Block]) -> bool:
    """Is the last block of a part (page breaks aside) a signature?"""
    last = next((x for x in reversed(part) if not isinstance(x, PageBreakBlock)), None)
    return last is not None and _signs(last)


def _is_postscript_or_date(block: RawBlock) -> bool:
    """A postscript, or the place and date under the signature, over one
    (``A. VERON, …`` then ``Bagdad, Mexico, September 7, 1864.`` then
    ``Official:``, frus1864p3): FRUS TEI prints both after the closer."""
    return closers.is_postscript(block) or (len(block.lines) == 1 and roles.is_dateline(block))


def _reads_as_addressee(block: Paragraph) -> bool:
    """A paragraph that names the person written to (:func:`closers.is_addressee`)."""
    raw = split_blocks(plain(block.content))
    return len(raw) == 1 and closers.is_addressee(raw[0])


def _is_sealed(block: Block) -> bool:
    """A closer with the mark of a seal over the name (:func:`closers.sealed_signature`)."""
    if not isinstance(block, Closer):
        return False
    raw = split_blocks(plain(block.content))
    return len(raw) == 1 and closers.sealed_signature(raw[0]) is not None


def _addressed_last(part: list[Block]) -> bool:
    """Does a part end (page breaks aside) on a signature and the paragraph
    under it that names the person written to, or the place and date of the
    paper (``John Sherman.`` then ``Department of State,⏎Washington, April
    25, 1898.``, frus1902app1: its postscript in FRUS TEI)?"""
    text = [x for x in part[-4:] if not isinstance(x, PageBreakBlock)]
    return (
        len(text) >= 2
        and _signs(text[-2])
        and isinstance(text[-1], Paragraph)
        and (_reads_as_addressee(text[-1]) or _reads_as_date(text[-1]))
    )


def _reads_as_date(block: Paragraph) -> bool:
    """A paragraph that is a place and date (:func:`roles.is_dateline`)."""
    raw = split_blocks(plain(block.content))
    return len(raw) == 1 and roles.is_dateline(raw[0])


def _signs(block: Block) -> bool:
    """A signature: a closer, or a list of signers, or a table of two texts
    side by side whose last row is their signatures (``(Signé) Comte
    Lamsdorff. Herbert H. D. Peirce.``, frus1902app1 d2)."""
    if isinstance(block, Table) and block.rows:
        return plain(block.rows[-1][0]).lstrip().startswith(SIGNED_ROW)
    return isinstance(block, Closer) or (isinstance(block, ListBlock) and block.role == "signers")


#: How a row of signatures opens: ``(Signed)``, in French ``(Signé)``.
SIGNED_ROW = ("(Signed)", "(Signé)")


def parse_text(
    text: str, name: str, move: Callable[[Span], Span] | None, doc_id: str
) -> ParseResult:
    """Parse a normalised transcription. ``move`` takes a span of ``text`` to
    the span of the original transcription it came from (``Normalized.move``;
    ``None`` when ``text`` is the original); every span of the result, nodes
    and diagnostics, is moved through it once."""
    parser = _Parser(text, name)
    document = parser.parse(doc_id)
    if move is None:
        return ParseResult(document, parser.diags)
    diags = [replace(d, span=move(d.span)) if d.span is not None else d for d in parser.diags]
    return ParseResult(map_spans(document, move), diags)
