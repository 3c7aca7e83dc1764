"""Hostile and broken input (issue 7): never crash, never lose text, never let markup through.

Every input here ends in one of two ways, through the real command line:

* **converted**: exit 0, every output format written, and every piece of
  text of the transcription (each text node of the model) found literally in
  what a reader of each format sees: the TEI's text, the JSON's ``text``
  fields, pandoc's own reading of the Markdown, the runs of the DOCX, the
  PDF's text layer; no markup made from the input in any of them;
* **refused**: exit 1, a diagnostic that says what is wrong (and where, when
  it can), and no output file at all.

Never a traceback, a hang or a partial output. The inputs are in
``tests/hostile/``; binary ones and big ones are made by
``tests/hostile/generate.py`` at test time. Big inputs run in a child process
with a time limit, which also measures time and peak memory.
"""

from __future__ import annotations

import ast
import io
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lxml import etree

from cableconv.cli import run
from cableconv.model import DateText, Footnote, Name, Text, iter_inlines
from cableconv.pipeline import Options, convert_path
from cableconv.source import DEFAULT_MAX_BYTES, UnreadableInput
from cableconv.writers import FORMATS
from tests.hostile import generate, readers

HOSTILE = Path(__file__).resolve().parent / "hostile"
SRC = Path(__file__).resolve().parent.parent / "src" / "cableconv"

#: Every format the issue names; each must be registered and each is tested.
ALL_FORMATS = ("tei", "json", "md", "docx", "pdf")
#: The formats registered now: the battery runs on whatever exists, and
#: :func:`test_every_output_format_is_registered` fails while one is missing.
TESTED_FORMATS = tuple(f for f in ALL_FORMATS if f in FORMATS)
SUFFIX = {name: FORMATS[name].suffix for name in TESTED_FORMATS}

#: What must never be read, whatever an input asks for.
SECRET_FILE = Path("/etc/passwd")


def test_every_output_format_is_registered() -> None:
    missing = [f for f in ALL_FORMATS if f not in FORMATS]
    assert not missing, f"formats not registered in writers.FORMATS yet: {missing}"


# --------------------------------------------------------------------------
# running the command line
# --------------------------------------------------------------------------


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    outdir: Path
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    peak_mb: float = 0.0
    files: list[Path] = field(default_factory=list)
    #: What each format's reader saw, once the outputs were checked.
    seen: dict[str, str] = field(default_factory=dict)

    def output(self, stem: str, fmt: str) -> bytes:
        return (self.outdir / f"{stem}{SUFFIX[fmt]}").read_bytes()


def _outputs(outdir: Path) -> list[Path]:
    """Every file written to OUTDIR, hidden ones (temporaries) included,
    except the batch manifest."""
    if not outdir.exists():
        return []
    return sorted(p for p in outdir.rglob("*") if p.is_file() and p.name != ".cableconv-manifest")


def cli(args: list[str], outdir: Path) -> Run:
    """``cableconv ARGS`` in this process; a traceback fails the test by itself."""
    out, err = io.StringIO(), io.StringIO()
    t0 = time.perf_counter()
    code = run(args, out, err)
    result = Run(code, out.getvalue(), err.getvalue(), outdir, time.perf_counter() - t0)
    result.files = _outputs(outdir)
    return result


def convert(inputs: Iterable[Path | str], tmp: Path, *extra: str) -> Run:
    outdir = tmp / "out"
    args = ["convert", *map(str, inputs), "--to", ",".join(TESTED_FORMATS), "-o", str(outdir)]
    return cli([*args, "-j", "1", "--force", *extra], outdir)


# The child's own peak is VmHWM where there is /proc: Linux's ru_maxrss
# keeps, across exec, the resident size of the process that started it (the
# test runner, which other tests may have grown).
_CHILD = """
import re, resource, sys, time
from cableconv.cli import run
t0 = time.perf_counter()
code = run(sys.argv[1:])
own = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
peak = own.ru_maxrss
try:
    with open("/proc/self/status") as f:
        peak = int(re.search(r"VmHWM:\\s*(\\d+)", f.read())[1])
except (OSError, TypeError):
    pass
print(f"@@measure {time.perf_counter() - t0} {own.ru_utime + own.ru_stime} "
      f"{max(peak, kids.ru_maxrss)}", file=sys.stderr)
sys.exit(code)
"""


