"""Several lines without a blank between them: a list, or one paragraph
broken into lines?

FRUS prints the items of a list one a line, and so it prints an address or
a name with its office: ``To Mexican Minister,⏎Washington:``, ``Commander
O’Neil,⏎U. S. S. Marblehead, Bluefields:``, ``A. McDowell, Clerk,⏎By
William J. Browning, Chief Clerk.`` The official TEI makes the former list
items and the latter one paragraph with line breaks. What tells them apart
is the comma that ends every line but the last: the lines go on into each
other. Over the development corpus, of the blocks of two or three lines
that are neither datelines nor signatures, 153 paragraphs and 6 lists have
it (items labelled ``(1)``, ``a.``, ``1st.`` are a list whatever their
punctuation).
"""

from __future__ import annotations

import re

from cableconv.parse.blocks import RawBlock

#: An item's label: ``(1)``, ``((m)``, ``a.``, ``2)``, ``B)``, ``IV.``, ``1st.``, ``2d.``
#: (not ``A.``: an initial, ``A. McDowell, Clerk,``)
ITEM_LABEL = re.compile(
    r"\(?\((?:[a-zA-Z]|\d{1,2}|[ivxlIVXL]{1,5})\)"
    r"|(?:[a-z]|\d{1,2})[.)]\s|[A-Z]\)"
    r"|[IVXL]{1,5}\.\s"
    r"|\d{1,2}(?:st|nd|rd|d|th)\.\s"
)
#: An address or a name with its office runs to three lines at most here.
MAX_LINES = 3
#: A short line that introduces the name under it (``Witness:``, ``By
#: order:``, ``Correct translation:``, ``In the presence of—``): the lines
#: are one paragraph too (frus1882 d33, frus1894Nicaragua d10, frus1897 d178
#: d454, frus1901 d282 d305; 25 of 25 such blocks in the corpus).
_INTRODUCES_NAME = re.compile(r".{1,40}[:—]")
#: A title of address alone on the first line, over the name, office and
#: place of the person written to: one paragraph with line breaks, however
#: many lines (``His Excellency⏎Doctor Arturo R. Avila⏎Acting Minister for
#: Foreign Affairs⏎San Salvador.”``, frus1934v05 d270; the only such block
#: in the corpus, and it is one paragraph).
_TITLE_ALONE = re.compile(r"(?:His|Her) (?:Excellency|Highness)|(?:The )?Hon(?:\.|orable|ourable)")
#: An address runs to five lines at most: title, name, office, street, place.
MAX_ADDRESS_LINES = 5
#: A line of leaders alone, where a draft leaves the names blank
#: (``The President of the United States of America⏎. . . . . .⏎and the
#: President of the United Mexican States⏎. . . . . .``, frus1925v02 d425):
#: with a line that goes on in lower case, the lines are one sentence.
_LEADERS = re.compile(r"(?:\. ?){4,}")
#: A form's blank alone on a line under its label (``Firma del portador:⏎____
#: _____``, a consular certificate's form, frus1897 d621): the label and
#: its blank are one paragraph, no list.
_BLANKS = re.compile(r"_{2,}(?:\s+_{2,})*\.?")
#: A gloss printed in the margin, which the transcription sets on a short
#: line or two over the paragraph it glosses (``Preparation of case.⏎Private
#: claims classified as indirect. The question was a practical one: …``,
#: frus1872p2v4 d1, 9 such blocks; the official TEI keeps it in the
#: paragraph, ``<seg type="margin">``). Not the items of a list: they run to
#: more than this, or share their first word, or count (``First.``,
#: ``Article 8.``).
MAX_GLOSS = 60
MIN_GLOSSED = 300
_COUNTED = re.compile(
    r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Art(?:icle|\.))\b"
    r"|[\d“\[]"
)

#: A step in the course of a treaty, with its date, one a line under the
#: treaty's title (``Signed at Washington, April 18, 1892.⏎Ratification
#: advised by the Senate, April 19, 1892.⏎Ratified by the President, April 22,
#: 1892.⏎Ratifications exchanged, May 7, 1892.⏎Proclaimed, May 9, 1892.``,
#: frus1902app1 d10 d33: 3 of 3 such blocks one paragraph with line breaks).
_TREATY_STEP = re.compile(
    r"(?:Signed|Ratifications? (?:advised|exchanged)|Ratified|Proclaimed)\b.*\b1[6-9]\d\d\.$"
)
#: The steps of a treaty's course: signed, advised, ratified, exchanged, proclaimed.
MAX_TREATY_STEPS = 6


