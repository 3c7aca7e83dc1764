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
from collections.abc import Iterator
from dataclasses import dataclass

from cableconv.checks.context import CheckContext, Landmark
from cableconv.diagnostics import Diagnostic
from cableconv.model import Footnote, plain
from cableconv.notes.markers import MIN_SCORE, marker_score, number_candidates, stands_alone


@dataclass(frozen=True)
class Candidate:
    """A number in the body that could be a footnote marker (normalised offsets)."""

    start: int  # the space before the number
    end: int
    n: int
    original: int  # the space's offset in the transcription


def marker_candidates(ctx: CheckContext, *, strict: bool = True) -> list[Candidate]:
    """Numbers in the body that stand as a note's marker may
    (:func:`cableconv.notes.markers.number_candidates`: the parser's rules).

    ``strict`` keeps only those that look like nothing else
    (:func:`~cableconv.notes.markers.stands_alone`); otherwise every one that
    is at least not part of the text (:data:`~cableconv.notes.markers.MIN_SCORE`).
    """
    text = ctx.text
    return [
        Candidate(start, start + 1 + len(n), int(n), ctx.original_offset(start))
        for start, n in number_candidates(text, 0, ctx.body_end)
        if (stands_alone(text, start, n) if strict else marker_score(text, start, n) >= MIN_SCORE)
    ]


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
        if cand.original not in located:
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