def cli_bounded(args: list[str], outdir: Path, timeout: float) -> Run:
    """``cableconv ARGS`` in a child process, killed after ``timeout``
    seconds; reports its wall time, CPU time and peak resident memory
    (the largest of the process and of pandoc, its child)."""
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    m = re.search(r"^@@measure (\S+) (\S+) (\d+)$", proc.stderr, re.MULTILINE)
    assert m is not None, f"the child did not finish normally:\n{proc.stderr[-3000:]}"
    result = Run(proc.returncode, proc.stdout, proc.stderr, outdir)
    result.seconds, result.cpu_seconds = float(m[1]), float(m[2])
    result.peak_mb = int(m[3]) / 1024
    result.files = _outputs(outdir)
    return result


# --------------------------------------------------------------------------
# the two endings
# --------------------------------------------------------------------------


def assert_refused(result: Run, *fragments: str) -> None:
    """Exit 1, a diagnostic holding each fragment, and no output at all."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.code == 1, f"exit {result.code}\n{result.stderr}"
    for fragment in fragments:
        assert fragment in result.stderr, f"{fragment!r} not in:\n{result.stderr}"
    assert not result.files, f"partial output: {result.files}\n{result.stderr}"


#: Pieces of text, in the order of the document: those of the body, then
#: those of the footnotes (outputs put notes in different places).
Pieces = tuple[list[str], list[str]]


def text_pieces(path: Path, options: Options) -> Pieces:
    """Every piece of text of the model (text nodes, names, dates), collapsed."""
    doc = convert_path(path, options).document
    body: list[str] = []
    notes: list[str] = []
    for block, content in iter_inlines(doc):
        sink = notes if isinstance(block, Footnote) else body
        for node in content:
            if isinstance(node, Text | Name | DateText) and node.text.strip():
                sink.append(readers.collapse(node.text))
    return body, notes


def missing_pieces(pieces: list[str], haystack: str) -> list[str]:
    """The pieces not in ``haystack``. Each is looked for after the previous
    one first (outputs keep the order, so a long document costs one pass),
    then anywhere."""
    lost = []
    pos = 0
    for piece in pieces:
        at = haystack.find(piece, pos)
        if at != -1:
            pos = at + len(piece)
        elif piece not in haystack:
            lost.append(piece if len(piece) < 200 else piece[:200] + "…")
    return lost


def only_autolinks(blocks: object) -> bool:
    """Every link is a web address made a link of, its text the address."""
    links: list[dict[str, object]] = []

    def walk(n: object) -> None:
        if isinstance(n, dict):
            if n.get("t") == "Link":
                links.append(n)
            for value in n.values():
                walk(value)
        elif isinstance(n, list):
            for value in n:
                walk(value)

    walk(blocks)
    for link in links:
        _, content, (target, _title) = link["c"]  # type: ignore[misc]
        text = readers.ast_text(content)
        if target.removeprefix("mailto:") not in (text, "http://" + text):
            return False
    return True


def readable_text(fmt: str, data: bytes) -> str:
    """What a reader of ``fmt`` sees, checking on the way that no markup from
    the input became structure."""
    if fmt == "tei":
        assert not readers.tei_unexpected_elements(data)
        return readers.tei_text(data)
    if fmt == "json":
        return readers.json_text(data)
    if fmt == "md":
        # GFM, as GitHub reads it (the front matter is metadata), but for its
        # links made of bare web addresses (see writers/markdown.py)
        tree = readers.markdown_ast(data, "gfm-autolink_bare_uris")
        made = readers.ast_node_types(tree["blocks"]) & readers.MARKDOWN_FORBIDDEN
        if "Link" in made and only_autolinks(tree["blocks"]):
            made.discard("Link")
        assert not made, f"pandoc reads the Markdown as markup: {made}"
        return readers.ast_text(tree["blocks"])
    if fmt == "docx":
        assert not readers.docx_forbidden(data)
        return readers.docx_text(data)
    if fmt == "pdf":
        return readers.pdf_text(data)
    raise AssertionError(f"no reader for {fmt}")


def assert_text_kept(result: Run, stem: str, pieces: Pieces) -> dict[str, str]:
    """Every piece of text, literally, in every output format; returns what
    each format's reader saw."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.code == 0, f"exit {result.code}\n{result.stderr}"
    seen: dict[str, str] = {}
    for fmt in TESTED_FORMATS:
        seen[fmt] = readable_text(fmt, result.output(stem, fmt))
        # a PDF text layer breaks lines anywhere
        squash = readers.squeeze if fmt == "pdf" else readers.collapse
        haystack = squash(seen[fmt])
        for group in pieces:
            lost = missing_pieces([squash(p) for p in group], haystack)
            assert not lost, f"{fmt}: text lost or changed: {lost[:5]}"
    return seen


