"""Output formats. Each writer is one module with one entry function that
takes a :class:`~cableconv.model.Document` and returns the file's bytes;
writers never call each other."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cableconv.diagnostics import Diagnostic
from cableconv.model import Document


@dataclass(frozen=True)
class Format:
    """An output format. ``losses``, if given, says what the format cannot
    show of a document (loss is never silent: the batch reports it)."""

    name: str
    suffix: str
    write: Callable[[Document], bytes]
    losses: Callable[[Document], list[Diagnostic]] | None = None
    #: Largest document (in characters) the format is written for. pandoc's
    #: Markdown writer and typst need about 300 and 450 bytes of memory per
    #: character of text; a FRUS document is at most a few hundred KB.
    max_chars: int | None = None


def _tei(doc: Document) -> bytes:
    from cableconv.writers.tei import to_tei_bytes

    return to_tei_bytes(doc)


def _json(doc: Document) -> bytes:
    from cableconv.writers.json import to_json_bytes

    return to_json_bytes(doc)


def _md(doc: Document) -> bytes:
    from cableconv.writers.markdown import to_markdown_bytes

    return to_markdown_bytes(doc)


def _docx(doc: Document) -> bytes:
    from cableconv.writers.docx import to_docx_bytes

    return to_docx_bytes(doc)


def _pdf(doc: Document) -> bytes:
    from cableconv.writers.pdf import to_pdf_bytes

    return to_pdf_bytes(doc)


def _pdf_losses(doc: Document) -> list[Diagnostic]:
    from cableconv.writers.pdf import missing_glyphs

    return missing_glyphs(doc)


#: 2 million characters: ~30 s and under 1 GB for Markdown or PDF.
MAX_CHARS_TYPESET = 2_000_000

FORMATS: dict[str, Format] = {
    "tei": Format("tei", ".xml", _tei),
    "json": Format("json", ".json", _json),
    "md": Format("md", ".md", _md, max_chars=MAX_CHARS_TYPESET),
    "docx": Format("docx", ".docx", _docx),
    "pdf": Format("pdf", ".pdf", _pdf, _pdf_losses, max_chars=MAX_CHARS_TYPESET),
}


def parse_formats(spec: str) -> list[Format]:
    """``"tei,json"`` -> the formats, in the given order; raises ValueError."""
    names = [s.strip().lower() for s in spec.split(",") if s.strip()]
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise ValueError(
            f"unknown format(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS)}"
        )
    return [FORMATS[n] for n in dict.fromkeys(names)]
