"""``cableconv convert INPUT... --to tei,json -o OUTDIR``.

An input is a transcription, or a FRUS TEI file (``*.xml``), whose documents
are converted one by one (:mod:`cableconv.readers.tei_input`).

Exit status: see :data:`EXIT_STATUS` (also in ``--help``).
"""

from __future__ import annotations

import argparse
import signal
import time
from pathlib import Path
from typing import Any, TextIO

from cableconv.batch import Batch, DocResult, default_jobs
from cableconv.commands.args import (
    add_cluster,
    add_settings,
    cluster_error,
    cluster_missing,
    shown,
)
from cableconv.diagnostics import sort_diagnostics
from cableconv.inputs import InputProblem, expand_inputs
from cableconv.interrupts import described, interruptible
from cableconv.options import Options
from cableconv.outdir import preflight
from cableconv.progress import Progress, mode_for
from cableconv.readers import is_tei
from cableconv.runreport import Tally, build_report, summary_line, write_report
from cableconv.writers import FORMATS, parse_formats

#: How many failed inputs the end-of-run list names (all are in --report).
LIST_FAILURES = 20

EXIT_STATUS = """exit status:
  0    every input converted, or up to date
  1    an input failed (unreadable, not text, empty, a writer failed), or an
       argument or an entry of a folder was refused (not found, not a regular
       file, out of reach); the others are converted
  2    usage error, no input found, or OUTDIR cannot take outputs (nothing done)
  3    the batch could not go on: OUTDIR is full (CC522), or the Dask cluster
       of --cluster was lost (the finished documents are recorded: the same
       command resumes)
  130  interrupted by Ctrl-C (SIGINT); 143 by SIGTERM: finished outputs are
       kept, --report says what was done, the next run converts the rest"""


class _EpilogAsIs(argparse.HelpFormatter):
    """Descriptions wrapped as usual; the exit-status table kept as laid out."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("exit status:"):
            return text
        return super()._fill_text(text, width, indent)


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
        epilog=EXIT_STATUS,
        formatter_class=_EpilogAsIs,
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="a transcription (.txt), a folder (its *.txt, in any case, recursively), "
        "a glob pattern, or a FRUS TEI file (.xml)",
    )
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
    with interruptible():
        try:
            return _convert(args, options, err)
        except KeyboardInterrupt as exc:  # before the batch started or as it ended
            stop = described(exc)
            err.write(f"cableconv convert: interrupted by {stop.name}\n")
            return stop.exit_code


def _convert(args: argparse.Namespace, options: Options, err: TextIO) -> int:
    t0 = time.perf_counter()
    started = time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime())
    try:
        formats = parse_formats(args.to)
    except ValueError as exc:
        err.write(f"cableconv convert: error: {exc}\n")
        return 2
    if missing := cluster_missing(args):
        err.write(f"cableconv convert: error: {missing}\n")
        return 2
    outdir = Path(args.output)
    # Never take the outputs of an earlier run (OUTDIR inside an input folder) as inputs.
    items, problems = expand_inputs(args.inputs, skip_dirs=(outdir,))
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
    unusable = preflight(outdir)
    if unusable:  # said once, before any document is rendered
        err.write(f"cableconv convert: error: -o {args.output}: {unusable}\n")
        return 2

    def report(results: list[DocResult], state: str) -> dict[str, Any]:
        return build_report(
            results,
            elapsed=time.perf_counter() - t0,
            formats=[f.name for f in formats],
            outdir=outdir,
            jobs=batch.used_jobs,
            options=options.fingerprint(),
            problems=problems,
            started=started,
            state=state,
        )

    progress = Progress(err, mode_for(err, args.quiet))
    verbose: bool = args.verbose

    def show(r: DocResult) -> None:
        for d in sort_diagnostics(r.diagnostics):
            if shown(d.level, args):
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
        outdir,
        options,
        jobs=args.jobs or default_jobs(),
        force=args.force,
        on_result=show,
        on_done=lambda r: progress.advance(r.status == "failed"),
        on_plan=planned,
        cluster=args.cluster,
    )
    if args.report:  # no older report may stand claiming outputs this run is replacing
        try:
            write_report(Path(args.report), report([], "running"))
        except OSError as exc:
            err.write(f"cableconv convert: error: cannot write the report: {exc}\n")
            return 2
    try:
        results = batch.run(items)  # an interrupt ends it with the results so far
    except Exception as exc:
        if not (message := cluster_error(args, exc)):
            raise
        progress.finish()
        err.write(f"cableconv convert: {message}\n")
        return 3
    progress.finish()
    elapsed = time.perf_counter() - t0

    tally = Tally.of(results, len(problems))
    failed = [r for r in results if r.status == "failed"]
    for r in failed[:LIST_FAILURES]:
        err.write(f"failed: {r.input.path}: {r.reason}\n")
    if len(failed) > LIST_FAILURES:
        err.write(f"failed: ... and {len(failed) - LIST_FAILURES} more\n")
    if batch.manifest_unread:
        err.write(f"cableconv convert: warning CC520: {batch.manifest_unread}\n")
    if batch.manifest_problem:
        err.write(f"cableconv convert: warning CC521: {batch.manifest_problem}\n")
    if batch.interrupted:
        err.write(
            f"cableconv convert: interrupted by {batch.interrupted}; finished outputs are "
            "kept, the next run converts the rest\n"
        )
    if batch.halted:
        err.write(
            f"cableconv convert: error CC522: {batch.halted}; stopped, "
            f"{tally.interrupted} not converted: make room and run the same command again, "
            "it converts the rest\n"
        )
    if not args.quiet or batch.interrupted or batch.halted:
        err.write(summary_line(tally, elapsed) + "\n")
    code = 0 if tally.ok else 1
    if batch.interrupted:
        code = 128 + signal.Signals[batch.interrupted].value
    elif batch.halted:
        code = 3
    if args.report:
        state = "completed"
        if batch.interrupted:
            state = f"interrupted by {batch.interrupted}"
        elif batch.halted:
            state = f"stopped: {batch.halted}"
        try:
            write_report(Path(args.report), report(results, state))
        except OSError as exc:
            err.write(f"cableconv convert: error: cannot write the report: {exc}\n")
            return code or 1
    return code


def _document_line(r: DocResult) -> str:
    ms = sum(r.seconds.values()) * 1000
    if r.status == "skipped":
        return f"{r.input.path}: skipped, up to date"
    if r.status == "failed":
        return f"{r.input.path}: failed: {r.reason}"
    return f"{r.input.path}: converted to {', '.join(r.written)} in {ms:.0f} ms"
