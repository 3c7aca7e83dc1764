"""Footnotes, end to end: the one home of what a note is, which mark in the
text anchors it, and which marker goes with which note.

A transcription lists its notes after the document, one a line
(``"  1. Sent by …"``); each note left a marker where it is anchored, its
label after a blank (``the President 1``). Three stages need those facts and
learn them here:

- the parser reads the list (:func:`read_note_list`) and anchors its notes
  (:func:`anchor_notes`: the markers from evidence, :func:`locate_markers`,
  and a label alone above the heading, :func:`leading_labels`);
- ``check`` asks where a number looks like a marker the list does not explain
  (:mod:`cableconv.notes.markers`);
- every writer asks which note a marker stands for (:func:`pair_notes`).

The syntax itself (the label forms, the note line) lives in
:mod:`cableconv.conventions` with the rest of the transcription syntax.
"""

from __future__ import annotations

from cableconv.notes.anchors import Anchors, anchor_notes
from cableconv.notes.labels import NoteEntry, read_note_list
from cableconv.notes.markers import leading_labels, locate_markers
from cableconv.notes.pairing import Pairing, pair_notes

__all__ = [
    "Anchors",
    "NoteEntry",
    "Pairing",
    "anchor_notes",
    "leading_labels",
    "locate_markers",
    "pair_notes",
    "read_note_list",
]
