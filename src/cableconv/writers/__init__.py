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
    """An output format: its name, suffix and writer, and what a batch needs
    to know to plan and run it (costs, long-lived state), so that the batch
    and its workers know nothing about particular formats."""

    name: str
    suffix: str
    write: Callable[[Document, Options], Output]
    #: CPU milliseconds to write one typical document in a warm process
    #: (``bench/costs.py``); the batch weighs work against worker start-up.
    cost_ms: float
    #: CPU milliseconds a new process spends in ``warm_up``, by the state it
    #: builds: ``(("pandoc", 30.0), ("typst", 27.0))``. Formats that share a
    #: state (one pandoc for Markdown and PDF, lxml for TEI and DOCX) name it
    #: alike, and a worker pays for each state once.
    start_ms: tuple[tuple[str, float], ...] = ()
    #: Builds the writer's long-lived state (imports, a pandoc process,
    #: typst's fonts) in a new worker before its first document.
    warm_up: Callable[[Options], None] | None = None
    #: Stops what the writer started in this process; safe to call twice.
    shutdown: Callable[[], None] | None = None
    #: Largest document (in characters) the format is written for. pandoc's
    #: Markdown writer and typst need about 300 and 450 bytes of memory per
    #: character of text; a FRUS document is at most a few hundred KB.
    max_chars: int | None = None
    #: The writer allocates and frees tens of megabytes per document (typst's
    #: layout): a worker gives freed memory back to the system after each.
    trim_memory: bool = False
    #: Inputs of this many bytes or more are heavy for the format: its memory
    #: grows with the document (pandoc's heap and typst's layout: about 400
    #: and 500 MB between them for the largest dev document, 290 KB), and a
    #: batch converts one heavy document at a time, so two workers never add
    #: up two such peaks.
    heavy_bytes: int | None = None


#: Where a document starts to cost pandoc and typst more than a worker's
#: ordinary 60 to 80 MB: 9 of the 5,940 dev documents, all from 68 KB up.
HEAVY_BYTES = 64 * 1024


def _tei(doc: Document, options: Options) -> Output:
    from cableconv.writers.tei import to_tei_bytes

    return Output(to_tei_bytes(doc))  # TEI holds every node of the model: nothing to lose


def _tei_warm_up(options: Options) -> None:
    import cableconv.writers.tei  # noqa: F401  (lxml: most of a TEI worker's start)


def _json(doc: Document, options: Options) -> Output:
    from cableconv.writers.json import to_json_bytes

    return Output(to_json_bytes(doc))  # the model itself: nothing to lose


def _md(doc: Document, options: Options) -> Output:
    from cableconv.writers.markdown import write_markdown

    return write_markdown(doc, options)


def _md_warm_up(options: Options) -> None:
    import cableconv.writers.markdown  # noqa: F401  (the model and the notes on top of it)


def _pandoc_md(doc: Document, options: Options) -> Output:
    from cableconv.writers.pandoc_markdown import write_pandoc_markdown

    return write_pandoc_markdown(doc, options)


def _pandoc_md_warm_up(options: Options) -> None:
    from cableconv.writers.pandoc_markdown import warm_up

    warm_up(options)


def _docx(doc: Document, options: Options) -> Output:
    from cableconv.writers.docx import write_docx

    return write_docx(doc, options)


def _docx_warm_up(options: Options) -> None:
    from cableconv.writers.docx import warm_up

    warm_up(options)


def _pdf(doc: Document, options: Options) -> Output:
    from cableconv.writers.pdf import write_pdf

    return write_pdf(doc, options)


def _pdf_warm_up(options: Options) -> None:
    from cableconv.writers.pdf import warm_up

    warm_up(options)


def _stop_pandoc() -> None:
    from cableconv.writers.pandoc_ast import shutdown

    shutdown()


#: 2 million characters: ~30 s and under 1 GB for Markdown or PDF.
MAX_CHARS_TYPESET = 2_000_000

#: Shared start-up states (see ``Format.start_ms``), CPU ms in a new process.
_LXML = ("lxml", 40.0)  # lxml and the writer modules on top of it
_PANDOC = ("pandoc", 30.0)  # the pandoc lua process, started and answering

#: Costs measured with ``bench/costs.py`` on 400 development-corpus documents
#: (CPU ms on one core, means: the batch adds them up; pandoc's process included).
FORMATS: dict[str, Format] = {
    "tei": Format("tei", ".xml", _tei, cost_ms=0.8, start_ms=(_LXML,), warm_up=_tei_warm_up),
    "json": Format("json", ".json", _json, cost_ms=0.7),
    "md": Format(
        "md",
        ".md",
        _md,
        cost_ms=0.8,
        start_ms=(("md-writer", 35.0),),
        warm_up=_md_warm_up,
        max_chars=MAX_CHARS_TYPESET,
    ),
    # pandoc's own Markdown (fenced divs, classes), for round trips through pandoc
    "markdown": Format(
        "markdown",
        ".markdown",
        _pandoc_md,
        cost_ms=14.0,
        start_ms=(_PANDOC,),
        warm_up=_pandoc_md_warm_up,
        shutdown=_stop_pandoc,
        max_chars=MAX_CHARS_TYPESET,
        heavy_bytes=HEAVY_BYTES,
    ),
    "docx": Format(
        "docx",
        ".docx",
        _docx,
        cost_ms=1.8,
        start_ms=(_LXML, ("docx-reference", 24.0)),
        warm_up=_docx_warm_up,
        trim_memory=True,
    ),
    "pdf": Format(
        "pdf",
        ".pdf",
        _pdf,
        cost_ms=36.0,
        start_ms=(_PANDOC, ("typst", 27.0)),
        warm_up=_pdf_warm_up,
        shutdown=_stop_pandoc,
        max_chars=MAX_CHARS_TYPESET,
        trim_memory=True,
        heavy_bytes=HEAVY_BYTES,
    ),
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
