"""What stands after the text of a letter: signature, addressee, postscript.

The despatches of the 1860s to the 1900s close on the signature and then
name the person written to (``WM. L. DAYTON.`` then ``Hon. William H.
Seward, Secretary of State.``); the official volumes put the signature in
``closer/signed`` and the addressee in a ``postscript`` paragraph. These
predicates tell the two apart from the text alone; where they stand is
:mod:`cableconv.parse.structure`'s business.
"""

from __future__ import annotations

import re

from cableconv.model import Closer, CloserPart, LineBreak, plain
from cableconv.parse import roles
from cableconv.parse.blocks import RawBlock, split_blocks
from cableconv.parse.dates import find_date

#: Words that open the name of the person a letter is addressed to, printed
#: after the signature (seen in frus1864p3, frus1870, frus1872p2v5, frus1882,
#: frus1902app1: ``Hon. William H. Seward``, ``His Excellency M. Drouyn de
#: l’Huys``, ``Monsieur Dayton``, ``Captain Winslow``, ``The Attorney-General``,
#: ``To Mr. White``, ``Their Excellencies …``).
ADDRESS_TITLES = (
    "Hon.", "Hon", "Honorable", "The Hon.", "The honorable", "The Honorable",
    "His Excellency", "Her Excellency", "Their Excellencies", "His Imperial Highness",
    "His Highness", "His Majesty", "Mr.", "Mrs.", "Messrs.", "Monsieur", "M.", "Sir",
    "Lord", "Viscount", "Earl", "Count", "Baron", "Prince", "Señor", "Senor", "Dr.",
    "Rev.", "Captain", "Capt.", "Commander", "Commodore", "Admiral", "Rear-Admiral",
    "General", "Major", "Major General", "Brigadier", "Brigadier General", "Colonel",
    "Col.", "Lieut.", "Lieutenant", "To", "The",
)  # fmt: skip
_TITLES = "|".join(re.escape(t) for t in sorted(ADDRESS_TITLES, key=len, reverse=True))
#: ``His Excellency, Anson Burlingame, …`` (frus1864p3): that title may be
#: left open on a comma; an office is too (``Admiral, U. S. Navy``), so no other.
#: ``M.`` before another initial is a signer's initial (``M. C. Matus.``,
#: frus1894Nicaragua), not the title of ``M. Romero``.
_TITLE = re.compile(
    r"^(?!M\.\s[A-Z]\.)(?:(?:His|Her|Their) Excellenc(?:y|ies),\s|(?:" + _TITLES + r")\s)"
)
#: ``William L. Dayton, Esq., &c., &c., &c.``, ``William L. Dayton, &c.,
#: &c., &c.``: a name with Esq., or with the ``&c.`` that stands for the
#: titles of the person written to, is an addressee.
_ESQUIRE = re.compile(r"\bEsq\b\.?|,\s*&c\.")
#: A word in capitals of three letters or more: the vendor volumes print the
#: signer's name in small capitals, which the TEI keeps as capitals
#: (``DROUYN DE L’HUYS.``); the addressee's name is not.
#: (``RIOTTÉ``, ``JOSÉ``, ``MUÑOZ``: capitals with accents are capitals too)
_CAPS_WORD = re.compile(r"(?<![\w’'])[^\W\d_][^\W\d_’'-]*(?:[’'-][^\W\d_]*)*(?![\w’'])")
#: Not words of a name: Roman numerals and the abbreviation ``&c.``.
_NOT_A_NAME = re.compile(r"^(?:[IVXLC]+|U\.?S\.?A?)$")
#: ``P. S.—I have received …``, ``N. B.—In 1861 …``, ``Note.—The …``: a
#: paragraph added after the signature; ``Approved:`` and the names of
#: those who approved a memorandum (frus1919Parisv11: ``Approved:⏎J. C.
#: Grew,⏎Secretary``; frus1934v05: ``Approved:`` then ``Albert F. Nufer⏎Walter
#: J. Donnelly``), which FRUS TEI prints as paragraphs after the closer.
_POSTSCRIPT = re.compile(r"^(?:P\.\s?S\.|P\.\s?P\.\s?S\.|N\.\s?B\.|Note\.?\s?[—–-]|Approved:)")
#: ``Official:``, ``Official copy:``, ``A true copy:`` over the name of the
#: officer who vouches for the copy, after the signature: FRUS TEI prints
#: both in the postscript, the name a paragraph (frus1864p3: 16 of 22; the
#: other 6 have the copy's own signature as a paragraph and the officer's as
#: the closer, which the text does not tell, CC137).
_VOUCHES = re.compile(r"^(?:Official(?: copy)?|(?:A )?[Tt]rue copy):$")


def caps_words(text: str) -> list[str]:
    """The words in capitals of a text, Roman numerals aside.

    >>> caps_words("WM. L. DAYTON."), caps_words("Hon. William H. Seward, &c.")
    (['DAYTON'], [])
    >>> caps_words("C. N. RIOTTÉ."), caps_words("McKAY, D’ARCY-SMITH")
    (['RIOTTÉ'], ['D’ARCY-SMITH'])
    """
    return [
        w
        for w in _CAPS_WORD.findall(text)
        if len(w) >= 3 and w.isupper() and w[0].isalpha() and not _NOT_A_NAME.match(w)
    ]


def addressee_after_date(block: RawBlock) -> bool:
    """One line that gives the place and date, then after the date's stop the
    person written to (``Department of State, Washington, March 30, 1894.
    Andrew D. White, Esq., etc., St. Petersburg.``, the head of a letter run
    into one line, frus1902app1 d33): FRUS TEI prints it as a paragraph, not
    a dateline (1 of 1 in the corpus).

    >>> from cableconv.parse.blocks import split_blocks
    >>> [addressee_after_date(b) for b in split_blocks(
    ...     "Washington, March 30, 1894. Andrew D. White, Esq., etc., St. Petersburg.\\n\\n"
    ...     "Washington, March 30, 1894.\\n\\nParis, May 4, 1864. (Received June 2.)")]
    [True, False, False]
    """
    if len(block.lines) != 1:
        return False
    text = block.first.strip()
    found = find_date(text)
    if found is None:
        return False
    rest = text[found.end :].lstrip(". ")
    return bool(rest) and is_addressee(split_blocks(rest)[0])


