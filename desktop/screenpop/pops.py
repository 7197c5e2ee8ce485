"""From a call event to what the agent sees: match, toast, contact window, summary fetch."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget

from screenpop.core.calls import CallEvent, CallState
from screenpop.core.errors import InvalidNumberError, ScreenpopError
from screenpop.core.matching import Candidate, match
from screenpop.core.phone import IncomingNumber, parse_incoming
from screenpop.core.tasks import BackgroundTasks
from screenpop.settings import PopMode, Settings
from screenpop.store.cache import CallerIdCache
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.ui.contact_window import ContactWindow
from screenpop.ui.toast import GAP as TOAST_GAP
from screenpop.ui.toast import CallToast

log = logging.getLogger(__name__)

MAX_TOASTS = 4
DISMISS_AFTER_END_MS = 8000


class PopController:
    """One toast per call (keyed by call id), one contact window per company."""

    def __init__(
        self,
        settings: Settings,
        cache: CallerIdCache,
        client: Callable[[], SuperOfficeClient],
        tasks: BackgroundTasks,
        on_search: Callable[[str], None],
    ) -> None:
        self._settings = settings
        self._cache = cache
        self._client = client
        self._tasks = tasks
        self._on_search = on_search
        self._toasts: dict[str, CallToast] = {}
        self._windows: dict[int, ContactWindow] = {}

    # -- calls -----------------------------------------------------------------------------

    def handle_call(self, event: CallEvent) -> None:
        try:
            incoming = parse_incoming(
                event.number, self._settings.home_region, self._settings.outside_line_prefix
            )
        except InvalidNumberError as err:
            log.warning("ignoring a call event: %s", err.message)
            return
        key = event.call_id or incoming.e164 or incoming.digits or event.number
        toast = self._toasts.get(key)
        if toast is not None:
            toast.set_state(event.state)
            if event.state is CallState.ENDED:
                QTimer.singleShot(DISMISS_AFTER_END_MS, toast, toast.close)
            return
        if not self._should_pop(event.state):
            return
        candidates = match(self._cache, incoming)
        log.info("call %s from %s: %d candidate(s)", event.state, incoming.display, len(candidates))
        self._show_toast(key, incoming, candidates, event.state)
        if self._settings.auto_open and len(candidates) == 1:
            self.open_contact(candidates[0].contact_id, candidates[0], activate=False)

    def _should_pop(self, state: CallState) -> bool:
        mode = self._settings.pop_mode
        if mode is PopMode.NEVER or state is CallState.ENDED:
            return False
        return mode is PopMode.RING or state is CallState.ANSWERED

    def _show_toast(
        self, key: str, incoming: IncomingNumber, candidates: list[Candidate], state: CallState
    ) -> None:
        while len(self._toasts) >= MAX_TOASTS:
            oldest = next(iter(self._toasts))
            self._toasts.pop(oldest).close()
        toast = CallToast(incoming, candidates, state)
        toast.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        toast.open_requested.connect(lambda c: self.open_contact(c.contact_id, c))
        toast.search_requested.connect(self._on_search)
        toast.destroyed.connect(lambda *_: self._forget_toast(key))
        toast.dismissed.connect(toast.close)
        self._toasts[key] = toast
        self._restack()
        toast.show()

    def _forget_toast(self, key: str) -> None:
        self._toasts.pop(key, None)
        self._restack()

    def _restack(self) -> None:
        """Oldest lowest; each toast above the real height of those below (choosers are taller)."""
        offset = 0
        for slot, toast in enumerate(self._toasts.values()):
            toast.place(slot, offset)
            offset += toast.height() + TOAST_GAP

    def close_all(self) -> None:
        for toast in list(self._toasts.values()):
            toast.close()

    # -- contact windows -------------------------------------------------------------------

    def open_contact(
        self, contact_id: int, caller: Candidate | None = None, *, activate: bool = True
    ) -> None:
        window = self._windows.get(contact_id)
        if window is None:
            try:
                links = self._client().tenant.links
            except ScreenpopError:
                links = None
            window = ContactWindow(contact_id, caller, links)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.refresh_requested.connect(lambda: self._fetch(contact_id))
            window.destroyed.connect(lambda *_: self._windows.pop(contact_id, None))
            self._windows[contact_id] = window
            window.show_loading()
        elif caller is not None:
            window.set_caller(caller)
        self._present(window, activate)
        self._fetch(contact_id)

    @staticmethod
    def _present(window: QWidget, activate: bool) -> None:
        # An auto-opened window must not take the keyboard from an agent who is typing.
        window.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not activate)
        window.show()
        window.raise_()
        if activate:
            window.activateWindow()

    def _fetch(self, contact_id: int) -> None:
        self._tasks.spawn(self._load_summary(contact_id), name=f"summary {contact_id}")

    async def _load_summary(self, contact_id: int) -> None:
        try:
            summary = await self._client().get_contact_summary(
                contact_id, self._settings.summary_limit
            )
        except ScreenpopError as err:
            window = self._windows.get(contact_id)
            if window is not None:
                window.show_error(err.message)
            log.warning("summary of contact %d failed: %s", contact_id, err.message)
            return
        window = self._windows.get(contact_id)
        if window is not None:
            window.show_summary(summary, self._settings.summary_limit)
            log.info("summary of contact %d shown", contact_id)
