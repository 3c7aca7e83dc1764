"""The sample volume in every format: structure, notes per document, validity.

One build of ``samples/volume`` (all formats) is shared by the module. The
footnotes of each document are counted in each output the way a reader of
that format finds them: TEI ``note/@xml:id`` per document ``div``; Markdown
definitions ``[^d<n>-…]``; DOCX ``w:footnoteReference`` between one Heading 2
and the next; EPUB ``aside epub:type="footnote"`` with the document's ids;
PDF ``Note`` elements of the tagged structure, between one ``H2`` and the next.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from cableconv.cli import run

from .test_volume import SAMPLE_ID, TEI, VOLUME, XML_ID

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCUMENTS = 31
CHAPTERS = 3


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("volume-all")
    err = io.StringIO()
    code = run(["volume", str(VOLUME / "VOLUME.toml"), "-o", str(out)], io.StringIO(), err)
    assert code == 0, err.getvalue()
    return out


def output(built: Path, suffix: str) -> Path:
    return built / f"{SAMPLE_ID}{suffix}"


# ---- footnotes per document, in every format ------------------------------------


def tei_notes(path: Path) -> list[int]:
    root = etree.parse(str(path)).getroot()
    divs = root.iter(f"{TEI}div")
    return [
        sum(1 for n in d.iter(f"{TEI}note") if n.get(XML_ID))
        for d in divs
        if d.get("type") == "document"
    ]


def md_notes(path: Path) -> list[int]:
    found = Counter(
        int(m.group(1)) for m in re.finditer(r"^\[\^d(\d+)-[^\]]*\]:", path.read_text(), re.M)
    )
    return [found[n] for n in range(1, DOCUMENTS + 1)]


def docx_notes(path: Path) -> list[int]:
    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    counts: list[int] = []
    for el in body.iter(f"{W}pStyle", f"{W}footnoteReference"):
        if el.tag == f"{W}pStyle":
            if el.get(f"{W}val") == "Heading2":
                counts.append(0)
            elif el.get(f"{W}val") == "Heading1":
                counts.append(-1)  # a chapter: no document until the next Heading 2
        elif counts and counts[-1] >= 0:
            counts[-1] += 1
    return [n for n in counts if n >= 0]


def epub_notes(path: Path) -> list[int]:
    with zipfile.ZipFile(path) as z:
        text = "".join(z.read(n).decode() for n in sorted(z.namelist()) if n.endswith(".xhtml"))
    found = Counter(
        int(m.group(1)) for m in re.finditer(r'<aside epub:type="footnote"[^>]*id="d(\d+)fn', text)
    )
    return [found[n] for n in range(1, DOCUMENTS + 1)]


def pdf_structure(path: Path) -> list[str]:
    import pypdf

    reader = pypdf.PdfReader(path)
    order: list[str] = []

    def walk(node: Any) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            if "/S" in node:
                order.append(str(node["/S"]))
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"]["/K"])
    return order


def pdf_notes(path: Path) -> list[int]:
    counts: list[int] = []
    for tag in pdf_structure(path):
        if tag == "/H2":
            counts.append(0)
        elif tag == "/H1":
            counts.append(-1)
        elif tag == "/Note" and counts and counts[-1] >= 0:
            counts[-1] += 1
    return [n for n in counts if n >= 0]


def test_each_document_has_the_same_footnotes_in_every_format(built: Path) -> None:
    expected = tei_notes(output(built, ".xml"))
    assert len(expected) == DOCUMENTS and sum(expected) > 10
    assert md_notes(output(built, ".md")) == expected
    assert docx_notes(output(built, ".docx")) == expected
    assert epub_notes(output(built, ".epub")) == expected
    assert pdf_notes(output(built, ".pdf")) == expected


# ---- PDF --------------------------------------------------------------------------


def outline(path: Path) -> list[tuple[int, str, int]]:
    """(depth, title, page number) of each bookmark."""
    import pypdf

    reader = pypdf.PdfReader(path)
    out: list[tuple[int, str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, str(item.title), reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return out


def test_the_pdf_has_a_bookmark_per_chapter_and_per_document(built: Path) -> None:
    marks = outline(output(built, ".pdf"))
    assert [m[1][:10] for m in marks if m[0] == 0] == ["Chapter I.", "Chapter II", "Chapter II"]
    documents = [m[1] for m in marks if m[0] == 1]
    assert [int(t.split(".")[0]) for t in documents] == list(range(1, DOCUMENTS + 1))
    assert len(marks) == CHAPTERS + DOCUMENTS


#: A line of the contents: its title, dot leaders, the page number.
CONTENTS_LINE = re.compile(r"^(\S.*?)\s*(?:\. ?){3,}\s*(\d+)$")


def contents_entries(path: Path) -> list[tuple[str, int]]:
    """(title, page number) of each entry of the table of contents (the
    pages after the title page), a title that wraps joined to its page
    number on the next line."""
    import pypdf

    reader = pypdf.PdfReader(path)
    entries: list[tuple[str, int]] = []
    for page in reader.pages[1:6]:
        pending = ""
        for line in page.extract_text().splitlines():
            m = CONTENTS_LINE.match(f"{pending} {line}".strip())
            if m:
                entries.append((" ".join(m.group(1).split()), int(m.group(2))))
                pending = ""
            elif entries and not line.strip().isdigit():
                pending = f"{pending} {line}".strip()
        if not entries:
            continue
    return entries


def test_the_pdf_contents_give_the_page_each_document_starts_on(built: Path) -> None:
    pdf = output(built, ".pdf")
    contents = contents_entries(pdf)
    checked = 0
    for _depth, title, page in outline(pdf):
        listed = [p for t, p in contents if t == " ".join(title.split())]
        assert listed == [page], title
        checked += 1
    assert checked == CHAPTERS + DOCUMENTS


def test_the_pdf_has_running_heads_and_is_pdf_a(built: Path) -> None:
    import pypdf

    reader = pypdf.PdfReader(output(built, ".pdf"))
    marks = outline(output(built, ".pdf"))
    first_doc_page = marks[1][2]
    head = reader.pages[first_doc_page].extract_text().splitlines()[0]
    # the chapter's title and the numbers of the documents on the page
    assert head.startswith("Chapter I.") and re.search(r"\d+(–\d+)?$", head)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert "pdfaid:part" in xmp


def test_a_volume_without_a_date_is_not_pdf_a_and_says_so(tmp_path: Path) -> None:
    from .test_volume import build, doc, small_volume

    spec = small_volume(tmp_path, {"a/d1.txt": doc(note=True)})
    env_epoch = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        code, err = build(spec, tmp_path / "out", "--to", "pdf", "-v")
    finally:
        if env_epoch is not None:
            os.environ["SOURCE_DATE_EPOCH"] = env_epoch
    assert code == 0, err
    assert "CC708" in err
    # after the title page and the contents
    assert outline(tmp_path / "out" / "v1.pdf") == [
        (0, "Chapter a", 3),
        (1, "1. The Secretary of State to the Ambassador in Russia (Francis)", 3),
    ]


def test_a_character_no_font_draws_makes_the_volume_pdf_plain_and_says_so(
    tmp_path: Path,
) -> None:
    """PDF/A-2b forbids the empty box typst draws for U+1196 (frus1882/d111
    prints ``$1\u11964⅕``): the volume PDF is written without it, as a
    document's is, and CC410 says so (it stopped with "could not be displayed")."""
    import pypdf

    from .test_volume import build, small_volume

    text = DOC_WITH_BOX.format(box="\u1196")
    spec = small_volume(tmp_path, {"a/d1.txt": text}, 'published = "1882"')
    code, err = build(spec, tmp_path / "out", "--to", "pdf", "-v")
    assert code == 0, err
    assert "CC403" in err and "CC410" in err
    pdf = pypdf.PdfReader(tmp_path / "out" / "v1.pdf")
    assert "/Metadata" not in pdf.trailer["/Root"] or "pdfaid" not in (
        pdf.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    )
    assert "marks)." in "".join(page.extract_text() for page in pdf.pages)


