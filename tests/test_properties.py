"""Invariants of the whole pipeline, on arbitrary text and on real documents
mutated at random (hypothesis).

For any input:

* ``convert_source`` never raises; what it cannot represent it reports;
* every word of the input reaches the TEI, unless normalisation changed it
  (a recorded change with its place) or a diagnostic says why (CC005: a
  character XML cannot hold, so no TEI is written);
* normalising is idempotent;
* the TEI is well-formed XML, and where the document parsed (no error
  diagnostic), it is valid against cableconv's RelaxNG and the official FRUS
  schema (the document ``div`` in a FRUS volume shell, as ``validate.py``
  does it).

The regular suite runs a few examples of each property. The long profile
runs 100,000 examples in all, shared among the properties::

    CABLECONV_HYPOTHESIS=long .venv/bin/python -m pytest tests/test_properties.py -q

(``CABLECONV_HYPOTHESIS_EXAMPLES=N`` sets the count per property directly.)
"""

from __future__ import annotations

import bisect
import os
import re
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from lxml import etree

from cableconv.normalize import normalize
from cableconv.pipeline import Converted, Options, convert_source
from cableconv.source import NOT_XML, Source
from cableconv.writers.tei import to_tei_bytes
from tests.hostile.readers import SAFE_PARSER

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))
PROPERTIES = 5
LONG_TOTAL = 100_000

_profile = os.environ.get("CABLECONV_HYPOTHESIS", "default")
_count = os.environ.get("CABLECONV_HYPOTHESIS_EXAMPLES")
EXAMPLES = int(_count) if _count else (LONG_TOTAL // PROPERTIES if _profile == "long" else 40)

_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# a long run is a one-off: its examples are not worth keeping
SETTINGS = settings(_SETTINGS, database=None) if _profile == "long" else _SETTINGS

# --------------------------------------------------------------------------
# strategies
# --------------------------------------------------------------------------

#: Characters XML can hold (the others are refused with CC005, see below).
xml_char = st.characters(codec="utf-8", exclude_characters="\ufffe\uffff").filter(
    lambda c: NOT_XML.match(c) is None
)

# fmt: off
#: What transcriptions are made of, weighted towards what the parser reads:
#: markers, page turns, note lines, datelines, names, brackets, tabs.
PIECES = [
    "The", "Secretary", "of", "State", "to", "Mr.", "Baker", "(Harriman)", "the President",
    "Washington,", "June 23, 1936", "21 March 1944", "—5 p.m.", "noon", "undated",
    "[Received June 24]", "top secret", "Telegram", "761.93/12–1544:", "File No. 3",
    " 1", " 2", " 12", " 999", " a", " *", "1.", "[Page 379]", "[Page 12", "[Page x]",
    "\n", "\n\n", "\n\n", "  1. ", "  2. ", " 1. ", "    3. ", "\t", "  ", " ", "\r\n",
    "[", "]", "(", ")", "“", "”", "‘", "’", '"', "'", "--", "—", "–", "...", "…",
    "[Inclosure 1 in No. 3.]", "[Tab A]", "I have, etc.,", "Harriman", "[Signed]",
    "PARTICIPANTS", "Shipped by rail 7, 800, 000", "1,000", "3.5", "No. 680",
    "#set", "$", "\\", "*", "_", "<script>", "]]>", "&amp;", "{{", "@", "ﬁ", "Ã©",
]
# fmt: on

structured_text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(xml_char, max_size=4)), max_size=80
).map("".join)
any_text = st.one_of(structured_text, st.text(xml_char, max_size=200))


def _sample_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in SAMPLES]


@st.composite
def mutated_sample(draw: st.DrawFn) -> str:
    """A real document with characters inserted, deleted and swapped, lines
    doubled or dropped, and its markers broken."""
    text = draw(st.sampled_from(_sample_texts()))
    for _ in range(draw(st.integers(0, 8))):
        if not text:
            break
        kind = draw(
            st.sampled_from(["insert", "delete", "swap", "line", "marker", "page", "blank"])
        )
        i = draw(st.integers(0, len(text) - 1))
        if kind == "insert":
            text = text[:i] + draw(st.one_of(st.sampled_from(PIECES), xml_char)) + text[i:]
        elif kind == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 40)) :]
        elif kind == "swap" and i + 1 < len(text):
            text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
        elif kind == "line":
            start = text.rfind("\n", 0, i) + 1
            end = text.find("\n", i) + 1 or len(text)
            twice = draw(st.booleans())
            text = text[:end] + text[start:end] + text[end:] if twice else text[:start] + text[end:]
        elif kind == "marker":
            # a note marker loses its space, its number or gains a digit
            m = re.search(r" (\d{1,3})(?=\W|$)", text[i:])
            if m:
                at = i + m.start()
                broken = draw(st.sampled_from(["", m.group(1), f" {m.group(1)}9", " "]))
                text = text[:at] + broken + text[at + len(m.group(0)) :]
        elif kind == "page":
            m = re.search(r"\[Page [^\]]*\]", text[i:])
            if m:
                at = i + m.start()
                broken = draw(st.sampled_from(["[Page ", "Page 3]", "[Page]", "[Page 3 4]"]))
                text = text[:at] + broken + text[at + len(m.group(0)) :]
        elif kind == "blank":
            cut = draw(st.sampled_from(["\n\n", "\n", "\n  1. ", "\n\n[Page 2]\n\n"]))
            text = text[:i] + cut + text[i:]
    return text


# --------------------------------------------------------------------------
# what the TEI says
# --------------------------------------------------------------------------

