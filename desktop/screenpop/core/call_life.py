"""The life of a call: ringing → answered → ended, or ringing → ended (missed).

Triggers send events, not calls: duplicates, events out of order, an answer for a call whose
ring was lost, a hang-up for a call never seen, floods. :class:`CallTracker` is the one model
of them: it turns each event into what changed for one call (:class:`CallUpdate`), decides
what the call's toast does (show, update, close, nothing: the UI only renders that), and tells
its subscribers, so history records each call once and later parts (call logging, live
lookups) follow the same calls. One key names a call (:func:`call_key`); the memory of calls
is bounded.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum

from screenpop.core.calls import CallEvent, CallState, Direction
from screenpop.core.pop_rules import PopAction, PopRateGuard, PopRules, PopState

log = logging.getLogger(__name__)

MAX_LIVE_CALLS = 32
# A late duplicate of an ended call's events is ignored for this long...
REMEMBER_ENDED_S = 600.0
MAX_ENDED_REMEMBERED = 256
# ...and a call whose end never came (a softphone that restarted) is forgotten after these.
STALE_RINGING_S = 15 * 60.0
STALE_CALL_S = 12 * 3600.0
_ORDER = {CallState.RINGING: 1, CallState.ANSWERED: 2, CallState.ENDED: 3}


class Change(StrEnum):
    NEW = "new"  # a call not seen before
    UPDATED = "updated"  # a live call moved on (answered) or learnt its caller's name
    ENDED = "ended"  # a live call ended: the moment to record it
    IGNORED = "ignored"  # a duplicate, stale or unknown event: nothing to show
    FORGOTTEN = "forgotten"  # a live call whose end never came, dropped (too old, no room)


def is_missed(state: CallState, direction: Direction, answered: bool) -> bool:
    """An incoming call that ended without being answered."""
    return state is CallState.ENDED and direction is Direction.INCOMING and not answered


@dataclass(frozen=True, slots=True)
class Call:
    """One call as far as it has come. Times are seconds since the epoch (``time.time()``)."""

    key: str
    call_id: str
    number: str
    display_name: str
    direction: Direction
    source: str
    state: CallState
    started_at: float
    answered_at: float | None = None
    ended_at: float | None = None
    pop: PopState = PopState.WAITING

    @property
    def answered(self) -> bool:
        return self.answered_at is not None

    @property
    def missed(self) -> bool:
        return is_missed(self.state, self.direction, self.answered)

    @property
    def duration_s(self) -> float:
        """Talk time, from answer to hang-up; 0 for a call not answered or not over."""
        if self.answered_at is None or self.ended_at is None:
            return 0.0
        return max(0.0, self.ended_at - self.answered_at)

    @property
    def started(self) -> datetime:
        return datetime.fromtimestamp(self.started_at, UTC)


@dataclass(frozen=True, slots=True)
class CallUpdate:
    """What one event changed. ``call`` is None only for the end of a call never seen.

    ``previous`` is the call's state before the event (None for a new call). ``action`` is
    what its toast does. ``dropped`` are live calls the tracker forgot to make room: their end
    never came, so the UI ends their toasts. ``reason`` says why an event was ignored, or why a
    call that reached its moment to pop stayed quiet (for the log).
    """

    change: Change
    call: Call | None
    previous: CallState | None = None
    dropped: tuple[Call, ...] = ()
    reason: str = ""
    action: PopAction = PopAction.NONE

    @property
    def missed(self) -> bool:
        """This event ended an incoming call that was never answered."""
        return self.change is Change.ENDED and self.call is not None and self.call.missed

    def reached(self, state: CallState) -> bool:
        """Whether the call reached ``state`` (or passed it) with this event, for the first time."""
        if self.call is None or self.change is Change.IGNORED:
            return False
        before = _ORDER[self.previous] if self.previous is not None else 0
        return before < _ORDER[state] <= _ORDER[self.call.state]


def should_pop(update: CallUpdate, pop_on: CallState | None, *, pop_outgoing: bool = False) -> bool:
    """Whether this update is the moment to pop a toast for its call.

    ``pop_on`` is RINGING or ANSWERED (None: never). A call that arrives already answered
    pops in either mode; an ended call never pops; outgoing calls only with ``pop_outgoing``.
    """
    call = update.call
    if pop_on is None or pop_on is CallState.ENDED or call is None:
        return False
    if call.state is CallState.ENDED:
        return False
    if call.direction is Direction.OUTGOING and not pop_outgoing:
        return False
    return update.reached(pop_on)


def call_key(event: CallEvent, number: str = "") -> str:
    """The one key of a call: its id, else its number as parsed (``number``: the E.164 form,
    or the digits), so "tel:+47…" and "+47 …" are one call; else the text as sent."""
    return event.call_id or number or f"number:{event.number}"


Listener = Callable[[CallUpdate], None]


class CallTracker:
    """The calls in progress, keyed by :func:`call_key`; no I/O, O(1) per event.

    Memory is bounded: at most ``max_live`` calls in progress (the oldest is forgotten to make
    room) and ended calls are remembered only ``remember_ended_s`` (so their late duplicates
    are ignored) and at most ``MAX_ENDED_REMEMBERED`` of them. ``rules`` say when a call pops
    (the app sets them from the settings); ``guard`` keeps a flood to a few toasts.
    """

    def __init__(
        self,
        *,
        rules: PopRules | None = None,
        guard: PopRateGuard | None = None,
        clock: Callable[[], float] = time.time,
        max_live: int = MAX_LIVE_CALLS,
        remember_ended_s: float = REMEMBER_ENDED_S,
        stale_ringing_s: float = STALE_RINGING_S,
        stale_call_s: float = STALE_CALL_S,
    ) -> None:
        self.rules = rules or PopRules()
        self.guard = guard or PopRateGuard()
        self._listeners: list[Listener] = []
        self._clock = clock
        self._max_live = max(1, max_live)
        self._remember_ended_s = remember_ended_s
        self._stale_ringing_s = stale_ringing_s
        self._stale_call_s = stale_call_s
        self._live: dict[str, Call] = {}
        self._ended: OrderedDict[str, Call] = OrderedDict()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every update that changed a call (new, updated, ended,
        forgotten; never an ignored one), after the tracker decided its toast's action.
        Returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def handle(self, event: CallEvent, key: str | None = None) -> CallUpdate:
        """Apply one event. ``key`` overrides :func:`call_key` (pass the parsed number's
        ``call_key(event, e164)``)."""
        update = self._decide(self._track(event, key))
        self._tell(update)
        return update

    def _tell(self, update: CallUpdate) -> None:
        for call in update.dropped:
            self._tell(forgotten(call))
        if update.change is not Change.IGNORED:
            for listener in list(self._listeners):
                listener(update)

    def _decide(self, update: CallUpdate) -> CallUpdate:
        call = update.call
        if call is None or update.change is Change.IGNORED:
            return update
        if call.pop is PopState.SHOWN:
            ended = call.state is CallState.ENDED
            return replace(update, action=PopAction.CLOSE if ended else PopAction.UPDATE)
        rules = self.rules
        if call.pop is not PopState.WAITING or not should_pop(
            update, rules.pop_on, pop_outgoing=rules.pop_outgoing
        ):
            return update
        # Its moment: it pops now or never (an answer after a ring Do not disturb kept quiet
        # stays quiet too).
        reason = "do not disturb" if rules.quiet else ""
        if not reason and not self.guard.allow():
            reason = "a flood of calls"
        decided = replace(call, pop=PopState.QUIET if reason else PopState.SHOWN)
        self._store(decided)
        action = PopAction.NONE if reason else PopAction.SHOW
        return replace(update, call=decided, action=action, reason=reason)

    def _store(self, call: Call) -> None:
        if call.key in self._live:
            self._live[call.key] = call
        elif call.key in self._ended:
            self._ended[call.key] = call

    def _track(self, event: CallEvent, key: str | None) -> CallUpdate:
        now = self._clock()
        key = key or call_key(event)
        self._forget_old_ended(now)
        call = self._live.get(key)
        if call is None:
            return self._first_event(key, event, now)
        previous = call.state
        if event.state is CallState.ENDED:
            ended = replace(call, state=CallState.ENDED, ended_at=now)
            del self._live[key]
            self._remember_ended(ended)
            return CallUpdate(Change.ENDED, ended, previous)
        name = call.display_name or event.display_name
        if event.state is CallState.ANSWERED and previous is CallState.RINGING:
            answered = replace(call, state=CallState.ANSWERED, answered_at=now, display_name=name)
            self._live[key] = answered
            return CallUpdate(Change.UPDATED, answered, previous)
        if name != call.display_name:
            named = replace(call, display_name=name)
            self._live[key] = named
            return CallUpdate(Change.UPDATED, named, previous)
        why = "a duplicate" if event.state is previous else "out of order"
        return CallUpdate(Change.IGNORED, call, previous, reason=why)

    def _first_event(self, key: str, event: CallEvent, now: float) -> CallUpdate:
        ended = self._ended.get(key)
        if ended is not None and (event.call_id or event.state is CallState.ENDED):
            # A call id is used once: this is a late duplicate of a call that is over. (Keyed
            # by number, a new ring after the end is the next call from that number.)
            return CallUpdate(Change.IGNORED, ended, CallState.ENDED, reason="after its end")
        if event.state is CallState.ENDED:
            # Its start was never seen (the app started mid-call): nothing to show or record.
            return CallUpdate(Change.IGNORED, None, reason="the end of a call never seen")
        self._ended.pop(key, None)
        dropped = self._make_room(now)
        call = Call(
            key=key,
            call_id=event.call_id,
            number=event.number,
            display_name=event.display_name,
            direction=event.direction,
            source=event.source,
            state=event.state,
            started_at=now,
            # An answer for a call never seen ringing: it was answered now, as far as we know.
            answered_at=now if event.state is CallState.ANSWERED else None,
        )
        self._live[key] = call
        return CallUpdate(Change.NEW, call, None, dropped=dropped)

    def _make_room(self, now: float) -> tuple[Call, ...]:
        dropped = self.prune(now) if len(self._live) >= self._max_live else []
        while len(self._live) >= self._max_live:
            oldest = next(iter(self._live))
            dropped.append(self._live.pop(oldest))
            log.info("forgot call %s to make room: %d calls at once", oldest, self._max_live)
        return tuple(dropped)

    def _remember_ended(self, call: Call) -> None:
        self._ended[call.key] = call
        self._ended.move_to_end(call.key)
        while len(self._ended) > MAX_ENDED_REMEMBERED:
            self._ended.popitem(last=False)

    def _forget_old_ended(self, now: float) -> None:
        while self._ended:
            oldest = next(iter(self._ended.values()))
            if oldest.ended_at is not None and now - oldest.ended_at < self._remember_ended_s:
                break
            self._ended.popitem(last=False)

    def prune(self, now: float | None = None) -> list[Call]:
        """Forget live calls whose end never came (ringing or talking far too long); returns
        them so the UI can end their toasts. Called when room is needed; call it from a timer
        too."""
        now = self._clock() if now is None else now
        stale = [
            call
            for call in self._live.values()
            if now - call.started_at
            > (self._stale_ringing_s if call.state is CallState.RINGING else self._stale_call_s)
        ]
        for call in stale:
            del self._live[call.key]
            log.info("forgot call %s: no end after %.0f s", call.key, now - call.started_at)
        return stale

    def prune_and_tell(self) -> list[Call]:
        """:meth:`prune`, and subscribers hear of each call forgotten (from a timer)."""
        stale = self.prune()
        for call in stale:
            self._tell(forgotten(call))
        return stale

    def get(self, key: str) -> Call | None:
        return self._live.get(key) or self._ended.get(key)

    def live(self) -> list[Call]:
        """The calls in progress, oldest first."""
        return list(self._live.values())


def forgotten(call: Call) -> CallUpdate:
    """The update for a live call the tracker dropped: its toast, if shown, closes."""
    action = PopAction.CLOSE if call.pop is PopState.SHOWN else PopAction.NONE
    return CallUpdate(Change.FORGOTTEN, call, call.state, action=action)