DOC_WITH_BOX = (
    "Mr. Frelinghuysen to Mr. Sargent.\n\nWashington, May 1, 1882.\n\n"
    "The amounts ($1{box}4⅕ marks).\n\nFrelinghuysen\n"
)


# ---- DOCX -------------------------------------------------------------------------


def test_the_docx_has_chapters_documents_contents_and_page_numbers(built: Path) -> None:
    with zipfile.ZipFile(output(built, ".docx")) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        footer = z.read("word/footer1.xml").decode()
    styles = Counter(s.get(f"{W}val") for s in body.iter(f"{W}pStyle"))
    assert styles["Heading2"] == DOCUMENTS
    # the chapters, and the preface and the lists before them
    assert styles["Heading1"] == CHAPTERS + 3
    instructions = "".join(t.text or "" for t in body.iter(f"{W}instrText"))
    assert 'TOC \\o "1-2"' in instructions
    assert " PAGE " in footer
    sections = list(body.iter(f"{W}sectPr"))
    assert all(s.find(f"{W}footerReference") is not None for s in sections)
    restarts = [s for s in sections if s.find(f"{W}footnotePr/{W}numRestart") is not None]
    assert len(restarts) == sum(1 for n in docx_notes(output(built, ".docx")) if n)


def test_the_docx_opens_in_python_docx(built: Path) -> None:
    import docx

    document = docx.Document(str(output(built, ".docx")))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings[0].startswith("1. The Secretary of State")
    assert headings[-1].startswith(f"{DOCUMENTS}. ")


