"""What a batch did: the summary line and the ``--report`` JSON file.

The report has one entry per input, in input order: its status (converted,
skipped as up to date, failed), the reason when it failed, the outputs it has,
its diagnostics counted by level and by code, and the seconds each step took.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cableconv import __version__
from cableconv.atomic import write_atomic
from cableconv.batch import DocResult
from cableconv.inputs import InputProblem

REPORT_VERSION = 1


@dataclass(frozen=True)
class Tally:
    documents: int
    converted: int
    skipped: int
    failed: int
    with_errors: int
    #: Inputs the run did not reach before it was interrupted.
    interrupted: int = 0
    #: Arguments or entries refused before any work (not found, a FIFO ...).
    refused: int = 0
    #: Diagnostics over all documents (a skipped one's as recorded).
    errors: int = 0
    warnings: int = 0

    @classmethod
    def of(cls, results: Sequence[DocResult], refused: int = 0) -> Tally:
        by_status = Counter(r.status for r in results)
        levels: Counter[str] = Counter()
        for r in results:
            levels.update(r.counts())
        return cls(
            len(results),
            by_status["converted"],
            by_status["skipped"],
            by_status["failed"],
            sum(1 for r in results if r.status != "failed" and r.has_errors),
            by_status["interrupted"],
            refused,
            levels["error"],
            levels["warning"],
        )

    @property
    def ok(self) -> bool:
        """Every input converted (or was up to date), none refused. Errors
        reported on a converted document do not fail the batch: ``cableconv
        check`` does."""
        return not (self.failed or self.interrupted or self.refused)


def rate(tally: Tally, elapsed: float) -> float | None:
    """Documents converted (or attempted) per second; None when nothing was."""
    worked = tally.converted + tally.failed
    return worked / elapsed if worked and elapsed > 0 else None


def _n(k: int, word: str) -> str:
    return f"{k} {word}{'' if k == 1 else 's'}"


def summary_line(tally: Tally, elapsed: float) -> str:
    """``cableconv: 637 documents: 630 converted, 0 skipped, 7 failed; 9 errors,
    41 warnings in 1.23 s (517 docs/s)``, with the inputs refused and, for an
    interrupted run, those not reached."""
    text = (
        f"cableconv: {_n(tally.documents, 'document')}: {tally.converted} converted, "
        f"{tally.skipped} skipped, {tally.failed} failed"
    )
    if tally.interrupted:
        text += f", {tally.interrupted} not reached (interrupted)"
    if tally.refused:
        text += f"; {_n(tally.refused, 'input')} refused"
    text += f"; {_n(tally.errors, 'error')}, {_n(tally.warnings, 'warning')}"
    if tally.with_errors:
        text += f" ({tally.with_errors} converted with errors)"
    text += f" in {elapsed:.2f} s"
    per_second = rate(tally, elapsed)
    if per_second is not None:
        text += f" ({per_second:.0f} docs/s)" if per_second >= 10 else f" ({per_second:.1f} docs/s)"
    return text


def document_entry(result: DocResult) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "input": str(result.input.path),
        "output_stem": result.input.rel.as_posix(),
        "status": result.status,
        "reason": result.reason,
        "outputs": list(result.outputs),
        "diagnostics": result.counts(),
        "codes": result.codes(),
        "seconds": {k: round(v, 6) for k, v in result.seconds.items()},
        "total_seconds": round(sum(result.seconds.values()), 6),
    }
    if result.status == "failed" or result.has_errors:
        entry["errors"] = [d.to_json() for d in result.diagnostics if d.level == "error"]
    return entry


def build_report(
    results: Sequence[DocResult],
    *,
    elapsed: float,
    formats: Sequence[str],
    outdir: Path,
    jobs: int,
    options: str,
    problems: Sequence[InputProblem] = (),
    started: str = "",
    state: str = "completed",
) -> dict[str, Any]:
    """The ``--report`` JSON. ``state`` is ``completed``, ``running`` (written
    at the start, so a run killed outright leaves no older report standing
    that claims its outputs), the signal that interrupted it
    (``interrupted by SIGTERM``) or why it stopped by itself (``stopped:
    cannot write in out: No space left on device``)."""
    tally = Tally.of(results, len(problems))
    per_second = rate(tally, elapsed)
    return {
        "report_version": REPORT_VERSION,
        "cableconv_version": __version__,
        "state": state,
        "started": started,
        "formats": list(formats),
        "output_folder": str(outdir),
        "options": options,
        "jobs": jobs,
        "summary": {
            "documents": tally.documents,
            "converted": tally.converted,
            "skipped": tally.skipped,
            "failed": tally.failed,
            "with_errors": tally.with_errors,
            "interrupted": tally.interrupted,
            "errors": tally.errors,
            "warnings": tally.warnings,
            "input_problems": len(problems),
            "elapsed_seconds": round(elapsed, 6),
            "docs_per_second": round(per_second, 3) if per_second is not None else None,
        },
        "input_problems": [
            {"argument": p.arg, "code": p.code, "message": p.message} for p in problems
        ],
        "documents": [document_entry(r) for r in results],
    }


def write_report(path: Path, report: dict[str, Any]) -> None:
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    write_atomic(path, text.encode("utf-8"))
