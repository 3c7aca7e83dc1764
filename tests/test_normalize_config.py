"""``[tool.cableconv]`` in pyproject.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from cableconv.config import Config, ConfigError, find_pyproject, load_config, settings_folder


def write(folder: Path, body: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_nearest_pyproject_is_used(tmp_path: Path) -> None:
    outer = write(tmp_path, '[tool.cableconv]\ndisabled-fixes = ["quotes"]\n')
    inner_dir = tmp_path / "vol" / "docs"
    inner_dir.mkdir(parents=True)
    assert find_pyproject(inner_dir) == outer
    assert load_config(inner_dir) == Config(
        outer, {"disabled_fixes": ("double_quotes", "single_quotes")}
    )
    inner = write(tmp_path / "vol", "[project]\nname = 'x'\n")
    assert load_config(inner_dir) == Config(inner, {})


def test_no_pyproject_means_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cableconv.config.find_pyproject", lambda start: None)
    assert load_config(tmp_path) == Config()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[tool.cableconv]\ndisabled_fixes = []\n", "did you mean 'disabled-fixes'"),
        (
            "[tool.cableconv]\ncolour = 1\n",
            "colour: unknown setting (known: normalize, disabled-fixes",
        ),
        ('[tool.cableconv]\ndisabled-fixes = "quotes"\n', "must be a list of fix names"),
        ('[tool.cableconv]\ndisabled-fixes = ["smart"]\n', "unknown fix(es): smart"),
        ("[tool.cableconv\n", "not valid TOML"),
        ("[tool]\ncableconv = 3\n", "must be a table"),
    ],
)
def test_bad_settings_say_what_and_where(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_every_problem_is_reported(tmp_path: Path) -> None:
    write(tmp_path, '[tool.cableconv]\na = 1\ndisabled-fixes = ["x"]\n')
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert len(str(info.value).splitlines()) == 2


def test_settings_are_looked_for_where_the_inputs_are(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "c").mkdir()
    files = [str(tmp_path / "a" / "b" / "x.txt"), str(tmp_path / "a" / "c" / "y.txt")]
    assert settings_folder(files) == (tmp_path / "a").resolve()
    assert settings_folder(files[:1]) == (tmp_path / "a" / "b").resolve()
    assert settings_folder([str(tmp_path / "a" / "b")]) == (tmp_path / "a" / "b").resolve()
    assert (
        settings_folder([str(tmp_path / "a" / "c" / "*.txt")]) == (tmp_path / "a" / "c").resolve()
    )
    assert settings_folder([str(tmp_path / "a" / "*" / "*.txt")]) == (tmp_path / "a").resolve()