# ---- EPUB -------------------------------------------------------------------------


def epubcheck() -> list[str] | None:
    """How to run Debian's epubcheck (a jar, run by java), or None."""
    found = shutil.which("epubcheck")
    if found is None:
        return None
    real = os.path.realpath(found)
    if real.endswith(".jar"):
        java = shutil.which("java")
        return [java, "-jar", real] if java else None
    return [found]


def test_the_epub_passes_epubcheck(built: Path) -> None:
    command = epubcheck()
    if command is None:
        message = "epubcheck is not installed: apt-get install epubcheck (Debian's package)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run(
        [*command, "-q", str(output(built, ".epub"))], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_epub_navigates_by_chapter_and_document(built: Path) -> None:
    with zipfile.ZipFile(output(built, ".epub")) as z:
        nav = z.read("EPUB/nav.xhtml").decode()
        opf = z.read("EPUB/content.opf").decode()
    links = re.findall(r'<a href="text/[^"#]+#([^"]+)">', nav)
    assert [x for x in links if x.startswith("ch")] == [f"ch{k}" for k in range(1, CHAPTERS + 1)]
    assert [x for x in links if x.startswith("d")] == [f"d{n}" for n in range(1, DOCUMENTS + 1)]
    assert SAMPLE_ID in opf and "<dc:language>en</dc:language>" in opf


# ---- Markdown ---------------------------------------------------------------------


def test_the_markdown_has_front_matter_chapters_and_documents(built: Path) -> None:
    text = output(built, ".md").read_text()
    assert text.startswith("---\ntitle: ")
    chapters = re.findall(r"^# (.*)$", text, re.M)
    assert [c for c in chapters if c.startswith("Chapter")] == [
        c.title
        for c in __import__("cableconv.volume.spec", fromlist=["x"])
        .load_spec(VOLUME / "VOLUME.toml")
        .chapters
    ]
    documents = re.findall(r"^## (\d+)\. ", text, re.M)
    assert [int(n) for n in documents] == list(range(1, DOCUMENTS + 1))


def test_every_format_says_where_a_document_is_missing(tmp_path: Path) -> None:
    from .test_volume import build, doc, small_volume

    spec = small_volume(tmp_path, {"a/d1.txt": doc(note=True), "a/d2.txt": "", "b/d3.txt": doc()})
    code, err = build(spec, tmp_path / "out")
    assert code == 1 and "CC706" in err
    out = tmp_path / "out"
    assert "Document 2 is missing" in (out / "v1.md").read_text()
    assert "Document 2 is missing" in (out / "v1.xml").read_text()
    with zipfile.ZipFile(out / "v1.docx") as z:
        assert "Document 2 is missing" in z.read("word/document.xml").decode()
    with zipfile.ZipFile(out / "v1.epub") as z:
        assert any(b"Document 2 is missing" in z.read(n) for n in z.namelist())
    titles = [t for _, t, _ in outline(out / "v1.pdf")]
    assert titles[1:] == [
        "1. The Secretary of State to the Ambassador in Russia (Francis)",
        "2. Document 2 is missing",
        "Chapter b",
        "3. The Secretary of State to the Ambassador in Russia (Francis)",
    ]


