"""Check that the Markdown, DOCX and PDF of each transcription carry the whole document.

    .venv/bin/python scripts/check_outputs.py [DIR_OR_FILE ...] [--jobs N] [--keep OUTDIR]

For every ``*.txt`` (default: ../shared/corpus/docs), convert to md, docx and
pdf and read each output back (Markdown through pandoc's reader to plain
text, DOCX with python-docx and its footnotes part, PDF with pypdf):

- no word of the model is missing (words compared case-insensitively, each
  as often as the model has it; page markers count as ``Page`` and the number);
- the number of footnotes equals the model's, and their marks are the
  model's (DOCX and PDF keep the printed marks; Markdown numbers 1, 2, 3).

Prints one line per failing document and totals; exit status 1 if any
document fails. ``--keep`` writes the outputs there for inspection.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from cableconv.options import Options  # noqa: E402
from cableconv.pipeline import convert_path  # noqa: E402
from cableconv.writers import FORMATS  # noqa: E402
from readback import (  # noqa: E402
    missing_words,
    model_words,
    note_refs_in_order,
    read_docx,
    read_markdown,
    read_pdf,
)

DEFAULT_DOCS = ROOT.parent / "shared" / "corpus" / "docs"
CHECKED = ("md", "docx", "pdf")


@dataclass
class Result:
    path: str
    words: int = 0
    notes: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def check_one(path: Path, keep: Path | None = None) -> Result:
    doc = convert_path(path).document
    expected = model_words(doc)
    marks = tuple(note_refs_in_order(doc))
    result = Result(str(path), sum(expected.values()), len(doc.footnotes))
    outputs: dict[str, bytes] = {}
    for name in CHECKED:
        t0 = time.perf_counter()
        try:
            outputs[name] = FORMATS[name].write(doc, Options()).data
        except Exception as exc:  # report and go on: one bad document is one line
            result.problems.append(f"{name}: not written: {exc}")
        result.seconds[name] = time.perf_counter() - t0
        if keep is not None and name in outputs:
            target = keep / path.parent.name / (path.stem + FORMATS[name].suffix)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(outputs[name])

    def report(fmt: str, missing: Counter[str], found_marks: list[str], want: list[str]) -> None:
        if missing:
            sample = ", ".join(f"{w}×{k}" if k > 1 else w for w, k in list(missing.items())[:8])
            result.problems.append(f"{fmt}: {sum(missing.values())} word(s) missing: {sample}")
        if len(found_marks) != len(doc.footnotes):
            result.problems.append(
                f"{fmt}: {len(found_marks)} footnote(s), the model has {len(doc.footnotes)}"
            )
        elif found_marks != want:
            result.problems.append(f"{fmt}: footnote marks {found_marks}, expected {want}")

    if "md" in outputs:
        md = read_markdown(outputs["md"])
        report(
            "md",
            missing_words(expected, md.text),
            md.labels,
            [str(k + 1) for k in range(len(marks))],
        )
    if "docx" in outputs:
        dx = read_docx(outputs["docx"])
        sequential = list(marks) == [str(k + 1) for k in range(len(marks))]
        refs = [str(k + 1) for k in range(len(dx.note_refs))] if sequential else dx.note_refs
        if len(dx.notes) != len(dx.note_refs):
            result.problems.append(f"docx: {len(dx.note_refs)} references, {len(dx.notes)} notes")
        report("docx", missing_words(expected, dx.text), refs, list(marks))
    if "pdf" in outputs:
        pdf = read_pdf(outputs["pdf"])
        report("pdf", missing_words(expected, pdf.text, marks), pdf.note_marks, list(marks))
    return result


def _inputs(args: list[str]) -> list[Path]:
    paths: list[Path] = []
    for arg in args or [str(DEFAULT_DOCS)]:
        p = Path(arg)
        paths.extend(sorted(p.rglob("*.txt")) if p.is_dir() else [p])
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", help=f"folders or files (default: {DEFAULT_DOCS})")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--keep", type=Path, help="also write the outputs into this folder")
    args = parser.parse_args(argv)
    paths = _inputs(args.inputs)
    if not paths:
        print("check_outputs: no transcriptions found", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(check_one, paths, [args.keep] * len(paths), chunksize=8))
    else:
        results = [check_one(p, args.keep) for p in paths]
    elapsed = time.perf_counter() - t0
    failed = [r for r in results if r.problems]
    for r in failed:
        for problem in r.problems:
            print(f"{r.path}: {problem}")
    words = sum(r.words for r in results)
    notes = sum(r.notes for r in results)
    per_format = {
        name: sum(r.seconds.get(name, 0.0) for r in results) / len(results) * 1000
        for name in CHECKED
    }
    timing = ", ".join(f"{name} {ms:.1f} ms" for name, ms in per_format.items())
    print(
        f"checked {len(results)} documents ({words} words, {notes} footnotes) as md, docx, pdf: "
        f"{len(results) - len(failed)} complete, {len(failed)} with problems; "
        f"{elapsed:.1f} s with {args.jobs} job(s); mean write time per document: {timing}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
