"""Background tasks that are kept until done and whose failures are logged, never lost."""

from __future__ import annotations

import asyncio
import logging
from asyncio.tasks import _enter_task, _leave_task
from collections.abc import Coroutine, Generator
from typing import Any

log = logging.getLogger(__name__)

_NOTHING: Any = object()


class _Started(Coroutine[Any, Any, Any]):
    """A task's coroutine whose first step was run at once (:meth:`start`), not at the loop's
    next turn.

    A task's first step waits for a turn of the event loop, which in the app is Qt's: a request
    started there leaves only after whatever paints are queued. Started here, it is on its way
    at once. The first step runs as its task (anyio's cancel scopes and httpx's pool look for
    the current task) but in the caller's context, so it must not set context variables; what
    it raises is raised in the task, as if the task had run it. (Python 3.12's tasks can start
    eagerly by themselves; 3.11's cannot.)
    """

    def __init__(self, coro: Coroutine[Any, Any, Any]) -> None:
        self._coro = coro
        self._first: Any = _NOTHING
        self._ended: BaseException | None = None

    def start(self, task: asyncio.Task[Any]) -> None:
        """Run the first step now, as ``task`` (the task that will go on with it)."""
        loop = task.get_loop()
        outer = asyncio.current_task(loop)
        if outer is not None:  # called from a task: it steps aside for the first step
            _leave_task(loop, outer)
        _enter_task(loop, task)
        try:
            self._first = self._coro.send(None)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as err:  # StopIteration too: it ended without waiting
            self._ended = err
        finally:
            _leave_task(loop, task)
            if outer is not None:
                _enter_task(loop, outer)

    def send(self, value: Any) -> Any:
        if self._ended is not None:
            ended, self._ended = self._ended, None
            raise ended
        if self._first is not _NOTHING:
            first, self._first = self._first, _NOTHING
            return first
        return self._coro.send(value)

    def throw(self, typ: Any, val: Any = None, tb: Any = None) -> Any:
        first, self._first, self._ended = self._first, _NOTHING, None
        error = typ if val is None and isinstance(typ, BaseException) else val
        if isinstance(error, asyncio.CancelledError) and asyncio.isfuture(first):
            # Cancelled before the task took over its wait: what it waits for is cancelled too,
            # as the task would have done (a request under way on another thread stops).
            first.cancel()
        if val is None and tb is None:
            return self._coro.throw(typ)
        return self._coro.throw(typ, val, tb)  # pragma: no cover - asyncio throws one argument

    def close(self) -> None:
        self._coro.close()

    def __next__(self) -> Any:
        return self.send(None)

    def __iter__(self) -> _Started:
        return self

    def __await__(self) -> Generator[Any, None, Any]:
        return self  # type: ignore[return-value]


class BackgroundTasks:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(
        self, coro: Coroutine[Any, Any, Any], name: str, *, eager: bool = False
    ) -> asyncio.Task[Any]:
        """``eager``: run the coroutine's first step now rather than at the loop's next turn
        (a request sent while the phone rings leaves before the toast paints); see
        :class:`_Started` for what such a first step must not do."""
        if eager:
            started = _Started(coro)
            task: asyncio.Task[Any] = asyncio.create_task(started, name=name)
            started.start(task)
        else:
            task = asyncio.create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        err = task.exception()
        if err is not None:
            log.error("background task %s failed", task.get_name(), exc_info=err)

    def __len__(self) -> int:
        """How many are still running."""
        return len(self._tasks)

    async def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
