"""PDF writer: pandoc's typst writer and the typst compiler, in-process.

pandoc writes the document's typst (``typst-smart``: with ``+smart`` it
would straighten ’ and typst would print ’44 as ‘44) and this module puts it
after the layout in ``data/cableconv.typ``: real footnotes at the foot of the
page with the document's own marks, page turns of the printed volume in the
right margin, the dateline and signature set right, the classification in
small caps, no hyphenation (so no soft hyphen reaches the text layer), only
the fonts bundled with typst (Libertinus Serif, with New Computer Modern for
anything it lacks), the heading as the PDF title.

Paper is ``Options.paper`` (US Letter unless ``a4``). Output is
deterministic: no creation date, unless ``Options.source_date_epoch``
(``SOURCE_DATE_EPOCH``) gives one.
"""

from __future__ import annotations

import json
import os
from typing import Any

from cableconv.diagnostics import Diagnostic, Span
from cableconv.model import Document
from cableconv.options import Options
from cableconv.writers import Output, pandoc_ast
from cableconv.writers.pandoc_ast import DATA_DIR, PandocDocument, WriteOptions, build, write

TEMPLATE = DATA_DIR / "cableconv.typ"
#: ``Options.paper`` -> typst's paper name (a test keeps it equal to ``options.PAPERS``).
TYPST_PAPERS = {"letter": "us-letter", "a4": "a4"}


def typst_source(doc: Document, options: Options = Options()) -> tuple[bytes, dict[str, str]]:
    """The typst source of ``doc`` and the ``sys.inputs`` it expects."""
    source, inputs, _ = _typst(doc, options)
    return source, inputs


def _typst(doc: Document, options: Options) -> tuple[bytes, dict[str, str], PandocDocument]:
    built = build(doc, "typst", missing_glyphs)
    body = write(
        built, "typst-smart", WriteOptions(wrap_none=True), raw="typst", pandoc=options.pandoc
    )
    inputs = {
        "cc-title": built.title,
        "cc-description": f"Converted by cableconv from the transcription {doc.source_name}",
        "cc-note-marks": json.dumps(list(built.note_marks), ensure_ascii=False),
        "cc-paper": TYPST_PAPERS[options.paper],
    }
    if options.source_date_epoch is not None:
        inputs["cc-dated"] = "yes"
    return TEMPLATE.read_bytes() + b"\n" + body, inputs, built


_COMPILER: tuple[int, Any] | None = None


def _compiler() -> Any:
    """This process's typst compiler, kept across documents: it keeps the
    bundled fonts loaded (a fresh compile per document costs ~25% more).
    Made anew in a forked worker, which must not share the parent's."""
    global _COMPILER
    if _COMPILER is None or _COMPILER[0] != os.getpid():
        import typst

        _COMPILER = (os.getpid(), typst.Compiler(root=str(DATA_DIR), ignore_system_fonts=True))
    return _COMPILER[1]


def warm_up(options: Options) -> None:
    """Before the first document of a process: pandoc started, and typst's
    compiler made with the bundled fonts loaded (one tiny page)."""
    pandoc_ast.warm_up("typst-smart", options.pandoc)
    _compiler().compile(
        input=TEMPLATE.read_bytes() + b"\nWarm-up.",
        sys_inputs={"cc-paper": TYPST_PAPERS[options.paper]},
    )


def write_pdf(doc: Document, options: Options = Options()) -> Output:
    """The PDF file, on ``options.paper``, and what it could not render as it
    stands (markers without notes, characters its fonts cannot draw)."""
    source, inputs, built = _typst(doc, options)
    pdf = _compiler().compile(input=source, sys_inputs=inputs, timestamp=options.source_date_epoch)
    if not isinstance(pdf, bytes):  # pragma: no cover - typst returns bytes for one PDF
        raise TypeError("typst did not return a PDF")
    return Output(pdf, built.losses)


#: What the fonts bundled with typst (Libertinus Serif, New Computer Modern)
#: draw: Latin with its extensions and diacritics, Greek, Cyrillic,
#: punctuation, currency, letterlike symbols, arrows, mathematical operators
#: and the Latin ligatures. A character outside shows as an empty box.
_DRAWN = (
    (0x0000, 0x036F),
    (0x0370, 0x03FF),
    (0x0400, 0x052F),
    (0x1E00, 0x1EFF),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2100, 0x22FF),
    (0xFB00, 0xFB06),
)


def _drawn(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _DRAWN)


def missing_glyphs(text: str, span: Span) -> Diagnostic | None:
    """A warning when a piece of text has characters the PDF's fonts cannot
    draw (an emoji, a Chinese name): the PDF shows boxes there. Run on each
    piece of text as the AST is built."""
    if text.isascii():
        return None
    missing = sorted({ch for ch in text if not _drawn(ch)})
    if not missing:
        return None
    shown = " ".join(f"U+{ord(ch):04X} {ch}" for ch in missing[:5])
    return Diagnostic(
        "CC403",
        f"the PDF's fonts cannot draw {shown}; the PDF shows a box there",
        span,
        hint="the TEI, JSON, Markdown and DOCX keep the characters",
    )
