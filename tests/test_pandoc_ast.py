"""The pandoc AST built from the model, and the pandoc process that writes it."""

from __future__ import annotations

import json
import multiprocessing
import subprocess

import pytest

from cableconv.diagnostics import Span
from cableconv.model import (
    Attachment,
    Closer,
    Dateline,
    Document,
    Footnote,
    Heading,
    LineBreak,
    ListBlock,
    NoteRef,
    Opener,
    PageBreak,
    PageBreakBlock,
    Paragraph,
    SourceNote,
    Table,
    Text,
)
from cableconv.writers import pandoc_ast
from cableconv.writers.pandoc_ast import (
    API_VERSION,
    PANDOC_VERSION,
    PandocError,
    WriteOptions,
    build,
    pandoc_path,
    words,
    write,
)

S = Span(0, 1)


def t(text: str) -> Text:
    return Text(text, S)


def doc_of(*blocks: object, notes: tuple[Footnote, ...] = ()) -> Document:
    return Document("d1", "d1.txt", tuple(blocks), notes, S)  # type: ignore[arg-type]


def kinds(blocks: list[dict[str, object]]) -> list[str]:
    return [str(b["t"]) for b in blocks]


def find(node: object, t_name: str) -> list[dict[str, object]]:
    """Every AST element of one type, in document order."""
    out: list[dict[str, object]] = []
    if isinstance(node, dict):
        if node.get("t") == t_name:
            out.append(node)
        for value in node.values():
            out.extend(find(value, t_name))
    elif isinstance(node, list):
        for n in node:
            out.extend(find(n, t_name))
    return out


SEED_LIKE = doc_of(
    SourceNote((t("761.93/12–1544: Telegram"),), S),
    Heading((t("The Ambassador (Harriman) to the President"), NoteRef("1", S)), S),
    Opener(((t("top secret"),),), S),
    Dateline((t("Moscow,"), LineBreak(S), t("December 15, 1944.")), S),
    Paragraph((t("was "), PageBreak("379", S), t("interested.")), S),
    PageBreakBlock("380", S),
    Closer((t("Harriman"),), S),
    notes=(Footnote("1", (t("Sent via Navy channels."),), S),),
)


# ---- pinned pandoc ------------------------------------------------------------


