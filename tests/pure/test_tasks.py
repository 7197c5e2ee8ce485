"""Background tasks, and those started eagerly: their first step runs at once, as their task."""

from __future__ import annotations

import asyncio
import logging

import pytest

from screenpop.core.tasks import BackgroundTasks


async def test_an_eager_task_takes_its_first_step_before_the_loop_turns() -> None:
    steps: list[str] = []
    gate: asyncio.Future[str] = asyncio.get_running_loop().create_future()

    async def job() -> str:
        steps.append("first")
        answer = await gate
        steps.append("second")
        return answer

    tasks = BackgroundTasks()
    task = tasks.spawn(job(), name="eager", eager=True)
    assert steps == ["first"]  # already on its way, before any turn of the loop
    lazy = tasks.spawn(job(), name="lazy")
    assert steps == ["first"]  # the usual kind waits for the loop
    gate.set_result("done")
    assert await task == "done" and await lazy == "done"
    assert steps == ["first", "first", "second", "second"]
    assert len(tasks) == 0


async def test_its_first_step_runs_as_its_task_and_the_caller_stays_current() -> None:
    seen: list[asyncio.Task[object] | None] = []

    async def job() -> None:
        seen.append(asyncio.current_task())
        await asyncio.sleep(0)
        seen.append(asyncio.current_task())

    caller = asyncio.current_task()
    task = BackgroundTasks().spawn(job(), name="eager", eager=True)
    assert asyncio.current_task() is caller
    await task
    assert seen == [task, task]


@pytest.mark.log_warnings
async def test_what_its_first_step_raises_is_raised_in_the_task(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def job() -> None:
        raise ValueError("at once")

    async def quick() -> int:
        return 7

    tasks = BackgroundTasks()
    with caplog.at_level(logging.ERROR):
        failing = tasks.spawn(job(), name="failing", eager=True)
        done = tasks.spawn(quick(), name="quick", eager=True)
        with pytest.raises(ValueError, match="at once"):
            await failing
        assert await done == 7
        await asyncio.sleep(0)
    assert "background task failing failed" in caplog.text


async def test_cancelled_before_its_task_took_over_what_it_waits_for_is_cancelled() -> None:
    gate: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    cleaned: list[bool] = []

    async def job() -> None:
        try:
            await gate
        finally:
            cleaned.append(True)

    task = BackgroundTasks().spawn(job(), name="eager", eager=True)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert gate.cancelled() and cleaned == [True]