WORD = re.compile(r"\w+")
TEI = "{http://www.tei-c.org/ns/1.0}"
#: TEI elements that stand on their own: their text is not glued to a neighbour's.
_BLOCKS = {
    "head", "p", "item", "cell", "row", "list", "table", "dateline", "opener", "closer",
    "postscript", "div", "attachment", "teiHeader", "seg",
}  # fmt: skip


def tei_reading(data: bytes) -> str:
    """The TEI read back as a transcription would say it: a page break as
    ``[Page n]``, a note's marker as `` n`` where it is anchored and the note's
    number and text on a line of their own at the end."""
    root = etree.fromstring(data, SAFE_PARSER)
    body = root.find(f"{TEI}text/{TEI}body")
    assert body is not None
    out: list[str] = []
    notes: list[str] = []

    def walk(el: etree._Element, sink: list[str]) -> None:
        local = etree.QName(el).localname
        n = el.get("n", "")
        if local == "pb":
            sink.append(f"[Page {n}]")
        elif local == "lb":
            sink.append("\n")
        elif local == "note" and n:
            sink.append(f" {n}")
            inner: list[str] = [f"\n{n}. "]
            inner.append(el.text or "")
            for child in el:
                walk(child, inner)
            notes.append("".join(inner))
        else:
            block = local in _BLOCKS or local == "note"
            sink.append("\n" if block else "")
            sink.append(el.text or "")
            for child in el:
                walk(child, sink)
            sink.append("\n" if block else "")
        sink.append(el.tail or "")

    walk(body, out)
    return "".join(out) + "".join(notes)


def kept_words(converted: Converted) -> Counter[str]:
    """Words of the transcription that normalisation left alone: each must
    reach the TEI. A word a recorded change touches or borders (a fix that
    removed what stood between two words joins them) is explained by it."""
    text = converted.source.text
    changes = sorted((c.start, c.end) for c in converted.normalized.changes)
    starts = [s for s, _ in changes]
    reach: list[int] = []  # reach[k]: the furthest end among changes[: k + 1]
    for _, end in changes:
        reach.append(max(end, reach[-1]) if reach else end)
    words: Counter[str] = Counter()
    for m in WORD.finditer(text):
        k = bisect.bisect_right(starts, m.end())
        if k and reach[k - 1] >= m.start():
            continue
        words[m.group()] += 1
    return words


def assert_words_reach_the_tei(converted: Converted, tei: bytes) -> None:
    found = Counter(WORD.findall(tei_reading(tei)))
    lost = kept_words(converted) - found
    assert not lost, f"words lost on the way to the TEI: {dict(list(lost.items())[:10])}"


DEFAULT = Options()


def _convert(text: str, options: Options = DEFAULT) -> tuple[Converted, bytes | None]:
    converted = convert_source(Source.from_text(text, "prop.txt"), options)
    if any(d.code == "CC005" for d in converted.diagnostics):
        return converted, None
    return converted, to_tei_bytes(converted.document)


# --------------------------------------------------------------------------
# the properties
# --------------------------------------------------------------------------


@SETTINGS
@given(any_text)
def test_any_text_converts_to_well_formed_tei_with_every_word(text: str) -> None:
    for options in (Options(), Options(normalize=False)):
        converted, tei = _convert(text, options)
        assert tei is not None
        etree.fromstring(tei, SAFE_PARSER)
        assert_words_reach_the_tei(converted, tei)
    assert_valid_where_parsed(converted)


def assert_valid_where_parsed(converted: Converted) -> None:
    """No error: the TEI is what cableconv's RelaxNG and the FRUS schema allow."""
    from cableconv.validate import validate_tei

    if any(d.level == "error" for d in converted.diagnostics):
        event("not validated: the document has errors")
        return
    event("validated against the schemas")
    invalid = [d.format() for d in validate_tei(converted.document) if d.code in SCHEMA_CODES]
    assert not invalid, "\n".join(invalid)


#: Characters XML cannot hold, as typed by accident (NUL, BEL, ESC, form feed).
UNWRITABLE = "\x00\x01\x07\x08\x0b\x0c\x1b\x1f\ufffe\uffff"
#: Diagnostics of the TEI against cableconv-tei.rng (CC311) and frus.rng (CC312).
SCHEMA_CODES = ("CC311", "CC312")


@SETTINGS
@given(mutated_sample())
def test_mutated_documents_convert_keep_every_word_and_stay_valid(text: str) -> None:
    converted, tei = _convert(text)
    assert tei is not None
    etree.fromstring(tei, SAFE_PARSER)
    assert_words_reach_the_tei(converted, tei)
    assert_valid_where_parsed(converted)


@SETTINGS
@given(st.one_of(any_text, mutated_sample()))
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once


@SETTINGS
@given(any_text, st.lists(st.sampled_from(sorted(UNWRITABLE)), min_size=1, max_size=5), st.data())
def test_characters_xml_cannot_hold_are_reported_never_raised(
    text: str, controls: list[str], data: st.DataObject
) -> None:
    for ch in controls:
        i = data.draw(st.integers(0, len(text)))
        text = text[:i] + ch + text[i:]
    converted = convert_source(Source.from_text(text, "prop.txt"))
    reported = [d for d in converted.diagnostics if d.code == "CC005"]
    assert reported and all(d.level == "error" and d.span is not None for d in reported)


@SETTINGS
@given(any_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_any_bytes_of_a_text_decode_and_convert(text: str, encoding: str) -> None:
    """Whatever encoding the text was saved in, decoding never raises
    anything but UnreadableInput, and the result converts."""
    from cableconv.source import UnreadableInput, decode

    data = text.encode(encoding, errors="replace")
    assume(b"\x00" not in data or encoding == "utf-16")
    try:
        source = decode(data, "prop.txt")
    except UnreadableInput:
        return
    convert_source(source, Options())
