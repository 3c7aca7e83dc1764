"""The position property: every node's span is where its text was typed.

For every node of a converted document, the transcription's text at the
node's span, with the typographic changes normalisation recorded inside that
span replayed on it, is the node's text. A span one column early (``(Harrima``)
or running into the next paragraph fails it.

Inline nodes are held to their exact text; a block or a footnote to the text
of its content (blanks aside: a block's span covers its lines' indentation,
its content does not), and to holding every span of its content.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cableconv.diagnostics import Span
from cableconv.model import (
    Attachment,
    Block,
    DateText,
    Document,
    Footnote,
    Inline,
    Inlines,
    LineBreak,
    ListBlock,
    Name,
    NoteRef,
    Opener,
    PageBreak,
    PageBreakBlock,
    Table,
    Text,
)
from cableconv.normalize import Change
from cableconv.pipeline import Converted

_BLANKS = re.compile(r"\s+")


def replayed(original: str, changes: list[Change], span: Span) -> str:
    """``original[span]`` with the recorded changes inside the span made.

    A change that became part of a later one (a second fix over the first
    one's output) is covered by it: the outer change's ``after`` is the
    final text of the whole stretch."""
    inside = [c for c in changes if span.start <= c.start and c.end <= span.end]
    inside = [c for c in inside if c.start < c.end or span.start < c.start < span.end]
    outer: list[Change] = []
    for c in sorted(inside, key=lambda c: (c.start, -c.end)):
        if outer and c.start < outer[-1].end:
            continue  # inside the previous, wider change
        outer.append(c)
    parts: list[str] = []
    pos = span.start
    for c in outer:
        parts.append(original[pos : c.start])
        parts.append(c.after)
        pos = c.end
    parts.append(original[pos : span.end])
    return "".join(parts)


def _inline_text(node: Inline) -> str:
    if isinstance(node, Text | Name | DateText):
        return node.text
    if isinstance(node, PageBreak):
        return f"[Page {node.n}]"
    if isinstance(node, NoteRef):
        return f" {node.n}"
    return "\n"


def _same_break(node: Inline, got: str) -> bool:
    """A line break may keep a line's blanks; a marker alone on the next
    line (the note is on the whole block) is the line break and the number."""
    if isinstance(node, LineBreak):
        return got.strip(" \t") == "\n"
    if isinstance(node, NoteRef):
        # or the label alone, a block before the heading (frus1870)
        return (got[:1] == "\n" and got.strip() == node.n) or got == node.n
    return False


def _content_text(content: Inlines) -> str:
    return "".join(_inline_text(node) for node in content)


def _squeezed(text: str) -> str:
    return _BLANKS.sub("", text)


def _children(block: Block) -> Iterator[Inlines | Block]:
    if isinstance(block, Opener):
        yield from block.lines
    elif isinstance(block, ListBlock):
        if block.head is not None:
            yield block.head
        yield from block.items
    elif isinstance(block, Table):
        for row in block.rows:
            yield from row
    elif isinstance(block, Attachment):
        yield from block.blocks
    elif not isinstance(block, PageBreakBlock):
        yield block.content


def position_problems(converted: Converted) -> list[str]:
    """Every node whose span does not hold its text, said readably."""
    original = converted.source.text
    changes = converted.normalized.changes
    problems: list[str] = []

    def say(what: str, span: Span, expected: str, got: str) -> None:
        line, col = converted.source.lines.position(span.start)
        problems.append(f"{line}:{col} {what} {span}: expected {expected!r}, got {got!r}")

    def within(what: str, outer: Span, inner: Span) -> None:
        if not (outer.start <= inner.start <= inner.end <= outer.end):
            say(f"{what} outside its parent {outer}", inner, "", original[inner.start : inner.end])

    def inlines(content: Inlines, parent: Span) -> None:
        for node in content:
            within(type(node).__name__, parent, node.span)
            got = replayed(original, changes, node.span)
            if got != _inline_text(node) and not _same_break(node, got):
                say(type(node).__name__, node.span, _inline_text(node), got)

    def blocks(items: tuple[Block, ...] | list[Block], parent: Span) -> None:
        for block in items:
            within(type(block).__name__, parent, block.span)
            kids = list(_children(block))
            texts: list[str] = []
            for kid in kids:
                if isinstance(kid, tuple):
                    inlines(kid, block.span)
                    texts.append(_content_text(kid))
                else:
                    blocks([kid], block.span)
                    texts.append(_block_text(kid))
            if isinstance(block, PageBreakBlock):
                texts = [f"[Page {block.n}]"]
            got = replayed(original, changes, block.span)
            if _squeezed(got) != _squeezed("".join(texts)):
                say(type(block).__name__, block.span, "".join(texts), got)

    doc: Document = converted.document
    blocks(doc.blocks, doc.span)
    for note in doc.footnotes:
        inlines(note.content, note.span)
        got = _squeezed(replayed(original, changes, note.span))
        text = _squeezed(_content_text(note.content))
        head = f"{note.n or 'None'}."  # a note printed without a mark is listed as "None."
        if not (got.endswith(text) and got[: len(got) - len(text)] == head):
            say("Footnote", note.span, f"{note.n}. {_content_text(note.content)}", got)
    return problems


def _block_text(block: Block | Footnote) -> str:
    if isinstance(block, PageBreakBlock):
        return f"[Page {block.n}]"
    if isinstance(block, Footnote):
        return _content_text(block.content)
    return "".join(
        _content_text(kid) if isinstance(kid, tuple) else _block_text(kid)
        for kid in _children(block)
    )
