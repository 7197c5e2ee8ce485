"""Rows inserted thousands to a statement, in a thread of their own while a sync makes more.

A rebuild writes every entry of the set: a million rows for a large tenant. ``executemany``
runs one statement per row, and SQLite lets go of Python's lock only while it steps that one
row, so a writer thread beside the thread that decodes and normalises would wait for the
lock once per row. One ``INSERT … VALUES (…), (…), …`` of a few thousand rows is bound in a
millisecond or two holding the lock, then stepped once without it while SQLite inserts and
indexes them all: the writer thread does SQLite's share of a sync on the second core, and
the thread that makes the rows keeps the lock nearly to itself.

Rows go to SQLite in the order they were handed over (the caller counts on the rowids SQLite
gives them). Nothing here commits: the rows are part of the caller's transaction, and
:meth:`RowWriter.close` stops the thread before that transaction ends either way.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from dataclasses import dataclass, field

_MOST_PARAMETERS = 32_766
"""SQLite's default most parameters a statement (3.32 on), and a bound on the time the
writer holds Python's lock binding one statement."""
_QUEUED = 8
"""Hand-overs waiting for the writer at most: a bound on the rows held in memory twice."""


@dataclass(frozen=True, slots=True)
class Table:
    """Where rows go: ``INSERT INTO name (columns)`` and how many values each row has."""

    insert: str
    width: int


@dataclass(slots=True)
class _Pending:
    values: list[object] = field(default_factory=list)
    statement: str = ""


_STOP = object()


class RowWriter:
    """Rows for one transaction's tables, written a full statement at a time; in a thread of
    its own when ``threaded`` (the caller then leaves the connection alone until
    :meth:`flush` returns), else as they come.

    Rows are handed over flat, their values one after the other (``table.width`` a row): the
    form a statement binds, made as the rows are, without a tuple per row."""

    def __init__(self, db: sqlite3.Connection, *, threaded: bool) -> None:
        self._db = db
        self._limit = min(_MOST_PARAMETERS, db.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
        self._pending: dict[Table, _Pending] = {}
        self._failure: BaseException | None = None
        self._discard = False
        self._queue: queue.Queue[object] | None = None
        self._thread: threading.Thread | None = None
        if threaded:
            self._queue = queue.Queue(_QUEUED)
            self._thread = threading.Thread(target=self._run, name="cache writer", daemon=True)
            self._thread.start()

    def add(self, table: Table, values: list[object]) -> None:
        """Rows for ``table``, flat; written once a statement's worth is there (or at a
        flush). The list is the writer's from then on."""
        if not values:
            return
        if self._queue is None:
            self._take(table, values)
            return
        self._raise_failure()
        self._queue.put((table, values))

    def flush(self) -> None:
        """Write every row handed over; raises what writing them raised."""
        if self._queue is None:
            self._write_rest()
            return
        done = threading.Event()
        self._queue.put(done)
        done.wait()
        self._raise_failure()

    def close(self) -> None:
        """Stop the thread, leaving unwritten what was not flushed (the caller's transaction
        is rolled back then, or the tables emptied). Safe to call twice."""
        if self._thread is not None and self._queue is not None:
            self._discard = True
            self._queue.put(_STOP)
            self._thread.join()
            self._thread = None

    def _raise_failure(self) -> None:
        if self._failure is not None:
            raise self._failure

    def _run(self) -> None:
        assert self._queue is not None
        while (item := self._queue.get()) is not _STOP:
            try:
                if self._failure is not None or self._discard:
                    pass  # only drained, so that a producer waiting on the queue goes on
                elif isinstance(item, threading.Event):
                    self._write_rest()
                else:
                    self._take(*item)  # type: ignore[misc]
            except BaseException as err:  # raised to the producer at its next call
                self._failure = err
            finally:
                if isinstance(item, threading.Event):
                    item.set()

    def _take(self, table: Table, values: list[object]) -> None:
        pending = self._pending.get(table)
        if pending is None:
            pending = self._pending[table] = _Pending()
        pending.values += values
        step = max(1, self._limit // table.width) * table.width
        full = len(pending.values) - len(pending.values) % step
        if not full:
            return
        if not pending.statement:
            pending.statement = _statement(table, step // table.width)
        for start in range(0, full, step):
            self._db.execute(pending.statement, pending.values[start : start + step])
        del pending.values[:full]

    def _write_rest(self) -> None:
        for table, pending in self._pending.items():
            if pending.values:
                rows = len(pending.values) // table.width
                self._db.execute(_statement(table, rows), pending.values)
                pending.values.clear()


def _statement(table: Table, rows: int) -> str:
    row = "(" + ", ".join("?" * table.width) + ")"
    return f"{table.insert} VALUES " + ", ".join([row] * rows)
