"""Ctrl-C and ``kill``: SIGINT and SIGTERM stop a batch the same way.

Inside :func:`interruptible` either signal raises :class:`Interrupted` (a
:class:`KeyboardInterrupt`) in the main thread, once: a second signal while
the batch cleans up (saves its manifest, writes its report, stops its
workers) is noted, not raised, so the cleanup finishes. The exit status is
the shell's for the signal: 130 for SIGINT, 143 for SIGTERM.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(KeyboardInterrupt):
    """The run was stopped by ``signum``."""

    def __init__(self, signum: int = signal.SIGINT) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


def described(exc: BaseException) -> Interrupted:
    """A KeyboardInterrupt as an :class:`Interrupted` (a bare one is SIGINT's)."""
    return exc if isinstance(exc, Interrupted) else Interrupted(signal.SIGINT)


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """SIGINT and SIGTERM raise :class:`Interrupted`, the first one only."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach only the main thread; nothing to install
        return
    fired: list[int] = []

    def handler(signum: int, frame: FrameType | None) -> None:
        if fired:
            return
        fired.append(signum)
        raise Interrupted(signum)

    previous = {s: signal.signal(s, handler) for s in SIGNALS}
    try:
        yield
    finally:
        for s, old in previous.items():
            signal.signal(s, old)
