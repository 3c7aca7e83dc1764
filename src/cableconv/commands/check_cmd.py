"""``cableconv check INPUT... [--format text|json|github|sarif] [--strict] [--output FILE]``.

Inputs are transcriptions (``*.txt``), folders of them (``*.txt`` and ``*.xml``
in any case, recursively) or TEI files cableconv wrote (``*.xml``). An input
that cannot be found or reached, or is not a regular file, is reported with
its reason (CC006-CC009), in the report as in stderr. Every layer runs on
every input and every problem is reported, in one process (the schemas are
compiled once). Exit status: 0 no errors; 1 errors (with ``--strict``,
warnings too); 2 a usage error, or an input that cannot be found or read.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from cableconv.atomic import write_atomic
from cableconv.commands.args import add_settings
from cableconv.diagnostics import CODES, Diagnostic, sort_diagnostics
from cableconv.inputs import InputProblem, expand_inputs
from cableconv.options import Options
from cableconv.pipeline import convert_source, read_source
from cableconv.report import FORMATS, FileReport, Summary, render
from cableconv.source import DEFAULT_MAX_BYTES, UnreadableInput, read_bytes

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
TEI_SUFFIXES = (".xml", ".tei")


def register(sub: Any) -> None:
    p = sub.add_parser(
        "check",
        help="check transcriptions (and TEI files) and report every problem",
        description="Check transcriptions, folders of them (*.txt and *.xml) or TEI files "
        "written by cableconv: transcription rules, the document model against its JSON "
        "Schema, the TEI against cableconv's RelaxNG and Schematron and the FRUS schema. "
        "Positions point into the transcription. Exit 0: no errors; 1: errors (warnings "
        "too with --strict); 2: usage error or an input that cannot be read.",
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT")
    p.add_argument("--format", choices=FORMATS, default="text", help="default: text")
    p.add_argument("--strict", action="store_true", help="warnings fail the check too")
    p.add_argument("--output", metavar="FILE", help="write the report to FILE, not stdout")
    p.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODES",
        help="comma-separated codes to leave out (repeatable), e.g. CC112,CC113",
    )
    add_settings(
        p,
        "disabled_fixes",
        "max_bytes",
        help={"disabled_fixes": "check as `convert --no-fix NAME` would convert (repeatable)"},
    )
    p.add_argument("--list-codes", action="store_true", help="print the table of codes and exit")
    p.set_defaults(handler=run_check)


def _codes_table() -> str:
    width = max(len(level) for level, _ in CODES.values())
    return "".join(f"{code}  {level:<{width}}  {text}\n" for code, (level, text) in CODES.items())


def find_inputs(args: list[str]) -> tuple[list[Path], list[InputProblem]]:
    """Transcriptions and TEI files named by ``args``, each once, in order."""
    found, problems = expand_inputs(args, (".txt", *TEI_SUFFIXES))
    seen: set[str] = set()
    paths: list[Path] = []
    for item in found:
        key = os.path.realpath(item.path)
        if key not in seen:
            seen.add(key)
            paths.append(item.path)
    return paths, problems


def check_transcription(path: Path, options: Options, ignore: set[str]) -> FileReport:
    from cableconv.checks import check_converted  # heavy: loaded only when checking

    name = str(path)
    try:
        source = read_source(path, options)
    except UnreadableInput as exc:
        return _unreadable(name, exc)
    try:
        converted = convert_source(source, options, stem=path.stem)
    except Exception as exc:  # the parser never raises; if it did, go on with the others
        diag = Diagnostic(
            "CC399",
            f"internal error while parsing: {type(exc).__name__}: {exc}",
            None,
            hint="this is a cableconv bug; please report it with the transcription",
            file=name,
        )
        return FileReport(name, "transcription", [diag])
    diags = check_converted(converted)
    return FileReport(name, "transcription", _kept(diags, ignore))


def check_tei(path: Path, ignore: set[str], max_bytes: int = DEFAULT_MAX_BYTES) -> FileReport:
    from cableconv.validate import validate_tei_file

    name = str(path)
    try:
        data = read_bytes(path, max_bytes).data
    except UnreadableInput as exc:
        return _unreadable(name, exc)
    # the XML parser gives lines, so these diagnostics know their place already
    diags = sort_diagnostics(d.located(name) for d in validate_tei_file(data))
    return FileReport(name, "tei", _kept(diags, ignore))


def _unreadable(name: str, exc: UnreadableInput) -> FileReport:
    return FileReport(name, "unreadable", [exc.diagnostic(name)])


def _kept(diags: Iterable[Diagnostic], ignore: set[str]) -> list[Diagnostic]:
    return [d for d in diags if d.code not in ignore]


def check_paths(
    paths: list[Path],
    options: Options | None = None,
    ignore: Iterable[str] = (),
    progress: Callable[[FileReport], None] | None = None,
) -> list[FileReport]:
    """Check every path in this process; schemas are compiled once, up front."""
    from cableconv.validate import warm_up

    options = options if options is not None else Options()
    warm_up()
    off = set(ignore)
    reports: list[FileReport] = []
    for path in paths:
        if path.suffix.lower() in TEI_SUFFIXES:
            report = check_tei(path, off, options.max_bytes)
        else:
            report = check_transcription(path, options, off)
        reports.append(report)
        if progress is not None:
            progress(report)
    return reports


def exit_code(reports: list[FileReport], strict: bool) -> int:
    if any(r.kind in ("unreadable", "refused") for r in reports):
        return EXIT_USAGE
    summary = Summary.of(reports)
    if summary.errors or (strict and summary.warnings):
        return EXIT_FAILED
    return EXIT_OK


def run_check(args: argparse.Namespace, options: Options, out: TextIO, err: TextIO) -> int:
    if args.list_codes:
        out.write(_codes_table())
        return EXIT_OK
    if not args.inputs:
        err.write("cableconv check: error: give at least one INPUT (file or folder)\n")
        return EXIT_USAGE
    ignore = {c.strip().upper() for arg in args.ignore for c in arg.split(",") if c.strip()}
    unknown = sorted(c for c in ignore if c not in CODES)
    if unknown:
        err.write(
            f"cableconv check: error: unknown code(s) {', '.join(unknown)} "
            "(see cableconv check --list-codes)\n"
        )
        return EXIT_USAGE
    paths, problems = find_inputs(args.inputs)
    for p in problems:
        err.write(p.format() + "\n")
    if not paths and not problems:
        err.write("cableconv check: error: no transcription or TEI file found\n")
        return EXIT_USAGE
    # A refused input is in the report too, so a gate reading JSON or SARIF sees it.
    reports = [FileReport(p.arg, "refused", [p.diagnostic()]) for p in problems]
    reports += check_paths(paths, options, ignore)
    text = render(reports, args.format)
    if args.output:
        try:
            write_atomic(Path(args.output), text.encode("utf-8"))
        except OSError as exc:
            err.write(f"cableconv check: error: cannot write {args.output}: {exc.strerror}\n")
            return EXIT_USAGE
        out.write(Summary.of(reports).line() + "\n")
    else:
        out.write(text)
    return exit_code(reports, args.strict)
