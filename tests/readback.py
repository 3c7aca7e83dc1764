"""Read cableconv's Markdown, DOCX and PDF back, to check they carry the document.

Used by tests/test_markdown.py, test_docx.py, test_pdf.py and by
scripts/check_outputs.py. Each reader returns what a reader of that format
sees: the text (for the word check) and the footnotes with their marks.

The word check: every word of the model (letters and digits, compared
case-insensitively, since small caps are written as capitals by pandoc's
plain-text writer) must occur in the output at least as often as in the
model. Page markers count as the words ``Page`` and their number.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cableconv.model import (
    Attachment,
    Document,
    Footnote,
    Inlines,
    ListBlock,
    NoteRef,
    PageBreak,
    PageBreakBlock,
    iter_inlines,
    plain,
)
from cableconv.writers.docx_notes import format_label
from cableconv.writers.pandoc_ast import WriteOptions, convert_text

WORD = re.compile(r"\w+")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def word_list(text: str) -> list[str]:
    return [w.casefold() for w in WORD.findall(text)]


def page_numbers(doc: Document) -> Counter[str]:
    """Every page turn of the document: inline ones and those between blocks."""
    pages: Counter[str] = Counter()
    for _, content in iter_inlines(doc):
        pages.update(node.n for node in content if isinstance(node, PageBreak))

    def walk(blocks: tuple[Any, ...]) -> None:
        for b in blocks:
            if isinstance(b, PageBreakBlock):
                pages[b.n] += 1
            elif isinstance(b, Attachment):
                walk(b.blocks)
            elif isinstance(b, ListBlock):
                pages.update(i.n for i in b.items if isinstance(i, PageBreakBlock))

    walk(doc.blocks)
    return pages


def _words_of(content: Any) -> str:
    """The text of inline content as the outputs show it: a note marker or a
    page marker ends a word there (``1st`` read as note 1 and ``st``)."""
    parts = []
    for node in content:
        if isinstance(node, NoteRef):
            parts.append(" ")
        elif isinstance(node, PageBreak):
            parts.append(f" Page {node.n} ")
        else:
            parts.append(plain((node,)))
    return "".join(parts)


def model_words(doc: Document) -> Counter[str]:
    words: Counter[str] = Counter()
    for _, content in iter_inlines(doc):
        words.update(word_list(_words_of(content)))

    def walk(blocks: tuple[Any, ...]) -> None:
        for b in blocks:
            if isinstance(b, PageBreakBlock):
                words.update(word_list(f"Page {b.n}"))
            elif isinstance(b, Attachment):
                walk(b.blocks)
            elif isinstance(b, ListBlock):
                for item in b.items:
                    if isinstance(item, PageBreakBlock):
                        words.update(word_list(f"Page {item.n}"))

    walk(doc.blocks)
    return words


def missing_words(expected: Counter[str], text: str, marks: tuple[str, ...] = ()) -> Counter[str]:
    """Words of the model the output lacks. A footnote mark glued to words in
    a PDF text layer (``President1``, ``1Sent``, ``the1st``) is split off first."""
    found = Counter(word_list(text))
    missing = expected - found
    if missing and marks:
        glued: Counter[str] = Counter()
        folded = sorted({m.casefold() for m in marks if m}, key=len, reverse=True)
        for token, k in found.items():
            if token in expected:
                continue
            parts = _unglue(token, folded, missing)
            for part in parts:
                glued[part] += k
        missing -= glued
    return missing


def _unglue(token: str, marks: list[str], missing: Counter[str]) -> list[str]:
    """``token`` as missing words around one footnote mark, or nothing."""
    for mark in marks:
        start = token.find(mark)
        while start >= 0:
            before, after = token[:start], token[start + len(mark) :]
            parts = [p for p in (before, after) if p]
            if parts and all(p in missing for p in parts):
                return parts
            start = token.find(mark, start + 1)
    return []


# ---- Markdown ---------------------------------------------------------------


@dataclass
class MarkdownContent:
    text: str
    notes: list[str]
    labels: list[str]


def _stringify(node: Any) -> str:
    if isinstance(node, list):
        return "".join(_stringify(n) for n in node)
    if not isinstance(node, dict):
        return ""
    t, c = node.get("t"), node.get("c")
    if t == "Str":
        return str(c)
    if t in ("Space", "SoftBreak", "LineBreak"):
        return " "
    if t == "Note":
        return ""
    if t in ("Span", "Link", "Image", "Div"):
        return _stringify(c[1])
    if t == "Quoted":
        return _stringify(c[1])
    if t in ("Code", "Math", "RawInline", "RawBlock"):
        return "\x00" + t + "\x00"  # never a word of the model
    return _stringify(c)


def read_markdown(data: bytes) -> MarkdownContent:
    """pandoc's reading of the Markdown: plain text, and each footnote's text."""
    text = convert_text(data, "markdown", "plain", WriteOptions(wrap_none=True)).decode("utf-8")
    ast = json.loads(convert_text(data, "markdown", "json"))
    notes: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for n in node:
                walk(n)
        elif isinstance(node, dict):
            if node.get("t") == "Note":
                notes.append(" ".join(_stringify(node["c"]).split()))
            walk(node.get("c"))

    walk(ast["blocks"])
    labels = re.findall(r"^\[\^([^\]]+)\]:", data.decode("utf-8"), re.MULTILINE)
    return MarkdownContent(text, notes, labels)


# ---- DOCX -------------------------------------------------------------------


@dataclass
class DocxContent:
    paragraphs: list[tuple[str, str]]  # (style name, text)
    notes: list[tuple[str, str]]  # (mark as Word shows it, text)
    note_refs: list[str] = field(default_factory=list)  # marks in the text, as Word shows them
    core: dict[str, str] = field(default_factory=dict)
    char_styles: Counter[str] = field(default_factory=Counter)
    #: how many references carry a custom mark (``customMarkFollows``)
    custom_marks: int = 0

    @property
    def text(self) -> str:
        return "\n".join(t for _, t in self.paragraphs) + "\n" + "\n".join(t for _, t in self.notes)


def _run_text(run: Any) -> str:
    parts = []
    for child in run.iter():
        tag = child.tag
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag in (f"{W}br", f"{W}tab", f"{W}cr"):
            parts.append(" ")
    return "".join(parts)


def _is_mark_run(run: Any) -> bool:
    style = run.find(f"{W}rPr/{W}rStyle")
    return style is not None and style.get(f"{W}val") == "FootnoteReference"


def _paragraph_text(p: Any) -> tuple[str, list[str | None], list[str]]:
    """Text without note marks, the marks (None for Word's own number), and
    the character styles used."""
    text: list[str] = []
    marks: list[str | None] = []
    styles: list[str] = []
    for run in p.iter(f"{W}r"):
        style = run.find(f"{W}rPr/{W}rStyle")
        if _is_mark_run(run):
            ref = run.find(f"{W}footnoteReference")
            mark: str | None = _run_text(run)
            custom = ref is not None and ref.get(f"{W}customMarkFollows") == "1"
            if run.find(f"{W}footnoteRef") is not None or (ref is not None and not custom):
                mark = None  # automatic number, filled in by Word
            marks.append(mark)
            text.append(" ")  # a mark ends the word before it
            continue
        if style is not None:
            styles.append(style.get(f"{W}val"))
        text.append(_run_text(run))
    return "".join(text), marks, styles  # type: ignore[return-value]


def read_docx(data: bytes) -> DocxContent:
    """Paragraphs (python-docx) and footnotes (its footnotes part)."""
    import docx

    document = docx.Document(io.BytesIO(data))
    paragraphs: list[tuple[str, str]] = []
    refs: list[str] = []
    char_styles: Counter[str] = Counter()
    body = document.element.body
    style_names = {s.style_id: s.name for s in document.styles}
    for p in body.iter(f"{W}p"):
        text, marks, styles = _paragraph_text(p)
        style = p.find(f"{W}pPr/{W}pStyle")
        name = style_names.get(style.get(f"{W}val"), "") if style is not None else "Normal"
        paragraphs.append((name or "", text))
        char_styles.update(style_names.get(s, s) for s in styles)
        refs.extend(marks)
    # Word's own numbers, as ECMA-376 says: the section's numFmt from its
    # numStart, one per automatic note; a custom mark takes no number
    props = body.find(f"{W}sectPr/{W}footnotePr")
    fmt, start = "decimal", 1
    if props is not None:
        fmt_el, start_el = props.find(f"{W}numFmt"), props.find(f"{W}numStart")
        fmt = fmt_el.get(f"{W}val") if fmt_el is not None else fmt
        start = int(start_el.get(f"{W}val")) if start_el is not None else start
    auto = [k for k, mark in enumerate(refs) if mark is None]
    shown = {k: format_label(fmt, start + n) for n, k in enumerate(auto)}
    custom_marks = len(refs) - len(auto)
    refs = [shown.get(k, mark or "") for k, mark in enumerate(refs)]
    notes: list[tuple[str, str]] = []
    part = next(
        (p for p in document.part.package.iter_parts() if str(p.partname) == "/word/footnotes.xml"),
        None,
    )
    if part is not None:
        from lxml import etree

        root = etree.fromstring(part.blob)
        for note in root.iter(f"{W}footnote"):
            if note.get(f"{W}type") in ("separator", "continuationSeparator"):
                continue
            texts, marks = [], []
            for p in note.iter(f"{W}p"):
                text, pmarks, _ = _paragraph_text(p)
                texts.append(text)
                marks.extend(pmarks)
            notes.append((marks[0] or "" if marks else "", " ".join(" ".join(texts).split())))
        # a note without a custom mark shows its reference's number
        notes = [(m or refs[k] if k < len(refs) else m, t) for k, (m, t) in enumerate(notes)]
    props = document.core_properties
    core = {"title": props.title or "", "subject": props.subject or ""}
    core.update(
        (name, str(value))
        for name in ("author", "keywords", "language", "identifier", "created")
        if (value := getattr(props, name))
    )
    return DocxContent(paragraphs, notes, refs, core, char_styles, custom_marks)


# ---- PDF --------------------------------------------------------------------


@dataclass
class PdfContent:
    text: str
    pages: int
    note_marks: list[str]  # marks of the footnote references, in order
    title: str


def read_pdf(data: bytes) -> PdfContent:
    """The text layer (pypdf) and the footnote links typst writes
    (``/Contents (Footnote 3)`` on each reference)."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    texts, marks = [], []
    for page in reader.pages:
        texts.append(page.extract_text())
        for annot in page.get("/Annots") or []:
            contents = str(annot.get_object().get("/Contents", ""))
            if contents.startswith("Footnote "):
                marks.append(contents.removeprefix("Footnote "))
    title = str((reader.metadata or {}).get("/Title", ""))
    return PdfContent("\n".join(texts), len(reader.pages), marks, title)


def notes_in_order(doc: Document) -> list[tuple[Footnote, Inlines | None]]:
    """Each note once, as the outputs number them: in the text order of its
    first marker, with the text after that marker, then any note whose
    marker is missing (None after it)."""
    found: list[tuple[Footnote, Inlines | None]] = []
    used: set[int] = set()
    occurrence: dict[str, int] = {}
    for block, content in iter_inlines(doc):
        if isinstance(block, Footnote):
            continue
        for k, node in enumerate(content):
            if isinstance(node, NoteRef):
                seen = occurrence.get(node.n, 0)
                occurrence[node.n] = seen + 1
                note = doc.footnote(node.n, seen)
                if note is not None and id(note) not in used:
                    used.add(id(note))
                    found.append((note, content[k + 1 :]))
    found.extend((n, None) for n in doc.footnotes if id(n) not in used)
    return found


def note_refs_in_order(doc: Document) -> list[str]:
    """The marks of the notes as the outputs number them (:func:`notes_in_order`)."""
    return [note.n for note, _ in notes_in_order(doc)]


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Two boxes (left, bottom, right, top) share more than a point across
    and more than a third of the lower one's height."""
    across = min(a[2], b[2]) - max(a[0], b[0])
    up = min(a[3], b[3]) - max(a[1], b[1])
    return across > 1 and up > min(a[3] - a[1], b[3] - b[1]) / 3


def overlapping_text(data: bytes) -> list[tuple[int, int]]:
    """Pages (1-based) where two pieces of text are drawn over each other,
    with how many pairs, as PDFium (Chrome's PDF reader) lays out the text:
    a table overprinted at the foot of a page, a margin label on the text.

    PDFium's text rectangles (runs of one line and font) that overlap are
    looked at glyph by glyph: two glyphs overlap when their ink boxes do.
    Two glyphs set one after the other on a line are not text drawn over
    text: the ink of an italic glyph reaches past its advance, over the box
    of the next (a note mark and the bracket after it, ``p.m.⁶]``, in an
    italic dateline)."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    found: list[tuple[int, int]] = []
    try:
        for k in range(len(pdf)):
            page = pdf[k].get_textpage()
            every = (page.get_rect(i) for i in range(page.count_rects()))
            rects = sorted(
                (r for r in every if r[2] - r[0] > 0.5 and r[3] - r[1] > 0.5), key=lambda r: r[1]
            )
            glyphs: list[tuple[int, tuple[float, ...]]] | None = None
            pairs = 0
            for i, a in enumerate(rects):
                for b in rects[i + 1 :]:
                    if b[1] >= a[3]:
                        break
                    if not _overlap(a, b):
                        continue
                    if glyphs is None:
                        glyphs = _glyphs(page)
                    if _glyphs_overlap(glyphs, a, b):
                        pairs += 1
            if pairs:
                found.append((k + 1, pairs))
    finally:
        pdf.close()
    return found


def _glyphs(page: Any) -> list[tuple[int, tuple[float, ...]]]:
    """The page's glyphs that leave ink: (index in text order, ink box)."""
    out = []
    for i in range(page.count_chars()):
        box = page.get_charbox(i)
        if box[2] - box[0] > 0.1 and box[3] - box[1] > 0.1:
            out.append((i, box))
    return out


def _inside(box: tuple[float, ...], rect: tuple[float, ...]) -> bool:
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return rect[0] <= x <= rect[2] and rect[1] <= y <= rect[3]


def _glyphs_overlap(
    glyphs: list[tuple[int, tuple[float, ...]]], a: tuple[float, ...], b: tuple[float, ...]
) -> bool:
    """Whether a glyph of rectangle ``a`` and one of ``b`` overlap that are
    not neighbours on a line (the later one next in text order and set to
    the right of the earlier)."""
    in_a = [g for g in glyphs if _inside(g[1], a)]
    in_b = [g for g in glyphs if _inside(g[1], b)]
    for i, box in in_a:
        for j, other in in_b:
            if i == j or not _overlap(box, other):
                continue
            (first, fbox), (then, tbox) = sorted(((i, box), (j, other)))
            if then == first + 1 and tbox[0] > fbox[0]:
                continue  # side by side, an italic glyph's ink over the next's box
            return True
    return False


def pdf_outline(data: bytes) -> list[tuple[int, str]]:
    """The PDF's bookmarks as (depth, title), depth 0 at the top."""
    import pypdf

    out: list[tuple[int, str]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, str(item.title)))

    walk(pypdf.PdfReader(io.BytesIO(data)).outline, 0)
    return out


