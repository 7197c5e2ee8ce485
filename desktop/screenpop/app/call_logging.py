"""Calls logged in SuperOffice: the tracker's calls kept in the outbox, their notes, and the
toasts and windows that show them.

A call is written to the outbox when it starts (its note survives a crash) and when it ends,
before the app acknowledges the event (:mod:`screenpop.triggers.single_instance`), so a
hang-up the softphone was told "ok" for is never lost. At the end the ``log_calls`` setting
decides (:func:`screenpop.core.call_log.decide`): queued for the sender, offered ("Log call"),
or not logged; a note typed into a call that would not be logged makes it offered instead, so
the note is not lost. A call whose end arrives after a restart finds its log again by its key;
one whose end never comes is logged as far as it is known, once the tracker's limits pass.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from screenpop.app.pops import Matched
from screenpop.config.settings import Settings
from screenpop.core.call_life import STALE_CALL_S, STALE_RINGING_S, Call, CallUpdate, Change
from screenpop.core.call_log import (
    LogCalls,
    LogDecision,
    Party,
    clean_note,
    decide,
    log_id,
    party_of,
)
from screenpop.core.calls import CallEvent, Direction
from screenpop.core.matching import Candidate
from screenpop.services.call_log_sender import CallLogSender, SenderHealth, SenderStatus
from screenpop.store.outbox import LogRow, LogState, Outbox, OutboxError
from screenpop.ui.call_note import CallNote, CallNoteEditor, NoteStatus
from screenpop.ui.contact_windows import ContactWindows
from screenpop.ui.i18n import arg
from screenpop.ui.toast import CallToast

if TYPE_CHECKING:
    from screenpop.ui.contact_window import ContactWindow

log = logging.getLogger(__name__)

NOTE_SAVE_MS = 600
# A window opened this long after a call with its company still offers the call's note.
RECENT_CALL_S = 30 * 60.0
# An ended call offered for logging keeps its toast up this long (or until the agent acts).
OFFER_HOLD_MS = 60_000
KEEP_CALLS = 64
_STATUS = {
    LogState.LIVE: NoteStatus.LIVE,
    LogState.OFFERED: NoteStatus.OFFERED,
    LogState.WAITING: NoteStatus.WAITING,
    LogState.SENT: NoteStatus.LOGGED,
    LogState.REFUSED: NoteStatus.REFUSED,
    LogState.DISCARDED: NoteStatus.DISCARDED,
}


def duration_text(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    if minutes:
        return arg(QCoreApplication.translate("CallLogging", "%1 min %2 s"), minutes, rest)
    return arg(QCoreApplication.translate("CallLogging", "%1 s"), rest)


def headline(row: LogRow, *, end_reported: bool = True) -> str:
    """The first line of the appointment's text, in the UI's language."""
    talk = (row.ended_at or row.started_at) - (row.answered_at or row.started_at)
    if row.direction is Direction.OUTGOING:
        if row.answered:
            text = arg(
                QCoreApplication.translate("CallLogging", "Outgoing call to %1 (%2)"),
                row.number,
                duration_text(talk),
            )
        else:
            text = arg(
                QCoreApplication.translate("CallLogging", "Outgoing call to %1, not answered"),
                row.number,
            )
    elif row.answered:
        text = arg(
            QCoreApplication.translate("CallLogging", "Incoming call from %1 (%2)"),
            row.number,
            duration_text(talk),
        )
    else:
        text = arg(QCoreApplication.translate("CallLogging", "Missed call from %1"), row.number)
    if not end_reported:
        text = arg(QCoreApplication.translate("CallLogging", "%1; its end was not reported"), text)
    return text


class _ToastHold(QObject):
    """Keeps a toast up while its call is offered for logging (at most OFFER_HOLD_MS); a child
    of the toast, so it goes with it and the note no longer reaches it."""

    def __init__(self, toast: CallToast, note: CallNote) -> None:
        super().__init__(toast)
        self._toast = toast
        self._note = note
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(OFFER_HOLD_MS)
        self._timer.timeout.connect(self._release)
        note.status_changed.connect(self.follow)

    def follow(self) -> None:
        offered = self._note.status is NoteStatus.OFFERED
        self._toast.hold(offered)
        if offered:
            self._timer.start()

    def _release(self) -> None:
        self._toast.hold(False)


@dataclass(slots=True)
class _Tracked:
    log_id: str
    key: str
    contact_ids: frozenset[int]
    party: Party
    candidates: list[Candidate]
    note: CallNote
    ended_at: float | None = None


class CallLogging:
    def __init__(
        self,
        outbox: Outbox,
        sender: CallLogSender,
        windows: ContactWindows,
        settings: Callable[[], Settings],
        match: Callable[[CallEvent], Matched | None],
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._outbox = outbox
        self._sender = sender
        self._windows = windows
        self._settings = settings
        self._match = match
        self._clock = clock
        self._calls: OrderedDict[str, _Tracked] = OrderedDict()
        self._by_key: dict[str, str] = {}
        self._unsaved: dict[str, str] = {}
        self._save = QTimer()
        self._save.setSingleShot(True)
        self._save.setInterval(NOTE_SAVE_MS)
        self._save.timeout.connect(self.save_notes)
        self._stale = QTimer()
        self._stale.setInterval(60_000)
        self._stale.timeout.connect(self.finish_abandoned)

    def start(self) -> None:
        self.finish_abandoned()
        self._stale.start()
        try:
            self._outbox.prune()
        except OutboxError as err:
            log.warning("old call logs not pruned: %s", err.message)
        self._sender.start()
        self._sender.kick()

    async def stop(self) -> None:
        self._stale.stop()
        self.save_notes()
        await self._sender.stop()

    # -- the tracker's calls ----------------------------------------------------------------
    def on_update(self, update: CallUpdate) -> None:
        """The tracker's subscriber: every call that starts, moves on, ends or is forgotten."""
        call = update.call
        if call is None:
            return
        try:
            if update.change is Change.NEW:
                self._started(call)
            elif update.change is Change.UPDATED and call.answered_at is not None:
                tracked = self._tracked(call.key)
                if tracked is not None:
                    self._outbox.update_live(tracked.log_id, answered_at=call.answered_at)
            elif update.change is Change.ENDED:
                self._ended(call.key, call.answered_at, call.ended_at)
            elif update.change is Change.FORGOTTEN:
                self._ended(call.key, call.answered_at, None)
        except OutboxError as err:
            log.warning("call %s not kept for logging: %s", call.key, err.message)

    def unseen_end(self, key: str) -> None:
        """The end of a call this app never saw start: the one before a restart may have."""
        try:
            row = self._outbox.live(key)
            if row is not None and key not in self._by_key:
                self._adopt(row)
                self._ended(key, None, self._clock())
        except OutboxError as err:
            log.warning("call %s not logged: %s", key, err.message)

    def finish_abandoned(self) -> None:
        """Live logs whose call nobody follows any more and whose end never came (the app was
        killed mid-call and the softphone never said more): logged as far as they are known."""
        now = self._clock()
        try:
            rows = self._outbox.all_live()
        except OutboxError as err:
            log.warning("call logs not checked: %s", err.message)
            return
        for row in rows:
            limit = STALE_CALL_S if row.answered else STALE_RINGING_S
            if row.log_id not in self._calls and now - row.started_at > limit:
                self._adopt(row)
                self._ended(row.call_key, None, None)

    def _started(self, call: Call) -> None:
        if self._settings().log_calls is LogCalls.OFF:
            return
        matched = self._match(CallEvent(call.number, source="call log"))
        incoming, candidates = matched if matched is not None else (None, [])
        party = party_of(candidates)
        kept = self._outbox.live(call.key)
        limit = STALE_CALL_S if kept is not None and kept.answered else STALE_RINGING_S
        if kept is not None and call.started_at - kept.started_at > limit:
            self._adopt(kept)
            self._ended(kept.call_key, None, None)
            kept = None
        row = kept or self._outbox.open_live(
            LogRow(
                log_id=log_id(call.key, call.started_at), call_key=call.key,
                call_id=call.call_id, state=LogState.LIVE, direction=call.direction,
                number=incoming.display if incoming else call.number,
                person_id=party.person_id, contact_id=party.contact_id, who=party.who,
                started_at=call.started_at, answered_at=call.answered_at, ended_at=None,
                headline="", note="", task="",
            )
        )  # fmt: skip
        if kept is not None and call.answered_at is not None and not kept.answered:
            self._outbox.update_live(kept.log_id, answered_at=call.answered_at)
        self._track(row, candidates)

    def _adopt(self, row: LogRow) -> _Tracked:
        """A live log from before a restart, followed again."""
        tracked = self._calls.get(row.log_id)
        return tracked if tracked is not None else self._track(row, [])

    def _track(self, row: LogRow, candidates: list[Candidate]) -> _Tracked:
        note = CallNote(row.who or row.number)
        note.set_text(row.note)
        party = Party(row.person_id, row.contact_id, row.who)
        contacts = frozenset({c.contact_id for c in candidates} | {row.contact_id} - {0})
        tracked = _Tracked(row.log_id, row.call_key, contacts, party, candidates, note)
        note.text_changed.connect(lambda text: self._typed(row.log_id, text))
        note.log_requested.connect(lambda: self.log_now(row.log_id))
        self._calls[row.log_id] = tracked
        self._by_key[row.call_key] = row.log_id
        while len(self._calls) > KEEP_CALLS:
            _, old = self._calls.popitem(last=False)
            if self._by_key.get(old.key) == old.log_id:
                del self._by_key[old.key]
        if party.known:
            self._attach_open_window(tracked)
        return tracked

    def _tracked(self, key: str) -> _Tracked | None:
        found = self._by_key.get(key)
        return None if found is None else self._calls.get(found)

    def _ended(self, key: str, answered_at: float | None, ended_at: float | None) -> None:
        tracked = self._tracked(key)
        if tracked is None:
            return
        self.save_notes()
        row = self._outbox.get(tracked.log_id)
        if row is None or row.state is not LogState.LIVE:
            return
        answered = row.answered or answered_at is not None
        settings = self._settings()
        decision = decide(settings.log_calls, answered=answered, known=row.contact_id > 0)
        if (
            decision is LogDecision.SKIP
            and row.note
            and row.contact_id > 0
            and (settings.log_calls is not LogCalls.OFF)
        ):
            decision = LogDecision.OFFER  # the agent wrote something: let them decide
        state = {LogDecision.LOG: LogState.WAITING, LogDecision.OFFER: LogState.OFFERED,
                 LogDecision.SKIP: LogState.DISCARDED}[decision]  # fmt: skip
        known_end = ended_at if ended_at is not None else (answered_at or row.answered_at)
        final = replace(row, answered_at=row.answered_at or answered_at, ended_at=known_end)
        ended = self._outbox.end(
            row.log_id, state, ended_at=known_end or row.started_at,
            headline=headline(final, end_reported=ended_at is not None),
            task=settings.log_task, answered_at=answered_at,
        )  # fmt: skip
        tracked.ended_at = self._clock()
        if ended is not None:
            self._show(tracked, ended)
        if state is LogState.WAITING:
            self._sender.kick()
        else:
            self._sender.report()
        log.info("call %s ended: %s", key, decision.value)

    # -- notes ------------------------------------------------------------------------------
    def _typed(self, log_id_: str, text: str) -> None:
        self._unsaved[log_id_] = text
        self._save.start()

    def save_notes(self) -> None:
        """Write the notes typed since the last save (before a call's end is decided, too)."""
        self._save.stop()
        unsaved, self._unsaved = self._unsaved, {}
        for log_id_, text in unsaved.items():
            try:
                row = self._outbox.set_note(log_id_, clean_note(text))
            except OutboxError as err:
                log.warning("note not kept: %s", err.message)
                continue
            if row is not None and row.note_behind:
                self._sender.kick()

    def log_now(self, log_id_: str) -> None:
        """ "Log call" or Retry: send it now."""
        self.save_notes()
        try:
            row = self._outbox.request(log_id_)
        except OutboxError as err:
            log.warning("call not logged: %s", err.message)
            return
        tracked = self._calls.get(log_id_)
        if row is not None and tracked is not None:
            self._show(tracked, row)
        self._sender.kick(now=True)

    def discard(self, log_id_: str) -> None:
        try:
            row = self._outbox.discard(log_id_)
        except OutboxError as err:
            log.warning("call log not discarded: %s", err.message)
            return
        tracked = self._calls.get(log_id_)
        if row is not None and tracked is not None:
            self._show(tracked, row)
        self._sender.kick()

    def _show(self, tracked: _Tracked, row: LogRow) -> None:
        detail = row.error if row.state is LogState.REFUSED else ""
        status = self._sender.status
        if row.state is LogState.WAITING and status.health is not SenderHealth.SENDING:
            detail = status.detail
        tracked.note.set_status(_STATUS[row.state], detail)

    # -- what the sender says -----------------------------------------------------------------
    def sent(self, row: LogRow) -> None:
        """A log is in SuperOffice: its note says so, its company's window shows it."""
        tracked = self._calls.get(row.log_id)
        kept = self._outbox.get(row.log_id)
        if tracked is not None and kept is not None:
            self._show(tracked, kept)
        self._windows.cache.forget(row.contact_id)
        if self._windows.window(row.contact_id) is not None:
            self._windows.refresh(row.contact_id)

    def status_changed(self, status: SenderStatus) -> None:
        for tracked in self._calls.values():
            if tracked.note.status in (NoteStatus.WAITING, NoteStatus.REFUSED):
                row = self._outbox.get(tracked.log_id)
                if row is not None:
                    self._show(tracked, row)

    # -- toasts and windows -------------------------------------------------------------------
    def attach_toast(self, key: str, toast: CallToast) -> None:
        """The call's note under its toast, when the call has someone to log it against."""
        tracked = self._tracked(key)
        toast.open_requested.connect(lambda candidate: self.choose(key, candidate))
        if tracked is None or not tracked.party.known:
            return
        panel = CallNoteEditor(tracked.note, rows=3, compact=True)
        toast.add_note(panel)
        _ToastHold(toast, tracked.note)

    def choose(self, key: str, candidate: Candidate) -> None:
        """The agent picked who called (the chooser, or a click on the toast)."""
        tracked = self._tracked(key)
        if tracked is None:
            return
        party = party_of(tracked.candidates, candidate)
        if party == tracked.party:
            return
        tracked.party = party
        tracked.contact_ids = tracked.contact_ids | {party.contact_id}
        tracked.note.who = party.who
        try:
            self._outbox.update_live(tracked.log_id, person_id=party.person_id,
                                     contact_id=party.contact_id, who=party.who)  # fmt: skip
        except OutboxError as err:
            log.warning("call %s: caller not kept: %s", key, err.message)
        self._attach_open_window(tracked)

    def attach_window(self, window: ContactWindow) -> None:
        """A contact window opened: the latest call with its company offers its note."""
        now = self._clock()
        for tracked in reversed(self._calls.values()):
            recent = tracked.ended_at is None or now - tracked.ended_at < RECENT_CALL_S
            if tracked.party.contact_id == window.contact_id and recent:
                if tracked.note.status is not NoteStatus.DISCARDED:
                    self._panel_for(window, tracked)
                return

    def _attach_open_window(self, tracked: _Tracked) -> None:
        window = self._windows.window(tracked.party.contact_id)
        if window is not None:
            self._panel_for(window, tracked)

    @staticmethod
    def _panel_for(window: ContactWindow, tracked: _Tracked) -> None:
        current = window.call_panel
        if isinstance(current, CallNoteEditor) and current.note is tracked.note:
            return
        title = arg(
            QCoreApplication.translate("CallLogging", "Note on the call with %1"), tracked.note.who
        )
        window.set_call_panel(CallNoteEditor(tracked.note, rows=3), title)