def assert_converted(path: Path, tmp: Path, *fragments: str, normalize: bool = True) -> Run:
    extra = () if normalize else ("--no-normalize",)
    result = convert([path], tmp, *extra)
    pieces = text_pieces(path, Options(normalize=normalize))
    result.seen = assert_text_kept(result, path.stem, pieces)
    for fragment in fragments:
        assert fragment in result.stderr, f"{fragment!r} not in:\n{result.stderr}"
    return result


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------
# refused
# --------------------------------------------------------------------------

REFUSED: dict[str, tuple[Callable[[Path], Path], tuple[str, ...]]] = {
    "empty file": (lambda d: write(d / "empty.txt", b""), ("CC004", "empty")),
    "whitespace only": (
        lambda d: write(d / "blank.txt", (HOSTILE / "whitespace-only.txt").read_bytes()),
        ("CC004", "empty"),
    ),
    "PNG image": (lambda d: write(d / "scan.png", generate.png_bytes()), ("binary",)),
    "PNG image named .txt": (lambda d: write(d / "scan.txt", generate.png_bytes()), ("binary",)),
    "zip archive": (lambda d: write(d / "upload.txt", generate.zip_bytes()), ("binary",)),
    "NUL bytes": (
        lambda d: write(d / "nul.txt", (HOSTILE / "nul-bytes.txt").read_bytes()),
        ("NUL",),
    ),
    "NUL byte after the first 8 KiB": (
        lambda d: write(d / "late-nul.txt", b"Heading\n\n" + b"x" * 9000 + b"\x00\n"),
        ("NUL", "line 3"),
    ),
    "UTF-32 with a BOM": (
        lambda d: write(d / "utf32.txt", (HOSTILE / "utf32-bom.txt").read_bytes()),
        ("UTF-32",),
    ),
    "UTF-16 with a BOM but odd bytes": (
        lambda d: write(d / "bad16.txt", b"\xff\xfeH\x00i\x00\x00"),
        ("UTF-16",),
    ),
    "control characters": (
        lambda d: write(d / "controls.txt", (HOSTILE / "control-character.txt").read_bytes()),
        ("CC005", "U+0007", "U+001B", "U+000C", ":5:6:"),
    ),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_refused_with_a_diagnostic_and_no_output(case: str, tmp_path: Path) -> None:
    make, fragments = REFUSED[case]
    source = make(tmp_path)
    assert_refused(convert([source], tmp_path), *fragments)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read_whole(tmp_path: Path) -> None:
    from cableconv.batch import convert_one
    from cableconv.inputs import Input

    path = write(tmp_path / "big.txt", b"Heading\n\n" + b"word " * 400)
    options = Options(max_bytes=1000)
    result = convert_one(Input(path, Path("big")), [FORMATS["tei"]], tmp_path / "out", options)
    assert result.status == "failed"
    assert "larger than the limit of 1,000" in result.reason
    assert not _outputs(tmp_path / "out")
    with pytest.raises(UnreadableInput, match="limit"):
        convert_path(path, options)
    assert DEFAULT_MAX_BYTES == 64 * 1024 * 1024


def test_the_size_limit_can_be_raised_or_lowered_on_the_command_line(tmp_path: Path) -> None:
    """The refusal's hint says ``--max-bytes``; the option must exist."""
    path = write(tmp_path / "big.txt", b"Heading\n\n" + b"word " * 400)
    result = convert([path], tmp_path, "--max-bytes", "1000")
    assert_refused(result, "larger than the limit of 1,000")


# --------------------------------------------------------------------------
# converted, every character kept
# --------------------------------------------------------------------------


def test_invalid_utf8_mid_document_is_read_and_the_place_named(tmp_path: Path) -> None:
    path = HOSTILE / "invalid-utf8.txt"
    result = assert_converted(path, tmp_path, "CC002", "invalid-utf8.txt:7:27", "byte 0xe9")
    text = readers.tei_text(result.output("invalid-utf8", "tei"))
    # the valid UTF-8 around the bad bytes is kept as it was, not re-read as mojibake
    assert "Attaché" in text and "“no”—twice" in text and "Martínez" in text


def test_characters_no_bundled_font_has_reach_the_pdf_text_layer(tmp_path: Path) -> None:
    """An emoji or a Chinese name has no glyph in the fonts typst is given;
    the PDF may show a box, but its text must still hold the character (or
    the conversion must say it could not)."""
    if "pdf" not in TESTED_FORMATS:
        pytest.fail("the PDF writer is not registered")
    path = write(tmp_path / "glyphs.txt", "Heading\n\nA 😀 B 中文 C\n".encode())
    result = convert([path], tmp_path, "--to", "pdf")
    assert result.code == 0, result.stderr
    text = readers.pdf_text(result.output("glyphs", "pdf"))
    assert ("😀" in text and "中文" in text) or "CC4" in result.stderr, repr(text)


@pytest.mark.parametrize("name", ["utf16-bom.txt", "utf16-be-bom.txt"])
def test_utf16_with_a_bom_is_read(name: str, tmp_path: Path) -> None:
    result = assert_converted(HOSTILE / name, tmp_path, "CC001")
    assert "Москва" in readers.tei_text(result.output(Path(name).stem, "tei"))


def test_a_marker_without_a_note_stays_text(tmp_path: Path) -> None:
    result = assert_converted(HOSTILE / "marker-without-note.txt", tmp_path)
    assert "telegram. 999" in readers.tei_text(result.output("marker-without-note", "tei"))


def test_a_page_marker_never_closed_stays_text(tmp_path: Path) -> None:
    result = assert_converted(HOSTILE / "page-never-closed.txt", tmp_path)
    text = readers.tei_text(result.output("page-never-closed", "tei"))
    assert "runs on [Page 12 and" in text and "[Page 13" in text


def test_nested_and_unbalanced_brackets_and_quotes(tmp_path: Path) -> None:
    assert_converted(HOSTILE / "nested-brackets.txt", tmp_path)


def test_brackets_and_quotes_nested_5000_deep(tmp_path: Path) -> None:
    path = write(tmp_path / "deep.txt", generate.deep_nesting(5000).encode())
    assert_converted(path, tmp_path)


@pytest.mark.parametrize("normalize", [True, False], ids=["normalised", "as-typed"])
def test_metacharacters_everywhere_stay_text(normalize: bool, tmp_path: Path) -> None:
    """Markdown, typst, LaTeX, HTML and XML syntax in the heading, the
    dateline, paragraphs, list items, the signature and the notes, at the
    start, middle and end of lines: text in every output, never code."""
    path = HOSTILE / "metacharacters.txt"
    result = assert_converted(path, tmp_path, normalize=normalize)
    for fmt, seen in result.seen.items():
        for secret in ("root:x:0:0", "/bin/bash", "/usr/sbin/nologin"):
            assert secret not in seen, f"{fmt}: a file was read into the output"
    if "pdf" in TESTED_FORMATS:
        # `#set page(width: 5cm)` and `#set text(fill: red)` ran as typst would change these
        pdf = result.output("metacharacters", "pdf")
        assert readers.pdf_page_sizes(pdf) == {(612.0, 792.0)}
        assert b"/Type /Annot" not in pdf or b"/URI" not in pdf  # no link was made
    if "md" in TESTED_FORMATS:
        md = result.output("metacharacters", "md")
        # CommonMark renderers (GitHub's) too; GFM links a bare http:// address
        # by itself, as it would in any text, which is not markup
        # (the blocks: the front matter is metadata, its values YAML strings)
        for reader in ("commonmark_x", "gfm"):
            made = readers.ast_node_types(readers.markdown_ast(md, reader)["blocks"])
            assert not made & {"RawInline", "RawBlock", "Math", "Code", "Image"}, reader


def test_every_metacharacter_alone_on_a_line(tmp_path: Path) -> None:
    metas = ["#set", "#import", "$", "\\", "*", "_", "<script>", "]]>", "&amp;", "{{", "@"]
    body = "\n\n".join(f"{m}\n\nText {m} inside and at the end {m}" for m in metas)
    path = write(tmp_path / "metas.txt", f"Heading {' '.join(metas)}\n\n{body}\n".encode())
    result = assert_converted(path, tmp_path)
    tei = readers.collapse(readers.tei_text(result.output("metas", "tei")))
    for m in metas:
        assert f"Text {m} inside and at the end {m}" in tei


# --------------------------------------------------------------------------
# file names
# --------------------------------------------------------------------------


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/d\xe9\xff.txt"
    with open(raw, "wb") as fh:  # an impossible date: check has something to report
        fh.write(b"Memorandum\n\nWashington, February 30, 1945.\n\nText of the memorandum.\n")
    result = convert([folder], tmp_path)
    assert "Traceback" not in result.stderr
    assert result.code == 0, result.stderr
    names = sorted(os.fsencode(p.name) for p in result.files)
    assert names == sorted(b"d\xe9\xff" + SUFFIX[f].encode() for f in TESTED_FORMATS)
    tei = readers.tei_tree(result.output(os.fsdecode(b"d\xe9\xff"), "tei"))
    assert "Text of the memorandum." in etree.tostring(tei, method="text", encoding="unicode")
    # the check command reads the same file and reports in every format
    for fmt in ("text", "json", "github", "sarif"):
        checked = cli(["check", str(folder), "--format", fmt], tmp_path / "out")
        assert "Traceback" not in checked.stderr
        assert checked.code == 1 and "CC109" in checked.stdout, f"{fmt}: {checked.stderr}"


@pytest.mark.parametrize("name", ["..txt", "...txt", "..\\..\\evil.txt", "-.txt", " .txt"])
def test_a_file_name_that_looks_like_a_path_writes_inside_outdir(name: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    path = write(folder / name, b"Memorandum\n\nWashington, May 1, 1945.\n\nText.\n")
    result = convert([path], tmp_path)
    assert result.code == 0, result.stderr
    outdir = (tmp_path / "out").resolve()
    assert result.files and all(p.resolve().is_relative_to(outdir) for p in result.files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]


def test_hidden_files_in_an_input_folder_are_skipped(tmp_path: Path) -> None:
    """``..txt`` in a folder is a hidden file (an editor's, or ours): not an input."""
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "..txt", b"Memorandum\n\nText.\n")
    write(folder / "d1.txt", b"Memorandum\n\nText.\n")
    result = convert([folder], tmp_path)
    assert result.code == 0, result.stderr
    assert {p.stem for p in result.files} == {"d1"}


def test_an_input_path_that_climbs_with_dotdot_writes_inside_outdir(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    write(deep / "d1.txt", b"Memorandum\n\nWashington, May 1, 1945.\n\nText.\n")
    climbing = tmp_path / "a" / "b" / ".." / ".." / "a" / "b" / "d1.txt"
    outdir = tmp_path / "x" / "out"
    args = ["convert", str(climbing), "--to", "tei", "-o", str(outdir), "-j", "1"]
    result = cli(args, outdir)
    assert result.code == 0, result.stderr
    assert [p.relative_to(outdir).as_posix() for p in result.files] == ["d1.xml"]


def test_a_symlink_in_an_input_folder_is_not_followed_out_of_it(tmp_path: Path) -> None:
    """A pull request can add ``docs/d1.txt -> /etc/passwd``; the gate must
    not read it (its lines would come back in diagnostics and outputs)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "d1.txt").symlink_to(SECRET_FILE)
    write(folder / "d2.txt", b"Memorandum\n\nWashington, May 1, 1945.\n\nText.\n")
    result = convert([folder], tmp_path)
    assert "root:" not in result.stderr  # the secret's content, not the pytest-of-root path
    assert "outside the input folder" in result.stderr
    leaked = [p for p in result.files if b"root:" in p.read_bytes()]
    assert not leaked, f"a file outside the input folder was converted: {leaked}"


# --------------------------------------------------------------------------
# TEI inputs (read by `cableconv check`)
# --------------------------------------------------------------------------

TEI_INPUTS = ["tei-doctype.xml", "tei-external-entity.xml", "tei-entity-bomb.xml"]


@pytest.mark.parametrize("name", TEI_INPUTS)
def test_a_hostile_tei_input_is_reported_not_expanded(name: str, tmp_path: Path) -> None:
    result = cli_bounded(["check", str(HOSTILE / name)], tmp_path, timeout=60)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.code == 1, result.stderr
    assert result.seconds < 10 and result.peak_mb < 300, (result.seconds, result.peak_mb)
    assert "error" in result.stdout + result.stderr
    assert "root:x:0" not in result.stdout + result.stderr
    assert "haha" not in result.stdout + result.stderr


def _doctype_naming(path: Path) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE TEI SYSTEM "{path}" [\n'
        f'  <!ENTITY % p SYSTEM "{path}">\n  %p;\n]>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>&leak;</TEI>\n'
    ).encode()


def test_a_tei_input_cannot_make_check_read_a_local_file(tmp_path: Path) -> None:
    """What ``check`` says about a TEI file whose DOCTYPE names a local file
    must not depend on that file: the same for a DTD, for garbage and for
    no file at all. (libxml2 reads the external subset and parameter
    entities even with ``load_dtd=False``; only a resolver stops it.)"""
    dtd = write(tmp_path / "real.dtd", b'<!ENTITY leak "LEAKED-CONTENT">\n')
    garbage = write(tmp_path / "garbage.txt", b"root:x:0:0:root:/root:/bin/bash\n")
    missing = tmp_path / "missing.dtd"
    said = {}
    for target in (dtd, garbage, missing):
        tei = write(tmp_path / f"via-{target.stem}.xml", _doctype_naming(target))
        result = cli(["check", str(tei), "--format", "json"], tmp_path / "out")
        assert "LEAKED-CONTENT" not in result.stdout
        report = json.loads(result.stdout)
        said[target.stem] = sorted(
            (d["code"], d["message"]) for f in report["files"] for d in f["diagnostics"]
        )
    assert said["real"] == said["garbage"] == said["missing"], said


_PARSE_CALLS = ("fromstring", "parse", "XML", "iterparse", "fromstringlist")


def _parser_problems(node: ast.Call) -> list[str]:
    """What is unsafe in one ``XMLParser(...)`` call."""
    kw = {k.arg: k.value for k in node.keywords}
    problems = []
    for key, want in (("resolve_entities", False), ("no_network", True)):
        value = kw.get(key)
        if not (isinstance(value, ast.Constant) and value.value is want):
            problems.append(f"XMLParser without {key}={want}")
    load = kw.get("load_dtd")
    if isinstance(load, ast.Constant) and load.value is True:
        problems.append("XMLParser with load_dtd=True")
    if "huge_tree" not in kw:
        problems.append("XMLParser without an explicit huge_tree policy")
    return problems


def _uses_default_parser(node: ast.Call) -> bool:
    """``etree.parse(x)``, ``etree.fromstring(x)``...: lxml's default parser."""
    func = node.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr in _PARSE_CALLS
        and getattr(func.value, "id", "") == "etree"
        and len(node.args) < 2
        and not any(k.arg == "parser" for k in node.keywords)
    )


def _parser_calls() -> list[tuple[str, int, str]]:
    """Every unsafe ``XMLParser(...)`` and every XML parse with the default
    parser in the package, as (file, line, problem)."""
    problems: list[tuple[str, int, str]] = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            where = (path.relative_to(SRC).as_posix(), node.lineno)
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "XMLParser":
                problems.extend((*where, p) for p in _parser_problems(node))
            elif _uses_default_parser(node):
                problems.append((*where, f"etree.{name} with lxml's default parser"))
    return problems


def test_every_xml_parser_in_the_package_is_safe() -> None:
    """Whatever XML cableconv reads (TEI inputs, its own schemas, pandoc's
    DOCX parts) goes through a parser that resolves no entity, loads no DTD,
    touches no network, and says how big a tree it accepts."""
    assert _parser_calls() == []


# --------------------------------------------------------------------------
# big inputs: bounded time and memory
# --------------------------------------------------------------------------


def _model_words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text))


