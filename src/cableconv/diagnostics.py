"""Diagnostics are data: a level, a stable code, a message and a place.

Every stage collects them instead of raising; the CLI decides what to print
and which exit code they add up to. Codes are documented in one table,
:data:`CODES`, so users can look one up and switch it off.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Literal

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of the transcription: character offsets, end exclusive.

    Offsets count code points of the *decoded* transcription (a byte-order
    mark dropped), the text :class:`~cableconv.source.Source` holds. A span
    has no line or column: those are worked out once, by
    :class:`~cableconv.source.LineIndex`, where a diagnostic is reported.
    """

    start: int
    end: int

    def cover(self, other: Span) -> Span:
        """The span from the start of this one to the end of ``other``."""
        return Span(self.start, other.end)

    def to_json(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, data: dict[str, int]) -> Span:
        return cls(data["start"], data["end"])


@dataclass(frozen=True, order=True)
class Place:
    """Where a diagnostic is, as people read it: 1-based line and column of
    its start and end (``file:line:col``)."""

    line: int
    col: int
    end_line: int
    end_col: int

    @classmethod
    def at(cls, line: int, col: int = 1) -> Place:
        """A point, for what is known only by its line (an XML parser's)."""
        return cls(line, col, line, col)

    def to_json(self) -> dict[str, int]:
        return {
            "line": self.line,
            "col": self.col,
            "end_line": self.end_line,
            "end_col": self.end_col,
        }


