"""What the agent sees of a call: its toast, and its company's window.

The call tracker (:mod:`screenpop.core.call_life`) decides what a call's toast does; this
renders it. One call is one toast, keyed by the call's key: later events update it (answered,
ended) and never add another. Whether a call's company opens by itself is a setting; a
switchboard whose people all work for one company opens that company, and its window asks who
called. When the number belongs to one company, its summary is fetched while the phone rings,
so the window has it when it opens. A ringing toast that hears nothing more leaves after the
ringing timeout. A number the cache lacks is handed to ``on_miss`` with its toast, just before
it shows (the live lookup fills it); ``also_known`` names callers the cache does not hold yet.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from screenpop.config.settings import PopMode, Settings
from screenpop.core.call_life import CallUpdate, Change
from screenpop.core.calls import CallEvent, CallState
from screenpop.core.errors import InvalidNumberError
from screenpop.core.matching import Candidate, match
from screenpop.core.phone import IncomingNumber, parse_incoming
from screenpop.core.pop_rules import PopAction, PopRules
from screenpop.store.cache import CallerIdCache
from screenpop.ui.contact_windows import ContactWindows
from screenpop.ui.toast import CallToast
from screenpop.ui.toast_stack import DEFAULT_MAX_TOASTS, ToastStack, TrayGeometry

if TYPE_CHECKING:
    from screenpop.ui.contact_window import ContactWindow

log = logging.getLogger(__name__)

MAX_TOASTS = DEFAULT_MAX_TOASTS
DISMISS_AFTER_END_MS = 5_000
_POP_ON = {PopMode.RING: CallState.RINGING, PopMode.ANSWER: CallState.ANSWERED}

Matched = tuple[IncomingNumber, list[Candidate]]
MissHandler = Callable[[str, CallToast], None]


def pop_rules(settings: Settings) -> PopRules:
    """The tracker's rules from the settings: when to pop, and Do not disturb."""
    return PopRules(pop_on=_POP_ON.get(settings.pop_mode), quiet=settings.do_not_disturb)


class PopController:
    """Toasts by call key (rendering the tracker's decisions), one contact window per company."""

    def __init__(
        self,
        settings: Settings,
        cache: CallerIdCache,
        windows: ContactWindows,
        on_search: Callable[[str], None],
        *,
        tray_geometry: TrayGeometry | None = None,
        max_toasts: int = MAX_TOASTS,
    ) -> None:
        self._settings = settings
        self._cache = cache
        self.windows = windows
        self._on_search = on_search
        self.toasts = ToastStack(max_toasts, tray_geometry)
        self.on_miss: MissHandler | None = None
        self.also_known: Callable[[IncomingNumber], list[Candidate]] | None = None
        # Call logging adds the call's note to its toast and to the windows that open.
        self.on_toast: Callable[[str, CallToast], None] | None = None
        self.on_window: Callable[[ContactWindow], None] | None = None

    def set_settings(self, settings: Settings) -> None:
        self._settings = settings

    # -- calls -------------------------------------------------------------------------------
    def _parse(self, event: CallEvent) -> IncomingNumber | None:
        try:
            return parse_incoming(
                event.number, self._settings.home_region, self._settings.outside_line_prefix
            )
        except InvalidNumberError as err:
            log.warning("ignoring a call event: %s", err.message)
            return None

    def match_call(self, event: CallEvent) -> Matched | None:
        """The event's number as parsed and who it may be, best first (for the tracker and the
        call history, which records calls whether or not they pop); None for junk."""
        incoming = self._parse(event)
        if incoming is None:
            return None
        candidates = match(self._cache, incoming)
        if not candidates and self.also_known is not None:
            candidates = self.also_known(incoming)
        return incoming, candidates

    def render(self, update: CallUpdate, matched: Matched | None = None) -> None:
        """Do what the tracker decided for the call's toast (``matched``: the number and its
        candidates, which a new toast shows)."""
        call = update.call
        if call is None:
            return
        if update.action is PopAction.SHOW and matched is not None:
            self._pop(call.key, call.state, not call.call_id, matched)
        elif update.action in (PopAction.UPDATE, PopAction.CLOSE):
            toast = self.toasts.get(call.key)
            if toast is None:
                return  # the agent dismissed it: it stays dismissed
            toast.set_state(CallState.ENDED if update.action is PopAction.CLOSE else call.state)
            if update.action is PopAction.CLOSE:
                toast.schedule_dismiss(DISMISS_AFTER_END_MS)
            elif call.state is CallState.ANSWERED and call.call_id:
                toast.cancel_dismiss()  # it rang out of the timeout's reach: it goes on
        elif update.reason and update.change is not Change.IGNORED and matched is not None:
            log.info("call %s from %s not shown: %s", call.state, matched[0].display, update.reason)

    def _pop(self, key: str, state: CallState, untracked: bool, matched: Matched) -> None:
        incoming, candidates = matched
        log.info("call %s from %s: %d candidate(s)", state, incoming.display, len(candidates))
        companies = {candidate.contact_id for candidate in candidates}
        if len(companies) == 1:
            # While it rings: the company (whoever of it calls) is then shown at once.
            self.windows.prefetch(companies.pop())
        toast = CallToast(incoming, candidates, state)
        toast.open_requested.connect(self._open_chosen)
        toast.search_requested.connect(self._on_search)
        if not candidates and self.on_miss is not None:
            # Before it shows: the lookup is on its way while the toast paints.
            self.on_miss(key, toast)
        if self.on_toast is not None:
            self.on_toast(key, toast)
        self.toasts.add(key, toast)
        self.windows.warm_up()
        if untracked or state is CallState.RINGING:
            # A call without an id never hears of its end; a ring may be all a hook sends.
            toast.schedule_dismiss(self._settings.ringing_timeout_s * 1000)
        self.auto_open(candidates)

    def auto_open(self, candidates: Sequence[Candidate]) -> None:
        """With "open automatically": the company when every candidate is of one (a
        switchboard: the window asks who called); a chooser stays for several companies."""
        if not self._settings.auto_open or len({c.contact_id for c in candidates}) != 1:
            return
        chosen = candidates[0] if len(candidates) == 1 else None
        contact_id, callers = candidates[0].contact_id, list(candidates) if chosen is None else []
        self._later(lambda: self.open_contact(contact_id, chosen, activate=False, callers=callers))

    def _open_chosen(self, chosen: Candidate) -> None:
        # A live hit's person whose company is still being looked up opens once it is known.
        if chosen.contact_id > 0:
            self.open_contact(chosen.contact_id, chosen)

    @staticmethod
    def _later(job: Callable[[], object]) -> None:
        """Run ``job`` once the event loop is free: the window takes a few frames to build, and
        the toast, and the summary's request (queued just before), must not wait for it."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            QTimer.singleShot(0, job)
            return
        # Behind the request's first step in asyncio's queue, so the request is on its way.
        loop.call_soon(job)

    def close_all(self) -> None:
        self.toasts.close_all()

    # -- contact windows ---------------------------------------------------------------------
    def open_contact(
        self,
        contact_id: int,
        caller: Candidate | None = None,
        *,
        activate: bool = True,
        callers: Sequence[Candidate] = (),
    ) -> ContactWindow:
        window = self.windows.open(contact_id, caller, activate=activate, callers=callers)
        if self.on_window is not None:
            self.on_window(window)
        return window
