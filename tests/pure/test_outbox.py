"""The outbox: one log per call, kept across restarts, in the states the agent sees."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from screenpop.config.profile import Profile
from screenpop.core.call_log import log_id
from screenpop.core.calls import Direction
from screenpop.store.outbox import (
    KEEP_DONE_S,
    KEEP_OFFERED_S,
    LogRow,
    LogState,
    Outbox,
    OutboxCounts,
    OutboxError,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def live_row(key: str = "call-1", started_at: float = 1_700_000_000.0) -> LogRow:
    return LogRow(
        log_id=log_id(key, started_at), call_key=key, call_id=key, state=LogState.LIVE,
        direction=Direction.INCOMING, number="+4722334455", person_id=12, contact_id=34,
        who="Kari Nordmann (Acme AS)", started_at=started_at, answered_at=None, ended_at=None,
        headline="", note="", task="",
    )  # fmt: skip


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def outbox(profile: Profile, clock: Clock) -> Outbox:
    box = Outbox(profile.root / "outbox.sqlite3", clock=clock)
    yield box
    box.close()


def _end(outbox: Outbox, row: LogRow, state: LogState = LogState.WAITING) -> LogRow:
    ended = outbox.end(row.log_id, state, ended_at=row.started_at + 60, headline="In", task="")
    assert ended is not None
    return ended


def test_a_call_is_kept_once_however_often_it_is_opened(outbox: Outbox) -> None:
    first = outbox.open_live(live_row())
    outbox.set_note(first.log_id, "Wants a callback")
    again = outbox.open_live(live_row())  # the same call seen again (a restart, a duplicate)
    assert again.log_id == first.log_id and again.note == "Wants a callback"
    assert outbox.live("call-1") == again
    assert outbox.counts() == OutboxCounts()  # live calls are not waiting for anything


def test_a_log_goes_from_live_to_sent(outbox: Outbox, clock: Clock) -> None:
    row = outbox.open_live(live_row())
    outbox.update_live(row.log_id, answered_at=row.started_at + 5)
    ended = _end(outbox, row)
    assert ended.state is LogState.WAITING and ended.answered_at == row.started_at + 5
    assert outbox.next_work(clock.now) == ended
    assert outbox.counts() == OutboxCounts(waiting=1)
    # Ending twice (a late duplicate of the hang-up) changes nothing.
    assert _end(outbox, row, LogState.DISCARDED).state is LogState.WAITING

    outbox.mark_attempt(row.log_id, clock.now, 45.0)
    attempted = outbox.get(row.log_id)
    assert attempted is not None and attempted.uncertain and attempted.attempts == 1
    assert outbox.next_work(clock.now) is None  # not before the attempt must be over
    assert outbox.next_due_at() == clock.now + 45.0

    outbox.mark_sent(row.log_id, 1_000_000_001, "")
    sent = outbox.get(row.log_id)
    assert sent is not None and sent.state is LogState.SENT and not sent.uncertain
    assert outbox.next_work(clock.now + 100) is None and outbox.counts() == OutboxCounts()


def test_a_note_typed_after_sending_is_work_again(outbox: Outbox, clock: Clock) -> None:
    row = outbox.open_live(live_row())
    _end(outbox, row)
    outbox.mark_sent(row.log_id, 7, "")
    noted = outbox.set_note(row.log_id, "Call back on Monday")
    assert noted is not None and noted.note_behind
    assert outbox.next_work(clock.now) == noted and outbox.counts().waiting == 1
    outbox.mark_note_sent(row.log_id, "Call back on Monday")
    assert outbox.next_work(clock.now) is None


def test_offered_and_refused_logs_wait_for_the_agent(outbox: Outbox, clock: Clock) -> None:
    offered = _end(outbox, outbox.open_live(live_row("a")), LogState.OFFERED)
    refused = _end(outbox, outbox.open_live(live_row("b")))
    outbox.mark_refused(refused.log_id, "SuperOffice answered 400: Task 9 is not in the list.")
    assert outbox.next_work(clock.now) is None
    assert outbox.counts() == OutboxCounts(refused=1, offered=1)
    assert {r.log_id for r in outbox.pending()} == {refused.log_id, offered.log_id}

    retried = outbox.request(refused.log_id)
    assert retried is not None and retried.state is LogState.WAITING and not retried.error
    logged = outbox.request(offered.log_id)
    assert logged is not None and logged.state is LogState.WAITING
    assert outbox.counts() == OutboxCounts(waiting=2)
    discarded = outbox.discard(offered.log_id)
    assert discarded is not None and discarded.state is LogState.DISCARDED
    # A discarded log takes no note any more, and a sent one cannot be discarded.
    assert outbox.set_note(offered.log_id, "x").note == ""  # type: ignore[union-attr]
    outbox.mark_sent(retried.log_id, 9, "")
    assert outbox.discard(retried.log_id).state is LogState.SENT  # type: ignore[union-attr]


def test_done_logs_are_forgotten_after_a_month_and_offers_after_a_day(
    outbox: Outbox, clock: Clock
) -> None:
    sent = _end(outbox, outbox.open_live(live_row("a")))
    outbox.mark_sent(sent.log_id, 1, "")
    offered = _end(outbox, outbox.open_live(live_row("b")), LogState.OFFERED)
    clock.now += KEEP_OFFERED_S + 1
    assert outbox.prune() == 1
    assert outbox.get(offered.log_id).state is LogState.DISCARDED  # type: ignore[union-attr]
    clock.now += KEEP_DONE_S + 1
    assert outbox.prune() == 2
    assert outbox.get(sent.log_id) is None and outbox.get(offered.log_id) is None


def test_it_is_all_still_there_after_a_restart(profile: Profile, clock: Clock) -> None:
    path = profile.root / "outbox.sqlite3"
    with Outbox(path, clock=clock) as first:
        row = first.open_live(live_row())
        first.set_note(row.log_id, "Ære være — 💬")
        _end(first, row)
        first.mark_attempt(row.log_id, clock.now, 45.0)
    with Outbox(path, clock=clock) as again:
        kept = again.get(row.log_id)
    assert kept is not None and kept.note == "Ære være — 💬" and kept.uncertain


@pytest.mark.log_warnings
def test_a_damaged_file_is_moved_aside(profile: Profile, clock: Clock) -> None:
    path = profile.root / "outbox.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with Outbox(path, clock=clock) as outbox:
        assert outbox.counts() == OutboxCounts()
    assert len(list(profile.root.glob("outbox.sqlite3.unusable-*"))) == 1


def test_a_file_from_a_newer_screenpop_is_left_alone(profile: Profile) -> None:
    path = profile.root / "outbox.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(OutboxError, match="newer Screenpop"):
        Outbox(path)
    assert path.exists()


def test_only_what_is_known_of_a_live_call_changes(outbox: Outbox) -> None:
    row = outbox.open_live(live_row())
    outbox.update_live(row.log_id, person_id=13, who="Ola Nordmann (Acme AS)")
    assert outbox.get(row.log_id).person_id == 13  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="state"):
        outbox.update_live(row.log_id, state="sent")


def test_the_profile_names_the_file(tmp_path: Path) -> None:
    assert Profile(tmp_path).outbox_file == tmp_path / "outbox.sqlite3"
