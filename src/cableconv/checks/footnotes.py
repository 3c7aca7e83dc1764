"""Footnote rules: markers without notes, notes listed out of order,
numbers that do not count up.

The parser anchors each note of the list at a marker; these rules look at
what it could not explain. Numbering usually counts up by one in the order of
the markers; after a page turn or at the start of an enclosure it may start
again at 1 (older volumes number notes per page); a number repeated with the
same note text is a second reference to one note. The printed volumes also
skip numbers, number through a whole chapter (a document's first note may be
42) and list notes 2, 3, 1: numbering that does not count up is therefore a
warning (CC104), kept as printed. The errors are what no printed document
shows: a note without a marker (CC103, from the parser) and a marker, next in
the numbering, without a note (CC102).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from cableconv.checks.context import CheckContext, Landmark
from cableconv.diagnostics import Diagnostic
from cableconv.model import Footnote, plain

#: A number standing after a space, not part of a longer number or word.
_NUMBER = re.compile(r"(?<=\S) ([1-9][0-9]{0,2})(?![0-9A-Za-z])")

#: After these punctuation marks a small number is most likely a marker
#: (``Lindley. 2``); a comma is left out: ``1, 2, 3`` are numbers of the text.
_MARKER_AFTER = '.;:)”’"?!]'

#: Words a number of the text follows: ``No. 5``, ``article 3``, ``your 506``.
_NUMBERING_WORD = re.compile(
    r"(?:\b(?:no|nos|art|arts|par|pars|sec|secs|p|pp|vol|vols|ch|chap|fig)\.|"
    r"\b(?:number|numbers|article|articles|section|sections|paragraph|paragraphs|page|pages|"
    r"telegram|telegrams|despatch|despatches|dispatch|note|notes|item|items|point|points|"
    r"annex|inclosure|enclosure|tab|appendix|part|chapter|volume|class|group|table|figure|"
    r"schedule|exhibit|clause|circular|serial|series|your|my|his|her|our|their|its)"
    r")\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Candidate:
    """A number in the body that could be a footnote marker (normalised offsets)."""

    start: int  # the space before the number
    end: int
    n: int
    original: int  # the space's offset in the transcription


def marker_candidates(ctx: CheckContext, *, strict: bool = True) -> list[Candidate]:
    """Numbers in the body that look like note markers.

    ``strict`` keeps only those that look like nothing else: after closing
    punctuation and before the end of a line, a capital, a quote or a page
    marker; or at the very end of a line.
    """
    text = ctx.text
    end = ctx.body_end
    out: list[Candidate] = []
    for m in _NUMBER.finditer(text, 0, end):
        start, stop = m.start(), m.end()
        prev = text[start - 1]
        after = text[stop : stop + 2]
        at_line_end = stop >= end or after[:1] == "\n" or text.startswith("[Page ", stop)
        if strict:
            before_capital = after[:1] == " " and (after[1:2].isupper() or after[1:2] in '“"([')
            if not (
                (prev in _MARKER_AFTER and (at_line_end or before_capital))
                or (prev.isalpha() and at_line_end)
            ):
                continue
            if _NUMBERING_WORD.search(text[max(0, start - 16) : start]):
                continue
            if _in_page_marker(text, start):
                continue
        out.append(Candidate(start, stop, int(m.group(1)), ctx.original_offset(start)))
    return out


def _in_page_marker(text: str, i: int) -> bool:
    open_ = text.rfind("[", max(0, i - 30), i)
    return open_ != -1 and text.startswith("[Page", open_) and "]" not in text[open_:i]


def _multi_line_blocks(ctx: CheckContext) -> list[tuple[int, int]]:
    """(start, end) of the body's blocks of more than one line, in order."""
    return [(b.start, b.end) for b in ctx.blocks if len(b.lines) > 1]