def is_addressee(block: RawBlock) -> bool:
    """The person written to, after the signature: a title of address or an
    ``Esq.``, a line or three, no name in capitals (that would be a signer).

    >>> from cableconv.parse.blocks import split_blocks
    >>> [is_addressee(b) for b in split_blocks(
    ...     "Hon. William H. Seward, Secretary of State.\\n\\nColonel JOSÉ MONTESENOF.\\n\\n"
    ...     "Anson Burlingame, Esq., &c., &c., &c.\\n\\nThe consul will report on it.")]
    [True, False, True, False]
    """
    if len(block.lines) > 3:
        return False
    text = " ".join(line.text.strip() for line in block.lines)
    if len(text) > 250 or text.endswith(":"):
        return False
    esquire = _ESQUIRE.search(text) is not None
    if (not esquire and _TITLE.match(text) is None) or caps_words(text):
        return False
    if esquire:
        return True
    # a title then a name and an office, not a sentence: no verb-like lower-case
    # run of more than a few words before the first comma
    head = text.split(",", 1)[0]
    lower = [w for w in head.split()[1:] if w[:1].islower() and w not in _ADDRESS_PARTICLES]
    return (
        len(lower) <= 3
        and not re.search(r"\d{1,2}(?:st|d|nd|rd|th)\b", text)
        and not roles.has_time_of_day(text)  # ``The meeting adjourned at 3:10 p.m.``
    )


#: Small words of an office or a title, not of a sentence (``His Excellency
#: the Minister of the United States of America.``, frus1870; ``The Commandant
#: of the Land Forces of his Majesty the Emperor of the French in Acapulco.``,
#: frus1864p3).
_ADDRESS_PARTICLES = frozenset({"of", "the", "and", "in", "at", "for", "to", "his", "her"})


#: The titles that only the person written to bears, never a signer
#: without a complimentary close before him (frus1870: ``His Excellency F. F.
#: Low, United States Minister.`` printed last where the copy has no
#: signature); ``M. Romero.``, ``General Pando, President.`` sign.
_FORMAL_ADDRESS = re.compile(
    r"^(?:(?:His|Her|Their) (?:Excellency|Excellencies|Imperial Highness|Highness)"
    r"|(?:The )?Hon(?:\.|orable)),?\s"
)


def is_formal_addressee(block: RawBlock) -> bool:
    """An addressee by a title only the person written to bears
    (``His Excellency …``, ``Hon. …``) or by ``Esq.``.

    >>> from cableconv.parse.blocks import split_blocks
    >>> [is_formal_addressee(b) for b in split_blocks(
    ...     "His Excellency F. F. Low, United States Minister.\\n\\nGeneral Pando, President.")]
    [True, False]
    """
    if not is_addressee(block):
        return False
    text = block.first.strip()
    return _FORMAL_ADDRESS.match(text) is not None or _ESQUIRE.search(block.text) is not None


#: The countersignature of an act, proclamation or decree: ``By the
#: President:⏎John Sherman,⏎Secretary of State.`` under the President's name
#: (frus1897, frus1901, frus1902app1, frus1917Supp02v02, frus1919Parisv11),
#: ``By the President of the Republic:`` over a French president's name and
#: ``By the minister of commerce:⏎P. TIRARD.`` under it (frus1882, frus1897).
#: FRUS TEI prints all of them as paragraphs (33 of 33), never in the closer.
_COUNTERSIGN = re.compile(r"^By the (?:President|[Mm]inister|[Ss]ecretary)\b[^.:,]{0,60}[,:]$")


def is_countersignature(block: RawBlock) -> bool:
    """``By the President:``, ``By the minister of commerce:``: the formula
    of a countersignature, a paragraph wherever it stands.

    >>> from cableconv.parse.blocks import split_blocks
    >>> [is_countersignature(b) for b in split_blocks(
    ...     "By the President,\\nRobert Lansing,\\nSecretary of State.\\n\\n"
    ...     "By the President of the Republic:\\n\\nBy direction of the Acting Governor:")]
    [True, True, False]
    """
    return _COUNTERSIGN.match(block.first.strip()) is not None


def is_postscript(block: RawBlock) -> bool:
    """``P. S.—…``, ``N. B.—…``, ``Note.—…``, ``Approved:``, a
    countersignature: text added after the signature."""
    return (
        _POSTSCRIPT.match(block.first.strip()) is not None
        or is_countersignature(block)
        or vouches_for_copy(block)
    )


def vouches_for_copy(block: RawBlock) -> bool:
    """``Official:``, ``Official copy:``, ``A true copy:``: the line over
    the officer who vouches for a copy."""
    return len(block.lines) == 1 and _VOUCHES.match(block.first.strip()) is not None


def introduces_postscript(block: RawBlock) -> bool:
    """``Approved:`` alone: the block after it is the postscript's too."""
    return len(block.lines) == 1 and is_postscript(block) and block.first.rstrip().endswith(":")


#: A signer's initials alone (``R. A.``, ``R. H. P.``, ``D. DE G. V. P.``):
#: after a signature, one more signer (frus1864p3: the ministers of four
#: powers, 6 of 6 in the closer after a signature or after initials that sign);
#: one initial alone (``D.`` under a postscript, frus1864p3, frus1870) is text.
_INITIALS = re.compile(r"^(?:(?:[A-Z]\.\s?){1,4}DE\s(?:[A-Z]\.\s?){1,4}|(?:[A-Z]\.\s?){2,4})$")


def is_initials(text: str) -> bool:
    """``R. A.``, ``D. DE G. V. P.``: a signer's initials alone.

    >>> [is_initials(t) for t in ("R. A.", "D. DE G. V. P.", "A. M.", "Lansing.", "U.S.A")]
    [True, True, True, False, False]
    """
    return _INITIALS.match(text.strip()) is not None


#: The word that says the copy was initialed, in parentheses, on the line
#: over the initials (``(Initialed)`` over ``A. W. B.``, frus1902app1).
_INITIALED = re.compile(r"\((?:Initialed|Initialled)\.?\)")


def initialed_line(block: RawBlock) -> int | None:
    """``(Initialed)`` over the initials of whoever initialed the copy,
    under the signature (``M. Webber, Deputy Collector.`` then
    ``(Initialed)⏎A. W. B.``, frus1902app1: one closer in the official TEI, 3
    times of 3, the initials signed): the line of the initials, else None.

    >>> from cableconv.parse.blocks import split_blocks
    >>> [initialed_line(b) for b in split_blocks(
    ...     "(Initialed)\\nA. W. B.\\n\\n(Initialed)\\n\\nA. W. B.")]
    [1, None, None]
    """
    lines = [line.text.strip() for line in block.lines]
    if len(lines) == 2 and _INITIALED.fullmatch(lines[0]) and is_initials(lines[1]):
        return 1
    return None


def is_cosigner(block: RawBlock) -> bool:
    """One more signer after a signature (``KAWADZO TDZOE-NO-KAMI.`` after
    ``IKEDA TSIKOEGO NO-KAMI.``): a signature with a name in capitals, or a
    person's name with initials; never an addressee, nor the label of the
    next exhibit in capitals (``EXHIBIT C C.`` under ``Foster.``, frus1902app1
    d33: the head of the next paper, the name over it the signature).

    >>> from cableconv.parse.blocks import split_blocks
    >>> [is_cosigner(b) for b in split_blocks("KAWADZO TDZOE-NO-KAMI.\\n\\nEXHIBIT C C.")]
    [True, False]
    """
    return (
        (
            (bool(caps_words(block.first)) and roles.is_signature(block))
            or roles.is_personal_signature(block)
            or (len(block.lines) == 1 and is_initials(block.first))
        )
        and not is_addressee(block)
        and not roles.is_attachment_label(block)
    )


