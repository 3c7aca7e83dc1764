"""Options: one object for every setting, loaded from defaults, pyproject.toml,
the environment and the command line, in rising precedence."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from cableconv.config import ConfigError, from_environment, load_options
from cableconv.incremental import settings_key
from cableconv.options import SETTINGS, Options


def pyproject(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pyproject.toml").write_text("[tool.cableconv]\n" + body, encoding="utf-8")
    return folder


def test_every_field_has_one_row_in_the_settings_table() -> None:
    assert sorted(s.field for s in SETTINGS) == sorted(f.name for f in dataclasses.fields(Options))


#: A value other than the default for each field. A new field without an
#: entry here fails the next test: the fingerprint must be shown to see it.
OTHER_VALUES: dict[str, Any] = {
    "normalize": False,
    "disabled_fixes": ("double_quotes",),
    "max_bytes": 1000,
    "changes_log": True,
    "paper": "a4",
    "pandoc": "oneshot",
    "source_date_epoch": 1700000000,
    "pdf_standards": ("ua-1",),
}


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(Options)])
def test_every_field_changes_the_incremental_key(field: str) -> None:
    assert field in OTHER_VALUES, f"give {field} another value in OTHER_VALUES"
    changed = Options().replace(**{field: OTHER_VALUES[field]})
    assert changed != Options()
    assert settings_key(changed) != settings_key(Options())


def test_defaults_without_file_environment_or_flags(tmp_path: Path) -> None:
    assert load_options({}, tmp_path, {}) == Options()


def test_the_file_the_environment_and_the_command_line_in_rising_precedence(
    tmp_path: Path,
) -> None:
    folder = pyproject(
        tmp_path / "vol",
        'paper = "a4"\npandoc = "oneshot"\nmax-bytes = "1M"\ndisabled-fixes = ["ellipses"]\n',
    )
    from_file = load_options({}, folder, {})
    assert (from_file.paper, from_file.pandoc, from_file.max_bytes) == ("a4", "oneshot", 2**20)
    env = {"CABLECONV_PDF_PAPER": "letter", "SOURCE_DATE_EPOCH": "1700000000"}
    from_env = load_options({}, folder, env)
    assert (from_env.paper, from_env.pandoc, from_env.source_date_epoch) == (
        "letter",
        "oneshot",
        1700000000,
    )
    flags = {"paper": "a4", "disabled_fixes": ["quotes"], "max_bytes": 5000}
    given = load_options(flags, folder, env)
    assert (given.paper, given.max_bytes) == ("a4", 5000)
    # fixes switched off on the command line add to the file's
    assert given.disabled_fixes == ("double_quotes", "ellipses", "single_quotes")


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"CABLECONV_PDF_PAPER": "A5"}, "CABLECONV_PDF_PAPER: must be one of letter, a4"),
        ({"CABLECONV_PANDOC": "fast"}, "CABLECONV_PANDOC: must be one of loop, oneshot"),
        ({"SOURCE_DATE_EPOCH": "yesterday"}, "SOURCE_DATE_EPOCH: must be a whole number"),
        ({"SOURCE_DATE_EPOCH": "-5"}, "SOURCE_DATE_EPOCH: must be a whole number"),
    ],
)
def test_a_bad_environment_value_is_refused_naming_the_variable(
    environ: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        from_environment(environ)


def test_empty_variables_are_unset_and_others_are_not_read() -> None:
    assert from_environment({"SOURCE_DATE_EPOCH": "", "CABLECONV_PDF_PAPER": " "}) == {}
    assert from_environment({"PAPER": "a4", "HOME": "/root"}) == {}
    assert from_environment({"CABLECONV_PDF_PAPER": " A4 "}) == {"paper": "a4"}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("normalize = 1\n", "normalize: must be true or false"),
        ('max-bytes = "lots"\n', "max-bytes: not a size"),
        ('paper = "legal"\n', "paper: must be one of letter, a4"),
        ("source-date-epoch = 1\n", "unknown setting"),
    ],
)
def test_bad_file_settings_say_what_and_where(tmp_path: Path, body: str, message: str) -> None:
    folder = pyproject(tmp_path, body)
    with pytest.raises(ConfigError, match=message) as info:
        load_options({}, folder, {})
    assert str(folder / "pyproject.toml") in str(info.value)


def test_options_built_in_code_are_checked_too() -> None:
    with pytest.raises(ValueError, match="unknown paper 'legal'"):
        Options(paper="legal")
    with pytest.raises(ValueError, match="unknown pandoc mode"):
        Options(pandoc="daemon")
