"""Call history: one SQLite file in the profile (``Profile.history_file``), feeding Recent calls.

Each call is one row, written when it starts and again when it ends (keyed by the tracker's
call key and start time), so a crash mid-call still leaves the call in Recent calls. Old rows
go by age and by count on every write, both by index. One connection serves every thread
behind a lock: the app writes from ``asyncio.to_thread`` workers and reads on the UI thread,
each a statement or two on a small table.

History is a convenience, not a record of truth: a file that is not a database any more is
moved aside (kept for a person to look at) and a new one started, with one log line
(:class:`screenpop.store.sqlite_file.SqliteFile`).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from screenpop.core.call_life import Call, is_missed
from screenpop.core.calls import CallState, Direction
from screenpop.core.errors import ScreenpopError
from screenpop.core.matching import Candidate
from screenpop.store.sqlite_file import SqliteFile

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
KEEP_DAYS = 90
KEEP_ROWS = 5000

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


class CallHistory(SqliteFile):
    """The history file; safe to share between threads."""

    title = "the call history"
    # History is the only version yet; an unknown older layout is not kept.
    schema = "DROP TABLE IF EXISTS calls;" + _SCHEMA
    schema_version = SCHEMA_VERSION
    error = HistoryError

    def __init__(
        self,
        path: Path,
        *,
        keep_days: float = KEEP_DAYS,
        keep_rows: int = KEEP_ROWS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._keep_s = keep_days * 86400.0
        self._keep_rows = max(1, keep_rows)
        self._clock = clock
        super().__init__(path)

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
        def write() -> int:
            db.execute(_UPSERT, values)
            (row_id,) = db.execute(
                "SELECT id FROM calls WHERE call_key = ? AND started_at = ?", values[:3:2]
            ).fetchone()
            self._prune(db)
            return int(row_id)

        return self._transaction(db, write)

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

    def __enter__(self) -> CallHistory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