#: The place of a seal beside a signature, on a line of its own: ``[seal]``
#: (frus1917Supp02v02, frus1919Parisv11, frus1925v02, frus1934v05: the small
#: capitals ``[<hi rend="smallcaps">seal</hi>]``), ``[seal.]`` and ``[L. S.]``
#: (locus sigilli: frus1864p3, frus1872p2v5, frus1882, frus1897, frus1901).
_SEAL = re.compile(r"^\[(?:seal\.?|L\.\s?S\.)\]$", re.IGNORECASE)


def is_seal(text: str) -> bool:
    """``[seal]``, ``[seal.]``, ``[L. S.]``: a seal beside a signature.

    >>> [is_seal(t) for t in ("[seal]", "[L. S.]", "[seal] Done at Washington", "[Seal]x")]
    [True, True, False, False]
    """
    return _SEAL.match(text.strip()) is not None


#: A signer's name with the seal printed beside it, on one line (``William F.
#: Wharton [seal.]``, ``GEORGE S. PORTER. [seal.]``).
_SEAL_BESIDE_NAME = re.compile(r"^\S.{2,60}\s\[(?:seal\.?|L\.\s?S\.)\]$", re.IGNORECASE)


def seal_beside_name(block: RawBlock) -> bool:
    """A block of one line, a name with the seal beside it.

    >>> from cableconv.parse.blocks import split_blocks
    >>> [seal_beside_name(b) for b in split_blocks(
    ...     "James G. Blaine. [seal.]\\n\\n[seal.]\\n\\nJohn Hay.\\n[seal.]")]
    [True, False, False]
    """
    return len(block.lines) == 1 and _SEAL_BESIDE_NAME.match(block.first.strip()) is not None


#: The mark printed over a signer's name in the copy of a legal paper, in
#: its own block with the name and the offices under it: the seal (``[seal.]``,
#: ``[Seal.]``, ``[l. s.]``, ``[embassy seal.]``, ``[Seal of the superior
#: court.]``, ``[Place for seal of collector.]``), a stamp (``[Stamp.]``), the
#: copyist's word for the signature (``(Signed)``, ``(w. s.)``). FRUS TEI
#: prints every such block as a closer, the name and offices ``signed``,
#: wherever it stands in the papers (frus1882, frus1894Nicaragua, frus1897,
#: frus1901, frus1902app1: 98 of 98, 90 of them before more text).
_SEAL_MARK = re.compile(
    r"^\[(?:[^\[\]]{0,40}\s)?(?:seal|stamp)\b[^\[\]]{0,60}\]$"
    r"|^\[L\.\s?S\.\]$|^\((?:Signed|w\.\s?s\.|L\.\s?S\.)\.?\)$",
    re.IGNORECASE,
)


def is_seal_mark(text: str) -> bool:
    """A seal's or a stamp's mark alone (:data:`_SEAL_MARK`): ``[Place for
    seal of collector.]``, ``[seal.]``, ``(Signed)``."""
    return _SEAL_MARK.match(text.strip()) is not None


def sealed_signature(block: RawBlock) -> int | None:
    """Where the signature starts in a block that opens with the mark of a
    seal or a stamp over the signer's name (:data:`_SEAL_MARK`; a seal's
    legend may run to a second line: ``[Seal of the Department of State,⏎
    United States of America.]⏎John Hay.``), the offices under the name;
    ``None`` when the block is not one.

    >>> from cableconv.parse.blocks import split_blocks
    >>> [sealed_signature(b) for b in split_blocks(
    ...     "[seal.]\\nJ. S. Manley,\\nCommissioner, United States Circuit Court,\\n\\n"
    ...     "[Seal of the Department of State,\\nUnited States of America.]\\nJohn Hay.\\n\\n"
    ...     "(Signed)\\nM. Webber, Collector. [seal.]\\n\\n[seal.]\\nThe seal was broken.\\n\\n"
    ...     "[seal.]\\n\\nJohn Hay.\\n\\n"
    ...     "Given under my hand and official seal.\\n[seal.]\\nJames C. Hitch,\\n"
    ...     "Deputy Collector.")]
    [1, 2, 1, None, None, None, 2]
    """
    lines = [ln.text.strip() for ln in block.lines]
    # the clause that signs the paper over the seal (``Given under my hand
    # and official seal.⏎[seal.]⏎James C. Hitch,⏎Deputy Collector.``,
    # frus1902app1 d3: one closer)
    lead = 1 if len(lines) > 2 and is_signing_clause(lines[0]) else 0
    k = lead + 1
    if len(lines) > lead + 2 and lines[lead].startswith("[") and "]" not in lines[lead]:
        k = lead + 2 if lines[lead + 1].endswith("]") else k  # the seal's legend on two lines
    mark = " ".join(lines[lead:k])
    if not 1 <= len(lines) - k <= 4 or _SEAL_MARK.match(mark) is None:
        return None
    name = _one_line(lines[k])
    if not (roles.is_signature(name) or roles.is_personal_signature(name)):
        return None
    offices = lines[k + 1 :]
    if any(len(t) > 160 or not t[:1].isupper() or find_date(t) is not None for t in offices):
        return None
    return k


def sealed_line_kinds(lines: list[str]) -> list[str] | None:
    """What each line of a run of sealed signatures is: ``seal``, ``name``
    (the signer, beside a seal), ``lead`` (``For the President of the United
    States of America:``) or ``office`` (``Secretary of State``); ``None``
    when a line is none of these, or no name stands beside a seal.

    The seal stands over every name (``[seal]⏎Cordell Hull``) or under
    every name (``Frank B. Kellogg⏎[seal]``), the first line that is not a
    lead says which: FRUS TEI prints them all in one ``closer``, each name
    ``signed`` (frus1925v02, frus1934v05: 15 of 15).

    >>> sealed_line_kinds(["[seal]", "Frank B. Kellogg", "[seal]", "Austen Chamberlain"])
    ['seal', 'name', 'seal', 'name']
    >>> sealed_line_kinds(["Frank B. Kellogg", "[seal]", "A. Piip", "[seal]"])
    ['name', 'seal', 'name', 'seal']
    >>> sealed_line_kinds(["For the President:", "[seal]", "Cordell Hull", "Secretary of State"])
    ['lead', 'seal', 'name', 'office']
    >>> sealed_line_kinds(["[seal]", "The treaty was signed on that day."]) is None
    True
    """
    texts = [t.strip() for t in lines]
    kinds: list[str] = []
    first = next((k for k, t in enumerate(texts) if not _is_lead_line(t)), None)
    if first is None or first + 1 >= len(texts):
        return None
    seal_first = is_seal(texts[first])
    if not seal_first and not is_seal(texts[first + 1]):
        return None
    for k, text in enumerate(texts):
        if is_seal(text):
            kinds.append("seal")
        elif (seal_first and k and is_seal(texts[k - 1])) or (
            not seal_first and k + 1 < len(texts) and is_seal(texts[k + 1])
        ):
            if not _is_name_line(text):
                return None
            kinds.append("name")
        elif _is_lead_line(text):
            kinds.append("lead")
        elif is_signer_office(_one_line(text)):
            kinds.append("office")
        else:
            return None
    return kinds if "name" in kinds else None


