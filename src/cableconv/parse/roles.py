"""What kind of block is this? Small predicates over a block's text.

Each predicate answers one question from the text alone; the order in which
they are asked, and what the position in the document adds, is
:mod:`cableconv.parse.structure`'s job. The rules come from the printed FRUS
volumes: source lines and enclosure notes, classifications, datelines and
signatures look the same from 1894 to the 1950s.
"""

from __future__ import annotations

import re

from cableconv.conventions import MONTH_NAME, PAGE_MARKER, UNDATED
from cableconv.parse import sourceline
from cableconv.parse.blocks import RawBlock
from cableconv.parse.dates import find_date, find_figures_date
from cableconv.parse.heading import PAPER_KINDS, names_a_paper

#: US decimal-file number as printed in source notes (761.93/12–1544, 861.51/382a).
FILE_NUMBER = re.compile(
    r"(?<![\w.])\d{3}(?:\.[0-9A-Za-z]+)*/[0-9A-Za-z]+(?:[\u2013\u2014\-/][0-9A-Za-z]+)*"
)

#: An enclosure's note may run to a line and a half when it says what the
#: enclosure is (``[Inclosure 1 in No. 20.—Translation of communications
#: received by the Government of Guatemala …]``, 174 characters, frus1882).
_BRACKETED = re.compile(r"^\[[^\[\]]{2,250}\]$")
#: ``Inclosure`` as the vendor volumes' OCR also prints it, with ``l`` for
#: ``I`` (``[lnclosure 12 in No. 349.]``, ``[IncIoure 2 in No. 10.]``,
#: frus1882); an appendix to an enclosure or a letter (``[Appendix 1 to
#: inclosure.]``, ``[Appendix 3 to Mr. McCorry’s letter.]``, frus1882) or one
#: that says what it is after a dash (``[Appendix—Draft memorandum]``,
#: frus1917Supp02v02); a bare ``[Appendix A]`` is an attachment's label,
#: :data:`_ATTACHMENT_LABEL`.
_ENCLOSURE_WORDS = re.compile(
    r"^\[(?:[il]nc[il]o\w*|Enclo\w*|S[un]benclo\w*|S[un]binclo\w*|"
    r"Appendix(?:\s[\w.]+)?(?:\sto\s|—)|"
    r"Telegram|Cablegram|Translation|Paraphrase|Extract|Personal|Confidential|Aide|"
    r"Memorandum|Letter|Despatch|Circular|Note\b(?!\.?—)|Copy)",
    re.IGNORECASE,
)
#: A bracketed note that is the editors' sentence about the enclosures, a
#: paragraph of the text: ``[Inclosure No. 1 will be found in the United
#: States Statutes at Large …]``, ``[Inclosure No. 2 is not sent.]``
#: (frus1870), ``[Note.—The enclosures above referred to are published
#: elsewhere …]`` (frus1864p3, excluded above).
_ABOUT_ENCLOSURES = re.compile(r"\b(?:is|are|will|was|were)\b")
#: A note that says it is an enclosure's (``[Inclosure 5 in No. 20.]``), not
#: only what kind of paper follows; ``Snb`` is the OCR's ``Sub``
#: (``[Snbinclosure in No. 10.—Translation.…]``, frus1897 d149).
_NAMES_ENCLOSURE = re.compile(
    r"^\[(?:[il]nc[il]o|Enclo|S[un]benclo|S[un]binclo|Appendix)", re.IGNORECASE
)
#: ``[Inclosures.]``: the note over the list of a despatch's enclosures
#: after its signature, see :func:`is_enclosures_note`.
_ENCLOSURES = re.compile(r"^\[(?:In|En)closures\.?\]$")
#: ``[Tab A]`` heads an attachment (frus1955-57v02); ``[Inclosure 1.]``,
#: ``[Enclosure 2]`` are the source notes of enclosures (148 of 148 in the
#: corpus, frus1882 to frus1934v05), read by :func:`is_enclosure_note`. A line
#: that only says ``Enclosure`` or ``Enclosure No. 1.`` (frus1944Quebec d13,
#: its ``head``; frus1864p3 d729) or ``Appendix.`` (frus1901 d417, its
#: ``head``) starts an attachment too (3 of 3 in the corpus). So does an
#: exhibit's label in capitals, its letter perhaps doubled (``EXHIBIT A.``,
#: ``EXHIBIT B B.``: the ``head`` of its paper 101 times of 101, frus1902app1,
#: frus1917Supp02v02 d44), and its French, ``PIÈCE PRODUITE A.`` (the exhibit
#: of a memorandum to the arbitrator, frus1902app1 d9).
_ATTACHMENT_LABEL = re.compile(
    r"^\[(?:Tab|Annex|Attachment|Appendix|Exhibit)\s+[\w.–-]{1,8}\]$"
    r"|^(?:Annex|Appendix|Exhibit|ANNEX|APPENDIX|EXHIBIT|PIÈCE PRODUITE)\s+"
    r"(?:[A-Z0-9]{1,3}|[A-Z] [A-Z])\.?$"
    r"|^(?:En|In)closure(?:\s+(?:No\.\s*)?[A-Z0-9]{1,3})?\.?$|^Appendix\.$"
)

CLASSIFICATIONS = (
    "top secret",
    "most secret",
    "secret",
    "strictly confidential",
    "confidential",
    "limited official use",
    "official use only",
    "unclassified",
    "restricted",
    "personal and secret",
    "personal and confidential",
    "personal",
    "eyes only",
    "priority",
    "urgent",
    "immediate",
    "niact",
    "flash",
)
_CLASSIFICATION = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in CLASSIFICATIONS) + r")\b", re.IGNORECASE
)

_NAME_PARTICLES = {
    "de", "da", "di", "del", "della", "der", "den", "van", "von", "y", "e", "la", "le",
    "du", "of", "the", "and", "&", "for", "in", "to", "at", "st.", "jr.", "jr",
    "v",  # von abridged: ``FR. v. GEROLT.``, ``H. v. ALVENSLEBEN,`` (frus1870)
    "los", "las",  # ``Isabelo de los Reyes.`` (frus1901)
    "ed",  # ``Mozaffer ed Dine.``, the Shah's telegram (frus1901)
}  # fmt: skip
_LOWER_START = re.compile(r"^[a-z]")


def is_page_block(block: RawBlock) -> bool:
    return len(block.lines) == 1 and PAGE_MARKER.fullmatch(block.first.strip()) is not None


def is_front_source(block: RawBlock, *, before_heading: bool = False) -> bool:
    """A source line before or right after the heading (the forms are in
    :mod:`cableconv.parse.sourceline`)."""
    return len(block.lines) == 1 and sourceline.is_source_line(
        block.first, before_heading=before_heading
    )


