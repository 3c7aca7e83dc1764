"""One coordinate system: spans are offsets of the transcription as typed.

The parser reads the normalised text; every span it makes is moved, once,
into the offsets of the transcription (``Normalized.span``), and turned into
``line:col`` only where a diagnostic is reported. The property of
:mod:`tests.positions` is checked on every sample (and, with ``make corpus``,
on every document of the development corpus) in three forms: as published,
as typed (``../shared/eval/degrade.py``, the scorer's seeds) and with CRLF
line endings.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from cableconv.diagnostics import Span
from cableconv.model import DateText, Document, Name, iter_inlines
from cableconv.normalize.runner import Edit, Layer, OffsetMap
from cableconv.pipeline import Converted, convert_source
from cableconv.source import LineIndex, Source, decode

from .conftest import DATA, SHARED, sample_paths
from .positions import position_problems

#: The scorer's seed for ``--variant typed`` (``score.py``: TYPED_SEED).
TYPED_SEED = 0

HEADING = "The Ambassador in the Soviet Union (Harriman) to the President"


def convert(text: str, name: str = "t.txt") -> Converted:
    return convert_source(decode(text.encode("utf-8"), name), stem="t")


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def names(doc: Document) -> list[Name | DateText]:
    return [
        node
        for _, content in iter_inlines(doc)
        for node in content
        if isinstance(node, Name | DateText)
    ]


def at(text: str, span: Span) -> str:
    return text[span.start : span.end]


# --------------------------------------------------------------------------
# the defects this pins (each failed before)
# --------------------------------------------------------------------------


def test_sender_after_an_em_dash_is_spanned_on_its_name() -> None:
    # a `--` earlier in the heading made the sender's span read "(Harrima"
    text = (
        "761.93/12-1544: Telegram\n\n"
        "The Ambassador--on leave--in the Soviet Union (Harriman) to the President\n\n"
        "Moscow, December 15, 1944.\n\nA paragraph.\n"
    )
    converted = convert(text)
    sender, recipient, date = names(converted.document)
    assert (at(text, sender.span), at(text, recipient.span)) == ("Harriman", "President")
    assert at(text, date.span) == "December 15, 1944"
    assert position_problems(converted) == []


def test_impossible_date_is_reported_at_its_column_after_an_em_dash() -> None:
    # CC109 pointed one column early when a `--` came before it in the file
    text = f"[Telegram--Extract]\n\n{HEADING}\n\nMoscow, December 45, 1944--5 p.m.\n\nText.\n"
    converted = convert(text)
    (error,) = [d for d in converted.diagnostics if d.code == "CC109"]
    assert error.place is not None
    assert (error.place.line, error.place.col) == (5, 9)
    assert error.span is not None and at(text, error.span).startswith("December 45")


def test_date_span_with_crlf_line_endings_stays_on_its_line() -> None:
    # with CRLF the date ran on to "er 15, 1944--5 p.m.\r\n\r\nA pa"
    text = crlf(f"761.93/12-1544: Telegram\n\n{HEADING}\n\nMoscow, December 15, 1944.\n\nA pa.\n")
    converted = convert(text)
    (date,) = [n for n in names(converted.document) if isinstance(n, DateText)]
    assert at(text, date.span) == "December 15, 1944"
    assert position_problems(converted) == []


def test_line_and_column_count_a_byte_order_mark_as_no_column() -> None:
    lines = LineIndex.of("\ufeffab\ncd")
    assert lines.position(1) == (1, 1)
    assert lines.position(4) == (2, 1)


def test_a_stretch_ends_before_what_a_fix_deleted_after_it() -> None:
    # "ab  \ncd" -> "ab\ncd": "ab" is [0, 2), not [0, 4) with the blanks
    deleted = OffsetMap([Layer([Edit(2, 4, "")])])
    assert deleted.span(0, 2) == Span(0, 2)
    assert deleted.span(2, 3) == Span(4, 5)
    # "--x" -> "—x": the dash is both characters, "x" the third
    dash = OffsetMap([Layer([Edit(0, 2, "—")])])
    assert (dash.span(0, 1), dash.span(1, 2)) == (Span(0, 2), Span(2, 3))


# --------------------------------------------------------------------------
# the property, on the samples and on hand-made cases
# --------------------------------------------------------------------------

HAND_CASES = {
    "tabs and doubled blanks": "Memorandum\n\nA  paragraph\twith  blanks.  \n\nB.\n",
    "page marker typed loosely": "Memorandum\n\nText [page 12 ]more text.\n\nEnd.\n",
    "quotes and ellipsis": "Memorandum\n\nHe said \"no...\" and 'left'.\n\nEnd.\n",
    "note marker and note": "Memorandum\n\nText. 1\n\nMore--text.\n\n  1. A note--with a dash.\n",
    "mojibake": "Memorandum\n\nThe AttachÃ© said so.\n\nEnd.\n",
}


@pytest.mark.parametrize("name", sorted(HAND_CASES))
@pytest.mark.parametrize("form", ["as typed", "crlf"])
def test_hand_cases_keep_their_positions(name: str, form: str) -> None:
    text = HAND_CASES[name] if form == "as typed" else crlf(HAND_CASES[name])
    assert position_problems(convert(text)) == []


#: The samples and the corpus documents copied into tests/data/frus.
DOCUMENTS = [*sample_paths(), *sorted((DATA / "frus").glob("*/*.txt"))]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
@pytest.mark.parametrize("form", ["clean", "typed", "crlf"])
def test_samples_keep_their_positions(path: Path, form: str) -> None:
    text = path.read_text(encoding="utf-8")
    if form == "typed":
        text = _typed(text, f"{path.parent.name}/{path.stem}")
    elif form == "crlf":
        text = crlf(text)
    assert position_problems(convert(text, path.name)) == []


def test_the_unnormalised_text_keeps_its_positions() -> None:
    text = sample_paths()[0].read_text(encoding="utf-8")
    from cableconv.pipeline import Options

    converted = convert_source(Source.from_text(text), Options(normalize=False))
    assert position_problems(converted) == []


# --------------------------------------------------------------------------
# the whole development corpus (make corpus)
# --------------------------------------------------------------------------


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("form", ["clean", "typed", "crlf"])
def test_corpus_keeps_its_positions(corpus_docs: Path, form: str) -> None:
    failed: dict[str, list[str]] = {}
    paths = sorted(corpus_docs.glob("*/*.txt"))
    for path in paths:
        key = f"{path.parent.name}/{path.stem}"
        text = path.read_text(encoding="utf-8")
        if form == "typed":
            text = _typed(text, key)
        elif form == "crlf":
            text = crlf(text)
        problems = position_problems(convert(text, path.name))
        if problems:
            failed[key] = problems[:3]
    assert paths
    assert failed == {}, f"{len(failed)} of {len(paths)} documents: {list(failed.items())[:5]}"


_DEGRADE: list[ModuleType] = []


def _typed(text: str, key: str) -> str:
    """The typed transcription the scorer makes of ``text`` (``--variant typed``)."""
    if not _DEGRADE:
        path = SHARED / "eval" / "degrade.py"
        if not path.is_file():
            return _typed_here(text)
        spec = importlib.util.spec_from_file_location("cableconv_eval_degrade", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _DEGRADE.append(module)
    degrade = _DEGRADE[0]
    typed: str = degrade.degrade(text, degrade.doc_seed(TYPED_SEED, key))
    return typed


#: Without ../shared (``make test`` is self-contained): what degrade.py
#: always does, plus trailing blanks, doubled blanks and a loose page marker.
_TYPO = str.maketrans(
    {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "--", "…": "...", "\u00a0": " "}
)


def _typed_here(text: str) -> str:
    typed = text.translate(_TYPO).replace(". ", ".  ").replace("\n\n", "  \n\n")
    return "\ufeff" + typed.replace("[Page ", "[page ", 1)
