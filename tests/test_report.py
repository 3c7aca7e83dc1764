"""Output formats of ``cableconv check``: text, JSON, GitHub, SARIF 2.1.0.

The SARIF log validates against the OASIS SARIF 2.1.0 JSON schema (draft-04,
shipped in tests/data), and GitHub annotations follow the workflow-command
syntax, escaping included.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from cableconv.diagnostics import CODES, Diagnostic, Place, Span
from cableconv.report import (
    FileReport,
    artifact_uri,
    escape_data,
    escape_property,
    github_line,
    render,
    render_text,
    sarif_log,
)

SARIF_SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text("utf-8")
)


#: A code of level info, for the formats' "notice" and "note" (none of the
#: real codes is an info yet).
INFO = "CC999"


@pytest.fixture(autouse=True)
def _info_code(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(CODES, INFO, ("info", "a note for the reader"))


def _d(code: str, line: int | None, message: str, file: str, hint: str = "") -> Diagnostic:
    span, place = (Span(0, 3), Place(line, 5, line, 8)) if line is not None else (None, None)
    return Diagnostic(code, message, span, hint, file, place)


def _reports() -> list[FileReport]:
    a = "docs/vol 1/d1.txt"
    b = "docs/d2.txt"
    return [
        FileReport(
            a,
            "transcription",
            [
                _d("CC102", 3, "' 7' looks like a footnote marker", a, "add the note"),
                _d("CC112", 9, "opening quote “ is never closed", a),
            ],
        ),
        FileReport(b, "transcription", []),
        FileReport("bin.txt", "unreadable", [_d("CC003", None, "binary data", "bin.txt")]),
        FileReport("x.xml", "tei", [_d(INFO, 4, "100% odd, a:b", "x.xml")]),
    ]


def test_text_groups_by_file_with_hints_and_summary() -> None:
    text = render_text(_reports())
    assert text == (
        "docs/vol 1/d1.txt:3:5: error CC102 ' 7' looks like a footnote marker\n"
        "  hint: add the note\n"
        "docs/vol 1/d1.txt:9:5: warning CC112 opening quote “ is never closed\n"
        "\n"
        "bin.txt: error CC003 binary data\n"
        "\n"
        "x.xml:4:5: info CC999 100% odd, a:b\n"
        "\n"
        "checked 4 files: 2 errors, 1 warning in 2 files\n"
    )


def test_text_when_all_is_well() -> None:
    assert render_text([FileReport("a.txt")]) == "checked 1 file: no problems\n"


def test_json_report() -> None:
    data = json.loads(render(_reports(), "json"))
    assert data["summary"] == {
        "files": 4,
        "errors": 2,
        "warnings": 1,
        "infos": 1,
        "files_with_errors": 2,
        "refused": 0,
    }
    first = data["files"][0]
    assert first["file"] == "docs/vol 1/d1.txt"
    assert first["diagnostics"][0]["span"]["line"] == 3
    assert data["files"][2]["diagnostics"][0]["span"] is None


# --------------------------------------------------------------------------
# GitHub workflow commands
# --------------------------------------------------------------------------


def test_escaping_follows_the_workflow_command_syntax() -> None:
    assert escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert escape_data("a:b,c") == "a:b,c"
    assert escape_property("C:\\dir,1%\n") == "C%3A\\dir%2C1%25%0A"


def test_github_line() -> None:
    d = _d("CC102", 3, "marker ' 7': no note, 100%", "docs/a,b:c.txt", "add\nit")
    assert github_line(d) == (
        "::error file=docs/a%2Cb%3Ac.txt,line=3,col=5,endLine=3,endColumn=8,"
        "title=CC102 footnote marker without a note::marker ' 7': no note, 100%25%0Ahint: add%0Ait"
    )


@pytest.mark.parametrize(
    ("code", "command"), [("CC102", "error"), ("CC112", "warning"), (INFO, "notice")]
)
def test_github_levels(code: str, command: str) -> None:
    assert github_line(_d(code, 1, "m", "a.txt")).startswith(f"::{command} ")


def test_github_without_position() -> None:
    line = github_line(_d("CC003", None, "binary data", "bin.txt"))
    assert (
        line == "::error file=bin.txt,title=CC003 file cannot be read as a text transcription"
        "::binary data"
    )


def test_github_report_is_one_command_a_line() -> None:
    lines = render(_reports(), "github").splitlines()
    assert [ln.split(" ", 1)[0] for ln in lines[:-1]] == [
        "::error",
        "::warning",
        "::error",
        "::notice",
    ]
    assert lines[-1].startswith("checked 4 files")


# --------------------------------------------------------------------------
# SARIF
# --------------------------------------------------------------------------


def test_sarif_validates_against_the_2_1_0_schema() -> None:
    log = sarif_log(_reports())
    jsonschema.Draft4Validator.check_schema(SARIF_SCHEMA)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)


def test_sarif_of_a_real_run_validates(tmp_path: Path) -> None:
    from cableconv.commands.check_cmd import check_paths

    broken = Path(__file__).parent / "broken"
    reports = check_paths(sorted(broken.rglob("*.txt"))[:10] + sorted(broken.rglob("*.xml"))[:3])
    log = json.loads(render(reports, "sarif"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert log["runs"][0]["results"]


def test_sarif_results() -> None:
    log = sarif_log(_reports())
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules][: len(CODES)] == list(CODES)
    first = run["results"][0]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"] == "CC102"
    assert first["level"] == "error"
    assert first["message"]["text"] == "' 7' looks like a footnote marker\nhint: add the note"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "docs/vol%201/d1.txt", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 8}
    levels = [r["level"] for r in run["results"]]
    assert levels == ["error", "warning", "error", "note"]
    assert "region" not in run["results"][2]["locations"][0]["physicalLocation"]


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("samples/a b.txt", {"uri": "samples/a%20b.txt", "uriBaseId": "%SRCROOT%"}),
        ("./x/y.txt", {"uri": "x/y.txt", "uriBaseId": "%SRCROOT%"}),
        ("/abs/p#1.txt", {"uri": "file:///abs/p%231.txt"}),
        ("C:\\work\\d.txt", {"uri": "file:///C:/work/d.txt"}),
    ],
)
def test_artifact_uri(path: str, uri: dict[str, str]) -> None:
    assert artifact_uri(path) == uri
