"""Bulk work (a sync's million entries) in threads that leave the UI thread its processor.

A sync keeps two threads busy (the one that decodes and normalises, and the one SQLite writes
in) beside the HTTP client's: on a two-core machine the UI thread, woken by a frame or a
call, then waits its turn among them. On Linux, where a thread's nice value is its own, a
bulk thread runs at :data:`BULK_NICE`: it still gets every cycle nobody else wants, but the
UI thread (and the rest of the desktop) comes first. A nice value raised cannot be lowered
again without privilege, so bulk work gets threads of its own, never the shared pool's.
Elsewhere the threads run as any other.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

BULK_NICE = 10
"""A tenth of a normal thread's share of the processor when both want it (CFS weights)."""


def lower_this_thread() -> None:
    """Let the calling thread yield the processor to threads of normal priority (Linux)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError):  # a sandbox that forbids it: run as is
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BULK_NICE)


async def run_bulk(name: str, work: Callable[..., T], *args: object) -> T:
    """``work(*args)`` in a new thread of lower priority (see the module), awaited from the
    running loop. Cancelling the await does not stop the thread; its result is dropped."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()

    def settle(outcome: Callable[[], None]) -> None:
        if not done.done():
            outcome()

    def run() -> None:
        lower_this_thread()
        try:
            result = work(*args)
        except BaseException as err:  # handed to the awaiting task, raised there
            failure = err
            loop.call_soon_threadsafe(settle, lambda: done.set_exception(failure))
        else:
            loop.call_soon_threadsafe(settle, lambda: done.set_result(result))

    threading.Thread(target=run, name=name, daemon=True).start()
    return await done
