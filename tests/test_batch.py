"""Batches: parallel workers, input-order reporting, incremental skips, atomic writes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path, PurePath

import pytest

from cableconv import batch as batch_module
from cableconv.atomic import is_temp_name, sweep_stale_temps, write_atomic
from cableconv.batch import Batch, DocResult, convert_one, workers_for
from cableconv.incremental import MANIFEST_NAME, Manifest
from cableconv.inputs import Input, expand_inputs
from cableconv.pipeline import Options
from cableconv.source import Source
from cableconv.workers import Job, WorkerPool
from cableconv.writers import Format, Output, parse_formats

from .conftest import SEED, sample_paths

TEI_JSON = parse_formats("tei,json")


def volume(folder: Path, copies: int = 3) -> Path:
    """A folder of good transcriptions in two sub-folders (like volumes)."""
    for n, sample in enumerate(sample_paths()[:copies]):
        for vol in ("vol1", "vol2"):
            (folder / vol).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(sample, folder / vol / f"d{n + 1}.txt")
    return folder


def outputs_of(folder: Path) -> dict[str, bytes]:
    """Every output file under ``folder`` (not the manifest, not temporaries)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def run(items: list[Input], out: Path, **kw: object) -> tuple[Batch, list[DocResult]]:
    b = Batch(TEI_JSON, out, Options(), **kw)  # type: ignore[arg-type]
    return b, b.run(items)


@pytest.fixture
def pool_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """Use worker processes even for a handful of documents."""
    monkeypatch.setattr(batch_module, "worker_start_ms", lambda names, formats: 0.0)


# ---- converting ------------------------------------------------------------


def test_outputs_keep_the_folder_layout_under_outdir(tmp_path: Path) -> None:
    items, _ = expand_inputs([str(volume(tmp_path / "in"))])
    _, results = run(items, tmp_path / "out")
    assert [r.status for r in results] == ["converted"] * 6
    assert sorted(outputs_of(tmp_path / "out")) == [
        f"{vol}/d{n}.{ext}"
        for vol in ("vol1", "vol2")
        for n in (1, 2, 3)
        for ext in ("json", "xml")
    ]


def test_workers_write_the_same_bytes_as_one_process(tmp_path: Path, pool_always: None) -> None:
    items, _ = expand_inputs([str(volume(tmp_path / "in"))])
    one, _ = run(items, tmp_path / "one", jobs=1)
    two, results = run(items, tmp_path / "two", jobs=2)
    assert (one.used_jobs, two.used_jobs) == (1, 2)
    assert outputs_of(tmp_path / "one") == outputs_of(tmp_path / "two")
    assert all(r.status == "converted" for r in results)


def test_results_are_reported_in_input_order_whatever_finishes_first(
    tmp_path: Path, pool_always: None
) -> None:
    items, _ = expand_inputs([str(volume(tmp_path / "in"))])
    seen: list[Input] = []
    finished: list[Input] = []
    b = Batch(
        TEI_JSON,
        tmp_path / "out",
        jobs=2,
        on_result=lambda r: seen.append(r.input),
        on_done=lambda r: finished.append(r.input),
    )
    results = b.run(items)
    assert seen == items == [r.input for r in results]
    assert sorted(finished, key=items.index) == items


def test_each_result_records_time_per_step(tmp_path: Path) -> None:
    result = convert_one(Input(SEED, PurePath("seed")), TEI_JSON, tmp_path, Options())
    assert set(result.seconds) == {"parse", "tei", "json"}
    assert result.outputs == [str(tmp_path / "seed.xml"), str(tmp_path / "seed.json")]


