"""CC403 names exactly the characters the PDF shows as boxes: render them and compare.

``data/pdf-drawn.txt`` was made by drawing every code point
(``scripts/pdf_glyphs.py``); this draws a sample from many scripts again,
with the same compiler and fonts, and checks the table agrees, so a new typst
or a new font in the template cannot make CC403 wrong unnoticed.
"""

from __future__ import annotations

import importlib.util
import io
import json
from pathlib import Path
from types import ModuleType

import pytest

from cableconv import glyphs
from cableconv.cli import run

from .conftest import SEED

ROOT = Path(__file__).resolve().parent.parent

SAMPLE = {
    "latin": "éŁœṩ",
    "greek": "αΩ",
    "cyrillic": "Жё",
    "hebrew": "שא",
    "arabic": "سلم",
    "armenian": "Բա",
    "georgian": "ქ",
    "devanagari": "न",
    "thai": "ส",
    "cjk": "中文",
    "kana": "か",
    "hangul": "한",
    "emoji": "\U0001f600",
    "symbols": "€→≠",
}


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pdf_glyphs", ROOT / "scripts" / "pdf_glyphs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_table_says_what_the_pdf_draws() -> None:
    script = _script()
    chars = [ch for text in SAMPLE.values() for ch in text]
    import typst

    compiler = typst.Compiler(root=str(glyphs.DATA), ignore_system_fonts=True)
    boxes = script.boxes(compiler.compile(input=script.page_source([ord(c) for c in chars])))
    rendered = {ch: not box for ch, box in zip(chars, boxes, strict=True)}
    assert {ch: glyphs.drawn(ch) for ch in chars} == rendered
    # what the issue saw: these are drawn (fallback fonts), these are boxes
    assert all(rendered[ch] for ch in SAMPLE["hebrew"] + SAMPLE["arabic"] + SAMPLE["armenian"])
    assert not any(rendered[ch] for ch in SAMPLE["cjk"] + SAMPLE["emoji"])


def test_every_character_is_named_and_the_rest_counted() -> None:
    text = "".join(chr(0x4E00 + i) for i in range(12))
    assert glyphs.named(glyphs.undrawn(text)).endswith("and 4 more")


def _check(path: Path, *flags: str) -> tuple[int, list[dict[str, object]]]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["check", str(path), "--format", "json", *flags], out, err)
    return code, json.loads(out.getvalue())["files"][0]["diagnostics"]


@pytest.mark.parametrize(("word", "boxed"), [("中文", True), ("שלום", False), ("Բարեւ", False)])
def test_check_strict_fails_on_characters_the_pdf_cannot_draw(
    tmp_path: Path, word: str, boxed: bool
) -> None:
    lines = SEED.read_text("utf-8").splitlines(keepends=True)
    n = next(i for i, line in enumerate(lines) if " the " in line and i > 2)
    col = lines[n].index(" the ") + 2
    lines[n] = lines[n].replace(" the ", f" {word} the ", 1)
    path = tmp_path / "doc.txt"
    path.write_text("".join(lines), "utf-8")
    code, diags = _check(path, "--strict")
    found = [d for d in diags if d["code"] == "CC403"]
    if not boxed:
        assert found == [] and code == 0
        return
    assert code == 1
    (only,) = found
    assert only["span"]["line"] == n + 1 and only["span"]["col"] == col  # type: ignore[index]
    assert "U+4E2D 中" in str(only["message"]) and "U+6587 文" in str(only["message"])
    assert _check(path)[0] == 0  # a warning: only --strict fails on it
