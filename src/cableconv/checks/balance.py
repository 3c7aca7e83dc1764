"""Balance rules: brackets and double quotes that open and never close.

Brackets are checked paragraph by paragraph (editorial brackets never span
paragraphs). Double quotes follow the printers' convention for quotations of
several paragraphs: each paragraph opens with “ and only the last one closes,
so a paragraph that starts with “ while a quotation is open continues it.
Single quotes are not checked: ’ is also the apostrophe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cableconv.checks.context import CheckContext
from cableconv.diagnostics import Diagnostic
from cableconv.parse.blocks import RawBlock
from cableconv.parse.sourceline import is_source_line

_PAIRS = {")": "(", "]": "["}
#: ``a)``, ``1)``, ``(iv)``: enumerators that open no bracket.
_ENUMERATOR = re.compile(r"^\s*\(?[0-9A-Za-z]{1,4}\)\s")


def _blocks_and_notes(ctx: CheckContext) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, and of each line of the list of notes."""
    spans = [(b.start, b.end) for b in ctx.blocks]
    if ctx.note_block is not None:
        spans.extend((line.start, line.end) for line in ctx.note_block.lines)
    return spans


def _printers_close(line: str) -> bool:
    """``No. 224.]``: a source line alone in its block that ends with ``]``
    and opens none. FRUS prints the despatch number of the other series so,
    the opening bracket never printed (1,753 of the 2,013 unmatched brackets
    of the dev corpus, every volume of the 1860s to the 1910s)."""
    s = line.strip()
    return s.endswith("]") and "[" not in s and is_source_line(s, before_heading=True)


def brackets(ctx: CheckContext) -> Iterator[Diagnostic]:
    text = ctx.text
    for start, end in _blocks_and_notes(ctx):
        if "\n" not in text[start:end] and _printers_close(text[start:end]):
            continue
        stack: list[tuple[str, int]] = []
        pos = start
        while pos < end:
            line_end = text.find("\n", pos, end)
            line_end = end if line_end == -1 else line_end
            skip = _ENUMERATOR.match(text, pos, line_end)
            i = skip.end() if skip else pos
            for j in range(i, line_end):
                ch = text[j]
                if ch in "([":
                    stack.append((ch, j))
                elif ch in ")]":
                    if stack and stack[-1][0] == _PAIRS[ch]:
                        stack.pop()
                    else:
                        yield ctx.diag(
                            "CC111",
                            f"'{ch}' closes no '{_PAIRS[ch]}'",
                            j,
                            j + 1,
                            hint=f"add the missing '{_PAIRS[ch]}' or remove this '{ch}'",
                        )
            pos = line_end + 1
        for ch, j in stack:
            close = ")" if ch == "(" else "]"
            yield ctx.diag(
                "CC111",
                f"'{ch}' is not closed in its paragraph",
                j,
                j + 1,
                hint=f"add the missing '{close}'",
            )


def _quote_runs(ctx: CheckContext) -> list[list[RawBlock] | tuple[int, int]]:
    """The body as one run of paragraphs; each note line on its own."""
    runs: list[list[RawBlock] | tuple[int, int]] = [list(ctx.blocks)]
    if ctx.note_block is not None:
        runs.extend((line.start, line.end) for line in ctx.note_block.lines)
    return runs


def double_quotes(ctx: CheckContext) -> Iterator[Diagnostic]:
    text = ctx.text
    for run in _quote_runs(ctx):
        parts = [(b.start, b.end) for b in run] if isinstance(run, list) else [run]
        open_at: list[int] = []
        for start, end in parts:
            first = text[start:end].lstrip()[:1]
            if open_at and first != "“":
                # the quotation open at the end of the last paragraph never closed
                yield _unclosed(ctx, open_at[-1])
                open_at = []
            continuing = bool(open_at) and first == "“"
            for j in range(start, end):
                ch = text[j]
                if ch == "“":
                    if continuing:
                        continuing = False
                        open_at[-1] = j
                        continue
                    open_at.append(j)
                elif ch == "”":
                    if open_at:
                        open_at.pop()
                    else:
                        yield ctx.diag(
                            "CC112",
                            "closing quote ” without an opening “",
                            j,
                            j + 1,
                            hint="add the opening “ or remove this ”",
                        )
        for j in open_at:
            yield _unclosed(ctx, j)


def _unclosed(ctx: CheckContext, j: int) -> Diagnostic:
    return ctx.diag(
        "CC112",
        "opening quote “ is never closed",
        j,
        j + 1,
        hint="add the closing ” where the quotation ends",
    )