def _is_lead_line(text: str) -> bool:
    return is_closer_lead(_one_line(text))


def _is_name_line(text: str) -> bool:
    line = _one_line(text)
    return roles.is_signature(line) and not is_closer_lead(line) and not is_seal(text)


def _one_line(text: str) -> RawBlock:
    return split_blocks(text)[0]


#: A list of signers is at most this long (the protocols of the Geneva
#: tribunal, frus1872p2v4, have four; treaties a dozen).
MAX_SIGNERS = 30


def is_signer_list(block: RawBlock) -> bool:
    """Signers one a line, each a name in capitals (``FREDERICK SCLOPIS.⏎
    J. C. BANCROFT DAVIS.⏎TENTERDEN⏎ALEX. FAVROT, Secretary.``): FRUS TEI's
    ``closer/signed/list``. A signature whose second line is an office
    (``W. C. DAVIS,⏎Chairman.``) is one signer, not a list.

    >>> from cableconv.parse.blocks import split_blocks
    >>> [is_signer_list(b) for b in split_blocks(
    ...     "FREDERICK SCLOPIS.\\nJ. C. BANCROFT DAVIS.\\nTENTERDEN\\n\\nW. C. DAVIS,\\nChairman.")]
    [True, False]
    """
    if not 2 <= len(block.lines) <= MAX_SIGNERS:
        return False
    return all(
        caps_words(line.text.split(",", 1)[0]) and roles.is_signature(RawBlock((line,)))
        for line in block.lines
    ) or all(_is_signer_name(RawBlock((line,))) for line in block.lines)


#: A signer's name on a line of a block of several signers: initials and a
#: surname, ended by its stop or the comma over an office (``J. N. Léger.``,
#: ``F. Anderson,``), wherever it stands.
#: A given name cut short (``Geo. B. Wiltbank``, ``Jas. H. Lampton``,
#: frus1894Nicaragua) stands where an initial does, with one after it.
_INITIALLED_NAME = re.compile(
    r"^(?:(?:[A-Z]\.\s?){1,3}|[A-Z][a-z]{1,4}\.\s(?:[A-Z]\.\s?){1,2})[A-Z][\w’'-]+[.,]$"
)
#: A name and a surname (``Richard Olney.``), or a name of one word
#: (``Schatzmann.``), ended by its stop or comma: a signer only first or
#: after a line ended by its stop; under a name left open on a comma it is
#: the office (``Ira E. Robinson,⏎Prosecuting Attorney.``, ``James P.
#: Lavin,⏎Immigrant Inspector.``, ``H. R. Seigert,⏎Committee.``: frus1882,
#: frus1897, frus1901, frus1894Nicaragua).
_SIGNER_NAME = re.compile(
    r"^(?!The\s|Of\s)[A-Z][\w’'-]+(?:(?:\s[A-Z]\.){0,2}(?:\s(?:de|da|del|di|van|von|y))?"
    r"\s[A-Z][\w’'-]+)?[.,]$"
)


def signer_groups(block: RawBlock) -> list[tuple[int, int]] | None:
    """The lines of each signer of a block that several sign, each a name
    with the office under it (``Deucher,⏎The President of the
    Confederation.⏎Riugier,⏎The Chancellor of the Confederation.``, ``John
    Hay,⏎J. N. Léger.``, ``E. A. Alford,⏎E. A. Probts,⏎F. Anderson,⏎Members
    Sectional Committee on Cotton Mill Taxation.``: frus1872p2v4, frus1894Nicaragua,
    frus1897, frus1901; the names in the editors' brackets, ``[W. J. Carr]⏎Director
    of the Consular Service⏎[L. H. Woolsey]⏎…``, frus1917Supp02v02): FRUS
    TEI's ``closer/signed/list``, one item a signer, the office in the item.
    ``None`` when fewer than two sign or a line is neither a name nor an
    office.

    >>> from cableconv.parse.blocks import split_blocks
    >>> [signer_groups(b) for b in split_blocks(
    ...     "John Hay,\\nJ. N. Léger.\\n\\nDeucher,\\nThe First Vice-Chancellor.\\n"
    ...     "Schatzmann.\\n\\nH. A. Herbert,\\nSecretary of the Navy.\\n\\n"
    ...     "H. R. Seigert,\\nCommittee.")]
    [[(0, 1), (1, 2)], [(0, 2), (2, 3)], None, None]
    """
    lines = [ln.text.strip() for ln in block.lines]
    if not 2 <= len(lines) <= MAX_SIGNERS or len(block.text) > 1500:
        return None
    starts: list[int] = []
    for k, text in enumerate(lines):
        if _is_group_name(text, k == 0 or lines[k - 1].endswith(".")):
            starts.append(k)
        elif not k or not _is_group_office(text):
            return None
    if len(starts) < 2:
        return None
    return list(zip(starts, [*starts[1:], len(lines)], strict=True))


#: A name with the title of address of one present or written to, never of
#: one who signs with others (``Mr. Baruch⏎Mr. McCormick``, ``Hon. John Hay``).
_PRESENT = re.compile(r"^(?:Mr|Mrs|Messrs|Hon|Sir)\.?\s|^(?:His|Her|Their) Excellenc")


def _is_group_name(text: str, after_stop: bool) -> bool:
    line = _one_line(text)
    if is_signer_office(line) or _PRESENT.match(text) is not None or not roles.is_signature(line):
        return False
    if roles.is_bracketed_name(text):
        return True  # ``[W. J. Carr]``: the editors give the signer's name
    name, comma, office = text.partition(", ")
    if comma and office.endswith(".") and roles.name_and_office(text):
        text = name + ","  # ``J. S. Lampton, Planter.``: the name, and its office
    return (
        bool(caps_words(text.split(",", 1)[0]))
        or _INITIALLED_NAME.match(text) is not None
        or (after_stop and _SIGNER_NAME.match(text) is not None)
    )


