"""Render the first page of a document's PDF and DOCX to PNG, for the README.

    .venv/bin/python scripts/render_previews.py [TRANSCRIPTION] [--out docs/images]

Default: the seed, samples/761.93-12-1544.txt, written to
docs/images/seed-pdf.png and docs/images/seed-docx.png.

- The PDF picture is the real PDF (``convert --to pdf``) rendered by pdfium
  (pypdfium2).
- There is no Word or LibreOffice on PyPI, so the DOCX picture is *not*
  Word's rendering. It is the real DOCX (``convert --to docx``) read back
  with python-docx: its paragraphs, each with the formatting its style in
  the reference document gives it (alignment, indents, spacing, italic,
  bold, small caps, size, colour), its runs with their character styles,
  its footnotes from the footnotes part with their marks, and the page size
  and margins of its section. This script lays that out with typst, using
  typst's bundled Libertinus Serif in place of the DOCX's Times New Roman,
  and renders it with pdfium. Line breaks and page fill differ from Word's;
  what the picture shows faithfully is what is *in* the DOCX and how its
  styles set it.

PNGs are written with zlib (no imaging library needed) and are deterministic.
"""

from __future__ import annotations

import argparse
import io
import json
import struct
import sys
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cableconv.pipeline import convert_path  # noqa: E402
from cableconv.writers.docx import write_docx  # noqa: E402
from cableconv.writers.pdf import write_pdf  # noqa: E402

SEED = ROOT / "samples" / "761.93-12-1544.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# The DOCX preview layout. All content arrives as JSON data in sys.inputs:
# text is only ever a string value here, never typst markup.
DOCX_LAYOUT = """
#let data = json(bytes(sys.inputs.data))
#set page(
  width: data.page.width * 1pt, height: data.page.height * 1pt,
  margin: (left: data.page.left * 1pt, right: data.page.right * 1pt,
           top: data.page.top * 1pt, bottom: data.page.bottom * 1pt),
)
#set text(font: "Libertinus Serif", size: data.size * 1pt, hyphenate: false)
#set smartquote(enabled: false)
#set par(spacing: 0pt, leading: 0.5em)
#set footnote.entry(separator: line(length: 30%, stroke: 0.5pt))
#let styled(r) = {
  let body = text(
    size: r.size * 1pt,
    style: if r.italic { "italic" } else { "normal" },
    weight: if r.bold { "bold" } else { "regular" },
    fill: rgb(r.color),
    r.text,
  )
  if r.smallcaps { body = smallcaps(body) }
  body
}
#let runs(rs) = for r in rs {
  if r.kind == "note" {
    let note = data.notes.at(r.note)
    let entry = text(size: note.size * 1pt, for x in note.runs { styled(x) })
    if r.mark == "" { footnote(entry) } else { footnote(numbering: (..n) => r.mark, entry) }
  } else { styled(r) }
}
#for p in data.paragraphs {
  // Word adds the space after one paragraph and before the next
  v(p.before * 1pt)
  block(spacing: 0pt, width: 100%, pad(left: p.left * 1pt,
    align(
      if p.align == "right" { right } else if p.align == "center" { center } else { left },
      par(justify: p.align == "justify",
          first-line-indent: (amount: p.first * 1pt, all: true), runs(p.runs)),
    )))
  v(p.after * 1pt)
}
"""


class StyleBook:
    """Effective formatting of the DOCX's styles (following ``basedOn``)."""

    def __init__(self, document: Any) -> None:
        self.styles = {s.style_id: s for s in document.styles}

    def effective(self, style_id: str | None, getter: Any, default: Any) -> Any:
        style = self.styles.get(style_id or "Normal")
        while style is not None:
            value = getter(style)
            if value is not None:
                return value
            style = style.base_style
        return default

    def run_props(self, para_style: str | None, char_style: str | None) -> dict[str, Any]:
        def prop(getter: Any, default: Any) -> Any:
            if char_style:
                value = self.effective(char_style, getter, None)
                if value is not None:
                    return value
            return self.effective(para_style, getter, default)

        size = prop(lambda s: s.font.size, None)
        color = prop(lambda s: s.font.color.rgb if s.font.color.type else None, None)
        return {
            "size": size.pt if size is not None else 12.0,
            "italic": bool(prop(lambda s: s.font.italic, False)),
            "bold": bool(prop(lambda s: s.font.bold, False)),
            "smallcaps": bool(prop(lambda s: s.font.small_caps, False)),
            "color": f"#{color}" if color is not None else "#000000",
        }

    def para_props(self, style_id: str | None) -> dict[str, Any]:
        fmt = lambda get: self.effective(style_id, lambda s: get(s.paragraph_format), None)  # noqa: E731
        align = fmt(lambda f: f.alignment)
        names = {3: "justify", 2: "right", 1: "center"}
        return {
            "align": names.get(int(align) if align else 0, "left"),
            "left": _pt(fmt(lambda f: f.left_indent)),
            "first": _pt(fmt(lambda f: f.first_line_indent)),
            "before": _pt(fmt(lambda f: f.space_before)),
            "after": _pt(fmt(lambda f: f.space_after)),
        }


