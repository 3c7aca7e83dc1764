"""What every printed format says about a document in its properties: title,
author, subject, keywords, date, language, identifier.

The PDF (``#set document``), the DOCX (``docProps/core.xml``) and the
Markdown front matter all take them from here, so the three say the same.
Titles are made to tell documents apart: 94 telegrams of one volume are
headed "The Ambassador in Russia (Francis) to the Secretary of State", so the
title adds the date as the dateline prints it (when there is no date, the
file number of the source line, else the document's id).

The date is the dateline's; a document without one is dated by a line that
is a date where its text opens ("[By cable telegram.]" then "September 3,
1870.", which frus1870 encodes as text), else by a date its heading prints
("Minutes of the Daily Meetings …, Thursday, July 10th, 1919", "Record of
the proceedings … held at Geneva, July 15, 1872"), else by a whole date its
source note prints ("[From the London Times of October 26, 1863.]", the
newspaper's day, frus1864p3), never by a receipt ("Mr. Geofroy to Mr.
Seward.—Received May 26, 1864": the day it arrived, not the day it was
written). ``Metadata.dated_by`` says which, so a writer can say when the
date is not the dateline's. Nothing else dates a document: no date is
guessed from the volume or the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cableconv.model import (
    Attachment,
    Block,
    Closer,
    Dateline,
    DateText,
    Document,
    Heading,
    Inlines,
    LineBreak,
    Name,
    Opener,
    PageBreakBlock,
    Paragraph,
    SourceNote,
    plain,
)
from cableconv.parse.dates import find_date

#: The model has no language yet; every FRUS volume so far is in English
#: (quotations in other languages are inside English documents).
DEFAULT_LANGUAGE = "en"
#: "… to the Secretary of State", "… to Mr. Seward": from the last "to" before
#: the recipient's name on.
_TO_WORDS = re.compile(r"\s+to\b(?!.*\sto\b).*$")
#: From here on a heading tells when the document was received, not written.
_RECEIVED = re.compile(r"\bReceived\b", re.IGNORECASE)
#: A receipt after a date line: "(Received September 5.)", "[Received …]".
_RECEIPT = re.compile(r"[\[(]\s*Received\b", re.IGNORECASE)
#: A file number at the start of a source line: "761.93/12–1544: Telegram".
_FILE_NUMBER = re.compile(r"^\s*([^:\s][^:]*?\d[^:]*?):")


@dataclass(frozen=True)
class Metadata:
    """A document's properties, as text ready for any format."""

    title: str
    heading: str
    authors: tuple[str, ...]
    subject: str
    keywords: tuple[str, ...]
    #: the dateline's date, ISO 8601 (``1944-12-15``), when it can be read,
    #: else a date line's where the text opens, else the date the heading prints
    date: str | None
    #: the date as printed (``December 15, 1944``)
    date_text: str | None
    #: where ``date`` was read: "dateline", "date line", "heading",
    #: "source note" (None: no date)
    dated_by: str | None
    source_line: str | None
    file_number: str | None
    classification: str | None
    language: str
    identifier: str


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _first(blocks: tuple[Block, ...], kind: type[Block]) -> Block | None:
    """The first block of ``kind`` outside any enclosure."""
    return next((b for b in blocks if isinstance(b, kind)), None)


def _date(doc: Document) -> tuple[str | None, str | None]:
    dateline = _first(doc.blocks, Dateline)
    if isinstance(dateline, Dateline):
        content = dateline.content
    else:
        # a paper dated only under its signature: the dateline is the closer's
        content = next(
            (
                b.content[start:end]
                for b in doc.blocks
                if isinstance(b, Closer)
                for kind, start, end in b.parts or ()
                if kind == "dateline"
            ),
            (),
        )
    for node in content:
        if isinstance(node, DateText):
            return node.when, _date_text(node.text)
    return None, None


#: Words of a place before a date line ("Cabinet of the Minister, Paris,",
#: "Washington City", "War Department, Washington, D. C."): a capital, an
#: initial or one of these; a lowercase word of a sentence ("He arrived at
#: Paris, May 27, 1864.") makes the line text.
_PLACE_LINKS = frozenset({"of", "the", "at", "and", "de", "la", "le", "du", "des", "d’", "in"})
#: Longest date line read as the document's date.
_DATE_LINE_MAX = 100


def _is_place(prefix: str) -> bool:
    """
    >>> _is_place(""), _is_place("Cabinet of the Minister, Paris, "), _is_place("He came on ")
    (True, True, False)
    """
    words = prefix.replace(",", " ").split()
    return all(w[:1].isupper() or w.lower() in _PLACE_LINKS for w in words)


