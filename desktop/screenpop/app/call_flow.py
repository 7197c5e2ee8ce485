"""Every call event's way through the app: matched, tracked, recorded, then rendered.

The tracker (:class:`screenpop.core.call_life.CallTracker`) is the one model of a call: it
drops duplicates and late events, decides whether the call's toast shows, updates or closes
(pop mode, Do not disturb, the flood guard; outgoing calls do not pop), and tells its
subscribers. Here the number is matched once, the history records every call off the UI
thread, in order, and feeds Recent calls, and the pop controller renders the decision.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from screenpop.app.pops import PopController
from screenpop.core.call_life import Call, CallTracker, Change, call_key, forgotten
from screenpop.core.calls import CallEvent, CallState, Direction
from screenpop.core.matching import Candidate
from screenpop.core.phone import format_e164
from screenpop.core.pop_rules import PopRules
from screenpop.core.recent import MAX_RECENT_CALLS, RecentCall
from screenpop.core.tasks import BackgroundTasks
from screenpop.store.history import CallHistory, HistoryEntry, HistoryError

log = logging.getLogger(__name__)

# How often calls whose end never came are looked for.
PRUNE_EVERY_MS = 60_000


def open_history(path: Path) -> CallHistory | None:
    try:
        return CallHistory(path)
    except HistoryError as err:
        log.warning("no call history this time: %s", err.message)
        return None


def recent_call(entry: HistoryEntry) -> RecentCall:
    who = entry.person_name or entry.contact_name
    if entry.person_name and entry.contact_name:
        who = f"{entry.person_name} ({entry.contact_name})"
    return RecentCall(
        when=entry.started_at,
        number=format_e164(entry.e164) if entry.e164 else entry.number,
        who=who or entry.display_name,
        contact_id=entry.contact_id or None,
        answered=entry.answered or entry.direction is Direction.OUTGOING,
        person_id=entry.person_id or None,
    )


class CallFlow:
    def __init__(
        self,
        pops: PopController,
        history: CallHistory | None,
        tasks: BackgroundTasks,
        on_recent: Callable[[Sequence[RecentCall]], None],
        rules: PopRules | None = None,
    ) -> None:
        self.pops = pops
        self._history = history
        self._tasks = tasks
        self._on_recent = on_recent
        self.tracker = CallTracker(rules=rules)
        # The end of a call this run never saw start (call logging may have it from before).
        self.on_unseen_end: Callable[[str], None] | None = None
        # One writer thread: a call's events are written in the order they came.
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="history")
        self._queued = 0
        self._queued_lock = threading.Lock()

    def set_rules(self, rules: PopRules) -> None:
        """New pop rules (the settings, Do not disturb) for calls from now on."""
        self.tracker.rules = rules

    def handle(self, event: CallEvent) -> None:
        matched = self.pops.match_call(event)
        if matched is None:
            return  # not a number: the pop controller said why, once
        incoming, candidates = matched
        key = call_key(event, incoming.e164 or incoming.digits)
        update = self.tracker.handle(event, key)
        self._forget(update.dropped)
        if update.change is Change.IGNORED or update.call is None:
            log.debug("call event ignored: %s", update.reason)
            if update.call is None and event.state is CallState.ENDED and self.on_unseen_end:
                self.on_unseen_end(key)
            return
        self._record(update.call, incoming.e164, candidates)
        self.pops.render(update, matched)

    def recent_caller(self, call: RecentCall) -> Candidate | None:
        """The person of a recent call, from the cache, so its window names them again."""
        matched = self.pops.match_call(CallEvent(call.number, source="recent"))
        for candidate in matched[1] if matched else []:
            same_person = not call.person_id or candidate.person_id == call.person_id
            if candidate.contact_id == call.contact_id and same_person:
                return candidate
        return None

    def _forget(self, calls: Sequence[Call]) -> None:
        for call in calls:
            self.pops.render(forgotten(call))

    def prune(self) -> None:
        """End the toasts of calls whose end never came (a softphone that restarted)."""
        self._forget(self.tracker.prune_and_tell())

    # -- history ---------------------------------------------------------------------------

    def _record(self, call: Call, e164: str | None, candidates: list[Candidate]) -> None:
        history = self._history
        if history is None:
            return
        with self._queued_lock:
            self._queued += 1

        def write() -> list[HistoryEntry] | None:
            try:
                history.record(call, e164=e164, candidates=candidates)
            finally:
                with self._queued_lock:
                    self._queued -= 1
                    last = self._queued == 0
            # In a flood only the last write reads Recent calls back: one menu, not hundreds.
            return history.recent(MAX_RECENT_CALLS) if last else None

        try:
            asyncio.get_running_loop()
        except RuntimeError:  # no loop (yet, or any more): write it here and now
            self._show_recent(write)
            return
        self._tasks.spawn(self._refresh_after(write), name="history")

    def _show_recent(self, entries: Callable[[], list[HistoryEntry] | None]) -> None:
        try:
            found = entries()
        except HistoryError as err:
            log.warning("call not kept in the history: %s", err.message)
            return
        if found is not None:
            self._on_recent([recent_call(entry) for entry in found])

    async def _refresh_after(self, work: Callable[[], list[HistoryEntry] | None]) -> None:
        done = asyncio.get_running_loop().run_in_executor(self._writer, work)
        await asyncio.wait([done])
        self._show_recent(done.result)

    async def load_recent(self) -> None:
        if self._history is None:
            return
        history = self._history
        await self._refresh_after(lambda: history.recent(MAX_RECENT_CALLS))

    def close(self) -> None:
        self._writer.shutdown(wait=True)
        if self._history is not None:
            self._history.close()
