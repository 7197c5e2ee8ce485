"""The SQLite cache: lookups the matcher uses, the atomic swap, migrations, the search index."""

import sqlite3
from pathlib import Path

import pytest

from screenpop.core.matching import MatchedBy, match
from screenpop.core.normalise import normalise_caller_id
from screenpop.core.phone import parse_incoming
from screenpop.store.cache import SCHEMA_VERSION, CallerIdCache, Row, make_row

SWITCHBOARD = "+4722334455"


def _row(
    e164: str, person_id: int, name: str, contact_id: int = 10, company: str = "Nordmann AS"
) -> Row:
    normalised = normalise_caller_id(int(e164[1:]), 0, "NO")
    assert normalised is not None and normalised.e164 == e164
    return make_row(
        normalised.e164,
        normalised.country_code,
        int(e164[1:]),
        0,
        person_id,
        name,
        "",
        contact_id,
        company,
    )


ROWS = [
    _row(SWITCHBOARD, 0, ""),
    _row(SWITCHBOARD, 2, "Ola Nordmann"),
    _row(SWITCHBOARD, 1, "Kari Nordmann"),
    _row(SWITCHBOARD, 1, "Kari Nordmann"),  # the same person twice: shown once
    _row("+4791234567", 3, "Åse Tromsø", 11, "Fjord Fisk AS"),
    _row("+46701234567", 4, "Sven Svensson", 12, "Svensson AB"),
    _row("+390612345678", 5, "Giulia Rossi", 13, "Roma Srl"),
]


@pytest.fixture
def cache(tmp_path: Path) -> CallerIdCache:
    cache = CallerIdCache(tmp_path / "c.db")
    cache.replace_all(ROWS, {"home_region": "NO"})
    cache.update_search_index()
    return cache


def test_exact_match_ranks_persons_first_and_deduplicates(cache: CallerIdCache) -> None:
    found = match(cache, parse_incoming("22 33 44 55", "NO"))
    assert [c.person_id for c in found] == [1, 2, 0]
    assert all(c.matched_by is MatchedBy.EXACT for c in found)


def test_no_match_and_withheld_are_empty(cache: CallerIdCache) -> None:
    assert match(cache, parse_incoming("+4799999999", "NO")) == []
    assert match(cache, parse_incoming("anonymous", "NO")) == []


def test_national_lookup_uses_the_national_significant_number(cache: CallerIdCache) -> None:
    assert [e.caller.person_id for e in cache.find_national("701234567")] == [4]
    assert [e.caller.person_id for e in cache.find_national("0612345678")] == [5]
    # The last digits alone are no national number.
    assert cache.find_national("01234567") == []


def test_trailing_digit_lookups_both_ways(cache: CallerIdCache) -> None:
    assert {e.caller.person_id for e in cache.find_ending_with("1234567", 10)} == {3, 4}
    assert len(cache.find_ending_with("1234567", 1)) == 1
    # An incoming number with extra leading digits (an unknown PBX prefix) ends with ours.
    found = cache.find_suffixes_of("9004791234567", 7)
    assert [e.caller.person_id for e in found] == [3]
    assert cache.find_suffixes_of("123", 7) == []


def test_replace_counts_changes_and_keeps_meta(tmp_path: Path) -> None:
    with CallerIdCache(tmp_path / "c.db") as cache:
        first = cache.replace_all(ROWS[:3], {"caller_id_hash": "a"})
        second = cache.replace_all(ROWS[1:5], {"caller_id_hash": "b"})
        assert (first.added, first.removed) == (3, 0)
        assert (second.added, second.removed, second.total) == (1, 1, 4)
        assert cache.meta("caller_id_hash") == "b"
        assert cache.count() == 4


def test_a_reader_sees_the_old_set_or_the_new_never_half(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with CallerIdCache(path) as writer, CallerIdCache(path) as reader:
        writer.replace_all(ROWS[:1], {})
        reader._db.execute("BEGIN")  # a reader mid-lookup holds its snapshot
        assert len(reader.find_e164(SWITCHBOARD)) == 1
        writer.replace_all(ROWS, {})
        assert len(reader.find_e164(SWITCHBOARD)) == 1  # still the old set, whole
        reader._db.execute("COMMIT")
        assert len(reader.find_e164(SWITCHBOARD)) == 4  # then the new one, whole


def test_a_failed_swap_leaves_the_old_set(tmp_path: Path) -> None:
    with CallerIdCache(tmp_path / "c.db") as cache:
        cache.replace_all(ROWS, {"caller_id_hash": "a"})
        broken = [*ROWS[:2], ("not a fingerprint",)]  # type: ignore[list-item]
        with pytest.raises(Exception):  # noqa: B017 - any failure must roll back
            cache.replace_all(broken, {"caller_id_hash": "b"})
        assert cache.count() == len(ROWS)
        assert cache.meta("caller_id_hash") == "a"


def test_an_older_schema_is_migrated_and_refetched(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO meta VALUES ('caller_id_hash', 'old');"
        "CREATE TABLE caller_id (id INTEGER PRIMARY KEY, e164 TEXT);"
        "PRAGMA user_version = 1;"
    )
    old.close()
    with CallerIdCache(path) as cache:
        assert cache.meta("caller_id_hash") is None  # the next sync fetches everything
        assert cache.count() == 0
        assert cache._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_search_by_name_folds_case_and_diacritics(cache: CallerIdCache) -> None:
    assert [e.caller.person_name for e in cache.search("tromso")] == ["Åse Tromsø"]
    assert [e.caller.person_name for e in cache.search("ASE")] == ["Åse Tromsø"]
    assert [e.caller.person_name for e in cache.search("kari nord")] == ["Kari Nordmann"]
    # The company's own entry too, after its people.
    assert [e.caller.person_id for e in cache.search("nordmann as")] == [1, 2, 0]
    assert cache.search('"; DROP TABLE caller_id; --') == []


def test_search_by_partial_number(cache: CallerIdCache) -> None:
    assert [e.caller.person_id for e in cache.search("+47 912")] == [3]
    assert {e.caller.person_id for e in cache.search("4567")} == {3, 4}  # ends with
    assert {e.caller.person_id for e in cache.search("2233")} == {0, 1, 2}  # national, home
    assert [e.caller.person_id for e in cache.search("912 34")] == [3]


def test_the_search_index_never_shows_a_removed_entry(tmp_path: Path) -> None:
    with CallerIdCache(tmp_path / "c.db") as cache:
        cache.replace_all(ROWS, {})
        cache.update_search_index()
        cache.replace_all(ROWS[:4], {})  # Åse is gone; the index has not caught up yet
        assert cache.search("tromso") == []
        assert cache.update_search_index() == 0
        assert cache.search("svensson") == []
