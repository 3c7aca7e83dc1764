"""Read each output format back as its reader would, to see what text it holds
and whether anything in it became markup.

Every reader returns the text a person (or a program) reading that file gets;
the markup checks list what must never appear in an output made from text:
for Markdown, any pandoc node that is not plain text or one of the writer's
own constructs (raw HTML/LaTeX, math, code, links, citations, emphasis); for
DOCX, fields, hyperlinks and embedded objects; for TEI, elements the writer
never makes.
"""

from __future__ import annotations

import io
import json
import subprocess
import unicodedata
import zipfile
from typing import Any

from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

#: A parser that reads nothing but the bytes it is given.
SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
)

#: Elements the TEI writer makes; anything else came from the input.
TEI_ELEMENTS = {
    "TEI", "teiHeader", "fileDesc", "titleStmt", "title", "publicationStmt", "sourceDesc",
    "text", "body", "div", "head", "p", "note", "pb", "lb", "list", "item", "table", "row",
    "cell", "opener", "seg", "hi", "dateline", "date", "closer", "signed", "postscript",
    "persName", "gloss", "attachment",
}  # fmt: skip

#: pandoc node types that only markup in the input could have made.
MARKDOWN_FORBIDDEN = {
    "RawInline", "RawBlock", "Math", "Code", "CodeBlock", "Cite", "Link", "Image", "Emph",
    "Strong", "Strikeout", "Subscript", "Underline", "Quoted", "HorizontalRule",
    "BlockQuote", "BulletList", "OrderedList", "DefinitionList", "LineBlock", "Figure",
}  # fmt: skip

#: WordprocessingML elements that would do something rather than show text.
DOCX_FORBIDDEN = {"hyperlink", "fldSimple", "instrText", "object", "altChunk", "drawing", "pict"}


def collapse(text: str) -> str:
    """Text with every run of whitespace as one blank, for comparing what
    writers are free to wrap or indent."""
    return " ".join(text.split())


def squeeze(text: str) -> str:
    """Text without any whitespace (PDF text layers break lines anywhere)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


# ---- TEI and JSON -----------------------------------------------------------


def tei_tree(data: bytes) -> etree._Element:
    return etree.fromstring(data, SAFE_PARSER)


def tei_text(data: bytes) -> str:
    """The text of ``text/body``, notes where they are anchored."""
    body = tei_tree(data).find(f"{TEI}text/{TEI}body")
    assert body is not None, "TEI without text/body"
    return etree.tostring(body, method="text", encoding="unicode", with_tail=False)


def tei_unexpected_elements(data: bytes) -> set[str]:
    names = {etree.QName(el).localname for el in tei_tree(data).iter(etree.Element)}
    return names - TEI_ELEMENTS


def json_text(data: bytes) -> str:
    """Every ``text`` field of the model JSON, one per line."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                parts.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(data))
    return "\n".join(parts)


# ---- Markdown ---------------------------------------------------------------


def pandoc(data: bytes, reader: str, writer: str = "json") -> bytes:
    from cableconv.writers.pandoc_ast import pandoc_path

    result = subprocess.run(
        [pandoc_path(), "--sandbox", "-f", reader, "-t", writer],
        input=data,
        capture_output=True,
        timeout=120,
        check=True,
    )
    return result.stdout


def markdown_ast(data: bytes, reader: str = "markdown") -> Any:
    return json.loads(pandoc(data, reader))


def ast_node_types(node: Any) -> set[str]:
    found: set[str] = set()

    def walk(n: Any) -> None:
        if isinstance(n, dict):
            if isinstance(n.get("t"), str):
                found.add(n["t"])
            for value in n.values():
                walk(value)
        elif isinstance(n, list):
            for value in n:
                walk(value)

    walk(node)
    return found


def ast_text(node: Any) -> str:
    """The text of a pandoc AST: ``Str`` nodes, blanks for spaces and breaks,
    notes and blocks on lines of their own."""
    parts: list[str] = []

    def walk(n: Any) -> None:
        if isinstance(n, list):
            for value in n:
                walk(value)
        elif isinstance(n, dict):
            t = n.get("t")
            if t == "Str":
                parts.append(n["c"])
            elif t in ("Space", "SoftBreak", "LineBreak"):
                parts.append(" ")
            elif t in ("Para", "Plain", "Header", "Note"):
                parts.append("\n")
                walk(n.get("c"))
                parts.append("\n")
            else:
                walk(n.get("c"))
        # attributes, numbers: not text

    walk(node.get("blocks", node) if isinstance(node, dict) else node)
    return "".join(parts)


# ---- DOCX -------------------------------------------------------------------


def docx_parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {
            name: etree.fromstring(z.read(name), SAFE_PARSER)
            for name in ("word/document.xml", "word/footnotes.xml")
            if name in z.namelist()
        }


def docx_text(data: bytes) -> str:
    """Each paragraph's runs of text (``w:t``), one paragraph a line."""
    lines: list[str] = []
    for root in docx_parts(data).values():
        for p in root.iter(f"{W}p"):
            pieces = []
            for el in p.iter(f"{W}t", f"{W}br", f"{W}tab"):
                pieces.append(el.text or "" if el.tag == f"{W}t" else " ")
            lines.append("".join(pieces))
    return "\n".join(lines)


def docx_forbidden(data: bytes) -> set[str]:
    names = {etree.QName(el).localname for root in docx_parts(data).values() for el in root.iter()}
    return names & DOCX_FORBIDDEN


# ---- PDF --------------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    """The text layer (pdfium's reading, as a PDF viewer's copy and search
    see it), page after page, without the page numbers the layout prints (a
    paragraph that runs across pages would read ``Yalta4—and``)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    pages = []
    try:
        for k in range(len(document)):
            page = document[k]
            textpage = page.get_textpage()
            lines = textpage.get_text_range().splitlines()
            textpage.close()
            page.close()
            for at in (0, -1):
                if lines and lines[at].strip() == str(k + 1):
                    del lines[at]
            pages.append("\n".join(lines))
    finally:
        document.close()
    return "\n".join(pages)


def pdf_page_sizes(data: bytes) -> set[tuple[float, float]]:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return {(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages}
