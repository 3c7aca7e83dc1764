"""Characters an editor does not show: zero-width ones, soft hyphens, bidi controls.

A gate on public contributions must see what a reviewer cannot: a
right-to-left override (U+202E) reverses the text after it as displayed (in
the PDF, "bidi override ²" came out as "bidi ².edirrevo"), a zero-width
space splits a word for search without a trace, a soft hyphen hides in a
word. This is the "Trojan Source" class of problem (CVE-2021-42574).

* CC010 (warning): an invisible character: zero-width, soft hyphen, a
  filler, a Unicode tag, a line or paragraph separator, a bidi mark outside
  right-to-left text;
* CC011 (error): a bidi embedding, override or isolate outside
  right-to-left text, where nothing needs one;
* CC012 (warning): the same inside right-to-left text (a line holding
  Hebrew or Arabic letters), where it may be meant, but still shows nothing.

The text searched is the transcription as typed (``ctx.source.text``), so the
positions are the user's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from cableconv.checks.context import CheckContext
from cableconv.diagnostics import Diagnostic, Span

#: Embeddings, overrides, isolates and their terminators (Unicode's bidi
#: "explicit formatting" characters, UAX #9 section 2).
BIDI_CONTROLS = {
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
}
#: Bidi marks: invisible, harmless inside right-to-left text.
BIDI_MARKS = {
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u061c": "Arabic letter mark",
}
#: Zero-width joiners, which Arabic, Indic and emoji sequences need between
#: their own characters (see :func:`_joins_script`).
JOINERS = {"\u200c": "zero-width non-joiner", "\u200d": "zero-width joiner"}
#: Characters that draw nothing and are no letter's part in any Latin text:
#: from Unicode's Default_Ignorable_Code_Point list (DerivedCoreProperties.txt)
#: and the characters the Trojan Source paper and "invisible identifier"
#: reports use. Variation selectors are left out: emoji need them.
INVISIBLE = {
    "\u00ad": "soft hyphen",
    "\u034f": "combining grapheme joiner",
    "\u115f": "Hangul choseong filler",
    "\u1160": "Hangul jungseong filler",
    "\u17b4": "Khmer vowel inherent aq",
    "\u17b5": "Khmer vowel inherent aa",
    "\u180e": "Mongolian vowel separator",
    "\u200b": "zero-width space",
    "\u2028": "line separator",
    "\u2029": "paragraph separator",
    "\u2060": "word joiner",
    "\u2061": "function application",
    "\u2062": "invisible times",
    "\u2063": "invisible separator",
    "\u2064": "invisible plus",
    "\u3164": "Hangul filler",
    "\ufeff": "zero-width no-break space (byte-order mark inside the text)",
    "\uffa0": "halfwidth Hangul filler",
}
_TAGS = (0xE0000, 0xE007F)  # Unicode tags: invisible ASCII ("ASCII smuggling")
_DEPRECATED_FORMAT = (0x206A, 0x206F)  # inhibit/activate symmetric swapping, ...

_ALL = re.compile(
    "["
    + "".join(map(re.escape, (*BIDI_CONTROLS, *BIDI_MARKS, *JOINERS, *INVISIBLE)))
    + f"\\U{_TAGS[0]:08x}-\\U{_TAGS[1]:08x}"
    + f"\\u{_DEPRECATED_FORMAT[0]:04x}-\\u{_DEPRECATED_FORMAT[1]:04x}"
    + "]"
)


def is_rtl_letter(ch: str) -> bool:
    """A strong right-to-left character: Hebrew, Arabic, Syriac, Thaana, N'Ko ...

    >>> is_rtl_letter("א"), is_rtl_letter("ب"), is_rtl_letter("a")
    (True, True, False)
    """
    return unicodedata.bidirectional(ch) in ("R", "AL")


def _line_is_rtl(text: str, offset: int) -> bool:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return any(is_rtl_letter(ch) for ch in text[start : end if end != -1 else len(text)])


def _joins_script(text: str, offset: int) -> bool:
    """A joiner between characters of a script or emoji that uses joiners:
    anything past Armenian (U+0590 on) that is a letter, mark or symbol."""

    def joinable(ch: str) -> bool:
        return ord(ch) >= 0x0590 and unicodedata.category(ch)[0] in "LMS"

    before = text[offset - 1] if offset > 0 else ""
    after = text[offset + 1] if offset + 1 < len(text) else ""
    return bool(before and after) and joinable(before) and joinable(after)


def _name(ch: str) -> str:
    for table in (BIDI_CONTROLS, BIDI_MARKS, JOINERS, INVISIBLE):
        if ch in table:
            return table[ch]
    if _TAGS[0] <= ord(ch) <= _TAGS[1]:
        return "Unicode tag " + unicodedata.name(ch, "").removeprefix("TAG ").lower()
    return unicodedata.name(ch, "format character").lower()


def invisible_characters(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Every invisible or direction-changing character, each where it is."""
    text = ctx.source.text
    for m in _ALL.finditer(text):
        ch, at = m.group(), m.start()
        if at == 0 and ch == "\ufeff":
            continue  # a byte-order mark the decoder kept: not part of the text
        what = f"{_name(ch)} U+{ord(ch):04X}"
        span = Span(at, m.end())
        if ch in BIDI_CONTROLS:
            if _line_is_rtl(text, at):
                yield Diagnostic(
                    "CC012",
                    f"{what} in right-to-left text; it is invisible and reorders the text",
                    span,
                    hint="keep it only if the line displays wrongly without it",
                )
            else:
                yield Diagnostic(
                    "CC011",
                    f"{what} outside right-to-left text: it changes the order in which "
                    "the text after it is displayed, invisibly",
                    span,
                    hint="delete it; left-to-right text needs no direction controls, "
                    "and Hebrew or Arabic text is laid out without them",
                )
            continue
        if ch in BIDI_MARKS and _line_is_rtl(text, at):
            continue
        if ch in JOINERS and _joins_script(text, at):
            continue
        hint = (
            "delete it, or type a hyphen if the word is hyphenated in the document"
            if ch == "\u00ad"
            else "delete it: an editor does not show it, and it splits words for search"
        )
        yield Diagnostic("CC010", f"invisible character in the text: {what}", span, hint=hint)
