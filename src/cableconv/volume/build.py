"""Building a volume: the documents through the batch layer, then each format.

1. Every document goes through :class:`~cableconv.batch.Batch` to the model
   as JSON, in ``OUTDIR/.cableconv-volume/<id>/``: in parallel, and only
   those whose transcription (or cableconv, or the settings) changed since
   the last run (the batch's manifest).
2. The models are read back and numbered in volume order
   (:mod:`cableconv.volume.assemble`); a document that failed keeps its place.
3. Each format is written unless its output is up to date: an output records
   a key made of everything it depends on (the VOLUME.toml, the lists, the
   preface, every document's model, the settings and cableconv's code), so an
   unchanged volume is not written again and a changed document rewrites the
   volume files, which all hold it, and nothing else.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from cableconv.atomic import write_atomic
from cableconv.batch import Batch, DocResult
from cableconv.diagnostics import Diagnostic, Place, Span
from cableconv.incremental import settings_key
from cableconv.inputs import Input
from cableconv.model import Document, from_json
from cableconv.options import Options
from cableconv.source import UnreadableInput, read_source
from cableconv.volume.assemble import (
    Volume,
    VolumeDocument,
    numbered,
    printed_number,
    read_paragraphs,
)
from cableconv.volume.formats import VolumeFormat
from cableconv.volume.lists import Entry, Kind, read_list
from cableconv.volume.spec import VolumeSpec
from cableconv.writers import FORMATS

#: Where the documents' models and the volume's own manifest are kept.
CACHE_DIR = ".cableconv-volume"
VOLUME_MANIFEST = "volume-manifest.json"
MODEL_FORMAT = FORMATS["json"]


@dataclass
class VolumeRun:
    """What a build did."""

    volume: Volume
    documents: list[DocResult]
    #: format -> output path, for each format written or up to date
    outputs: dict[str, str] = field(default_factory=dict)
    #: formats written by this run / found up to date / failed (with why)
    written: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def cache_dir(outdir: Path, spec: VolumeSpec) -> Path:
    return outdir / CACHE_DIR / spec.id


def document_inputs(spec: VolumeSpec) -> list[Input]:
    """One batch input per document, its model kept under the path it has
    next to the VOLUME.toml (``chile/d2``), so that reordering the chapters
    converts nothing again."""
    base = Path(os.path.abspath(spec.path.parent))
    items = []
    for k, (_, path) in enumerate(spec.documents, start=1):
        full = Path(os.path.abspath(path))
        try:
            rel = PurePath(full.relative_to(base).with_suffix("").as_posix())
        except ValueError:  # outside the volume's folder
            rel = PurePath("_outside", f"{k}-{full.stem}")
        items.append(Input(path, rel))
    return items


def convert_documents(
    spec: VolumeSpec,
    outdir: Path,
    options: Options,
    *,
    jobs: int = 1,
    force: bool = False,
    on_result: Callable[[DocResult], None] = lambda r: None,
    on_done: Callable[[DocResult], None] = lambda r: None,
    on_plan: Callable[[int, int], None] = lambda todo, skipped: None,
    cluster: str | None = None,
) -> tuple[list[DocResult], Batch]:
    """Every document to its model (JSON), through the batch layer (on the
    Dask cluster at ``cluster``, if given)."""
    batch = Batch(
        [MODEL_FORMAT],
        cache_dir(outdir, spec),
        options,
        jobs=jobs,
        force=force,
        on_result=on_result,
        on_done=on_done,
        on_plan=on_plan,
        cluster=cluster,
    )
    return batch.run(document_inputs(spec)), batch


def _read_list(path: Path | None, kind: Kind, problems: list[Diagnostic]) -> tuple[Entry, ...]:
    if path is None:
        return ()
    try:
        entries, found = read_list(path, kind)
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(
            Diagnostic(
                "CC705",
                f"cannot read the {kind}s list: {exc}",
                hint="check [volume] " + ("persons" if kind == "person" else "terms"),
                file=str(path),
            )
        )
        return ()
    problems.extend(found)
    return tuple(entries)


def assemble(
    spec: VolumeSpec, results: list[DocResult], outdir: Path, options: Options = Options()
) -> tuple[Volume, dict[str, bytes]]:
    """The volume from the batch's results, and each document's model bytes
    (what the volume outputs depend on), by input key."""
    problems: list[Diagnostic] = list(spec.problems)
    cache = cache_dir(outdir, spec)
    docs: list[VolumeDocument] = []
    models: dict[str, bytes] = {}
    for number, ((chapter, path), result) in enumerate(
        zip(spec.documents, results, strict=True), start=1
    ):
        key = result.input.rel.as_posix()
        document = None
        problem = result.reason or "not converted"
        if result.status != "failed":
            model_path = cache / (key + MODEL_FORMAT.suffix)
            try:
                data = model_path.read_bytes()
                document = numbered(from_json(json.loads(data)), number)
                models[key] = data
            except (OSError, ValueError, KeyError, TypeError) as exc:
                problem = f"its converted model cannot be read ({exc}); run with --force"
        if document is None:
            models[key] = b"missing: " + problem.encode("utf-8", "replace")
            problems.append(
                Diagnostic(
                    "CC706",
                    f"document {number} ({path}) is missing from the volume: {problem}",
                    hint="fix the transcription and build again; the volume marks its place",
                    file=str(spec.path),
                )
            )
        if document is not None:
            problems += _number_checked(document, number, path)
        docs.append(VolumeDocument(number, chapter, path, document, "" if document else problem))
    preface: tuple[str, ...] = ()
    if spec.preface is not None:
        try:
            preface = read_paragraphs(spec.preface)
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(
                Diagnostic(
                    "CC705",
                    f"cannot read the preface: {exc}",
                    hint="check [volume] preface",
                    file=str(spec.preface),
                )
            )
    volume = Volume(
        spec,
        tuple(docs),
        persons=_read_list(spec.persons, "person", problems),
        terms=_read_list(spec.terms, "term", problems),
        preface=preface,
        problems=tuple(_Losses(options)(problems)),
    )
    return volume, models


def _number_checked(document: Document, number: int, path: Path) -> list[Diagnostic]:
    """A heading that prints its own document number (``1. Memorandum …``)
    keeps it, as printed; when it is not the document's number in this
    volume, the outputs show two numberings, which is said (CC709)."""
    printed = printed_number(document.title)
    if printed is None or printed == number:
        return []
    heading = document.heading
    return [
        Diagnostic(
            "CC709",
            f"the heading is numbered {printed}, but this is document {number} of the volume",
            heading.span if heading is not None else None,
            hint="the heading is kept as printed; the TEI numbers the document "
            f"{number} (n, xml:id d{number}); check the order of the chapters' documents",
            file=str(path),
        )
    ]


def volume_key(
    spec: VolumeSpec, models: dict[str, bytes], fmt: VolumeFormat, options: Options
) -> str:
    """Everything one volume output depends on, as one hash."""
    h = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        h.update(f"{label}\0{len(data)}\0".encode())
        h.update(data)

    add("format", fmt.name.encode())
    add("settings", settings_key(options).encode())
    for label, path in (
        ("spec", spec.path),
        ("preface", spec.preface),
        ("persons", spec.persons),
        ("terms", spec.terms),
    ):
        if path is not None:
            try:
                add(label, path.read_bytes())
            except OSError:
                add(label, b"unreadable")
    for key, data in models.items():
        add(key, data)
    return h.hexdigest()


class _Losses:
    """What the volume writers could not render, each once (the PDF, DOCX,
    EPUB and Markdown report the same marker without a note) and at its
    ``line:col`` in the transcription, read again to find its lines."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.seen: set[tuple[str, str, object, str]] = set()
        self.lines: dict[str, Callable[[Span], Place] | None] = {}

    def __call__(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        out = []
        for d in diagnostics:
            key = (d.file, d.code, d.span, d.message)
            if key in self.seen:
                continue
            self.seen.add(key)
            place = self._place(d.file) if d.span is not None and d.place is None else None
            out.append(d.located(d.file, place) if place is not None else d)
        return out

    def _place(self, file: str) -> Callable[[Span], Place] | None:
        if file not in self.lines:
            try:
                self.lines[file] = read_source(Path(file), self.options.max_bytes).lines.place
            except (UnreadableInput, OSError):
                self.lines[file] = None
        return self.lines[file]


def _give_back_memory() -> None:
    """After a volume format: what it freed handed back to the system, so the
    next format (pandoc for the EPUB after typst for the PDF) does not add
    its peak to the last one's."""
    import gc

    from cableconv.workers import _memory_trimmer

    gc.collect()
    trim = _memory_trimmer()
    if trim is not None:
        trim(0)


def _load_manifest(path: Path) -> dict[str, dict[str, object]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_formats(
    volume: Volume,
    models: dict[str, bytes],
    formats: list[VolumeFormat],
    outdir: Path,
    options: Options,
    run: VolumeRun,
    force: bool = False,
    on_written: Callable[[str, float], None] = lambda name, seconds: None,
) -> None:
    """Each format's file, unless it is up to date."""
    spec = volume.spec
    manifest_path = cache_dir(outdir, spec) / VOLUME_MANIFEST
    manifest = _load_manifest(manifest_path)
    fresh = _Losses(options)
    try:
        for fmt in formats:
            target = outdir / (spec.id + fmt.suffix)
            key = volume_key(spec, models, fmt, options)
            known = manifest.get(fmt.name)
            if not force and isinstance(known, dict) and known.get("key") == key:
                try:
                    st = target.stat()
                except OSError:
                    st = None
                if st is not None and [st.st_size, st.st_mtime_ns] == known.get("stat"):
                    run.current.append(fmt.name)
                    run.outputs[fmt.name] = str(target)
                    continue
            t0 = time.perf_counter()
            try:
                output = fmt.write(volume, options)
                st = write_atomic(target, output.data)
            except Exception as exc:  # one format failing leaves the others
                run.failed[fmt.name] = str(exc) or type(exc).__name__
                run.diagnostics.append(
                    Diagnostic("CC501", f"could not write {fmt.name}: {exc}", file=str(target))
                )
                manifest.pop(fmt.name, None)
                continue
            finally:
                run.seconds[fmt.name] = time.perf_counter() - t0
                _give_back_memory()
            run.diagnostics.extend(fresh(output.diagnostics))
            run.written.append(fmt.name)
            on_written(fmt.name, run.seconds[fmt.name])
            run.outputs[fmt.name] = str(target)
            manifest[fmt.name] = {"key": key, "stat": [st.st_size, st.st_mtime_ns]}
    finally:
        _save_manifest(manifest_path, manifest, run)


def _save_manifest(path: Path, manifest: dict[str, dict[str, object]], run: VolumeRun) -> None:
    """Record what was written (at the end, or when interrupted)."""
    try:
        write_atomic(path, json.dumps(manifest, indent=1, sort_keys=True).encode())
    except OSError as exc:
        run.diagnostics.append(
            Diagnostic("CC501", f"cannot save the volume manifest: {exc}", file=str(path))
        )
