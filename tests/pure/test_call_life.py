"""A call's life from its events: in order, out of order, duplicated, unknown, in floods."""

from __future__ import annotations

import time

import pytest

from screenpop.core.call_life import (
    MAX_ENDED_REMEMBERED,
    CallTracker,
    CallUpdate,
    Change,
    call_key,
    should_pop,
)
from screenpop.core.calls import CallEvent, CallState, Direction
from screenpop.core.pop_rules import PopAction, PopRateGuard, PopRules, PopState

RINGING, ANSWERED, ENDED = CallState.RINGING, CallState.ANSWERED, CallState.ENDED


class Clock:
    """Time that moves only when the test says so."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def ev(state: CallState, call_id: str = "c1", number: str = "+4722334455", **kw: str) -> CallEvent:
    return CallEvent(number, state, call_id, **kw)  # type: ignore[arg-type]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def tracker(clock: Clock) -> CallTracker:
    return CallTracker(clock=clock)


def test_ring_answer_hang_up(tracker: CallTracker, clock: Clock) -> None:
    rung = tracker.handle(ev(RINGING, display_name="Kari"))
    assert (rung.change, rung.previous, rung.call.state) == (Change.NEW, None, RINGING)  # type: ignore[union-attr]
    clock.advance(4)
    answered = tracker.handle(ev(ANSWERED))
    assert (answered.change, answered.previous) == (Change.UPDATED, RINGING)
    clock.advance(65.5)
    ended = tracker.handle(ev(ENDED))
    assert (ended.change, ended.previous) == (Change.ENDED, ANSWERED)
    call = ended.call
    assert call is not None
    assert call.answered and not call.missed
    assert call.duration_s == pytest.approx(65.5)
    assert call.display_name == "Kari" and call.direction is Direction.INCOMING
    assert call.started.timestamp() == pytest.approx(1_700_000_000.0)
    assert tracker.live() == []


def test_ring_then_hang_up_is_a_missed_call(tracker: CallTracker, clock: Clock) -> None:
    tracker.handle(ev(RINGING))
    clock.advance(20)
    call = tracker.handle(ev(ENDED)).call
    assert call is not None
    assert call.missed and not call.answered and call.duration_s == 0.0


def test_an_outgoing_call_not_answered_is_not_missed(tracker: CallTracker) -> None:
    tracker.handle(ev(RINGING, direction=Direction.OUTGOING))  # type: ignore[arg-type]
    call = tracker.handle(ev(ENDED)).call
    assert call is not None
    assert call.direction is Direction.OUTGOING and not call.missed


def test_an_answer_for_an_unknown_call_starts_it_answered(tracker: CallTracker) -> None:
    update = tracker.handle(ev(ANSWERED, "late"))
    assert update.change is Change.NEW and update.call is not None
    assert update.call.state is ANSWERED and update.call.answered


def test_the_end_of_a_call_never_seen_is_ignored(tracker: CallTracker) -> None:
    update = tracker.handle(ev(ENDED, "never-seen"))
    assert (update.change, update.call) == (Change.IGNORED, None)
    assert "never seen" in update.reason


@pytest.mark.parametrize(
    ("events", "reason"),
    [
        ([RINGING, RINGING], "a duplicate"),
        ([RINGING, ANSWERED, ANSWERED], "a duplicate"),
        ([RINGING, ANSWERED, RINGING], "out of order"),
        ([RINGING, ENDED, RINGING], "after its end"),
        ([RINGING, ENDED, ANSWERED], "after its end"),
        ([RINGING, ENDED, ENDED], "after its end"),
    ],
)
def test_duplicates_and_stale_events_change_nothing(
    tracker: CallTracker, events: list[CallState], reason: str
) -> None:
    for state in events[:-1]:
        tracker.handle(ev(state))
    before = tracker.get("c1")
    last = tracker.handle(ev(events[-1]))
    assert last.change is Change.IGNORED and last.reason == reason
    assert tracker.get("c1") == before


def test_a_name_arriving_late_updates_the_call(tracker: CallTracker) -> None:
    tracker.handle(ev(RINGING))
    update = tracker.handle(ev(RINGING, display_name="Kari Nordmann"))
    assert update.change is Change.UPDATED and update.previous is RINGING
    assert update.call is not None and update.call.display_name == "Kari Nordmann"
    assert not should_pop(update, RINGING)  # an update, never a second toast


def test_calls_are_kept_apart_by_id(tracker: CallTracker) -> None:
    assert tracker.handle(ev(RINGING, "a")).change is Change.NEW
    assert tracker.handle(ev(RINGING, "b")).change is Change.NEW
    assert tracker.handle(ev(ENDED, "a")).change is Change.ENDED
    assert [c.call_id for c in tracker.live()] == ["b"]


def test_without_an_id_the_number_is_the_key_and_the_next_ring_is_a_new_call(
    tracker: CallTracker,
) -> None:
    assert tracker.handle(ev(RINGING, "")).change is Change.NEW
    assert tracker.handle(ev(RINGING, "")).change is Change.IGNORED
    assert tracker.handle(ev(ENDED, "")).change is Change.ENDED
    assert tracker.handle(ev(ENDED, "")).change is Change.IGNORED
    # The same number rings again later: that is the next call from it.
    assert tracker.handle(ev(RINGING, "")).change is Change.NEW


def test_a_key_given_by_the_caller_joins_shapes_of_one_number(tracker: CallTracker) -> None:
    first = tracker.handle(ev(RINGING, "", "tel:+47-22-33-44-55"), key="+4722334455")
    second = tracker.handle(ev(ANSWERED, "", "+47 22 33 44 55"), key="+4722334455")
    assert (first.change, second.change) == (Change.NEW, Change.UPDATED)


def test_an_ended_call_is_forgotten_after_a_while(tracker: CallTracker, clock: Clock) -> None:
    tracker.handle(ev(RINGING))
    tracker.handle(ev(ENDED))
    assert tracker.get("c1") is not None
    clock.advance(3600)
    assert tracker.handle(ev(RINGING, "other")).change is Change.NEW
    assert tracker.get("c1") is None
    assert tracker.handle(ev(RINGING)).change is Change.NEW  # the id may be used again


def test_memory_of_ended_calls_is_bounded(tracker: CallTracker) -> None:
    for i in range(MAX_ENDED_REMEMBERED + 50):
        tracker.handle(ev(RINGING, f"c{i}"))
        tracker.handle(ev(ENDED, f"c{i}"))
    assert tracker.get("c0") is None
    assert tracker.get(f"c{MAX_ENDED_REMEMBERED + 49}") is not None


def test_live_calls_are_capped_and_the_oldest_dropped(clock: Clock) -> None:
    tracker = CallTracker(clock=clock, max_live=3)
    for i in range(3):
        tracker.handle(ev(RINGING, f"c{i}"))
        clock.advance(1)
    update = tracker.handle(ev(RINGING, "c3"))
    assert update.change is Change.NEW
    assert [c.call_id for c in update.dropped] == ["c0"]
    assert [c.call_id for c in tracker.live()] == ["c1", "c2", "c3"]


def test_calls_whose_end_never_came_are_pruned(tracker: CallTracker, clock: Clock) -> None:
    tracker.handle(ev(RINGING, "ringing-forever"))
    tracker.handle(ev(ANSWERED, "long-talk"))
    clock.advance(16 * 60)
    assert [c.call_id for c in tracker.prune()] == ["ringing-forever"]
    clock.advance(12 * 3600)
    assert [c.call_id for c in tracker.prune()] == ["long-talk"]
    assert tracker.live() == []


@pytest.mark.parametrize(
    ("updates", "pop_on", "pops"),
    [
        ([RINGING, ANSWERED, ENDED], RINGING, [True, False, False]),
        ([RINGING, ANSWERED, ENDED], ANSWERED, [False, True, False]),
        ([RINGING, ANSWERED, ENDED], None, [False, False, False]),
        ([RINGING, ENDED], ANSWERED, [False, False]),  # a missed call never pops on answer
        ([ANSWERED, ENDED], RINGING, [True, False]),  # first seen answered: pop now
        ([ANSWERED, ENDED], ANSWERED, [True, False]),
    ],
)
def test_should_pop_once_when_the_pop_state_is_reached(
    tracker: CallTracker, updates: list[CallState], pop_on: CallState | None, pops: list[bool]
) -> None:
    assert [should_pop(tracker.handle(ev(s)), pop_on) for s in updates] == pops


def test_outgoing_calls_pop_only_when_asked(tracker: CallTracker) -> None:
    update = tracker.handle(ev(RINGING, direction=Direction.OUTGOING))  # type: ignore[arg-type]
    assert not should_pop(update, RINGING)
    assert should_pop(update, RINGING, pop_outgoing=True)


def test_ignored_updates_never_pop(tracker: CallTracker) -> None:
    tracker.handle(ev(RINGING))
    assert not should_pop(tracker.handle(ev(RINGING)), RINGING)
    assert not should_pop(CallUpdate(Change.IGNORED, None), RINGING)


def test_a_flood_for_one_call_is_one_new_call(tracker: CallTracker) -> None:
    changes = [tracker.handle(ev(RINGING)).change for _ in range(200)]
    assert changes.count(Change.NEW) == 1 and changes.count(Change.IGNORED) == 199


def test_a_flood_of_different_calls_makes_few_pops(clock: Clock) -> None:
    """200 calls in one second: all tracked (bounded), a handful of pops, quickly."""
    tracker = CallTracker(clock=clock)
    guard = PopRateGuard(burst=3, per_second=1.0, clock=clock)
    started = time.perf_counter()
    pops = 0
    for i in range(200):
        update = tracker.handle(ev(RINGING, f"flood-{i}"))
        if should_pop(update, RINGING) and guard.allow():
            pops += 1
        clock.advance(1 / 200)
    elapsed = time.perf_counter() - started
    assert pops == 3  # the burst; the refill of one pop a second comes after the flood
    assert guard.suppressed == 197
    assert len(tracker.live()) == 32
    assert elapsed < 0.1, f"{elapsed * 1000:.1f} ms for 200 events"


def test_the_rate_guard_refills_over_time(clock: Clock) -> None:
    guard = PopRateGuard(burst=2, per_second=0.5, clock=clock)
    assert [guard.allow() for _ in range(3)] == [True, True, False]
    clock.advance(1.9)
    assert guard.allow() is False
    clock.advance(0.2)
    assert guard.allow() is True and guard.suppressed == 0


# -- the tracker decides what a call's toast does ---------------------------------------------


def _actions(tracker: CallTracker, *events: CallEvent) -> list[PopAction]:
    return [tracker.handle(event).action for event in events]


@pytest.mark.parametrize(
    ("pop_on", "states", "expected"),
    [
        (RINGING, [RINGING, RINGING, ANSWERED, ENDED], ["show", "none", "update", "close"]),
        (ANSWERED, [RINGING, ANSWERED, ENDED], ["none", "show", "close"]),
        (ANSWERED, [RINGING, ENDED, ANSWERED], ["none", "none", "none"]),
        (None, [RINGING, ANSWERED, ENDED], ["none", "none", "none"]),
        (RINGING, [ANSWERED, ENDED], ["show", "close"]),
        (RINGING, [ENDED], ["none"]),
    ],
)
def test_the_tracker_decides_show_update_close(
    clock: Clock, pop_on: CallState | None, states: list[CallState], expected: list[str]
) -> None:
    tracker = CallTracker(rules=PopRules(pop_on=pop_on), clock=clock)
    assert _actions(tracker, *(ev(state) for state in states)) == expected


def test_a_call_past_its_moment_never_pops_later(tracker: CallTracker) -> None:
    tracker.rules = PopRules(quiet=True)
    quiet = tracker.handle(ev(RINGING))
    assert (quiet.action, quiet.reason) == (PopAction.NONE, "do not disturb")
    assert quiet.call is not None and quiet.call.pop is PopState.QUIET
    tracker.rules = PopRules()
    # Do not disturb is off again: this call stays quiet, the next one pops.
    assert _actions(tracker, ev(ANSWERED), ev(ENDED), ev(RINGING, "c2")) == [
        PopAction.NONE,
        PopAction.NONE,
        PopAction.SHOW,
    ]


def test_a_flood_keeps_its_calls_quiet_even_when_answered(clock: Clock) -> None:
    guard = PopRateGuard(burst=2, per_second=0.0, clock=clock)
    tracker = CallTracker(guard=guard, clock=clock)
    rings = [tracker.handle(ev(RINGING, f"f{i}")) for i in range(5)]
    assert [u.action for u in rings] == ["show", "show", "none", "none", "none"]
    assert rings[2].reason == "a flood of calls"
    assert tracker.handle(ev(ANSWERED, "f3")).action is PopAction.NONE
    assert tracker.handle(ev(ANSWERED, "f1")).action is PopAction.UPDATE


def test_outgoing_calls_are_followed_but_do_not_pop(tracker: CallTracker) -> None:
    out = CallEvent("+4722334455", RINGING, "o1", direction=Direction.OUTGOING)
    assert tracker.handle(out).action is PopAction.NONE
    tracker.rules = PopRules(pop_outgoing=True)
    again = CallEvent("+4722334455", RINGING, "o2", direction=Direction.OUTGOING)
    assert tracker.handle(again).action is PopAction.SHOW


def test_subscribers_hear_every_change_once(clock: Clock) -> None:
    tracker = CallTracker(clock=clock, max_live=2)
    heard: list[tuple[str, str, bool]] = []
    stop = tracker.subscribe(
        lambda u: heard.append((u.change.value, u.call.key if u.call else "", u.missed))
    )
    tracker.handle(ev(RINGING, "a"))
    tracker.handle(ev(RINGING, "a"))  # a duplicate: nobody hears of it
    tracker.handle(ev(ANSWERED, "a"))
    tracker.handle(ev(RINGING, "b"))
    tracker.handle(ev(ENDED, "b"))  # rang and ended: missed
    tracker.handle(ev(RINGING, "c"))
    tracker.handle(ev(RINGING, "d"))  # no room: the oldest live call is forgotten
    clock.advance(13 * 3600)
    tracker.prune_and_tell()
    stop()
    tracker.handle(ev(RINGING, "e"))
    assert heard == [
        ("new", "a", False),
        ("updated", "a", False),
        ("new", "b", False),
        ("ended", "b", True),
        ("new", "c", False),
        ("forgotten", "a", False),
        ("new", "d", False),
        ("forgotten", "c", False),
        ("forgotten", "d", False),
    ]


def test_one_key_for_a_call(tracker: CallTracker) -> None:
    assert call_key(CallEvent("+47 22 33 44 55", call_id="x"), "+4722334455") == "x"
    assert call_key(CallEvent("tel:+47-22-33-44-55"), "+4722334455") == "+4722334455"
    assert call_key(CallEvent("junk")) == "number:junk"
    first = tracker.handle(CallEvent("tel:+4722334455"), "+4722334455")
    second = tracker.handle(CallEvent("+47 22 33 44 55"), "+4722334455")
    assert first.action is PopAction.SHOW and second.change is Change.IGNORED
