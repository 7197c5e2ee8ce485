"""Writing the caller-ID cache: the schema, and one update from the current set to the next.

A sync costs in proportion to what changed. Every entry has a key (a 64-bit digest of the
entry as the tenant sent it); an update is told the keys of the new answer, keeps the rows
whose key it already has, and writes only the rest: new entries are inserted, entries no
longer sent are deleted, with the name index following. The keys and their rows' ids are
kept packed in one row (``entry_keys``), so a sync reads them in milliseconds, not by
scanning the whole table. When most of the set is new (the first sync, a new home region)
it is cheaper to empty the tables and load them whole: then a thread of its own writes the
rows, thousands to a statement, and SQLite indexes most of them as they go in, without
Python's lock, while the sync makes the next ones (:mod:`screenpop.store.row_writer`).
Either way it is one transaction: readers keep the old set until it commits, and a killed
process leaves the old set as it was.

Names are stored once each (``name``), and the Find dialog's index (``name_word``) holds
the word starts of each distinct name: a few rows per name, not per entry, and B-tree range
scans answer a typed prefix.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, repeat

import xxhash

from screenpop.store.row_writer import RowWriter, Table
from screenpop.store.words import cached_words

SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE name (id INTEGER PRIMARY KEY, text TEXT NOT NULL, words TEXT NOT NULL)",
    "CREATE TABLE name_word (word TEXT NOT NULL, name INTEGER NOT NULL)",
    # One row: the keys of the set as unsigned 64-bit integers, and their rows' ids, aligned.
    "CREATE TABLE entry_keys (id INTEGER PRIMARY KEY CHECK (id = 1), keys BLOB, ids BLOB)",
    """CREATE TABLE caller_id (
    id INTEGER PRIMARY KEY,
    e164 TEXT NOT NULL,
    rev TEXT NOT NULL,
    cc_len INTEGER NOT NULL,
    phone_number INTEGER NOT NULL,
    dial_in_prefix INTEGER NOT NULL,
    person_id INTEGER NOT NULL,
    person_name INTEGER NOT NULL,
    mrmrs TEXT NOT NULL,
    contact_id INTEGER NOT NULL,
    contact_name INTEGER NOT NULL
)""",
)
INDEXES = {
    "caller_e164": "caller_id (e164)",
    "caller_rev": "caller_id (rev)",
    "caller_person_name": "caller_id (person_name)",
    "caller_contact_name": "caller_id (contact_name)",
    "name_text": "name (text)",
    "name_word_word": "name_word (word, name)",
}
TABLES = ("caller_id", "name", "name_word", "entry_keys")
BUILT_AFTER_A_REBUILD = ("caller_rev",)
"""The index a rebuild builds once at the end; the row writer's thread keeps the others up
to date as it inserts. Kept up as rows go in, an index costs more in all, but off Python's
lock and beside the sync's own work rather than after it: worth it for those whose keys
come nearly in order (numbers, sorted) or repeat (names), not for reversed numbers."""

# key, e164, reversed digits, country-code length, then the raw values as sent.
Row = tuple[int, str, str, int, int, int, int, str, str, int, str]
# As stored, flat (see add_stored): the values of each row one after the other, without a
# key, names as their ids.
STORED_WIDTH = 10
_CALLER_ID = Table(
    "INSERT INTO caller_id (e164, rev, cc_len, phone_number, dial_in_prefix, person_id, "
    "person_name, mrmrs, contact_id, contact_name)",
    STORED_WIDTH,
)
_NAME = Table("INSERT INTO name (id, text, words)", 3)
_NAME_WORD = Table("INSERT INTO name_word (word, name)", 2)
# Of a removed entry's names, those no entry uses any more.
_ORPHANS = """
SELECT n.id, n.words FROM name n WHERE n.id IN (
    SELECT person_name FROM gone_names UNION SELECT contact_name FROM gone_names)
