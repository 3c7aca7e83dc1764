"""Markdown: golden files for the samples, read back through pandoc, metacharacters literal.

Regenerate the golden files deliberately with ``CABLECONV_ACCEPT=1`` (or
``make golden``) and review the diff.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cableconv.diagnostics import Span
from cableconv.model import (
    Closer,
    Document,
    Footnote,
    Heading,
    LineBreak,
    ListBlock,
    NoteRef,
    Paragraph,
    SourceNote,
    Text,
    plain,
)
from cableconv.pipeline import convert_path
from cableconv.writers.markdown import write_markdown

from .conftest import SEED, sample_paths
from .readback import missing_words, model_words, page_numbers, read_markdown

GOLDEN = Path(__file__).resolve().parent / "golden" / "md"
ACCEPT = os.environ.get("CABLECONV_ACCEPT") == "1"
SAMPLES = sample_paths()
S = Span(0, 1)


@cache
def converted(path: Path) -> tuple[Document, bytes]:
    doc = convert_path(path).document
    return doc, write_markdown(doc).data


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_golden_markdown(path: Path) -> None:
    _, md = converted(path)
    golden = GOLDEN / f"{path.stem}.md"
    if ACCEPT or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(md)
        if not ACCEPT:
            pytest.fail(f"{golden} was missing and has been written; review it")
    assert md.decode("utf-8") == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_markdown_carries_the_whole_document(path: Path) -> None:
    doc, md = converted(path)
    back = read_markdown(md)
    assert not missing_words(model_words(doc), back.text)
    # every footnote, numbered 1..n, with its own text
    assert back.labels == [str(k) for k in range(1, len(doc.footnotes) + 1)]
    model_notes = sorted(" ".join(plain(n.content).split()) for n in doc.footnotes)
    assert sorted(back.notes) == model_notes
    for n in page_numbers(doc):
        assert f"[Page {n}]" in back.text
    head = doc.heading
    if head is not None and plain(head.content).strip():
        first_line = next(line for line in md.decode().splitlines() if line.startswith("# "))
        assert " ".join(plain(head.content).split()) in first_line


def test_the_seed_keeps_its_typography_and_structure() -> None:
    _, md = converted(SEED)
    text = md.decode("utf-8")
    assert text.startswith("::: source-note\n761.93/12–1544: Telegram\n:::\n")
    assert "\n# The Ambassador in the Soviet Union (Harriman) to the President[^1]\n" in text
    assert "::: classification\n[top secret]{.smallcaps}\n:::" in text
    assert "he was [\\[Page 379\\]]{.page}interested" in text
    assert "Russia’s" in text and "“all outlets" in text and "Mongolia—the" in text
    assert "[^1]: Sent by the United States Naval Attaché, Moscow, via Navy channels." in text
    assert all(len(line) < 4000 for line in text.splitlines())  # not wrapped, but lines


def test_markdown_is_byte_identical_on_a_second_run() -> None:
    doc, md = converted(SEED)
    assert write_markdown(doc).data == md


def test_a_lost_paragraph_would_be_noticed() -> None:
    doc, md = converted(SEED)
    damaged = md.replace(b"This latter did not surprise me", b"")
    assert missing_words(model_words(doc), read_markdown(damaged).text) == {
        "this": 1,
        "latter": 1,
        "did": 1,
        "not": 1,
        "surprise": 1,
        "me": 1,
    }


# ---- nothing the transcription says is read as markup ----------------------------

METACHARACTERS = [
    *"#*_`[]()<>|\\$@{}~^&;:.-+=!'\"/%",
    "1. ",
    "2) ",
    "(a) ",
    "i. ",
    "#. ",
    "- ",
    "+ ",
    "> ",
    "# ",
    ": ",
    "~ ",
    "| a | b |",
    ":::",
    "---",
    "***",
    "```",
    "&amp;",
    "&#65;",
    "<!--",
    "<script>alert(1)</script>",
    "[x](y)",
    "![i](p)",
    "<http://a.b>",
    "@word",
    "[@key]",
    "[^1]",
    "{.cls}",
    "{{var}}",
    "#set page(width: 1cm)",
    "$x$",
    "\\section{x}",
    "...",
    "--",
    "’",
    "–",
    "—",
    "Жуков",
    "\u00a0",
    "a",
    "Z",
    "9",
    " ",
]
fragments = st.lists(st.sampled_from(METACHARACTERS), min_size=1, max_size=10).map("".join)
texts = fragments.filter(lambda s: bool(s.split()))


def one_line(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=1, max_size=8), texts, texts)
def test_metacharacters_stay_literal_text(paras: list[str], head: str, note: str) -> None:
    blocks = [
        SourceNote((Text(paras[0], S),), S),
        Heading((Text(head, S), NoteRef("1", S)), S),
        *[Paragraph((Text(p, S),), S) for p in paras],
        ListBlock(tuple((Text(p, S),) for p in paras), S, (Text(head, S),)),
        Closer((Text(paras[-1], S), LineBreak(S), Text(head, S)), S),
    ]
    doc = Document("d1", "d1.txt", tuple(blocks), (Footnote("1", (Text(note, S),), S),), S)
    back = read_markdown(write_markdown(doc).data)
    assert back.notes == [one_line(note)]
    body = [one_line(line) for line in back.text.split("\n\n")]
    expected = [one_line(paras[0]), one_line(head + "[1]"), *map(one_line, paras)]
    assert body[: len(expected)] == expected


def test_markup_in_the_seed_position_is_escaped() -> None:
    doc = Document(
        "d1",
        "d1.txt",
        (Paragraph((Text("1. *not* a list, <b>no</b> html, @cite, $math$, [Page 3]", S),), S),),
        (),
        S,
    )
    md = write_markdown(doc).data.decode()
    assert md == (
        "1\\. \\*not\\* a list, \\<b\\>no\\</b\\> html, \\@cite, \\$math\\$, \\[Page 3\\]\n"
    )
    assert re.sub(r"\s+", " ", read_markdown(md.encode()).text).strip() == (
        "1. *not* a list, <b>no</b> html, @cite, $math$, [Page 3]"
    )