#: The label of an enclosure as the volumes of the 1860s print it:
#: ``Enclosure`` (not yet ``Inclosure``), with its full stop inside the
#: bracket (``[Enclosure.]``, ``[Enclosure No. 2.]``, ``[Enclosed in
#: above.]``, ``[Enclosure No. 5.—Translation.]``). FRUS TEI keeps it, and the
#: enclosure under it, in the text of the despatch: a paragraph 17 times of
#: 25, a heading, a note or an opener the others, never a source note
#: (frus1864p3). The later forms are source notes: ``[Inclosure No. 1.]``
#: (frus1872p2v5, frus1882: 347 of 348), ``[Enclosure 2 in No. 2789.]`` with
#: the despatch's number (frus1897), ``[Enclosure 1]`` without a stop
#: (frus1917Supp02v02 to frus1934v05).
_ENCLOSURE_IN_TEXT = re.compile(r"^\[Enclos(?:ure|ed)\b(?![^\]]*\bin\sNo\.)[^\[\]]*\.\s?\]$")


def is_enclosure_in_text(block: RawBlock) -> bool:
    """``[Enclosure.]``, ``[Enclosure No. 2.]``: an enclosure's label that
    FRUS TEI keeps as a line of the text (:data:`_ENCLOSURE_IN_TEXT`).

    >>> from cableconv.parse.blocks import split_blocks
    >>> labels = ("[Enclosure No. 2.]", "[Enclosure 2 in No. 2789.]", "[Inclosure.]", "[Enclosure]")
    >>> [is_enclosure_in_text(b) for b in split_blocks("\\n\\n".join(labels))]
    [True, False, False, False]
    """
    return len(block.lines) == 1 and _ENCLOSURE_IN_TEXT.match(block.first.strip()) is not None


def bracket_repaired(line: str) -> str | None:
    """An enclosure's note whose brackets the OCR broke, as it reads with
    them mended, or None when they are whole. The vendor volumes print
    ``[Inclosure 2 in No. 30.`` without the closing bracket (frus1882 d375),
    ``[Inclosure] in No. 56.]`` with one too early (frus1897 d49),
    ``[Inclosure in No. 10.].`` with a stop after it (frus1897 d149); FRUS TEI
    reads each as the enclosure's source note (4 of 4 in the corpus).

    >>> [bracket_repaired(t) for t in (
    ...     "[Inclosure 2 in No. 30.", "[Inclosure] in No. 56.]", "[Inclosure in No. 10.].",
    ...     "[Inclosure 2 in No. 30.]", "[Translation.")]
    ['[Inclosure 2 in No. 30.]', '[Inclosure in No. 56.]', '[Inclosure in No. 10.]', None, None]
    """
    if line.count("[") != 1 or not line.startswith("[") or _BRACKETED.match(line):
        return None
    if _NAMES_ENCLOSURE.match(line) is None or len(line) > 252:
        return None
    body = line[1:]
    if body.endswith("]."):
        body = body[:-2]
    elif body.endswith("]"):
        body = body[:-1]
    if body.count("]") > 1:
        return None
    mended = "[" + body.replace("] ", " ").replace("]", "") + "]"
    return mended if _BRACKETED.match(mended) else None


def is_enclosure_note(block: RawBlock) -> bool:
    """A bracketed note in the body that starts an enclosure: ``[Inclosure 1
    in No. 3.]``, also with its brackets broken (:func:`bracket_repaired`)."""
    if len(block.lines) != 1:
        return False
    line = block.first.strip()
    line = bracket_repaired(line) or line
    return (
        not is_enclosure_in_text(block)
        and _BRACKETED.match(line) is not None
        and _ENCLOSURE_WORDS.match(line) is not None
        and _ATTACHMENT_LABEL.match(line) is None
        and not PAGE_MARKER.fullmatch(line)
        and not line.rstrip("]").rstrip().endswith(":")
        and _ABOUT_ENCLOSURES.search(line) is None
    )


#: The language of the copy printed (``[English version.]``, the treaty's
#: text beside its French, frus1902app1 d33).
_VERSION = re.compile(r"^\[[A-Z][a-z]+ version\.?\]$")


def says_kind_of_copy(block: RawBlock) -> bool:
    """A note in brackets that says what kind of copy a paper is
    (``[Translation.]``, ``[Copy.]``, ``[Memorandum.]``, ``[English
    version.]``): under an exhibit's label, its source note (frus1902app1:
    16 of 16); any other bracketed line there is the paper's own, a
    paragraph (``[Temporary register No. 34.—Official number: …]``, ``[Cat.
    No. 335.—Register No. 75. …]``, ``[Public—No. 136.]``: 9 of 9).

    >>> from cableconv.parse.blocks import split_blocks
    >>> [says_kind_of_copy(b) for b in split_blocks(
    ...     "[Translation.]\\n\\n[English version.]\\n\\n[Public—No. 136.]")]
    [True, True, False]
    """
    return is_enclosure_note(block) or (
        len(block.lines) == 1 and _VERSION.match(block.first.strip()) is not None
    )


def names_enclosure(block: RawBlock) -> bool:
    """An enclosure note that says it is one (``[Inclosure 5 in No. 20.]``),
    not only what kind of paper follows (``[Telegram.]``, ``[Translation.]``:
    right after an enclosure's note, a second source note of it; frus1882)."""
    return is_enclosure_note(block) and _NAMES_ENCLOSURE.match(block.first.strip()) is not None


def is_enclosures_note(block: RawBlock) -> bool:
    """``[Inclosures.]``, over the list of a despatch's enclosures. When the
    list follows as one block (``1. From the United States consul …⏎2. …``)
    the note starts an attachment that holds the list (frus1894Nicaragua);
    when each entry is a paragraph of its own (``A.—Dispatch signed by all
    the representatives …``), note and entries are paragraphs of the text
    (6 of 6, frus1870). The caller knows which follows."""
    return len(block.lines) == 1 and _ENCLOSURES.match(block.first.strip()) is not None


_TITLE_SMALL_WORDS = frozenset({
    "of", "the", "and", "to", "on", "in", "at", "by", "for", "from", "with", "a", "an", "or",
    # prepositions a title keeps in lower case too (``… Prohibiting Certain Imports
    # except under License``, frus1917Supp02v02 d115)
    "under", "except",
})  # fmt: skip
_PAPER_TITLE_START = re.compile(
    r"^(?:(?:An?|The|Public|Executive|Joint|Senate|House|Press)\s)?(?:"
    + "|".join(re.escape(k) for k in PAPER_KINDS)
    + r")s?\b"
)
#: A title set as a sentence names the kind of paper in lower case after the
#: word that qualifies it (``Joint statement of conclusions respecting the
#: fur-seal herd …``, frus1897: the head of the attachment under the
#: delegates' signatures); after ``A``/``The`` a lower-case kind opens a
#: sentence of the text (``The report was …``), so only these words lead it.
_SENTENCE_TITLE_START = re.compile(
    r"^(?:Public|Executive|Joint|Senate|House|Press)\s(?:"
    + "|".join(re.escape(k.lower()) for k in PAPER_KINDS)
    + r")s?\b"
)