# ---- Markdown as GitHub renders it ----------------------------------------

#: How to install the consumers the tests read outputs back with.
INSTALL_HINT = {
    "markdown-it-py": "pip install -e '.[dev]' (markdown-it-py, mdit-py-plugins, linkify-it-py)",
    "cmark-gfm": "apt-get install cmark-gfm",
    "soffice": "apt-get install libreoffice-writer-nogui",
    "qpdf": "apt-get install qpdf",
    "pdffonts": "apt-get install poppler-utils",
}
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
#: Tags inside a line of text (a link, emphasis) and the others, which end a
#: word (a footnote's number in <sup> too, as in print).
_INLINE_TAG = re.compile(r"</?(?:a|em|strong|code|span|del|s)\b[^>]*>")
_BLOCK_TAG = re.compile(r"<[^>]+>")


def split_front_matter(data: bytes) -> tuple[str, str]:
    """The YAML front matter (without its fences) and the Markdown after it."""
    text = data.decode("utf-8")
    m = _FRONT_MATTER.match(text)
    if m is None:
        return "", text
    return m.group()[4:-4], text[m.end() :]


def gfm_html(data: bytes) -> str:
    """The HTML markdown-it-py makes of the Markdown, as GitHub renders it
    (CommonMark, GFM tables, strikethrough, autolinks) with footnotes and
    front matter (which GitHub and site generators read as metadata)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    # linkify-it, markdown-it's finder of web addresses, is not GitHub's (it
    # reads an address's end differently): cmark_gfm_html checks those
    md = MarkdownIt("gfm-like").disable("linkify").use(footnote_plugin).use(front_matter_plugin)
    return md.render(data.decode("utf-8"))


def cmark_gfm_html(data: bytes) -> str:
    """The HTML ``cmark-gfm`` (GitHub's own renderer) makes of the Markdown
    after its front matter, with GitHub's extensions for tables, footnotes
    and strikethrough (not its links made of web addresses: see
    ``writers/markdown.py``)."""
    import subprocess

    _, body = split_front_matter(data)
    result = subprocess.run(
        ["cmark-gfm", "-e", "table", "-e", "footnotes", "-e", "strikethrough"],
        input=body.encode("utf-8"),
        capture_output=True,
        check=True,
    )
    return result.stdout.decode("utf-8")


def html_text(html: str) -> str:
    """The text a reader sees in the HTML: tags dropped, entities decoded."""
    import html as html_lib

    return html_lib.unescape(_BLOCK_TAG.sub(" ", _INLINE_TAG.sub("", html)))


@dataclass
class RenderedMarkdown:
    text: str  # what a reader sees, notes included
    notes: list[str]  # the text of each footnote, in order
    refs: int  # footnote references in the text
    labels: list[str]  # the footnote labels of the source, in order
    tables: int
    headings: list[tuple[int, str]]  # (level, text)
    front_matter: str


_NOTE_ITEM = re.compile(r'<li id="fn[^"]*"[^>]*>(.*?)</li>', re.DOTALL)
_BACKREF = re.compile(r'<a href="#fnref[^"]*"[^>]*>.*?</a>', re.DOTALL)
_HEADING = re.compile(r"<h([1-6])[^>]*>(.*?)</h\1>", re.DOTALL)
_NOTE_REF = re.compile(r'<sup class="footnote-ref">.*?</sup>', re.DOTALL)


def read_gfm(data: bytes, html: str) -> RenderedMarkdown:
    """What the rendered HTML of the Markdown shows."""
    notes = [
        " ".join(html_text(_BACKREF.sub("", item)).split()) for item in _NOTE_ITEM.findall(html)
    ]
    front, body = split_front_matter(data)
    labels = re.findall(r"^\[\^([^\]]+)\]:", body, re.MULTILINE)
    return RenderedMarkdown(
        text=html_text(_BACKREF.sub("", html)),
        notes=notes,
        refs=html.count('class="footnote-ref"'),
        labels=labels,
        tables=html.count("<table"),
        headings=[
            (int(k), " ".join(html_text(_NOTE_REF.sub("", h)).split()))
            for k, h in _HEADING.findall(html)
        ],
        front_matter=front,
    )


def note_labels(doc: Document) -> list[str]:
    """The labels the Markdown gives the notes, in the order the outputs
    number them: as printed, a label printed again with ``-2``, ``-3``."""
    seen: Counter[str] = Counter()
    out = []
    for mark in note_refs_in_order(doc):
        base = re.sub(r"[\s\[\]^\\]+", "-", mark).strip("-") or "unmarked"
        seen[base] += 1
        k = seen[base]
        out.append(base if k == 1 and base != "unmarked" else f"{base}-{k}")
    return out


def require(tool: str) -> None:
    """Skip a test whose consumer is not installed, saying how to install
    it; under ``CI=true`` a missing consumer fails the test instead."""
    import importlib.util
    import os
    import shutil

    import pytest

    found = (
        importlib.util.find_spec(tool.replace("-", "_").replace("_py", "")) is not None
        if tool == "markdown-it-py"
        else shutil.which(tool) is not None
    )
    if found:
        return
    message = f"{tool} is not installed: {INSTALL_HINT.get(tool, tool)}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


# ---- DOCX as LibreOffice reads it -------------------------------------------

ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ODF_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def soffice_to_fodt(
    files: list[Path] | list[str], outdir: Path, profile: Path
) -> tuple[list[str], dict[str, str]]:
    """The command line and environment of a headless LibreOffice writing
    each file as flat ODT into ``outdir``, with a profile of its own (two
    LibreOffice processes sharing one wait for each other)."""
    import os

    argv = [
        "soffice",
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        "fodt",
        "--outdir",
        str(outdir),
        *map(str, files),
    ]
    return argv, {**os.environ, "HOME": str(profile)}


def libreoffice_fodt(files: list[Path], outdir: Path, profile: Path) -> None:
    """LibreOffice's reading of each file, as flat ODT in ``outdir`` (one
    start for all: a start costs seconds)."""
    import subprocess

    outdir.mkdir(parents=True, exist_ok=True)
    argv, env = soffice_to_fodt(files, outdir, profile)
    subprocess.run(
        argv,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        check=False,
        timeout=1800,
    )


@dataclass
class OdfNote:
    label: str  # as LibreOffice shows it
    custom: bool  # a custom mark (text:label), not LibreOffice's own number
    doubled: bool  # the mark shown again in the text or in the note
    after: str = ""  # the text right after the mark, as LibreOffice shows it
    inside: str = ""  # the note's text, as LibreOffice shows it


@dataclass
class FodtContent:
    text: str
    notes: list[OdfNote]
    tables: int
    headings: list[tuple[int, str]]


def _opens(text: str, label: str) -> bool:
    """Whether ``text`` opens with ``label`` as a mark of its own: ``23 the
    Embassy`` opens with 23, ``and to inform`` not with ``a`` (frus1901/d141).

    >>> _opens("23 the Embassy", "23"), _opens("and to inform", "a"), _opens("a Not", "a")
    (True, False, True)
    """
    if not text.startswith(label):
        return False
    rest = text[len(label) : len(label) + 1]
    return not (label[-1:].isalnum() and rest.isalnum())


def read_fodt(path: Path) -> FodtContent:
    """What LibreOffice made of a DOCX: its text (notes included, marks
    left out), each note's mark, tables and headings."""
    from lxml import etree

    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, huge_tree=True))
    body = root.find(f".//{{{ODF_OFFICE}}}text")
    assert body is not None
    notes: list[OdfNote] = []
    for note in body.iter(f"{{{ODF_TEXT}}}note"):
        citation = note.find(f"{{{ODF_TEXT}}}note-citation")
        label = (citation.text or "") if citation is not None else ""
        custom = citation is not None and citation.get(f"{{{ODF_TEXT}}}label") is not None
        note_body = note.find(f"{{{ODF_TEXT}}}note-body")
        inside = "".join(note_body.itertext()).strip() if note_body is not None else ""
        after = (note.tail or "").lstrip()
        doubled = bool(label) and (_opens(after, label) or _opens(inside, label))
        notes.append(OdfNote(label, custom, doubled, after[:80], inside[:80]))
    for citation in body.iter(f"{{{ODF_TEXT}}}note-citation"):
        citation.text = " "  # a mark ends the word before it, as in print
    text = "\n".join(
        " ".join(p.itertext()) for p in body.iter(f"{{{ODF_TEXT}}}p", f"{{{ODF_TEXT}}}h")
    )
    tables = len(list(body.iter(f"{{{ODF_TABLE}}}table")))
    headings = []
    for h in body.iter(f"{{{ODF_TEXT}}}h"):
        for note in list(h.iter(f"{{{ODF_TEXT}}}note-body")):
            note.getparent().remove(note)  # type: ignore[union-attr]
        level = int(h.get(f"{{{ODF_TEXT}}}outline-level") or 1)
        headings.append((level, " ".join("".join(h.itertext()).split())))
    return FodtContent(text, notes, tables, headings)
