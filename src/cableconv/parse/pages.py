"""A page that turns between the paragraphs of a list item.

FRUS prints a numbered item of several paragraphs (the minutes of a
meeting, the articles of an agreement) with its label on a line of its own,
right under the last line of the item before: ``…was approved by all the
Commissioners.⏎[9.]``, then the item's paragraphs, each a block. The page
break that falls between two of those paragraphs is inside the item, and
the official TEI keeps it there (``<item><p>…</p><pb/><p>…</p></item>``),
where it reads as a paragraph of the item, not as a break between blocks.

What shows it in the text is a label line that ends a block above the
page break and the next item below it (the page turned between two
labels; the first item's label stands alone, the list has no item above
it to hang under); or the label right above the item's only paragraph
before the break. Over the 16 volumes of the development corpus
(frus1864p3 to frus1955-57v02), of the page breaks standing alone between
blocks, the rule takes 32 of the 50 that are inside an item and 1 of the
1,557 others. A label further up and none below is not enough (1 inside
an item, 2 not): those stay page breaks between blocks, with a warning
(CC155). A paragraph under the page that ends with the next item's label
and does not open an item itself shows the item going on across the page,
however far up its label (19 of the 20 such pages are inside an item).
A label alone in its block over an article's text (``II.``) with no item
below says nothing: as many such pages are between blocks.

However far apart, a numbered label above the page (ending a block, or
alone: the list's first item) and a paragraph under the page that ends
with the next number (``…were elected.⏎2. Mr. Herter read…``) show the
page inside the item they number, whatever stands between (the item's
sub-list, a table it quotes, more pages): the numbers run on, so nothing
between them is another item. FRUS repeats a number now and then, and its
editors mark it: ``3.`` above, ``3 [sic].`` below (frus1919Parisv11 d15
d32, frus1901 d296).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from cableconv.parse import roles
from cableconv.parse.blocks import RawBlock

#: An item's label alone on its line: ``7.``, ``(7)``, ``[9.]``, ``b)``, ``IV.``.
BARE_LABEL = re.compile(r"\[?\(?(?:\d{1,3}|[a-zA-Z]|[ivxlIVXL]{1,6})[.)]?\)?\.?\]?")
#: The next item, label and text, on the line after a paragraph: ``11. Memorandum No. 70 …``.
ITEM_LINE = re.compile(r"\[?\(?(?:\d{1,3}|[a-z]|[ivxlIVXL]{1,6})(?:\.\]?|\)|\.\))\s+\S")
#: How far above the page break the label of its item may be, in blocks.
MAX_ITEM_BLOCKS = 6
#: A numbered label and what follows it: ``7.``, ``(7)``, ``[9.]``, ``3 [sic].``,
#: ``11. Memorandum No. 70 …``.
NUMBERED = re.compile(r"\[?\(?(\d{1,3})( \[sic\])?(?:\.\]?|\)|\.\))?\]?(?:\s|$)")
#: How far a page may stand from the numbers of the item around it, in blocks.
MAX_NUMBERED_BLOCKS = 30


def ends_with_label(block: RawBlock) -> bool:
    """Text, then the next item's label on its own last line."""
    return len(block.lines) > 1 and BARE_LABEL.fullmatch(block.lines[-1].text.strip()) is not None


def _next_item_below(block: RawBlock) -> bool:
    """A paragraph, then the next item (its label alone, or label and text)."""
    if len(block.lines) < 2:
        return False
    line = block.lines[1].text.strip()
    return BARE_LABEL.fullmatch(line) is not None or ITEM_LINE.match(line) is not None


def _item_goes_on_below(block: RawBlock) -> bool:
    """A paragraph that does not open an item, then the next item's label
    on its own last line: the paragraph is the end of an item, so the page
    above it turned inside that item, however far up the item's label is.
    Of the page breaks between blocks in the 16 development volumes that
    are followed by such a block, 19 are inside an item and 1 is not."""
    first = block.first.strip()
    return (
        ends_with_label(block)
        and ITEM_LINE.match(first) is None
        and BARE_LABEL.fullmatch(first) is None
    )


def _is_item_paragraph(block: RawBlock) -> bool:
    return len(block.lines) == 1 and not roles.is_page_block(block)