#: A paper's number and date after its kind, which say enough on their own:
#: ``Executive Order No. 2621, May 16, 1917`` (frus1917Supp02v02 d353, d375,
#: d377: 5 of 5 such lines head an order printed after another's signature).
_NUMBERED_PAPER = re.compile(r"\bNo\. \d+(?:[–-][A-Z])?, ")


def is_paper_title(block: RawBlock) -> bool:
    """The title of a paper printed in the text of another, as an
    attachment's heading: one line that opens with the kind of paper and says
    more in title case, or gives its number and date (:data:`_NUMBERED_PAPER`),
    with no final stop (``Public Statement Issued by the
    Exports Administrative Board, October 5, 1917``, ``Statement by Secretary
    Lansing to the French Press, July 12, 1919``, ``Proclamation No. 1411,
    November 28, 1917, Prohibiting …``, ``An Article Reprinted From the “New
    York Times” …``: 14 of 14 in frus1917Supp02v02, frus1919Parisv11,
    frus1925v02). A short label (``Memorandum``, ``Article II``, ``Note
    Verbale``) is a line of the text (50 of 50), and so is a title after a
    line that introduces it (``… will appear in the French press on Wednesday
    morning:``, frus1917Supp02v02; the caller knows the line before)."""
    if len(block.lines) != 1:
        return False
    text = block.first.strip()
    if len(text) > 220 or text.endswith((".", ":", ",", ";")) or not _PAPER_TITLE_START.match(text):
        return False
    words = re.findall(r"[A-Za-z][\w’'-]*", text)
    big = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    numbered = _NUMBERED_PAPER.search(text) is not None and find_date(text) is not None
    return (len(words) >= 5 or numbered) and sum(w[0].isupper() for w in big) * 10 >= len(big) * 9


#: The most words of a paper's title in capitals (``MEMORANDUM.``): a longer
#: line in capitals is a name or a sentence, read by the rules for them.
MAX_CAPITAL_TITLE_WORDS = 2


def is_paper_title_after_signature(block: RawBlock) -> bool:
    """The title of the next paper right under a signature, printed as a
    sentence with its stop (``Memorandum of a conversation had by Mr.
    Arendt with His Excellency Wang …``, ``Report at the National Academy of
    Medicine of France on the question …``, frus1882; ``Award of
    arbitrator.``, ``Memorandum.``, frus1897: the head of an attachment 17
    times of 18 in the corpus). A postscript that names a paper (``Note.—The
    above …``, ``Memorandum: Ehrenstroem emigrated …``) is no title, nor is
    an article quoted from a regulation (``Article 3 of the regulation of
    13th (25th) October, 1873, …``, frus1882: a paragraph).

    >>> from cableconv.parse.blocks import split_blocks
    >>> [is_paper_title_after_signature(b) for b in split_blocks(
    ...     "Award of arbitrator.\\n\\nMemorandum: Ehrenstroem emigrated.\\n\\n"
    ...     "Note.—The above was furnished me.\\n\\nThe Secretary agreed.\\n\\n"
    ...     "Joint statement of conclusions respecting the fur-seal herd.\\n\\n"
    ...     "The statement was read.\\n\\nMEMORANDUM.")]
    [True, False, False, False, True, False, True]
    """
    if len(block.lines) != 1:
        return False
    text = block.first.strip()
    if text.isupper() and len(text.split()) <= MAX_CAPITAL_TITLE_WORDS:
        # the kind of paper in capitals (``MEMORANDUM.`` under the signed
        # last row of a protocol, frus1902app1 d2; ``ANNEX.``): read as typed
        # in title case
        text = text.capitalize()
    m = _PAPER_TITLE_START.match(text) or _SENTENCE_TITLE_START.match(text)
    return (
        m is not None
        and len(text) <= 300
        and text.endswith(".")
        and text[m.end() : m.end() + 1] in (" ", ".")
        and not text.startswith(("Note. ", "Note.—", "Article", "Articles"))
    )


def is_attachment_label(block: RawBlock) -> bool:
    """``[Tab A]``: the heading of an attachment in modern volumes."""
    return len(block.lines) == 1 and _ATTACHMENT_LABEL.match(block.first.strip()) is not None


def is_title_under_label(block: RawBlock) -> bool:
    """A title in title case under an attachment's label in brackets, one
    line with no final stop (``Memorandum on the Coal Policy at Present
    Adopted by the British Authorities``, ``Coal White List Conditions``
    under ``[Annex 1]``, ``[Annex 2]``, frus1917Supp02v02: the head of the
    annex, the label its source note, 2 of 2). A line in capitals under the
    label (``PARAGRAPH 5–G`` under ``[Tab A]``, frus1955-57v02: 2 of 2) is a
    line of the text, and the label the head.

    >>> from cableconv.parse.blocks import split_blocks
    >>> [is_title_under_label(b) for b in split_blocks(
    ...     "Coal White List Conditions\\n\\nPARAGRAPH 5–G\\n\\n"
    ...     "The basis of the coal policy is a prohibition.\\n\\nMemorandum")]
    [True, False, False, False]
    """
    if len(block.lines) != 1:
        return False
    text = block.first.strip()
    if len(text) > 120 or text.endswith((".", ":", ",", ";")) or text.upper() == text:
        return False
    words = re.findall(r"[A-Za-z][\w’'-]*", text)
    big = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    return len(words) >= 3 and all(w[0].isupper() for w in big)


def is_classification(block: RawBlock) -> bool:
    if len(block.lines) > 4:
        return False
    first = block.first.strip()
    return (
        _CLASSIFICATION.match(first) is not None
        and len(first) <= 40
        and all(len(line.text) <= 40 for line in block.lines)
        and not first.endswith((".", ":"))
    ) or first.lower().rstrip(".") in CLASSIFICATIONS


#: A month with its day or its year; the day may follow a comma (``September,
#: 14, — 7.15 a. m.``, frus1870 d533).
_PARTIAL_DATE = re.compile(r"\b" + MONTH_NAME + r"\.?(?:,? \d{1,2}(?:/\d{1,2})?\b|,? \d{4}\b)")
_RECEIPT = re.compile(r"[\[(]Received\b[^\])]*[\])]\.?$")

#: Lower-case words a place may hold (``Legation of the United States in
#: Japan``, ``Légation des Etats Unis``, ``on board U.S.S. …``; a ship's
#: station: ``United States Steamer Colorado, Flag ship of Asiatic Fleet,
#: Wusung, below Shanghai, China``, frus1870).
_PLACE_PARTICLES = frozenset({
    "of", "the", "and", "de", "du", "des", "la", "le", "in", "at", "for", "on", "near",
    "via", "y", "del", "di", "van", "von", "board", "a", "by", "below", "above", "off",
})  # fmt: skip
_POSSESSIVE_OR_TIME = re.compile(r"[’']s\b|\b[ap]\.\s?m\.|o[’']clock")

