"""``cableconv convert INPUT... --to tei,json -o OUTDIR``.

An input is a transcription, or a FRUS TEI file (``*.xml``), whose documents
are converted one by one (:mod:`cableconv.readers.tei_input`).

Exit status: 0 when every input was converted (or was up to date), 1 when an
input failed (unreadable, not text, empty, a writer failed) or an argument
named nothing, 2 for a usage error or when no input was found at all, 3 when
the Dask cluster of ``--cluster`` could not go on (the finished documents
are recorded: the same command resumes).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any, TextIO

from cableconv.batch import Batch, DocResult, default_jobs
from cableconv.commands.args import add_cluster, add_settings, cluster_error, cluster_missing
from cableconv.diagnostics import sort_diagnostics
from cableconv.inputs import InputProblem, expand_inputs
from cableconv.options import Options
from cableconv.progress import Progress, mode_for
from cableconv.readers import is_tei
from cableconv.writers import FORMATS, parse_formats

#: How many failed inputs the end-of-run list names (all are in --report).
LIST_FAILURES = 20


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 (all CPUs) or more")
    return value


def register(sub: Any) -> None:
    p = sub.add_parser(
        "convert",
        help="convert transcriptions to TEI, JSON and other formats",
        description="Convert transcriptions (files, folders of *.txt, globs) into OUTDIR. "
        "A FRUS TEI file (*.xml: a volume, or one document) gives one output per document, "
        "named after its xml:id. Inputs whose outputs are up to date are skipped (see --force).",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument(
        "--to",
        default="tei",
        metavar="FORMATS",
        help=f"comma-separated formats: {','.join(FORMATS)} (default: tei)",
    )
    p.add_argument("-o", "--output", default="out", metavar="OUTDIR", help="default: out")
    add_settings(p, "normalize", "changes_log", "disabled_fixes")
    p.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="worker processes (default 0: one per CPU; small batches run in one process)",
    )
    p.add_argument(
        "--force", action="store_true", help="convert every input, even if its outputs are current"
    )
    p.add_argument(
        "--report", metavar="FILE", help="write a JSON report: per input status, outputs, timings"
    )
    noise = p.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print only failures and errors")
    noise.add_argument(
        "-v", "--verbose", action="store_true", help="also print each document and info notes"
    )
    add_settings(p, "paper", "pdf_standards", "max_bytes")
    add_cluster(p)
    p.set_defaults(handler=run_convert)


def run_convert(args: argparse.Namespace, options: Options, out: TextIO, err: TextIO) -> int:
    t0 = time.perf_counter()
    started = time.time()
    try:
        formats = parse_formats(args.to)
    except ValueError as exc:
        err.write(f"cableconv convert: error: {exc}\n")
        return 2
    if missing := cluster_missing(args):
        err.write(f"cableconv convert: error: {missing}\n")
        return 2
    # Never take the outputs of an earlier run (OUTDIR inside an input folder) as inputs.
    items, problems = expand_inputs(args.inputs, skip_dirs=(Path(args.output),))
    refused: list[InputProblem] = []
    if any(is_tei(item.path) for item in items):  # a TEI volume: one input per document
        from cableconv.readers.tei_input import expand

        items, refused = expand(items, options)
        problems += refused
    for problem in problems:
        err.write(problem.format() + "\n")
    if not items:
        if refused:  # a TEI file was found but cannot be read: an input failed
            return 1
        err.write("cableconv convert: error: no input transcriptions found\n")
        return 2
    progress = Progress(err, mode_for(err, args.quiet))
    verbose: bool = args.verbose

    def show(r: DocResult) -> None:
        for d in sort_diagnostics(r.diagnostics):
            if d.level == "error" or (d.level == "warning" and not args.quiet) or verbose:
                progress.write(d.format())
        if verbose:
            progress.write(_document_line(r))

    def planned(todo: int, skipped: int) -> None:
        if verbose:
            how = f"{batch.used_jobs} worker processes" if batch.used_jobs > 1 else "one process"
            if args.cluster:
                how = f"on the Dask cluster at {args.cluster}"
            progress.write(f"cableconv: {todo} to convert, {skipped} up to date; {how}")
        progress.start(todo)

    batch = Batch(
        formats,
        Path(args.output),
        options,
        jobs=args.jobs or default_jobs(),
        force=args.force,
        on_result=show,
        on_done=lambda r: progress.advance(r.status == "failed"),
        on_plan=planned,
        cluster=args.cluster,
    )
    try:
        results = batch.run(items)
    except KeyboardInterrupt:
        progress.finish()
        err.write("cableconv convert: interrupted; finished outputs are kept\n")
        return 130
    except Exception as exc:
        if not (message := cluster_error(args, exc)):
            raise
        progress.finish()
        err.write(f"cableconv convert: {message}\n")
        return 3
    progress.finish()
    elapsed = time.perf_counter() - t0

    from cableconv.runreport import Tally, build_report, summary_line, write_report

    tally = Tally.of(results)
    failed = [r for r in results if r.status == "failed"]
    for r in failed[:LIST_FAILURES]:
        err.write(f"failed: {r.input.path}: {r.reason}\n")
    if len(failed) > LIST_FAILURES:
        err.write(f"failed: ... and {len(failed) - LIST_FAILURES} more\n")
    if batch.manifest_problem:
        err.write(f"cableconv convert: warning: {batch.manifest_problem}\n")
    if not args.quiet:
        err.write(summary_line(tally, elapsed) + "\n")
    if args.report:
        report = build_report(
            results,
            elapsed=elapsed,
            formats=[f.name for f in formats],
            outdir=Path(args.output),
            jobs=batch.used_jobs,
            options=options.fingerprint(),
            problems=problems,
            started=time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
        )
        try:
            write_report(Path(args.report), report)
        except OSError as exc:
            err.write(f"cableconv convert: error: cannot write the report: {exc}\n")
            return 1
    return 0 if tally.ok and not problems else 1


def _document_line(r: DocResult) -> str:
    ms = sum(r.seconds.values()) * 1000
    if r.status == "skipped":
        return f"{r.input.path}: skipped, up to date"
    if r.status == "failed":
        return f"{r.input.path}: failed: {r.reason}"
    return f"{r.input.path}: converted to {', '.join(r.written)} in {ms:.0f} ms"
