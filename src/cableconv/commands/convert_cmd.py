"""``cableconv convert INPUT... --to tei,json -o OUTDIR``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from cableconv.batch import DocResult, run_batch
from cableconv.inputs import expand_inputs
from cableconv.pipeline import Options
from cableconv.writers import parse_formats


def register(sub: Any) -> None:
    p = sub.add_parser(
        "convert",
        help="convert transcriptions to TEI, JSON and other formats",
        description="Convert transcriptions (files, folders of *.txt, globs) into OUTDIR.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--to", default="tei", metavar="FORMATS", help="comma-separated: tei,json")
    p.add_argument("-o", "--output", default="out", metavar="OUTDIR", help="default: out")
    p.add_argument("--no-normalize", action="store_true", help="take the text as it is")
    p.add_argument(
        "--no-fix",
        action="append",
        default=[],
        metavar="NAME",
        help="switch one normalisation fix off (repeatable)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="print only failures")
    p.set_defaults(handler=run_convert)


def run_convert(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        formats = parse_formats(args.to)
    except ValueError as exc:
        err.write(f"cableconv convert: error: {exc}\n")
        return 2
    items, problems = expand_inputs(args.inputs)
    for p in problems:
        err.write(f"{p.arg}: error: {p.message}\n")
    if not items:
        err.write("cableconv convert: error: no input transcriptions found\n")
        return 2
    options = Options(normalize=not args.no_normalize, disabled_fixes=tuple(args.no_fix))

    def report(r: DocResult) -> None:
        for d in r.diagnostics:
            if d.level == "error" or (d.level == "warning" and not args.quiet):
                err.write(d.format() + "\n")

    results = run_batch(items, formats, Path(args.output), options, report)
    failed = [r for r in results if r.status == "failed"]
    if not args.quiet:
        err.write(f"converted {len(results) - len(failed)}, failed {len(failed)}\n")
    return 1 if failed or problems else 0
