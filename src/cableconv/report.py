"""Output formats for diagnostics: text, JSON, GitHub annotations, SARIF.

Each format is one function from the checked files to a string:

* ``text``: each diagnostic as :meth:`Diagnostic.format` prints it for every
  command (``file:line:col: level CODE message``, then its hint), grouped by
  file, and a summary line;
* ``json``: the same data, for scripts;
* ``github``: workflow commands (``::error file=…,line=…::message``) that
  GitHub Actions shows inline on the pull request;
* ``sarif``: SARIF 2.1.0, for code scanning (``github/codeql-action/upload-sarif``)
  and any SARIF viewer.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from cableconv import __version__
from cableconv.diagnostics import CODES, Diagnostic, Level, counts

FORMATS = ("text", "json", "github", "sarif")


@dataclass
class FileReport:
    """One checked input and what was found in it."""

    file: str
    #: "transcription" | "tei" | "unreadable" (read, refused) | "refused"
    #: (never read: not found, not a regular file, out of reach)
    kind: str = "transcription"
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def count(self, level: Level) -> int:
        return counts(self.diagnostics)[level]


@dataclass(frozen=True)
class Summary:
    files: int
    errors: int
    warnings: int
    infos: int
    files_with_errors: int
    #: Inputs named or found that were not checked (each has its error).
    refused: int = 0

    @classmethod
    def of(cls, reports: Sequence[FileReport]) -> Summary:
        checked = [r for r in reports if r.kind != "refused"]
        each = [counts(r.diagnostics) for r in checked]
        refused = [counts(r.diagnostics) for r in reports if r.kind == "refused"]
        return cls(
            files=len(checked),
            errors=sum(c["error"] for c in each + refused),
            warnings=sum(c["warning"] for c in each + refused),
            infos=sum(c["info"] for c in each + refused),
            files_with_errors=sum(1 for c in each if c["error"]),
            refused=len(refused),
        )

    def line(self) -> str:
        def n(k: int, word: str) -> str:
            return f"{k} {word}{'' if k == 1 else 's'}"

        head = f"checked {n(self.files, 'file')}"
        if self.refused:
            head += f", {n(self.refused, 'input')} refused"
        head += ": "
        if not (self.errors or self.warnings):
            return head + "no problems"
        parts = [n(self.errors, "error"), n(self.warnings, "warning")]
        tail = f" in {n(self.files_with_errors, 'file')}" if self.files_with_errors else ""
        return head + ", ".join(parts) + tail


# --------------------------------------------------------------------------
# text
# --------------------------------------------------------------------------


def render_text(reports: Sequence[FileReport]) -> str:
    out: list[str] = []
    for report in reports:
        if not report.diagnostics:
            continue
        if out:
            out.append("")
        out.extend(d.format() for d in report.diagnostics)
    if out:
        out.append("")
    out.append(Summary.of(reports).line())
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------
# json
# --------------------------------------------------------------------------


def render_json(reports: Sequence[FileReport]) -> str:
    summary = Summary.of(reports)
    data = {
        "tool": "cableconv",
        "version": __version__,
        "summary": {
            "files": summary.files,
            "errors": summary.errors,
            "warnings": summary.warnings,
            "infos": summary.infos,
            "files_with_errors": summary.files_with_errors,
            "refused": summary.refused,
        },
        "files": [
            {
                "file": r.file,
                "kind": r.kind,
                "errors": r.count("error"),
                "warnings": r.count("warning"),
                "diagnostics": [d.to_json() for d in r.diagnostics],
            }
            for r in reports
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------
# GitHub workflow commands
# --------------------------------------------------------------------------


def escape_data(text: str) -> str:
    """Escape a workflow command's message (``%``, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (also ``:`` and ``,``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_COMMAND: dict[Level, str] = {"error": "error", "warning": "warning", "info": "notice"}


