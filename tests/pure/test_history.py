"""The call history: real SQLite files in a temp profile, written from several threads."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from screenpop.config.profile import Profile
from screenpop.core.call_life import Call, CallTracker
from screenpop.core.calls import CallEvent, CallState, Direction
from screenpop.core.matching import Candidate, MatchedBy
from screenpop.store.history import SCHEMA_VERSION, CallHistory, HistoryEntry, HistoryError

KARI = Candidate(7, 70, "Kari Nordmann", "Ms", "Nordmann AS", "+4722334455", MatchedBy.EXACT)
SWITCHBOARD = Candidate(0, 70, "", "", "Nordmann AS", "+4722334455", MatchedBy.EXACT)
# Recent enough that the default retention (90 days of wall-clock time) keeps it.
T0 = time.time() - 3600


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


def _call(call_id: str, started_at: float, state: CallState = CallState.ENDED) -> Call:
    return Call(
        key=call_id,
        call_id=call_id,
        number="+47 22 33 44 55",
        display_name="",
        direction=Direction.INCOMING,
        source="test",
        state=state,
        started_at=started_at,
        ended_at=started_at + 5 if state is CallState.ENDED else None,
    )


@pytest.fixture
def history(profile: Profile) -> CallHistory:
    return CallHistory(profile.history_file)


def test_a_call_is_one_row_from_ring_to_hang_up(history: CallHistory) -> None:
    clock = Clock()
    tracker = CallTracker(clock=clock)
    rung = tracker.handle(CallEvent("sip:+4722334455@pbx", call_id="c1", display_name="Kari"))
    assert rung.call is not None
    row = history.record(rung.call, e164="+4722334455", candidates=[KARI, SWITCHBOARD])
    assert [e.state for e in history.recent()] == [CallState.RINGING]
    clock.now += 3
    tracker.handle(CallEvent("sip:+4722334455@pbx", CallState.ANSWERED, "c1"))
    clock.now += 42
    ended = tracker.handle(CallEvent("sip:+4722334455@pbx", CallState.ENDED, "c1")).call
    assert ended is not None
    assert history.record(ended, e164="+4722334455", candidates=[KARI, SWITCHBOARD]) == row

    (entry,) = history.recent()
    assert entry == HistoryEntry(
        id=row,
        call_id="c1",
        started_at=rung.call.started,
        number="sip:+4722334455@pbx",
        e164="+4722334455",
        display_name="Kari",
        direction=Direction.INCOMING,
        state=CallState.ENDED,
        answered=True,
        duration_s=42.0,
        person_id=7,
        person_name="Kari Nordmann",
        contact_id=70,
        contact_name="Nordmann AS",
        matched_by="exact",
        candidates=2,
        source="cli",
    )
    assert not entry.missed
    assert entry.started_at.tzinfo is not None


def test_a_missed_call_from_an_unknown_number(history: CallHistory) -> None:
    tracker = CallTracker()
    tracker.handle(CallEvent("+4721000000", call_id="m"))
    missed = tracker.handle(CallEvent("+4721000000", CallState.ENDED, "m")).call
    assert missed is not None
    history.record(missed)
    (entry,) = history.recent()
    assert entry.missed and not entry.answered and entry.duration_s == 0
    assert (entry.e164, entry.contact_id, entry.person_name, entry.candidates) == ("", 0, "", 0)


def test_recent_is_newest_first_and_limited(history: CallHistory) -> None:
    for i in range(30):
        history.record(_call(f"c{i}", T0 + i))
    recent = history.recent()
    assert len(recent) == 20
    assert [e.call_id for e in recent[:3]] == ["c29", "c28", "c27"]
    assert [e.call_id for e in history.recent(limit=2)] == ["c29", "c28"]


def test_the_same_call_id_on_another_day_is_another_row(history: CallHistory) -> None:
    history.record(_call("same", T0))
    history.record(_call("same", T0 + 86400))
    assert history.count() == 2


def test_retention_by_count(profile: Profile) -> None:
    with CallHistory(profile.history_file, keep_rows=5, clock=Clock()) as history:
        for i in range(12):
            history.record(_call(f"c{i}", T0 - 100 + i))
        assert history.count() == 5
        assert [e.call_id for e in history.recent()] == ["c11", "c10", "c9", "c8", "c7"]


def test_retention_by_age(profile: Profile) -> None:
    clock = Clock()
    with CallHistory(profile.history_file, keep_days=90, clock=clock) as history:
        day = 86400.0
        history.record(_call("old", clock.now - 91 * day))
        history.record(_call("recent", clock.now - 89 * day))
        assert [e.call_id for e in history.recent()] == ["recent"]
        clock.now += 2 * day  # the next write prunes what has grown old meanwhile
        history.record(_call("new", clock.now))
        assert [e.call_id for e in history.recent()] == ["new"]


def test_history_survives_reopening(profile: Profile) -> None:
    with CallHistory(profile.history_file) as history:
        history.record(_call("kept", time.time()))
    with CallHistory(profile.history_file) as again:
        assert [e.call_id for e in again.recent()] == ["kept"]
    db = sqlite3.connect(profile.history_file)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_writes_from_many_threads_while_the_ui_thread_reads(history: CallHistory) -> None:
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            for i in range(50):
                history.record(_call(f"w{worker}-{i}", T0 + i))
        except BaseException as err:  # pragma: no cover - the assertion below reports it
            errors.append(err)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    reads = 0
    while any(t.is_alive() for t in threads):
        assert len(history.recent(5)) <= 5
        reads += 1
    for thread in threads:
        thread.join()
    assert errors == []
    assert history.count() == 400
    assert reads > 0


async def test_records_off_the_event_loop_with_to_thread(history: CallHistory) -> None:
    calls = [_call(f"t{i}", T0 + i) for i in range(20)]
    ids = await asyncio.gather(*(asyncio.to_thread(history.record, c) for c in calls))
    assert len(set(ids)) == 20
    assert (await asyncio.to_thread(history.recent, 1))[0].call_id == "t19"


@pytest.mark.log_warnings
def test_a_corrupt_file_is_moved_aside_and_started_anew(
    profile: Profile, caplog: pytest.LogCaptureFixture
) -> None:
    profile.history_file.write_bytes(b"this is no database, " * 500)
    with CallHistory(profile.history_file) as history:
        assert history.recent() == []
        history.record(_call("after", time.time()))
        assert history.count() == 1
    aside = list(profile.root.glob("history.sqlite3.unusable-*"))
    assert len(aside) == 1
    assert aside[0].read_bytes().startswith(b"this is no database")
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1 and "moved it to history.sqlite3.unusable-" in warnings[0]


@pytest.mark.log_warnings
def test_a_file_damaged_while_open_is_started_anew_on_the_next_use(
    history: CallHistory, profile: Profile, caplog: pytest.LogCaptureFixture
) -> None:
    for i in range(2000):
        history.record(_call(f"c{i}", T0 + i))
    # Another connection moves the WAL into the file, then a disk fault damages its pages.
    other = sqlite3.connect(profile.history_file)
    other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    other.close()
    size = profile.history_file.stat().st_size
    with profile.history_file.open("r+b") as file:
        file.seek(4096)
        file.write(b"\xff" * (size - 4096))
    assert history.recent() == []  # a fresh history, not an exception
    history.record(_call("next", T0))
    assert [e.call_id for e in history.recent()] == ["next"]
    assert len(list(profile.root.glob("history.sqlite3.unusable-*"))) == 1
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1 and "malformed" in warnings[0]


def test_a_file_from_a_newer_app_is_refused_not_destroyed(profile: Profile) -> None:
    db = sqlite3.connect(profile.history_file)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(HistoryError, match="newer Screenpop"):
        CallHistory(profile.history_file)
    assert profile.history_file.exists()
    assert not list(profile.root.glob("history.sqlite3.unusable-*"))


def test_an_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with pytest.raises(HistoryError, match="Cannot open the call history"):
        CallHistory(blocker / "history.sqlite3")


def test_a_record_is_fast(history: CallHistory) -> None:
    """Written off the UI thread, but one at a time: keep each well under a frame."""
    for i in range(200):
        history.record(_call(f"warm{i}", T0 + i))
    started = time.perf_counter()
    for i in range(200):
        history.record(_call(f"c{i}", T0 + 1000 + i))
    per_record = (time.perf_counter() - started) / 200
    assert per_record < 0.01, f"{per_record * 1000:.2f} ms per record"
