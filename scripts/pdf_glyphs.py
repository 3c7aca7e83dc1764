"""Which characters the PDF draws, found by drawing them: ``data/pdf-drawn.txt``.

Every assigned code point (planes 0 and 1; planes 2 and 3 hold CJK
ideographs, which no bundled font has) goes on a page of its own, through
the same typst compiler, bundled fonts and font list as the PDF writer
(``writers/pdf.py``, ``data/cableconv.typ``). A character that no font has
is drawn as glyph 0 (.notdef, the empty box): its text operator shows CID 0.
The ranges of the others are written, one ``FIRST LAST`` (hex) a line, with
the typst version they were made with. Run again when typst or the template's
fonts change; ``tests/test_pdf_glyphs.py`` renders a sample and compares.

    .venv/bin/python scripts/pdf_glyphs.py
"""

from __future__ import annotations

import io
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from importlib.metadata import version
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cableconv.glyphs import DATA, DRAWN_FILE, template_fonts  # noqa: E402

#: Categories that draw nothing on their own or are no character.
SKIPPED = {"Cn", "Cc", "Cs", "Co", "Zl", "Zp", "Zs", "Cf"}
CHUNK = 4000


def candidates() -> Iterator[int]:
    for code in range(0x20000):
        if unicodedata.category(chr(code)) not in SKIPPED:
            yield code


def page_source(codes: list[int]) -> bytes:
    fonts = ", ".join(f'"{f}"' for f in template_fonts())
    body = "\n#pagebreak()\n".join(f'#"\\u{{{c:x}}}"' for c in codes)
    head = f"#set page(width: 3cm, height: 3cm, margin: 0pt)\n#set text(font: ({fonts}))\n"
    return (head + body).encode()


def boxes(pdf: bytes) -> list[bool]:
    """For each page: does it show glyph 0?"""
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        content = ContentStream(page.get_contents(), page.pdf)
        zero = False
        for operands, op in content.operations:
            if op not in (b"Tj", b"TJ"):
                continue
            pieces = operands[0] if op == b"TJ" else operands
            for piece in pieces:
                data = piece.original_bytes if hasattr(piece, "original_bytes") else b""
                cids = [data[i] << 8 | data[i + 1] for i in range(0, len(data) - 1, 2)]
                zero = zero or 0 in cids
        out.append(zero)
    return out


def drawn_codes(codes: list[int]) -> Iterator[int]:
    import typst

    compiler = typst.Compiler(root=str(DATA), ignore_system_fonts=True)
    for start in range(0, len(codes), CHUNK):
        chunk = codes[start : start + CHUNK]
        shown = boxes(compiler.compile(input=page_source(chunk)))
        assert len(shown) == len(chunk), (len(shown), len(chunk))
        yield from (c for c, box in zip(chunk, shown, strict=True) if not box)
        print(f"{start + len(chunk)}/{len(codes)}", file=sys.stderr)


def ranges(codes: Iterable[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for c in sorted(codes):
        if out and c == out[-1][1] + 1:
            out[-1] = (out[-1][0], c)
        else:
            out.append((c, c))
    return out


def main() -> None:
    found = ranges(drawn_codes(list(candidates())))
    lines = [
        "# Characters the PDF draws (not as the empty .notdef box): FIRST LAST, hex.",
        f"# Made by scripts/pdf_glyphs.py with typst {version('typst')}, fonts "
        + ", ".join(template_fonts())
        + " and typst's fallback among its bundled fonts, by rendering each code point.",
        *(f"{lo:04X} {hi:04X}" for lo, hi in found),
    ]
    DRAWN_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(found)} ranges -> {DRAWN_FILE}", file=sys.stderr)


if __name__ == "__main__":
    main()
