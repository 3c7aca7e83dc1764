"""The document as the printed formats lay it out (Markdown, DOCX, PDF).

The model is what the parser read, and the TEI writes it as it stands. A
page has two things to say that a list of lines cannot, and this is the one
place the print writers (and the checks that read their outputs back) learn
them from:

- **signatures are set alike.** A list of signers (``ListBlock.role ==
  "signers"``, a treaty's plenipotentiaries) is a signature, set right like
  any other; so is a short list of names that stands between two signatures
  with nothing but page turns around it: one of a run of signers the parser
  took for a list (frus1894Nicaragua/d83, thirteen names each on a block of
  its own, two of them read as lists, were set left and right in turn).
- **a sub-enclosure's label is a heading.** ``A.`` over ``Mr. Seat to
  Commander O’Neil.`` (copies A to F inside an inclosure) is read as a list
  with the head ``A.`` and one item; FRUS TEI makes each a ``frus:attachment``
  inside the enclosure, headed ``A.<lb/>Mr. Seat to …`` (9 of 9 such lists in
  the development corpus, frus1894Nicaragua d83 and d91). Printed, it is an
  attachment of its own, its heading one level below the enclosure's, running
  to the next such label, the next enclosure or the end of the enclosing part.

Nothing here changes a character of the text: blocks change their kind,
their inlines stay the same objects (note markers pair with their notes as
in the model).
"""

from __future__ import annotations

import re
from dataclasses import replace

from cableconv.diagnostics import Span
from cableconv.model import (
    Attachment,
    Block,
    Closer,
    Document,
    Heading,
    Inline,
    Inlines,
    LineBreak,
    ListBlock,
    PageBreak,
    PageBreakBlock,
    plain,
)

#: A sub-enclosure's label: one capital letter and a period (``A.`` to ``F.``).
SUB_LABEL = re.compile(r"[A-Z]\.")
#: The line under the label says who wrote to whom, or what the paper is
#: (``Proclamation.``): a heading's length, not a list item's paragraph.
MAX_LABELLED_LINE = 80
#: A signer's block is a name and an office, at most four short lines (as
#: :func:`cableconv.parse.roles.is_signature` reads a signature).
MAX_SIGNER_LINES = 4
MAX_SIGNER_LINE = 60


def printed(doc: Document) -> Document:
    """``doc`` with its blocks as print sets them (see the module's doc)."""
    blocks = _blocks(doc.blocks)
    return doc if blocks == doc.blocks else replace(doc, blocks=blocks)


def _blocks(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    out: list[Block] = []
    for k, block in enumerate(blocks):
        if isinstance(block, Attachment):
            inner = _blocks(block.blocks)
            out.append(block if inner == block.blocks else replace(block, blocks=inner))
        elif isinstance(block, ListBlock) and (
            block.role == "signers" or _among_signatures(blocks, k)
        ):
            out.append(as_signature(block))
        else:
            out.append(block)
    return _sub_enclosures(tuple(out))


# ---- signatures -----------------------------------------------------------


def _signs(block: Block) -> bool:
    return isinstance(block, Closer) or (isinstance(block, ListBlock) and block.role == "signers")


def _short_lines(block: Block) -> bool:
    """A list without a head whose items are a signer's few short lines."""
    return (
        isinstance(block, ListBlock)
        and block.head is None
        and block.role is None
        and 1 <= len(block.items) <= MAX_SIGNER_LINES
        and all(
            isinstance(item, tuple) and len(plain(item).strip()) <= MAX_SIGNER_LINE
            for item in block.items
        )
    )


def _among_signatures(blocks: tuple[Block, ...], k: int) -> bool:
    """Block ``k`` is a short list with a signature before and after it,
    nothing between but page turns and other such lists."""
    if not _short_lines(blocks[k]):
        return False

    def signed_towards(step: int) -> bool:
        j = k + step
        while 0 <= j < len(blocks):
            if _signs(blocks[j]):
                return True
            if not (isinstance(blocks[j], PageBreakBlock) or _short_lines(blocks[j])):
                return False
            j += step
        return False

    return signed_towards(-1) and signed_towards(1)


def as_signature(block: ListBlock) -> Closer:
    """A list's items as the lines of one signature; a page turn between
    items is a page marker between its lines."""
    content: list[Inline] = []
    for item in block.items:
        line: Inlines = (
            (PageBreak(item.n, item.span),) if isinstance(item, PageBreakBlock) else item
        )
        if content:
            at = line[0].span.start if line else block.span.end
            content.append(LineBreak(Span(at, at)))
        content.extend(line)
    return Closer(tuple(content), block.span)


# ---- sub-enclosures --------------------------------------------------------


def sub_label(block: Block) -> bool:
    """``A.`` over one short line, read as a list: a sub-enclosure's label."""
    return (
        isinstance(block, ListBlock)
        and block.role is None
        and block.head is not None
        and SUB_LABEL.fullmatch(plain(block.head).strip()) is not None
        and len(block.items) == 1
        and isinstance(block.items[0], tuple)
        and 0 < len(plain(block.items[0]).strip()) <= MAX_LABELLED_LINE
    )


def _sub_enclosures(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Each sub-enclosure's label and the blocks after it, up to the next
    label, enclosure or the end, as an attachment headed by the label."""
    if not any(sub_label(b) for b in blocks):
        return blocks
    out: list[Block] = []
    k = 0
    while k < len(blocks):
        block = blocks[k]
        if not isinstance(block, ListBlock) or not sub_label(block):
            out.append(block)
            k += 1
            continue
        end = k + 1
        while (
            end < len(blocks)
            and not sub_label(blocks[end])
            and not isinstance(blocks[end], Attachment)
        ):
            end += 1
        assert block.head is not None and isinstance(block.items[0], tuple)
        line = block.items[0]
        at = line[0].span.start if line else block.span.end
        heading = Heading((*block.head, LineBreak(Span(at, at)), *line), block.span)
        span = block.span.cover(blocks[end - 1].span)
        out.append(Attachment((heading, *blocks[k + 1 : end]), span))
        k = end
    return tuple(out)
