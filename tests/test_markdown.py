"""Markdown: golden files for the samples, read back as GitHub renders it
(markdown-it-py; cmark-gfm, GitHub's own renderer, when installed), every
metacharacter literal. pandoc's own Markdown is the ``markdown`` format.

Regenerate the golden files deliberately with ``CABLECONV_ACCEPT=1`` (or
``make golden``) and review the diff.
"""

from __future__ import annotations

import json
import os
import shutil
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cableconv.diagnostics import Span
from cableconv.model import (
    Attachment,
    Closer,
    Dateline,
    DateText,
    Document,
    Footnote,
    Heading,
    LineBreak,
    ListBlock,
    NoteRef,
    Opener,
    PageBreakBlock,
    Paragraph,
    SourceNote,
    Table,
    Text,
    plain,
)
from cableconv.options import Options
from cableconv.pipeline import convert_path
from cableconv.writers import FORMATS
from cableconv.writers.markdown import write_markdown
from cableconv.writers.pandoc_markdown import write_pandoc_markdown

from .conftest import SEED, sample_paths
from .readback import (
    cmark_gfm_html,
    gfm_html,
    missing_words,
    model_words,
    note_labels,
    page_numbers,
    read_gfm,
    read_markdown,
    require,
    split_front_matter,
)

GOLDEN = Path(__file__).resolve().parent / "golden" / "md"
ACCEPT = os.environ.get("CABLECONV_ACCEPT") == "1"
SAMPLES = sample_paths()
S = Span(0, 1)


def t(text: str) -> Text:
    return Text(text, S)


@cache
def converted(path: Path) -> tuple[Document, bytes]:
    doc = convert_path(path).document
    return doc, write_markdown(doc).data


def rendered(md: bytes) -> str:
    require("markdown-it-py")
    return gfm_html(md)


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
def test_gfm_rendering_carries_the_whole_document(path: Path) -> None:
    doc, md = converted(path)
    back = read_gfm(md, rendered(md))
    assert not missing_words(model_words(doc), back.text)
    assert "\\" not in back.text and "[^" not in back.text and ":::" not in back.text
    # every footnote, referenced, with its own text and the label as printed
    assert back.refs == len(back.notes) == len(doc.footnotes)
    assert back.labels == note_labels(doc)
    assert sorted(back.notes) == sorted(" ".join(plain(n.content).split()) for n in doc.footnotes)
    flat = " ".join(back.text.split())
    for n in page_numbers(doc):
        assert f"[Page {n}]" in flat
    head = doc.heading
    if head is not None and plain(head.content).strip():
        assert back.headings[0] == (1, " ".join(plain(head.content).split()))


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_github_renders_it_as_markdown_it_does(path: Path) -> None:
    require("cmark-gfm")
    doc, md = converted(path)
    back = read_gfm(md, cmark_gfm_html(md))
    assert not missing_words(model_words(doc), back.text)
    assert "\\" not in back.text and "[^" not in back.text
    assert back.refs == len(back.notes) == len(doc.footnotes)


def test_the_seed_keeps_its_typography_and_structure() -> None:
    _, md = converted(SEED)
    front, body = split_front_matter(md)
    assert front.splitlines()[0] == (
        'title: "The Ambassador in the Soviet Union (Harriman) to the President (761.93/12–1544)"'
    )
    assert 'source: "761.93/12–1544: Telegram"' in front
    assert body.startswith("\n761.93/12–1544: Telegram\n\n")
    assert "\n# The Ambassador in the Soviet Union (Harriman) to the President[^1]\n" in body
    assert "\ntop secret\n" in body
    assert "he was \\[Page 379\\]interested" in body
    assert "Russia’s" in body and "“all outlets" in body and "Mongolia—the" in body
    assert "[^1]: Sent by the United States Naval Attaché, Moscow, via Navy channels." in body
    assert all(len(line) < 4000 for line in body.splitlines())  # not wrapped, but lines
    html = rendered(md)
    assert "<p>761.93/12–1544: Telegram</p>" in html
    assert "<p>top secret</p>" in html
    assert "[Page 379]interested" in html


def test_front_matter_is_yaml_a_site_generator_reads() -> None:
    doc = Document(
        "d7",
        "d7.txt",
        (
            SourceNote((t('711.379/14: "Telegram"'),), S),
            Heading((t("Mr. Hay to Mr. Conger"),), S),
            Dateline((t("Washington, "), DateText("July 5, 1901", "1901-07-05", S)), S),
        ),
        (),
        S,
    )
    front, _ = split_front_matter(write_markdown(doc).data)
    # every value is a double-quoted (JSON) string, which YAML reads as is
    values = dict(line.split(": ", 1) for line in front.splitlines())
    assert json.loads(values["title"]) == "Mr. Hay to Mr. Conger, July 5, 1901"
    assert json.loads(values["date"]) == "1901-07-05"
    assert json.loads(values["source"]) == '711.379/14: "Telegram"'
    assert json.loads(values["file-number"]) == "711.379/14"
    html = rendered(write_markdown(doc).data)
    assert "title" not in html  # front matter is metadata, not text


