"""Loading :class:`~cableconv.options.Options`: defaults, ``pyproject.toml``,
environment, command line, in rising precedence.

```toml
[tool.cableconv]
disabled-fixes = ["letter_number_dashes", "quotes"]   # fix or family names
paper = "a4"
```

The file is looked for in the inputs' folder and its parents, like ruff and
black do. Settings that cableconv does not know are an error, not silently
ignored: a misspelt key would otherwise look like a setting that does not
work. The environment variables of :data:`cableconv.options.SETTINGS` are read
here and nowhere else; a bad value is an error before any document is read.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cableconv.options import BY_KEY, SETTINGS, Options, SettingError

PYPROJECT = "pyproject.toml"


class ConfigError(Exception):
    """The settings cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Config:
    """``[tool.cableconv]`` of one file: Options field -> value (None: no file found)."""

    path: Path | None = None
    values: Mapping[str, Any] = field(default_factory=dict)


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` in ``start`` (a folder or file) or above it."""
    here = start.resolve()
    if not _is_dir(here):
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / PYPROJECT
        try:
            if candidate.is_file():
                return candidate
        except OSError:  # longer than the system allows: look further up
            continue
    return None


def read_config(path: Path) -> Config:
    """Settings from one ``pyproject.toml``; ConfigError (naming every problem) if unusable."""
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
        setting = BY_KEY.get(key)
        if setting is None:
            close = difflib.get_close_matches(key, BY_KEY, n=1)
            suggestion = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(f"{where}: unknown setting (known: {', '.join(BY_KEY)}){suggestion}")
            continue
        try:
            values[setting.field] = setting.parse(value)
        except SettingError as exc:
            problems.append(f"{where}: {exc}")
    if problems:
        raise ConfigError("\n".join(problems))
    return Config(path, values)


def load_config(start: Path | None = None) -> Config:
    """Settings for files in ``start`` (default: the current folder)."""
    path = find_pyproject(start if start is not None else Path.cwd())
    return read_config(path) if path is not None else Config()


def from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    """The settings the environment sets (Options field -> value); ConfigError
    naming every variable whose value is unusable. An empty variable is unset."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    for setting in SETTINGS:
        if setting.env is None or not environ.get(setting.env, "").strip():
            continue
        try:
            values[setting.field] = setting.parse(environ[setting.env])
        except SettingError as exc:
            problems.append(f"environment variable {setting.env}: {exc}")
    if problems:
        raise ConfigError("\n".join(problems))
    return values


def load_options(
    flags: Mapping[str, Any],
    start: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Options:
    """The Options of one run. ``flags`` are the command line's values by
    Options field (absent or None: not given; lists add to the file's);
    ``start`` is where to look for ``pyproject.toml``; ``environ`` is the
    environment (None: none)."""
    config = load_config(start)
    layers = [dict(config.values), from_environment(environ or {})]
    values: dict[str, Any] = {}
    for layer in layers:
        values.update(layer)
    problems: list[str] = []
    for setting in SETTINGS:
        given = flags.get(setting.field)
        if given is None:
            continue
        if setting.accumulates:
            given = [*values.get(setting.field, ()), *given]
        try:
            values[setting.field] = setting.parse(given)
        except SettingError as exc:  # the flags' own types check their values first
            problems.append(f"command line: {setting.field}: {exc}")
    if problems:
        raise ConfigError("\n".join(problems))
    return Options(**values)


_GLOB = frozenset("*?[")


def settings_folder(args: Iterable[str]) -> Path:
    """Where to look for ``pyproject.toml`` for these input arguments: the
    deepest folder holding them all (a folder argument itself, a file's
    folder, a glob's fixed part); the current folder when there are none."""
    folders: list[Path] = []
    for arg in args:
        if _GLOB.intersection(arg):
            fixed = arg[: min(arg.index(c) for c in _GLOB if c in arg)]
            base = Path(fixed or ".")
            path = base if fixed.endswith(("/", "\\")) else base.parent
        else:
            path = Path(arg)
            path = path if _is_dir(path) else path.parent
        folders.append(path.resolve())
    return common_folder(folders) if folders else Path.cwd()


def _is_dir(path: Path) -> bool:
    """Whether ``path`` is a folder; False for any path the system refuses
    (longer than it allows, say): reading the inputs says why, not a traceback."""
    try:
        return path.is_dir()
    except OSError:
        return False


def common_folder(folders: Iterable[Path]) -> Path:
    """The deepest folder holding all ``folders``."""
    found = [Path(f).resolve() for f in folders]
    if not found:
        return Path.cwd()
    common = found[0]
    for folder in found[1:]:
        while common != folder and common not in folder.parents:
            common = common.parent
    return common
