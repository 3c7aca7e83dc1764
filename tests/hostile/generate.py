"""Hostile inputs made at test time: binary files and inputs too big to keep.

Each function returns the bytes (or text) of one input, deterministic, so a
failure can be reproduced by calling it again. ``bench/scaling.py`` uses
:func:`scaled` to make 10x and 100x a real document.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

HEADING = "The Ambassador in the Soviet Union (Harriman) to the Secretary of State"
DATELINE = "Moscow, December 15, 1944—5 p.m."

#: A paragraph as FRUS prints them: curly quotes, dashes, a file number, an
#: ellipsis, accented names, numbers that are not note markers.
PARAGRAPH = (
    "Molotov told me on December 14 that the Soviet Government “could not agree” to the "
    "proposal—at least not before the meeting at Yalta—and that the matter of the 761.93/12–1544 "
    "file was closed … Señor Martínez of the Mexican Embassy, who saw M. Bidault at 3 p.m., "
    "said that 1,000 tons and 5 per cent were the figures named in article 5 of the treaty."
)


def png_bytes() -> bytes:
    """A valid 1x1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def zip_bytes() -> bytes:
    """A zip archive holding a transcription (what a careless upload looks like)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo("d1.txt", date_time=(1980, 1, 1, 0, 0, 0))
        z.writestr(info, f"{HEADING}\n\n{DATELINE}\n\n{PARAGRAPH}\n")
    return out.getvalue()


def big_transcription(size: int) -> str:
    """A well-formed transcription of at least ``size`` UTF-8 bytes: heading,
    dateline, numbered paragraphs each anchoring a note, a page turn every
    ten paragraphs, a signature, and the list of notes."""
    head = f"{HEADING}\n\n{DATELINE}\n\n"
    parts = [head]
    notes: list[str] = []
    total = len(head.encode("utf-8")) + 20
    n = 0
    while total < size:
        n += 1
        para = f"{n}. {PARAGRAPH} {n}\n\n"
        if n % 10 == 0:
            para += f"[Page {n // 10 + 1}]\n\n"
        note = f"  {n}. Telegram {n} of December 15, 1944, from Moscow; not printed.\n"
        parts.append(para)
        notes.append(note)
        total += len(para.encode("utf-8")) + len(note.encode("utf-8"))
    parts.append("Harriman\n\n")
    parts.extend(notes)
    return "".join(parts)


def long_line(size: int) -> str:
    """A document whose body is one line of ``size`` bytes or more."""
    words = (PARAGRAPH + " ") * (size // len(PARAGRAPH.encode("utf-8")) + 1)
    return f"{HEADING}\n\n{DATELINE}\n\n{words.rstrip()}\n"


def many_footnotes(n: int) -> str:
    """``n`` short paragraphs, each anchoring its own note."""
    body = "".join(f"The telegram cited here is not printed. {k}\n\n" for k in range(1, n + 1))
    notes = "".join(f"  {k}. Telegram {k}, not printed.\n" for k in range(1, n + 1))
    return f"{HEADING}\n\n{DATELINE}\n\n{body}Harriman\n\n{notes}"


def deep_nesting(depth: int) -> str:
    """Brackets and quotes nested ``depth`` deep, never a marker or a page."""
    opening = "([{“‘«"
    closing = ")]}”’»"
    line = "".join(opening[k % 6] for k in range(depth)) + "core"
    line += "".join(closing[k % 6] for k in reversed(range(depth)))
    unbalanced = "[(“" * depth
    return f"{HEADING}\n\n{DATELINE}\n\n{line}\n\n{unbalanced}\n"


_NOTE_HEAD = re.compile(r"^( {1,4})(\d{1,5})\.")


def scaled(text: str, times: int) -> str:
    """``text`` with its body (from the first paragraph to the notes)
    repeated ``times`` times, each repetition anchoring its own copy of the
    body's notes, renumbered: a document ``times`` as long that parses the
    same way.

    The markers to renumber are those the parser found, so numbers of the
    text (``article 5``) are left as they are.
    """
    from cableconv.model import Footnote, NoteRef, Paragraph, iter_inlines
    from cableconv.pipeline import Options, convert_source
    from cableconv.source import Source

    doc = convert_source(Source.from_text(text), Options(normalize=False)).document
    notes_start = min((f.span.start for f in doc.footnotes), default=len(text))
    body_start = next((b.span.start for b in doc.blocks if isinstance(b, Paragraph)), notes_start)
    anchored = {
        node.n: node.span
        for block, content in iter_inlines(doc)
        if not isinstance(block, Footnote)
        for node in content
        if isinstance(node, NoteRef)
    }
    in_body = [
        (span.start, span.end, n)
        for n, span in sorted(anchored.items(), key=lambda item: item[1].start)
        if body_start <= span.start < notes_start and n.isdigit()
    ]
    repeated = {n for _, _, n in in_body}
    once = [f for f in doc.footnotes if f.n not in repeated]
    again = [f for f in doc.footnotes if f.n in repeated]
    shift_by = max((int(n) for n in repeated), default=0)
    body_end = len(text[:notes_start].rstrip())
    out = [text[:body_start].rstrip()]
    for k in range(times):
        pieces: list[str] = []
        pos = body_start
        for start, end, n in in_body:
            pieces.append(text[pos:start])
            pieces.append(f" {int(n) + k * shift_by}")
            pos = end
        pieces.append(text[pos:body_end])
        out.append("".join(pieces))
    lines = [text[f.span.start : f.span.end] for f in once]
    for k in range(times):

        def renumber(m: re.Match[str], shift: int = k * shift_by) -> str:
            return f"{m.group(1)}{int(m.group(2)) + shift}."

        lines.extend(_NOTE_HEAD.sub(renumber, text[f.span.start : f.span.end]) for f in again)
    if lines:
        out.append("\n".join(lines))
    return "\n\n".join(part for part in out if part) + "\n"