#: Every diagnostic code cableconv emits: code -> (default level, summary).
CODES: dict[str, tuple[Level, str]] = {
    # reading
    "CC001": ("warning", "file is UTF-16, read as such"),
    "CC002": ("warning", "file is not valid UTF-8, read as Windows-1252"),
    "CC003": ("error", "file cannot be read as a text transcription"),
    "CC004": ("error", "empty document"),
    "CC005": ("error", "control character in the text"),
    # invisible characters and documents without text (cableconv.checks)
    "CC010": ("warning", "invisible character (zero-width, soft hyphen, filler, tag) in the text"),
    "CC011": ("error", "bidirectional control character outside right-to-left text"),
    "CC012": ("warning", "bidirectional control character in right-to-left text"),
    "CC013": ("error", "the document has no text besides its heading"),
    # finding the inputs (cableconv.inputs)
    "CC006": ("error", "input not found: no such file or folder, or a pattern matching nothing"),
    "CC007": ("error", "input is not a regular file (a FIFO, a device, a socket); not read"),
    "CC008": ("error", "input cannot be reached: permission, a link loop or to nothing, too long"),
    "CC009": ("error", "symbolic link out of the input folder, or to a folder; not followed"),
    # structure recovery
    "CC101": ("warning", "no heading found"),
    "CC102": ("error", "footnote marker without a note"),
    "CC103": ("error", "footnote without a marker in the text"),
    "CC104": ("warning", "footnote numbers skip, go back or repeat: kept as printed"),
    "CC105": ("warning", "block could not be placed; kept as a paragraph"),
    "CC106": ("error", "page marker malformed"),
    "CC107": ("warning", "page markers out of sequence"),
    "CC108": ("warning", "dateline has no date that can be read"),
    "CC109": ("error", "impossible date"),
    "CC110": ("warning", "file number does not fit the decimal-file pattern"),
    "CC111": ("warning", "unbalanced brackets"),
    "CC112": ("warning", "unbalanced quotes"),
    "CC113": ("warning", "normalisation would change the text"),
    "CC114": ("warning", "impossible date outside the dateline (kept as printed)"),
    "CC115": ("warning", "page reference with a full stop kept as text, not a page break"),
    "CC116": ("warning", "page marker without a number read as an unnumbered page"),
    # footnotes (CC150–CC169)
    "CC150": ("warning", "footnote marker taken on weak evidence (the only place it can be)"),
    "CC151": ("warning", "footnote not anchored: its only candidates read as text, kept as text"),
    "CC152": ("warning", "note printed without a mark not placed: no blank ends its line"),
    "CC155": ("warning", "page break after a paragraph of a list item kept between blocks"),
    "CC161": ("warning", "attachment label read as the source note of the title under it"),
    # front matter (CC120–CC134)
    "CC120": ("warning", "heading taken by default: the block does not read as a heading"),
    "CC121": ("warning", "no heading: the document begins with its dateline or salutation"),
    "CC122": ("warning", "block at the start of the text reads like a dateline; kept as text"),
    "CC123": ("warning", "date completed by assumption (no day, or no year)"),
    "CC124": (
        "warning",
        "dateline in the Chinese or Japanese calendar: @when from its Western date",
    ),
    # info, not a warning: @when follows the text (the day sent), and where a
    # vendor volume (frus1870, frus1872p2v5) took the receipt's month instead,
    # that is the volume's slip, not a doubt about this document; warned, it
    # sat on 116 of the 416 right documents of frus1882 with nothing to check
    "CC125": ("info", "receipt in another month: @when is the day sent"),
    "CC126": ("warning", "time of day in a place of unknown time zone: @when has no offset"),
    "CC127": ("warning", "place without a date above the text taken as the letterhead"),
    "CC128": ("warning", "block ends like a dateline but its month is no month's name"),
    "CC129": ("warning", "place and date under a signature read as the paper's dateline"),
    "CC130": ("warning", "enclosure's note with broken brackets read as its source note"),
    # body: closers, signatures, postscripts (CC135–CC149)
    "CC135": ("warning", "block reads like a signature in capitals but is kept as text"),
    "CC136": ("warning", "signature read where text goes on after it"),
    "CC137": ("warning", "name under “Official:” after a signature kept as text"),
    "CC138": ("warning", "name under the jurat of a deposition read as the officer's signature"),
    "CC139": ("warning", "place and date under a signature read as the next letter's dateline"),
    "CC140": ("warning", "name after the clause that says an agreement is signed kept as text"),
    "CC141": ("warning", "deponent's signature before the oath read as the signature"),
    "CC146": ("warning", "last lines of a table read as the next items of the list it is in"),
    # normalisation (CC2xx)
    "CC201": ("warning", "straight double quote left as typed: opening or closing?"),
    "CC202": ("warning", "straight single quote left as typed: apostrophe or quotation mark?"),
    "CC203": ("warning", "hyphen between numbers left as typed: not a range?"),
    "CC204": ("warning", "odd run of hyphens left as typed: em dash or en dash?"),
    "CC205": ("warning", "bracketed text looks like a page marker but is not one"),
    "CC206": ("warning", "run of dots left as typed: not an ellipsis"),
    "CC207": ("warning", "straight quote or hyphen kept as printed: the document is typeset"),
    "CC208": ("warning", "blanks at the ends of blocks do not match the unlabelled notes"),
    "CC209": ("warning", "straight single quote taken as an opening quote with none closing"),
    "CC315": ("warning", "straight single quote between blanks taken as an opening quote"),
    "CC316": ("warning", "hyphens joining three or more numbers made en dashes"),
    "CC317": ("warning", "straight single quote before an elided year made ’ (FRUS: ’ or ‘)"),
    "CC318": ("warning", "hyphen between blanks made an en dash"),
    # checks (CC3xx)
    "CC301": ("error", "page numbers go back or repeat"),
    "CC310": ("error", "document model does not match cable.schema.json"),
    "CC311": ("error", "TEI not valid against cableconv-tei.rng"),
    "CC312": ("error", "document div not valid against the FRUS schema"),
    "CC313": ("error", "TEI file is not well-formed XML"),
    "CC314": ("error", "TEI file has a DOCTYPE (never read: no DTD, no entities)"),
    "CC320": ("error", "footnote xml:id used more than once"),
    "CC321": ("error", "footnote xml:id not prefixed with the document id"),
    "CC322": ("warning", "footnote numbers in the TEI skip, go back or repeat"),
    "CC323": ("error", "page numbers in the TEI do not increase"),
    "CC324": ("error", "date in a dateline without @when"),
    "CC325": ("warning", "dateline without a date"),
    "CC329": ("error", "Schematron rule failed"),
    "CC399": ("error", "internal error in a check"),
    # writers (CC4xx)
    "CC401": ("warning", "footnote marker without a note written as a superscript"),
    "CC402": ("warning", "footnote without a marker written at the end of the document"),
    "CC403": ("warning", "character the PDF's fonts cannot draw"),
    "CC404": ("info", "PDF written without PDF/A: the document has no date"),
    "CC410": ("info", "PDF written without PDF/A or PDF/UA: characters its fonts cannot draw"),
    "CC411": ("info", "PDF dated by the date its source note prints: the document has no dateline"),
    # batch (CC5xx)
    "CC501": ("error", "an output could not be written"),
    "CC502": ("error", "internal error while converting this input"),
    "CC503": ("error", "the worker process died while converting this input"),
    "CC504": ("error", "two inputs would write the same outputs"),
    "CC505": ("error", "document too large for this format; that format is not written"),
    # the output folder (cableconv.batch, cableconv.incremental)
    "CC520": ("warning", "the output folder's manifest cannot be read; every input is redone"),
    "CC521": ("warning", "the output folder's manifest cannot be saved; the next run redoes all"),
    "CC522": ("error", "the output folder is full: the batch stops, the next run resumes"),
    # batches on a Dask cluster (CC54x): each ends the run; the manifest is kept
    "CC540": ("error", "no Dask scheduler answers at the --cluster address"),
    "CC541": ("error", "the Dask cluster has no worker"),
    "CC542": ("error", "a Dask worker runs other cableconv code or rendering libraries"),
    "CC543": ("error", "a Dask worker does not see the inputs or the output folder"),
    "CC544": ("error", "a Dask worker could not run cableconv"),
    "CC545": ("error", "the connection to the Dask scheduler was lost"),
    # reading TEI (CC6xx)
    "CC600": ("error", "TEI file is not well-formed XML"),
    "CC601": ("error", "TEI file has a DOCTYPE or entities (never read)"),
    "CC602": ("error", "no FRUS document in the TEI file"),
    "CC603": ("error", "TEI file too large or too deeply nested"),
    "CC610": ("warning", "TEI element not known to the reader; its text is kept"),
    "CC611": ("warning", "image in the TEI left out (the model holds no images)"),
    "CC612": ("warning", "TEI note on a page break kept at the end of the document"),
    "CC613": ("warning", "TEI element in a table row outside a cell left out"),
    "CC614": ("warning", "TEI block the model has no kind for, read as a paragraph"),
    "CC615": ("warning", "TEI list item or table row under a nested block starts a new one"),
    "CC616": ("warning", "TEI source note after a postscript written inside it"),
    "CC617": ("warning", "TEI signature holding blocks the model cannot sign"),
    "CC619": ("info", "TEI markup the model does not carry left out (text kept)"),
    # volumes (CC7xx)
    "CC701": ("warning", "a VOLUME.toml chapter names a file or glob that matches nothing"),
    "CC702": ("warning", "a document is in the volume twice; the second place is left out"),
    "CC703": ("warning", "a persons or terms line without a comma; left out"),
    "CC704": ("warning", "a name is in a persons or terms list twice; the second is left out"),
    "CC705": ("error", "a file the VOLUME.toml names (preface, list) cannot be read"),
    "CC706": ("error", "a document could not be converted; the volume marks its place"),
    "CC707": ("info", "a name matches several persons of the list; not linked"),
    "CC708": ("info", "volume PDF written without PDF/A: the volume has no date"),
    "CC709": ("warning", "a heading's printed number is not the document's number in the volume"),
}


