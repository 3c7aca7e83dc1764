"""PDF writer: pandoc's typst writer and the typst compiler, in-process.

pandoc writes the document's typst (``typst-smart``: with ``+smart`` it
would straighten ’ and typst would print ’44 as ‘44) and this module puts it
after the layout in ``data/cableconv.typ``: real footnotes at the foot of the
page with the document's own marks, page turns of the printed volume in the
right margin, the dateline and signature set right, the classification in
small caps, no hyphenation (so no soft hyphen reaches the text layer), only
the fonts bundled with typst (Libertinus Serif, with New Computer Modern for
anything it lacks), tables that break across pages with their column heads
repeated, enclosures one heading level below their document.

The PDF is archival by default: PDF/A-2b (``Options.pdf_standards``, the
``--pdf-standard`` setting, also asks for PDF/UA-1 or the other profiles
typst writes), checked by typst as it writes. Its properties come from
:mod:`cableconv.writers.meta`: a title that tells the document apart
(heading and date), the sender as author, the source line and date as
subject, keywords, language. PDF/A needs a date: ``SOURCE_DATE_EPOCH``
when set, else the document's own date (:mod:`cableconv.writers.meta`: its
dateline, else a date line, its heading or its source note; dated by the
source note, the PDF says so, CC411); a document with neither is written
without the PDF/A profile and says so (CC404). The clock never dates a PDF.
PDF/A-2 and later and PDF/UA forbid the empty box drawn for a character no bundled font has: such a
document is written without them and says so (CC410, after CC403).

Paper is ``Options.paper`` (US Letter unless ``a4``). Output is
deterministic: the same input and settings give the same bytes.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from cableconv import glyphs
from cableconv.diagnostics import Diagnostic, Span
from cableconv.model import Document
from cableconv.options import PDF_STANDARDS, Options
from cableconv.writers import Output, pandoc_ast
from cableconv.writers.meta import Metadata, metadata
from cableconv.writers.pandoc_ast import DATA_DIR, PandocDocument, WriteOptions, build, write

TEMPLATE = DATA_DIR / "cableconv.typ"
#: ``Options.paper`` -> typst's paper name (a test keeps it equal to ``options.PAPERS``).
TYPST_PAPERS = {"letter": "us-letter", "a4": "a4"}


def typst_source(doc: Document, options: Options = Options()) -> tuple[bytes, dict[str, str]]:
    """The typst source of ``doc`` and the ``sys.inputs`` it expects."""
    source, inputs, _, _ = _typst(doc, options)
    return source, inputs


def _typst(
    doc: Document, options: Options
) -> tuple[bytes, dict[str, str], PandocDocument, Metadata]:
    built = build(doc, "typst", missing_glyphs)
    body = write(
        built, "typst-smart", WriteOptions(wrap_none=True), raw="typst", pandoc=options.pandoc
    )
    meta = metadata(doc)
    inputs = {
        "cc-title": meta.title,
        "cc-authors": json.dumps(list(meta.authors), ensure_ascii=False),
        "cc-description": meta.subject,
        "cc-keywords": json.dumps(list(meta.keywords), ensure_ascii=False),
        "cc-lang": meta.language,
        "cc-note-marks": json.dumps(list(built.note_marks), ensure_ascii=False),
        "cc-paper": TYPST_PAPERS[options.paper],
    }
    if options.source_date_epoch is not None:
        inputs["cc-date"] = "auto"  # the compile's timestamp
    elif meta.date is not None and _ISO_DATE.match(meta.date):
        inputs["cc-date"] = _full_date(meta.date)
    return TEMPLATE.read_bytes() + b"\n" + body, inputs, built, meta


#: An ISO date or its start (``1944``, ``1944-12``, ``1944-12-15T17:00``).
_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _full_date(when: str) -> str:
    """A day from an ISO date as precise as the document gives it
    (``1944-12`` -> ``1944-12-01``).

    >>> _full_date("1944-12-15T17:00:00"), _full_date("1918-03")
    ('1944-12-15', '1918-03-01')
    """
    m = _ISO_DATE.match(when)
    assert m is not None
    parts = m.group().split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


#: The standards typst 0.15 will not write when a character is drawn as
#: the empty box of a font's ``.notdef`` glyph (PDF/A-2 6.2.11.8, PDF/UA-1):
#: it stops with "the text … could not be displayed" (tried on each; it
#: writes PDF/A-1b and the plain PDF versions with the box).
NOTDEF_REFUSED = frozenset(s for s in PDF_STANDARDS if s.startswith(("a-", "ua-"))) - {"a-1b"}


def standards(options: Options, dated: bool, all_drawn: bool = True) -> tuple[str, ...]:
    """The PDF standards to write: those asked for, less PDF/A when the
    document has no date (PDF/A cannot be written without one), and less
    those that forbid an undrawn character when the fonts cannot draw all
    of its text (``all_drawn`` false).

    >>> standards(Options(), dated=True), standards(Options(), dated=False)
    (('a-2b',), ())
    >>> standards(Options(pdf_standards=("a-1b", "ua-1", "1.7")), True, all_drawn=False)
    ('a-1b', '1.7')
    """
    wanted = options.pdf_standards
    if not dated:
        wanted = tuple(s for s in wanted if not s.startswith("a-"))
    if not all_drawn:
        wanted = tuple(s for s in wanted if s not in NOTDEF_REFUSED)
    return wanted


def archival_standards(
    options: Options, dated: bool, losses: list[Diagnostic], undated: Diagnostic, *texts: str
) -> tuple[str, ...]:
    """The standards to write (:func:`standards`), saying in ``losses`` why
    any asked for is left out: ``undated`` when there is no date, CC410
    (pointing at the first CC403) when the fonts cannot draw a character.
    ``texts`` name what has the characters and what keeps them, for the
    message and its hint (one document, or a volume)."""
    what, keeps = texts
    undrawn = [d for d in losses if d.code == "CC403"]
    wanted = standards(options, dated, all_drawn=not undrawn)
    if standards(options, dated) != options.pdf_standards:
        losses.append(undated)
    dropped = [s for s in standards(options, dated) if s not in wanted]
    if dropped:
        losses.append(
            Diagnostic(
                "CC410",
                f"the PDF's fonts cannot draw some of {what} (CC403), which "
                f"{', '.join(dropped)} forbids: the PDF is written without it",
                undrawn[0].span,
                hint=f"{keeps} keep the characters",
                file=undrawn[0].file,
            )
        )
    return wanted


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
    source, inputs, built, meta = _typst(doc, options)
    dated = "cc-date" in inputs
    losses = list(built.losses)
    if options.source_date_epoch is None and meta.dated_by == "source note":
        losses.append(
            Diagnostic(
                "CC411",
                f"the document has no dateline: the PDF is dated {meta.date}, the date its "
                "source note prints, which PDF/A needs",
                doc.span,
                hint="set SOURCE_DATE_EPOCH to date the PDF by the build instead",
            )
        )
    undated = Diagnostic(
        "CC404",
        "the document has no date (no dateline, date line, or date in its heading or "
        "source note), which PDF/A needs: the PDF is not PDF/A",
        doc.span,
        hint="set SOURCE_DATE_EPOCH (make convert sets it from the last git commit), "
        "or check the dateline",
    )
    wanted = archival_standards(
        options, dated, losses, undated, "the text", "the TEI, JSON, Markdown and DOCX"
    )
    pdf = _compiler().compile(
        input=source,
        sys_inputs=inputs,
        timestamp=options.source_date_epoch,
        pdf_standards=list(wanted),
    )
    if not isinstance(pdf, bytes):  # pragma: no cover - typst returns bytes for one PDF
        raise TypeError("typst did not return a PDF")
    return Output(pdf, tuple(losses))


#: What the PDF draws, found by drawing every character (:mod:`cableconv.glyphs`).
drawn = glyphs.drawn


def missing_glyphs(text: str, span: Span) -> Diagnostic | None:
    """A warning when a piece of text has characters the PDF's fonts cannot
    draw (an emoji, a Chinese name): the PDF shows boxes there. Run on each
    piece of text as the AST is built."""
    missing = glyphs.undrawn(text)
    if not missing:
        return None
    if span.end - span.start == len(text):  # the text as typed: point at the first box
        first = min(text.index(ch) for ch in missing)
        span = Span(span.start + first, span.start + first + 1)
    return Diagnostic(
        "CC403",
        f"the PDF's fonts cannot draw {glyphs.named(missing)}; the PDF shows a box there",
        span,
        hint="the TEI, JSON, Markdown and DOCX keep the characters",
    )
