"""``cableconv volume VOLUME.toml [--to tei,pdf,docx,epub,md] [-o OUTDIR] [-j N]``.

Builds one file per format, ``OUTDIR/<id>.<suffix>``, from the transcriptions
a VOLUME.toml lists (:mod:`cableconv.volume`). Without ``--to``, every format.

Exit status as for ``convert``: 0 when every document and every format was
written (or was up to date), 1 when a document or a format failed (the
volume is still written, saying where a document is missing), 2 for a usage
error or a VOLUME.toml that does not describe a volume, 3 when the Dask
cluster of ``--cluster`` (which converts the documents) could not go on.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from cableconv.batch import DocResult, default_jobs
from cableconv.commands.args import (
    add_cluster,
    add_settings,
    cluster_error,
    cluster_missing,
    shown,
)
from cableconv.commands.convert_cmd import _jobs
from cableconv.diagnostics import sort_diagnostics
from cableconv.options import Options
from cableconv.progress import Progress, mode_for
from cableconv.readers import is_tei

if TYPE_CHECKING:  # imported where used: `cableconv --help` stays quick
    from cableconv.volume.assemble import Volume
    from cableconv.volume.build import VolumeRun
    from cableconv.volume.formats import VolumeFormat


def register(sub: Any) -> None:
    from cableconv.volume.formats import VOLUME_FORMATS

    p = sub.add_parser(
        "volume",
        help="build a whole volume (TEI, PDF, DOCX, EPUB, Markdown) from a VOLUME.toml",
        description="Convert the transcriptions a VOLUME.toml lists, chapter by chapter, "
        "into one file per format: OUTDIR/<id>.xml, .pdf, .docx, .epub, .md. Documents "
        "convert in parallel and only when changed; an unchanged volume is not rebuilt.",
    )
    p.add_argument(
        "inputs",  # the name cli.run looks for the settings (pyproject.toml) beside
        nargs=1,
        metavar="VOLUME.toml",
        help="the volume's description, or an official FRUS TEI volume (FILE.xml)",
    )
    p.add_argument(
        "--to",
        default=None,
        metavar="FORMATS",
        help=f"comma-separated formats: {','.join(VOLUME_FORMATS)} (default: all)",
    )
    p.add_argument("-o", "--output", default="out", metavar="OUTDIR", help="default: out")
    p.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="worker processes for the documents (default 0: one per CPU)",
    )
    p.add_argument("--force", action="store_true", help="convert and write everything again")
    p.add_argument("--report", metavar="FILE", help="write a JSON report of the build")
    noise = p.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print only failures and errors")
    noise.add_argument("-v", "--verbose", action="store_true", help="also print each document")
    add_settings(p, "normalize", "disabled_fixes", "paper", "pdf_standards", "max_bytes")
    add_cluster(p)
    p.set_defaults(handler=run_volume)


def run_volume(args: argparse.Namespace, options: Options, out: TextIO, err: TextIO) -> int:
    from cableconv.volume.build import VolumeRun, assemble, convert_documents
    from cableconv.volume.formats import parse_volume_formats
    from cableconv.volume.spec import VolumeError, load_spec

    t0 = time.perf_counter()
    try:
        formats = parse_volume_formats(args.to)
        if is_tei(Path(args.inputs[0])):
            return _from_tei(args, formats, options, err, t0)
        spec = load_spec(Path(args.inputs[0]))
    except (ValueError, VolumeError) as exc:
        err.write(f"cableconv volume: error: {exc}\n")
        return 2
    if missing := cluster_missing(args):
        err.write(f"cableconv volume: error: {missing}\n")
        return 2
    outdir = Path(args.output)
    progress = Progress(err, mode_for(err, args.quiet))

    def show(r: DocResult) -> None:
        for d in sort_diagnostics(r.diagnostics):
            if shown(d.level, args):
                progress.write(d.format())

    try:
        results, batch = convert_documents(
            spec,
            outdir,
            options,
            jobs=args.jobs or default_jobs(),
            force=args.force,
            on_result=show,
            on_done=lambda r: progress.advance(r.status == "failed"),
            on_plan=lambda todo, skipped: progress.start(todo),
            cluster=args.cluster,
        )
    except KeyboardInterrupt:
        progress.finish()
        err.write("cableconv volume: interrupted; the documents converted are kept\n")
        return 130
    except Exception as exc:
        if not (message := cluster_error(args, exc)):
            raise
        progress.finish()
        err.write(f"cableconv volume: {message}\n")
        return 3
    progress.finish()
    volume, models = assemble(spec, results, outdir, options)
    run = VolumeRun(volume, results)
    if _write(args, volume, models, formats, outdir, options, run, err) is not None:
        return 130
    elapsed = time.perf_counter() - t0
    failed_docs = [r for r in results if r.status == "failed"]
    if not args.quiet:
        converted = sum(1 for r in results if r.status == "converted")
        current = len(results) - converted - len(failed_docs)
        err.write(
            f"cableconv volume: {spec.id}: {len(results)} documents ({converted} converted, "
            f"{current} up to date, {len(failed_docs)} failed); "
            f"{len(run.written)} formats written, {len(run.current)} up to date, "
            f"{len(run.failed)} failed; {elapsed:.1f} s\n"
        )
    if args.verbose:
        for name, path in run.outputs.items():
            out.write(f"{name}: {path}\n")
    if not _report(args, run, batch.used_jobs, elapsed, options, err):
        return 1
    return 1 if failed_docs or run.failed else 0


def _from_tei(
    args: argparse.Namespace, formats: list[Any], options: Options, err: TextIO, t0: float
) -> int:
    """``cableconv volume FILE.xml``: an official TEI volume to every format."""
    from cableconv.volume.build import VolumeRun
    from cableconv.volume.tei_input import TeiInputError, read_tei_volume

    try:
        volume, models = read_tei_volume(Path(args.inputs[0]), options)
    except TeiInputError as exc:
        err.write(f"cableconv volume: error: {exc}\n")
        return 1
    run = VolumeRun(volume, [])
    if _write(args, volume, models, formats, Path(args.output), options, run, err) is not None:
        return 130
    if not args.quiet:
        err.write(
            f"cableconv volume: {volume.spec.id}: {len(volume.documents)} documents read from "
            f"the TEI; {len(run.written)} formats written, {len(run.current)} up to date, "
            f"{len(run.failed)} failed; {time.perf_counter() - t0:.1f} s\n"
        )
    if not _report(args, run, 1, time.perf_counter() - t0, options, err):
        return 1
    return 1 if run.failed else 0


def _write(
    args: argparse.Namespace,
    volume: Volume,
    models: dict[str, bytes],
    formats: list[VolumeFormat],
    outdir: Path,
    options: Options,
    run: VolumeRun,
    err: TextIO,
) -> int | None:
    """Write the volume's files and print its diagnostics; 130 if interrupted."""
    from cableconv.volume.build import write_formats

    try:
        write_formats(
            volume,
            models,
            formats,
            outdir,
            options,
            run,
            force=args.force,
            on_written=_shown(args, err),
        )
    except KeyboardInterrupt:
        err.write("cableconv volume: interrupted; the files written are kept\n")
        return 130
    for d in sort_diagnostics([*volume.problems, *run.diagnostics]):
        if shown(d.level, args):
            err.write(d.format() + "\n")
    return None


def _report(
    args: argparse.Namespace,
    run: VolumeRun,
    jobs: int,
    elapsed: float,
    options: Options,
    err: TextIO,
) -> bool:
    """Write ``--report`` if asked; False (and an error line) if it cannot be written."""
    if not args.report:
        return True
    from cableconv.volume.report import write_volume_report

    try:
        write_volume_report(Path(args.report), run, jobs, elapsed, options)
    except OSError as exc:
        err.write(f"cableconv volume: error: cannot write the report: {exc}\n")
        return False
    return True


def _shown(args: argparse.Namespace, err: TextIO) -> Any:
    """With --verbose, a line as each volume file is written."""

    def written(name: str, seconds: float) -> None:
        if args.verbose:
            err.write(f"cableconv volume: {name} written in {seconds:.1f} s\n")

    return written