def _is_group_office(text: str) -> bool:
    """A line of an office under a signer's name: capitalised, a line of a
    signature, no name with a title of address (``Mr. Baruch``: those present)."""
    return (
        len(text) <= 160
        and text[:1].isupper()
        and not text.endswith(":")
        and _PRESENT.match(text) is None
        and find_date(text) is None
    )


def _is_signer_name(line: RawBlock) -> bool:
    """A line of a list of signers not in capitals, as the modern volumes
    print it (``Root⏎Francis``, frus1918Russiav03; ``H. L. F. Lagercrantz⏎A.
    R. Nordvall``, frus1917Supp02v02; ``Robert Lansing⏎H. White⏎Tasker H.
    Bliss⏎E. M. House``, frus1919Parisv11): a name alone, not an office
    (``Alvey A. Adee,⏎Acting Secretary`` is one signer) nor a closer nobody
    signs (``Am[erican] Mission``)."""
    text = line.first.strip()
    return (
        len(text.split()) <= 5
        and "," not in text  # ``Ira E. Robinson,⏎Prosecuting Attorney.``: a name and its office
        # ``Mr. Baruch⏎Mr. McCormick``: those present; a doctor or an officer
        # signs with the others (``Dr. Edouard Benes``, frus1919Parisv11)
        and _PRESENT.match(text) is None
        and roles.is_signature(line)
        and not is_signer_office(line)
        and not is_unsigned_closer(text)
        and not is_closer_lead(line)
    )


#: A closer in which nobody signs: the editors' note that the copy bears no
#: signature, or the office that sent a telegram (frus1919Parisv11: 54
#: ``Am[erican] Mission`` and ``American Mission``, 20 ``[File copy not
#: signed]``; frus1917Supp02v02: ``American Legation``, ``[No signatures
#: indicated]``; frus1925v02; frus1897: ``(Not signed.)`` in parentheses),
#: or the seal in place of a signature (frus1897: ``(Seal of the
#: Mushir-ed-Dowlah.)``, 2 of 2 a closer, one printed without its closing
#: parenthesis). The official TEI has ``closer`` without ``signed``.
_UNSIGNED_CLOSER = re.compile(
    r"^\[(?:File copy not signed|Not signed|Unsigned|No signatures? indicated)\.?\]$"
    r"|^\((?:Not signed|Unsigned)\.?\)$"
    r"|^\(Seal of [^()]{2,80}\)?$"
    r"|^(?:Am\[erican\]|American) (?:Mission|Legation|Embassy|Delegation)\.?$"
)


_SENDING_OFFICE = re.compile(
    r"^(?:Am\[erican\]|American) (?:Mission|Legation|Embassy|Delegation)\.?$"
)


def is_sending_office(text: str) -> bool:
    """``Am[erican] Mission``: the office that sent a telegram, a closer
    alone or under the name of the one who signed for it (``Lansing.⏎⏎Am[erican]
    Mission``, frus1919Parisv11: one closer, the name signed)."""
    return _SENDING_OFFICE.match(text.strip()) is not None


#: A firm that closes a letter in its own name: FRUS TEI prints it in the
#: closer with no ``signed`` (11 of 11: frus1897 ``Thos. Ronaldson & Co.``,
#: frus1901 ``J. C. Ayer Company.``, frus1925v02 ``Blair & Co. Inc.``, ``J. P.
#: Morgan & Co.``, ``The Rubber Association of America, Inc.``).
_FIRM = re.compile(
    r"^[A-Z][^,:;]{1,80}\s(?:&\s?Co\.?|Company|Corporation|Bros\.|Brothers)"
    r"(?:,?\s(?:Inc\.?|Incorporated|Ltd\.?|Limited))?\.?$"
    r"|^[A-Z][^,:;]{1,80},?\s(?:Inc\.?|Incorporated|Ltd\.?|Limited)\.?$"
)


def is_unsigned_closer(text: str) -> bool:
    """A closer in which nobody signs: ``[File copy not signed]``, ``Am[erican]
    Mission``, a firm's name.

    >>> is_unsigned_closer("Am[erican] Mission"), is_unsigned_closer("Lansing")
    (True, False)
    >>> is_unsigned_closer("Blair & Co. Inc."), is_unsigned_closer("J. C. Ayer Company.")
    (True, True)
    >>> is_unsigned_closer("W. Hunter, Secretary of the Company.")
    False
    >>> is_unsigned_closer("(Seal of the Mushir-ed-Dowlah."), is_unsigned_closer("(Signed)")
    (True, False)
    """
    return _UNSIGNED_CLOSER.match(text.strip()) is not None or _FIRM.match(text.strip()) is not None


#: The line over a signature that says for whom it is signed, printed as a
#: line of the closer (FRUS TEI ``closer``: ``For the Secretary of
#: State:<lb/><signed>…``): frus1934v05 (71), frus1925v02 (21),
#: frus1917Supp02v02 (15): ``For the Secretary of State:``, ``For the Acting
#: Secretary of State:``, ``For the Ambassador:``, ``For the [Acting]
#: Secretary of State:``, ``For the War Trade Board:``, ``By direction of the
#: Acting Governor:``, ``By order of:``, ``Representing the Minister:``, and
#: in parentheses ``(For the Ambassador)``, ``(In the absence of the
#: Secretary of State)``.
_CLOSER_LEAD = re.compile(
    r"^(?:For|By|Representing|In the name of|On behalf of)\b[^.,:;]{0,70}:$"
    r"|^\((?:For|In the absence of)\b[^()]{0,80}\)$"
)


#: For whom the name above signs, on the line under it, with no colon
#: (``James A. Malcolm⏎⏎For the Armenian National Delegation``,
#: frus1919Parisv11; in parentheses, ``F. H. Villiers.⏎⏎(For the Marquis of
#: Salisbury).``, frus1897: lines of the closer, 2 of 2 in the corpus), or
#: when the telegram signed above was sent (``Pringle.⏎⏎(Sent Friday
#: afternoon, July 30, 1897, about 2.30 p.m.)``, frus1897: 1 of 1). Other
#: lines in parentheses under a name are the editors' or the copyist's
#: (``(Inclosure: Complaint of …)``, ``(Forwarded by Consul Barrows …)``):
#: paragraphs after the closer.
_UNDER_NAME = re.compile(
    r"^(?:For|On behalf of) the [A-Z][^.:;,()]{2,80}$"
    r"|^\((?:For|On behalf of) the [A-Z][^.:;,()]{2,80}\)\.?$"
    r"|^\(Sent [^()]{3,100}\)\.?$"
)


def is_under_name(text: str) -> bool:
    """``For the Armenian National Delegation``: for whom the name above
    signs, or when it was sent, a line of the closer under the name.

    >>> is_under_name("For the Armenian National Delegation"), is_under_name("For the reasons:")
    (True, False)
    >>> is_under_name("(For the Marquis of Salisbury)."), is_under_name("(Sent Friday, 2.30 p.m.)")
    (True, True)
    >>> is_under_name("(Forwarded by Consul Barrows, April 12, 1882.)")
    False
    """
    return _UNDER_NAME.match(text.strip()) is not None


