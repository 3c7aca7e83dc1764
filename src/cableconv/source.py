"""The transcription as read from disk: decoding and positions.

Everything cableconv reports points into the *transcription*, the text the
user typed, so this module owns the two facts needed for that: how bytes were
turned into text, and where a character offset sits as ``line:col``.
"""

from __future__ import annotations

import bisect
import codecs
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from cableconv.diagnostics import Diagnostic, Place, Span, sort_diagnostics

#: Transcriptions larger than this are refused up front (configurable with
#: ``--max-bytes``); the parser is linear, this only bounds memory and time.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


class UnreadableInput(Exception):
    """The input cannot be treated as a text transcription at all.

    ``span``, when known, is where in the file the reason was found (the
    first NUL character, say), for a diagnostic that points at it.
    """

    def __init__(self, message: str, hint: str = "", span: Span | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.span = span

    def diagnostic(self, file: str) -> Diagnostic:
        """The CC003 error that reports this input as unreadable."""
        return Diagnostic("CC003", self.message, self.span, self.hint, file)


@dataclass(frozen=True)
class LineIndex:
    """Where each line of a text starts: the one place offsets become
    1-based ``line:col``, counted as an editor counts them (a byte-order
    mark that opens the text takes no column).

    >>> lines = LineIndex.of("ab\\r\\ncd")
    >>> lines.position(4), lines.place(Span(1, 5))
    ((2, 1), Place(line=1, col=2, end_line=2, end_col=2))
    """

    starts: tuple[int, ...]
    bom: bool = False

    @classmethod
    def of(cls, text: str) -> LineIndex:
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return cls(tuple(starts), text.startswith("\ufeff"))

    def line(self, offset: int) -> int:
        """The 1-based line ``offset`` is on."""
        return bisect.bisect_right(self.starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        col = offset - self.starts[line] + 1
        if self.bom and line == 0 and offset > 0:
            col -= 1
        return line + 1, col

    def place(self, span: Span) -> Place:
        line, col = self.position(span.start)
        end_line, end_col = self.position(max(span.start, span.end))
        return Place(line, col, end_line, end_col)


@dataclass(frozen=True)
class Source:
    """A decoded transcription: its name, its text and how it was decoded."""

    name: str
    text: str
    encoding: str = "utf-8"
    diagnostics: tuple[Diagnostic, ...] = ()
    #: the file started with a UTF-8 byte-order mark (not part of ``text``)
    bom: bool = False
    lines: LineIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", LineIndex.of(self.text))

    def locate(self, diags: Iterable[Diagnostic]) -> list[Diagnostic]:
        """The diagnostics in this file, their ``line:col`` worked out, in
        the order people read them."""
        return sort_diagnostics(d.located(d.file or self.name, self.lines.place) for d in diags)

    @classmethod
    def from_text(cls, text: str, name: str = "<text>") -> Source:
        return cls(name=name, text=text)


@dataclass(frozen=True)
class RawFile:
    """A file's bytes as read, and what the file system said about it."""

    data: bytes
    size: int
    mtime_ns: int


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawFile:
    """The one place an input file is read. Every failure is an
    :class:`UnreadableInput` (CC003) that says why: the file cannot be
    opened, is a folder, or is larger than ``max_bytes`` (refused before
    more than ``max_bytes`` are read)."""
    try:
        with path.open("rb") as fh:
            st = os.fstat(fh.fileno())
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise UnreadableInput(f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise UnreadableInput(
            f"file is {max(st.st_size, len(data)):,} bytes, larger than the limit of {max_bytes:,}",
            "split the volume into documents, or raise the limit with --max-bytes",
        )
    return RawFile(data, st.st_size, st.st_mtime_ns)


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode a transcription file (raises :class:`UnreadableInput`)."""
    return decode(read_bytes(path, max_bytes).data, str(path), max_bytes)


def utf16_without_bom(data: bytes) -> str | None:
    r"""``little-endian`` or ``big-endian`` when the first 8 KiB look like
    UTF-16 text with no byte-order mark: a NUL in nearly every other byte
    (the high byte of Latin text), in the same half of each pair, and none
    in the other half. Anything else with NULs is binary.

    >>> utf16_without_bom("Telegram 1234".encode("utf-16-le"))
    'little-endian'
    >>> utf16_without_bom(bytes(range(16))) is None  # binary: NULs, but not every other byte
    True
    """
    head = data[:8192]
    pairs = len(head) // 2
    if pairs < 4:
        return None
    even = sum(1 for b in head[0 : 2 * pairs : 2] if b == 0)
    odd = sum(1 for b in head[1 : 2 * pairs : 2] if b == 0)
    if odd >= 0.9 * pairs and even == 0:
        return "little-endian"
    if even >= 0.9 * pairs and odd == 0:
        return "big-endian"
    return None


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
    that are not valid UTF-8 are read as Windows-1252, each on its own, with a
    warning that names the first bad byte's line and column. Binary data (a
    NUL), UTF-32 and files over ``max_bytes`` are refused with
    :class:`UnreadableInput`, and nothing else is ever raised.
    """
    if len(data) > max_bytes:
        raise UnreadableInput(
            f"file is {len(data):,} bytes, larger than the limit of {max_bytes:,}",
            "split the volume into documents, or raise the limit with --max-bytes",
        )
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        # checked before UTF-16: the UTF-32 little-endian mark starts with UTF-16's
        raise UnreadableInput(
            "starts with a UTF-32 byte-order mark; cableconv reads UTF-8 and UTF-16",
            "save the file as UTF-8",
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(_utf16(data, name))
    nul = _looks_binary(data)
    if nul is not None:
        order = utf16_without_bom(data)
        if order:
            raise UnreadableInput(
                f"looks like UTF-16 ({order}) without a byte-order mark; not read",
                "save the file as UTF-8 (or as UTF-16 with a byte-order mark)",
            )
        raise UnreadableInput(
            f"binary data (NUL byte at offset {nul}); not a text transcription",
            "give cableconv a plain-text .txt file, UTF-8 encoded",
        )
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[3:] if bom else data
    try:
        source = Source(name, body.decode("utf-8"))
    except UnicodeDecodeError:
        source = _mostly_utf8(body, name)
    return _checked(replace(source, bom=True) if bom else source)


def _utf16(data: bytes, name: str) -> Source:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise UnreadableInput(
            f"starts with a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason})",
            "save the file as UTF-8",
        ) from exc
    note = Diagnostic(
        "CC001", "file is UTF-16; read as such", Span(0, 0), hint="save transcriptions as UTF-8"
    )
    return Source(name, text, "utf-16", (note,))


#: Windows-1252 for each byte a UTF-8 decoder escaped (U+DC80-U+DCFF); the
#: five bytes Windows-1252 leaves undefined keep their Latin-1 meaning (a C1
#: control, which ``cableconv check`` reports) rather than becoming U+FFFD.
_ESCAPED_AS_CP1252 = {
    0xDC00 + b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0x100)
}
_ESCAPED = re.compile("[\udc80-\udcff]+")


def _mostly_utf8(body: bytes, name: str) -> Source:
    """UTF-8 in which some bytes are not: each of those is read as
    Windows-1252, and everything that is valid UTF-8 stays as it is.

    A file typed in UTF-8 with one Latin-1 ``é`` pasted in is common; decoding
    the whole file as Windows-1252 instead would turn every other accent and
    curly quote into mojibake. Each escaped byte becomes one character, so
    offsets in the escaped text are offsets in the final text.
    """
    escaped = body.decode("utf-8", errors="surrogateescape")
    places = _ESCAPED.finditer(escaped)
    first = next(places)
    more = sum(1 for _ in places)
    text = escaped.translate(_ESCAPED_AS_CP1252)
    span = Span(first.start(), first.start() + 1)
    byte = ord(first.group()[0]) - 0xDC00
    also = f", and {more} more place{'s' if more > 1 else ''}" if more else ""
    warning = Diagnostic(
        "CC002",
        f"not valid UTF-8 (byte 0x{byte:02x}{also}); read as Windows-1252",
        span,
        hint="save the file as UTF-8 and check the characters around this place",
    )
    return Source(name, text, "cp1252", (warning,))


#: Characters XML 1.0 cannot hold, not even as a character reference: C0
#: controls other than tab, line feed and carriage return, lone surrogates,
#: U+FFFE and U+FFFF.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _checked(source: Source) -> Source:
    i = source.text.find("\x00")
    if i != -1:
        line, col = source.lines.position(i)
        raise UnreadableInput(
            f"text holds NUL characters (first at line {line}, column {col}); "
            "not a text transcription",
            "give cableconv a plain-text .txt file, UTF-8 encoded",
            Span(i, i + 1),
        )
    return source
