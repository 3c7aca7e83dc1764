"""Read every document's Markdown, DOCX and PDF back through the programs
their readers use, and report what each shows.

    .venv/bin/python scripts/check_outputs.py [DIR_OR_FILE ...] [--jobs N] [--keep OUTDIR]
                                              [--limit N]

For every ``*.txt`` (default: ../shared/corpus/docs) it writes md, docx and
pdf with the default settings and reads them back:

- **md** as GitHub renders it: markdown-it-py (GFM tables, footnotes, front
  matter) and ``cmark-gfm`` (GitHub's own renderer) when installed;
- **docx** through LibreOffice (``soffice --headless --convert-to fodt``,
  LibreOffice's own model of the file as XML), many files per start;
- **pdf** through pypdf (text, footnote links, outline, XMP), PDFium
  (where text is drawn), ``qpdf --check`` and ``pdffonts``.

Per format it counts words of the model missing from what the reader shows
(case-insensitive, each as often as the model has it), footnotes (how many,
with which labels; in LibreOffice, marks shown twice, which happens only to
custom marks), tables, headings and bookmarks, and for the PDF the pages on
which two lines of text overlap, the declared PDF/A profile (XMP
``pdfaid``), qpdf's verdict and fonts not embedded. A consumer that is not
installed is named and its checks skipped. One line per problem, then the
summary; exit status 1 if any document has a problem.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.readback import (  # noqa: E402
    OdfNote,
    _opens,
    cmark_gfm_html,
    gfm_html,
    missing_words,
    model_words,
    note_labels,
    note_refs_in_order,
    notes_in_order,
    overlapping_text,
    pdf_outline,
    read_fodt,
    read_gfm,
    read_pdf,
    soffice_to_fodt,
)

from cableconv.config import ConfigError, from_environment  # noqa: E402
from cableconv.model import (  # noqa: E402
    Attachment,
    Block,
    Document,
    Heading,
    Table,
    iter_inlines,
    plain,
)
from cableconv.options import Options  # noqa: E402
from cableconv.pipeline import convert_path  # noqa: E402
from cableconv.writers import FORMATS  # noqa: E402
from cableconv.writers.docx_notes import plan_notes  # noqa: E402
from cableconv.writers.meta import metadata  # noqa: E402
from cableconv.writers.pdf import drawn  # noqa: E402
from cableconv.writers.printed import printed  # noqa: E402

DEFAULT_DOCS = ROOT.parent / "shared" / "corpus" / "docs"
CHECKED = ("md", "docx", "pdf")
#: LibreOffice converts this many files per start (a start costs seconds).
SOFFICE_BATCH = 150
#: words a PDF draws as a box, for a character no bundled font has (CC403)
FLAGGED_WORDS = "words flagged: a character no font draws (CC403)"


@dataclass
class Expected:
    """What the model says each output must carry."""

    words: Counter[str]
    marks: list[str]
    labels: list[str]
    #: indexes (in text order) of notes Word numbers itself
    numbered: set[int]
    tables: int
    headings: list[str]
    #: backslashes in the model's text (a transcription may print one: ``75\\1000``)
    backslashes: int = 0
    #: per note (in text order), the model's own text right after its
    #: marker and at the start of the note: a mark LibreOffice seems to show
    #: twice is the text's own word there ("a copy", frus1901/d367)
    after: list[str] = field(default_factory=list)
    opening: list[str] = field(default_factory=list)


@dataclass
class Result:
    path: str
    expected: Expected
    #: format -> counter name -> value
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    docx_file: str | None = None
    #: format -> the codes the writer reported
    codes: dict[str, set[str]] = field(default_factory=dict)
    #: where the document's own date was read (``Metadata.dated_by``)
    dated_by: str | None = None

    def count(self, fmt: str, name: str, value: int = 1) -> None:
        self.counts.setdefault(fmt, Counter())[name] += value

    def problem(self, fmt: str, text: str) -> None:
        self.problems.append(f"{fmt}: {text}")

    def flag(self, fmt: str, text: str) -> None:
        """Something the output shows otherwise than the model and the
        writer warned about: reported, not a problem."""
        self.flags.append(f"{fmt}: {text}")


def _all_blocks(blocks: Iterable[Block]) -> Iterable[Block]:
    for b in blocks:
        yield b
        if isinstance(b, Attachment):
            yield from _all_blocks(b.blocks)


def _texts_at_marks(doc: Document) -> tuple[list[str], list[str]]:
    """The text after each marker and each note's opening text, in the
    order of :func:`note_refs_in_order` (a note without a marker: none after)."""
    notes = notes_in_order(doc)
    after = [plain(rest).lstrip() if rest is not None else "" for _, rest in notes]
    return after, [plain(note.content).strip() for note, _ in notes]


def expected_of(doc: Document) -> Expected:
    marks = note_refs_in_order(doc)
    plan = plan_notes(marks)
    after, opening = _texts_at_marks(doc)
    # the headings as print sets them: a sub-enclosure's label is one
    blocks = list(_all_blocks(printed(doc).blocks))
    return Expected(
        words=model_words(doc),
        marks=marks,
        labels=note_labels(doc),
        numbered={k for k in range(len(marks)) if k not in plan.custom},
        tables=sum(1 for b in blocks if isinstance(b, Table) and b.rows and any(b.rows)),
        headings=[
            " ".join(plain(b.content).split())
            for b in blocks
            if isinstance(b, Heading) and plain(b.content).strip()
        ],
        backslashes=sum(plain(content).count("\\") for _, content in iter_inlines(doc)),
        after=after,
        opening=opening,
    )


def _words(result: Result, fmt: str, expected: Counter[str], text: str, marks: Any = ()) -> None:
    lost = missing_words(expected, text, tuple(marks))
    result.count(fmt, "words", sum(expected.values()))
    # A word with a character no bundled font draws is shown as a box (the
    # text layer has no such character), and the writer said so: CC403.
    # It is flagged, not lost; without the writer's CC403 it is lost.
    undrawable = {
        w: k
        for w, k in lost.items()
        if fmt == "pdf" and "CC403" in result.codes.get("pdf", set()) and not all(map(drawn, w))
    }
    if undrawable:
        chars = sorted({f"U+{ord(c):04X}" for w in undrawable for c in w if not drawn(c)})
        result.count(fmt, FLAGGED_WORDS, sum(undrawable.values()))
        result.flag(
            fmt,
            f"{sum(undrawable.values())} word(s) drawn with a box for {', '.join(chars)}, "
            f"which no bundled font draws, as CC403 warned: {', '.join(undrawable)}",
        )
        lost -= Counter(undrawable)
    if lost:
        result.count(fmt, "words lost", sum(lost.values()))
        sample = ", ".join(f"{w}×{k}" if k > 1 else w for w, k in list(lost.items())[:8])
        result.problem(fmt, f"{sum(lost.values())} word(s) missing: {sample}")


def _notes(result: Result, fmt: str, found: list[str], want: list[str]) -> None:
    result.count(fmt, "footnotes", len(want))
    if len(found) != len(want):
        result.count(fmt, "footnotes lost", max(len(want) - len(found), 0))
        result.problem(fmt, f"{len(found)} footnote(s), the model has {len(want)}")
    elif found != want:
        result.count(
            fmt, "labels wrong", sum(1 for a, b in zip(found, want, strict=True) if a != b)
        )
        result.problem(fmt, f"footnote labels {found}, expected {want}")


def _structure(result: Result, fmt: str, name: str, found: int, want: int) -> None:
    result.count(fmt, name, want)
    if found != want:
        result.count(fmt, f"{name} wrong", 1)
        result.problem(fmt, f"{found} {name}, the model has {want}")


def check_md(result: Result, data: bytes, cmark: bool) -> None:
    exp = result.expected
    renderers = [("markdown-it-py", gfm_html(data))]
    if cmark:
        renderers.append(("cmark-gfm", cmark_gfm_html(data)))
    for name, html in renderers:
        fmt = f"md ({name})"
        back = read_gfm(data, html)
        _words(result, fmt, exp.words, back.text)
        if back.text.count("\\") > exp.backslashes:
            result.count(fmt, "markup shown", 1)
            result.problem(fmt, "a backslash shows: markup escaped wrongly")
        _notes(result, fmt, back.labels if back.refs == len(back.notes) else [], exp.labels)
        _structure(result, fmt, "tables", back.tables, exp.tables)
        _structure(result, fmt, "headings", len(back.headings), len(exp.headings))


_FONT_LINE = re.compile(
    r"^(?P<name>\S+)\s+.*?\s(?P<emb>yes|no)\s+(?:yes|no)\s+(?:yes|no)\s+\d+\s+\d+$"
)


def check_pdf(result: Result, data: bytes, path: Path, tools: set[str]) -> None:
    import pypdf

    exp = result.expected
    fmt = "pdf"
    back = read_pdf(data)
    _words(result, fmt, exp.words, back.text, exp.marks)
    # a note printed without a mark has nothing to link from (typst makes no
    # link for an empty mark): its text at the foot of the page is counted
    # with the words, and the notes with a mark by their links
    unmarked = exp.marks.count("")
    if unmarked:
        result.count(fmt, "footnotes printed without a mark", unmarked)
    _notes(result, fmt, [m for m in back.note_marks if m], [m for m in exp.marks if m])
    if unmarked:
        result.count(fmt, "footnotes", unmarked)
    outline = [title for _, title in pdf_outline(data)]
    _structure(result, fmt, "bookmarks", len(outline), len(exp.headings))
    joined = sum(1 for a, b in zip(outline, exp.headings, strict=False) if a.split() != b.split())
    if joined:
        result.count(fmt, "bookmarks unlike the heading", joined)
        result.problem(fmt, f"{joined} bookmark(s) differ from their heading's words")
    overlaps = overlapping_text(data)
    result.count(fmt, "pages", back.pages)
    if overlaps:
        result.count(fmt, "pages with overlapping text", len(overlaps))
        result.problem(fmt, f"text overlaps on page(s) {[p for p, _ in overlaps][:10]}")
    meta = pypdf.PdfReader(io.BytesIO(data)).xmp_metadata
    xmp = meta.stream.get_data().decode("utf-8", "replace") if meta is not None else ""
    part = re.search(r"<pdfaid:part>(\d)</pdfaid:part>", xmp)
    level = re.search(r"<pdfaid:conformance>(\w)</pdfaid:conformance>", xmp)
    codes = result.codes.get("pdf", set())
    if part and level:
        result.count(fmt, f"PDF/A-{part.group(1)}{level.group(1).lower()}")
        result.count(fmt, f"PDF/A dated by: {result.dated_by or 'SOURCE_DATE_EPOCH alone'}")
    elif "CC404" in codes:
        result.count(fmt, "not PDF/A: no date (CC404)")
    elif "CC410" in codes:
        result.count(fmt, "not PDF/A: characters the fonts lack (CC410)")
    else:
        result.count(fmt, "not PDF/A, not said")
        result.problem(fmt, "not PDF/A, and the writer did not say why")
    if "qpdf" in tools:
        check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        if check.returncode != 0:
            result.count(fmt, "qpdf errors")
            result.problem(fmt, f"qpdf --check: {check.stdout.strip().splitlines()[-1:]}")
    if "pdffonts" in tools:
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
        for line in listing.splitlines()[2:]:
            m = _FONT_LINE.match(line.strip())
            if m is not None and m["emb"] == "no":
                result.count(fmt, "fonts not embedded")
                result.problem(fmt, f"font {m['name']} not embedded")


def check_one(path: Path, work: Path, tools: set[str], options: Options) -> Result:
    doc = convert_path(path).document
    result = Result(str(path), expected_of(doc))
    result.dated_by = metadata(doc).dated_by
    stem = f"{path.parent.name}__{path.stem}"
    for name in CHECKED:
        t0 = time.perf_counter()
        try:
            out = FORMATS[name].write(doc, options)
        except Exception as exc:  # one bad document is one line
            result.problem(name, f"not written: {exc}")
            result.count(name, "not written")
            continue
        data = out.data
        result.codes[name] = {d.code for d in out.diagnostics}
        result.seconds[name] = time.perf_counter() - t0
        target = work / name / (stem + FORMATS[name].suffix)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        if name == "md":
            check_md(result, data, "cmark-gfm" in tools)
        elif name == "pdf":
            check_pdf(result, data, target, tools)
        else:
            result.docx_file = str(target)
    return result


# ---- DOCX through LibreOffice ----------------------------------------------


def soffice_convert(files: list[str], out: Path, jobs: int) -> None:
    """Every DOCX to LibreOffice's flat ODT, in batches, ``jobs`` LibreOffice
    processes at a time (each with a profile of its own)."""
    out.mkdir(parents=True, exist_ok=True)
    batches = [files[k : k + SOFFICE_BATCH] for k in range(0, len(files), SOFFICE_BATCH)]
    running: list[subprocess.Popen[bytes]] = []
    for k, batch in enumerate(batches):
        argv, env = soffice_to_fodt(batch, out, out.parent / f"lo-profile-{k % jobs}")
        if len(running) >= jobs:
            running.pop(0).wait()
        running.append(
            subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        )
    for proc in running:
        proc.wait()


def _own_text(exp: Expected, k: int, note: OdfNote) -> bool:
    """Whether the label LibreOffice seems to show again after note ``k``'s
    mark (in the text or in the note) is the model's own text there, shown
    once: frus1901/d367, mark ``a`` then "a copy of …", is not "a a copy"."""
    if k >= len(exp.after):
        return False
    label = note.label
    for model, shown in ((exp.after[k], note.after), (exp.opening[k], note.inside)):
        again = shown[len(label) :].lstrip() if _opens(shown, label) else ""
        if _opens(shown, label) and not (_opens(model, label) and not _opens(again, label)):
            return False
    return True


def check_docx(result: Result, fodt: Path) -> None:
    exp = result.expected
    fmt = "docx (LibreOffice)"
    if not fodt.exists():
        result.problem(fmt, "LibreOffice did not convert it")
        result.count(fmt, "not opened")
        return
    back = read_fodt(fodt)
    _words(result, fmt, exp.words, back.text)
    # a note printed without a mark has a blank one (Word and LibreOffice
    # show nothing): its label is what shows, the blank stripped
    _notes(result, fmt, [n.label.strip() for n in back.notes], exp.marks)
    doubled = [k for k, n in enumerate(back.notes) if n.doubled and not _own_text(exp, k, n)]
    result.count(fmt, "marks shown twice", len(doubled))
    run_on = [k for k in doubled if k in exp.numbered]
    if run_on:
        result.count(fmt, "marks shown twice where labels run on", len(run_on))
        result.problem(fmt, f"{len(run_on)} mark(s) shown twice where Word numbers them")
    _structure(result, fmt, "tables", back.tables, exp.tables)
    _structure(result, fmt, "headings", len(back.headings), len(exp.headings))


# ---- the run ----------------------------------------------------------------


def _inputs(args: list[str], limit: int | None) -> list[Path]:
    paths: list[Path] = []
    for arg in args or [str(DEFAULT_DOCS)]:
        p = Path(arg)
        found = sorted(p.rglob("*.txt")) if p.is_dir() else [p]
        if limit is not None and p.is_dir():
            by_volume: dict[Path, list[Path]] = {}
            for f in found:
                by_volume.setdefault(f.parent, []).append(f)
            found = [f for files in by_volume.values() for f in files[:limit]]
        paths.extend(found)
    return paths


def _available() -> tuple[set[str], list[str]]:
    tools = {t for t in ("cmark-gfm", "soffice", "qpdf", "pdffonts") if shutil.which(t)}
    missing = [t for t in ("cmark-gfm", "soffice", "qpdf", "pdffonts") if t not in tools]
    return tools, missing


def summary(results: list[Result]) -> list[str]:
    totals: dict[str, Counter[str]] = {}
    docs_with: dict[str, int] = Counter()
    for r in results:
        for fmt, counts in r.counts.items():
            totals.setdefault(fmt, Counter()).update(counts)
        for fmt in {p.split(":")[0] for p in r.problems}:
            docs_with[fmt] += 1
    lines = []
    for fmt, c in totals.items():
        parts = [f"{len(results) - docs_with.get(fmt, 0)}/{len(results)} complete"]
        parts.append(f"words lost {c['words lost']} of {c['words']}")
        parts.append(
            f"footnotes lost {c['footnotes lost']} of {c['footnotes']}, "
            f"labels wrong {c['labels wrong']}"
        )
        if c["footnotes printed without a mark"]:
            parts[2] += (
                f" ({c['footnotes printed without a mark']} printed without a mark: "
                "no link to count, their text counted with the words)"
            )
        flagged = c[FLAGGED_WORDS]
        if flagged:
            parts[1] += (
                f"; flagged, not lost: {flagged} drawn as a box for a character no "
                "bundled font draws, as the writer warned (CC403)"
            )
        if fmt.startswith("docx"):
            parts.append(
                f"marks shown twice {c['marks shown twice']} (custom marks only), "
                f"where labels run on {c['marks shown twice where labels run on']}"
            )
        if "tables" in c:
            parts.append(f"tables wrong in {c['tables wrong']} docs ({c['tables']} tables)")
        if "headings" in c:
            parts.append(f"headings wrong in {c['headings wrong']} docs ({c['headings']} headings)")
        if fmt == "pdf":
            parts.append(
                f"bookmarks wrong in {c['bookmarks wrong']} docs ({c['bookmarks']}), "
                f"unlike their heading {c['bookmarks unlike the heading']}"
            )
            parts.append(
                f"pages with overlapping text {c['pages with overlapping text']} of {c['pages']}"
            )
            profiles = {k: v for k, v in c.items() if k.startswith(("PDF/A-", "not PDF/A"))}
            parts.append(", ".join(f"{k} {v}" for k, v in sorted(profiles.items())))
            dated = {
                k.removeprefix("PDF/A dated by: "): v
                for k, v in c.items()
                if k.startswith("PDF/A dated by: ")
            }
            if dated:
                by = ", ".join(f"{k} {v}" for k, v in sorted(dated.items()))
                parts[-1] += f" (dated by {by})"
            parts.append(
                f"qpdf errors {c['qpdf errors']}, fonts not embedded {c['fonts not embedded']}"
            )
        if c["markup shown"]:
            parts.append(f"markup shown in {c['markup shown']} docs")
        if c["not written"]:
            parts.append(f"not written {c['not written']}")
        if c["not opened"]:
            parts.append(f"not opened {c['not opened']}")
        lines.append(f"{fmt}: " + "; ".join(parts))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", help=f"folders or files (default: {DEFAULT_DOCS})")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--keep", type=Path, help="write the outputs into this folder")
    parser.add_argument("--limit", type=int, help="at most N documents per folder")
    args = parser.parse_args(argv)
    paths = _inputs(args.inputs, args.limit)
    if not paths:
        print("check_outputs: no transcriptions found", file=sys.stderr)
        return 2
    # the settings the environment gives, as `cableconv convert` reads them:
    # the Makefile's SOURCE_DATE_EPOCH (the last commit's) among them
    try:
        options = Options(**from_environment(os.environ))
    except ConfigError as exc:
        print(f"check_outputs: {exc}", file=sys.stderr)
        return 2
    tools, missing = _available()
    for tool in missing:
        print(f"check_outputs: {tool} is not installed; its checks are skipped", file=sys.stderr)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cableconv-check-") as tmp:
        work = args.keep or Path(tmp)
        if args.jobs > 1:
            with ProcessPoolExecutor(args.jobs) as pool:
                n = len(paths)
                results = list(
                    pool.map(check_one, paths, [work] * n, [tools] * n, [options] * n, chunksize=8)
                )
        else:
            results = [check_one(p, work, tools, options) for p in paths]
        if "soffice" in tools:
            files = [r.docx_file for r in results if r.docx_file]
            soffice_convert([f for f in files if f], work / "fodt", max(args.jobs, 1))
            for r in results:
                if r.docx_file:
                    check_docx(r, work / "fodt" / (Path(r.docx_file).stem + ".fodt"))
    elapsed = time.perf_counter() - t0
    failed = [r for r in results if r.problems]
    for r in failed:
        for problem in r.problems:
            print(f"{r.path}: {problem}")
    for r in results:
        for flag in r.flags:
            print(f"{r.path}: flagged, {flag}")
    words = sum(sum(r.expected.words.values()) for r in results)
    notes = sum(len(r.expected.marks) for r in results)
    print(
        f"checked {len(results)} documents ({words} words, {notes} footnotes) as md, docx, pdf "
        f"in {elapsed:.0f} s with {args.jobs} job(s); {len(results) - len(failed)} complete, "
        f"{len(failed)} with problems"
    )
    for line in summary(results):
        print("  " + line)
    per_format = {
        name: sum(r.seconds.get(name, 0.0) for r in results) / len(results) * 1000
        for name in CHECKED
    }
    print(
        "  mean write time per document: "
        + ", ".join(f"{k} {v:.1f} ms" for k, v in per_format.items())
    )
    epoch = options.source_date_epoch
    print(
        "  SOURCE_DATE_EPOCH: "
        + (f"{epoch} (dates every PDF and DOCX)" if epoch is not None else "unset")
    )
    if missing:
        print("  not installed, checks skipped: " + ", ".join(missing))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
