"""CLI transcripts, in the manner of pandoc's ``test/command/*.md``.

Each ``tests/command/*.md`` is named after the bug it pins and holds one or
more transcripts, each in a fenced block::

    % cableconv check doc.txt
    --- doc.txt
    the input file, as typed
    --- output
    what the command prints (stdout and stderr, as a terminal shows them)
    --- exit 1

``--- NAME (crlf)`` writes the file with CRLF line endings, ``--- NAME
(escaped)`` reads Python escapes in it (``\\x00`` is a NUL byte). The command runs
in a fresh folder holding the input files, so the paths it prints are the
ones written here. Times vary, so ``in 0.05 s (20 docs/s)`` in a summary
line is compared as ``in <time>``.
"""

from __future__ import annotations

import codecs
import io
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cableconv.cli import run

COMMANDS = Path(__file__).parent / "command"
_FENCE = re.compile(r"^```\n(% cableconv .*?)^```$", re.MULTILINE | re.DOTALL)
_SECTION = re.compile(r"^--- (.+)$", re.MULTILINE)
_TIME = re.compile(r" in \d+\.\d+ s(?: \([\d.]+ docs/s\))?")


@dataclass
class Transcript:
    where: str
    argv: list[str]
    files: dict[str, bytes] = field(default_factory=dict)
    output: str = ""
    exit: int = 0


def _transcripts(path: Path) -> list[Transcript]:
    text = path.read_text(encoding="utf-8")
    found: list[Transcript] = []
    for m in _FENCE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        command, _, body = m.group(1).partition("\n")
        t = Transcript(f"{path.name}:{line}", shlex.split(command[2:])[1:])
        cuts = list(_SECTION.finditer(body))
        for k, head in enumerate(cuts):
            end = cuts[k + 1].start() if k + 1 < len(cuts) else len(body)
            content = body[head.end() + 1 : end]
            name = head.group(1)
            if name == "output":
                t.output = content
            elif name.startswith("exit "):
                t.exit = int(name.split()[1])
            elif name.endswith(" (crlf)"):
                t.files[name[: -len(" (crlf)")]] = content.replace("\n", "\r\n").encode("utf-8")
            elif name.endswith(" (escaped)"):
                data = codecs.escape_decode(content.encode("utf-8"))[0]  # type: ignore[attr-defined]
                t.files[name[: -len(" (escaped)")]] = data
            else:
                t.files[name] = content.encode("utf-8")
        found.append(t)
    return found


TRANSCRIPTS = [t for path in sorted(COMMANDS.glob("*.md")) for t in _transcripts(path)]


def test_there_are_transcripts() -> None:
    assert len(TRANSCRIPTS) >= 6
    for t in TRANSCRIPTS:
        assert t.files and t.output, t.where


@pytest.mark.parametrize("t", TRANSCRIPTS, ids=lambda t: t.where)
def test_transcript(t: Transcript, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, data in t.files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    screen = io.StringIO()
    code = run(t.argv, screen, screen)
    printed = _TIME.sub(" in <time>", screen.getvalue())
    assert (printed, code) == (t.output, t.exit), t.where
