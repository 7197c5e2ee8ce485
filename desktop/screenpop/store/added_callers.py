"""Callers the agent added to SuperOffice, known here until a sync brings them.

A person added from an unknown caller's toast is in SuperOffice at once, but in the caller-ID
cache only once a sync brings them (and only if they are among the user's caller IDs). Until
then their next call must still pop as them, offline too: this small SQLite file in the
profile remembers them, matched by their exact E.164 number where the cache has no match.
It never touches the cache itself, and forgets an entry after :data:`KEEP_DAYS`.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path

from screenpop.core.matching import CacheEntry, Candidate, MatchedBy, rank
from screenpop.core.models import CallerId
from screenpop.core.phone import IncomingNumber

log = logging.getLogger(__name__)

FILE_NAME = "added-callers.sqlite3"
KEEP_DAYS = 30
_SCHEMA = """
CREATE TABLE IF NOT EXISTS added_caller (
    e164 TEXT NOT NULL,
    person_id INTEGER NOT NULL,
    person_name TEXT NOT NULL,
    mrmrs TEXT NOT NULL,
    contact_id INTEGER NOT NULL,
    contact_name TEXT NOT NULL,
    added_at REAL NOT NULL,
    PRIMARY KEY (e164, person_id)
)"""


class AddedCallers:
    """One connection (the UI thread's); every failure is logged and costs only this memory."""

    def __init__(self, path: Path, *, clock: float | None = None) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        try:
            db = sqlite3.connect(path, timeout=2.0, isolation_level=None)
            db.execute(_SCHEMA)
            cutoff = (clock or time.time()) - KEEP_DAYS * 86400
            db.execute("DELETE FROM added_caller WHERE added_at < ?", (cutoff,))
            self._db = db
        except sqlite3.Error as err:
            log.warning("added callers not remembered (%s): %s", path, err)

    def add(self, e164: str, candidate: Candidate) -> None:
        if self._db is None:
            return
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO added_caller VALUES (?, ?, ?, ?, ?, ?, ?)",
                (e164, candidate.person_id, candidate.person_name, candidate.mrmrs,
                 candidate.contact_id, candidate.contact_name, time.time()),
            )  # fmt: skip
        except sqlite3.Error as err:
            log.warning("added caller not remembered: %s", err)

    def find(self, incoming: IncomingNumber) -> list[Candidate]:
        """The added callers with the incoming number (exact E.164 only), best first."""
        if self._db is None or incoming.e164 is None:
            return []
        try:
            rows = self._db.execute(
                "SELECT person_id, person_name, mrmrs, contact_id, contact_name "
                "FROM added_caller WHERE e164 = ?",
                (incoming.e164,),
            ).fetchall()
        except sqlite3.Error as err:
            log.warning("added callers not read: %s", err)
            return []
        digits = int(incoming.e164[1:])
        entries = [
            CacheEntry(CallerId(digits, 0, pid, name, mrmrs, cid, company), incoming.e164)
            for pid, name, mrmrs, cid, company in rows
        ]
        return rank(entries, MatchedBy.EXACT)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
