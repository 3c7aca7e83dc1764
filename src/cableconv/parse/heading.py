"""Sender and recipient in a heading.

``The Ambassador in the Soviet Union (Harriman) to the President`` names its
sender by surname in parentheses and its recipient by office. FRUS encodes
the first as ``persName[@type='from']`` and the second as
``gloss[@type='to']``. Only what can be told safely is marked: a surname in
parentheses, a name after a title of address (``Mr. Baker``), or an office
after ``the``; anything else stays plain text.
"""

from __future__ import annotations

import re

from cableconv.diagnostics import Span
from cableconv.model import Inline, Inlines, Name, Text

#: Words that name a kind of paper. A block whose words before its date name
#: one (``Senate Resolution No. 319, January 26, 1925``, ``British Order in
#: Council, November 7, 1924``, ``Minutes of the Daily Meetings …, February
#: 5, 1919``, ``Extract from “El 93,” July 27, 1894.``) is a heading, not a
#: dateline: over the 16 volumes of the corpus such a word stands before the
#: date of 321 headings and of no dateline. (``Notice.``, the title of a
#: paper under a letter's signature and addressee, frus1902app1; ``List of
#: papers.``, under a report's signature and its place and date, frus1902app1 d10.)
PAPER_KINDS = (
    "Act", "Address", "Agreement", "Aide-Mémoire", "Announcement", "Article", "Award",
    "Bill", "Circular", "Communication", "Communiqué", "Conference", "Convention",
    "Conversation", "Declaration", "Decree", "Draft", "Exchange", "Extract", "Instructions",
    "Letter", "List", "Meeting", "Memorandum", "Message", "Minutes", "Note", "Notes", "Notice",
    "Order",
    "Petition", "Proclamation", "Protocol", "Record", "Regulations", "Report", "Resolution",
    "Speech", "Statement", "Summary", "Telegram", "Treaty",
)  # fmt: skip
_PAPER_KIND = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in PAPER_KINDS) + r")s?\b")


def names_a_paper(text: str) -> bool:
    """Does ``text`` name a kind of paper (``Memorandum``, ``Resolution``)?

    >>> names_a_paper("Senate Resolution No. 319, ")
    True
    >>> names_a_paper("Legation of the United States, ")
    False
    """
    return _PAPER_KIND.search(text) is not None


_PAREN_NAME = re.compile(r"\(([A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){0,2})\)")
_TITLED_NAME = re.compile(
    r"\b(?:Mr|Mrs|Miss|Señor|Senor|Monsieur|M|Sir|Lord|Count|Baron|General|Admiral|Commander|"
    r"Captain|Colonel|Major|Governor|President|Prime Minister|Marshal|Generalissimo|Chief)\.?"
    r" ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)"
)
_OFFICE = re.compile(r"^(?:the |The )((?:[A-Z][\w’'-]*)(?: (?:of|for|and|the|[A-Z][\w’'-]*))*)")


def _find_name(part: str) -> tuple[int, int, str] | None:
    """(start, end, kind) of the name in one side of ``A to B``."""
    m = _PAREN_NAME.search(part)
    if m:
        return m.start(1), m.end(1), "person"
    m = _TITLED_NAME.search(part)
    if m:
        return m.start(1), m.end(1), "person"
    m = _OFFICE.match(part)
    if m and " in " not in m.group(1) and len(m.group(1).split()) <= 6:
        return m.start(1), m.end(1), "office"
    return None


def mark_names(content: Inlines) -> Inlines:
    """The heading with its sender and recipient marked, where they can be told.

    Only a heading whose last text node holds ``… to …`` once is analysed.
    """
    texts = [i for i, node in enumerate(content) if isinstance(node, Text)]
    if not texts:
        return content
    idx = texts[-1]
    node = content[idx]
    assert isinstance(node, Text)
    line = node.text
    parts = list(re.finditer(r" to ", line))
    if len(parts) != 1:
        return content
    cut = parts[0]
    sides = [(0, cut.start(), "from"), (cut.end(), len(line), "to")]
    marks: list[tuple[int, int, str, str]] = []
    for lo, hi, role in sides:
        found = _find_name(line[lo:hi])
        if found:
            s, e, kind = found
            marks.append((lo + s, lo + e, kind, role))
    if not marks:
        return content
    out: list[Inline] = []
    pos = 0
    base = node.span
    for s, e, kind, role in marks:
        if s > pos:
            out.append(Text(line[pos:s], _sub(base, pos, s)))
        out.append(Name(line[s:e], kind, role, _sub(base, s, e)))  # type: ignore[arg-type]
        pos = e
    if pos < len(line):
        out.append(Text(line[pos:], _sub(base, pos, len(line))))
    return (*content[:idx], *out, *content[idx + 1 :])


def _sub(span: Span, start: int, end: int) -> Span:
    """The span of ``text[start:end]`` of a text node (the parser's spans are
    offsets of the text it reads, so this is plain addition)."""
    return Span(span.start + start, span.start + end)
