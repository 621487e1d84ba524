"""What a process forked to render needs, a pool worker (builder/pool.py) or a helper laying out part of a book
(pdf/parallel.py): to die with the process that forked it, and to collect WeasyPrint's warnings for it."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
from collections.abc import Iterator


def die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when the one that forked it dies, even by SIGKILL: an orphan would go on
    rendering, and hold the build's output pipes open."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG; not there on other systems
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


@contextlib.contextmanager
def weasyprint_warnings() -> Iterator[list[str]]:
    """Collect what WeasyPrint logs as warnings (CSS it ignores, images it cannot read), once each."""
    collected: list[str] = []

    class Collector(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            message = record.getMessage().splitlines()[0]
            if message not in collected:
                collected.append(message)

    logger = logging.getLogger("weasyprint")
    handler = Collector(logging.WARNING)
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False  # shown once, by the CLI, not by logging
    try:
        yield collected
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