def test_repeated_labels_stay_distinct_and_as_printed() -> None:
    content = (t("April 9,"), NoteRef("23", S), t(" and"), NoteRef("23", S), t(" so"))
    more = (t("Then"), NoteRef("24", S), t(" and"), NoteRef("*", S), t("."))
    notes = tuple(Footnote(n, (t(f"Note {k}."),), S) for k, n in enumerate(["23", "23", "24", "*"]))
    doc = Document("d1", "d1.txt", (Paragraph(content, S), Paragraph(more, S)), notes, S)
    md = write_markdown(doc).data
    back = read_gfm(md, rendered(md))
    assert back.labels == ["23", "23-2", "24", "*"]
    assert back.notes == ["Note 0.", "Note 1.", "Note 2.", "Note 3."]


def test_enclosures_tables_and_page_turns_render_as_markdown() -> None:
    table = Table(
        (((t("Articles"),), (t("Metric tons"),)), ((t("Edible | fats"),), (t("8,000"),))), S, 1
    )
    doc = Document(
        "d1",
        "d1.txt",
        (
            Heading((t("No. 83."), LineBreak(S), t("Mr. Herbert to Mr. Gresham.")), S),
            Paragraph((t("Sir:"),), S),
            PageBreakBlock("136", S),
            Attachment(
                (
                    SourceNote((t("[Inclosure 1 in No. 83.]"),), S),
                    Heading((t("Commander O’Neil to Mr. Herbert."),), S),
                    Opener(((t("confidential"),),), S),
                    table,
                    ListBlock(((t("1. That all laud rents"),), (t("2. Three days"),)), S),
                    Closer((t("D. H. Thomas,"), LineBreak(S), t("President.")), S),
                ),
                S,
            ),
        ),
        (),
        S,
    )
    md = write_markdown(doc).data
    html = rendered(md)
    back = read_gfm(md, html)
    assert back.headings == [
        (1, "No. 83. Mr. Herbert to Mr. Gresham."),
        (2, "Commander O’Neil to Mr. Herbert."),
    ]
    assert back.tables == 1
    assert "<th>Articles</th>" in html and "<td>Edible | fats</td>" in html
    assert "<p>1. That all laud rents</p>" in html  # the printed number, not a list
    assert "<p>D. H. Thomas,<br />\nPresident.</p>" in html
    assert "<p>[Page 136]</p>" in html
    assert "<p>confidential</p>" in html


def test_markdown_is_byte_identical_on_a_second_run() -> None:
    doc, md = converted(SEED)
    assert write_markdown(doc).data == md


def test_a_lost_paragraph_would_be_noticed() -> None:
    doc, md = converted(SEED)
    damaged = md.replace(b"This latter did not surprise me", b"")
    back = read_gfm(damaged, rendered(damaged))
    assert missing_words(model_words(doc), back.text) == {
        "this": 1,
        "latter": 1,
        "did": 1,
        "not": 1,
        "surprise": 1,
        "me": 1,
    }


def test_pandocs_own_markdown_is_its_own_format() -> None:
    doc, _ = converted(SEED)
    assert FORMATS["markdown"].suffix == ".markdown"
    text = FORMATS["markdown"].write(doc, Options()).data
    assert text.startswith(b"::: source-note\n761.93/12")
    back = read_markdown(write_pandoc_markdown(doc).data)
    assert not missing_words(model_words(doc), back.text)
    assert back.labels == ["1"]


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
    "===",
    "```",
    "~~~",
    "    ",
    "&amp;",
    "&#65;",
    "<!--",
    "<div>",
    "<script>alert(1)</script>",
    "[x](y)",
    "![i](p)",
    "[x]: /url",
    "<http://a.b>",
    "@word",
    "[@key]",
    "[^1]",
    "[^1]: x",
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
@given(st.lists(texts, min_size=1, max_size=6), texts, texts)
def test_metacharacters_stay_literal_text(paras: list[str], head: str, note: str) -> None:
    """Whatever the text holds, GitHub's rendering shows it as it is: the
    same words in the same blocks, no markup taken from it."""
    blocks = [
        SourceNote((t(paras[0]),), S),
        Heading((t(head), NoteRef("1", S)), S),
        *[Paragraph((t(p),), S) for p in paras],
        Closer((t(paras[-1]), LineBreak(S), t(head)), S),
        Table((((t(head),), (t(paras[0]),)),), S),
    ]
    doc = Document("d1", "d1.txt", tuple(blocks), (Footnote("1", (t(note),), S),), S)
    md = write_markdown(doc).data
    html = rendered(md)
    if shutil.which("cmark-gfm") and paras[0] < head:  # GitHub's own renderer, now and then
        html = cmark_gfm_html(md)
    back = read_gfm(md, html)
    assert back.notes == [one_line(note)]
    assert back.headings == [(1, one_line(head))]
    assert html.count("<p>") == 1 + len(paras) + 1 + 1  # source, paragraphs, closer, the note
    assert back.tables == 1 and "<pre>" not in html and "<li>" not in html.split("footnotes")[0]
    flat = one_line(back.text)
    for p in paras:
        assert one_line(p) in flat
