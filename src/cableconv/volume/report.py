"""The ``--report`` JSON of ``cableconv volume``: the batch's report of the
documents (:mod:`cableconv.runreport`, one entry per document, with its
number in the volume), plus the volume's own formats and diagnostics."""

from __future__ import annotations

from pathlib import Path

from cableconv.options import Options
from cableconv.runreport import build_report, write_report
from cableconv.volume.build import VolumeRun


def write_volume_report(
    path: Path, run: VolumeRun, jobs: int, elapsed: float, options: Options
) -> None:
    spec = run.volume.spec
    report = build_report(
        run.documents,
        elapsed=elapsed,
        formats=["json"],
        outdir=spec.path.parent,
        jobs=jobs,
        options=options.fingerprint(),
    )
    # a volume read from TEI has no batch: its documents are listed here alone
    for entry, doc in zip(report["documents"], run.volume.documents, strict=False):
        entry["number"] = doc.number
        entry["chapter"] = doc.chapter + 1
        entry["missing"] = doc.document is None
    report["volume"] = {
        "id": spec.id,
        "spec": str(spec.path),
        "outputs": run.outputs,
        "written": run.written,
        "up_to_date": run.current,
        "failed": run.failed,
        "seconds": {k: round(v, 6) for k, v in run.seconds.items()},
        "documents": len(run.volume.documents),
        "missing_documents": [d.number for d in run.volume.missing],
        "diagnostics": [d.to_json() for d in [*run.volume.problems, *run.diagnostics]],
    }
    write_report(path, report)