def _in_blocks(blocks: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` falls inside one of ``blocks`` (sorted, disjoint).

    >>> _in_blocks([(0, 5), (10, 20)], 12), _in_blocks([(0, 5), (10, 20)], 7)
    (True, False)
    """
    i = bisect.bisect_right([start for start, _ in blocks], offset) - 1
    return i >= 0 and offset < blocks[i][1]


def _numeric(n: str) -> int | None:
    return int(n) if n.isdigit() else None


def marker_without_note(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A number placed like a marker, next in the numbering, with no note.

    Only numbers that fit the numbering (one more than the marker before
    them, or 1 after a page turn) and look like nothing else are reported, so
    that the numbers of the text (``No. 680``, ``article 5``) are not.

    A new page starts at 1 again only in a document whose list has a note 1.
    Before the first marker, what is next is what the list says: one less
    than its first number (a chapter's notes may start at 42); nothing, when
    the list marks its notes with symbols only; 1 when there is no list,
    and then only in a block of one line (a heading, a paragraph): the rows
    of a table or a list end in figures (frus1897, frus1902app1).
    """
    marks = ctx.landmarks
    located = {m.offset for m in marks if m.kind == "note"}
    listed = {note.n for note in ctx.document.footnotes}
    unanchored = {note.n for note in ctx.document.footnotes if id(note) not in ctx.anchored}
    numbers = [k for note in ctx.document.footnotes if (k := _numeric(note.n)) is not None]
    first = min(numbers) - 1 if numbers else (None if listed else 1)
    # numbering that starts again at 1 after a page turn: only where the
    # list shows it does (a note 1), or when there is no list to ask
    restarts = "1" in listed or not listed
    multi_line = _multi_line_blocks(ctx)
    for cand in marker_candidates(ctx):
        if cand.original in located:
            continue
        if not listed and _in_blocks(multi_line, cand.start):
            continue
        prev: Landmark | None = None
        turned = False
        later_same: bool = False
        for mark in marks:
            if mark.offset < cand.original:
                if mark.kind == "note" and _numeric(mark.n) is not None:
                    prev, turned = mark, False
                elif mark.kind != "note":
                    turned = True
            elif mark.kind == "note" and mark.n == str(cand.n):
                later_same = True
                break
            elif mark.kind != "note":
                break
        restart = cand.n == 1 and turned and restarts
        if prev is None:
            fits = cand.n == first or restart
        else:
            fits = cand.n == (_numeric(prev.n) or 0) + 1 or restart
        if not fits or later_same or str(cand.n) in unanchored:
            continue
        what = "has no note" if str(cand.n) not in listed else "has no further note"
        yield ctx.diag(
            "CC102",
            f"' {cand.n}' looks like a footnote marker, but the list of notes {what} {cand.n}",
            cand.start,
            cand.end,
            hint=f"add '  {cand.n}. …' to the notes at the end, or remove the marker "
            "if the number belongs to the text",
        )


def _note_text(note: Footnote | None) -> str:
    return " ".join(plain(note.content).split()) if note is not None else ""


def numbering(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Markers, in text order, number their notes one up (or from 1 again
    after a page turn or at an enclosure)."""
    note_of: dict[int, Footnote] = {}
    for note in ctx.document.footnotes:
        anchor = ctx.anchored.get(id(note))
        if anchor is not None:
            note_of[anchor.offset] = note
    # numbers of notes the parser could not anchor (it reported each): a gap
    # they fill is theirs, not a numbering error
    unanchored = {
        n
        for note in ctx.document.footnotes
        if id(note) not in ctx.anchored and (n := _numeric(note.n)) is not None
    }
    prev: Landmark | None = None
    turned = False
    for mark in ctx.landmarks:
        if mark.kind != "note":
            turned = True
            continue
        n = _numeric(mark.n)
        if n is None:
            continue
        if prev is not None:
            p = _numeric(prev.n) or 0
            repeat = n == p and _note_text(note_of.get(mark.offset)) == _note_text(
                note_of.get(prev.offset)
            )
            filled = n > p + 1 and all(k in unanchored for k in range(p + 1, n))
            if not (n == p + 1 or (n == 1 and turned) or repeat or filled):
                where = "" if turned else " on the same page"
                what = (
                    f"footnote number {n} is used twice{where} for different notes"
                    if n == p
                    else f"footnote {n} follows footnote {p}{where}"
                )
                yield Diagnostic(
                    "CC104",
                    f"{what}; expected {p + 1}"
                    + (" (or 1 after the page turn)" if turned else "")
                    + "; kept as printed",
                    mark.span,
                    hint="printed volumes do skip and repeat numbers; check that no note "
                    "was dropped or renumbered",
                )
        prev, turned = mark, False


def list_order(ctx: CheckContext) -> Iterator[Diagnostic]:
    """The list of notes gives them in the order of their markers.

    Only asked when the parser could not anchor a note: each note is placed
    at its marker, or (not anchored) at the first number in the text that
    could be its marker; the first note placed before the note listed above
    it is out of order.
    """
    notes = ctx.document.footnotes
    if all(id(note) in ctx.anchored for note in notes):
        return
    located = {m.offset for m in ctx.note_refs()}
    free: dict[str, list[int]] = {}
    for cand in marker_candidates(ctx, strict=False):
        if cand.original not in located and not _NUMBERING_WORD.search(
            ctx.text[max(0, cand.start - 16) : cand.start]
        ):
            free.setdefault(str(cand.n), []).append(cand.original)
    prev: tuple[Footnote, int] | None = None
    for note in notes:
        anchor = ctx.anchored.get(id(note))
        if anchor is not None:
            place = anchor.offset
        elif note.n in free:
            place = free[note.n][0]
        else:
            continue
        if prev is not None and place < prev[1]:
            line = ctx.source.lines.line(place)
            yield Diagnostic(
                "CC104",
                f"footnote {note.n} is listed after footnote {prev[0].n}, but its marker "
                f"' {note.n}' (line {line}) comes first",
                note.span,
                hint="printed volumes do list notes out of order (2, 3, 1); check that "
                "the notes were not swapped",
            )
            return
        prev = (note, place)