def test_a_failing_writer_costs_its_format_not_the_document(tmp_path: Path) -> None:
    def broken(doc: object, options: object) -> Output:
        raise RuntimeError("writer exploded")

    formats = [*TEI_JSON, Format("broken", ".bad", broken, cost_ms=1.0)]
    result = convert_one(Input(SEED, PurePath("seed")), formats, tmp_path, Options())
    assert result.status == "failed"
    assert "broken: writer exploded" in result.reason
    assert [d.code for d in result.diagnostics if d.level == "error"] == ["CC501"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed.json", "seed.xml"]
    assert set(result.written) == {"tei", "json"}


def test_a_bug_on_one_input_costs_that_input_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = batch_module.convert_source

    def buggy(source: Source, options: Options, stem: str | None = None) -> object:
        if stem == "d2":
            raise IndexError("a bug")
        return real(source, options, stem=stem)

    monkeypatch.setattr(batch_module, "convert_source", buggy)
    items, _ = expand_inputs([str(volume(tmp_path / "in"))])
    _, results = run(items, tmp_path / "out")
    assert [r.status for r in results] == ["converted", "failed", "converted"] * 2
    assert results[1].diagnostics[0].code == "CC502"
    assert "IndexError('a bug')" in results[1].reason


def test_two_inputs_with_the_same_output_name_do_not_overwrite_each_other(
    tmp_path: Path,
) -> None:
    a, b = tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt"
    for p in (a, b):
        p.parent.mkdir()
        shutil.copyfile(SEED, p)
    items, _ = expand_inputs([str(a), str(b)])
    _, results = run(items, tmp_path / "out")
    assert [r.status for r in results] == ["converted", "failed"]
    assert "would overwrite" in results[1].reason and str(a) in results[1].reason
    assert results[1].diagnostics[0].code == "CC504"


# ---- choosing processes ------------------------------------------------------


def _work(n: int, names: tuple[str, ...]) -> list[Job]:
    return [Job(i, Input(SEED, PurePath(f"d{i}")), names) for i in range(n)]


def test_small_or_light_batches_run_in_this_process() -> None:
    assert workers_for(8, _work(5, ("tei",))) == 1
    assert workers_for(1, _work(5000, ("tei", "json"))) == 1
    assert workers_for(4, _work(1, ("docx", "pdf"))) == 1


def test_heavy_batches_use_the_requested_workers() -> None:
    assert workers_for(2, _work(600, ("tei",))) == 2
    assert workers_for(2, _work(130, ("tei",))) == 2
    assert workers_for(2, _work(20, ("tei", "json", "md", "docx", "pdf"))) == 2
    assert 2 < workers_for(64, _work(40, ("tei", "json", "md", "docx", "pdf"))) < 40


def test_a_worker_must_have_enough_work_to_pay_for_its_pandoc() -> None:
    assert workers_for(2, _work(20, ("tei",))) == 1
    assert workers_for(64, _work(4, ("docx", "pdf"))) == 1
    assert workers_for(2, _work(6, ("tei", "json", "md", "docx", "pdf"))) == 1


def test_docx_no_longer_counts_as_a_pandoc_format() -> None:
    """DOCX is written from the model (about 2 ms, no pandoc to start): a
    DOCX-only batch of 40 documents is not worth a worker process."""
    assert workers_for(2, _work(40, ("docx",))) == 1
    # the same for Markdown, written from the model too; pandoc's Markdown pays
    assert workers_for(2, _work(40, ("md",))) == 1
    assert workers_for(2, _work(40, ("markdown",))) == 2


def test_a_worker_pays_once_for_what_its_formats_share() -> None:
    from cableconv.batch import WORKER_START_MS, worker_start_ms
    from cableconv.writers import FORMATS

    def own(name: str) -> float:
        return sum(ms for _, ms in FORMATS[name].start_ms)

    pandoc = dict(FORMATS["markdown"].start_ms)["pandoc"]
    both = worker_start_ms({"markdown", "pdf"})
    assert both == WORKER_START_MS + own("markdown") + own("pdf") - pandoc


def test_the_batch_and_its_workers_name_no_format() -> None:
    """What a format costs, how it warms up and shuts down is in its Format:
    batch.py and workers.py hold no format's name."""
    import cableconv.workers
    from cableconv.writers import FORMATS

    for module in (batch_module, cableconv.workers):
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        for name in FORMATS:
            assert f'"{name}"' not in source, (module.__name__, name)
        assert "sys.modules" not in source


def _runner_seeing_warm_up(job: Job) -> bool:
    return Path(job.input.path.parent, f"warm-{os.getpid()}").exists()


def _mark(folder: Path, what: str) -> None:
    Path(folder, f"{what}-{os.getpid()}").touch()


def test_each_worker_warms_up_first_and_shuts_down_last(tmp_path: Path) -> None:
    import functools

    jobs = [Job(i, Input(tmp_path / f"d{i}.txt", PurePath(f"d{i}")), ("x",)) for i in range(8)]
    pool = WorkerPool(
        2,
        _runner_seeing_warm_up,
        warm_up=functools.partial(_mark, tmp_path, "warm"),
        shutdown=functools.partial(_mark, tmp_path, "down"),
    )
    assert all(dict(pool.run(jobs)).values())
    warm = {p.name.split("-")[1] for p in tmp_path.glob("warm-*")}
    down = {p.name.split("-")[1] for p in tmp_path.glob("down-*")}
    assert len(warm) == 2 and warm == down


# ---- a worker that retires ----------------------------------------------------

#: Memory a test runner holds on to, as typst and pandoc do after a large document.
_HELD: list[bytearray] = []


def _hold_memory_on_big(job: Job) -> int:
    if job.input.path.name.startswith("big"):
        _HELD.append(bytearray(b"x" * (64 << 20)))  # written, so resident
    return os.getpid()


def test_a_worker_past_its_memory_ceiling_retires_and_a_successor_goes_on(
    tmp_path: Path,
) -> None:
    names = ["a.txt", "big.txt", "b.txt", "c.txt", "big2.txt", "d.txt"]
    jobs = [Job(i, Input(tmp_path / n, PurePath(n)), ("x",)) for i, n in enumerate(names)]
    pool = WorkerPool(1, _hold_memory_on_big, retire_mb=32)
    pids = dict(pool.run(jobs))
    assert sorted(pids) == list(range(len(names)))
    # the worker that held 64 MiB more than it started with did not take another document
    assert pids[0] == pids[1] != pids[2] == pids[3] == pids[4] != pids[5]
    assert pool.retired == 2


def _warm_alone(folder: Path) -> None:
    """Warm-up that notes whether a predecessor is still alive (warmed up,
    not yet shut down) when this worker starts."""
    warm = {p.name.split("-")[1] for p in folder.glob("warm-*")}
    down = {p.name.split("-")[1] for p in folder.glob("down-*")}
    if warm - down:
        _mark(folder, "overlap")
    _mark(folder, "warm")


def test_a_retired_worker_has_shut_down_before_its_successor_starts(tmp_path: Path) -> None:
    import functools

    jobs = [Job(i, Input(tmp_path / f"big{i}.txt", PurePath(f"d{i}")), ("x",)) for i in range(5)]
    pool = WorkerPool(
        1,
        _hold_memory_on_big,  # every document leaves the worker too big: one worker each
        warm_up=functools.partial(_warm_alone, tmp_path),
        shutdown=functools.partial(_mark, tmp_path, "down"),
        retire_mb=32,
    )
    assert all(dict(pool.run(jobs)).values())
    assert len(list(tmp_path.glob("warm-*"))) == len(list(tmp_path.glob("down-*"))) == 5
    assert not list(tmp_path.glob("overlap-*"))


def _note_interval(job: Job) -> tuple[float, float]:
    """When the job ran; heavy ones take long enough to overlap if allowed to."""
    import time

    start = time.monotonic()
    time.sleep(0.3 if job.heavy else 0.01)
    return start, time.monotonic()


def test_heavy_documents_are_converted_one_at_a_time(tmp_path: Path) -> None:
    """Two workers never hold two heavy documents at once (their peaks would
    add up), and the light ones go on beside a heavy one."""
    heavy = {1, 2, 5, 9}
    jobs = [
        Job(i, Input(tmp_path / f"d{i}.txt", PurePath(f"d{i}")), ("x",), heavy=i in heavy)
        for i in range(12)
    ]
    import itertools

    times = dict(WorkerPool(2, _note_interval).run(jobs))
    assert sorted(times) == list(range(12))
    spans = sorted(times[i] for i in heavy)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert start >= end, "two heavy documents were converted at the same time"
    light_during_heavy = [
        i for i in times if i not in heavy and any(s < times[i][0] < e for s, e in spans)
    ]
    assert light_during_heavy, "the other worker idled while a heavy document was converted"


def test_a_worker_holding_memory_hands_a_heavy_document_to_a_fresh_successor(
    tmp_path: Path,
) -> None:
    names = ["big.txt", "a.txt", "heavy.txt", "b.txt"]
    jobs = [
        Job(i, Input(tmp_path / n, PurePath(n)), ("x",), heavy=n == "heavy.txt")
        for i, n in enumerate(names)
    ]
    pool = WorkerPool(1, _hold_memory_on_big, retire_mb=1024)  # never past its ceiling
    pids = dict(pool.run(jobs))
    # the worker that kept 64 MiB of "big" did not start the heavy one
    assert pids[0] == pids[1] != pids[2] == pids[3]
    assert pool.retired == 1


def test_only_large_transcriptions_are_heavy_and_only_for_formats_that_grow(
    tmp_path: Path,
) -> None:
    from cableconv.batch import is_heavy
    from cableconv.writers import FORMATS, HEAVY_BYTES

    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text("x" * 100)
    large.write_bytes(b"x" * HEAVY_BYTES)
    pdf, tei = [FORMATS["pdf"]], [FORMATS["tei"], FORMATS["json"], FORMATS["docx"]]
    assert is_heavy(Input(large, PurePath("large")), pdf)
    assert not is_heavy(Input(small, PurePath("small")), pdf)
    assert not is_heavy(Input(large, PurePath("large")), tei)
    # a document of a TEI volume: the file's size says nothing about the document
    assert not is_heavy(Input(large, PurePath("d1"), part="d1"), pdf)


def test_private_memory_counts_the_children_and_not_shared_files() -> None:
    import subprocess
    import sys

    from cableconv.workers import private_mb

    before = private_mb()
    child = subprocess.Popen(
        [sys.executable, "-c", "x = bytearray(b'x' * (48 << 20)); print(1, flush=True); input()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert child.stdout is not None and child.stdout.readline()
        assert private_mb() - before > 40
        # a child's pages, not the interpreter's mapped files: well under 48 + its own size
        assert private_mb(child.pid) < 48 + 30
    finally:
        child.kill()
        child.wait()


# ---- a worker that dies -------------------------------------------------------


def _die_on_crash(job: Job) -> str:
    if job.input.path.name == "crash.txt":
        os._exit(3)
    return job.input.path.name


def test_a_dead_worker_costs_one_document_and_the_batch_goes_on(tmp_path: Path) -> None:
    names = ["a.txt", "b.txt", "crash.txt", "c.txt", "d.txt", "e.txt", "f.txt"]
    jobs = [Job(i, Input(tmp_path / n, PurePath(n)), ("tei",)) for i, n in enumerate(names)]
    pool = WorkerPool(2, _die_on_crash, on_crash=lambda item, why: f"X {why}")
    results = dict(pool.run(jobs))
    assert sorted(results) == list(range(len(names)))
    assert results[2].startswith("X the worker process died") and "exit 3" in results[2]
    assert {results[i] for i in range(len(names)) if i != 2} == set(names) - {"crash.txt"}


# ---- incremental ---------------------------------------------------------------


def test_a_second_run_skips_every_up_to_date_input(tmp_path: Path) -> None:
    items, _ = expand_inputs([str(volume(tmp_path / "in"))])
    run(items, tmp_path / "out")
    before = outputs_of(tmp_path / "out")
    _, again = run(items, tmp_path / "out")
    assert [r.status for r in again] == ["skipped"] * len(items)
    assert all(r.reason == "up to date" and len(r.outputs) == 2 for r in again)
    assert outputs_of(tmp_path / "out") == before


def test_force_converts_everything_again(tmp_path: Path) -> None:
    items, _ = expand_inputs([str(volume(tmp_path / "in"))])
    run(items, tmp_path / "out")
    _, again = run(items, tmp_path / "out", force=True)
    assert [r.status for r in again] == ["converted"] * len(items)


def test_only_the_changed_input_is_converted_again(tmp_path: Path) -> None:
    src = volume(tmp_path / "in")
    items, _ = expand_inputs([str(src)])
    run(items, tmp_path / "out")
    changed = src / "vol2" / "d1.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA new paragraph.\n")
    _, again = run(items, tmp_path / "out")
    assert [r.input.path for r in again if r.status == "converted"] == [changed]


def test_a_touched_but_unchanged_input_is_skipped_and_its_stamp_remembered(
    tmp_path: Path,
) -> None:
    src = volume(tmp_path / "in", copies=1)
    items, _ = expand_inputs([str(src)])
    run(items, tmp_path / "out")
    touched = src / "vol1" / "d1.txt"
    old = touched.stat().st_mtime_ns - 3_600_000_000_000  # an hour earlier: not racy
    os.utime(touched, ns=(old, old))
    _, again = run(items, tmp_path / "out")
    assert [r.status for r in again] == ["skipped", "skipped"]
    entry = Manifest.load(tmp_path / "out").entries["vol1/d1"]
    assert entry["mtime_ns"] == old


def test_a_deleted_or_edited_output_is_written_again_and_only_that_format(
    tmp_path: Path,
) -> None:
    items, _ = expand_inputs([str(volume(tmp_path / "in", copies=1))])
    out = tmp_path / "out"
    run(items, out)
    (out / "vol1" / "d1.xml").unlink()
    (out / "vol2" / "d1.json").write_text("{}")
    _, again = run(items, out)
    assert [(r.status, sorted(r.written)) for r in again] == [
        ("converted", ["tei"]),
        ("converted", ["json"]),
    ]
    assert json.loads((out / "vol2" / "d1.json").read_text())["doc_id"]


def test_asking_for_a_new_format_converts_only_that_format(tmp_path: Path) -> None:
    items, _ = expand_inputs([str(volume(tmp_path / "in", copies=1))])
    out = tmp_path / "out"
    Batch(parse_formats("tei"), out).run(items)
    results = Batch(TEI_JSON, out).run(items)
    assert [sorted(r.written) for r in results] == [["json"], ["json"]]
    assert [r.status for r in Batch(TEI_JSON, out).run(items)] == ["skipped", "skipped"]


def test_other_options_mean_other_outputs(tmp_path: Path) -> None:
    items, _ = expand_inputs([str(volume(tmp_path / "in", copies=1))])
    out = tmp_path / "out"
    Batch(TEI_JSON, out).run(items)
    again = Batch(TEI_JSON, out, Options(normalize=False)).run(items)
    assert [r.status for r in again] == ["converted", "converted"]


def test_a_change_to_cableconv_itself_redoes_the_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items, _ = expand_inputs([str(volume(tmp_path / "in", copies=1))])
    out = tmp_path / "out"
    run(items, out)
    monkeypatch.setattr("cableconv.incremental.code_fingerprint", lambda: "another version")
    _, again = run(items, out)
    assert [r.status for r in again] == ["converted", "converted"]


def test_a_failed_input_is_tried_again_next_time(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_text("")
    items, _ = expand_inputs([str(src)])
    _, first = run(items, tmp_path / "out")
    _, second = run(items, tmp_path / "out")
    assert [r.status for r in first] == [r.status for r in second] == ["failed"]


def test_a_skipped_input_keeps_its_recorded_diagnostic_counts(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "orphan.txt").write_text(
        "The Consul to the Secretary\n\nText.\n\n  1. A note.\n", encoding="utf-8"
    )
    items, _ = expand_inputs([str(src)])
    _, first = run(items, tmp_path / "out")
    _, second = run(items, tmp_path / "out")
    assert first[0].status == "converted" and second[0].status == "skipped"
    assert second[0].counts() == first[0].counts()
    assert second[0].has_errors


def test_a_corrupt_manifest_means_converting_again_not_crashing(tmp_path: Path) -> None:
    items, _ = expand_inputs([str(volume(tmp_path / "in", copies=1))])
    out = tmp_path / "out"
    run(items, out)
    (out / MANIFEST_NAME).write_text("{not json")
    _, again = run(items, out)
    assert [r.status for r in again] == ["converted", "converted"]
    _, third = run(items, out)
    assert [r.status for r in third] == ["skipped", "skipped"]


def test_a_manifest_that_cannot_be_saved_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    items, _ = expand_inputs([str(volume(tmp_path / "in", copies=1))])
    out = tmp_path / "out"
    (out / MANIFEST_NAME).mkdir(parents=True)  # in the way of the rename
    b, results = run(items, out)
    assert [r.status for r in results] == ["converted", "converted"]
    assert "cannot save" in b.manifest_problem


def test_manifest_saves_merge_with_entries_written_by_another_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    items, _ = expand_inputs([str(volume(tmp_path / "in", copies=1))])
    first, second = Manifest.load(out), Manifest.load(out)  # two runs, same folder
    for manifest, item in ((first, items[0]), (second, items[1])):
        result = convert_one(item, TEI_JSON, out, Options())
        assert result.stamp is not None
        key = item.rel.as_posix()
        manifest.record(key, item.path.absolute(), result.stamp, "s", result.written, {})
        manifest.save()
    assert sorted(Manifest.load(out).entries) == ["vol1/d1", "vol2/d1"]


# ---- atomic writes ---------------------------------------------------------------


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "doc.xml"
    write_atomic(target, b"old")

    def no_rename(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.xml"]


def test_temporaries_of_dead_writers_are_swept_and_live_ones_kept(tmp_path: Path) -> None:
    dead_pid = _a_dead_pid()
    stale = tmp_path / f".d1.xml.{dead_pid}-0a1b2c3d.tmp"
    live = tmp_path / f".d2.xml.{os.getppid()}-0a1b2c3d.tmp"
    other = tmp_path / ".notes.tmp"
    for p in (stale, live, other):
        p.write_bytes(b"<TEI")
    assert all(is_temp_name(p.name) for p in (stale, live, other))
    assert sweep_stale_temps(tmp_path) == [stale]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name])


def _a_dead_pid() -> int:
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_written_files_are_readable_by_others_like_any_new_file(tmp_path: Path) -> None:
    target = tmp_path / "doc.xml"
    write_atomic(target, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


# ---- inputs ---------------------------------------------------------------------


def test_folders_are_walked_in_sorted_order_without_hidden_files(tmp_path: Path) -> None:
    src = volume(tmp_path / "in", copies=2)
    (src / "vol1" / ".#d1.txt").write_text("editor lock")
    (src / ".hidden").mkdir()
    (src / ".hidden" / "x.txt").write_text("x")
    items, problems = expand_inputs([str(src)])
    assert problems == []
    assert [i.rel.as_posix() for i in items] == ["vol1/d1", "vol1/d2", "vol2/d1", "vol2/d2"]


def test_an_output_folder_inside_the_input_folder_is_not_walked(tmp_path: Path) -> None:
    src = volume(tmp_path / "in", copies=1)
    (src / "out" / "vol1").mkdir(parents=True)
    (src / "out" / "vol1" / "d1.changes.txt").write_text("an output, not an input")
    items, _ = expand_inputs([str(src)], skip_dirs=(src / "out",))
    assert [i.rel.as_posix() for i in items] == ["vol1/d1", "vol2/d1"]


def test_the_same_file_given_twice_is_converted_once(tmp_path: Path) -> None:
    src = volume(tmp_path / "in", copies=1)
    items, _ = expand_inputs([str(src), str(src / "vol1" / "d1.txt"), str(src / "vol1" / "*.txt")])
    assert [i.rel.as_posix() for i in items] == ["vol1/d1", "vol2/d1"]


def test_a_document_too_large_for_pdf_and_markdown_still_gets_tei(tmp_path: Path) -> None:
    from cableconv.batch import convert_one
    from cableconv.inputs import Input
    from cableconv.pipeline import Options
    from cableconv.writers import FORMATS

    src = tmp_path / "big.txt"
    src.write_text("Heading\n\n" + "word " * 420_000 + "\n", encoding="utf-8")
    formats = [FORMATS[n] for n in ("tei", "md", "pdf")]
    result = convert_one(Input(src, PurePath("big")), formats, tmp_path / "out", Options())
    assert (tmp_path / "out" / "big.xml").exists()
    assert not (tmp_path / "out" / "big.md").exists()
    assert not (tmp_path / "out" / "big.pdf").exists()
    assert [d.code for d in result.diagnostics if d.level == "error"] == ["CC505", "CC505"]
    assert result.status == "failed"
