"""From a call event to what the agent sees: match, toast, contact window.

One call is one toast, keyed by the call's id: later events of the call update it (answered,
ended) and never add another, even after the agent dismissed it. The settings decide when a
call pops (on ring, on answer, never) and whether its company's window opens by itself; Do not
disturb suppresses both. When the number belongs to one company, its summary is fetched while
the phone rings, so the window has it when it opens.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer

from screenpop.config.settings import PopMode, Settings
from screenpop.core.calls import CallEvent, CallState
from screenpop.core.errors import InvalidNumberError
from screenpop.core.matching import Candidate, match
from screenpop.core.phone import IncomingNumber, parse_incoming
from screenpop.store.cache import CallerIdCache
from screenpop.ui.contact_window import ContactWindow
from screenpop.ui.contact_windows import ContactWindows
from screenpop.ui.toast import CallToast
from screenpop.ui.toast_stack import DEFAULT_MAX_TOASTS, ToastStack, TrayGeometry

log = logging.getLogger(__name__)

MAX_TOASTS = DEFAULT_MAX_TOASTS
DISMISS_AFTER_END_MS = 5_000
# A call without an id (a `tel:` link, a softphone hook that only runs on ringing) never hears
# of its end: its toast leaves after about as long as a phone rings.
DISMISS_UNTRACKED_MS = 45_000
_REMEMBERED_CALLS = 256


@dataclass(slots=True)
class _Call:
    popped: bool = False
    ended: bool = False


class PopController:
    """One toast per call (keyed by call id), one contact window per company."""

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
        self._do_not_disturb = settings.do_not_disturb
        self.toasts = ToastStack(max_toasts, tray_geometry)
        # Calls with an id that have been seen, so a dismissed pop does not come back and a
        # late event of an ended call does not bring one.
        self._calls: OrderedDict[str, _Call] = OrderedDict()

    # -- settings ----------------------------------------------------------------------------
    def set_settings(self, settings: Settings) -> None:
        self._settings = settings
        self._do_not_disturb = settings.do_not_disturb

    @property
    def do_not_disturb(self) -> bool:
        return self._do_not_disturb

    def set_do_not_disturb(self, on: bool) -> None:
        self._do_not_disturb = on
        log.info("do not disturb %s", "on" if on else "off")

    # -- calls -------------------------------------------------------------------------------
    def _parse(self, event: CallEvent) -> IncomingNumber | None:
        try:
            return parse_incoming(
                event.number, self._settings.home_region, self._settings.outside_line_prefix
            )
        except InvalidNumberError as err:
            log.warning("ignoring a call event: %s", err.message)
            return None

    def match_call(self, event: CallEvent) -> tuple[IncomingNumber, list[Candidate]] | None:
        """The event's number as parsed and who it may be, best first (for the call history,
        which records calls whether or not they pop); None for junk."""
        incoming = self._parse(event)
        return None if incoming is None else (incoming, match(self._cache, incoming))

    def handle_call(
        self,
        event: CallEvent,
        matched: tuple[IncomingNumber, list[Candidate]] | None = None,
    ) -> None:
        """Pop, update or end the call's toast; ``matched`` is :meth:`match_call`'s answer
        where the caller has it already (the match is not made twice)."""
        incoming = matched[0] if matched is not None else self._parse(event)
        if incoming is None:
            return
        key = event.call_id or incoming.e164 or incoming.digits or event.number
        call = self._remember(key) if event.call_id else _Call()
        if call.ended:
            return  # a late event of a call that is over (events arrive out of order)
        call.ended = event.state is CallState.ENDED
        toast = self.toasts.get(key)
        if toast is not None:
            toast.set_state(event.state)
            if call.ended:
                toast.schedule_dismiss(DISMISS_AFTER_END_MS)
            return
        if call.ended or call.popped or not self._should_pop(event.state):
            return
        # Once a call is past the point where it would pop, it never pops later (an answer
        # after a ring that Do not disturb kept quiet stays quiet too).
        call.popped = True
        if self._do_not_disturb:
            log.info("call %s from %s not shown: do not disturb", event.state, incoming.display)
            return
        candidates = matched[1] if matched is not None else match(self._cache, incoming)
        log.info("call %s from %s: %d candidate(s)", event.state, incoming.display, len(candidates))
        companies = {candidate.contact_id for candidate in candidates}
        if len(companies) == 1:
            # While it rings: the company (whoever of it calls) is then shown at once.
            self.windows.prefetch(companies.pop())
        self._show_toast(key, incoming, candidates, event)
        if self._settings.auto_open and len(candidates) == 1:
            chosen = candidates[0]
            self._later(lambda: self.open_contact(chosen.contact_id, chosen, activate=False))

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

    def _remember(self, key: str) -> _Call:
        call = self._calls.get(key)
        if call is None:
            call = self._calls[key] = _Call()
            while len(self._calls) > _REMEMBERED_CALLS:
                self._calls.popitem(last=False)
        return call

    def _should_pop(self, state: CallState) -> bool:
        mode = self._settings.pop_mode
        if mode is PopMode.NEVER or state is CallState.ENDED:
            return False
        return mode is PopMode.RING or state is CallState.ANSWERED

    def _show_toast(
        self, key: str, incoming: IncomingNumber, candidates: list[Candidate], event: CallEvent
    ) -> None:
        toast = CallToast(incoming, candidates, event.state)
        toast.open_requested.connect(lambda c: self.open_contact(c.contact_id, c))
        toast.search_requested.connect(self._on_search)
        self.toasts.add(key, toast)
        if not event.call_id:
            toast.schedule_dismiss(DISMISS_UNTRACKED_MS)

    def close_all(self) -> None:
        self.toasts.close_all()

    # -- contact windows ---------------------------------------------------------------------
    def open_contact(
        self, contact_id: int, caller: Candidate | None = None, *, activate: bool = True
    ) -> ContactWindow:
        return self.windows.open(contact_id, caller, activate=activate)