def is_treaty_course(lines: list[str]) -> bool:
    """Every line a step of a treaty's course, with its date (:data:`_TREATY_STEP`).

    >>> is_treaty_course(["Signed at Washington May 4, 1894.", "Proclaimed May 12, 1894."])
    True
    >>> is_treaty_course(["Signed at Washington May 4, 1894.", "The convention was signed."])
    False
    """
    return 2 <= len(lines) <= MAX_TREATY_STEPS and all(_TREATY_STEP.match(t) for t in lines)


def is_broken_paragraph(block: RawBlock) -> bool:
    """Two or three lines, every one but the last ending in a comma, none
    starting with an item's label: one paragraph with line breaks.

    >>> from cableconv.parse.blocks import split_blocks
    >>> [is_broken_paragraph(b) for b in split_blocks(
    ...     "To Mexican Minister,\\nWashington:\\n\\n(1) Diplomatic,\\n(2) Commercial,\\n\\n"
    ...     "Mr. Polk\\nMr. White\\n\\nWitness:\\nDevawongse.\\n\\n"
    ...     "His Excellency\\nDoctor Arturo R. Avila\\nActing Minister\\nSan Salvador.\\n\\n"
    ...     "Firma del portador:\\n____ _____")]
    [True, False, False, True, True, True]
    """
    lines = [line.text.strip() for line in block.lines]
    if any(ITEM_LABEL.match(text) for text in lines):
        return False
    if 2 <= len(lines) <= MAX_ADDRESS_LINES and _TITLE_ALONE.fullmatch(lines[0]):
        return True
    if len(lines) == 2 and lines[0].endswith(":") and _BLANKS.fullmatch(lines[1]):
        return True
    if any(_LEADERS.fullmatch(text) for text in lines) and any(
        text[:1].islower() for text in lines[1:]
    ):
        return True
    if is_treaty_course(lines):
        return True
    if not 2 <= len(lines) <= MAX_LINES:
        return False
    if _glosses(lines):
        return True
    if all(text.endswith(",") for text in lines[:-1]):
        return True
    return _introduces_name(lines)


def _glosses(lines: list[str]) -> bool:
    """A margin's gloss over the paragraph it glosses (see :data:`MAX_GLOSS`)."""
    *gloss, text = lines
    return (
        len(text) >= MIN_GLOSSED
        and all(
            len(g) <= MAX_GLOSS and g[:1].isupper() and not g.endswith((";", ",", ":"))
            for g in gloss
        )
        and not any(_COUNTED.match(line) for line in lines)
        and len({line.split()[0] for line in lines}) == len(lines)
    )


def _introduces_name(lines: list[str]) -> bool:
    """``Witness:`` then ``Devawongse.``, or a name and its office
    (``Correct translation:`` over ``S. C. Braida,`` and ``United States
    Consul.``; two witnesses, each with a comma before his office); not a
    list's head over its figures (``Schools taught by Americans:`` over
    ``2.``, frus1897 d595), nor over two names (``Present:`` over ``Mr.
    Lansing`` and ``Mr. White``)."""
    after = lines[1:]
    return (
        _INTRODUCES_NAME.fullmatch(lines[0]) is not None
        and all(text[:1].isalpha() for text in after)
        and (len(after) == 1 or after[0].endswith(",") or all("," in text for text in after))
    )


#: A signer's initials (``D. H. Thomas``): a name, not an office.
_INITIALS = re.compile(r"\b[A-Z]\.\s")
#: A name the editors supplied in brackets, alone on its line (``[Eustace Percy]``).
_BRACKETED_NAME = re.compile(r"\[[^\]\[]{3,60}\]")


def _name_then_office(name: str, office: str) -> bool:
    """A signer's name, then his office on the line under it: the name ends
    with a comma (``D. H. Thomas,``) or stands in the editors' brackets
    (``[Eustace Percy]``); the office has no initials, no capitals only, and
    does not go on (``President of Provisional Council.``)."""
    if not (name.endswith(",") or _BRACKETED_NAME.fullmatch(name)):
        return False
    return (
        office[:1].isupper()
        and not office.endswith(",")
        and not office.startswith("[")
        and _INITIALS.search(office) is None
        and not office.isupper()
    )


#: The person a party names, on the line under the party, in the preamble
#: of a treaty: a title of address (``His Excellency the Honourable Frank B.
#: Kellogg, …:``, ``The Right Honourable Joseph Austen Chamberlain, …:``).
_PLENIPOTENTIARY = re.compile(
    r"^(?:(?:His|Her) Excellency|The (?:Right )?Honou?rable"
    r"|(?:Mr|M|Monsieur|Señor|Sir|Baron|Count)\.?\s)"
)


def _party_then_plenipotentiary(party: str, person: str) -> bool:
    """``The President of the United States of America:`` over ``His
    Excellency the Honourable Frank B. Kellogg, Ambassador …:``: each line
    left open on its colon, the person named by his title."""
    return (
        party.endswith(":") and person.endswith(":") and _PLENIPOTENTIARY.match(person) is not None
    )