def level_of(code: str) -> Level:
    """The level of a code, from :data:`CODES`; a code not in the table (a
    Schematron rule a user added, say) is an error."""
    entry = CODES.get(code)
    return entry[0] if entry is not None else "error"


@dataclass(frozen=True)
class Diagnostic:
    """One thing found: a code (its level comes from :data:`CODES`), a
    message, where it is and a hint saying what to do.

    ``span`` is where in the transcription (offsets); ``place`` is the same
    as ``line:col``, filled in once by :meth:`located` when the diagnostic
    leaves the document's pipeline, or given directly by what knows only a
    line (the XML parser reading a TEI file).
    """

    code: str
    message: str
    span: Span | None = None
    hint: str = ""
    file: str = ""
    place: Place | None = None

    @property
    def level(self) -> Level:
        return level_of(self.code)

    def located(self, file: str, place: Callable[[Span], Place] | None = None) -> Diagnostic:
        """This diagnostic in ``file``, its ``place`` worked out by ``place``
        (a :meth:`~cableconv.source.LineIndex.place`) if not known yet."""
        where = self.place
        if where is None and self.span is not None and place is not None:
            where = place(self.span)
        return replace(self, file=file, place=where)

    @property
    def where(self) -> str:
        """``file:line:col``, or the file alone for a diagnostic about all of it."""
        name = self.file or "<input>"
        return name if self.place is None else f"{name}:{self.place.line}:{self.place.col}"

    def sort_key(self) -> tuple[str, int, int, str]:
        """File, then position (whole-file diagnostics first), then code."""
        line, col = (self.place.line, self.place.col) if self.place else (0, 0)
        return self.file, line, col, self.code

    def format(self) -> str:
        """The one way a diagnostic is printed, by every command:
        ``file:line:col: level CODE message``, then the hint on its own line.

        >>> print(Diagnostic("CC109", "'June 31' is not a date", hint="check it",
        ...       file="d.txt", place=Place.at(3, 13)).format())
        d.txt:3:13: error CC109 'June 31' is not a date
          hint: check it
        """
        text = f"{self.where}: {self.level} {self.code} {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text

    def to_json(self) -> dict[str, object]:
        span: dict[str, int] | None = None
        if self.span is not None or self.place is not None:
            span = self.span.to_json() if self.span is not None else {}
            if self.place is not None:
                span |= self.place.to_json()
        return {
            "file": self.file,
            "level": self.level,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
            "span": span,
        }


def counts(diags: Iterable[Diagnostic]) -> dict[Level, int]:
    """How many diagnostics of each level (every level present, in
    :data:`LEVELS` order): the one place diagnostics are counted."""
    tally: dict[Level, int] = dict.fromkeys(LEVELS, 0)
    for d in diags:
        tally[d.level] += 1
    return tally


def sort_diagnostics(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    """In the order people read them: by file, line, column, code."""
    return sorted(diags, key=Diagnostic.sort_key)
