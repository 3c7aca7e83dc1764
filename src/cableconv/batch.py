"""Many documents: plan, convert in parallel, write atomically, go on past failures.

A batch runs in four steps:

1. **plan**: drop inputs whose outputs are up to date (:mod:`cableconv.incremental`)
   and refuse two inputs that would write the same output;
2. **convert** the rest, in this process or in worker processes
   (:mod:`cableconv.workers`), whichever is faster for the work at hand;
3. **report** each result in input order, whatever order they finished in;
4. **record** what was written in the output folder's manifest, at checkpoints
   and at the end, so a killed batch resumes where it stopped.

Every output goes through :func:`~cableconv.atomic.write_atomic`, so a reader
(or a later run) sees an old output or a complete new one, never half of one.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import math
import os
import time
from collections import Counter
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from cableconv.atomic import sweep_stale_temps, write_atomic
from cableconv.diagnostics import LEVELS, Diagnostic, counts
from cableconv.incremental import InputStamp, Manifest, OutputStamp, settings_key
from cableconv.inputs import Input
from cableconv.interrupts import described
from cableconv.options import Options
from cableconv.pipeline import Converted, convert_source
from cableconv.source import UnreadableInput, decode, read_bytes
from cableconv.workers import Job
from cableconv.writers import FORMATS, Format

#: Errors after which nothing is written: not text, no text, or a character
#: no XML can hold (no TEI can be written with it; dropping it would change the text).
FATAL_CODES = frozenset({"CC003", "CC004", "CC005"})
#: What can go wrong in a batch besides the input itself.
WRITE_FAILED = "CC501"  # an output could not be written (a writer failed, the disk is full)
TOO_LARGE = "CC505"  # a document larger than a format is made for
INTERNAL_ERROR = "CC502"  # cableconv failed on this input: a bug, reported, the batch goes on
WORKER_DIED = "CC503"  # the process converting this input died (a crash, the OOM killer)
OUTPUT_CLASH = "CC504"  # two inputs would write the same outputs
#: Why an input has no result: the run stopped (Ctrl-C, SIGTERM) before it.
NOT_REACHED = "not converted: the run was interrupted first"
#: Write errors that every later document would meet too: the output folder
#: can take nothing more. The batch stops at the first (CC522), instead of
#: failing each remaining document in turn; the next run converts the rest.
OUTDIR_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})
OUTDIR_STOPPED = "CC522"

#: Rough cost of reading, normalising and parsing one document, in CPU
#: milliseconds on one core, and of starting a worker process (fork, pipes)
#: before the formats' own warm-up (``Format.start_ms``). Used only to decide
#: whether worker processes pay for their start-up (``bench/costs.py``).
PARSE_MS = 3.5
WORKER_START_MS = 20.0
#: Seconds between manifest checkpoints during a long batch.
CHECKPOINT_SECONDS = 2.0


@dataclass
class DocResult:
    """What happened to one input."""

    input: Input
    status: str  # "converted" | "failed" | "skipped" | "interrupted" (not reached)
    outputs: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    reason: str = ""
    stamp: InputStamp | None = None
    written: dict[str, OutputStamp] = field(default_factory=dict)
    #: Why no later document can be written either (the disk is full), if so.
    halt: str = ""
    #: Diagnostic counts (by level, by code) recorded by an earlier run, for a skipped input.
    recorded_counts: dict[str, int] | None = None
    recorded_codes: dict[str, int] | None = None

    def counts(self) -> dict[str, int]:
        """Diagnostics by level (for a skipped input: as recorded when converted)."""
        if self.recorded_counts is not None:
            return {level: int(self.recorded_counts.get(level, 0)) for level in LEVELS}
        return {level: n for level, n in counts(self.diagnostics).items()}

    def codes(self) -> dict[str, int]:
        """Diagnostics by code, sorted (for a skipped input: as recorded)."""
        if self.recorded_codes is not None:
            return dict(sorted(self.recorded_codes.items()))
        return dict(sorted(Counter(d.code for d in self.diagnostics).items()))

    @property
    def has_errors(self) -> bool:
        return self.counts()["error"] > 0


def convert_one(item: Input, formats: list[Format], outdir: Path, options: Options) -> DocResult:
    """Convert one input to every format and write the outputs atomically.

    Never raises for a bad input or a failing writer: the result says what
    went wrong. A writer that fails does not keep the others from writing.
    """
    t0 = time.perf_counter()
    result = DocResult(item, "failed")
    try:
        if item.part is not None:  # a document of a TEI volume
            from cableconv.readers.tei_input import convert_part

            result.stamp, converted = convert_part(item, options)
        else:
            seen_ns = time.time_ns()
            raw = read_bytes(item.path, options.max_bytes)
            result.stamp = InputStamp(
                raw.size, raw.mtime_ns, hashlib.sha256(raw.data).hexdigest(), seen_ns
            )
            converted = convert_source(
                decode(raw.data, str(item.path), options.max_bytes), options, stem=item.path.stem
            )
    except UnreadableInput as exc:
        return _failed(result, "CC003", exc.message, exc.hint)
    except Exception as exc:  # a parser bug must cost one document, not the batch
        return _failed(result, INTERNAL_ERROR, f"internal error while parsing: {exc!r}")
    result.diagnostics = list(converted.diagnostics)
    result.seconds["parse"] = time.perf_counter() - t0
    fatal = [d for d in result.diagnostics if d.level == "error" and d.code in FATAL_CODES]
    if fatal:
        result.reason = fatal[0].message
        return result
    problems = []
    losses: set[tuple[str, object, str]] = set()
    size = len(converted.normalized.text)
    for fmt in formats:
        t1 = time.perf_counter()
        rel = output_rel(item, fmt.suffix)
        if fmt.max_chars is not None and size > fmt.max_chars:
            problems.append(f"{fmt.name}: document too large")
            result.diagnostics.append(
                Diagnostic(
                    TOO_LARGE,
                    f"{size:,} characters is more than {fmt.name} is made for "
                    f"(at most {fmt.max_chars:,}); not written",
                    None,
                    hint="split the transcription into documents; the other formats are written",
                    file=str(item.path),
                )
            )
            continue
        try:
            output = fmt.write(converted.document, options)
            st = write_atomic(outdir / rel, output.data)
        except Exception as exc:  # one writer failing leaves the others' outputs
            if isinstance(exc, OSError) and exc.errno in OUTDIR_FULL:
                result.halt = f"cannot write in {outdir}: {exc.strerror or exc}"
            problems.append(f"{fmt.name}: {exc}")
            result.diagnostics.append(
                Diagnostic(
                    WRITE_FAILED,
                    f"could not write {fmt.name}: {exc}",
                    None,
                    file=str(item.path),
                )
            )
            continue
        finally:
            result.seconds[fmt.name] = time.perf_counter() - t1
        result.outputs.append(str(outdir / rel))
        result.written[fmt.name] = OutputStamp(rel.as_posix(), st.st_size, st.st_mtime_ns)
        # Markdown, DOCX and PDF report the same marker without a note: say it once.
        fresh = []
        for lost in output.diagnostics:
            key = (lost.code, lost.span, lost.message)
            if key not in losses:
                losses.add(key)
                fresh.append(lost)
        result.diagnostics.extend(converted.source.locate(fresh))
    if options.changes_log:
        _write_change_log(item, converted, outdir, result, problems)
    result.status = "failed" if problems else "converted"
    result.reason = "; ".join(problems)
    return result


#: Suffix of the change log written next to the outputs (never ``.txt``, so a
#: later run over the same folder cannot take it for a transcription).
CHANGES_SUFFIX = ".changes.json"


def _write_change_log(
    item: Input, converted: Converted, outdir: Path, result: DocResult, problems: list[str]
) -> None:
    """The normalisation change log, written and recorded like an output."""
    from cableconv.normalize.report import render_json

    rel = output_rel(item, CHANGES_SUFFIX)
    try:
        data = render_json(converted.normalized, str(item.path)).encode("utf-8")
        st = write_atomic(outdir / rel, data)
    except Exception as exc:
        problems.append(f"changes: {exc}")
        result.diagnostics.append(
            Diagnostic(
                WRITE_FAILED,
                f"could not write the change log: {exc}",
                None,
                file=str(item.path),
            )
        )
        return
    result.outputs.append(str(outdir / rel))
    result.written["changes"] = OutputStamp(rel.as_posix(), st.st_size, st.st_mtime_ns)


def output_rel(item: Input, suffix: str) -> PurePath:
    """Where one output goes under OUTDIR: the input's place plus the suffix
    (appended: ``761.93-12-1544`` keeps its dots)."""
    return item.rel.with_name(item.rel.name + suffix)


def _failed(result: DocResult, code: str, message: str, hint: str = "") -> DocResult:
    file = str(result.input.path)
    result.diagnostics = [Diagnostic(code, message, None, hint=hint, file=file)]
    result.reason = message
    return result


def _convert_job(job: Job, outdir: Path, options: Options) -> DocResult:
    """The work a worker process does for one document."""
    return convert_one(job.input, [FORMATS[n] for n in job.formats], outdir, options)


def _warm_up(names: tuple[str, ...], options: Options) -> None:
    """Before a worker's first document: each format builds its long-lived
    state (a pandoc process, typst's fonts) while the parent is still
    sending work."""
    for name in names:
        warm_up = FORMATS[name].warm_up
        if warm_up is not None:
            with contextlib.suppress(Exception):  # the first real document will report it
                warm_up(options)


def _shut_down(names: tuple[str, ...]) -> None:
    """Before a worker exits: each format stops what it started."""
    for name in names:
        shutdown = FORMATS[name].shutdown
        if shutdown is not None:
            with contextlib.suppress(Exception):
                shutdown()


def _failure(item: Input, reason: str, code: str = WORKER_DIED) -> DocResult:
    diag = Diagnostic(code, reason, None, file=str(item.path))
    return DocResult(item, "failed", diagnostics=[diag], reason=reason)


def default_jobs() -> int:
    """The CPUs this process may run on (respects affinity and cgroup masks)."""
    if hasattr(os, "process_cpu_count"):
        count: int | None = os.process_cpu_count()
    elif hasattr(os, "sched_getaffinity"):
        count = len(os.sched_getaffinity(0))
    else:
        count = os.cpu_count()
    return max(1, count or 1)


def is_heavy(item: Input, formats: list[Format]) -> bool:
    """Whether the input is large enough for one of the formats that the
    batch should convert it while no other such document is in flight. The
    documents of a TEI volume are not weighed (the file holds them all)."""
    limits = [f.heavy_bytes for f in formats if f.heavy_bytes is not None]
    if not limits or item.part is not None:
        return False
    try:
        size = item.path.stat().st_size
    except OSError:  # reported when the document is read
        return False
    return size >= min(limits)


def estimated_ms(work: list[Job], formats: Mapping[str, Format] = FORMATS) -> float:
    """CPU milliseconds the work costs on one core."""
    return sum(PARSE_MS + sum(formats[n].cost_ms for n in job.formats) for job in work)


def worker_start_ms(names: set[str], formats: Mapping[str, Format] = FORMATS) -> float:
    """What starting one worker costs: the process, and each state its
    formats build once (one pandoc for Markdown and PDF together)."""
    states = {state: ms for n in names for state, ms in formats[n].start_ms}
    return WORKER_START_MS + sum(states.values())


def workers_for(requested: int, work: list[Job], formats: Mapping[str, Format] = FORMATS) -> int:
    """How many processes to use: 1 (this one) unless there is work for
    several, each doing at least twice what its own start-up costs. A TEI-only
    volume of a hundred documents uses workers, a handful of documents does
    not; with Markdown and PDF (a pandoc and a typst compiler per worker) a
    worker needs a few documents to pay for itself."""
    if requested <= 1 or len(work) <= 1:
        return 1
    start = worker_start_ms({n for job in work for n in job.formats}, formats)
    if start <= 0:
        return min(requested, len(work))
    cost = estimated_ms(work, formats)
    return max(1, min(requested, len(work), math.floor(cost / (2 * start))))


@dataclass
class Batch:
    """A batch's settings; :meth:`run` converts and reports."""

    formats: list[Format]
    outdir: Path
    options: Options = field(default_factory=Options)
    jobs: int = 1
    force: bool = False
    incremental: bool = True
    #: Called once per input, in input order, as soon as its turn comes.
    on_result: Callable[[DocResult], None] = lambda r: None
    #: Called as each conversion finishes, in any order (progress display).
    on_done: Callable[[DocResult], None] = lambda r: None
    #: Called once the plan is made: (inputs to convert, inputs up to date).
    on_plan: Callable[[int, int], None] = lambda todo, skipped: None
    #: A Dask scheduler's address (``tcp://HOST:8786``): convert on that
    #: cluster instead (:mod:`cableconv.cluster`); planning, the manifest and
    #: the results stay here.
    cluster: str | None = None
    #: Processes actually used by the last run (1: this one; on a cluster,
    #: its worker threads).
    used_jobs: int = 1
    #: Why the manifest could not be saved (CC521), or read (CC520), if it
    #: could not: the outputs are fine, a run converts them again.
    manifest_problem: str = ""
    manifest_unread: str = ""
    #: The signal that stopped the last run (``SIGINT``, ``SIGTERM``), if one did.
    interrupted: str = ""
    #: Why the last run stopped before the end by itself (the output folder
    #: is full: CC522), if it did.
    halted: str = ""

    def run(self, items: list[Input]) -> list[DocResult]:
        """A result for every input, in input order. Interrupted (Ctrl-C,
        SIGTERM: a :class:`KeyboardInterrupt`), it stops converting, saves
        the manifest, sets :attr:`interrupted` and returns what it has: the
        inputs it did not reach have the status ``interrupted``. So it does
        when the output folder can take no more (:attr:`halted`)."""
        results: list[DocResult | None] = [None] * len(items)
        manifest = Manifest.load(self.outdir) if self.incremental else None
        if manifest is not None and manifest.problem:
            self.manifest_unread = manifest.problem
        settings = settings_key(self.options) if manifest is not None else ""
        try:
            self._run(items, results, manifest, settings)
        except KeyboardInterrupt as exc:
            self.interrupted = described(exc).name
        finally:
            if manifest is not None:
                self._save(manifest)
        why = f"not converted: the run stopped first ({self.halted})" if self.halted else ""
        return [
            r if r is not None else DocResult(item, "interrupted", reason=why or NOT_REACHED)
            for item, r in zip(items, results, strict=True)
        ]

    def _run(
        self,
        items: list[Input],
        results: list[DocResult | None],
        manifest: Manifest | None,
        settings: str,
    ) -> None:
        work = self._plan(items, results, manifest, settings)
        self.used_jobs = workers_for(self.jobs, work, {f.name: f for f in self.formats})
        self.on_plan(len(work), sum(1 for r in results if r is not None))

        emitted = 0

        def emit_ready() -> None:
            nonlocal emitted
            while emitted < len(results):
                ready = results[emitted]
                if ready is None:
                    return
                self.on_result(ready)
                emitted += 1

        emit_ready()
        folders = sorted({(self.outdir / job.input.rel).parent for job in work})
        for folder in folders:
            sweep_stale_temps(folder)
        last_save = time.monotonic()
        conversions = self._convert(work)
        with contextlib.closing(conversions):  # closed: the workers stop
            for index, result in conversions:
                results[index] = result
                if manifest is not None:
                    self._record(manifest, result, settings)
                    if time.monotonic() - last_save > CHECKPOINT_SECONDS:
                        self._save(manifest)
                        last_save = time.monotonic()
                self.on_done(result)
                emit_ready()
                if result.halt:  # every document after it would fail the same way
                    self.halted = result.halt
                    break
        # a worker killed while writing (SIGKILL, a lost cluster worker whose
        # chunk was run again) leaves its temporary file: gone with the batch
        for folder in folders:
            sweep_stale_temps(folder)

    def _save(self, manifest: Manifest) -> None:
        try:
            manifest.save()
        except OSError as exc:
            self.manifest_problem = f"cannot save {manifest.path}: {exc.strerror or exc}"

    def _plan(
        self,
        items: list[Input],
        results: list[DocResult | None],
        manifest: Manifest | None,
        settings: str,
    ) -> list[Job]:
        suffixes = {f.name: f.suffix for f in self.formats}
        owners: dict[str, Input] = {}
        work: list[Job] = []
        for index, item in enumerate(items):
            key = item.rel.as_posix()
            first = owners.setdefault(key, item)
            if first is not item:
                reason = (
                    f"its outputs would overwrite those of {first.path} ({key}.*); "
                    "rename one of the two or convert them into different folders"
                )
                results[index] = _failure(item, reason, OUTPUT_CLASH)
                continue
            if manifest is None or self.force:
                stale = list(suffixes)
            else:
                stale = manifest.stale_formats(key, _abs(item.path), suffixes, settings)
            if stale:
                trim = any(f.trim_memory for f in self.formats if f.name in stale)
                heavy = is_heavy(item, [f for f in self.formats if f.name in stale])
                work.append(Job(index, item, tuple(stale), trim, heavy))
            else:
                assert manifest is not None
                results[index] = DocResult(
                    item,
                    "skipped",
                    outputs=manifest.outputs(key, list(suffixes)),
                    reason="up to date",
                    recorded_counts=manifest.diagnostics(key),
                    recorded_codes=manifest.codes(key),
                )
        return work

    def _convert(self, work: list[Job]) -> Generator[tuple[int, DocResult], None, None]:
        """``(index, result)`` as conversions finish, in this process, in
        workers or on a Dask cluster."""
        if self.used_jobs <= 1 and self.cluster is None:
            for job in work:
                yield job.index, _convert_job(job, self.outdir, self.options)
            return
        names = tuple(f.name for f in self.formats)
        runner = functools.partial(_convert_job, outdir=self.outdir, options=self.options)
        warm_up = functools.partial(_warm_up, names, self.options)
        shutdown = functools.partial(_shut_down, names)
        if self.cluster is not None:
            from cableconv.cluster import ClusterPool

            formats = {f.name: f for f in self.formats}
            cluster = ClusterPool(
                self.cluster,
                runner,
                warm_up,
                shutdown,
                _failure,
                outdir=self.outdir,
                cost_ms=lambda job: estimated_ms([job], formats),
            )
            yield from cluster.run(work)
            self.used_jobs = cluster.size
            return
        from cableconv.workers import WorkerPool

        pool = WorkerPool(self.used_jobs, runner, warm_up, shutdown, on_crash=_failure)
        yield from pool.run(work)

    def _record(self, manifest: Manifest, result: DocResult, settings: str) -> None:
        key = result.input.rel.as_posix()
        if not self.options.changes_log and result.status == "converted":
            _drop_old_change_log(manifest, key)
        if result.stamp is not None and result.written:
            manifest.record(
                key,
                _abs(result.input.path),
                result.stamp,
                settings,
                result.written,
                result.counts(),
                result.codes(),
            )
        elif result.status == "failed":
            manifest.forget(key)


def _drop_old_change_log(manifest: Manifest, key: str) -> None:
    """A run without ``--changes`` removes the change log an earlier run with
    it wrote for this document, if it is still the file that run recorded
    (same size and mtime): left there it would describe other outputs."""
    outputs = manifest.entries.get(key, {}).get("outputs", {})
    rec = outputs.get("changes")
    if rec and manifest.output_unchanged(rec):
        with contextlib.suppress(OSError):
            os.unlink(manifest.outdir / rec[0])
            del outputs["changes"]


def _abs(path: Path) -> Path:
    return Path(os.path.abspath(path))
