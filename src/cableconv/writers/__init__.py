"""Output formats. Each writer is one module with one entry function that
takes a :class:`~cableconv.model.Document` and the run's
:class:`~cableconv.options.Options` and returns an :class:`Output`: the
file's bytes and what the format could not render as it stands (pandoc's
``report``: loss is never silent). Writers never call each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cableconv.diagnostics import Diagnostic
from cableconv.model import Document
from cableconv.options import Options


@dataclass(frozen=True)
class Output:
    """What a writer made: the file's bytes and its diagnostics (losses),
    which point into the transcription."""

    data: bytes
    diagnostics: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True)
class Format:
    """An output format: its name, suffix and writer."""

    name: str
    suffix: str
    write: Callable[[Document, Options], Output]
    #: Largest document (in characters) the format is written for. pandoc's
    #: Markdown writer and typst need about 300 and 450 bytes of memory per
    #: character of text; a FRUS document is at most a few hundred KB.
    max_chars: int | None = None


def _tei(doc: Document, options: Options) -> Output:
    from cableconv.writers.tei import to_tei_bytes

    return Output(to_tei_bytes(doc))  # TEI holds every node of the model: nothing to lose


def _json(doc: Document, options: Options) -> Output:
    from cableconv.writers.json import to_json_bytes

    return Output(to_json_bytes(doc))  # the model itself: nothing to lose


def _md(doc: Document, options: Options) -> Output:
    from cableconv.writers.markdown import write_markdown

    return write_markdown(doc, options)


def _docx(doc: Document, options: Options) -> Output:
    from cableconv.writers.docx import write_docx

    return write_docx(doc, options)


def _pdf(doc: Document, options: Options) -> Output:
    from cableconv.writers.pdf import write_pdf

    return write_pdf(doc, options)


#: 2 million characters: ~30 s and under 1 GB for Markdown or PDF.
MAX_CHARS_TYPESET = 2_000_000

FORMATS: dict[str, Format] = {
    "tei": Format("tei", ".xml", _tei),
    "json": Format("json", ".json", _json),
    "md": Format("md", ".md", _md, max_chars=MAX_CHARS_TYPESET),
    "docx": Format("docx", ".docx", _docx),
    "pdf": Format("pdf", ".pdf", _pdf, max_chars=MAX_CHARS_TYPESET),
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