def test_the_bundled_pandoc_is_the_pinned_version() -> None:
    out = subprocess.run([pandoc_path(), "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.split()[1] == PANDOC_VERSION


def test_the_ast_carries_the_api_version_pandoc_reads() -> None:
    assert build(SEED_LIKE, "markdown").ast["pandoc-api-version"] == API_VERSION == [1, 23, 1]


def test_another_pandoc_version_is_refused_with_a_hint() -> None:
    with pytest.raises(PandocError, match=r"cableconv needs pandoc 3\.9.*pip install"):
        pandoc_ast._check_version("3.1.11", "1.23.1")


# ---- one function per node -------------------------------------------------------


def test_text_is_split_into_words_the_way_pandoc_reads_it() -> None:
    assert words("1. item  two", "typst") == [
        {"t": "Str", "c": "1."},
        {"t": "Space"},
        {"t": "Str", "c": "item"},
        {"t": "Space"},
        {"t": "Str", "c": "two"},
    ]


def test_each_block_kind_is_distinguishable_in_markdown() -> None:
    blocks = build(SEED_LIKE, "markdown").ast["blocks"]
    assert kinds(blocks) == ["Div", "Header", "Div", "Div", "Para", "Div", "Div"]
    classes = [b["c"][0][1] for b in blocks if b["t"] == "Div"]
    assert classes == [
        ["source-note"],
        ["classification"],
        ["dateline"],
        ["page-break"],
        ["signature"],
    ]
    assert blocks[1]["c"][0] == 1  # the heading is a level-1 header


def test_typst_blocks_call_the_template() -> None:
    raws = [b["c"][1] for b in build(SEED_LIKE, "typst").ast["blocks"] if b["t"] == "RawBlock"]
    assert "#cc-dateline[" in raws and "#cc-source-note[" in raws and "#cc-signature[" in raws


def test_classification_is_small_caps() -> None:
    (caps,) = find(build(SEED_LIKE, "markdown").ast, "SmallCaps")
    assert caps["c"] == [{"t": "Str", "c": "top"}, {"t": "Space"}, {"t": "Str", "c": "secret"}]


def test_page_marker_is_a_styled_span_with_visible_text() -> None:
    spans = find(build(SEED_LIKE, "markdown").ast, "Span")
    assert [s["c"][0][1] for s in spans] == [["page"], ["page"]]
    assert spans[0]["c"][1] == [
        {"t": "Str", "c": "[Page"},
        {"t": "Space"},
        {"t": "Str", "c": "379]"},
    ]


def test_footnotes_are_real_notes_with_their_marks() -> None:
    built = build(SEED_LIKE, "markdown")
    (note,) = find(built.ast, "Note")
    assert note["c"] == [{"t": "Para", "c": words("Sent via Navy channels.", "markdown")}]
    assert built.note_marks == ("1",)
    assert built.title == "The Ambassador (Harriman) to the President"


def test_a_list_keeps_its_items_and_a_page_turn_between_them() -> None:
    doc = doc_of(
        ListBlock(((t("1. One"),), PageBreakBlock("7", S), (t("2. Two"),)), S, (t("SUBJECT"),))
    )
    (div,) = build(doc, "markdown").ast["blocks"]
    assert div["c"][0][1] == ["list"]
    assert kinds(div["c"][1]) == ["Div", "Para", "Div", "Para"]  # head, item, page, item


def test_a_table_is_a_pandoc_table_in_markdown() -> None:
    doc = doc_of(Table((((t("Poods"),), (t("2,700,000"),)), ((t("Total"),),)), S))
    for target, fmt in (("markdown", "markdown-smart"),):
        built = build(doc, target)  # type: ignore[arg-type]
        assert kinds(built.ast["blocks"]) == ["Table"]
        assert write(built, fmt, raw=target)


def test_a_typst_table_is_the_templates_and_never_a_figure() -> None:
    """pandoc's typst writer puts a table in a figure, which cannot break
    across pages: the template's cc-table is a plain, breakable table."""
    doc = doc_of(Table((((t("Poods"),), (t("2,700,000"),)), ((t("Total"),),)), S, 1))
    out = write(build(doc, "typst"), "typst-smart", WriteOptions(wrap_none=True), raw="typst")
    assert out.strip() == b"#cc-table(columns: 2, header: 1)[Poods][2,700,000][Total][];"
    assert b"figure" not in out


def test_an_attachment_is_grouped() -> None:
    doc = doc_of(Attachment((Paragraph((t("Enclosed."),), S),), S))
    assert build(doc, "markdown").ast["blocks"][0]["c"][0][1] == ["attachment"]
    raws = [b["c"][1] for b in build(doc, "typst").ast["blocks"] if b["t"] == "RawBlock"]
    assert raws == ["#cc-attachment[", "]"]


def test_a_note_without_a_marker_is_kept_at_the_end_and_reported() -> None:
    doc = doc_of(Paragraph((t("Text."),), S), notes=(Footnote("1", (t("Lost."),), S),))
    built = build(doc, "markdown")
    assert len(find(built.ast["blocks"][-1], "Note")) == 1
    assert [d.code for d in built.losses] == ["CC402"]


def test_a_marker_without_a_note_stays_a_superscript_and_is_reported() -> None:
    built = build(doc_of(Paragraph((t("Text"), NoteRef("9", S)), S)), "markdown")
    assert find(built.ast, "Superscript") == [{"t": "Superscript", "c": [{"t": "Str", "c": "9"}]}]
    assert [d.code for d in built.losses] == ["CC401"]


def test_typst_line_breaks_in_a_heading_stay_in_the_heading() -> None:
    doc = doc_of(Heading((t("No. 3."), LineBreak(S), t("Mr. Baker to Mr. Gresham.")), S))
    out = write(build(doc, "typst"), "typst-smart", WriteOptions(wrap_none=True), raw="typst")
    # the space keeps the two lines apart in the outline and the tags
    assert out.decode().splitlines()[0] == "= No. 3. #linebreak();Mr. Baker to Mr. Gresham."


# ---- the long-lived pandoc -----------------------------------------------------


def _markdown(doc: Document) -> bytes:
    return write(
        build(doc, "markdown"), "markdown-smart", WriteOptions(wrap_none=True), raw="markdown"
    )


@pytest.mark.parametrize(
    ("target", "fmt"), [("markdown", "markdown-smart"), ("typst", "typst-smart")]
)
def test_the_loop_writes_what_pandoc_sandbox_writes(target: str, fmt: str) -> None:
    built = build(SEED_LIKE, target)  # type: ignore[arg-type]
    opts = WriteOptions(wrap_none=True)
    loop = write(built, fmt, opts, raw=target)
    oneshot = write(built, fmt, opts, raw=target, pandoc="oneshot")
    assert oneshot.rstrip(b"\n") == loop.rstrip(b"\n")


@pytest.mark.parametrize(
    "element",
    [
        {"t": "Image", "c": [["", [], []], [], ["/etc/hostname", ""]]},
        {"t": "RawInline", "c": ["html", "<script>alert(1)</script>"]},
        {"t": "RawInline", "c": ["openxml", "<w:r/>"]},
    ],
)
def test_the_loop_refuses_what_could_read_files_or_inject_markup(element: object) -> None:
    ast = {"pandoc-api-version": API_VERSION, "meta": {}, "blocks": [{"t": "Para", "c": [element]}]}
    with pytest.raises(PandocError, match="not allowed"):
        write(ast, "docx")
    # and it is still in step for the next document
    assert _markdown(SEED_LIKE).startswith(b"::: source-note")


def test_the_loop_is_started_again_when_pandoc_dies() -> None:
    first = _markdown(SEED_LIKE)
    proc = pandoc_ast._LOOP._proc
    assert proc is not None
    proc.kill()
    proc.wait()
    assert _markdown(SEED_LIKE) == first
    assert pandoc_ast._LOOP._proc is not proc


def _child_writes(queue: multiprocessing.Queue[bytes]) -> None:
    queue.put(_markdown(SEED_LIKE))


def test_a_forked_worker_gets_its_own_pandoc() -> None:
    expected = _markdown(SEED_LIKE)  # the parent's loop is running
    parent_proc = pandoc_ast._LOOP._proc
    ctx = multiprocessing.get_context("fork")
    queue: multiprocessing.Queue[bytes] = ctx.Queue()
    child = ctx.Process(target=_child_writes, args=(queue,))
    child.start()
    got = queue.get(timeout=60)
    child.join(timeout=60)
    assert got == expected
    assert pandoc_ast._LOOP._proc is parent_proc and _markdown(SEED_LIKE) == expected


def test_the_loop_keeps_a_small_heap_over_many_documents() -> None:
    """pandoc's built-in -H64m made a batch worker's pandoc hold about 80 MB of
    its own after a few hundred small documents; the loop's runtime options
    keep it near 30 (a worker and its pandoc are what a batch multiplies)."""
    from cableconv.workers import private_mb

    words: list[object] = [{"t": "Str", "c": f"w{i}"} for i in range(200)]
    doc = {
        "pandoc-api-version": list(pandoc_ast.API_VERSION),
        "meta": {},
        "blocks": [{"t": "Para", "c": words} for _ in range(10)],
    }
    loop = pandoc_ast.PandocLoop()
    try:
        for _ in range(200):
            loop.write(doc, "markdown", WriteOptions(), "")
        assert loop._proc is not None
        assert private_mb(loop._proc.pid) < 55
    finally:
        loop.close()


def test_a_loop_that_kept_a_large_heap_is_stopped_after_its_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """GHC keeps the heap of the largest document pandoc met (97 MB after
    frus1902app1 d7): past LOOP_RESTART_MB the answer is given, the loop
    stops, and the next document starts a new one that writes the same."""
    loop = pandoc_ast.PandocLoop()
    try:
        first = loop.write(build(SEED_LIKE, "markdown").ast, "markdown", WriteOptions(), "")
        kept = loop._proc
        assert kept is not None  # a small heap: the loop stays
        monkeypatch.setattr(pandoc_ast, "LOOP_RESTART_MB", 0.0)
        again = loop.write(build(SEED_LIKE, "markdown").ast, "markdown", WriteOptions(), "")
        assert again == first
        assert loop._proc is None and kept.poll() is not None  # stopped, not left running
        assert loop.write(build(SEED_LIKE, "markdown").ast, "markdown", WriteOptions(), "") == first
    finally:
        loop.close()


def test_the_ast_is_plain_json() -> None:
    ast = build(SEED_LIKE, "markdown").ast
    assert json.loads(json.dumps(ast)) == ast


def test_a_pandoc_that_hangs_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    _markdown(SEED_LIKE)
    proc = pandoc_ast._LOOP._proc
    assert proc is not None
    monkeypatch.setattr(pandoc_ast, "PANDOC_TIMEOUT", 0.5)
    proc.send_signal(19)  # SIGSTOP: alive, but silent
    try:
        with pytest.raises(PandocError, match="did not answer"):
            _markdown(SEED_LIKE)
    finally:
        proc.send_signal(18)  # SIGCONT, should it still exist
    monkeypatch.undo()
    assert _markdown(SEED_LIKE).startswith(b"::: source-note")  # a fresh pandoc
