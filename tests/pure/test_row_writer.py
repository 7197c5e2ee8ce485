"""Rows written many to a statement, in a thread of their own: whole, in order, or not at all."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from screenpop.store.cache import CacheError, CallerIdCache, make_row
from screenpop.store.row_writer import RowWriter, Table

THING = Table("INSERT INTO thing (name, size, note)", 3)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(tmp_path / "t.db", isolation_level=None, check_same_thread=False)
    db.execute("CREATE TABLE thing (id INTEGER PRIMARY KEY, name TEXT NOT NULL, size, note)")
    # Seven parameters a statement: two rows each, so a few rows take many statements.
    db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 7)
    db.execute("BEGIN")
    yield db
    db.close()


def _flat(rows: list[tuple[object, ...]]) -> list[object]:
    return [value for row in rows for value in row]


@pytest.mark.parametrize("threaded", [False, True])
def test_rows_go_in_whole_and_in_order(db: sqlite3.Connection, threaded: bool) -> None:
    rows: list[tuple[object, ...]] = [(f"n{i}", i, "é" * (i % 3) or None) for i in range(23)]
    writer = RowWriter(db, threaded=threaded)
    for start, end in ((0, 1), (1, 6), (6, 6), (6, 19), (19, 23)):
        writer.add(THING, _flat(rows[start:end]))
    writer.flush()
    writer.close()
    stored = db.execute("SELECT id, name, size, note FROM thing ORDER BY id").fetchall()
    assert stored == [(i + 1, *row) for i, row in enumerate(rows)]


def test_a_failure_in_the_thread_reaches_the_caller(db: sqlite3.Connection) -> None:
    writer = RowWriter(db, threaded=True)
    writer.add(THING, _flat([("a", 1, None), (None, 2, None), ("c", 3, None)]))
    with pytest.raises(sqlite3.IntegrityError):
        writer.flush()
    with pytest.raises(sqlite3.IntegrityError):  # and again, not a half-written table
        writer.add(THING, ["d", 4, None])
    writer.close()
    db.execute("ROLLBACK")
    assert db.execute("SELECT count(*) FROM thing").fetchone() == (0,)


def test_closing_leaves_unflushed_rows_unwritten(db: sqlite3.Connection) -> None:
    writer = RowWriter(db, threaded=True)
    writer.add(THING, ["a", 1, None])  # less than a statement: waits for more or a flush
    writer.close()
    writer.close()
    assert db.execute("SELECT count(*) FROM thing").fetchone() == (0,)


def test_a_rebuild_that_fails_in_the_writer_keeps_the_old_set(tmp_path: Path) -> None:
    rows = [
        make_row(f"+4722{n:06d}", 47, 22000000 + n, 47, n, f"P {n}", "", 1, "AS") for n in range(9)
    ]
    with CallerIdCache(tmp_path / "c.db") as cache:
        cache.replace_all(rows, {"caller_id_hash": "a"})
        # A NOT NULL column given NULL: refused by SQLite in the writer's thread, at the end.
        broken = [
            make_row(f"+4723{n:06d}", 47, 23000000 + n, 47, n, "X", None, 1, "AS")  # type: ignore[arg-type]
            for n in range(20)
        ]
        with pytest.raises(CacheError, match="NOT NULL"):
            cache.replace_all(broken, {"caller_id_hash": "b"})
        assert cache.count() == 9 and cache.meta("caller_id_hash") == "a"
        assert [e.caller.person_name for e in cache.find_e164("+4722000004")] == ["P 4"]
