"""The caller-ID cache: one SQLite file in the profile.

Readers (the matcher on the UI thread, a second process) use their own connections; a sync
replaces the whole set in one transaction, and WAL lets readers keep the old snapshot until it
commits, so nobody ever sees half a set.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from screenpop.core.errors import ScreenpopError
from screenpop.core.matching import CacheEntry
from screenpop.core.models import CallerId

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS caller_id (
    id INTEGER PRIMARY KEY,
    e164 TEXT NOT NULL,
    phone_number INTEGER NOT NULL,
    dial_in_prefix INTEGER NOT NULL,
    person_id INTEGER NOT NULL,
    person_name TEXT NOT NULL,
    mrmrs TEXT NOT NULL,
    contact_id INTEGER NOT NULL,
    contact_name TEXT NOT NULL,
    search_key TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS caller_id_e164 ON caller_id (e164);
"""

_COLUMNS = (
    "e164, phone_number, dial_in_prefix, person_id, person_name, mrmrs, contact_id, contact_name"
)


class CacheError(ScreenpopError):
    """The cache file cannot be opened or written."""


def fold(text: str) -> str:
    """Case and diacritics folded, so "tromso" finds "Tromsø"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.translate(_FOLD_EXTRA)


_FOLD_EXTRA = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l", "œ": "oe"})


@dataclass(frozen=True, slots=True)
class ReplaceResult:
    added: int
    removed: int
    unchanged: int
    total: int


def _entry(row: tuple[object, ...]) -> CacheEntry:
    e164, phone, prefix, person_id, person_name, mrmrs, contact_id, contact_name = row
    caller = CallerId(
        phone_number=int(phone),  # type: ignore[call-overload]
        dial_in_prefix=int(prefix),  # type: ignore[call-overload]
        person_id=int(person_id),  # type: ignore[call-overload]
        person_name=str(person_name),
        mrmrs=str(mrmrs),
        contact_id=int(contact_id),  # type: ignore[call-overload]
        contact_name=str(contact_name),
    )
    return CacheEntry(caller, str(e164))


class CallerIdCache:
    """One connection to the cache file; use one instance per thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=10.0, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except (sqlite3.Error, OSError) as err:
            raise CacheError(f"Cannot open the caller-ID cache {path}: {err}") from None

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:
            raise CacheError(f"The cache {self.path} was written by a newer Screenpop.")
        self._db.executescript(_SCHEMA)
        self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> CallerIdCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------------------

    def find_e164(self, e164: str) -> list[CacheEntry]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM caller_id WHERE e164 = ?", (e164,)
        ).fetchall()
        return [_entry(row) for row in rows]

    def search(self, text: str, limit: int = 50) -> list[CacheEntry]:
        """Entries whose name or company contains the text, or whose number contains the digits."""
        needle = text.strip()
        if not needle:
            return []
        digits = "".join(c for c in needle if c.isdigit())
        if digits and len(digits) >= len(needle.replace(" ", "").lstrip("+")) - 1:
            query = (
                f"SELECT {_COLUMNS} FROM caller_id WHERE e164 LIKE ? ORDER BY person_name LIMIT ?"
            )
            args: tuple[object, ...] = (f"%{digits}%", limit)
        else:
            query = (
                f"SELECT {_COLUMNS} FROM caller_id WHERE search_key LIKE ? ESCAPE '\\' "
                "ORDER BY person_id = 0, person_name, contact_name LIMIT ?"
            )
            escaped = fold(needle).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            args = (f"%{escaped}%", limit)
        return [_entry(row) for row in self._db.execute(query, args).fetchall()]

    def sample(self, limit: int) -> list[CacheEntry]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM caller_id ORDER BY id LIMIT ?", (limit,)
        ).fetchall()
        return [_entry(row) for row in rows]

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM caller_id").fetchone()[0])

    def meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    # -- writing ---------------------------------------------------------------------------

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def replace_all(self, entries: Iterable[CacheEntry], meta: dict[str, str]) -> ReplaceResult:
        """Swap in a new caller-ID set and its meta in one transaction."""
        rows = [
            (
                e.e164,
                e.caller.phone_number,
                e.caller.dial_in_prefix,
                e.caller.person_id,
                e.caller.person_name,
                e.caller.mrmrs,
                e.caller.contact_id,
                e.caller.contact_name,
                fold(f"{e.caller.person_name} {e.caller.contact_name}"),
            )
            for e in entries
        ]
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute(
                    "CREATE TEMP TABLE IF NOT EXISTS incoming AS SELECT * FROM caller_id WHERE 0"
                )
                db.execute("DELETE FROM temp.incoming")
                db.executemany(
                    f"INSERT INTO temp.incoming ({_COLUMNS}, search_key) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
                key = "e164, person_id, contact_id, person_name, mrmrs, contact_name"
                added = db.execute(
                    f"SELECT COUNT(*) FROM (SELECT {key} FROM temp.incoming "
                    f"EXCEPT SELECT {key} FROM caller_id)"
                ).fetchone()[0]
                removed = db.execute(
                    f"SELECT COUNT(*) FROM (SELECT {key} FROM caller_id "
                    f"EXCEPT SELECT {key} FROM temp.incoming)"
                ).fetchone()[0]
                db.execute("DELETE FROM caller_id")
                db.execute(
                    f"INSERT INTO caller_id ({_COLUMNS}, search_key) "
                    f"SELECT {_COLUMNS}, search_key FROM temp.incoming"
                )
                db.execute("DELETE FROM temp.incoming")
                for name, value in meta.items():
                    self.set_meta(name, value)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error as err:
            raise CacheError(f"Cannot write the caller-ID cache {self.path}: {err}") from None
        total = len(rows)
        return ReplaceResult(added=added, removed=removed, unchanged=total - added, total=total)
