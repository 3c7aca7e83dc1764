"""The document model: JSON round trip and what its helpers promise."""

from __future__ import annotations

from pathlib import Path

import pytest

from cableconv.model import (
    Attachment,
    Block,
    Document,
    ListBlock,
    PageBreakBlock,
    from_json,
    iter_inlines,
    plain,
    to_json,
)
from cableconv.pipeline import convert_path

from .conftest import sample_paths


@pytest.mark.parametrize("sample", sample_paths(), ids=lambda p: p.stem)
def test_json_round_trip_gives_the_same_document(sample: Path) -> None:
    doc = convert_path(sample).document
    again = from_json(to_json(doc))
    assert isinstance(again, Document)
    assert again == doc


def test_unknown_model_version_is_refused() -> None:
    data = to_json(convert_path(sample_paths()[0]).document)
    data["model_version"] = 99
    with pytest.raises(ValueError, match="model_version"):
        from_json(data)


def page_breaks_between_blocks(blocks: tuple[Block, ...]) -> list[str]:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, PageBreakBlock):
            out.append(b.n)
        elif isinstance(b, ListBlock):
            out.extend(i.n for i in b.items if isinstance(i, PageBreakBlock))
        elif isinstance(b, Attachment):
            out.extend(page_breaks_between_blocks(b.blocks))
    return out


@pytest.mark.parametrize("sample", sample_paths(), ids=lambda p: p.stem)
def test_every_word_of_the_transcription_is_in_the_model(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8")
    doc = convert_path(sample).document
    words = " ".join(plain(content, markers=True) for _node, content in iter_inlines(doc))
    words += " ".join(f" [Page {n}]" for n in page_breaks_between_blocks(doc.blocks))
    for note in doc.footnotes:
        words += f" {note.n}."
    missing = [w for w in text.split() if w not in words]
    assert missing == []
