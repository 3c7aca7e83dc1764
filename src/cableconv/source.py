"""The transcription as read from disk: decoding and positions.

Everything cableconv reports points into the *transcription*, the text the
user typed, so this module owns the two facts needed for that: how bytes were
turned into text, and where a character offset sits as ``line:col``.
"""

from __future__ import annotations

import bisect
import codecs
from dataclasses import dataclass, field

from cableconv.diagnostics import Diagnostic, Span

#: Transcriptions larger than this are refused up front (configurable with
#: ``--max-bytes``); the parser is linear, this only bounds memory and time.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


class UnreadableInput(Exception):
    """The input cannot be treated as a text transcription at all."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class LineIndex:
    """Maps character offsets of a text to 1-based ``(line, column)``."""

    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> LineIndex:
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return cls(tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def span(self, start: int, end: int) -> Span:
        line, col = self.position(start)
        end_line, end_col = self.position(max(start, end))
        return Span(start, end, line, col, end_line, end_col)


@dataclass(frozen=True)
class Source:
    """A decoded transcription: its name, its text and how it was decoded."""

    name: str
    text: str
    encoding: str = "utf-8"
    diagnostics: tuple[Diagnostic, ...] = ()
    lines: LineIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", LineIndex.of(self.text))

    def span(self, start: int, end: int) -> Span:
        return self.lines.span(start, end)

    @classmethod
    def from_text(cls, text: str, name: str = "<text>") -> Source:
        return cls(name=name, text=text)


def _looks_binary(data: bytes) -> int | None:
    """Offset of the first NUL byte in the first 8 KiB, if any.

    A NUL never occurs in a typed transcription; it marks an image, an archive
    or UTF-16 without a byte-order mark.
    """
    i = data.find(b"\x00", 0, 8192)
    return i if i != -1 else None


def decode(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Decode a transcription's bytes, never silently.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such. Bytes
    that are not valid UTF-8 are read as Windows-1252 with a warning that names
    the first bad byte's line and column. Binary data is refused.
    """
    if len(data) > max_bytes:
        raise UnreadableInput(
            f"file is {len(data):,} bytes, larger than the limit of {max_bytes:,}",
            "split the volume into documents, or raise the limit with --max-bytes",
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableInput(
                f"starts with a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason})",
                "save the file as UTF-8",
            ) from exc
        return _checked(
            Source(
                name,
                text,
                "utf-16",
                (
                    Diagnostic.make(
                        "warning",
                        "CC001",
                        "file is UTF-16; read as such",
                        Span(0, 0, 1, 1, 1, 1),
                        hint="save transcriptions as UTF-8",
                    ),
                ),
            )
        )
    nul = _looks_binary(data)
    if nul is not None:
        raise UnreadableInput(
            f"binary data (NUL byte at offset {nul}); not a text transcription",
            "give cableconv a plain-text .txt file, UTF-8 encoded",
        )
    encoding = "utf-8"
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    try:
        text = body.decode("utf-8")
        diags: tuple[Diagnostic, ...] = ()
    except UnicodeDecodeError as exc:
        good = body[: exc.start].decode("utf-8")
        index = LineIndex.of(good)
        line, col = index.position(len(good))
        text = body.decode("cp1252", errors="replace")
        encoding = "cp1252"
        span = Span(len(good), len(good) + 1, line, col, line, col + 1)
        diags = (
            Diagnostic.make(
                "warning",
                "CC002",
                f"not valid UTF-8 (byte 0x{body[exc.start]:02x}); read as Windows-1252",
                span,
                hint="save the file as UTF-8 and check the characters around this place",
            ),
        )
    return _checked(Source(name, text, encoding, diags))


def _checked(source: Source) -> Source:
    if "\x00" in source.text:
        raise UnreadableInput(
            "text holds NUL characters; not a text transcription",
            "give cableconv a plain-text .txt file, UTF-8 encoded",
        )
    return source
