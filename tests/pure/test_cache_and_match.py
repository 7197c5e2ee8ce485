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


def _ids(cache: CallerIdCache) -> dict[str, int]:
    return dict(cache._db.execute("SELECT e164, id FROM caller_id"))


def _fields(row: Row) -> dict[str, object]:
    _, e164, _, cc_len, phone, prefix, person_id, person, mrmrs, contact_id, company = row
    return {
        "e164": e164,
        "country_code": int(e164[1 : 1 + cc_len]),
        "phone_number": phone,
        "dial_in_prefix": prefix,
        "person_id": person_id,
        "person_name": person,
        "mrmrs": mrmrs,
        "contact_id": contact_id,
        "contact_name": company,
    }


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
        # Kari is sent twice: one entry, stored once.
        assert (second.added, second.removed, second.unchanged, second.total) == (1, 1, 2, 3)
        assert cache.meta("caller_id_hash") == "b"
        assert cache.count() == 3


def test_a_reader_sees_the_old_set_or_the_new_never_half(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with CallerIdCache(path) as writer, CallerIdCache(path) as reader:
        writer.replace_all(ROWS[:1], {})
        reader._db.execute("BEGIN")  # a reader mid-lookup holds its snapshot
        assert len(reader.find_e164(SWITCHBOARD)) == 1
        writer.replace_all(ROWS, {})
        assert len(reader.find_e164(SWITCHBOARD)) == 1  # still the old set, whole
        reader._db.execute("COMMIT")
        assert len(reader.find_e164(SWITCHBOARD)) == 3  # then the new one, whole


def test_a_failed_swap_leaves_the_old_set(tmp_path: Path) -> None:
    with CallerIdCache(tmp_path / "c.db") as cache:
        cache.replace_all(ROWS, {"caller_id_hash": "a"})
        before = cache.count()
        broken = [*ROWS[:2], ("not a row",)]  # type: ignore[list-item]
        with pytest.raises(Exception):  # noqa: B017 - any failure must roll back
            cache.replace_all(broken, {"caller_id_hash": "b"})
        assert cache.count() == before == len(ROWS) - 1  # Kari twice is one entry
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
        cache.replace_all([*ROWS[:4], *ROWS[5:]], {})  # Åse is gone, in the same transaction
        assert cache.search("tromso") == []
        assert [e.caller.person_name for e in cache.search("svensson")] == ["Sven Svensson"]
        # Her names went with her; the company's words stay while others use them.
        names = {text for (text,) in cache._db.execute("SELECT text FROM name")}
        assert "Åse Tromsø" not in names and "Fjord Fisk AS" not in names
        assert not cache._db.execute(
            "SELECT 1 FROM name_word WHERE word IN ('tromso', 'fjord')"
        ).fetchall()


def test_a_small_change_updates_in_place_and_a_large_one_rebuilds(tmp_path: Path) -> None:
    many = [
        _row(f"+479{n:07d}", n, f"Person {n}", 100 + n % 7, f"Firma {'ABCDEFG'[n % 7]} AS")
        for n in range(1, 201)
    ]
    with CallerIdCache(tmp_path / "c.db") as cache:
        cache.replace_all(many, {})
        first_ids = _ids(cache)
        renamed = make_row(**{**_fields(many[0]), "person_name": "Per Omdøpt"})  # type: ignore[arg-type]
        small = cache.replace_all([renamed, *many[1:199], ROWS[4]], {})
        assert (small.added, small.removed, small.unchanged) == (2, 2, 198)
        ids = _ids(cache)
        # Unchanged entries keep their rows: nothing was rewritten but the change.
        assert all(ids[row[1]] == first_ids[row[1]] for row in many[1:199])
        assert [e.caller.person_name for e in cache.search("omdopt")] == ["Per Omdøpt"]
        assert cache.search("person 1") and not cache.search("person 200")
        assert {e.caller.contact_id for e in cache.search("firma d")} == {103}
        large = cache.replace_all(ROWS, {})
        assert (large.added, large.removed, large.total) == (5, 199, 6)  # Åse stays
        assert (
            cache._db.execute("SELECT count(*) FROM name_word WHERE word = 'firma'").fetchone()[0]
            == 0
        )
