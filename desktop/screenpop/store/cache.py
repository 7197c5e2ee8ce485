"""The caller-ID cache: one SQLite file in the profile.

Readers (the matcher on the UI thread, a second process) use their own connections. A sync
changes the set in one transaction (:mod:`screenpop.store.cache_update`); WAL lets readers
keep the old snapshot until that commits, so nobody ever sees half a set. Every lookup is an
index lookup: nothing is loaded into memory at start-up.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from screenpop.core.errors import ScreenpopError
from screenpop.core.matching import CacheEntry
from screenpop.core.models import CallerId
from screenpop.core.normalise import country_code_for_region
from screenpop.store.cache_update import (
    INDEXES,
    SCHEMA,
    TABLES,
    CacheUpdate,
    ReplaceResult,
    Row,
    make_row,
    new_rows,
)
from screenpop.store.words import words

SCHEMA_VERSION = 3
# "SPop": marks the file as ours, so a foreign SQLite file put in its place is recognised.
APPLICATION_ID = 0x53506F70

_COLUMNS = (
    "c.e164, c.phone_number, c.dial_in_prefix, c.person_id, p.text, c.mrmrs, c.contact_id, k.text"
)
_FROM = "caller_id c JOIN name p ON p.id = c.person_name JOIN name k ON k.id = c.contact_name"
# One past "9": with the reversed digits, "ends with D" is the index range [rev(D), rev(D)+":").
_AFTER_DIGITS = ":"
_SEARCH_PAGE = 50
# The region the set was normalised in; national digits typed in Find are read in it.
META_HOME_REGION = "home_region"


__all__ = ["CallerIdCache", "ReplaceResult", "Row", "make_row"]

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
            # A rebuild hands the connection to its row writer's thread while it writes
            # (store.row_writer); otherwise one thread uses it, as the class says.
            db = sqlite3.connect(
                self.path, timeout=10.0, isolation_level=None, check_same_thread=False
            )
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
            for name in ("caller_id", "caller_id_next", "search", "meta", *TABLES):
                db.execute(f"DROP TABLE IF EXISTS {name}")
            for statement in SCHEMA:
                db.execute(statement)
            for index, columns in INDEXES.items():
                db.execute(f"CREATE INDEX {index} ON {columns}")
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

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> CallerIdCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- lookups (the matcher's CallerIndex) -----------------------------------------------

    def _select(self, where: str, args: tuple[object, ...]) -> list[CacheEntry]:
        query = f"SELECT {_COLUMNS} FROM {_FROM} WHERE {where}"
        return [_entry(row) for row in self._read(query, args)]

    def find_e164(self, e164: str) -> list[CacheEntry]:
        return self._select("c.e164 = ?", (e164,))

    def find_national(self, nsn: str) -> list[CacheEntry]:
        reversed_digits = nsn[::-1]
        return self._select(
            "c.rev >= ? AND c.rev < ? AND length(c.rev) = c.cc_len + ?",
            (reversed_digits, reversed_digits + _AFTER_DIGITS, len(nsn)),
        )

    def find_ending_with(self, digits: str, limit: int) -> list[CacheEntry]:
        reversed_digits = digits[::-1]
        return self._select(
            "c.rev >= ? AND c.rev < ? ORDER BY length(c.rev) LIMIT ?",
            (reversed_digits, reversed_digits + _AFTER_DIGITS, limit),
        )

    def find_suffixes_of(self, digits: str, min_length: int) -> list[CacheEntry]:
        reversed_digits = digits[::-1]
        suffixes = [reversed_digits[:n] for n in range(min_length, len(reversed_digits) + 1)]
        if not suffixes:
            return []
        marks = ", ".join("?" * len(suffixes))
        return self._select(f"c.rev IN ({marks})", tuple(suffixes))

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
        typed = words(needle)
        if not typed:
            return []
        return self._search_words(typed, limit)

    def _search_words(self, typed: list[str], limit: int) -> list[CacheEntry]:
        """A page of entries whose person or company name has a word starting with each
        typed word: the longest word's index range finds candidates, the others filter."""
        driver = max(typed, key=len)
        others = [w for w in typed if w != driver]
        where = "w.word >= ? AND w.word < ?"
        args: list[object] = [driver, _after(driver)]
        names = ""
        if others:
            names = "JOIN name p ON p.id = c.person_name JOIN name k ON k.id = c.contact_name"
        for other in others:
            where += " AND instr(' ' || p.words || ' ' || k.words, ' ' || ?) > 0"
            args.append(other)
        pages = [
            "SELECT id FROM (SELECT c.id FROM name_word w "
            f"JOIN caller_id c ON c.{column} = w.name {names} WHERE {where} LIMIT ?)"
            for column in ("person_name", "contact_name")
        ]
        rows = self._read(
            f"SELECT {_COLUMNS} FROM {_FROM} WHERE c.id IN ({' UNION '.join(pages)}) "
            "ORDER BY c.person_id = 0, p.text, k.text",
            (*args, limit, *args, limit),
        )
        return _unique([_entry(row) for row in rows])[:limit]

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
                    "c.e164 >= ? AND c.e164 < ? LIMIT ?",
                    (start, start + _AFTER_DIGITS, limit - len(found)),
                )
        reversed_digits = digits[::-1]
        if len(found) < limit:
            found += self._select(
                "c.rev >= ? AND c.rev < ? LIMIT ?",
                (reversed_digits, reversed_digits + _AFTER_DIGITS, limit - len(found)),
            )
        return _unique(found)

    def sample(self, limit: int) -> list[CacheEntry]:
        rows = self._read(f"SELECT {_COLUMNS} FROM {_FROM} ORDER BY c.id LIMIT ?", (limit,))
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

    @contextmanager
    def update(self, *, start_over: bool = False) -> Iterator[CacheUpdate]:
        """One transaction to the next caller-ID set (see :class:`CacheUpdate`); with
        ``start_over`` the stored keys are not trusted (a new home region or normaliser)."""
        with self._transaction("write the caller-ID cache") as db:
            update = CacheUpdate(db, start_over=start_over)
            try:
                yield update
            finally:
                update.close()  # before the transaction ends, either way

    def replace_all(self, rows: Sequence[Row], meta: dict[str, str]) -> ReplaceResult:
        """Swap in a new caller-ID set (rows from :func:`make_row`) and its meta, atomically."""
        with self.update() as update:
            new = new_rows(update, rows)
            if update.worth_rebuilding():
                update.rebuild()
                new = list(rows)
            update.add(new)
            return update.finish(meta)


def _after(prefix: str) -> str:
    """The first text after every text that starts with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _unique(entries: list[CacheEntry]) -> list[CacheEntry]:
    """One entry per number, person and company, in order."""
    unique = {(e.e164, e.caller.person_id, e.caller.contact_id): e for e in entries}
    return list(unique.values())
