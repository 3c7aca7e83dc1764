"""Diagnostics: one level per code, one way to count, sort and print them."""

from __future__ import annotations

from lxml import etree

from cableconv.diagnostics import (
    CODES,
    Diagnostic,
    Place,
    Span,
    counts,
    level_of,
    sort_diagnostics,
)
from cableconv.source import LineIndex, Source
from cableconv.validate import schema_path

SCH = "{http://purl.oclc.org/dsdl/schematron}"


def test_a_diagnostic_has_the_level_of_its_code() -> None:
    for code, (level, _) in CODES.items():
        assert Diagnostic(code, "m").level == level == level_of(code)
    assert Diagnostic("CC999", "a rule cableconv does not know").level == "error"


def test_every_schematron_rule_is_a_code_of_its_level() -> None:
    # Schematron's role said the level before; now the code table does, so
    # the two must agree (a rule without a role is an error).
    tree = etree.parse(str(schema_path("cableconv.sch")))
    rules = [*tree.iter(f"{SCH}assert"), *tree.iter(f"{SCH}report")]
    assert rules
    for rule in rules:
        code = rule.get("id")
        assert code in CODES, code
        assert (rule.get("role") or "error") == CODES[code][0], code


def test_counts_has_every_level() -> None:
    diags = [Diagnostic("CC109", "a"), Diagnostic("CC109", "b"), Diagnostic("CC112", "c")]
    assert counts(diags) == {"error": 2, "warning": 1, "info": 0}
    assert counts([]) == {"error": 0, "warning": 0, "info": 0}


def test_located_diagnostics_sort_by_file_line_column_code() -> None:
    source = Source("d.txt", "ab\ncd\nef\n")
    located = source.locate(
        [
            Diagnostic("CC112", "line 3", Span(6, 7)),
            Diagnostic("CC109", "line 1, col 2", Span(1, 2)),
            Diagnostic("CC003", "the whole file"),
            Diagnostic("CC108", "line 1, col 2 too", Span(1, 1)),
        ]
    )
    assert [d.message for d in located] == [
        "the whole file",
        "line 1, col 2 too",
        "line 1, col 2",
        "line 3",
    ]
    assert [d.where for d in located] == ["d.txt", "d.txt:1:2", "d.txt:1:2", "d.txt:3:1"]
    assert sort_diagnostics(reversed(located)) == located


def test_place_is_worked_out_once_and_kept() -> None:
    d = Diagnostic("CC313", "not well-formed", place=Place.at(4, 2)).located("x.xml")
    assert d.located("x.xml", LineIndex.of("no\nlines\nhere\n").place).place == Place(4, 2, 4, 2)
    assert d.to_json()["span"] == {"line": 4, "col": 2, "end_line": 4, "end_col": 2}


def test_json_of_a_located_diagnostic_has_offsets_and_lines() -> None:
    (d,) = Source("d.txt", "ab\ncd").locate([Diagnostic("CC109", "m", Span(3, 5), "h")])
    assert d.to_json() == {
        "file": "d.txt",
        "level": "error",
        "code": "CC109",
        "message": "m",
        "hint": "h",
        "span": {"start": 3, "end": 5, "line": 2, "col": 1, "end_line": 2, "end_col": 3},
    }