def is_closer_lead(block: RawBlock) -> bool:
    """``For the Secretary of State:``: the line over a signature, in its closer.

    >>> from cableconv.parse.blocks import split_blocks
    >>> [is_closer_lead(b) for b in split_blocks(
    ...     "For the Secretary of State:\\n\\n(For the Ambassador)\\n\\n"
    ...     "For the reasons given above, the Department holds:")]
    [True, True, False]
    """
    return (
        len(block.lines) == 1
        and _CLOSER_LEAD.match(block.first.strip()) is not None
        and not is_countersignature(block)
    )


def leads_signature(block: RawBlock) -> bool:
    """Lines over a name, each saying for whom or in what office it signs,
    closed by a colon (``In the name of the Swiss Federal Council:`` over
    ``The President of the Confederation:``, then ``The Chancellor of the
    Confederation:`` over the next name, frus1901).

    >>> from cableconv.parse.blocks import split_blocks
    >>> [leads_signature(b) for b in split_blocks(
    ...     "In the name of the Swiss Federal Council:\\nThe President of the Confederation:\\n\\n"
    ...     "The Chancellor of the Confederation:\\n\\nThe Secretary said:")]
    [True, True, False]
    """
    return all(
        text.endswith(":") and (_is_office_lead(text) or _is_lead_line(text))
        for text in (line.text.strip() for line in block.lines)
    )


def _is_office_lead(text: str) -> bool:
    """``The President of the Confederation:``: an office over the name that
    holds it, closed by a colon (the office of a person, so no addressee)."""
    if not text.endswith(":") or len(text) > 80 or re.search(r"\d", text):
        return False
    words = [w.strip(",.;:()") for w in text.split()]
    return (
        words[0][:1].isupper()
        and all(w[:1].isupper() or w in _OFFICE_PARTICLES for w in words if w)
        and any(w in OFFICE_WORDS for w in words)
    )


#: Words of an office printed on its own line under the signer's name, in
#: the closer (frus1925v02, frus1934v05: ``Counselor of Embassy``,
#: ``Assistant Secretary``, ``Under Secretary``, ``Vice President``,
#: ``General Receiver``; frus1919Parisv11: ``Admiral, U. S. Navy``,
#: ``Captain, U. S. A.``, ``Lt. Col., Gen. Staff Corps``; frus1934v05:
#: ``Ambassador Extraordinary and Plenipotentiary …``; frus1901: ``The
#: Chancellor of the Confederation:``; frus1918Russiav03: ``Bureau of
#: Transportation`` between the names of its two signers).
OFFICE_WORDS = frozenset({
    "Secretary", "Counselor", "Counsellor", "Ambassador", "Minister", "Consul",
    "Chargé", "Agent", "Admiral", "Captain", "Colonel", "Col.", "Lt.", "Major",
    "General", "Chairman", "President", "Receiver", "Attaché", "Commissioner",
    "Delegate", "Director", "Chief", "Clerk", "Governor", "Adviser", "Advisor",
    "Representative", "Resident", "Commander", "Treasurer", "Envoy", "Chancellor",
    "Bureau",
})  # fmt: skip
#: Lower-case words an office may hold (``Counselor of Embassy``, ``Chargé
#: d’Affaires ad interim``).
_OFFICE_PARTICLES = frozenset(
    {"of", "the", "and", "to", "in", "for", "at", "ad", "interim", "d’Affaires"}
)


def is_signer_office(block: RawBlock) -> bool:
    """The signer's office on a line of its own under the name
    (``Counselor of Embassy``): a few capitalised words, one of them an
    office (:data:`OFFICE_WORDS`), no name of a person written to
    (:func:`is_addressee`), no date or number.

    >>> from cableconv.parse.blocks import split_blocks
    >>> [is_signer_office(b) for b in split_blocks(
    ...     "Counselor of Embassy\\n\\nAdmiral, U. S. Navy\\n\\nHon. William H. Seward, Secretary "
    ...     "of State.\\n\\nThe Secretary agreed.\\n\\nSheldon Whitehouse\\n\\n"
    ...     "Hamilton Fish, Secretary of State.\\n\\nLieutenant Colonel V. H. RUNERAS.")]
    [True, True, False, False, False, False, False]
    """
    if len(block.lines) != 1:
        return False
    text = block.first.strip()
    if len(text) > 100 or re.search(r"\d", text) or text.endswith(":") or is_addressee(block):
        return False
    if caps_words(text):
        return False  # a name in capitals: one more signer (``Colonel LEWIS LEGONETA.``)
    words = [w.strip(",.;()") for w in text.split()]
    if not words or len(words) > 12 or not words[0][:1].isupper():
        return False
    if any(w[:1].islower() and w not in _OFFICE_PARTICLES for w in words if w):
        return False
    # the office comes first: ``Hamilton Fish, Secretary of State.``, ``Col.
    # Chas. H. Dalton, Asst. Quartermaster General.`` are persons
    head = text.split(",", 1)[0]
    # ``Vice-Consul-General.``: an office word inside a hyphenated one
    words = [part for w in head.split() for part in (w, *w.strip(".;()").split("-"))]
    return re.search(r"\b[A-Z]\.\s", head) is None and any(
        w.strip(".;()") in OFFICE_WORDS or w in OFFICE_WORDS for w in words
    )


#: What ends the signed name when a line of the closer begins with it: the
#: stop, comma or bracket printed after the ``signed`` element, which the
#: transcription puts on a line of its own (frus1897, 18: ``Charlemagne
#: Tower⏎.``; frus1894Nicaragua: ``Seat, Consular Agent⏎,⏎(and fifty citizens
#: of the United States).``; frus1925v02: ``[⏎S. De la Rue⏎]⏎General
#: Receiver``).
_AFTER_SIGNED = (".", ",", ";", "]")


def signed_parts(closer: Closer) -> tuple[CloserPart, ...] | None:
    """The signed lines of a closer when they are not all of
    it but for the editors' brackets (:meth:`Closer.signature_parts`): the
    name ends before a line that begins with the punctuation printed after
    it. ``None`` when the default says it already.
    """
    content = closer.content
    breaks = [k for k, node in enumerate(content) if isinstance(node, LineBreak)]
    bounds = list(zip([0] + [k + 1 for k in breaks], [*breaks, len(content)], strict=True))
    texts = [plain(content[a:b]).strip() for a, b in bounds]
    first = 1 if len(texts) > 2 and texts[0] == "[" else 0
    for k in range(first + 1, len(texts)):
        if texts[k].startswith(_AFTER_SIGNED):
            parts: tuple[CloserPart, ...] = (("signed", bounds[first][0], bounds[k - 1][1]),)
            return None if parts == closer.signature_parts() else parts
    return None