def _pt(length: Any) -> float:
    return float(length.pt) if length is not None else 0.0


def docx_layout_data(data: bytes) -> dict[str, Any]:
    """What the DOCX holds, as plain data for the preview layout."""
    import docx
    from lxml import etree

    document = docx.Document(io.BytesIO(data))
    book = StyleBook(document)
    notes_part = next(
        p for p in document.part.package.iter_parts() if str(p.partname) == "/word/footnotes.xml"
    )
    notes_root = etree.fromstring(notes_part.blob)
    note_index: dict[str, int] = {}
    notes: list[dict[str, Any]] = []
    for note in notes_root.iter(f"{W}footnote"):
        if note.get(f"{W}type"):
            continue
        note_index[note.get(f"{W}id") or ""] = len(notes)
        runs = []
        for p in note.iter(f"{W}p"):
            runs.extend(
                r for r in _runs(p, book, "FootnoteText", note_index) if r["kind"] == "text"
            )
        notes.append({"runs": runs, "size": book.run_props("FootnoteText", None)["size"]})

    paragraphs = []
    for p in document.element.body.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        style_id = style.get(f"{W}val") if style is not None else None
        runs = _runs(p, book, style_id, note_index)
        paragraphs.append({**book.para_props(style_id), "runs": runs})
    section = document.sections[0]
    page = {
        "width": _pt(section.page_width),
        "height": _pt(section.page_height),
        "left": _pt(section.left_margin),
        "right": _pt(section.right_margin),
        "top": _pt(section.top_margin),
        "bottom": _pt(section.bottom_margin),
    }
    size = book.run_props("Normal", None)["size"]
    return {"page": page, "size": size, "paragraphs": paragraphs, "notes": notes}


def _runs(p: Any, book: StyleBook, para_style: str | None, notes: dict[str, int]) -> list[Any]:
    out: list[dict[str, Any]] = []
    for run in p.iter(f"{W}r"):
        rstyle = run.find(f"{W}rPr/{W}rStyle")
        char_style = rstyle.get(f"{W}val") if rstyle is not None else None
        ref = run.find(f"{W}footnoteReference")
        text = "".join(
            (t.text or "") if t.tag == f"{W}t" else "\n"
            for t in run
            if t.tag in (f"{W}t", f"{W}br")
        )
        if ref is not None:
            mark = text if ref.get(f"{W}customMarkFollows") == "1" else ""
            out.append({"kind": "note", "note": notes[ref.get(f"{W}id") or ""], "mark": mark})
        elif run.find(f"{W}footnoteRef") is None and text:
            out.append({"kind": "text", "text": text, **book.run_props(para_style, char_style)})
    return out


def docx_preview_pdf(data: bytes) -> bytes:
    import typst

    layout = json.dumps(docx_layout_data(data), ensure_ascii=False)
    pdf = typst.compile(DOCX_LAYOUT.encode(), sys_inputs={"data": layout}, ignore_system_fonts=True)
    assert isinstance(pdf, bytes)
    return pdf


def first_page_png(pdf: bytes, scale: float) -> bytes:
    """Page 1 rendered by pdfium, as an RGB PNG."""
    import pypdfium2 as pdfium

    bitmap = pdfium.PdfDocument(pdf)[0].render(scale=scale, rev_byteorder=True)
    width, height, stride, channels = bitmap.width, bitmap.height, bitmap.stride, bitmap.n_channels
    buffer = bytes(bitmap.buffer)
    rows = b"".join(
        b"\x00" + buffer[y * stride : y * stride + width * channels] for y in range(height)
    )
    color_type = 2 if channels == 3 else 6

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    header = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("transcription", nargs="?", type=Path, default=SEED)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--name", default="seed", help="file name prefix (default: seed)")
    parser.add_argument("--scale", type=float, default=1.5, help="pixels per point (default 1.5)")
    args = parser.parse_args(argv)
    doc = convert_path(args.transcription).document
    args.out.mkdir(parents=True, exist_ok=True)
    for kind, pdf in (
        ("pdf", write_pdf(doc).data),
        ("docx", docx_preview_pdf(write_docx(doc).data)),
    ):
        target = args.out / f"{args.name}-{kind}.png"
        target.write_bytes(first_page_png(pdf, args.scale))
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
