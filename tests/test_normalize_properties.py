"""Invariants of normalisation, checked on generated text (hypothesis).

The example counts are modest so the suite stays fast; set
``CABLECONV_HYPOTHESIS_EXAMPLES=5000`` for a thorough run.
"""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cableconv.normalize import FIXES, normalize

EXAMPLES = int(os.environ.get("CABLECONV_HYPOTHESIS_EXAMPLES", "150"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

#: Pieces a transcription is made of, weighted towards what the fixes act on.
# fmt: off
PIECES = [
    "a", "b", "Word", "Russia", "s", "tis", "44", "12", "1544", "761.93/", "pp. ",
    " ", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\ufeff",
    '"', '"', "'", "'", "“", "”", "‘", "’", "-", "-", "--", "---", "–", "—",
    ".", "...", "…", ",", ";", "!", "?", "(", ")", "[", "]", "/", "$",
    "[Page 379]", "[page 12]", "[Page 5 ]", "  1. ", " 3", "Ã©", "â€œ", "\x93", "ﬁ",
]
# fmt: on
typed_text = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.text(max_size=80),
)
WORD_SAFE = [f.name for f in FIXES if f.changes_words]


def skeleton(text: str) -> str:
    """The letters and digits of a text, in order, case-folded."""
    return "".join(re.findall(r"[^\W_]", text)).casefold()


@SETTINGS
@given(typed_text)
def test_never_raises_and_maps_every_offset(text: str) -> None:
    result = normalize(text)
    previous = 0
    for offset in range(len(result.text) + 1):
        mapped = result.to_original(offset)
        assert 0 <= mapped <= len(text)
        assert mapped >= previous
        previous = mapped


@SETTINGS
@given(typed_text)
def test_normalising_twice_changes_nothing_more(text: str) -> None:
    once = normalize(text)
    twice = normalize(once.text)
    assert twice.text == once.text
    assert twice.changes == []


@SETTINGS
@given(typed_text)
def test_every_change_quotes_the_transcription(text: str) -> None:
    result = normalize(text)
    for change in result.changes:
        assert 0 <= change.start <= change.end <= len(text)
        assert change.before == text[change.start : change.end]
        assert change.before != change.after or change.before == ""


@SETTINGS
@given(typed_text)
def test_no_word_is_added_or_lost(text: str) -> None:
    """Only the fixes that say so (encoding repairs) may change letters or digits."""
    result = normalize(text, disabled=WORD_SAFE)
    assert skeleton(result.text) == skeleton(text)


@SETTINGS
@given(typed_text)
def test_warnings_point_into_the_transcription(text: str) -> None:
    result = normalize(text)
    for d in result.diagnostics:
        assert d.level == "warning"
        assert d.span is not None
        assert 0 <= d.span.start <= d.span.end <= len(text)


@SETTINGS
@given(st.text(alphabet="abcXYZ019 \n,;:()", max_size=80))
def test_plain_text_is_left_alone(text: str) -> None:
    """Text without quotes, dashes, dots or stray blanks has nothing to fix."""
    text = re.sub(r" {2,}", " ", text)
    text = re.sub(r"(?m) +$", "", text)
    assert normalize(text).changes == []