#: The clause before the signatures of an agreement, a treaty or a deed
#: (frus1882, frus1897, frus1925v02: ``In Witness Whereof the parties hereto
#: have hereunto set their hands and seals …``, ``In testimony whereof …``,
#: ``Signed and sealed in presence of—``, ``Done in duplicate at Bangkok …``).
_WITNESS_CLAUSE = re.compile(
    r"^(?:In (?:witness|testimony|faith) whereof|Signed,? (?:and )?sealed|Done (?:in|at)\b)",
    re.IGNORECASE,
)


def is_witness_clause(text: str) -> bool:
    """``In Witness Whereof …``, ``Done in duplicate at …``: the signatures follow.

    >>> is_witness_clause("In Witness Whereof the parties have set their hands.")
    True
    >>> is_witness_clause("Witnesses of the act were present.")
    False
    """
    return _WITNESS_CLAUSE.match(text.strip()) is not None


#: The oath that closes a deposition, between the deponent's signature and
#: the officer's (frus1864p3, frus1897, frus1902app1: ``Subscribed and sworn
#: to before me …``, ``Sworn to and subscribed before me …``).
_JURAT = re.compile(r"^(?:Subscribed and sworn|Sworn (?:to )?and subscribed|Sworn to before)", re.I)


def is_jurat(text: str) -> bool:
    """``Subscribed and sworn to before me …``: the oath under a deposition.

    >>> is_jurat("Subscribed and sworn to as above stated."), is_jurat("Sworn in as consul.")
    (True, False)
    """
    return _JURAT.match(text.strip()) is not None


#: The port where a master swears to his papers before the customs officer,
#: printed under his name and over the jurat (``Thomas Scullun, Master.`` then
#: ``Port of San Francisco.`` then ``Sworn to and subscribed …``,
#: frus1902app1 d3: one closer with the name).
_PORT = re.compile(r"^(?:District (?:and Port )?of|Port of) [A-Z][\w’' ]{2,40}\.$")


def is_port(text: str) -> bool:
    """``Port of San Francisco.``, ``District and Port of San Francisco.``

    >>> is_port("Port of San Francisco."), is_port("Port of call was Honolulu.")
    (True, False)
    """
    return _PORT.match(text.strip()) is not None


#: The small words of a venue (``Territory of Washington, County of
#: Thurston, ss:``; ``ss.`` is *scilicet*, the venue's mark).
_VENUE_SMALL_WORDS = frozenset({"of", "the", "and", "de", "ss", "ss."})


def is_venue(text: str) -> bool:
    """The venue that opens the certificate under a deposition: a place, its
    parts capitalised and set off by commas, ending in a colon (``Territory
    of Washington, County of Thurston, ss:``, ``Consulate of the United
    States of America, Victoria, Vancouver Island, British Columbia:``,
    ``Shanghai, China, ss:``: frus1872p2v5, frus1864p3). A word before a
    colon (``Attest:``, ``A true copy:``) is no place, and a venue has no
    date (``In the House of Representatives, January 22, 1901:`` opens a
    resolution, frus1901 d198).

    >>> is_venue("State of Oregon, County of Clatsop, ss:"), is_venue("Attest:")
    (True, False)
    >>> is_venue("The following were present, as follows:")
    False
    >>> is_venue("In the House of Representatives, January 22, 1901:")
    False
    """
    t = text.strip()
    if "\n" in t or len(t) > 200 or not t.endswith(":") or "," not in t:
        return False
    if any(ch.isdigit() for ch in t):
        return False
    words = re.findall(r"[^\W\d_][\w’'.-]*", t[:-1])
    return bool(words) and all(w[0].isupper() or w in _VENUE_SMALL_WORDS for w in words)


def agent_line(block: RawBlock) -> int | None:
    """A party that signs by its agent, in one block (``Ulen & Company⏎By⏎Thomas
    S. Shepperd``, ``Division of Operations⏎By⏎Semmes Steele``: frus1918Russiav03,
    frus1925v02, frus1934v05): FRUS TEI prints the block as the closer and
    signs the agent's name. The index of the agent's line, or ``None``.

    >>> from cableconv.parse.blocks import split_blocks
    >>> [agent_line(b) for b in split_blocks(
    ...     "Ulen & Company\\nBy\\nThomas S. Shepperd\\n\\nThe company\\nBy\\nthe way it works.")]
    [2, None]
    """
    lines = [ln.text.strip() for ln in block.lines]
    if len(lines) != 3 or lines[1] != "By" or len(lines[0]) > 250 or lines[0].endswith(":"):
        return None
    agent = _one_line(lines[2])
    return 2 if roles.is_signature(agent) and not is_signer_office(agent) else None


#: The line over the signature in the signature's own block, on a colon:
#: ``Attest:⏎Edward McPHERSON,⏎Clerk.`` (frus1882), ``By order
#: of:⏎Reginald B. Colmore,⏎Lieutenant, etc.`` (frus1894Nicaragua, 3): FRUS
#: TEI prints the block as the closer, all but the lead signed (5 of 6 in
#: the corpus; ``By order:⏎Struss.`` in a postscript is the other).
_ATTEST = re.compile(r"^Attest(?:ed)?:$")


def lead_over_name(block: RawBlock) -> bool:
    """A closer's lead (``Attest:``, ``By order of:``) on the first line of
    the block, the signature on the lines under it.

    >>> from cableconv.parse.blocks import split_blocks
    >>> [lead_over_name(b) for b in split_blocks(
    ...     "Attest:\\nEdward McPHERSON,\\nClerk.\\n\\nBy order of:\\nReginald B. Colmore,\\n"
    ...     "Lieutenant, etc.\\n\\nBy the President:\\nJohn Sherman,\\nSecretary of State.\\n\\n"
    ...     "Attest:\\nthe minutes of the meeting.\\n\\nAttest:")]
    [True, True, False, False, False]
    """
    lines = [ln.text.strip() for ln in block.lines]
    if not 2 <= len(lines) <= 4:
        return False
    lead = _one_line(lines[0])
    if not (_ATTEST.match(lines[0]) or is_closer_lead(lead)) or is_countersignature(lead):
        return False
    name = _one_line("\n".join(lines[1:]))
    return roles.is_signature(name) and not is_signer_office(name)


