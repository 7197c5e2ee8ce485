"""A small SQLite file of the profile that exists nowhere else (the call history, the outbox).

One connection serves every thread behind a lock; each use is a statement or two. The file is
in WAL mode with ``synchronous=NORMAL``: a committed write is in the WAL file before the commit
returns, so it survives the app being killed (``kill -9``); only a power cut can take the last
moments. A file whose pages are damaged, or that is no database, is moved aside (kept for a
person to look at, as the cache names its own) and a new one started, with one log line; a
file from a newer Screenpop is left as it is for that Screenpop.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from screenpop.core.errors import ScreenpopError

log = logging.getLogger(__name__)

_T = TypeVar("_T")


class _Damaged(Exception):
    """The file's pages are damaged, or it is no database: it is moved aside."""


def _damaged(err: sqlite3.Error) -> bool:
    # As the cache: only damage moves a file aside; a full disk or a locked file does not.
    return getattr(err, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB")


class SqliteFile:
    """Subclasses name the file (``title``: "the call history"), the error they raise, and
    their schema (``schema``, at ``schema_version``; an older layout is not kept)."""

    title = "the file"
    schema = ""
    schema_version = 1
    error: type[ScreenpopError] = ScreenpopError

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        with self._lock:
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            return self._connect()
        except _Damaged as damage:
            self._move_aside(str(damage))
            try:
                return self._connect()
            except _Damaged as again:
                raise self.error(f"Cannot start {self.title} {self.path}: {again}") from None

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(
                self.path, timeout=5.0, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as err:
            raise self.error(f"Cannot open {self.title} {self.path}: {err}") from None
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > self.schema_version:
                newer = f"{self.title.capitalize()} {self.path} is from a newer Screenpop."
                raise self.error(newer)
            if version < self.schema_version:
                self._create(db)
            elif db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise _Damaged("its pages are damaged")
        except sqlite3.Error as err:
            db.close()
            if _damaged(err):
                raise _Damaged(str(err)) from None
            raise self.error(f"Cannot open {self.title} {self.path}: {err}") from None
        except BaseException:
            db.close()
            raise
        return db

    def _create(self, db: sqlite3.Connection) -> None:
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] < self.schema_version:
                for statement in self.schema.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {self.schema_version}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _move_aside(self, reason: str) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.unusable-{stamp}")
        try:
            for suffix in ("", "-wal", "-shm"):
                part = Path(f"{self.path}{suffix}")
                if part.exists():
                    part.replace(Path(f"{aside}{suffix}"))
        except OSError as err:
            raise self.error(
                f"{self.title.capitalize()} {self.path} is damaged ({reason}) and cannot be "
                f"moved aside: {err}"
            ) from None
        log.warning(
            "%s %s was damaged (%s): moved it to %s and started a new one.",
            self.title.capitalize(),
            self.path,
            reason,
            aside.name,
        )

    def _run(self, what: str, work: Callable[[sqlite3.Connection], _T]) -> _T:
        """``work`` on the connection, one thread at a time. A file found damaged meanwhile is
        moved aside and started anew, and ``work`` done once more on the new one."""
        with self._lock:
            try:
                return work(self._db)
            except sqlite3.Error as err:
                if not _damaged(err):
                    raise self.error(f"Cannot {what} {self.path}: {err}") from None
                self._db.close()
                self._move_aside(str(err))
                self._db = self._open()
            try:
                return work(self._db)
            except sqlite3.Error as err:
                raise self.error(f"Cannot {what} {self.path}: {err}") from None

    @staticmethod
    def _transaction(db: sqlite3.Connection, work: Callable[[], _T]) -> _T:
        db.execute("BEGIN IMMEDIATE")
        try:
            result = work()
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return result

    def close(self) -> None:
        with self._lock:
            self._db.close()