#: A date of the Chinese or Japanese calendar, as the translations of the
#: 1860s-1870s print it: ``Tungchi, 9th Year, 7th Moon, 14th Day``, ``Tokei,
#: the 30th of the 11th Month``, ``Yokei, the 7th of the 9th month``
#: (frus1870, the notes of Prince Kung and of the Japanese government).
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th|d)"
_EAST_ASIAN_DATE = re.compile(
    r"\b(?:the )?" + _ORDINAL + r"(?: (?:of the )?" + _ORDINAL + r")? (?:year|moon|month|day)\b",
    re.IGNORECASE,
)


def east_asian_date_at(text: str) -> int | None:
    """Where a date of the Chinese or Japanese calendar starts in ``text``
    (``Tungchi, 7th Year, 11th Moon, 4th Day``), if it has one."""
    m = _EAST_ASIAN_DATE.search(text)
    return None if m is None else m.start()


#: The ending of an ordinal (``15th``, ``3d``) is no word of prose.
_ORDINAL_DAY = re.compile(r"(?<=\d)(?:st|nd|rd|th|d)\b")


def _prose_words(place: str) -> int:
    """How many words before a date read as prose rather than a place:
    ``Extract from the speech of Mr. Cass, …, June, 1846`` has two
    (``from``, ``speech``); a dateline's place has none, or one in a long
    office name (``Department of state``)."""
    words = re.findall(r"[^\W\d_]+", _ORDINAL_DAY.sub(" ", _POSSESSIVE_OR_TIME.sub(" ", place)))
    return sum(1 for w in words if w[0].islower() and w not in _PLACE_PARTICLES)


#: A date that a title gives its paper (``House resolution of January 31,
#: 1882.``, frus1882; ``Imperial ordinance No. 458 of December 27, 1899.``,
#: frus1901): no dateline of the 16 volumes has ``of`` right before its date.
_DATE_OF_A_PAPER = re.compile(r"\bof\s*$")


def _dates_a_title(before: str) -> bool:
    """Do the words before a date name a paper the date belongs to?"""
    return names_a_paper(before) or _DATE_OF_A_PAPER.search(before) is not None


def _dated_in_figures(text: str) -> bool:
    """A short place line ending in a date in figures (``Clonmel Prison,
    Tipperary, 23, 2, ʼ82.``)."""
    found = find_figures_date(text, 1900)  # any year: is there such a date?
    if found is None or len(text) > 100:
        return False
    place = text[: found.start]
    return place[:1].isupper() and len(place.split()) <= 8 and _prose_words(place) == 0


def is_dateline(block: RawBlock) -> bool:
    """Place and date (``Cairo, June 23, 1936—5 p.m.``), perhaps with a receipt line.

    >>> from cableconv.parse.blocks import split_blocks
    >>> [is_dateline(b) for b in split_blocks(
    ...     "Paris, May 27, 1864.\\n\\nHouse resolution of January 31, 1882.")]
    [True, False]
    """
    if len(block.lines) > 5 or len(block.text) > 300:
        return False
    text = " ".join(line.text.strip() for line in block.lines)
    if text.endswith(":") or re.match(r"^\d+\.\s", text):
        return False
    if len(block.lines) == 1 and re.fullmatch(r"\[[^\[\]]*\]\.?", text):
        return is_bracketed_date(block)  # not [From the Times, Monday, September 19, 1870.]
    calendar = _EAST_ASIAN_DATE.search(text)
    if calendar is not None and len(text) < 160:
        place = text[: calendar.start()]
        # what follows is more of the date, an era name, or the Western date
        # in brackets ("(August 10, 1870.)"), not prose
        rest = re.sub(r"\([^()]*\)", " ", _EAST_ASIAN_DATE.sub(" ", text[calendar.start() :]))
        rest = re.sub(r"\b(?:year|moon|month|day)\b", " ", rest, flags=re.IGNORECASE)
        if (
            place.rstrip().endswith(",")
            and len(place.split()) <= 4
            and _prose_words(place) == 0
            and _prose_words(rest) == 0
        ):
            return True
    found = find_date(text)
    if found is not None:
        before = text[: found.start]
        return (
            len(before.split()) <= 20
            and found.start < 200
            and len(text) - found.end < 80
            and _prose_words(before) <= 1
            and not _dates_a_title(before)
        )
    if len(text) >= 160:
        return False
    if len(block.lines) == 1 and _dated_in_figures(text):
        return True
    if UNDATED.search(text) or _RECEIPT.search(text):
        return True
    m = _PARTIAL_DATE.search(text)
    return (
        m is not None
        and len(text[: m.start()].split()) <= 10
        and len(text) - m.end() < 40
        and _prose_words(text[: m.start()]) <= 1
        and not _dates_a_title(text[: m.start()])
    )


_SALUTATION = re.compile(r"^[A-Z][\w.’' ]{1,60}:\s\S")


def is_place_line(block: RawBlock) -> bool:
    """A place without a date, as a letter's dateline may give it:
    ``Bluefields, Mosquito Reservation, Nicaragua.``, ``1 Temple Gardens,
    Temple, E. C.``: one short line, names separated by commas, a final
    stop, no lower-case word but a place's particles, not in capitals (a
    proclamation's title: ``BY, THE QUEEN.``)."""
    if len(block.lines) != 1:
        return False
    text = block.first.strip()
    if not (8 <= len(text) <= 120 and text.endswith(".") and "," in text) or text.isupper():
        return False
    if find_date(text) is not None or _PARTIAL_DATE.search(text) or ":" in text:
        return False
    words = re.findall(r"[^\W\d_]+", text)
    return all(w[0].isupper() or w in _PLACE_PARTICLES for w in words)


def opens_with_salutation(block: RawBlock) -> bool:
    """A paragraph that opens with a salutation: ``Dear Sir: News having
    reached here …``, ``Citizen Secretary of War: The governor …``."""
    return _SALUTATION.match(block.first.strip()) is not None


def is_bracketed_date(block: RawBlock) -> bool:
    """A date in brackets, perhaps with a place or ``Undated—Circa``:
    ``[May 14, 1917.]``, ``[Washington, December 1, 1919.]``, ``[Washington,
    undated.]``; not a note
    that merely holds a date (``[From the Times, Monday, September 19,
    1870.]``, ``[Telegram.—Received July 19, 1870.]``)."""
    if len(block.lines) != 1:
        return False
    line = block.first.strip()
    if not (line.startswith("[") and line.rstrip(".").endswith("]")):
        return False
    if sourceline.cites_publication(line):
        return False  # [From Le Moniteur, May 13, 1882.] (frus1882 d253)
    inner = line.rstrip(".")[1:-1]
    if re.fullmatch(r"(?:[A-Z][\w.’'-]*,?\s)*undated\.?", inner.strip(), re.IGNORECASE):
        return True  # [Washington, undated.] (frus1934v05)
    found = find_date(inner)
    if found is None or found.when is None or inner[found.end :].strip(" .,") != "":
        return False
    before = inner[: found.start]
    words = re.findall(r"[^\W\d_]+", before)
    return all(w[0].isupper() for w in words) and not re.search(r"\bReceived\b", before)