def github_line(d: Diagnostic) -> str:
    props: list[tuple[str, str]] = []
    if d.file:
        props.append(("file", d.file))
    if d.place is not None:
        p = d.place
        props += [("line", str(p.line)), ("col", str(p.col))]
        if p.end_line >= p.line:
            props.append(("endLine", str(p.end_line)))
            if p.end_line == p.line and p.end_col > p.col:
                props.append(("endColumn", str(p.end_col)))
    summary = CODES.get(d.code, (d.level, ""))[1]
    props.append(("title", f"{d.code} {summary}".strip()))
    message = d.message + (f"\nhint: {d.hint}" if d.hint else "")
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{_GITHUB_COMMAND[d.level]} {joined}::{escape_data(message)}"


def render_github(reports: Sequence[FileReport]) -> str:
    lines = [github_line(d) for r in reports for d in r.diagnostics]
    lines.append(Summary.of(reports).line())
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# SARIF 2.1.0
# --------------------------------------------------------------------------

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL: dict[Level, str] = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> dict[str, str]:
    """A SARIF artifactLocation: relative paths against the checkout root
    (``%SRCROOT%``, what code scanning expects), absolute ones as file URIs."""
    windows = PureWindowsPath(path)
    if windows.drive:
        return {"uri": "file:///" + _quote(windows.as_posix(), safe="/:")}
    posix = PurePosixPath(path.replace("\\", "/"))
    if posix.is_absolute():
        return {"uri": "file://" + _quote(posix.as_posix(), safe="/")}
    parts = [p for p in posix.parts if p != "."]
    return {"uri": _quote("/".join(parts), safe="/"), "uriBaseId": "%SRCROOT%"}


def _quote(path: str, safe: str) -> str:
    """Percent-encode a path's bytes as the file system has them: a name that
    is not UTF-8 (held as surrogates) keeps its original bytes."""
    return quote(os.fsencode(path), safe=safe)


def sarif_log(reports: Sequence[FileReport]) -> dict[str, Any]:
    used = [d.code for r in reports for d in r.diagnostics]
    codes = list(CODES) + sorted({c for c in used if c not in CODES})
    index = {code: i for i, code in enumerate(codes)}
    rules = []
    for code in codes:
        level, description = CODES.get(code, ("error", "rule of cableconv.sch"))
        rules.append(
            {
                "id": code,
                "shortDescription": {"text": description},
                "defaultConfiguration": {"level": _SARIF_LEVEL[level]},
            }
        )
    results = []
    for r in reports:
        for d in r.diagnostics:
            location: dict[str, Any] = {"artifactLocation": artifact_uri(d.file or r.file)}
            if d.place is not None:
                p = d.place
                region = {"startLine": p.line, "startColumn": p.col}
                if p.end_line >= p.line:
                    region["endLine"] = p.end_line
                    if p.end_line > p.line or p.end_col >= p.col:
                        region["endColumn"] = p.end_col
                location["region"] = region
            message = d.message + (f"\nhint: {d.hint}" if d.hint else "")
            results.append(
                {
                    "ruleId": d.code,
                    "ruleIndex": index[d.code],
                    "level": _SARIF_LEVEL[d.level],
                    "message": {"text": message},
                    "locations": [{"physicalLocation": location}],
                }
            )
    summary = Summary.of(reports)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cableconv",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "invocations": [{"executionSuccessful": True}],
                "results": results,
                "properties": {
                    "files": summary.files,
                    "errors": summary.errors,
                    "warnings": summary.warnings,
                    "refused": summary.refused,
                },
            }
        ],
    }


def render_sarif(reports: Sequence[FileReport]) -> str:
    return json.dumps(sarif_log(reports), ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Callable[[Sequence[FileReport]], str]] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
}


def render(reports: Iterable[FileReport], fmt: str) -> str:
    """The report in format ``fmt`` (one of :data:`FORMATS`)."""
    return RENDERERS[fmt](list(reports))
