"""Bulk work in threads of lower priority: its result or its failure reaches the awaiting task,
and on Linux the thread yields the processor to the UI thread while the caller keeps its own
priority."""

from __future__ import annotations

import asyncio
import os
import sys
import threading

import pytest

from screenpop.core.bulk_thread import BULK_NICE, run_bulk

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice")


def _priority() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


async def test_the_result_comes_back_from_a_thread_of_its_own() -> None:
    caller = threading.get_ident()
    ident, total = await run_bulk("bulk test", lambda n: (threading.get_ident(), n * 2), 21)
    assert ident != caller
    assert total == 42


async def test_a_failure_is_raised_in_the_awaiting_task() -> None:
    def fail() -> None:
        raise ValueError("a damaged answer")

    with pytest.raises(ValueError, match="a damaged answer"):
        await run_bulk("bulk test", fail)


@linux_only
async def test_the_bulk_thread_runs_at_lower_priority_and_the_caller_does_not() -> None:
    before = _priority()
    inside = await run_bulk("bulk test", _priority)
    assert inside == max(before, BULK_NICE)
    assert _priority() == before


async def test_cancelling_the_await_leaves_the_thread_to_finish_unheard() -> None:
    release = threading.Event()
    finished = threading.Event()

    def slow() -> int:
        release.wait(10)
        finished.set()
        return 1

    waiting = asyncio.ensure_future(run_bulk("bulk test", slow))
    await asyncio.sleep(0)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    release.set()
    assert await asyncio.to_thread(finished.wait, 10)