AND NOT EXISTS (SELECT 1 FROM caller_id WHERE person_name = n.id)
AND NOT EXISTS (SELECT 1 FROM caller_id WHERE contact_name = n.id)"""
_CHUNK = 50_000
REBUILD_FROM = 0.25
"""A rebuild instead of an update when more than this share of the new set is new."""


entry_key = xxhash.xxh3_64_intdigest
"""The key of an entry as sent: equal bytes, equal entry (as long as the home region and
this version's normaliser are the ones the set was built with)."""


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
    key: int | None = None,
) -> Row:
    """An entry as the cache stores it: its key, normal form and lookup keys, the raw values.
    Without a ``key`` (entries not from a tenant's answer) the key is made from the values."""
    if key is None:
        values = (phone_number, dial_in_prefix, person_id, person_name, mrmrs, contact_id)
        key = entry_key("\x1f".join(map(str, (*values, contact_name))).encode())
    return (
        key,
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


class CacheUpdate:
    """One write transaction from the current caller-ID set to the next (see the module).

    Tell it every key of the new set, in order, with :meth:`keep`; give it the rows of the
    entries it did not keep with :meth:`add`; then :meth:`finish`.
    """

    def __init__(self, db: sqlite3.Connection, *, start_over: bool) -> None:
        self._db = db
        self._old: dict[int, int] = {} if start_over else self._stored_keys()
        self._stored = db.execute("SELECT count(*) FROM caller_id").fetchone()[0]
        if len(self._old) != self._stored:
            self._old = {}  # keys of another layout: trust none of them
        self._keys = array("Q")
        self._ids = array("q")
        self._sent = 0
        self._kept = 0
        self._rebuilding = False
        self._next_id = 1 + int(
            db.execute("SELECT coalesce(max(id), 0) FROM caller_id").fetchone()[0]
        )
        self._names: dict[str, int] = {}
        self._next_name = 1 + int(db.execute("SELECT coalesce(max(id), 0) FROM name").fetchone()[0])
        self._new_names: list[object] = []
        self._new_words: list[object] = []
        self._writer: RowWriter | None = None
        if start_over or not self._old:
            self.rebuild()

    def _stored_keys(self) -> dict[int, int]:
        row = self._db.execute("SELECT keys, ids FROM entry_keys WHERE id = 1").fetchone()
        if row is None or row[0] is None or len(row[0]) != len(row[1]):
            return {}
        keys, ids = array("Q", row[0]), array("q", row[1])
        old: dict[int, int] = {}
        # A slice at a time: one call over a million holds Python's lock for frames.
        for start in range(0, len(keys), _CHUNK):
            old.update(zip(keys[start : start + _CHUNK], ids[start : start + _CHUNK], strict=True))
        return old

    @property
    def rebuilding(self) -> bool:
        return self._rebuilding

    @property
    def count(self) -> int:
        """Entries in the set once this update is finished (so far)."""
        return len(self._keys)

    def keep(self, keys: Sequence[int]) -> list[int]:
        """Of the next keys of the new set, the positions of those that need writing (all of
        them while rebuilding). Every key of the new set goes through here once, in order.

        An entry sent twice is written once when both are in one batch, which is where a
        sorted answer has them; no set of all keys is kept, as growing one to a million
        holds Python's lock for longer than a frame."""
        self._sent += len(keys)
        found = list(map(self._old.pop, keys, repeat(None)))
        if self._rebuilding:
            fresh = list(range(len(keys)))
        else:
            kept = list(compress(keys, found))
            self._keys.extend(kept)
            self._ids.extend(filter(None, found))
            self._kept += len(kept)
            if len(kept) == len(keys):
                return []
            fresh = [i for i, id_ in enumerate(found) if id_ is None]
        return _firsts(keys, fresh)

    def worth_rebuilding(self) -> bool:
        new = self._sent - self._kept
        return not self._rebuilding and new > REBUILD_FROM * max(1, self._sent)

    def rebuild(self) -> None:
        """Empty the tables: every entry of the new set is then given to :meth:`add`."""
        self.close()
        for index in BUILT_AFTER_A_REBUILD:
            self._db.execute(f"DROP INDEX IF EXISTS {index}")
        for table in TABLES:
            self._db.execute(f"DELETE FROM {table}")
        self._rebuilding = True
        del self._keys[:]
        del self._ids[:]
        self._next_id = 1
        self._names.clear()
        self._next_name = 1

    def add(self, rows: Iterable[Row]) -> None:
        """Write rows of entries :meth:`keep` did not keep; a repeat of an entry is dropped."""
        by_key = {row[0]: row for row in rows}
        name_id = self.name_id
        values: list[object] = []
        for _, e164, rev, cc, phone, prefix, pid, person, mrmrs, cid, company in by_key.values():
            values += (e164, rev, cc, phone, prefix, pid, name_id(person), mrmrs, cid)
            values.append(name_id(company))
        self.add_stored(list(by_key), values)

    def add_stored(self, keys: Sequence[int], values: list[object]) -> None:
        """:meth:`add` for rows as stored, flat: :data:`STORED_WIDTH` values a row (names as
        :meth:`name_id` gives them), with their keys, each key once. The form a sync builds
        them in, without a tuple per entry; the list is the update's from then on."""
        first = self._next_id
        self._next_id += len(keys)
        self._keys.extend(keys)
        self._ids.extend(range(first, self._next_id))
        if self._writer is None:
            # A rebuild leaves the connection to the writer's thread: nothing else uses it
            # until finish (an update looks names up in it, and writes only a few rows).
            self._writer = RowWriter(self._db, threaded=self._rebuilding)
        # No id given: SQLite's next rowid is one past the largest, as counted here.
        self._writer.add(_CALLER_ID, values)
        self._writer.add(_NAME, self._new_names)
        self._writer.add(_NAME_WORD, self._new_words)
        self._new_names = []
        self._new_words = []

    @property
    def known_names(self) -> dict[str, int]:
        """Names given an id so far by :meth:`name_id` (read only)."""
        return self._names

    def name_id(self, text: str) -> int:
        """The id of a name, stored along with the next rows if it is new."""
        found = self._names.get(text)
        if found is not None:
            return found
        if not self._rebuilding:
            row = self._db.execute("SELECT id FROM name WHERE text = ?", (text,)).fetchone()
            if row is not None:
                found = int(row[0])
                self._names[text] = found
                return found
        new = self._next_name
        self._next_name += 1
        self._names[text] = new
        words = cached_words(text)
        self._new_names += (new, text, " ".join(words))
        for word in words:
            self._new_words += (word, new)
        return new

    def close(self) -> None:
        """Stop writing rows not yet written (a failed update; safe to call twice)."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def finish(self, meta: dict[str, str]) -> ReplaceResult:
        """Write the rows still pending, delete what the new set no longer has, and write
        ``meta``."""
        if self._writer is not None:
            self._writer.flush()
            self.close()
        if self._rebuilding:
            for index in BUILT_AFTER_A_REBUILD:
                self._db.execute(f"CREATE INDEX {index} ON {INDEXES[index]}")
        elif self._old:
            self._remove(self._old.values())
        self._db.execute(
            "INSERT OR REPLACE INTO entry_keys VALUES (1, ?, ?)",
            (self._keys.tobytes(), self._ids.tobytes()),
        )
        for key, value in meta.items():
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
        total = self.count
        kept = self._kept
        return ReplaceResult(
            added=total - kept,
            removed=self._stored - kept,
            unchanged=kept,
            total=total,
        )

    def _remove(self, ids: Iterable[int]) -> None:
        db = self._db
        db.execute("CREATE TEMP TABLE IF NOT EXISTS gone (id INTEGER PRIMARY KEY)")
        db.execute("CREATE TEMP TABLE IF NOT EXISTS gone_names (person_name, contact_name)")
        db.execute("DELETE FROM gone")
        db.execute("DELETE FROM gone_names")
        db.executemany("INSERT INTO gone VALUES (?)", ((i,) for i in ids))
        db.execute(
            "INSERT INTO gone_names SELECT person_name, contact_name FROM caller_id "
            "WHERE id IN gone"
        )
        db.execute("DELETE FROM caller_id WHERE id IN gone")
        orphans = db.execute(_ORPHANS).fetchall()
        db.executemany("DELETE FROM name WHERE id = ?", [(i,) for i, _ in orphans])
        db.executemany(
            "DELETE FROM name_word WHERE word = ? AND name = ?",
            [(word, i) for i, words in orphans for word in words.split()],
        )


def _firsts(keys: Sequence[int], positions: list[int]) -> list[int]:
    """Of ``positions``, those where a key comes for the first time in ``keys``."""
    if len(set(keys)) == len(keys):
        return positions
    first: dict[int, int] = {}
    for index, key in enumerate(keys):
        first.setdefault(key, index)
    return [i for i in positions if first[keys[i]] == i]


def unique_positions(keys: Sequence[int]) -> list[int]:
    """Every position of ``keys`` but the repeats: what a rebuild writes of a batch."""
    return _firsts(keys, list(range(len(keys))))


def new_rows(update: CacheUpdate, rows: Sequence[Row]) -> list[Row]:
    """Of complete rows, those the update does not keep (see :meth:`CacheUpdate.keep`)."""
    return [rows[i] for i in update.keep([row[0] for row in rows])]
