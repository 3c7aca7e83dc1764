"""Which note each marker stands for.

The k-th marker labelled ``n`` goes with the k-th note labelled ``n``, in
text order: markers stand in the order of the list (the parser finds them in
that order), a note listed twice for two anchors is two notes with one label,
and a volume that numbers its notes by page repeats ``1`` with a new note
each time. This is the rule every writer and ``check`` use, and the one the
FRUS record itself pairs by.
"""

from __future__ import annotations

from dataclasses import dataclass

from cableconv.model import Document, Footnote, NoteRef, iter_inlines


@dataclass(frozen=True)
class Pairing:
    """The markers of one document with their notes.

    Markers are looked up by identity: two markers of one label may share
    everything else in a document made by hand (tests, other readers).
    """

    document: Document
    #: ``id(marker)`` -> its note
    _note_of: dict[int, Footnote]
    #: ``id(note)`` -> its marker
    _marker_of: dict[int, NoteRef]
    #: the markers in text order (those inside notes last)
    markers: tuple[NoteRef, ...]

    def note(self, ref: NoteRef) -> Footnote | None:
        """The note ``ref`` anchors; ``None`` for a marker without a note."""
        return self._note_of.get(id(ref))

    def marker(self, note: Footnote) -> NoteRef | None:
        """The marker of ``note``; ``None`` for a note without a marker."""
        return self._marker_of.get(id(note))

    @property
    def unanchored(self) -> tuple[Footnote, ...]:
        """Notes no marker points to, in the order of the list."""
        return tuple(f for f in self.document.footnotes if id(f) not in self._marker_of)


def pair_notes(doc: Document) -> Pairing:
    """Pair every marker of ``doc`` with its note.

    >>> from cableconv.diagnostics import Span
    >>> from cableconv.model import Paragraph, Text
    >>> S = Span(0, 0)
    >>> first, again = NoteRef("1", S), NoteRef("1", S)
    >>> notes = (Footnote("1", (Text("A.", S),), S), Footnote("1", (Text("B.", S),), S))
    >>> doc = Document("d1", "d1.txt", (Paragraph((first, again), S),), notes, S)
    >>> pairing = pair_notes(doc)
    >>> pairing.note(first) is notes[0], pairing.note(again) is notes[1]
    (True, True)
    """
    by_label: dict[str, list[Footnote]] = {}
    for note in doc.footnotes:
        by_label.setdefault(note.n, []).append(note)
    seen: dict[str, int] = {}
    note_of: dict[int, Footnote] = {}
    marker_of: dict[int, NoteRef] = {}
    markers: list[NoteRef] = []
    for _node, content in iter_inlines(doc):
        for inline in content:
            if not isinstance(inline, NoteRef) or id(inline) in note_of:
                continue
            markers.append(inline)
            k = seen.get(inline.n, 0)
            seen[inline.n] = k + 1
            candidates = by_label.get(inline.n, ())
            if k < len(candidates):
                note_of[id(inline)] = candidates[k]
                marker_of[id(candidates[k])] = inline
    return Pairing(doc, note_of, marker_of, tuple(markers))
