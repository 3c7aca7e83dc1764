"""Deterministic outputs, across processes: the same input gives the same bytes
in every format whichever process writes it (another hash seed, a cold
cache, workers or not), with and without ``SOURCE_DATE_EPOCH``; the date
changes only the formats that carry one (DOCX and PDF).

Two calls in one process share caches and a hash seed, so they cannot show
this; separate ``cableconv convert`` runs can.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SAMPLES

FORMATS = "tei,json,md,docx,pdf"
DATED = {".docx", ".pdf"}
#: Settings the runs must not inherit from whoever runs the tests.
SETTINGS_ENVIRONMENT = ("SOURCE_DATE_EPOCH", "CABLECONV_PDF_PAPER", "CABLECONV_PANDOC")


def convert(out: Path, seed: str, jobs: str, epoch: str | None = None) -> dict[str, bytes]:
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_ENVIRONMENT}
    path = [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    env.update(PYTHONHASHSEED=seed, PYTHONPATH=os.pathsep.join(path))
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    # the samples themselves: samples/volume/ is a volume, built by `cableconv volume`
    samples = [str(p) for p in sorted(SAMPLES.glob("*.txt"))]
    argv = [sys.executable, "-m", "cableconv", "convert", *samples, "--to", FORMATS]
    argv += ["-o", str(out), "-j", jobs, "--quiet"]
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


@pytest.mark.slow
def test_every_format_is_byte_identical_across_processes(tmp_path: Path) -> None:
    first = convert(tmp_path / "a", seed="1", jobs="1")
    second = convert(tmp_path / "b", seed="2", jobs="2")
    assert len(first) == 5 * len(list(SAMPLES.glob("*.txt")))
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []

    epoch = "1700000000"
    dated = convert(tmp_path / "c", seed="3", jobs="1", epoch=epoch)
    dated_again = convert(tmp_path / "d", seed="4", jobs="2", epoch=epoch)
    assert [name for name in dated if dated[name] != dated_again[name]] == []
    changed = {name for name in first if first[name] != dated[name]}
    assert changed == {name for name in first if Path(name).suffix in DATED}