def item_around_page(
    blocks: Sequence[RawBlock], i: int, clean: Callable[[RawBlock], RawBlock]
) -> str | None:
    """Is the page break ``blocks[i]`` inside a list item? ``"inside"`` when
    the text shows it (a label above and below, or the label right above
    the item's paragraph before the break), ``"maybe"`` when only a label
    above shows it, ``None`` when nothing does.

    >>> from cableconv.parse.blocks import split_blocks
    >>> b = split_blocks("Text.\\n7.\\n\\nOne.\\n\\n[Page 5]\\n\\nTwo.\\n8.\\n\\nThree.")
    >>> item_around_page(b, 2, lambda x: x)
    'inside'
    >>> b = split_blocks("Text.\\n\\nOne.\\n\\n[Page 5]\\n\\nTwo.")
    >>> item_around_page(b, 2, lambda x: x) is None
    True
    """
    if not (0 < i < len(blocks) - 1 and roles.is_page_block(blocks[i])):
        return None
    if _between_numbers(blocks, i, clean):
        return "inside"
    after = clean(blocks[i + 1])
    if _item_goes_on_below(after) and not roles.is_page_block(blocks[i - 1]):
        return "inside"
    if not _is_item_paragraph(clean(blocks[i - 1])):
        return None
    found = _label_above(blocks, i, clean)
    if found is None:
        return None
    above, alone = found
    if _next_item_below(after):
        return "inside"
    if not _is_item_paragraph(after) or BARE_LABEL.fullmatch(after.first.strip()):
        return None
    for k in range(i + 1, len(blocks)):
        c = clean(blocks[k])
        if _next_item_below(c):
            return "inside"
        if roles.is_page_block(c):
            continue
        if not _is_item_paragraph(c) or BARE_LABEL.fullmatch(c.first.strip()):
            break  # another kind of block, or a label starting the next item
    if alone:
        return None  # a number over an article's text (``II.``), as often as an item's
    return "inside" if above == 2 else "maybe"


def _label_above(
    blocks: Sequence[RawBlock], i: int, clean: Callable[[RawBlock], RawBlock]
) -> tuple[int, bool] | None:
    """How many blocks above ``blocks[i]`` a label ends one, over paragraphs
    only, and whether the label stands alone (the list's first item has no
    item above to hang under); ``None`` past :data:`MAX_ITEM_BLOCKS` or
    another kind of block."""
    for k in range(i - 1, max(i - 1 - MAX_ITEM_BLOCKS, -1), -1):
        c = clean(blocks[k])
        if ends_with_label(c):
            return i - k, False
        if len(c.lines) == 1 and BARE_LABEL.fullmatch(c.first.strip()) is not None:
            return i - k, True
        if not _is_item_paragraph(c):
            return None
    return None


def _number(line: str) -> tuple[int, bool] | None:
    """The number a line starts with as an item's label, and whether the
    editors marked it ``[sic]``; ``None`` for any other line."""
    m = NUMBERED.match(line.strip())
    if m is None or not (m.group(2) or line.strip()[m.end(1) : m.end(1) + 1] in ".)]"):
        return None
    return int(m.group(1)), m.group(2) is not None


def _between_numbers(
    blocks: Sequence[RawBlock], i: int, clean: Callable[[RawBlock], RawBlock]
) -> bool:
    """A numbered label above ``blocks[i]``, and the next number under a
    paragraph below it, with no other numbered label between them.

    >>> from cableconv.parse.blocks import split_blocks
    >>> text = "1.\\n\\nOne.\\n\\n(a) x;\\n(b) y.\\n\\n[Page 5]\\n\\nTwo.\\n2. Next.\\n\\nEnd."
    >>> _between_numbers(split_blocks(text), 3, lambda x: x)
    True
    >>> text = "1.\\n\\nOne.\\n\\n[Page 5]\\n\\nTwo.\\n3. Next."
    >>> _between_numbers(split_blocks(text), 2, lambda x: x)
    False
    """
    above: int | None = None
    for k in range(i - 1, max(i - 1 - MAX_NUMBERED_BLOCKS, -1), -1):
        c = clean(blocks[k])
        if roles.is_page_block(c):
            continue
        last = _number(c.lines[-1].text)
        if last is not None and BARE_LABEL.fullmatch(c.lines[-1].text.strip()):
            above = last[0]
            break
        if any(_number(line.text) is not None for line in c.lines):
            return False  # an item with its text: not a label over paragraphs
    if above is None:
        return False
    for k in range(i + 1, min(i + 1 + MAX_NUMBERED_BLOCKS, len(blocks))):
        c = clean(blocks[k])
        if roles.is_page_block(c):
            continue
        numbers = [_number(line.text) for line in c.lines]
        if not any(numbers):
            continue
        below = numbers[1] if len(numbers) > 1 and numbers[0] is None else None
        return below is not None and (below[0] == above + 1 or (below[0] == above and below[1]))
    return False