def test_the_epub_is_dated_by_the_volume(built: Path) -> None:
    with zipfile.ZipFile(output(built, ".epub")) as z:
        opf = z.read("EPUB/content.opf").decode()
    assert '<dc:date id="epub-date">1932</dc:date>' in opf
    if "SOURCE_DATE_EPOCH" not in os.environ:  # fixed, so the same volume gives the same bytes
        assert '<meta property="dcterms:modified">1970-01-01T00:00:00Z</meta>' in opf


def test_settings_are_read_beside_the_volume_toml(tmp_path: Path) -> None:
    import pypdf

    from .test_volume import build, doc, small_volume

    spec = small_volume(tmp_path, {"a/d1.txt": doc()}, 'published = "1950"')
    (tmp_path / "pyproject.toml").write_text('[tool.cableconv]\npaper = "a4"\n')
    code, err = build(spec, tmp_path / "out", "--to", "pdf")
    assert code == 0, err
    width = float(pypdf.PdfReader(tmp_path / "out" / "v1.pdf").pages[0].mediabox.width)
    assert round(width) == 595  # A4, not US Letter (612)


def tei_marks(path: Path) -> list[list[str]]:
    root = etree.parse(str(path)).getroot()
    return [
        [n.get("n") or "" for n in d.iter(f"{TEI}note") if n.get(XML_ID)]
        for d in root.iter(f"{TEI}div")
        if d.get("type") == "document"
    ]


def test_each_note_shows_its_printed_mark_in_the_epub_and_markdown(built: Path) -> None:
    expected = tei_marks(output(built, ".xml"))
    assert any(len(set(m)) < len(m) for m in expected)  # a mark printed twice (page-based)
    with zipfile.ZipFile(output(built, ".epub")) as z:
        text = "".join(z.read(n).decode() for n in sorted(z.namelist()) if n.endswith(".xhtml"))
    refs = re.findall(r'href="#d(\d+)fn\d+" id="d\d+fnref\d+"><sup>([^<]*)</sup>', text)
    epub: list[list[str]] = [[] for _ in expected]
    for number, mark in refs:
        epub[int(number) - 1].append(mark)
    assert epub == expected
    md = output(built, ".md").read_text()
    labels: list[list[str]] = [[] for _ in expected]
    for number, label in re.findall(r"^\[\^d(\d+)-([^\]]*)\]:", md, re.M):
        labels[int(number) - 1].append(label.rsplit("-", 1)[0] if "-" in label else label)
    assert labels == expected


def test_each_docx_section_numbers_its_notes_as_its_document_printed_them(built: Path) -> None:
    from cableconv.writers.docx_notes import plan_notes

    marks = tei_marks(output(built, ".xml"))
    body = etree.fromstring(zipfile.ZipFile(output(built, ".docx")).read("word/document.xml"))
    document = -1
    numbering: dict[int, tuple[str | None, int]] = {}
    for p in body.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val") == "Heading2":
            document += 1
        section = p.find(f"{W}pPr/{W}sectPr")
        if section is not None and document >= 0:
            props = section.find(f"{W}footnotePr")
            if props is not None:
                fmt = props.find(f"{W}numFmt").get(f"{W}val")
                numbering[document] = (fmt, int(props.find(f"{W}numStart").get(f"{W}val")))
    expected = {}
    for k, m in enumerate(marks):
        plan = plan_notes(m)
        if plan.fmt is not None:
            expected[k] = (plan.fmt, plan.start)
    assert numbering == expected
    assert any(start > 1 for _, start in expected.values())  # a document whose notes start at 3