def tei_words(data: bytes) -> Counter[str]:
    """The words of a TEI body, with each page break read as ``Page n`` and
    each note's number counted twice (its marker and its place in the list)."""
    body = readers.tei_tree(data).find(f"{readers.TEI}text/{readers.TEI}body")
    assert body is not None
    words: Counter[str] = Counter()
    for el in body.iter():
        local = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if local == "pb":
            words.update(["Page", el.get("n", "")])
        elif local == "note" and el.get("n"):
            words.update([el.get("n", "")] * 2)
        words.update(_model_words(el.text or ""))
        words.update(_model_words(el.tail or ""))
    return words


@pytest.mark.slow
def test_a_20_mb_transcription_converts_to_tei_in_bounded_time_and_memory(
    tmp_path: Path,
) -> None:
    text = generate.big_transcription(20 * 1024 * 1024)
    path = write(tmp_path / "volume.txt", text.encode("utf-8"))
    assert path.stat().st_size < DEFAULT_MAX_BYTES
    outdir = tmp_path / "out"
    args = ["convert", str(path), "--to", "tei", "-o", str(outdir), "-j", "1", "-q"]
    # the bound is on CPU time (below); the wall-clock limit only stops a hang,
    # and on a machine shared with other work a 100 s run is not one
    result = cli_bounded(args, outdir, timeout=600)
    assert "Traceback" not in result.stderr
    assert result.code == 0, result.stderr[-2000:]
    print(f"20 MB -> TEI: {result.seconds:.1f} s wall, {result.cpu_seconds:.1f} s CPU, "
          f"peak {result.peak_mb:.0f} MB")  # fmt: skip
    assert result.cpu_seconds < 30, result.cpu_seconds
    assert result.peak_mb < 1024, result.peak_mb
    missing = _model_words(text) - tei_words((outdir / "volume.xml").read_bytes())
    assert not missing, f"words lost: {list(missing.items())[:10]}"


