"""Finding inputs: nothing crashes the walk and nothing is left out without a word.

Each case is one an operator meets: a symbolic-link loop, a folder that cannot
be read, a path longer than the system allows, ``*.TXT``, a FIFO or a link to
a device. Every refused entry is named, with its code, by ``convert`` and
``check``, in their reports too, and the exit code says so.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from cableconv.cli import run
from cableconv.inputs import expand_inputs

from .conftest import SEED

ROOT = Path(__file__).resolve().parent.parent


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def folder_with(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copyfile(SEED, folder / "good.txt")
    return folder


def codes_of(problems: list[Any]) -> dict[str, str]:
    return {Path(p.arg).name: p.code for p in problems}


def test_a_symlink_loop_is_reported_and_the_rest_is_found(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "gone.txt").symlink_to("nowhere.txt")
    found, problems = expand_inputs([str(folder)])
    assert [i.path.name for i in found] == ["good.txt"]
    assert codes_of(problems) == {"loop.txt": "CC008", "gone.txt": "CC008"}
    assert "loops" in {p.arg: p.message for p in problems}[str(folder / "loop.txt")]


def test_convert_and_check_survive_a_loop_and_say_so(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    (folder / "loop.txt").symlink_to("loop.txt")
    report = tmp_path / "report.json"
    code, _, err = cli("convert", str(folder), "-o", str(tmp_path / "out"), "--report", str(report))
    assert code == 1
    assert "loop.txt: error: a symbolic link that loops" in err
    assert (tmp_path / "out" / "good.xml").is_file()
    data = json.loads(report.read_text("utf-8"))
    assert [p["code"] for p in data["input_problems"]] == ["CC008"]
    code, out, err = cli("check", str(folder), "--format", "json")
    assert code == 2
    files = {Path(f["file"]).name: f for f in json.loads(out)["files"]}
    assert files["loop.txt"]["kind"] == "refused"
    assert files["loop.txt"]["diagnostics"][0]["code"] == "CC008"
    assert files["good.txt"]["kind"] == "transcription"


def test_a_folder_that_cannot_be_listed_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = folder_with(tmp_path)
    locked = folder / "locked"
    locked.mkdir()
    shutil.copyfile(SEED, locked / "hidden-from-us.txt")
    real = os.scandir

    def scandir(path: Any) -> Any:  # root reads every folder: refuse as a user's permissions would
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr("cableconv.inputs.os.scandir", scandir)
    found, problems = expand_inputs([str(folder)])
    assert [i.path.name for i in found] == ["good.txt"]
    assert [(p.arg, p.code) for p in problems] == [(str(locked), "CC008")]
    assert "Permission denied" in problems[0].message


def test_a_path_longer_than_the_system_allows_is_reported(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    fd = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(5000 // 200 + 1):  # deeper than PATH_MAX (4096 on Linux)
            os.mkdir("d" * 200, dir_fd=fd)
            deeper = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = deeper
        made = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(made, SEED.read_bytes())
        os.close(made)
    finally:
        os.close(fd)
    found, problems = expand_inputs([str(folder)])
    assert [i.path.name for i in found] == ["good.txt"]
    assert len(problems) == 1
    assert problems[0].code == "CC008"
    assert "longer than the system allows" in problems[0].message


def test_a_too_long_path_named_directly_is_refused_not_a_traceback(tmp_path: Path) -> None:
    """Looking for pyproject.toml beside the inputs asked ``is_dir`` of the
    path itself, which raises ENAMETOOLONG: a traceback before any work."""
    good = folder_with(tmp_path) / "good.txt"
    long = tmp_path / ("x" * 300 + ".txt")  # one name longer than NAME_MAX (255)
    code, _, err = cli("convert", str(long), str(good), "-o", str(tmp_path / "out"))
    assert code == 1
    assert "longer than the system allows" in err and "CC008" in err
    assert (tmp_path / "out" / "good.xml").is_file()
    code, _, err = cli("check", str(long))
    assert code == 2 and "Traceback" not in err


def test_upper_case_suffixes_are_transcriptions(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    shutil.copyfile(SEED, folder / "LOUD.TXT")
    found, problems = expand_inputs([str(folder)])
    assert sorted(i.path.name for i in found) == ["LOUD.TXT", "good.txt"]
    assert {i.rel.as_posix() for i in found} == {"LOUD", "good"}
    assert problems == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_a_device_in_a_folder_is_refused_not_opened(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    os.mkfifo(folder / "pipe.txt")  # opening it would block for ever
    (folder / "null.txt").symlink_to(os.devnull)
    found, problems = expand_inputs([str(folder)])
    assert [i.path.name for i in found] == ["good.txt"]
    assert codes_of(problems) == {"pipe.txt": "CC007", "null.txt": "CC007"}
    messages = {Path(p.arg).name: p.message for p in problems}
    assert "FIFO" in messages["pipe.txt"]
    assert "device" in messages["null.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_directly_is_not_called_missing(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    code, out, err = cli("check", str(tmp_path / "pipe.txt"))
    assert code == 2
    assert "no such file" not in err
    assert "FIFO" in err and "CC007" in out
    code, _, err = cli("convert", str(tmp_path / "pipe.txt"), "-o", str(tmp_path / "out"))
    assert code == 2
    assert "pipe.txt: error: a FIFO" in err


def test_a_linked_folder_is_named_not_entered(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    (folder / "self").symlink_to(".")
    found, problems = expand_inputs([str(folder)])
    assert [i.path.name for i in found] == ["good.txt"]
    assert codes_of(problems) == {"self": "CC009"}


def _hook() -> tuple[list[str], re.Pattern[str]]:
    """The hook's ``entry`` and ``args`` as pre-commit joins them, and its ``files``."""
    text = (ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")
    fields = dict(re.findall(r"(?m)^  (entry|args|files): (.*)$", text))
    args = [a.strip() for a in fields["args"].strip("[]").split(",") if a.strip()]
    return fields["entry"].split() + args, re.compile(fields["files"])


def test_the_pre_commit_hook_takes_a_file_named_like_an_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    command, files = _hook()
    assert command[0] == "cableconv"
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(SEED, tmp_path / "-rf.txt")
    shutil.copyfile(SEED, tmp_path / "LOUD.TXT")
    staged = [name for name in ("-rf.txt", "LOUD.TXT", "notes.md") if files.search(name)]
    assert staged == ["-rf.txt", "LOUD.TXT"]
    code, out, err = cli(*command[1:], *staged)  # pre-commit runs: entry args... files...
    assert "unrecognized arguments" not in err
    assert code == 0, out + err
    assert "checked 2 files" in out
