"""PDF writer: pandoc's typst writer and the typst compiler, in-process.

pandoc writes the document's typst (``typst-smart``: with ``+smart`` it
would straighten ’ and typst would print ’44 as ‘44) and this module puts it
after the layout in ``data/cableconv.typ``: real footnotes at the foot of the
page with the document's own marks, page turns of the printed volume in the
right margin, the dateline and signature set right, the classification in
small caps, no hyphenation (so no soft hyphen reaches the text layer), only
the fonts bundled with typst (Libertinus Serif, with New Computer Modern for
anything it lacks), the heading as the PDF title.

Paper is US Letter unless ``paper="a4"`` (or ``CABLECONV_PDF_PAPER=a4`` for
``convert --to pdf``). Output is deterministic: no creation date, unless
``SOURCE_DATE_EPOCH`` gives one.
"""

from __future__ import annotations

import json
import os
from typing import Any

from cableconv.diagnostics import Diagnostic
from cableconv.model import Document, iter_inlines
from cableconv.writers.common import source_date_epoch
from cableconv.writers.pandoc_ast import DATA_DIR, WriteOptions, build, write

TEMPLATE = DATA_DIR / "cableconv.typ"
#: ``paper`` setting -> typst's paper name.
PAPERS = {"letter": "us-letter", "a4": "a4"}
DEFAULT_PAPER = "letter"


def paper_from_env() -> str:
    """The paper ``convert --to pdf`` uses: ``CABLECONV_PDF_PAPER`` or letter."""
    return os.environ.get("CABLECONV_PDF_PAPER", DEFAULT_PAPER).strip().lower() or DEFAULT_PAPER


def typst_source(doc: Document) -> tuple[bytes, dict[str, str]]:
    """The typst source of ``doc`` and the ``sys.inputs`` it expects."""
    built = build(doc, "typst")
    body = write(built, "typst-smart", WriteOptions(wrap_none=True), raw="typst")
    inputs = {
        "cc-title": built.title,
        "cc-description": f"Converted by cableconv from the transcription {doc.source_name}",
        "cc-note-marks": json.dumps(list(built.note_marks), ensure_ascii=False),
    }
    return TEMPLATE.read_bytes() + b"\n" + body, inputs


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


def to_pdf_bytes(doc: Document, paper: str | None = None) -> bytes:
    """The PDF file's bytes; ``paper`` is ``letter`` (default) or ``a4``."""
    chosen = paper_from_env() if paper is None else paper.strip().lower()
    if chosen not in PAPERS:
        raise ValueError(f"unknown paper {chosen!r}; choose from {', '.join(PAPERS)}")
    source, inputs = typst_source(doc)
    inputs["cc-paper"] = PAPERS[chosen]
    epoch = source_date_epoch()
    if epoch is not None:
        inputs["cc-dated"] = "yes"
    pdf = _compiler().compile(input=source, sys_inputs=inputs, timestamp=epoch)
    if not isinstance(pdf, bytes):  # pragma: no cover - typst returns bytes for one PDF
        raise TypeError("typst did not return a PDF")
    return pdf


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


def missing_glyphs(doc: Document) -> list[Diagnostic]:
    """A warning for each stretch of text with characters the PDF's fonts
    cannot draw (an emoji, a Chinese name): the PDF shows boxes there."""
    out: list[Diagnostic] = []
    for _node, content in iter_inlines(doc):
        for inline in content:
            text = getattr(inline, "text", "")
            if not text or text.isascii():
                continue
            missing = sorted({ch for ch in text if not _drawn(ch)})
            if missing:
                shown = " ".join(f"U+{ord(ch):04X} {ch}" for ch in missing[:5])
                out.append(
                    Diagnostic.make(
                        "warning",
                        "CC403",
                        f"the PDF's fonts cannot draw {shown}; the PDF shows a box there",
                        inline.span,
                        hint="the TEI, JSON, Markdown and DOCX keep the characters",
                    )
                )
    return out
