"""The outbox: every call log on its way to SuperOffice, in one SQLite file of the profile.

One row per call (its :func:`~screenpop.core.call_log.log_id` is the primary key, so a call is
never queued twice), written while the call is live (its note survives a crash), then
``offered`` (the agent may log it), ``waiting`` (to be sent), ``sent`` (the appointment's id),
``refused`` (the tenant said no, in its words) or ``discarded``. ``uncertain`` marks a POST that
went out without an answer that said what became of it: before anything is sent again the
tenant is asked whether the appointment was made (:mod:`screenpop.services.call_log_sender`).
The attempt is written before the request leaves, so a kill in the middle leaves the mark.

Writes happen on whichever thread calls; each is one short transaction (a call's hang-up
writes one row, well under a millisecond), so a log is on disk before the app says it has it.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from screenpop.core.calls import Direction
from screenpop.core.errors import ScreenpopError
from screenpop.store.sqlite_file import SqliteFile

SCHEMA_VERSION = 1
# How long done rows are kept: a late duplicate of a call then still finds its log.
KEEP_DONE_S = 30 * 86400.0
# An ended call offered for logging that the agent never logged goes after a working day.
KEEP_OFFERED_S = 24 * 3600.0

_SCHEMA = """
CREATE TABLE logs (
    log_id TEXT PRIMARY KEY,
    call_key TEXT NOT NULL,
    call_id TEXT NOT NULL,
    state TEXT NOT NULL,
    direction TEXT NOT NULL,
    number TEXT NOT NULL,
    person_id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    who TEXT NOT NULL,
    started_at REAL NOT NULL,
    answered_at REAL,
    ended_at REAL,
    headline TEXT NOT NULL,
    note TEXT NOT NULL,
    task TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    uncertain INTEGER NOT NULL DEFAULT 0,
    next_at REAL NOT NULL DEFAULT 0,
    last_attempt_at REAL,
    error TEXT NOT NULL DEFAULT '',
    appointment_id INTEGER NOT NULL DEFAULT 0,
    sent_note TEXT,
    updated_at REAL NOT NULL
);
CREATE INDEX logs_work ON logs (state, next_at);
CREATE INDEX logs_call ON logs (call_key, started_at);
"""
_COLUMNS = (
    "log_id, call_key, call_id, state, direction, number, person_id, contact_id, who, "
    "started_at, answered_at, ended_at, headline, note, task, attempts, uncertain, next_at, "
    "last_attempt_at, error, appointment_id, sent_note, updated_at"
)
# What the sender has work for: logs to send, and sent ones whose note changed since.
_WORK = "(state = 'waiting' OR (state = 'sent' AND sent_note IS NOT NULL AND note != sent_note))"


class OutboxError(ScreenpopError):
    """The outbox file cannot be opened or written."""


class LogState(StrEnum):
    LIVE = "live"  # the call is in progress
    OFFERED = "offered"  # ended; the agent may log it ("ask")
    WAITING = "waiting"  # to be sent
    SENT = "sent"
    REFUSED = "refused"  # the tenant refused it (400): retry or discard
    DISCARDED = "discarded"


@dataclass(frozen=True, slots=True)
class LogRow:
    log_id: str
    call_key: str
    call_id: str
    state: LogState
    direction: Direction
    number: str
    person_id: int
    contact_id: int
    who: str
    started_at: float
    answered_at: float | None
    ended_at: float | None
    headline: str
    note: str
    task: str
    attempts: int = 0
    uncertain: bool = False
    next_at: float = 0.0
    last_attempt_at: float | None = None
    error: str = ""
    appointment_id: int = 0
    sent_note: str | None = None
    updated_at: float = 0.0

    @property
    def answered(self) -> bool:
        return self.answered_at is not None

    @property
    def note_behind(self) -> bool:
        """Sent, but the agent changed the note since."""
        return (
            self.state is LogState.SENT
            and self.sent_note is not None
            and (self.note != self.sent_note)
        )


def _row(values: Sequence[object]) -> LogRow:
    v = list(values)
    return LogRow(
        log_id=str(v[0]),
        call_key=str(v[1]),
        call_id=str(v[2]),
        state=LogState(str(v[3])),
        direction=Direction(str(v[4])),
        number=str(v[5]),
        person_id=int(v[6]),  # type: ignore[call-overload]
        contact_id=int(v[7]),  # type: ignore[call-overload]
        who=str(v[8]),
        started_at=float(v[9]),  # type: ignore[arg-type]
        answered_at=None if v[10] is None else float(v[10]),  # type: ignore[arg-type]
        ended_at=None if v[11] is None else float(v[11]),  # type: ignore[arg-type]
        headline=str(v[12]),
        note=str(v[13]),
        task=str(v[14]),
        attempts=int(v[15]),  # type: ignore[call-overload]
        uncertain=bool(v[16]),
        next_at=float(v[17]),  # type: ignore[arg-type]
        last_attempt_at=None if v[18] is None else float(v[18]),  # type: ignore[arg-type]
        error=str(v[19]),
        appointment_id=int(v[20]),  # type: ignore[call-overload]
        sent_note=None if v[21] is None else str(v[21]),
        updated_at=float(v[22]),  # type: ignore[arg-type]
    )


@dataclass(frozen=True, slots=True)
class OutboxCounts:
    waiting: int = 0  # to be sent (sent ones with a newer note included)
    refused: int = 0
    offered: int = 0

    @property
    def total(self) -> int:
        return self.waiting + self.refused + self.offered


class Outbox(SqliteFile):
    """The outbox file; safe to share between threads."""

    title = "the call log outbox"
    schema = _SCHEMA
    schema_version = SCHEMA_VERSION
    error = OutboxError

    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        super().__init__(path)

    # -- reading ------------------------------------------------------------------------------

    def _select(self, where: str, args: tuple[object, ...] = (), tail: str = "") -> list[LogRow]:
        rows = self._run(
            "read",
            lambda db: db.execute(
                f"SELECT {_COLUMNS} FROM logs WHERE {where} {tail}", args
            ).fetchall(),
        )
        return [_row(row) for row in rows]

    def get(self, log_id: str) -> LogRow | None:
        found = self._select("log_id = ?", (log_id,))
        return found[0] if found else None

    def live(self, call_key: str) -> LogRow | None:
        """The newest live log of the call ``call_key`` (a call this app, or the one before a
        restart, saw start)."""
        found = self._select(
            "call_key = ? AND state = 'live'", (call_key,), "ORDER BY started_at DESC LIMIT 1"
        )
        return found[0] if found else None

    def all_live(self) -> list[LogRow]:
        return self._select("state = 'live'", (), "ORDER BY started_at")

    def next_work(self, now: float) -> LogRow | None:
        """The log the sender should work on now: due, oldest first."""
        found = self._select(f"{_WORK} AND next_at <= ?", (now,), "ORDER BY next_at LIMIT 1")
        return found[0] if found else None

    def next_due_at(self) -> float | None:
        """When the next log is due (None: nothing to send)."""
        value = self._run(
            "read",
            lambda db: db.execute(f"SELECT MIN(next_at) FROM logs WHERE {_WORK}").fetchone()[0],
        )
        return None if value is None else float(value)

    def pending(self) -> list[LogRow]:
        """What the agent may act on, newest first: waiting, refused and offered logs."""
        return self._select(
            f"{_WORK} OR state IN ('refused', 'offered')", (), "ORDER BY started_at DESC"
        )

    def counts(self) -> OutboxCounts:
        def count(db: sqlite3.Connection) -> tuple[int, int, int]:
            row = db.execute(
                f"SELECT SUM({_WORK}), SUM(state = 'refused'), SUM(state = 'offered') FROM logs"
            ).fetchone()
            return int(row[0] or 0), int(row[1] or 0), int(row[2] or 0)

        return OutboxCounts(*self._run("read", count))

    # -- the call's side ----------------------------------------------------------------------

    def open_live(self, row: LogRow) -> LogRow:
        """Keep the log of a call that started; the one already kept if there is one."""
        now = self._clock()

        def insert(db: sqlite3.Connection) -> None:
            db.execute(
                f"INSERT OR IGNORE INTO logs ({_COLUMNS}) VALUES ({', '.join('?' * 23)})",
                (row.log_id, row.call_key, row.call_id, LogState.LIVE.value,
                 row.direction.value, row.number, row.person_id, row.contact_id, row.who,
                 row.started_at, row.answered_at, row.ended_at, row.headline, row.note,
                 row.task, 0, 0, 0.0, None, "", 0, None, now),
            )  # fmt: skip

        self._run("write", insert)
        kept = self.get(row.log_id)
        assert kept is not None
        return kept

    def update_live(self, log_id: str, **changes: object) -> None:
        """Change what is known of a call still live (answered, who it was)."""
        allowed = {"answered_at", "person_id", "contact_id", "who", "number"}
        if not changes or not set(changes) <= allowed:
            raise ValueError(f"cannot change {sorted(changes)}")
        names = ", ".join(f"{name} = ?" for name in changes)
        self._execute(
            f"UPDATE logs SET {names}, updated_at = ? WHERE log_id = ? AND state = 'live'",
            (*changes.values(), self._clock(), log_id),
        )

    def end(
        self,
        log_id: str,
        state: LogState,
        *,
        ended_at: float,
        headline: str,
        task: str,
        answered_at: float | None = None,
    ) -> LogRow | None:
        """A live call ended: ``offered``, ``waiting`` (due now) or ``discarded``. A log that
        is no longer live (ended already) stays as it is; returns the row as it is now."""
        if state not in (LogState.OFFERED, LogState.WAITING, LogState.DISCARDED):
            raise ValueError(state)
        self._execute(
            "UPDATE logs SET state = ?, ended_at = ?, headline = ?, task = ?, "
            "answered_at = COALESCE(answered_at, ?), next_at = 0, updated_at = ? "
            "WHERE log_id = ? AND state = 'live'",
            (state.value, ended_at, headline, task, answered_at, self._clock(), log_id),
        )
        return self.get(log_id)

    def set_note(self, log_id: str, note: str) -> LogRow | None:
        """The agent's note, at any time before the log is discarded; a sent log whose note
        changes is due again (the appointment's text is brought up to date)."""
        self._execute(
            "UPDATE logs SET note = ?, next_at = CASE WHEN state = 'sent' THEN 0 "
            "ELSE next_at END, updated_at = ? WHERE log_id = ? AND state != 'discarded'",
            (note, self._clock(), log_id),
        )
        return self.get(log_id)

    def request(self, log_id: str) -> LogRow | None:
        """The agent asked to log it ("Log call", Retry): offered or refused, it is sent now."""
        self._execute(
            "UPDATE logs SET state = 'waiting', next_at = 0, error = '', updated_at = ? "
            "WHERE log_id = ? AND state IN ('offered', 'refused')",
            (self._clock(), log_id),
        )
        return self.get(log_id)

    def discard(self, log_id: str) -> LogRow | None:
        """The agent does not want it logged (a sent log cannot be unsent)."""
        self._execute(
            "UPDATE logs SET state = 'discarded', updated_at = ? "
            "WHERE log_id = ? AND state IN ('live', 'offered', 'waiting', 'refused')",
            (self._clock(), log_id),
        )
        return self.get(log_id)

    # -- the sender's side --------------------------------------------------------------------

    def mark_attempt(self, log_id: str, now: float, in_flight_s: float) -> None:
        """A POST is about to leave: until its answer says otherwise, it may have made the
        appointment. Committed before the request goes out; if the app does not live to hear
        the answer, the log is looked at again ``in_flight_s`` later."""
        self._execute(
            "UPDATE logs SET attempts = attempts + 1, uncertain = 1, last_attempt_at = ?, "
            "next_at = ?, updated_at = ? WHERE log_id = ?",
            (now, now + in_flight_s, self._clock(), log_id),
        )

    def mark_sent(self, log_id: str, appointment_id: int, sent_note: str) -> None:
        self._execute(
            "UPDATE logs SET state = 'sent', appointment_id = ?, sent_note = ?, uncertain = 0, "
            "error = '', next_at = 0, updated_at = ? WHERE log_id = ?",
            (appointment_id, sent_note, self._clock(), log_id),
        )

    def mark_note_sent(self, log_id: str, note: str, error: str = "") -> None:
        """The appointment's text carries ``note`` now (or, with ``error``, the tenant refused
        it and it is not tried again until the note changes)."""
        self._execute(
            "UPDATE logs SET sent_note = ?, error = ?, next_at = 0, updated_at = ? "
            "WHERE log_id = ?",
            (note, error, self._clock(), log_id),
        )

    def retry_later(self, log_id: str, next_at: float, error: str, *, uncertain: bool) -> None:
        """Not sent this time (offline, 5xx, sign-in needed); ``uncertain``: the tenant may
        have made the appointment all the same."""
        self._execute(
            "UPDATE logs SET next_at = ?, error = ?, uncertain = ?, updated_at = ? "
            "WHERE log_id = ?",
            (next_at, error, int(uncertain), self._clock(), log_id),
        )

    def clear_uncertain(self, log_id: str) -> None:
        """The tenant has no appointment from the earlier attempts: sending again is safe."""
        self._execute(
            "UPDATE logs SET uncertain = 0, updated_at = ? WHERE log_id = ?",
            (self._clock(), log_id),
        )

    def mark_refused(self, log_id: str, error: str) -> None:
        self._execute(
            "UPDATE logs SET state = 'refused', error = ?, uncertain = 0, updated_at = ? "
            "WHERE log_id = ? AND state = 'waiting'",
            (error, self._clock(), log_id),
        )

    def prune(self) -> int:
        """Forget done logs after a month and offers never taken after a day; returns how many."""
        now = self._clock()

        def prune(db: sqlite3.Connection) -> int:
            done = db.execute(
                "DELETE FROM logs WHERE state IN ('sent', 'discarded') AND updated_at < ? "
                f"AND NOT {_WORK}",
                (now - KEEP_DONE_S,),
            ).rowcount
            offered = db.execute(
                "UPDATE logs SET state = 'discarded', updated_at = ? "
                "WHERE state = 'offered' AND updated_at < ?",
                (now, now - KEEP_OFFERED_S),
            ).rowcount
            return int(done) + int(offered)

        return self._run("write", lambda db: self._transaction(db, lambda: prune(db)))

    def _execute(self, sql: str, args: tuple[object, ...]) -> None:
        self._run("write", lambda db: db.execute(sql, args))

    def __enter__(self) -> Outbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