#: The clause that says a paper is signed, over the signatures, wherever
#: they stand in the papers (``Given under my hand and the seal of this
#: consulate …``, ``Given by the member of the first council on duty.``,
#: ``In witness whereof, … the jurors aforesaid have to this inquisition set
#: their hands``, frus1864p3; ``Signed and delivered in two copies …``,
#: ``Signed at the Swedish Legation …``, frus1925v02; ``Given under my hand
#: in the District of Columbia …``, frus1919Parisv11): the name under it
#: is a closer 11 times of 11 in the corpus.
#: The teste of a writ and the clause of an officer's hand (``Witness the
#: Hon. H. C. Niles, judge of the aforesaid court, …``, ``Witness my signature
#: at my office …``, ``Witness my hand this 29th day of April, A. D. 1882.``:
#: frus1882, frus1901, frus1902app1: 9 of 11 over a closer, the other two in
#: a paper printed all as paragraphs) is one too; ``Witness:`` over a name is not.
#: (``Signed:`` introduces the name itself.)
_SIGNING_CLAUSE = re.compile(
    r"^(?:Given|Signed|Done|In witness|In faith|Witness (?:my|our|the)\s)\b(?!:)"
)


def is_signing_clause(text: str) -> bool:
    """
    >>> is_signing_clause("Signed this 15th day of August."), is_signing_clause("Done at Paris.")
    (True, True)
    >>> is_signing_clause("Signed: Lansing"), is_signing_clause("Givens was there.")
    (False, False)
    """
    return _SIGNING_CLAUSE.match(text.strip()) is not None


#: An office printed after the signed name, on a line of its own that opens
#: on the comma after the name (``George A. Sanderson⏎, Secretary⏎By⏎H. W.
#: Craven⏎, Chief Clerk``, frus1925v02; ``Laurence Hills⏎, Chairman.``,
#: ``Mark Sullivan⏎, Chairman.``, frus1919Parisv11; ``C. W. CLUM⏎, Deputy.``,
#: frus1882): a transcription cut where the TEI's ``signed`` ends.
_OFFICE_AFTER_COMMA = re.compile(r"^, [A-Z][^,]{0,78}$")


def names_over_offices(block: RawBlock) -> list[int] | None:
    """The lines of the names that sign a block of names, each over its
    office after a comma (:data:`_OFFICE_AFTER_COMMA`), perhaps with ``By``
    between them, or ``None``.

    >>> from cableconv.parse.blocks import split_blocks
    >>> [names_over_offices(b) for b in split_blocks(
    ...     "George A. Sanderson\\n, Secretary\\nBy\\nH. W. Craven\\n, Chief Clerk\\n\\n"
    ...     "Laurence Hills\\n, Chairman.\\n\\nLaurence Hills,\\nChairman.")]
    [[0, 3], [0], None]
    """
    lines = [ln.text.strip() for ln in block.lines]
    if not 2 <= len(lines) <= 3 * MAX_SIGNERS:
        return None
    names: list[int] = []
    for k, text in enumerate(lines):
        if _OFFICE_AFTER_COMMA.match(text):
            if names[-1:] != [k - 1]:
                return None  # an office under no name
        elif text == "By" and k and _OFFICE_AFTER_COMMA.match(lines[k - 1]):
            continue
        elif roles.is_signature(_one_line(text)) and not is_signer_office(_one_line(text)):
            names.append(k)
        else:
            return None
    # every name has its office under it
    if not names or any(k + 1 >= len(lines) or not lines[k + 1].startswith(", ") for k in names):
        return None
    return names


#: The end of the oath a deponent swears, over his signature (frus1872p2v5,
#: frus1882, frus1902app1: ``… is truly intended to be landed in the port of
#: hunting and fishing. So help me God.``; 7 of 7 such paragraphs followed by
#: a name are followed by the closer).
_OATH_END = re.compile(r"\bSo help (?:me|us) God\.?[”\"]?$")
#: The clerk's note that a paper was filed, over his signature or under the
#: one who filed it (frus1901, frus1902app1: ``Filed February 8, 1896.``,
#: ``Returned and filed March 2, 1896.``, ``Bond filed February 27, 1892.``,
#: ``Filed and entered May 18, 1900.``: 8 of 8 followed by the closer).
#: The officer's note that he received a writ, on its date alone (``Received
#: February 18, 1896.``, frus1902app1), is one too.
_FILING_NOTE = re.compile(
    r"^(?:(?:Returned|Received) and |Bonds? )?[Ff]iled\b[^.]{0,80}\.?$|^Received [^.]{0,40}\.$"
)


def ends_oath(text: str) -> bool:
    """``… So help me God.``: an oath, the deponent signs under it.

    >>> ends_oath("… the port of hunting and fishing. So help me God."), ends_oath("God help us.")
    (True, False)
    """
    return _OATH_END.search(text.strip()) is not None


def is_filing_note(text: str) -> bool:
    """``Filed February 8, 1896.``: the clerk's note on a paper of a suit, dated.

    >>> is_filing_note("Returned and filed March 2, 1896."), is_filing_note("Filed under protest")
    (True, False)
    """
    t = text.strip()
    return "\n" not in t and _FILING_NOTE.match(t) is not None and find_date(t) is not None


#: The day a paper of a suit, a deposition or a certificate is made, ending
#: the paragraph over its signature (``Witness my hand this 31st day of
#: January, A. D. 1893.``, ``Received in my office this 8th day of February,
#: A. D. 1896.``, ``Executed by arresting the within named … this 10th day
#: of February, A. D. 1896.``: frus1882, frus1894Nicaragua, frus1901,
#: frus1902app1; a signature after such a paragraph is a closer 36 times of
#: 52 in the corpus, the others in papers printed all as paragraphs).
_DATED_PAPER = re.compile(
    r"\bthis\s(?:\d{1,2}(?:st|d|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\sday\sof\s"
    r"[A-Z][a-z]+,?\s(?:A\.\s?D\.\s)?\d{4}\.$"
)


def dates_paper(text: str) -> bool:
    """``… this 31st day of January, A. D. 1893.``: the paragraph ends on the
    day the paper over the signature was made.

    >>> dates_paper("Witness my hand this 31st day of January, A. D. 1893.")
    True
    >>> dates_paper("Sworn this twenty-sixth day of July, 1897."), dates_paper("On the 4th day.")
    (True, False)
    """
    return _DATED_PAPER.search(text.strip()) is not None


#: A certificate or an oath in the first person: ``I, Herbert J. Hagerman,
#: second secretary of the embassy …, do hereby certify …``, ``I, Thomas
#: Scullun, master …, do solemnly, sincerely, and truly swear …``.
_CERTIFICATE = re.compile(
    r"^I, [A-Z][^,]{2,60}, .{0,300}?\b(?:certify|swear|depose|declare)\b", re.DOTALL
)


def opens_certificate(text: str) -> bool:
    """Does ``text`` open a certificate or an oath in the first person?

    >>> opens_certificate("I, Herbert J. Hagerman, second secretary, do hereby certify that")
    True
    >>> opens_certificate("I, for my part, think so.")
    False
    """
    return _CERTIFICATE.match(text) is not None
