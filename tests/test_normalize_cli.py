"""``cableconv normalize``: modes, exit codes, positions, settings."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from cableconv.cli import run

from .conftest import SEED, sample_paths

#: What a plain keyboard makes of FRUS typography (as ../shared/eval/degrade.py does).
TYPED = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "--"})


def cli(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run([str(a) for a in argv], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def typed_seed(tmp_path: Path) -> Path:
    """The seed typed with straight quotes, hyphens and -- for em dashes."""
    path = tmp_path / "seed.txt"
    path.write_text(SEED.read_text(encoding="utf-8").translate(TYPED), encoding="utf-8")
    return path


def test_prints_the_normalised_text(typed_seed: Path) -> None:
    code, out, err = cli("normalize", typed_seed)
    assert code == 0
    assert out == SEED.read_text(encoding="utf-8")
    assert err == ""


def test_explain_gives_each_change_with_line_and_column(typed_seed: Path) -> None:
    code, out, _ = cli("normalize", "--explain", typed_seed)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"{typed_seed}:1:10 file_numbers '-' → '–'"
    assert lines == [
        f"{typed_seed}:1:10 file_numbers '-' → '–'",
        f"{typed_seed}:9:170 single_quotes '\\'' → '’'",
        f"{typed_seed}:9:539 double_quotes '\"' → '“'",
        f"{typed_seed}:9:604 double_quotes '\"' → '”'",
        f"{typed_seed}:11:571 double_quotes '\"' → '“'",
        f"{typed_seed}:11:593 double_quotes '\"' → '”'",
        f"{typed_seed}:11:1401 em_dashes '--' → '—'",
    ]


def test_explain_positions_point_at_what_changed(typed_seed: Path) -> None:
    """Independently of the expected list: each line:col starts with 'before'."""
    typed_lines = typed_seed.read_text(encoding="utf-8").split("\n")
    _, out, _ = cli("normalize", "--explain", typed_seed)
    pattern = re.compile(r"^.*:(\d+):(\d+) (\w+) '((?:\\.|[^'])*)' → '((?:\\.|[^'])*)'$")
    for line in out.splitlines():
        m = pattern.match(line)
        assert m, line
        row, col = int(m.group(1)), int(m.group(2))
        before = m.group(4).replace("\\'", "'")
        assert typed_lines[row - 1][col - 1 :].startswith(before), line


def test_explain_counts_columns_after_a_byte_order_mark_like_an_editor(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf761.93/12-1544: Telegram\r\n")
    code, out, _ = cli("normalize", "--explain", path)
    assert code == 0
    assert out.splitlines() == [
        f"{path}:1:1 byte_order_mark '\\ufeff' → ''",
        f"{path}:1:10 file_numbers '-' → '–'",
        f"{path}:1:25 line_endings '\\r\\n' → '\\n'",
    ]


def test_diff_is_a_unified_diff(typed_seed: Path) -> None:
    code, out, _ = cli("normalize", "--diff", typed_seed)
    assert code == 0
    assert out.startswith(f"--- {typed_seed}\t(original)\n+++ {typed_seed}\t(normalised)\n")
    assert "\n-761.93/12-1544: Telegram\n+761.93/12–1544: Telegram\n" in out


def test_check_exits_1_when_a_file_would_change(typed_seed: Path) -> None:
    code, out, err = cli("normalize", "--check", typed_seed)
    assert code == 1
    assert out == ""
    assert f"would normalise {typed_seed}: 7 change(s)" in err
    assert typed_seed.read_text(encoding="utf-8") != SEED.read_text(encoding="utf-8")


def test_check_passes_on_the_samples() -> None:
    code, _, err = cli("normalize", "--check", *sample_paths())
    assert code == 0, err
    assert f"0 file(s) would be normalised, {len(sample_paths())} unchanged" in err


def test_check_with_diff_shows_the_diff_and_fails(typed_seed: Path) -> None:
    code, out, _ = cli("normalize", "--check", "--diff", typed_seed)
    assert code == 1
    assert "+761.93/12–1544: Telegram" in out


def test_write_rewrites_in_place_without_backup(typed_seed: Path) -> None:
    code, out, err = cli("normalize", "--write", typed_seed)
    assert code == 0
    assert out == ""
    assert typed_seed.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")
    assert sorted(p.name for p in typed_seed.parent.iterdir()) == ["seed.txt"]
    assert "normalised" in err
    assert cli("normalize", "--check", typed_seed)[0] == 0


def test_write_keeps_a_backup_when_asked(typed_seed: Path) -> None:
    typed = typed_seed.read_bytes()
    code, _, _ = cli("normalize", "--write", "--backup", typed_seed)
    assert code == 0
    assert (typed_seed.parent / "seed.txt.bak").read_bytes() == typed
    assert typed_seed.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_write_leaves_unchanged_files_untouched(tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    path.write_bytes(SEED.read_bytes())
    before = path.stat().st_mtime_ns
    assert cli("normalize", "--write", "--backup", path)[0] == 0
    assert path.stat().st_mtime_ns == before
    assert not (tmp_path / "clean.txt.bak").exists()


def test_write_turns_windows_1252_into_utf8(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Naval Attaché said “yes”\n".encode("cp1252"))
    code, _, err = cli("normalize", "--check", path)
    assert code == 1
    assert "CC002" in err and "read as Windows-1252" in err
    assert cli("normalize", "--write", path)[0] == 0
    assert path.read_bytes() == "Naval Attaché said “yes”\n".encode()


def test_no_fix_switches_a_fix_off(typed_seed: Path) -> None:
    _, out, _ = cli("normalize", "--no-fix", "file_numbers", "--no-fix", "quotes", typed_seed)
    assert out.startswith("761.93/12-1544: Telegram")
    assert "Russia's entry" in out
    assert "Outer Mongolia—the" in out


def test_unknown_fix_is_a_usage_error(typed_seed: Path) -> None:
    code, out, err = cli("normalize", "--no-fix", "smart_quotes", typed_seed)
    assert code == 2
    assert out == ""
    assert "unknown fix(es): smart_quotes" in err and "double_quotes" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["--backup", "x.txt"],
        ["--check", "--write", "x.txt"],
        ["--diff", "--explain", "x.txt"],
        [],
    ],
)
def test_usage_errors_exit_2(argv: list[str]) -> None:
    code, _, err = cli("normalize", *argv)
    assert code == 2
    assert "error" in err


def test_missing_and_binary_files_exit_2_but_the_others_are_done(
    tmp_path: Path, typed_seed: Path
) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x00\x00")
    code, out, err = cli("normalize", "--explain", tmp_path / "missing.txt", binary, typed_seed)
    assert code == 2
    assert "missing.txt: error: no such file or folder" in err
    assert f"{binary}: error CC003 binary data" in err
    assert f"{typed_seed}:1:10 file_numbers" in out


def test_warnings_go_to_stderr_with_their_position(tmp_path: Path) -> None:
    path = tmp_path / "ambiguous.txt"
    path.write_text('Call 555-1234.\n\nHe said a"b\n', encoding="utf-8")
    code, out, err = cli("normalize", path)
    assert code == 0
    assert out == path.read_text(encoding="utf-8")
    assert f"{path}:1:6: warning CC203" in err
    assert f"{path}:3:10: warning CC201" in err
    assert cli("normalize", "-q", path)[2] == ""


def test_folders_are_expanded(tmp_path: Path, typed_seed: Path) -> None:
    code, _, err = cli("normalize", "--check", tmp_path)
    assert code == 1
    assert "1 file(s) would be normalised, 0 unchanged" in err


def test_settings_in_pyproject_switch_fixes_off(tmp_path: Path, typed_seed: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cableconv]\ndisabled-fixes = ["quotes", "file_numbers"]\n', encoding="utf-8"
    )
    _, out, _ = cli("normalize", typed_seed)
    assert out.startswith("761.93/12-1544: Telegram")
    assert "Russia's entry" in out


def test_bad_settings_are_a_usage_error(tmp_path: Path, typed_seed: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cableconv]\ndisabled-fix = ["quotes"]\n', encoding="utf-8"
    )
    code, out, err = cli("normalize", typed_seed)
    assert code == 2
    assert out == ""
    assert "disabled-fix: unknown setting" in err and "did you mean 'disabled-fixes'" in err


def test_list_fixes_names_every_fix() -> None:
    from cableconv.normalize import FIX_NAMES

    code, out, _ = cli("normalize", "--list-fixes")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == list(FIX_NAMES)
