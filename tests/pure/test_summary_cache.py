"""The short-lived memory of summaries, and the Recent calls item (no Qt)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from screenpop.core.models import Contact, ContactSummary
from screenpop.core.recent import RecentCall
from screenpop.core.summary_cache import SummaryCache


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def summary(name: str) -> ContactSummary:
    return ContactSummary(Contact(1, name))


def test_a_summary_is_kept_for_its_time_then_forgotten():
    clock = Clock()
    cache = SummaryCache(
        ttl_s=300, monotonic=clock, wall_clock=lambda: datetime(2025, 1, 1, tzinfo=UTC)
    )
    entry = cache.put(7, summary("Acme"), 25)
    assert entry.fetched_at == datetime(2025, 1, 1, tzinfo=UTC)
    assert entry.limit == 25

    clock.now += 299
    assert cache.get(7) == entry
    clock.now += 2
    assert cache.get(7) is None
    assert len(cache) == 0


def test_fresh_is_stricter_than_kept():
    clock = Clock()
    cache = SummaryCache(ttl_s=300, monotonic=clock)
    cache.put(7, summary("Acme"), 25)
    clock.now += 30
    assert cache.fresh(7, 20) is None
    assert cache.fresh(7, 60) is not None
    assert cache.get(7) is not None
    assert cache.fresh(8, 60) is None


def test_the_least_recently_used_go_first():
    cache = SummaryCache(max_entries=2, monotonic=Clock())
    cache.put(1, summary("one"), 10)
    cache.put(2, summary("two"), 10)
    assert cache.get(1) is not None  # 1 is now the most recently used
    cache.put(3, summary("three"), 10)
    assert cache.get(2) is None
    assert cache.get(1) is not None and cache.get(3) is not None
    cache.forget(1)
    assert cache.get(1) is None
    cache.clear()
    assert len(cache) == 0


def test_a_newer_summary_replaces_the_old():
    cache = SummaryCache(monotonic=Clock())
    cache.put(1, summary("old"), 10)
    cache.put(1, summary("new"), 20)
    entry = cache.get(1)
    assert entry is not None and entry.summary == summary("new") and entry.limit == 20


def test_recent_calls_need_an_aware_time():
    aware = RecentCall(datetime.now(UTC), "+47 22 33 44 55", "Ola", 3, True)
    assert aware.is_known
    assert not RecentCall(datetime.now(UTC), "+47 21 00 00 00", "", None, False).is_known
    with pytest.raises(ValueError, match="timezone-aware"):
        RecentCall(datetime.now(), "1", "", None, False)
