"""Call history: one SQLite file in the profile (``Profile.history_file``), feeding Recent calls.

Each call is one row, written when it starts and again when it ends (keyed by the tracker's
call key and start time), so a crash mid-call still leaves the call in Recent calls. Old rows
go by age and by count on every write, both by index. One connection serves every thread
behind a lock: the app writes from ``asyncio.to_thread`` workers and reads on the UI thread,
each a statement or two on a small table.

History is a convenience, not a record of truth: a file that is not a database any more is
moved aside (kept for a person to look at) and a new one started, with one log line.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from screenpop.core.call_life import Call, is_missed
from screenpop.core.calls import CallState, Direction
from screenpop.core.errors import ScreenpopError
from screenpop.core.matching import Candidate

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
KEEP_DAYS = 90
KEEP_ROWS = 5000
_T = TypeVar("_T")

_SCHEMA = """
CREATE TABLE calls (
    id INTEGER PRIMARY KEY,
    call_key TEXT NOT NULL,
    call_id TEXT NOT NULL,
    started_at REAL NOT NULL,
    number TEXT NOT NULL,
    e164 TEXT NOT NULL,
    display_name TEXT NOT NULL,
    direction TEXT NOT NULL,
    state TEXT NOT NULL,
    answered INTEGER NOT NULL,
    duration_s REAL NOT NULL,
    person_id INTEGER NOT NULL,
    person_name TEXT NOT NULL,
    contact_id INTEGER NOT NULL,
    contact_name TEXT NOT NULL,
    matched_by TEXT NOT NULL,
    candidates INTEGER NOT NULL,
    source TEXT NOT NULL,
    UNIQUE (call_key, started_at)
);
CREATE INDEX calls_started ON calls (started_at);
"""
_COLUMNS = (
    "id, call_id, started_at, number, e164, display_name, direction, state, answered, "
    "duration_s, person_id, person_name, contact_id, contact_name, matched_by, candidates, source"
)
_UPSERT = (
    "INSERT INTO calls (call_key, call_id, started_at, number, e164, display_name, direction, "
    "state, answered, duration_s, person_id, person_name, contact_id, contact_name, "
    "matched_by, candidates, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (call_key, started_at) DO UPDATE SET "
    "display_name = excluded.display_name, state = excluded.state, "
    "answered = excluded.answered, duration_s = excluded.duration_s, "
    "e164 = excluded.e164, person_id = excluded.person_id, person_name = excluded.person_name, "
    "contact_id = excluded.contact_id, contact_name = excluded.contact_name, "
    "matched_by = excluded.matched_by, candidates = excluded.candidates"
)


class HistoryError(ScreenpopError):
    """The history file cannot be opened or written."""


class _Damaged(Exception):
    """The file's pages are damaged, or it is no database: it is moved aside."""