@pytest.mark.slow
def test_a_single_1_mb_line_in_every_format(tmp_path: Path) -> None:
    path = write(tmp_path / "line.txt", generate.long_line(1024 * 1024).encode("utf-8"))
    outdir = tmp_path / "out"
    args = ["convert", str(path), "--to", ",".join(TESTED_FORMATS), "-o", str(outdir), "-j", "1"]
    result = cli_bounded(args, outdir, timeout=300)
    print(f"1 MB line -> {','.join(TESTED_FORMATS)}: {result.seconds:.1f} s, "
          f"peak {result.peak_mb:.0f} MB")  # fmt: skip
    assert result.peak_mb < 1024
    assert_text_kept(result, "line", text_pieces(path, Options()))


@pytest.mark.slow
def test_10000_footnotes_in_every_format(tmp_path: Path) -> None:
    n = 10_000
    path = write(tmp_path / "notes.txt", generate.many_footnotes(n).encode("utf-8"))
    outdir = tmp_path / "out"
    args = ["convert", str(path), "--to", ",".join(TESTED_FORMATS), "-o", str(outdir), "-j", "1"]
    result = cli_bounded(args, outdir, timeout=300)
    print(f"10,000 notes -> {','.join(TESTED_FORMATS)}: {result.seconds:.1f} s, "
          f"peak {result.peak_mb:.0f} MB")  # fmt: skip
    assert result.peak_mb < 1024
    seen = assert_text_kept(result, "notes", text_pieces(path, Options()))
    tei = readers.tei_tree(result.output("notes", "tei"))
    assert len(tei.findall(f".//{readers.TEI}note")) == n
    if "json" in TESTED_FORMATS:
        assert len(json.loads(result.output("notes", "json"))["footnotes"]) == n
    if "md" in TESTED_FORMATS:
        tree = readers.markdown_ast(result.output("notes", "md"))
        assert json.dumps(tree).count('"t": "Note"') == n
    if "docx" in TESTED_FORMATS:
        notes = readers.docx_parts(result.output("notes", "docx"))["word/footnotes.xml"]
        real = [f for f in notes if f.get(f"{readers.W}type") is None]
        assert len(real) == n
    if "pdf" in TESTED_FORMATS:
        assert "Telegram 9999, not printed." in seen["pdf"]


