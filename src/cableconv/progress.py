"""How a batch is going, on stderr: a bar on a terminal, a line now and then in a log.

Hand-written rather than tqdm or rich: each costs about 60 ms of import, paid
on every ``cableconv convert``, for a single line of output.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Literal, TextIO

Mode = Literal["bar", "lines", "off"]

#: Redraw the bar at most this often (seconds); a terminal is slower than us.
BAR_INTERVAL = 0.1
#: In a log, one line this often (seconds); shorter batches print none.
LINE_INTERVAL = 5.0


def mode_for(stream: TextIO, quiet: bool) -> Mode:
    if quiet:
        return "off"
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return "bar" if tty and os.environ.get("TERM") != "dumb" else "lines"


def _clock_text(seconds: float) -> str:
    seconds = max(0, round(seconds))
    minutes, s = divmod(seconds, 60)
    hours, m = divmod(minutes, 60)
    return f"{hours}:{m:02d}:{s:02d}" if hours else f"{m}:{s:02d}"


class Progress:
    """Counts finished documents and shows done/total, rate, ETA and failures.

    ``clock`` is injectable so tests need not sleep.
    """

    def __init__(
        self,
        stream: TextIO,
        mode: Mode,
        clock: Callable[[], float] = time.monotonic,
        width: int | None = None,
    ) -> None:
        self.stream = stream
        self.mode = mode
        self.clock = clock
        self.width = width
        self.total = 0
        self.done = 0
        self.failed = 0
        self.started = clock()
        self._last_draw = float("-inf")
        self._last_line = self.started
        self._drawn = False

    def start(self, total: int) -> None:
        self.total = total
        self.started = self.clock()
        self._last_line = self.started
        if self.mode == "bar" and total:
            self._draw()

    def advance(self, failed: bool = False) -> None:
        self.done += 1
        self.failed += int(failed)
        now = self.clock()
        if self.mode == "bar":
            if now - self._last_draw >= BAR_INTERVAL or self.done == self.total:
                self._draw()
        elif self.mode == "lines" and now - self._last_line >= LINE_INTERVAL:
            self._last_line = now
            self.stream.write(f"cableconv: {self.status()}\n")
            self.stream.flush()

    def write(self, text: str) -> None:
        """Print a message above the bar (the bar is redrawn below it)."""
        if self._drawn:
            self.stream.write("\r\x1b[K")
        self.stream.write(text if text.endswith("\n") else text + "\n")
        if self._drawn:
            self._draw()

    def finish(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False

    # ---- drawing ------------------------------------------------------------
    def rate(self) -> float:
        elapsed = self.clock() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def status(self) -> str:
        """``312/637 49%, 412 docs/s, ETA 0:01, 2 failed``"""
        pct = 100 * self.done // self.total if self.total else 100
        text = f"{self.done}/{self.total} {pct}%"
        rate = self.rate()
        if rate > 0:
            text += f", {rate:.0f} docs/s" if rate >= 10 else f", {rate:.1f} docs/s"
            if self.done < self.total:
                text += f", ETA {_clock_text((self.total - self.done) / rate)}"
        if self.failed:
            text += f", {self.failed} failed"
        return text

    def _draw(self) -> None:
        self._last_draw = self.clock()
        width = self.width or _terminal_width(self.stream)
        status = self.status()
        room = width - len(status) - 4
        if room >= 10:
            cells = min(room, 40)
            filled = cells * self.done // self.total if self.total else cells
            line = f"[{'#' * filled}{'.' * (cells - filled)}] {status}"
        else:
            line = status
        self.stream.write("\r" + line[: width - 1] + "\x1b[K")
        self.stream.flush()
        self._drawn = True


def _terminal_width(stream: TextIO) -> int:
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns if columns >= 20 else 80