def _date_line(doc: Document) -> tuple[str | None, str | None]:
    """A line that is a date, a place before it at most, where the text
    opens: after the heading and what stands with it (source lines, the
    classification, a bracketed note such as "[By cable telegram.]"),
    before anything else. frus1870 encodes "September 3, 1870." there as
    text, not as a dateline, and it is still the day the paper is dated."""
    for block in doc.blocks:
        if isinstance(block, Heading | SourceNote | Opener | PageBreakBlock):
            continue
        if not isinstance(block, Paragraph):
            return None, None
        text = _one_line(plain(block.content))
        # the receipt after it ("(Received September 5.)") is not the date
        line = _RECEIPT.split(text, maxsplit=1)[0]
        found = find_date(line) if len(text) <= _DATE_LINE_MAX else None
        if (
            found is not None
            and found.when is not None
            and not (found.assumed or found.problem)
            and not line[found.end :].strip(" .,;:")
            and _is_place(line[: found.start])
        ):
            return found.when, _date_text(line[found.start : found.end])
        if not (text.startswith("[") and text.endswith("]")):
            return None, None
    return None, None


def _heading_date(doc: Document) -> str | None:
    """The date the heading prints, before any receipt, when there is no
    dateline's: whole dates only (a month and a year date nothing)."""
    heading = doc.heading
    if heading is None:
        return None
    text = _one_line(plain(heading.content))
    found = find_date(_RECEIVED.split(text, maxsplit=1)[0])
    if found is None or found.when is None or found.assumed or found.problem:
        return None
    return found.when


def _source_note_date(doc: Document) -> str | None:
    """A whole date the source note prints, before any receipt, when nothing
    else dates the document: a newspaper's day ("[From the London Times of
    October 26, 1863.]"), a slip's ("… from the Gironde of the 5th of July,
    1864."). A month and a year date nothing."""
    source = _first(doc.blocks, SourceNote)
    if not isinstance(source, SourceNote):
        return None
    text = _RECEIVED.split(_one_line(plain(source.content)), maxsplit=1)[0]
    found = find_date(text)
    if found is None or found.when is None or found.assumed or found.problem:
        return None
    return found.when if len(found.when) >= 10 else None


def _date_text(text: str) -> str | None:
    """The date as printed, without the dateline's closing stop (the one of
    "p.m." stays).

    >>> _date_text("July 27, 1894."), _date_text("October 25, 1918, 7 p.m.")
    ('July 27, 1894', 'October 25, 1918, 7 p.m.')
    """
    text = _one_line(text).rstrip(",;: ")
    if text.endswith(".") and not text.endswith(("a.m.", "p.m.", "m.")):
        text = text[:-1]
    return text or None


def _authors(content: Inlines) -> tuple[str, ...]:
    """The sender as the heading names them ("The Ambassador in the Soviet
    Union (Harriman)"): the heading's line with the sender, up to the
    recipient; the sender's names when that line says nothing else."""
    line: list[str] = []
    senders: list[str] = []
    for node in content:
        if isinstance(node, LineBreak):
            if senders:
                break
            line = []
        elif isinstance(node, Name) and node.role == "to":
            break
        else:
            if isinstance(node, Name):
                senders.append(node.text)
            line.append(plain((node,)))
    if not senders:
        return ()
    text = _TO_WORDS.sub("", _one_line("".join(line))).rstrip(" ,.")
    return (text,) if text else tuple(dict.fromkeys(senders))


def metadata(doc: Document) -> Metadata:
    heading = doc.heading
    head_text = doc.title
    when, date_text = _date(doc)
    dated_by = "dateline" if when is not None else None
    if when is None:
        when, date_text = _date_line(doc)
        dated_by = "date line" if when is not None else None
    if when is None:
        when = _heading_date(doc)
        dated_by = "heading" if when is not None else None
    if when is None:
        when = _source_note_date(doc)
        dated_by = "source note" if when is not None else None
    source = _first(doc.blocks, SourceNote)
    source_line = _one_line(plain(source.content)) if isinstance(source, SourceNote) else None
    m = _FILE_NUMBER.match(source_line or "")
    file_number = m.group(1).strip() if m else None
    # an opener naming a place (role "place") is not a classification
    opener = next((b for b in doc.blocks if isinstance(b, Opener) and b.role is None), None)
    classification = (
        "; ".join(_one_line(plain(line)) for line in opener.lines if plain(line).strip())
        if isinstance(opener, Opener)
        else None
    ) or None
    head = head_text.rstrip(".")
    title = f"{head}, {date_text}" if date_text else f"{head} ({file_number or doc.doc_id})"
    subject = "; ".join(p for p in (source_line, date_text) if p)
    if file_number and (source_line is None or file_number not in source_line):
        subject = f"{subject}; file {file_number}" if subject else f"file {file_number}"
    keywords = tuple(
        dict.fromkeys(
            k
            for k in (
                doc.doc_id,
                file_number,
                classification,
                "enclosures" if any(isinstance(b, Attachment) for b in doc.blocks) else None,
            )
            if k
        )
    )
    return Metadata(
        title=title,
        heading=head_text,
        authors=_authors(heading.content) if heading is not None else (),
        subject=subject or doc.source_name,
        keywords=keywords,
        date=when,
        date_text=date_text,
        dated_by=dated_by,
        source_line=source_line,
        file_number=file_number,
        classification=classification,
        language=DEFAULT_LANGUAGE,
        identifier=doc.doc_id,
    )
