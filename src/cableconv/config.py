"""Project settings: the ``[tool.cableconv]`` table of the nearest ``pyproject.toml``.

```toml
[tool.cableconv]
disabled-fixes = ["letter_number_dashes", "quotes"]   # fix or family names
```

The file is looked for in the given folder and its parents, like ruff and
black do. Settings that cableconv does not know are an error, not silently
ignored: a misspelt key would otherwise look like a setting that does not
work.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cableconv.normalize import resolve_fix_names

PYPROJECT = "pyproject.toml"


class ConfigError(Exception):
    """The settings cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Config:
    """Settings, and the file they came from (None: defaults, no file found)."""

    path: Path | None = None
    disabled_fixes: tuple[str, ...] = field(default=())


def _fix_names(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f'{where}: must be a list of fix names, e.g. ["number_ranges"]')
    try:
        resolve_fix_names(value)
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from exc
    return tuple(value)


#: Every key of ``[tool.cableconv]``: its validator and the Config field it sets.
KEYS: dict[str, tuple[Callable[[Any, str], Any], str]] = {
    "disabled-fixes": (_fix_names, "disabled_fixes"),
}


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` in ``start`` (a folder or file) or above it."""
    here = start.resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / PYPROJECT
        if candidate.is_file():
            return candidate
    return None


def read_config(path: Path) -> Config:
    """Settings from one ``pyproject.toml``; ConfigError if they are unusable."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    tool = data.get("tool", {})
    table = tool.get("cableconv", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.cableconv] must be a table")
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in table.items():
        where = f"{path}: [tool.cableconv] {key}"
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            suggestion = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(f"{where}: unknown setting (known: {', '.join(KEYS)}){suggestion}")
            continue
        validate, attribute = KEYS[key]
        try:
            values[attribute] = validate(value, where)
        except ConfigError as exc:
            problems.append(str(exc))
    if problems:
        raise ConfigError("\n".join(problems))
    return Config(path=path, **values)


def load_config(start: Path | None = None) -> Config:
    """Settings for files in ``start`` (default: the current folder)."""
    path = find_pyproject(start if start is not None else Path.cwd())
    return read_config(path) if path is not None else Config()


def common_folder(paths: Iterable[Path]) -> Path:
    """The deepest folder holding all ``paths`` (where to look for settings)."""
    folders = [p.resolve().parent for p in paths]
    if not folders:
        return Path.cwd()
    common = folders[0]
    for folder in folders[1:]:
        while common != folder and common not in folder.parents:
            common = common.parent
    return common
