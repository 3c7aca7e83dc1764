"""``cableconv check`` on the command line: inputs, formats, exit codes.

0 no errors; 1 errors (warnings too with --strict); 2 usage errors and
inputs that cannot be found or read.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from cableconv.cli import run
from cableconv.pipeline import convert_path
from cableconv.writers.tei import to_tei_bytes

from .conftest import SEED

BROKEN = Path(__file__).parent / "broken"


def check(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["check", *args], out, err)
    return code, out.getvalue(), err.getvalue()


def test_clean_transcription_exits_0() -> None:
    code, out, _ = check(str(SEED))
    assert code == 0
    assert out.strip() == "checked 1 file: no problems"


def test_errors_exit_1_and_name_file_line_col() -> None:
    path = BROKEN / "page-marker-without-number.txt"
    code, out, _ = check(str(path))
    assert code == 1
    assert f"{path}:11:" in out
    assert ": error CC106 page marker without a page number" in out
    assert out.rstrip().endswith("checked 1 file: 1 error, 0 warnings in 1 file")


def test_a_page_printed_without_a_number_is_a_warning_not_an_error(tmp_path: Path) -> None:
    # "[Page ]" alone on its line: the official TEI's <pb n=""/> (frus1870 d541)
    path = tmp_path / "d.txt"
    path.write_text(
        "Mr. Low to Mr. Fish.\n\nThe text.\n\n[Page ]\n\n[Page [525]]\n", encoding="utf-8"
    )
    code, out, _ = check(str(path))
    assert code == 0, out
    assert ": warning CC116 page marker without a number" in out
    assert "CC106" not in out


def test_warnings_fail_only_with_strict() -> None:
    path = str(BROKEN / "unclosed-double-quote.txt")
    assert check(path)[0] == 0
    assert check(path, "--strict")[0] == 1


def test_folder_checks_every_transcription_and_tei_file(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "seed.txt")
    (tmp_path / "sub").mkdir()
    shutil.copy(BROKEN / "page-marker-empty.txt", tmp_path / "sub" / "broken.txt")
    (tmp_path / "seed.xml").write_bytes(to_tei_bytes(convert_path(SEED).document))
    code, out, _ = check(str(tmp_path), "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert {Path(f["file"]).name: f["kind"] for f in data["files"]} == {
        "seed.txt": "transcription",
        "broken.txt": "transcription",
        "seed.xml": "tei",
    }
    assert data["summary"]["files_with_errors"] == 1


def test_tei_file_positions_are_xml_lines() -> None:
    path = BROKEN / "tei" / "footnote-id-without-prefix.xml"
    code, out, _ = check(str(path))
    assert code == 1
    assert "CC321" in out
    assert f"{path}:23:1:" in out


def test_missing_input_exits_2_after_checking_the_rest() -> None:
    code, out, err = check(str(SEED), "no/such/file.txt")
    assert code == 2
    assert "no/such/file.txt: error: no such file or folder" in err
    assert "checked 1 file" in out


def test_unreadable_input_exits_2(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, out, _ = check(str(binary), "--format", "json")
    assert code == 2
    (entry,) = json.loads(out)["files"]
    assert entry["diagnostics"][0]["code"] == "CC003"


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--format", "xml", "x.txt"],
        ["--ignore", "CC999", "x.txt"],
        ["--no-fix", "no_such_fix", "x.txt"],
    ],
    ids=["no input", "unknown format", "unknown code", "unknown fix"],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert check(*args)[0] == 2


def test_ignore_leaves_codes_out() -> None:
    path = str(BROKEN / "page-marker-without-number.txt")
    code, out, _ = check(path, "--ignore", "CC106,CC205")
    assert code == 0
    assert "CC106" not in out


def test_output_file_gets_the_report_stdout_the_summary(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "check.sarif"
    code, out, _ = check(
        str(BROKEN / "page-marker-empty.txt"), "--format", "sarif", "--output", str(target)
    )
    assert code == 1
    assert out == "checked 1 file: 1 error, 0 warnings in 1 file\n"
    log = json.loads(target.read_text("utf-8"))
    assert log["runs"][0]["results"][0]["ruleId"] == "CC106"


def test_github_format_lines() -> None:
    path = BROKEN / "page-marker-empty.txt"
    code, out, _ = check(str(path), "--format", "github")
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(
        f"::error file={path},line=12,col=1,endLine=12,endColumn=7,title=CC106 "
    )


def test_list_codes() -> None:
    code, out, _ = check("--list-codes")
    assert code == 0
    assert "CC102  error    footnote marker without a note" in out


def test_one_process_for_many_files() -> None:
    """Every broken case in one run; the exit code is the worst outcome."""
    count = sum(1 for p in BROKEN.rglob("*") if p.suffix in (".txt", ".xml"))
    code, out, _ = check(str(BROKEN))
    assert code == 1
    assert f"checked {count} files" in out


def test_pre_commit_hook_runs_check_on_transcriptions() -> None:
    hooks = (Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text("utf-8")
    assert "- id: cableconv-check\n" in hooks
    assert "\n  entry: cableconv check\n" in hooks
    assert "\n  files: (?i)\\.txt$\n" in hooks


# ---- what a reviewer cannot see (the "Trojan Source" class) -----------------


def _with(tmp_path: Path, old: str, new: str, name: str = "doc.txt") -> Path:
    text = SEED.read_text("utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


def _found(path: Path, *flags: str) -> tuple[int, list[dict[str, object]]]:
    code, out, _ = check(str(path), "--format", "json", *flags)
    (entry,) = json.loads(out)["files"]
    return code, entry["diagnostics"]


@pytest.mark.parametrize(
    ("char", "code", "exit_code"),
    [
        ("\u202e", "CC011", 1),  # right-to-left override
        ("\u2066", "CC011", 1),  # left-to-right isolate
        ("\u200b", "CC010", 0),  # zero-width space
        ("\u200d", "CC010", 0),  # zero-width joiner between Latin letters
        ("\u00ad", "CC010", 0),  # soft hyphen
        ("\U000e0041", "CC010", 0),  # tag latin capital letter a
    ],
    ids=["RLO", "LRI", "ZWSP", "ZWJ", "SHY", "TAG"],
)
def test_invisible_characters_are_flagged_where_they_are(
    tmp_path: Path, char: str, code: str, exit_code: int
) -> None:
    line_no, line = next(
        (n, line) for n, line in enumerate(SEED.read_text("utf-8").splitlines(), 1) if "the" in line
    )
    col = line.index("the") + 2  # between "t" and "he", 1-based
    path = _with(tmp_path, line, line.replace("the", "t" + char + "he", 1))
    status, diags = _found(path)
    ours = [d for d in diags if d["code"] == code]
    assert len(ours) == 1, diags
    assert ours[0]["span"]["line"] == line_no and ours[0]["span"]["col"] == col
    assert f"U+{ord(char):04X}" in str(ours[0]["message"]) and ours[0]["hint"]
    assert status == exit_code
    assert _found(path, "--strict")[0] == 1  # a gate with --strict refuses all of them


def test_bidi_controls_in_right_to_left_text_are_only_a_warning(tmp_path: Path) -> None:
    path = _with(tmp_path, " the ", " \u05e9\u05dc\u05d5\u05dd \u2067x\u2069 the ")
    status, diags = _found(path)
    assert {d["code"] for d in diags} == {"CC012"}
    assert status == 0


def test_joiners_inside_scripts_that_need_them_are_text(tmp_path: Path) -> None:
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # می‌خواهم
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji
    path = _with(tmp_path, " the ", f" {persian} {family} \u200f the ")
    _, diags = _found(path)
    assert [d["code"] for d in diags if str(d["code"]).startswith("CC01")] == []


@pytest.mark.parametrize(
    ("text", "words"),
    [("hello world\n", "no text after it"), ("  1. A note.\n  2. Another.\n", "list of notes")],
    ids=["one line", "only notes"],
)
def test_a_document_with_nothing_but_a_heading_fails(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "short.txt"
    path.write_text(text, "utf-8")
    status, diags = _found(path)
    assert status == 1
    (only,) = [d for d in diags if d["code"] == "CC013"]
    assert words in str(only["message"])
