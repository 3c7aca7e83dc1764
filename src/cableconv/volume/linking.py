"""Names and abbreviations in the documents linked to the volume's lists.

Conservative, as the issue asks: a link only where the match is unambiguous.

- A ``persName`` (a sender or recipient the parser found in a heading) gets
  ``@corresp="#p_…"`` when its text is, letter for letter, the name, the
  surname or the ``Given Surname`` form of exactly one person of the list;
  a surname two persons share is left unlinked and reported (CC707).
- An abbreviation of the terms list (a name with two or more capitals:
  ``NSC``, ``U.N.``, ``S/S``) is wrapped in ``gloss/@target="#t_…"`` where it
  stands in the text as a whole word, in the case the list gives; terms
  that are ordinary words (one capital or none) are never looked for in the
  text. No character of the text changes: a ``gloss`` is put around it.
"""

from __future__ import annotations

import re
from collections import defaultdict

from lxml import etree

from cableconv.diagnostics import Diagnostic
from cableconv.volume.assemble import Volume
from cableconv.volume.lists import Entry

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_PERS, _GLOSS = f"{{{TEI_NS}}}persName", f"{{{TEI_NS}}}gloss"
#: Elements whose text is never searched for abbreviations: names, dates,
#: references and what already links (and the page and line breaks, empty).
_NO_TERMS = {f"{{{TEI_NS}}}{n}" for n in ("persName", "gloss", "date", "ref", "term", "pb", "lb")}


def _person_index(persons: tuple[Entry, ...]) -> dict[str, list[Entry]]:
    index: dict[str, list[Entry]] = defaultdict(list)
    for entry in persons:
        for form in {entry.name, entry.surname, entry.full_name}:
            if form and entry not in index[form]:
                index[form].append(entry)
    return index


def abbreviation_like(name: str) -> bool:
    """A term looked for in the text: two capitals or more.

    >>> abbreviation_like("NSC"), abbreviation_like("U.N."), abbreviation_like("Embassy")
    (True, True, False)
    """
    return sum(ch.isupper() for ch in name) >= 2


def link_names(body: etree._Element, volume: Volume) -> list[Diagnostic]:
    """Link the names in ``body`` (the volume's TEI body) in place."""
    diagnostics: list[Diagnostic] = []
    if volume.persons:
        diagnostics += _link_persons(body, volume)
    terms = [t for t in volume.terms if abbreviation_like(t.name)]
    if terms:
        _link_terms(body, terms)
    return diagnostics


def _link_persons(body: etree._Element, volume: Volume) -> list[Diagnostic]:
    index = _person_index(volume.persons)
    out: list[Diagnostic] = []
    reported: set[str] = set()
    for el in body.iter(_PERS):
        text = " ".join((el.text or "").split())
        if len(el) or not text:
            continue
        found = index.get(text, [])
        if len(found) == 1:
            el.set("corresp", "#" + found[0].xml_id)
        elif len(found) > 1 and text not in reported:
            reported.add(text)
            names = "; ".join(e.name for e in found)
            out.append(
                Diagnostic(
                    "CC707",
                    f"{text!r} could be any of {names}: not linked",
                    hint="the TEI links a name only when one person of the list has it",
                    file=str(volume.spec.persons or volume.spec.path),
                )
            )
    return out


def _link_terms(body: etree._Element, terms: list[Entry]) -> None:
    by_name = {t.name: t for t in terms}
    names = sorted(by_name, key=len, reverse=True)  # the longest first: "U.S.S.R." before "U.S."
    alternatives = "|".join(re.escape(n) for n in names)
    pattern = re.compile(r"(?<![\w./])(?:" + alternatives + r")(?![\w/])")
    for el in list(body.iter()):
        if not isinstance(el.tag, str) or el.tag in _NO_TERMS:
            continue
        if _inside(el):
            continue
        if el.text:
            _wrap(el, None, el.text, pattern, by_name)
        for child in list(el):
            if child.tail:
                _wrap(el, child, child.tail, pattern, by_name)


def _inside(el: etree._Element) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag in _NO_TERMS:
            return True
        parent = parent.getparent()
    return False


def _wrap(
    parent: etree._Element,
    after: etree._Element | None,
    text: str,
    pattern: re.Pattern[str],
    by_name: dict[str, Entry],
) -> None:
    """Wrap each match in ``text`` (``parent.text`` when ``after`` is None,
    else ``after.tail``) in a gloss."""
    matches = [m for m in pattern.finditer(text) if m.group() in by_name]
    if not matches:
        return
    head = text[: matches[0].start()]
    if after is None:
        parent.text = head
        index = 0
    else:
        after.tail = head
        index = parent.index(after) + 1
    for k, m in enumerate(matches):
        gloss = etree.Element(_GLOSS, target="#" + by_name[m.group()].xml_id)
        gloss.text = m.group()
        end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        gloss.tail = text[m.end() : end]
        parent.insert(index, gloss)
        index += 1
