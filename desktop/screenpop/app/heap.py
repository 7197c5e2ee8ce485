"""Memory that start-up or a sync used and freed, handed back to the OS.

glibc keeps freed memory in its arenas (the main one, and one per thread that allocated):
the imports, a sync and the worker threads leave free chunks that count as resident until
``malloc_trim`` returns their pages (a few milliseconds). Elsewhere (macOS, Windows, musl)
nothing is done.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)


def release_freed_memory() -> None:
    """Return glibc's free pages to the OS."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL("libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc
        return
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)
    log.debug("freed memory handed back to the OS")
