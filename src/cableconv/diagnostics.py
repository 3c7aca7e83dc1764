"""Diagnostics are data: a level, a stable code, a message and a place.

Every stage collects them instead of raising; the CLI decides what to print
and which exit code they add up to. Codes are documented in one table,
:data:`CODES`, so users can look one up and switch it off.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of the transcription: character offsets and 1-based line/column.

    ``start``/``end`` are offsets into the decoded transcription; the line and
    column pairs are what people read (``file:line:col``).
    """

    start: int
    end: int
    line: int
    col: int
    end_line: int
    end_col: int

    def cover(self, other: Span) -> Span:
        """The span from the start of this one to the end of ``other``."""
        return Span(self.start, other.end, self.line, self.col, other.end_line, other.end_col)

    def to_json(self) -> dict[str, int]:
        return {
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "col": self.col,
            "end_line": self.end_line,
            "end_col": self.end_col,
        }

    @classmethod
    def from_json(cls, data: dict[str, int]) -> Span:
        return cls(
            data["start"], data["end"], data["line"], data["col"], data["end_line"], data["end_col"]
        )


#: Every diagnostic code cableconv emits: code -> (default level, summary).
CODES: dict[str, tuple[Level, str]] = {
    # reading
    "CC001": ("warning", "file is UTF-16, read as such"),
    "CC002": ("warning", "file is not valid UTF-8, read as Windows-1252"),
    "CC003": ("error", "file cannot be read as a text transcription"),
    "CC004": ("error", "empty document"),
    "CC005": ("error", "control character in the text"),
    # structure recovery
    "CC101": ("warning", "no heading found"),
    "CC102": ("error", "footnote marker without a note"),
    "CC103": ("error", "footnote without a marker in the text"),
    "CC104": ("error", "footnote numbers out of order or duplicated"),
    "CC105": ("warning", "block could not be placed; kept as a paragraph"),
    "CC106": ("error", "page marker malformed"),
    "CC107": ("warning", "page markers out of sequence"),
    "CC108": ("warning", "dateline has no date that can be read"),
    "CC109": ("error", "impossible date"),
    "CC110": ("warning", "file number does not fit the decimal-file pattern"),
    "CC111": ("warning", "unbalanced brackets"),
    "CC112": ("warning", "unbalanced quotes"),
    "CC113": ("warning", "normalisation would change the text"),
    # front matter (CC120–CC134)
    "CC120": ("warning", "heading taken by default: the block does not read as a heading"),
    "CC121": ("warning", "no heading: the document begins with its dateline or salutation"),
    "CC122": ("warning", "block at the start of the text reads like a dateline; kept as text"),
    "CC123": ("warning", "date completed by assumption (no day, or no year)"),
    # normalisation (CC2xx)
    "CC201": ("warning", "straight double quote left as typed: opening or closing?"),
    "CC202": ("warning", "straight single quote left as typed: apostrophe or quotation mark?"),
    "CC203": ("warning", "hyphen between numbers left as typed: not a range?"),
    "CC204": ("warning", "odd run of hyphens left as typed: em dash or en dash?"),
    "CC205": ("warning", "bracketed text looks like a page marker but is not one"),
    "CC206": ("warning", "run of dots left as typed: not an ellipsis"),
    # checks (CC3xx)
    "CC301": ("error", "page numbers go back or repeat"),
    "CC310": ("error", "document model does not match cable.schema.json"),
    "CC311": ("error", "TEI not valid against cableconv-tei.rng"),
    "CC312": ("error", "document div not valid against the FRUS schema"),
    "CC313": ("error", "TEI file is not well-formed XML"),
    "CC314": ("error", "TEI file has a DOCTYPE (never read: no DTD, no entities)"),
    "CC320": ("error", "footnote xml:id used more than once"),
    "CC321": ("error", "footnote xml:id not prefixed with the document id"),
    "CC322": ("error", "footnote numbers in the TEI not consecutive"),
    "CC323": ("error", "page numbers in the TEI do not increase"),
    "CC324": ("error", "date in a dateline without @when"),
    "CC325": ("warning", "dateline without a date"),
    "CC329": ("error", "Schematron rule failed"),
    "CC399": ("error", "internal error in a check"),
    # writers (CC4xx)
    "CC401": ("warning", "footnote marker without a note written as a superscript"),
    "CC402": ("warning", "footnote without a marker written at the end of the document"),
    "CC403": ("warning", "character the PDF's fonts cannot draw"),
    # batch (CC5xx)
    "CC501": ("error", "an output could not be written"),
    "CC502": ("error", "internal error while converting this input"),
    "CC503": ("error", "the worker process died while converting this input"),
    "CC504": ("error", "two inputs would write the same outputs"),
    "CC505": ("error", "document too large for this format; that format is not written"),
}


@dataclass(frozen=True)
class Diagnostic:
    level: Level
    code: str
    message: str
    span: Span | None
    hint: str = ""
    file: str = ""

    @classmethod
    def make(
        cls,
        level: Level,
        code: str,
        message: str,
        span: Span | None,
        *,
        hint: str = "",
        file: str = "",
    ) -> Diagnostic:
        return cls(level, code, message, span, hint, file)

    def located(self, file: str) -> Diagnostic:
        return Diagnostic(self.level, self.code, self.message, self.span, self.hint, file)

    @property
    def where(self) -> str:
        if self.span is None:
            return self.file or "<input>"
        return f"{self.file or '<input>'}:{self.span.line}:{self.span.col}"

    def format(self) -> str:
        text = f"{self.where}: {self.level}: {self.code} {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "level": self.level,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
            "span": self.span.to_json() if self.span else None,
        }


def count(diags: list[Diagnostic] | tuple[Diagnostic, ...], level: Level) -> int:
    return sum(1 for d in diags if d.level == level)
