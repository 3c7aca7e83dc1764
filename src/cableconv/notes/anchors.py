"""The parser's one question to the footnote module: where is each note of
the list anchored, and what is doubtful about it.

:func:`anchor_notes` puts together what :mod:`cableconv.notes.markers`
knows: a label alone above the heading, then the markers in the order of the
list; and says, with a code, each place where the evidence was weak.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cableconv.diagnostics import Diagnostic, Span
from cableconv.notes.labels import NoteEntry
from cableconv.notes.markers import (
    MIN_SCORE,
    leading_labels,
    locate_markers,
    marker_score,
    weak_candidates,
)


@dataclass
class Anchors:
    """Where the notes of one transcription are anchored (offsets of the
    normalised text the parser reads)."""

    #: offset of the blank before a marker -> its label
    markers: dict[int, str] = field(default_factory=dict)
    #: start of a block that is nothing but a label (a note above the heading) -> the label
    lead_blocks: dict[int, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def anchor_notes(
    text: str, notes: list[NoteEntry], blocks: list[tuple[int, str]], body_end: int
) -> Anchors:
    """Anchor every note of ``notes`` in ``text[:body_end]``; ``blocks`` are
    the (start, text) of the body's blocks, in order.

    A marker taken on weak evidence warns (CC150); a note whose only
    candidates read as part of the text keeps them as text and warns
    (CC151); a note printed without a mark whose blank is not found warns
    (CC152); a note with no candidate at all is an error (CC103).
    """
    out = Anchors()
    lead = leading_labels(blocks[:-1], notes)
    out.lead_blocks = {start: notes[k].n for start, k in lead.items()}
    rest = [note for k, note in enumerate(notes) if k not in lead.values()]
    for note, pos in zip(rest, locate_markers(text, rest, 0, body_end), strict=True):
        n = note.n
        if pos is not None:
            out.markers[pos] = n
            if marker_score(text, pos, n) < MIN_SCORE:
                out.diagnostics.append(
                    Diagnostic(
                        "CC150",
                        f"' {n}' taken as the marker of footnote {n} on weak evidence: "
                        "it reads like part of the text, but it is the only place the "
                        "label stands as a marker may",
                        Span(pos, pos + 1 + len(n)),
                        hint=f"check that footnote {n} belongs here",
                    )
                )
            continue
        weak = weak_candidates(text, n, 0, body_end) if n else []
        if not n:
            out.diagnostics.append(
                Diagnostic(
                    "CC152",
                    "a note printed without a mark has no blank at the end of a line "
                    "to say where it belongs; it is written at the end of the document",
                    Span(note.line_start, note.text_end),
                    hint="end the line the note belongs to with one blank",
                )
            )
        elif weak:
            out.diagnostics.append(
                Diagnostic(
                    "CC151",
                    f"footnote {n} is not anchored: ' {n}' here may be its marker, but it "
                    "reads as part of the text, so it is kept as text"
                    + (f" ({len(weak) - 1} more such places)" if len(weak) > 1 else ""),
                    Span(weak[0], weak[0] + 1 + len(n)),
                    hint=f"the note is written at the end of the document; if ' {n}' is "
                    "its marker, nothing is lost",
                )
            )
        else:
            out.diagnostics.append(
                Diagnostic(
                    "CC103",
                    f"footnote {n} has no marker ' {n}' in the text",
                    Span(note.line_start, note.text_end),
                    hint=f"put the marker ' {n}' where the note is anchored",
                )
            )
    return out
