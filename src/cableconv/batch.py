"""Many documents: convert each, write its outputs atomically, go on past failures."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cableconv.atomic import write_atomic
from cableconv.diagnostics import Diagnostic
from cableconv.inputs import Input
from cableconv.pipeline import Options, convert_path
from cableconv.source import UnreadableInput
from cableconv.writers import Format


@dataclass
class DocResult:
    """What happened to one input."""

    input: Input
    status: str  # "converted" | "failed" | "skipped"
    outputs: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    reason: str = ""


def convert_one(item: Input, formats: list[Format], outdir: Path, options: Options) -> DocResult:
    """Convert one input to every format; never raises for a bad input."""
    t0 = time.perf_counter()
    try:
        converted = convert_path(item.path, options)
    except UnreadableInput as exc:
        diag = Diagnostic.make(
            "error", "CC003", exc.message, None, hint=exc.hint, file=str(item.path)
        )
        return DocResult(item, "failed", diagnostics=[diag], reason=exc.message)
    except OSError as exc:
        diag = Diagnostic.make(
            "error", "CC003", f"cannot read: {exc.strerror or exc}", None, file=str(item.path)
        )
        return DocResult(item, "failed", diagnostics=[diag], reason=str(exc.strerror or exc))
    result = DocResult(item, "converted", diagnostics=list(converted.diagnostics))
    result.seconds["parse"] = time.perf_counter() - t0
    for fmt in formats:
        t1 = time.perf_counter()
        target = outdir / item.rel.with_suffix(fmt.suffix)
        write_atomic(target, fmt.write(converted.document))
        result.outputs.append(str(target))
        result.seconds[fmt.name] = time.perf_counter() - t1
    return result


def run_batch(
    items: list[Input],
    formats: list[Format],
    outdir: Path,
    options: Options,
    on_result: Callable[[DocResult], None] = lambda r: None,
) -> list[DocResult]:
    results = []
    for item in items:
        r = convert_one(item, formats, outdir, options)
        on_result(r)
        results.append(r)
    return results