#: A sentence, not a title: it speaks in the first person (``I hereby
#: certify that …``) or has a verb of its own (``… is hereby ordered``),
#: not one in a clause of the title (``List of Yuma Indians who are in
#: Algodones``). Under an enclosure's note, 41 of 45 such lines are the
#: text's first paragraph in the corpus (frus1882 to frus1934v05).
#: So do a deed's and a receipt's opening words, a sovereign's ``We,`` before
#: his titles and the acts of a grant (``We, William, by the grace of God,
#: German Emperor …``, frus1872p2v5 d143; ``Know all men by these presents
#: that I, … do hereby appoint …``, frus1882 d321; ``Received from J. R.
#: Tinsly, esq., forty pounds sterling …``, frus1882 d134): over the corpus
#: 128 blocks open or act so, every one a paragraph, no heading.
_SENTENCE = re.compile(
    r"^(?:I|We),?\s|^Know all men\b|^Received (?:from|of)\b|\bdo(?:es)? hereby\b"
    r"|(?<!\bwho )(?<!\bwhich )(?<!\bthat )\b(?:have|has|is|are|was|were|shall|will)\b"
)


#: The caption of a paper filed in a court, the first line of its text
#: (``The district court of the United States for the southern district of
#: Mississippi. In admiralty.`` under ``[Subinclosure.]``, frus1902app1 d16;
#: ``In the circuit court of the United States, ninth circuit, district of
#: Montana.``, frus1901 d89): 8 of 8 in the corpus are text, none a heading.
_COURT_CAPTION = re.compile(
    r"(?:In )?[Tt]he (?:[\w.]+ ){0,2}(?:district|circuit|supreme|admiralty|consular) court of\b",
    re.IGNORECASE,
)


#: Words that, alone on the line under an enclosure's note, open its text
#: rather than title it (``NOTE.``, ``notice.``: frus1897 d43, d149,
#: frus1902app1 d6; ``Note.`` is a paragraph 4 times of 4 in the corpus).
TEXT_OPENING_WORDS = frozenset({"note", "notice"})


def opens_text(block: RawBlock) -> bool:
    """A line that begins a text, not one that titles it: a sentence, a
    word that opens a text (:data:`TEXT_OPENING_WORDS`), or the caption of a
    paper filed in a court (:data:`_COURT_CAPTION`).

    >>> from cableconv.parse.blocks import split_blocks
    >>> [opens_text(b) for b in split_blocks(
    ...     "I hereby certify it.\\n\\nList of men who are here.\\n\\n"
    ...     "I. Matters for Discussion\\n\\nNOTE.\\n\\nWe, William, German Emperor.\\n\\n"
    ...     "Received from J. R. Tinsly forty pounds.\\n\\n"
    ...     "The district court of the United States for the southern district. In admiralty.")]
    [True, False, False, True, True, True, True]
    """
    if block.text.strip().rstrip(".").lower() in TEXT_OPENING_WORDS:
        return True
    return _SENTENCE.search(block.text) is not None or _COURT_CAPTION.match(block.text) is not None


#: A paragraph's or an article's number on a line of its own: ``1.``,
#: ``Article 21.``, ``ART. 3.``, ``Article II``.
_PARAGRAPH_NUMBER = re.compile(
    r"\d{1,3}\.|(?:Article|ARTICLE|Art\.|ART\.) ?(?:\d{1,3}|[IVXL]{1,6})\.?"
)


def is_paragraph_number(block: RawBlock) -> bool:
    """A number alone with its point (``1.``), or an article's (``Article
    21.``): the number of the text's first paragraph or article, printed on a
    line of its own, not a title. Under an enclosure's note FRUS prints it as
    a paragraph (frus1901 d144, d145, d146; frus1897 d410 ``Article 21.``, as
    all 216 articles' numbers alone on a line in the corpus).

    >>> from cableconv.parse.blocks import split_blocks
    >>> text = "1.\\n\\nA.\\n\\nArticle 21.\\n\\nArticle on trade"
    >>> [is_paragraph_number(b) for b in split_blocks(text)]
    [True, False, True, False]
    """
    return len(block.lines) == 1 and _PARAGRAPH_NUMBER.fullmatch(block.first.strip()) is not None


def is_enclosure_heading(block: RawBlock) -> bool:
    """The title of an enclosure, right after its bracketed note: one line,
    no salutation (``Sir:``), not closing on a colon (``… as follows:``)."""
    if len(block.lines) != 1:
        return False
    text = block.first.strip()
    return 0 < len(text) <= 250 and ":" not in text[:40] and not text.endswith(":")


def is_heading_like(block: RawBlock) -> bool:
    """A heading inside a document: ``Mr. Seat to Mr. Braida.``, ``Memorandum …``."""
    if len(block.lines) > 3 or len(block.text) > 250:
        return False
    text = block.text
    return not text.rstrip().endswith(":") and (
        re.search(r"\bto\b", text) is not None or len(text) < 120
    )


def is_addressed_heading(block: RawBlock) -> bool:
    """A heading that names sender and recipient: ``Mr. Motley to Mr. Fish.``"""
    text = block.text.strip()
    return (
        len(block.lines) <= 3
        and len(text) <= 250
        and text[:1].isupper()
        and re.search(r"\bto\b", text) is not None
        and not text.endswith(":")
    )


#: The small words of a heading's names (``President Wilson, M. Clemenceau,
#: and Signor Orlando``, ``The Minister of Foreign Affairs``, ``Baron von
#: Gerolt``).
_NAME_SMALL_WORDS = frozenset({"and", "of", "the", "for", "de", "von", "van", "la", "le", "du"})


def names_writer(block: RawBlock) -> bool:
    """Does the part of an addressed heading before its last ``to`` name its
    writers as a heading does, every word capitalised but the small ones
    (``Governor Longino``), not as a sentence does (``Copy of a letter from
    the secretary of state``)?

    >>> from cableconv.parse.blocks import split_blocks
    >>> [names_writer(b) for b in split_blocks(
    ...     "Governor Longino to Mr. Hay.\\n\\nCopy of a letter from the secretary to the lords.")]
    [True, False]
    """
    text = block.text.strip()
    k = text.rfind(" to ")
    if k <= 0:
        return False
    words = re.findall(r"[^\W\d_][\w’'.-]*", text[:k])
    return bool(words) and all(w[0].isupper() or w in _NAME_SMALL_WORDS for w in words)


