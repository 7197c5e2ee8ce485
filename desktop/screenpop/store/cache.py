"""The caller-ID cache: one SQLite file in the profile.

Readers (the matcher on the UI thread, a second process) use their own connections. A sync
builds the new set in a table of its own and renames it over the old one in one transaction;
WAL lets readers keep the old snapshot until that commits, so nobody ever sees half a set.
Every lookup is an index lookup: nothing is loaded into memory at start-up.
"""

from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from screenpop.core.errors import ScreenpopError
from screenpop.core.matching import CacheEntry
from screenpop.core.models import CallerId
from screenpop.core.normalise import country_code_for_region

SCHEMA_VERSION = 2
# "SPop": marks the file as ours, so a foreign SQLite file put in its place is recognised.
APPLICATION_ID = 0x53506F70

_CALLER_TABLE = """
CREATE TABLE {name} (
    id INTEGER PRIMARY KEY,
    fp INTEGER NOT NULL,
    e164 TEXT NOT NULL,
    rev TEXT NOT NULL,
    cc_len INTEGER NOT NULL,
    phone_number INTEGER NOT NULL,
    dial_in_prefix INTEGER NOT NULL,
    person_id INTEGER NOT NULL,
    person_name TEXT NOT NULL,
    mrmrs TEXT NOT NULL,
    contact_id INTEGER NOT NULL,
    contact_name TEXT NOT NULL
)"""
# Index names carry a generation: the renamed table keeps its indexes' names.
_INDEXES = ("e164", "rev", "fp")
_SEARCH_TABLE = (
    "CREATE VIRTUAL TABLE search USING fts5(text, tokenize='unicode61 remove_diacritics 2', "
    "detail=none, prefix='1 2 3')"
)
_COLUMNS = (
    "e164, phone_number, dial_in_prefix, person_id, person_name, mrmrs, contact_id, contact_name"
)
_INSERT = (
    "INSERT INTO caller_id_next (fp, e164, rev, cc_len, phone_number, dial_in_prefix, "
    "person_id, person_name, mrmrs, contact_id, contact_name) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# One past "9": with the reversed digits, "ends with D" is the index range [rev(D), rev(D)+":").
_AFTER_DIGITS = ":"
_FOLD_EXTRA = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l", "œ": "oe"})
_SEARCH_PAGE = 50
# The region the set was normalised in; national digits typed in Find are read in it.
META_HOME_REGION = "home_region"
_WORD = re.compile(r"[^\W_]+")


log = logging.getLogger(__name__)


class CacheError(ScreenpopError):
    """The cache file cannot be opened or written."""


class CacheDamagedError(CacheError):
    """The file's pages are damaged: move it aside (:func:`move_aside`) and sync again."""


class _Unusable(Exception):
    """The file is not a cache this version can use: damaged, foreign or from a newer app."""


def _damaged(err: sqlite3.Error) -> bool:
    return getattr(err, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def _why(err: sqlite3.Error) -> str:
    # sqlite3's words for a full disk and a read-only file are clear; add what it means here.
    name = getattr(err, "sqlite_errorname", "")
    if name == "SQLITE_FULL":
        return "the disk is full"
    if name.startswith("SQLITE_IOERR"):
        return f"writing to the disk failed; is it full? ({err})"
    if name.startswith("SQLITE_READONLY") or name == "SQLITE_CANTOPEN":
        return f"the profile folder cannot be written ({err})"
    return str(err)


def move_aside(path: Path, reason: str) -> Path:
    """Keep an unusable cache file for a post-mortem, out of the way of a fresh one."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.unusable-{stamp}")
    path.replace(aside)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(aside.with_name(aside.name + suffix))
    log.warning(
        "The caller-ID cache %s was unusable (%s): moved it to %s; the next sync rebuilds it.",
        path,
        reason,
        aside.name,
    )
    return aside


def fold(text: str) -> str:
    """Case and diacritics folded, so "tromso" finds "Tromsø"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.translate(_FOLD_EXTRA)


def fingerprint(
    e164: str, person_id: int, contact_id: int, person_name: str, mrmrs: str, contact_name: str
) -> int:
    """A stable 64-bit identity of an entry's content: counts changes, keys the search index."""
    text = f"{e164}\x1f{person_id}\x1f{contact_id}\x1f{person_name}\x1f{mrmrs}\x1f{contact_name}"
    digest = hashlib.blake2b(text.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


Row = tuple[int, str, str, int, int, int, int, str, str, int, str]


def make_row(
    e164: str,
    country_code: int,
    phone_number: int,
    dial_in_prefix: int,
    person_id: int,
    person_name: str,
    mrmrs: str,
    contact_id: int,
    contact_name: str,
) -> Row:
    """An entry as the cache stores it: its normal form, keys for lookups, the raw values."""
    return (
        fingerprint(e164, person_id, contact_id, person_name, mrmrs, contact_name),
        e164,
        e164[:0:-1],
        len(str(country_code)),
        phone_number,
        dial_in_prefix,
        person_id,
        person_name,
        mrmrs,
        contact_id,
        contact_name,
    )


@dataclass(frozen=True, slots=True)
class ReplaceResult:
    added: int
    removed: int
    unchanged: int
    total: int


def _entry(row: Sequence[object]) -> CacheEntry:
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
        except OSError as err:
            raise CacheError(f"Cannot create the profile folder {path.parent}: {err}") from None
        try:
            self._db = self._open()
        except _Unusable as unusable:
            try:
                move_aside(path, str(unusable))
            except OSError as err:
                raise CacheError(
                    f"The caller-ID cache {path} is unusable ({unusable}) and cannot be moved "
                    f"aside: {err}"
                ) from None
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        except sqlite3.Error as err:
            raise CacheError(f"Cannot open the caller-ID cache {self.path}: {_why(err)}") from None
        try:
            self._db = db
            self._check_ours()
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA cache_size=-65536")
            db.execute("PRAGMA temp_store=MEMORY")
            self._migrate()
        except sqlite3.Error as err:
            db.close()
            if _damaged(err):
                raise _Unusable(str(err)) from None
            raise CacheError(f"Cannot open the caller-ID cache {self.path}: {_why(err)}") from None
        except BaseException:
            db.close()
            raise
        return db

    def _check_ours(self) -> None:
        app_id = self._db.execute("PRAGMA application_id").fetchone()[0]
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if app_id not in (0, APPLICATION_ID):
            raise _Unusable("it is another application's SQLite file")
        if version > SCHEMA_VERSION:
            raise _Unusable(f"it was written by a newer Screenpop (schema {version})")
        if app_id == 0 and version == 0:
            names = {n for (n,) in self._db.execute("SELECT name FROM sqlite_schema")}
            if names:
                raise _Unusable("it is another application's SQLite file")

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        with self._transaction("upgrade the caller-ID cache") as db:
            if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
                return  # another process migrated meanwhile
            # Every older layout is only a copy of the CRM's data: drop it, and the next sync
            # (with no LastHash) fetches the whole set again.
            db.execute("DROP TABLE IF EXISTS caller_id")
            db.execute("DROP TABLE IF EXISTS search")
            db.execute("DROP TABLE IF EXISTS meta")
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.execute(_CALLER_TABLE.format(name="caller_id"))
            self._create_indexes("caller_id", 0)
            db.execute(_SEARCH_TABLE)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def _transaction(self, what: str) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it or, on any failure, none of it."""
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                # SQLite ends some failed transactions itself (a full disk, an I/O error).
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
        except sqlite3.Error as err:
            raise self._error(f"Cannot {what}", err) from None

    def _error(self, doing: str, err: sqlite3.Error) -> CacheError:
        kind = CacheDamagedError if _damaged(err) else CacheError
        return kind(f"{doing} {self.path}: {_why(err)}")

    def _read(self, query: str, args: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        try:
            return self._db.execute(query, args).fetchall()
        except sqlite3.Error as err:
            raise self._error("Cannot read the caller-ID cache", err) from None

    def _create_indexes(self, table: str, generation: int) -> None:
        for column in _INDEXES:
            self._db.execute(f"CREATE INDEX {column}_{generation} ON {table} ({column})")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> CallerIdCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- lookups (the matcher's CallerIndex) -----------------------------------------------

    def _select(self, where: str, args: tuple[object, ...]) -> list[CacheEntry]:
        query = f"SELECT {_COLUMNS} FROM caller_id WHERE {where}"
        return [_entry(row) for row in self._read(query, args)]

    def find_e164(self, e164: str) -> list[CacheEntry]:
        return self._select("e164 = ?", (e164,))

    def find_national(self, nsn: str) -> list[CacheEntry]:
        reversed_digits = nsn[::-1]
        return self._select(
            "rev >= ? AND rev < ? AND length(rev) = cc_len + ?",
            (reversed_digits, reversed_digits + _AFTER_DIGITS, len(nsn)),
        )

    def find_ending_with(self, digits: str, limit: int) -> list[CacheEntry]:
        reversed_digits = digits[::-1]
        return self._select(
            "rev >= ? AND rev < ? ORDER BY length(rev) LIMIT ?",
            (reversed_digits, reversed_digits + _AFTER_DIGITS, limit),
        )

    def find_suffixes_of(self, digits: str, min_length: int) -> list[CacheEntry]:
        reversed_digits = digits[::-1]
        suffixes = [reversed_digits[:n] for n in range(min_length, len(reversed_digits) + 1)]
        if not suffixes:
            return []
        marks = ", ".join("?" * len(suffixes))
        return self._select(f"rev IN ({marks})", tuple(suffixes))

    # -- the Find dialog -------------------------------------------------------------------

    def search(self, text: str, limit: int = _SEARCH_PAGE) -> list[CacheEntry]:
        """Entries whose names start words with the typed words, or whose number starts or
        ends with the typed digits; the first page only, from indexes alone."""
        needle = text.strip()
        if not needle:
            return []
        compact = needle.replace(" ", "").replace("-", "").lstrip("+")
        if compact.isdigit():
            return self._search_digits(compact, limit)
        # Words as FTS5's tokenizer sees them, each quoted: typed text is never query syntax.
        words = _WORD.findall(fold(needle))
        if not words:
            return []
        query = " ".join(f'"{word}"*' for word in words)
        rows = self._read(
            f"SELECT {_COLUMNS} FROM caller_id WHERE fp IN "
            "(SELECT rowid FROM search WHERE search MATCH ? LIMIT ?) "
            "GROUP BY fp ORDER BY person_id = 0, person_name, contact_name",
            (query, limit),
        )
        return [_entry(row) for row in rows][:limit]

    def _search_digits(self, digits: str, limit: int) -> list[CacheEntry]:
        """Numbers that start with the digits (as typed internationally, or nationally in the
        home region: "2233" and "022 33" find +47 22 33 44 55), then numbers that end with them."""
        starts = [f"+{digits}"]
        region = self.meta(META_HOME_REGION)
        if region:
            starts.insert(0, f"+{country_code_for_region(region)}{digits.lstrip('0')}")
        found: list[CacheEntry] = []
        for start in starts:
            if len(found) < limit:
                found += self._select(
                    "e164 >= ? AND e164 < ? LIMIT ?",
                    (start, start + _AFTER_DIGITS, limit - len(found)),
                )
        reversed_digits = digits[::-1]
        if len(found) < limit:
            found += self._select(
                "rev >= ? AND rev < ? LIMIT ?",
                (reversed_digits, reversed_digits + _AFTER_DIGITS, limit - len(found)),
            )
        unique = {(e.e164, e.caller.person_id, e.caller.contact_id): e for e in found}
        return list(unique.values())

    def sample(self, limit: int) -> list[CacheEntry]:
        rows = self._read(f"SELECT {_COLUMNS} FROM caller_id ORDER BY id LIMIT ?", (limit,))
        return [_entry(row) for row in rows]

    def count(self) -> int:
        (count,) = self._read("SELECT COUNT(*) FROM caller_id")[0]
        return count if isinstance(count, int) else 0

    def meta(self, key: str) -> str | None:
        rows = self._read("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    # -- writing ---------------------------------------------------------------------------

    def set_meta(self, key: str, value: str) -> None:
        try:
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
        except sqlite3.Error as err:
            raise self._error("Cannot write to", err) from None

    def replace_all(self, rows: Sequence[Row], meta: dict[str, str]) -> ReplaceResult:
        """Swap in a new caller-ID set (rows from :func:`make_row`) and its meta, atomically."""
        new = {row[0] for row in rows}
        with self._transaction("write the caller-ID cache") as db:
            old = {fp for (fp,) in db.execute("SELECT fp FROM caller_id")}
            generation = int(self.meta("generation") or 0) + 1
            db.execute("DROP TABLE IF EXISTS caller_id_next")
            db.execute(_CALLER_TABLE.format(name="caller_id_next"))
            db.executemany(_INSERT, rows)
            self._create_indexes("caller_id_next", generation)
            db.execute("DROP TABLE caller_id")
            db.execute("ALTER TABLE caller_id_next RENAME TO caller_id")
            for name, value in {**meta, "generation": str(generation)}.items():
                self.set_meta(name, value)
        added = len(new - old)
        return ReplaceResult(
            added=added, removed=len(old - new), unchanged=len(rows) - added, total=len(rows)
        )

    def update_search_index(self) -> int:
        """Bring the name index up to the current set; returns the entries indexed anew.

        Separate from the swap so a sync is ready for pops as soon as possible. The index is
        keyed by content fingerprint and searches join back to the current set, so while it
        catches up it can miss a new entry for a moment, but never show a removed one.
        """
        with self._transaction("update the search index in") as db:
            db.execute(
                "DELETE FROM search WHERE rowid IN "
                "(SELECT rowid FROM search EXCEPT SELECT fp FROM caller_id)"
            )
            missing = db.execute(
                "SELECT fp, person_name, contact_name FROM caller_id "
                "WHERE fp IN (SELECT fp FROM caller_id EXCEPT SELECT rowid FROM search) "
                "GROUP BY fp"
            ).fetchall()
            db.executemany(
                "INSERT INTO search (rowid, text) VALUES (?, ?)",
                [(fp, fold(f"{person} {company}")) for fp, person, company in missing],
            )
        return len(missing)