def _damaged(err: sqlite3.Error) -> bool:
    # As the cache: only damage moves a file aside; a full disk or a locked file does not.
    return getattr(err, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB")


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One call in Recent calls. ``e164`` is "" when the number had no trusted country;
    the person/company fields are the best match (0 and "" for none; ``person_id`` 0 with a
    ``contact_id`` is a company number), ``candidates`` how many matched."""

    id: int
    call_id: str
    started_at: datetime
    number: str
    e164: str
    display_name: str
    direction: Direction
    state: CallState
    answered: bool
    duration_s: float
    person_id: int
    person_name: str
    contact_id: int
    contact_name: str
    matched_by: str
    candidates: int
    source: str

    @property
    def missed(self) -> bool:
        return is_missed(self.state, self.direction, self.answered)


def _entry(row: Sequence[object]) -> HistoryEntry:
    values = list(row)
    return HistoryEntry(
        id=int(values[0]),  # type: ignore[call-overload]
        call_id=str(values[1]),
        started_at=datetime.fromtimestamp(float(values[2]), UTC),  # type: ignore[arg-type]
        number=str(values[3]),
        e164=str(values[4]),
        display_name=str(values[5]),
        direction=Direction(str(values[6])),
        state=CallState(str(values[7])),
        answered=bool(values[8]),
        duration_s=float(values[9]),  # type: ignore[arg-type]
        person_id=int(values[10]),  # type: ignore[call-overload]
        person_name=str(values[11]),
        contact_id=int(values[12]),  # type: ignore[call-overload]
        contact_name=str(values[13]),
        matched_by=str(values[14]),
        candidates=int(values[15]),  # type: ignore[call-overload]
        source=str(values[16]),
    )


class CallHistory:
    """The history file; safe to share between threads."""

    def __init__(
        self,
        path: Path,
        *,
        keep_days: float = KEEP_DAYS,
        keep_rows: int = KEEP_ROWS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = path
        self._keep_s = keep_days * 86400.0
        self._keep_rows = max(1, keep_rows)
        self._clock = clock
        self._lock = threading.Lock()
        with self._lock:
            self._db = self._open()

    # -- opening, and starting again from a broken file --------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            return self._connect()
        except _Damaged as damage:
            self._move_aside(str(damage))
            try:
                return self._connect()
            except _Damaged as again:
                raise HistoryError(f"Cannot start the call history {self.path}: {again}") from None

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(
                self.path, timeout=5.0, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as err:
            raise HistoryError(f"Cannot open the call history {self.path}: {err}") from None
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                # Unlike the cache (a copy of the CRM's data), history exists nowhere else:
                # a newer app's file is left as it is for that app.
                raise HistoryError(f"The call history {self.path} is from a newer Screenpop.")
            if version < SCHEMA_VERSION:
                self._create(db)
            elif db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise _Damaged("its pages are damaged")
        except sqlite3.Error as err:
            db.close()
            if _damaged(err):
                raise _Damaged(str(err)) from None
            raise HistoryError(f"Cannot open the call history {self.path}: {err}") from None
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def _create(db: sqlite3.Connection) -> None:
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
                # History is the only version yet; an unknown older layout is not kept.
                db.execute("DROP TABLE IF EXISTS calls")
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _move_aside(self, reason: str) -> None:
        """Keep a damaged file for a post-mortem (named as the cache names its own)."""
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.unusable-{stamp}")
        try:
            for suffix in ("", "-wal", "-shm"):
                part = Path(f"{self.path}{suffix}")
                if part.exists():
                    part.replace(Path(f"{aside}{suffix}"))
        except OSError as err:
            raise HistoryError(
                f"The call history {self.path} is damaged ({reason}) and cannot be moved "
                f"aside: {err}"
            ) from None
        log.warning(
            "The call history %s was damaged (%s): moved it to %s and started a new one.",
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
                    raise HistoryError(f"Cannot {what} {self.path}: {err}") from None
                self._db.close()
                self._move_aside(str(err))
                self._db = self._open()
            try:
                return work(self._db)
            except sqlite3.Error as err:
                raise HistoryError(f"Cannot {what} {self.path}: {err}") from None

    # -- writing ------------------------------------------------------------------------------

    def record(
        self, call: Call, *, e164: str | None = None, candidates: Sequence[Candidate] = ()
    ) -> int:
        """Write ``call`` as it stands now (again at each change: one row per call); returns
        its row id. ``candidates`` are the matches, best first; the best is kept."""
        best = candidates[0] if candidates else None
        values = (
            call.key,
            call.call_id,
            call.started_at,
            call.number,
            e164 or "",
            call.display_name,
            call.direction.value,
            call.state.value,
            int(call.answered),
            call.duration_s,
            best.person_id if best else 0,
            best.person_name if best else "",
            best.contact_id if best else 0,
            best.contact_name if best else "",
            best.matched_by.value if best else "",
            len(candidates),
            call.source,
        )
        return self._run("write the call history", lambda db: self._write(db, values))

    def _write(self, db: sqlite3.Connection, values: tuple[object, ...]) -> int:
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute(_UPSERT, values)
            (row_id,) = db.execute(
                "SELECT id FROM calls WHERE call_key = ? AND started_at = ?", values[:3:2]
            ).fetchone()
            self._prune(db)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return int(row_id)

    def _prune(self, db: sqlite3.Connection) -> None:
        db.execute("DELETE FROM calls WHERE started_at < ?", (self._clock() - self._keep_s,))
        db.execute(
            "DELETE FROM calls WHERE id IN (SELECT id FROM calls ORDER BY started_at DESC, "
            "id DESC LIMIT -1 OFFSET ?)",
            (self._keep_rows,),
        )

    # -- reading ------------------------------------------------------------------------------

    def recent(self, limit: int = 20) -> list[HistoryEntry]:
        """The latest calls, newest first."""
        rows = self._run(
            "read the call history",
            lambda db: db.execute(
                f"SELECT {_COLUMNS} FROM calls ORDER BY started_at DESC, id DESC LIMIT ?",
                (max(0, limit),),
            ).fetchall(),
        )
        return [_entry(row) for row in rows]

    def count(self) -> int:
        return int(
            self._run(
                "read the call history",
                lambda db: db.execute("SELECT COUNT(*) FROM calls").fetchone()[0],
            )
        )

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> CallHistory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
