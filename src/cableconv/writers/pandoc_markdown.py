"""pandoc's own Markdown (the ``markdown`` format): for round trips through
pandoc, which reads back every class and attribute.

Conventions (pandoc Markdown; other renderers show the fenced-div lines as
text, which is why the default ``md`` is GFM, :mod:`cableconv.writers.markdown`):

- the heading is the level-1 heading ``#``, an enclosure's ``##``;
  paragraphs are plain paragraphs;
- the source line, the classification, the dateline, list heads and items and
  the signature are fenced divs whose class says what they are
  (``::: source-note``, ``::: classification``, ``::: dateline``,
  ``::: list-head``, ``::: list-item``, ``::: signature``); an enclosure is a
  ``::: attachment`` div around its blocks;
- the classification is in small caps, ``[top secret]{.smallcaps}``;
- a page turn is ``[\\[Page 379\\]]{.page}`` at its place, a span that
  renders as ``[Page 379]`` and is never a link;
- footnotes are real footnotes, ``[^1]``, numbered in order;
- curly quotes, dashes and other characters are written as characters
  (``-smart``), lines are not wrapped, and everything Markdown would read as
  markup is backslash-escaped.
"""

from __future__ import annotations

from cableconv.model import Document
from cableconv.options import Options
from cableconv.writers import Output, pandoc_ast
from cableconv.writers.pandoc_ast import WriteOptions, build, write

#: pandoc's Markdown, with typography written as characters.
MARKDOWN_FORMAT = "markdown-smart"


def warm_up(options: Options) -> None:
    """Before the first document of a process: pandoc started."""
    pandoc_ast.warm_up(MARKDOWN_FORMAT, options.pandoc)


def write_pandoc_markdown(doc: Document, options: Options = Options()) -> Output:
    """pandoc's Markdown (UTF-8, one trailing newline, deterministic) and
    what it could not render as it stands."""
    built = build(doc, "markdown")
    text = write(
        built,
        MARKDOWN_FORMAT,
        WriteOptions(wrap_none=True),
        raw="markdown",
        pandoc=options.pandoc,
    )
    return Output(text.rstrip(b"\n") + b"\n", built.losses)