def _name_like_line(line: str) -> bool:
    words = line.strip().rstrip(".,").split()
    if not words or len(words) > 7:
        return False
    for w in words:
        w0 = w.strip("[]()“”\"',.")
        if not w0:
            continue
        if w0.lower() in _NAME_PARTICLES:
            continue
        if not (w0[0].isupper() or w0[0].isdigit()):
            return False
    return True


_COMPLIMENTARY = re.compile(
    r"(?:\betc\.?\]?,?|&c\.?,?|\byours,?|\brespectfully,?|\bservant,?|\bobedient,?|\bsincerely,?|"
    # ``Before me,`` opens a notary's act (frus1894Nicaragua), it closes nothing
    r"\bfaithfully,?|\btruly,?|(?<!Before )\bme,|\bremain,?|"
    # ``Yours, obediently,`` (frus1897), ``Accept, Excellency, et cetera.`` (frus1934v05)
    r"\bobediently,?|\bet cetera\.?)\s*$",
    re.IGNORECASE,
)


#: How far from the end of the text a close of :data:`_COMPLIMENTARY` can start.
_CLOSE_REACH = 24
#: A word of every close of :data:`_COMPLIMENTARY`, folded.
_CLOSE_WORDS = (
    "etc", "&c", "yours", "respectfully", "servant", "obedient", "sincerely",
    "faithfully", "truly", "me,", "remain", "cetera",
)  # fmt: skip


def is_complimentary_close(block: RawBlock) -> bool:
    """``I have, etc.,``, ``Very respectfully,``: the line before a signature.
    The translated notes of the 1860s close on a whole sentence left open on
    a comma (``Always at your orders, be pleased to accept, Monsieur le
    Ministre, the assurance of the consideration of your obedient servant,``,
    frus1864p3), so a close that ends on a comma may be as long as that."""
    text = block.text.strip()
    limit = 400 if text.endswith(",") else 120
    if len(block.lines) != 1 or len(text) > limit:
        return False
    # every close is a word or two at the end (``respectfully,`` the longest):
    # the search starts near the end, the words before it still in sight,
    # and only where one of the words stands there
    start = max(0, len(text) - _CLOSE_REACH)
    tail = text[start:].casefold()
    return any(w in tail for w in _CLOSE_WORDS) and _COMPLIMENTARY.search(text, start) is not None


