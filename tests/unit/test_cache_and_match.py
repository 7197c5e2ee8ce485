import sqlite3
from pathlib import Path

from screenpop.core.matching import CacheEntry, MatchedBy, match
from screenpop.core.models import CallerId
from screenpop.core.phone import parse_incoming
from screenpop.store.cache import CallerIdCache

SWITCHBOARD = "+4722334455"


def _entry(e164: str, person_id: int, name: str, contact_id: int = 10) -> CacheEntry:
    caller = CallerId(int(e164[1:]), 0, person_id, name, "", contact_id, "Nordmann AS")
    return CacheEntry(caller, e164)


ENTRIES = [
    _entry(SWITCHBOARD, 0, ""),
    _entry(SWITCHBOARD, 2, "Ola Nordmann"),
    _entry(SWITCHBOARD, 1, "Kari Nordmann"),
    _entry(SWITCHBOARD, 1, "Kari Nordmann"),  # the same person twice: shown once
    _entry("+4791234567", 3, "Åse Tromsø"),
]


def test_exact_match_ranks_persons_first_and_deduplicates(tmp_path: Path) -> None:
    with CallerIdCache(tmp_path / "c.db") as cache:
        cache.replace_all(ENTRIES, {})
        found = match(cache, parse_incoming("22 33 44 55", "NO"))
    assert [c.person_id for c in found] == [1, 2, 0]
    assert all(c.matched_by is MatchedBy.EXACT for c in found)
    assert found[0].to_json()["PersonName"] == "Kari Nordmann"


def test_no_match_and_withheld_are_empty(tmp_path: Path) -> None:
    with CallerIdCache(tmp_path / "c.db") as cache:
        cache.replace_all(ENTRIES, {})
        assert match(cache, parse_incoming("+4799999999", "NO")) == []
        assert match(cache, parse_incoming("anonymous", "NO")) == []


def test_replace_counts_changes_and_keeps_meta(tmp_path: Path) -> None:
    with CallerIdCache(tmp_path / "c.db") as cache:
        first = cache.replace_all(ENTRIES[:3], {"caller_id_hash": "a"})
        second = cache.replace_all(ENTRIES[1:], {"caller_id_hash": "b"})
        assert (first.added, first.removed) == (3, 0)
        assert (second.added, second.removed, second.total) == (1, 1, 4)
        assert cache.meta("caller_id_hash") == "b"
        assert cache.count() == 4


def test_a_reader_sees_the_old_set_until_the_swap_commits(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with CallerIdCache(path) as writer, CallerIdCache(path) as reader:
        writer.replace_all(ENTRIES[:1], {})
        raw = sqlite3.connect(path, isolation_level=None)
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("DELETE FROM caller_id")
        assert reader.count() == 1  # the half-done swap is invisible
        raw.execute("ROLLBACK")
        raw.close()
        assert len(reader.find_e164(SWITCHBOARD)) == 1


def test_search_folds_case_and_diacritics(tmp_path: Path) -> None:
    with CallerIdCache(tmp_path / "c.db") as cache:
        cache.replace_all(ENTRIES, {})
        assert [e.caller.person_name for e in cache.search("tromso")] == ["Åse Tromsø"]
        assert [e.caller.person_name for e in cache.search("ASE")] == ["Åse Tromsø"]
        assert len(cache.search("912 34")) == 1
        assert cache.search("100%") == []