def name_office_pairs(block: RawBlock) -> bool:
    """Every two lines a signer's name and his office: FRUS prints several
    signers so, one under the other, and the official TEI makes each pair
    one item with a line break (``D. H. Thomas,⏎President of Provisional
    Council.⏎Geo. P. Hall,⏎Secretary.``, frus1894Nicaragua d83;
    ``[Eustace Percy]⏎On behalf of British members⏎[L. H. Woolsey]⏎…``,
    frus1917Supp02v02 d17). A list of names alone is not (``Sam. D.
    Spellman,⏎Jas. H. Lampton,``), nor two names (``FREDERICK SCLOPIS,⏎J. C.
    BANCROFT DAVIS.``). So are the parties to a treaty, each over the
    plenipotentiary it names (:func:`_party_then_plenipotentiary`, frus1925v02:
    the official TEI makes each pair one item).

    >>> from cableconv.parse.blocks import split_blocks
    >>> [name_office_pairs(b) for b in split_blocks(
    ...     "D. H. Thomas,\\nPresident of Council.\\nGeo. P. Hall,\\nSecretary.\\n\\n"
    ...     "Sam. D. Spellman,\\nJas. H. Lampton,\\n\\nFREDERICK SCLOPIS,\\nJ. C. BANCROFT DAVIS.")]
    [True, False, False]
    """
    lines = [line.text.strip() for line in block.lines]
    if len(lines) < 4 or len(lines) % 2:
        return False
    if any(ITEM_LABEL.match(text) for text in lines):
        return False
    pairs = range(0, len(lines), 2)
    return all(_name_then_office(lines[k], lines[k + 1]) for k in pairs) or all(
        _party_then_plenipotentiary(lines[k], lines[k + 1]) for k in pairs
    )


#: A line of a list that only joins the items around it: the official TEI
#: ends the item before it with it, after a line break (``Lewis Einstein,
#: Envoy extraordinary …,⏎and`` over ``The President of the Czechoslovak
#: Republic:``, the parties of a treaty, frus1925v02 d24).
_JOINING_LINES = frozenset({"and", "or", "and,", "or,"})
#: The label an item opens with, then its text: ``1. Alsace Lorraine``,
#: ``a) Austria Hungary and Poland``, ``(c) …``.
_OPENING_LABEL = re.compile(r"(?:\d{1,2}\.|[a-z]\)|\([a-z0-9]{1,3}\))\s")
#: A line that is a label alone (``3.``, ``[4.]``, ``6 [7].``, ``(g)``): the
#: item's text is the paragraph after it.
_BARE_LABEL = re.compile(r"\[?\(?[\dIVXivxa-z]{1,4}\)?\.?\]?(?:\s*\[[^\]]*\]\.?)?")
#: A labelled line this short with no stop is the first line of its item.
MAX_OPEN_ITEM = 60
#: How a finished line ends.
_FINISHED = (".", ":", ";", ",", "?", "!", ")", "”")


def item_groups(lines: list[str]) -> list[int]:
    """How many lines each item of a list holds, one a line but for two
    conventions the official TEI prints as one item with line breaks: a
    line that only joins the items around it (:data:`_JOINING_LINES`) ends
    the item before it; and in a list whose items open with labels, a short
    labelled line left open, with no stop, goes on over the lines after it
    up to the next label (``1. Alsace Lorraine`` over ``including Saar
    Coalfields.``, ``a) Austria Hungary and Poland`` over ``Mr. Allen W.
    Dulles, Second Secretary of Embassy.``, frus1919Parisv11: 2 lists of 2;
    a long line left open is a paragraph of minutes before the bare label of
    the next, ``5.``, and ends its item).

    >>> item_groups(["1. Alsace Lorraine", "including Saar Coalfields.", "2. Memel.", "3. Poland."])
    [2, 1, 1]
    >>> item_groups(["Lewis Einstein, Envoy,", "and", "The President of the Republic:"])
    [2, 1]
    >>> item_groups(["1. Memorandum No. 1 was read.", "2. Memorandum No. 2", "3.", "Then"])
    [1, 1, 1, 1]
    """
    texts = [text.strip() for text in lines]
    labelled = [_OPENING_LABEL.match(text) is not None for text in texts]
    in_labelled_list = sum(labelled) >= 2
    groups: list[int] = []
    open_item = False
    for text, label in zip(texts, labelled, strict=True):
        if groups and text in _JOINING_LINES:
            groups[-1] += 1
            continue
        if groups and open_item and not label and not _BARE_LABEL.fullmatch(text):
            groups[-1] += 1
            continue
        groups.append(1)
        open_item = (
            in_labelled_list
            and label
            and len(text) <= MAX_OPEN_ITEM
            and not text.endswith(_FINISHED)
        )
    return groups