#: The editors' word for the signature, in brackets or, in the vendor
#: volumes, parentheses: ``[File copy not signed]``, ``[No signature
#: indicated]`` (frus1917Supp02v02), ``(Not signed.)`` (frus1897).
_UNSIGNED = re.compile(
    r"^\[[^\[\]]{0,40}\b(?:not signed|unsigned|signed|signatures?)\b[^\[\]]{0,40}\]$"
    r"|^\((?:not signed|unsigned)\.?\)$",
    re.I,
)
#: Lines that read like a name but never sign: the label of a part of a
#: text (``Article II.``, ``Article Third.``, ``Case 4.``, ``PART II.``,
#: ``Only Article.``, ``OFFICIAL PART.``: 530 paragraphs and subheads in the
#: corpus, no closer; frus1870, frus1882, frus1902app1, frus1919Parisv11), the
#: line that ends minutes (``End of Meeting.``, frus1919Parisv11), and a
#: line with a time of day (``Thereupon, at 3:15 P.M. the meeting
#: adjourned.``; no closer of the corpus has one).
_NEVER_SIGNS = re.compile(
    r"^(?:(?:Article|Art\.|Section|Sec\.|Chapter|Part|Case|Title|Book|Schedule|Clause|Rule|"
    r"Annex|Appendix|Exhibit)\s(?:[IVXLC]+|\d+|(?-i:[A-Z]{1,2})|First|Second|Third|Fourth|"
    r"Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth)\.?(?:\s[A-Z][a-z]+\.)?"
    r"|(?:Only|Official|Single|Additional|Separate)\s(?:Article|Part)\.?"
    r"|End of (?:the )?(?:Meeting|Session|Conference)\.?)$",
    re.IGNORECASE,
)
#: For whom the name under it signs, ended by a stop or a comma: ``For the
#: Chancellor of the Empire.``, ``For the envoy.``, ``For the chancellor of
#: the Union,``, ``(In the absence of Earl Granville).`` over the signature
#: (frus1870, frus1872p2v5, frus1882, frus1901: 9 of 9 a paragraph; only the
#: modern ``For the Secretary of State:`` on a colon is a line of the closer).
_FOR_WHOM = re.compile(r"^\(?(?:For|In the absence of)\s[^:]*[.,]\)?\.?$")
_TIME_OF_DAY = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s?[ap]\.\s?m\.|o[’']clock", re.IGNORECASE)
#: A line that gives a speaker or a label, a colon, and what follows it:
#: the minutes' ``Mr. Polk: No.``, ``M. Clemenceau: said that …``
#: (frus1919Parisv11), a list of posts and who holds them (``Translation
#: Bureau: Mr. Walter Peirce.``, frus1919Parisv11). A line of a closer may
#: hold a colon only after a lead or an office (``Attest: Edward McPHERSON,``,
#: ``The president of the Senate: NICHOLAS M. …``, frus1882; ``By order of:
#: Reginald B. …``, frus1894Nicaragua: 4 of 4 closers of the corpus), never
#: after a person's name nor before a title of address or a sentence.
_SPEAKER = re.compile(
    r"^(?:Mr|Mrs|M|MM|Messrs|Dr|Sir|Lord|Baron|Count|Marquis|General|Admiral|Colonel|Captain)"
    r"\.?\s[^:]{1,50}:\s+\S"
)
_LABEL_THEN_TITLE = re.compile(r"^[^:]{1,60}:\s+(?:Mr|Mrs|M|MM|Messrs|Dr)\.\s")
_LABEL_THEN_SENTENCE = re.compile(r"^[^:]{1,60}:\s+\S+(?:\s\S+)*?\s[a-z]{3,}\b")


def is_speech_line(text: str) -> bool:
    """``Mr. Polk: No.``, ``Translation Bureau: Mr. Walter Peirce.``: a
    speaker or a label and what follows it, not a signature.

    >>> [is_speech_line(t) for t in ("Mr. Polk: No.", "M. Clemenceau: He agreed.",
    ...     "Translation Bureau: Mr. Walter Peirce.", "Attest: Edward McPHERSON,",
    ...     "By order of: Reginald B. Crosby.", "Lansing.")]
    [True, True, True, False, False, False]
    """
    t = text.strip()
    return (
        _SPEAKER.match(t) is not None
        or _LABEL_THEN_TITLE.match(t) is not None
        or _LABEL_THEN_SENTENCE.match(t) is not None
    )


def has_time_of_day(text: str) -> bool:
    """``at 3:10 p.m.``, ``at half past 12 o’clock``: minutes say when, names do not."""
    return _TIME_OF_DAY.search(text) is not None


_AFTER_NAME = re.compile(
    r"(?<=\S)\s*(?:\[(?:seal\.?|L\.\s?S\.)\]|" + PAGE_MARKER.pattern + r")$", re.IGNORECASE
)
_PARENTHESISED = re.compile(r"\([^()]*\)\.?")
#: The name of a signer the editors supply where the copy has none, in
#: brackets (``[H. B. Van Sinderen]``, ``[Grant-Smith]``, frus1917Supp02v02;
#: ``[Francis]``, frus1918Russiav03; ``[Harvey S. Firestone]``, frus1925v02:
#: 14 of 14 such lines a closer, ``[Paraphrase]`` aside).
_BRACKETED_NAME = re.compile(
    r"^\[(?:[A-Z]\.\s?){0,3}[A-Z][\w’'-]+(?:\s(?:[A-Z]\.|[A-Z][\w’'-]+|de|van|von)){0,3}\]$"
)


def is_bracketed_name(text: str) -> bool:
    """``[W. J. Carr]``: a signer's name the editors supply (:data:`_BRACKETED_NAME`).

    >>> is_bracketed_name("[W. J. Carr]"), is_bracketed_name("[Enclosure]")
    (True, False)
    """
    return _BRACKETED_NAME.match(text) is not None and _ENCLOSURE_WORDS.match(text) is None


#: ``(Signature.)`` where the copy gives none, ``(Seal of the
#: Mushir-ed-Dowlah.)`` in place of one (frus1897), ``(Signed)`` before a name.
_SIGNED_WORD = re.compile(r"\((?:Signed|Signature|Seal)\b", re.IGNORECASE)
_PERSONAL_NAME = re.compile(
    r"^(?:[A-Z]\.\s?){1,3}[A-Z][\w’'-]+[.,]?$"  # H. Guzman.  B. B. Seat,
    # José Madriz.  Jorge A. Ruiz,
    r"|^[A-Z][\w’'-]+(?:\s[A-Z]\.)?(?:\s(?:de|da|del|di|van|von|y))?\s[A-Z][\w’'-]+[.,]$"
)


def is_personal_signature(block: RawBlock) -> bool:
    """A signature that can stand anywhere, even mid-document (the signer of
    one of several papers): a person's name with initials or a final stop,
    ``H. Guzman.``, ``José Madriz.``, ``B. B. Seat,⏎United States Consular Agent.``"""
    lines = [ln.text.strip() for ln in block.lines]
    if not lines or len(lines) > 3 or not _PERSONAL_NAME.match(lines[0]):
        return False
    return is_signature(block)


#: The signer's office printed over the name, left open on a comma (``The
#: Minister of Foreign Affairs,`` over ``J. FAVRE.``, frus1870; ``The
#: Minister of the Interior by the law,`` over ``Matus.``, frus1894Nicaragua):
#: a paragraph, the name under it signs. (On a colon it opens the parties of
#: a treaty: ``The President of the United States:``, frus1934v05.)
_OFFICE_OVER_NAME = re.compile(r"^The [A-Z][\w’' -]{3,70},$")


def is_office_over_name(block: RawBlock) -> bool:
    """``The Minister of Foreign Affairs,``: the office over the signer's name.

    >>> from cableconv.parse.blocks import split_blocks
    >>> [is_office_over_name(b) for b in split_blocks(
    ...     "The Minister of Foreign Affairs,\\n\\nThe undersigned has the honor,")]
    [True, False]
    """
    return len(block.lines) == 1 and _OFFICE_OVER_NAME.match(block.first.strip()) is not None


#: A year in the first line of a block (a date, not a name).
_YEAR_IN_NAME = re.compile(r"\b1[6-9]\d\d\b")
_ETC = re.compile(r"\betc\b")
_LETTER = re.compile(r"[^\W\d_]")


#: A name in capitals before the comma of an office (``PERRY, American
#: Consul, &c., &c., &c.``, frus1864p3): a signature whose titles end in the
#: ``&c.`` of a complimentary close.
_NAME_IN_CAPITALS = re.compile(r"^(?:[A-Z]\.\s?)*[A-Z][A-Z’'-]+(?:\s[A-Z][A-Z’'.-]+)*,\s")


def _titled_name(first: str) -> bool:
    return _NAME_IN_CAPITALS.match(first) is not None and name_and_office(first)


def is_signature(block: RawBlock) -> bool:
    """A signature: ``Harriman``, ``Lewis Baker.``, ``H. A. Herbert,⏎Secretary of the Navy.``"""
    lines = [ln for ln in block.lines if ln.text.strip() not in ("[", "]")]
    if not lines or len(lines) > 4:
        return False
    first = lines[0].text.strip()
    if len(block.text) > 400 or any(len(line.text) > 160 for line in lines):
        return False  # a paragraph: asked of every block, so answered before the date is sought
    # the seal printed after the name (``GEORGE S. PORTER. [seal.]``, the
    # jurors of an inquest, frus1864p3) and the page turned after it (``W. G.
    # HAY, M. D.[Page 395]``) are not of the name
    first = _AFTER_NAME.sub("", first) or first
    if find_date(block.text) is not None or _YEAR_IN_NAME.search(first):
        return False
    if _UNSIGNED.match(first) and len(lines) == 1:
        return True  # "[File copy not signed]": the editors' word for the signature
    if (is_complimentary_close(block) and not _titled_name(first)) or is_office_over_name(block):
        return False  # "Respectfully, yours,", "The Governor of Paris,": over the signature
    if (
        (len(first) > 60 and not name_and_office(first))
        or first.endswith(":")
        or first[:1].isdecimal()
        or PAGE_MARKER.search(first)
        or _ETC.search(first)
        or (
            first.startswith("[")
            and not first.startswith("[Signed")
            and (_BRACKETED_NAME.match(first) is None or _ENCLOSURE_WORDS.match(first))
        )
        # an editors' line in parentheses (``(Omitted.)``, ``(Inclosure: Complaint
        # of Capt. G. I. Dahlberg.)``): a paragraph (199 of 201 in the corpus)
        or (_PARENTHESISED.fullmatch(first) is not None and not _SIGNED_WORD.match(first))
        or _NEVER_SIGNS.match(first) is not None
        or (len(lines) == 1 and _FOR_WHOM.match(first) is not None)
        or _TIME_OF_DAY.search(first) is not None
        or is_speech_line(first)
        or not _LETTER.search(first)  # ". . . . . . .": an omission
    ):
        return False
    if not _name_like_line(first) and not name_and_office(first):
        return False
    return all(
        len(line.text) <= 80 and not _LOWER_START.match(line.text.strip())
        for line in block.lines[1:]
    )


def is_slipped_signature(block: RawBlock) -> bool:
    """A signature :func:`is_signature` does not know for a slip of the
    print or of the OCR, as it stands after a complimentary close at the end
    of a letter (the caller knows both): ``lvey A. Adee.``, ``Julius g.
    Lay,⏎Consul-General.`` (frus1901), ``sGEO. B. DAWSON,⏎Vice-Consul``
    (frus1882), an office longer than a line (``G. Von Chauvin,⏎Representative
    in America and Chief Engineer of the French Paris and New York Telegraph
    Company.``, frus1897): a short name of two words or more, at most one of
    them in lower case, and offices under it.

    >>> from cableconv.parse.blocks import split_blocks
    >>> [is_slipped_signature(b) for b in split_blocks(
    ...     "lvey A. Adee.\\n\\nJulius g. Lay,\\nConsul-General.\\n\\nDecember 15, 1863.\\n\\n"
    ...     "(Same to Mr. Adams.)\\n\\nB.\\n\\nKotzebue, Etc., Etc., Etc.\\n\\n"
    ...     "the one he sent.\\n\\nIn the absence of Earl Granville,")]
    [True, True, False, False, False, False, False, False]
    """
    lines = [ln.text.strip() for ln in block.lines]
    if not 1 <= len(lines) <= 3 or len(block.text) > 300 or is_office_over_name(block):
        return False
    first = lines[0]
    if (
        len(first) > 40
        or not first.endswith((".", ","))
        or first[:1] in "[(“\"‘'"
        or re.search(r"\d|\betc\b|&c|:", first, re.IGNORECASE)
        or find_date(block.text) is not None
    ):
        return False
    words = [w.strip(".,") for w in first.split()]
    slips = [k for k, w in enumerate(words) if w[:1].islower() and w not in _NAME_PARTICLES]
    if len(words) < 2 or len(slips) > 1 or not all(w[:1].isalpha() for w in words):
        return False
    # the slip is an initial (``g.``) or the first word's first letter
    # (``lvey``, ``sGEO``), not a word of a phrase (``In the absence of Earl
    # Granville,``, frus1882)
    if slips and slips[0] != 0 and len(words[slips[0]]) > 1:
        return False
    return all(len(line) <= 160 and line[:1].isupper() for line in lines[1:])


def is_slipped_surname(block: RawBlock) -> bool:
    """A name whose surname the copy prints in lower case, on a line of its
    own (``Robert M. scotten`` under ``For the Ambassador:``, frus1934v05): the
    caller knows the line for whom it signs is over it.

    >>> from cableconv.parse.blocks import split_blocks
    >>> [is_slipped_surname(b) for b in split_blocks(
    ...     "Robert M. scotten\\n\\nRespectfully yours,\\n\\nIn the absence of Earl Granville")]
    [True, False, False]
    """
    if len(block.lines) != 1 or is_complimentary_close(block):
        return False
    words = block.first.strip().split()
    if not 2 <= len(words) <= 4 or len(block.first) > 40:
        return False
    *given, surname = words
    return (
        surname.isalpha()
        and surname.islower()
        and all(re.fullmatch(r"[A-Z](?:\.|[a-z’'-]+)", w) for w in given)
    )


#: Lower-case words an office after the signer's name may hold (``Consular
#: Agent of the United States``, ``Commanding U. S. Forces``).
_OFFICE_WORDS = _NAME_PARTICLES | {"ad", "interim", "on", "by", "with", "a", "an", "des", "et"}


def name_and_office(line: str) -> bool:
    """``C. R. P. RODGERS, Commander United States Navy.``, ``H. M. DAY,
    Colonel, Commanding U. S. Forces, Brazos Santiago.``: a name, a comma,
    and an office too long for :func:`_name_like_line`; the office has no
    more than two lower-case words that are not particles (not a sentence).

    >>> name_and_office("JEFFERSON DAVIS, President of the Confederate States of America.")
    True
    >>> name_and_office("Paris, where we arrived yesterday, was quiet and full of troops.")
    False
    """
    name, sep, office = line.strip().partition(",")
    if not sep or len(line) > 160 or not _name_like_line(name) or len(name.split()) > 5:
        return False
    words = [w.strip("()“”\"',.;") for w in office.split()]
    lower = [w for w in words if w[:1].islower() and w not in _OFFICE_WORDS]
    return len(lower) <= 2 and not office.rstrip().endswith(":")


#: How the name of a signer in capitals ends, over the names of the others
#: (``M. ROMERO.``, ``FREDERICK SCLOPIS,``, ``IASIGI & CO.``): the official TEI
#: makes every such first line an item of the list (39 of 39 in the corpus,
#: frus1872p2v4 to frus1902app1); its heads, ``SUBJECT``, ``PARTICIPANTS``
#: (frus1955-57v02 d1, d4), have no stop.
_NAME_STOP = (".", ",")
#: ...but a letter or numeral with its stop over a paper's title is the
#: label of a sub-enclosure (``A.⏎Mr. Seat to Commander O’Neil.``,
#: frus1894Nicaragua d83), not a name.
_LABEL = re.compile(r"(?:[A-Z]|[IVXLC]+)\.")


def is_list_head(line: str) -> bool:
    """``PARTICIPANTS``, ``SUBJECT``: a short line in capitals over a list,
    not the first of several names in capitals (:data:`_NAME_STOP`).

    >>> is_list_head("PARTICIPANTS"), is_list_head("M. ROMERO."), is_list_head("S. J.")
    (True, False, False)
    >>> is_list_head("A.")
    True
    """
    s = line.strip()
    return (
        2 <= len(s) <= 40
        and s.upper() == s
        and any(c.isalpha() for c in s)
        and (not s.endswith(_NAME_STOP) or _LABEL.fullmatch(s) is not None)
    )


_FIGURE = re.compile(r"\d{1,3}(?:, ?\d{3})+(?:\. ?\d{1,2})?|\d+\. ?\d{2}")
#: A figure in a column is short; looking further back than this for where
#: it starts only lets a long line of numbers cost the square of its length.
MAX_FIGURE = 64


def number_cell(line: str) -> int | None:
    """Where a trailing figure column starts (``Shipped by rail 7, 800, 000``):
    the longest figure (at most :data:`MAX_FIGURE` characters) that ends the
    line after blanks that follow some text.

    >>> number_cell("Shipped by rail 7, 800, 000"), number_cell("  1, 000, 000")
    (16, 5)
    """
    end = len(line)
    for start in range(max(1, end - MAX_FIGURE), end):
        if not line[start - 1].isspace() or _FIGURE.fullmatch(line, start) is None:
            continue
        blank = start - 1
        while blank > 0 and line[blank - 1].isspace():
            blank -= 1
        if blank > 0:  # some text before the blanks: a label and its figure
            return start
    return None
