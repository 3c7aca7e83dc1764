"""The volume as the writers see it: its documents numbered in volume order.

Document ``n`` (1, 2, … across chapters) gets the ``doc_id`` ``d<n>``, so its
TEI ``div`` is ``xml:id="d<n>" n="<n>"`` and its notes ``d<n>fn<mark>``. A
document that could not be converted keeps its number and place, with the
reason, so every output says where it is missing and the numbers of the
others do not move when it is fixed.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cableconv.diagnostics import Diagnostic
from cableconv.model import Document
from cableconv.volume.lists import Entry
from cableconv.volume.spec import VolumeSpec


@dataclass(frozen=True)
class VolumeDocument:
    number: int
    chapter: int  # index into VolumeSpec.chapters
    path: Path
    #: the model with ``doc_id`` ``d<number>``; None when it is missing
    document: Document | None
    #: why it is missing
    problem: str = ""

    @property
    def xml_id(self) -> str:
        return f"d{self.number}"

    def label(self) -> str:
        """The document's heading in print, led by its number, as FRUS prints
        it (``12. The Ambassador in Russia …``); the number is not added when
        the heading already starts with one."""
        title = self.document.title if self.document is not None else self.missing_title()
        return title if printed_number(title) is not None else f"{self.number}. {title}"

    def missing_title(self) -> str:
        return f"Document {self.number} is missing"

    def missing_text(self) -> str:
        return f"{self.path.name} could not be converted: {self.problem}"


@dataclass(frozen=True)
class Volume:
    spec: VolumeSpec
    documents: tuple[VolumeDocument, ...]
    persons: tuple[Entry, ...] = ()
    terms: tuple[Entry, ...] = ()
    preface: tuple[str, ...] = ()
    problems: tuple[Diagnostic, ...] = field(default=(), compare=False)

    def chapters(self) -> Iterator[tuple[int, str, list[VolumeDocument]]]:
        """``(index, title, documents)`` of each chapter, in order."""
        for k, chapter in enumerate(self.spec.chapters):
            yield k, chapter.title, [d for d in self.documents if d.chapter == k]

    @property
    def missing(self) -> list[VolumeDocument]:
        return [d for d in self.documents if d.document is None]


_NUMBER = re.compile(r"^(\d+)\.\s")


def printed_number(title: str) -> int | None:
    """The number a heading starts with (``"5. Memorandum …"``), if any.

    >>> printed_number("5. Memorandum From the Secretary"), printed_number("No. 5")
    (5, None)
    """
    m = _NUMBER.match(title)
    return int(m.group(1)) if m else None


def numbered(doc: Document, number: int) -> Document:
    """The document as the volume's ``number``-th (its ids follow)."""
    return dataclasses.replace(doc, doc_id=f"d{number}")


def read_paragraphs(path: Path) -> tuple[str, ...]:
    """A plain-text file (the preface) as paragraphs: blocks of lines
    separated by blank lines, each block's lines joined by spaces."""
    text = path.read_text(encoding="utf-8-sig")
    blocks = re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n"))
    return tuple(" ".join(b.split()) for b in blocks if b.strip())