# --------------------------------------------------------------------------
# linear cost
# --------------------------------------------------------------------------

#: Inputs that made a regular expression or a loop cost the square of their
#: size (or worse) somewhere in the pipeline; 100 KB of each must convert to
#: TEI in a few seconds. The name says where the cost was.
QUADRATIC_BAIT: dict[str, Callable[[int], str]] = {
    "note line with a long run of blanks (notes.markers)": lambda n: (
        f"Heading\n\nText. 1\n\n 1. a{chr(9) * n}b\n"
    ),
    "line of figures that is not a figure column (parse.roles)": lambda n: (
        "Heading\n\nPoods\nTotal " + "100, " * (n // 5) + "00\na 1, 000\nb 2, 000\n"
    ),
    "notes numbered by page, 1 repeated (notes.markers)": lambda n: (
        "Heading\n\n" + "Text. 1 " * (n // 8) + "\n\n" + "  1. Note.\n" * (n // 400)
    ),
    "duplicate note numbers (writers.tei ids)": lambda n: (
        "Heading\n\nText 1\n\n" + "  1. note\n" * (n // 10)
    ),
    "a marker on every word of a long line (parse.structure)": lambda n: (
        "[Telegram] 1"
        + "".join(f" w {k}" for k in range(2, n // 8))
        + "\n\nHeading\n\n"
        + "".join(f"  {k}. N.\n" for k in range(1, n // 8))
    ),
    "signature then many page breaks (writers.tei)": lambda n: (
        "Heading\n\nText.\n\nHarriman\n\n" + "[Page 1]\n\n" * (n // 10)
    ),
    "blanks inside a line (normalize.whitespace)": lambda n: f"Heading\n\na{' ' * n}b\n",
    "no-break spaces inside a line (normalize.whitespace)": lambda n: (
        f"Heading\n\na{chr(0xA0) * n}b\n"
    ),
    "straight double quotes (normalize.quotes)": lambda n: "Heading\n\n" + '"' * n + "\n",
    "straight single quotes (normalize.quotes)": lambda n: "Heading\n\n" + "'" * n + "\n",
    "mojibake on one long line (normalize.encoding)": lambda n: (
        "Heading\n\n" + "AttachÃ© " * (n // 9) + "\n"
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("bait", list(QUADRATIC_BAIT))
def test_cost_is_linear_in_the_input(bait: str, tmp_path: Path) -> None:
    text = QUADRATIC_BAIT[bait](100_000)
    path = write(tmp_path / "bait.txt", text.encode("utf-8"))
    outdir = tmp_path / "out"
    args = ["convert", str(path), "--to", "tei", "-o", str(outdir), "-j", "1", "-q"]
    try:
        result = cli_bounded(args, outdir, timeout=15)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{bait}: 200 KB took more than 15 s to convert")
    assert "Traceback" not in result.stderr
    assert result.code == 0, result.stderr[-2000:]
    assert result.cpu_seconds < 5, f"{bait}: {result.cpu_seconds:.1f} s of CPU for 100 KB"


#: The same for ``cableconv check``, whose rules read the text again.
CHECK_BAIT: dict[str, Callable[[int], str]] = {
    "a source line of file-number subdivisions (checks.filenumbers)": lambda n: (
        "File No. 123" + ".AB" * (n // 3) + "\n\nHeading\n\nText.\n"
    ),
    "page markers never closed on one line (checks.pages)": lambda n: (
        "Heading\n\n" + "[Page 1 " * (n // 8) + "\n"
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("bait", list(CHECK_BAIT))
def test_check_cost_is_linear_in_the_input(bait: str, tmp_path: Path) -> None:
    path = write(tmp_path / "bait.txt", CHECK_BAIT[bait](100_000).encode("utf-8"))
    try:
        result = cli_bounded(["check", str(path), "--format", "json"], tmp_path, timeout=15)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{bait}: checking 100 KB took more than 15 s")
    assert "Traceback" not in result.stderr
    assert result.code in (0, 1), result.stderr[-2000:]
    assert result.cpu_seconds < 5, f"{bait}: {result.cpu_seconds:.1f} s of CPU for 100 KB"
