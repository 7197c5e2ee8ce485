"""The open contact windows: one per company, each filled from SuperOffice behind the scenes.

A second call from the same company raises and refreshes its window instead of adding one.
Building a window takes a couple of frames, so once one has been opened the next is built
ahead, in an idle moment, and the next call's company moves into it. While the phone rings
the caller's summary can be fetched ahead (:meth:`ContactWindows.prefetch`), so the window
shows it as soon as it opens.
A summary fetched a few minutes ago (:class:`SummaryCache`) is shown at once and refreshed
behind it; when the refresh fails it stays, marked with its age. Only the latest fetch of a
window counts: an older answer that arrives late is dropped. Tickets are named by the tenant's
status list (:class:`TicketStatusBook`); a summary naming a status the list lacks asks for the
list again (rate-limited by the book), and open windows name their statuses anew when it comes.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QPoint, Qt, QTimer, Signal

from screenpop.core.errors import ScreenpopError
from screenpop.core.links import WebClientLinks
from screenpop.core.matching import Candidate
from screenpop.core.models import Ticket
from screenpop.core.summary_cache import SummaryCache
from screenpop.core.tasks import BackgroundTasks
from screenpop.core.ticket_status import TicketStatuses
from screenpop.superoffice.errors import NotFoundError
from screenpop.sync.ticket_statuses import TicketStatusBook
from screenpop.ui.i18n import arg

if TYPE_CHECKING:
    from screenpop.superoffice.client import SuperOfficeClient
    from screenpop.ui.contact_window import ContactWindow

log = logging.getLogger(__name__)

MAX_LIMIT = 1000
CASCADE_PX = 32
SPARE_DELAY_MS = 1500
HOLD_MS = 80
"""How long a window opened by a call waits for the summary fetched ahead before it is shown
loading: four or five frames, less than a person notices, more than a nearby tenant takes."""
# A summary fetched this recently is shown as it is when its window opens, not fetched again.
FRESH_S = 20.0

GeometryLoader = Callable[[], QByteArray | None]
GeometrySaver = Callable[[QByteArray], None]


def _window_class() -> type[ContactWindow]:
    # Imported when the first window is built: an app idle in the tray need not hold the
    # window's code (its tabs, tables and header, about 3 MB).
    from screenpop.ui.contact_window import ContactWindow

    return ContactWindow


def human_reason(err: ScreenpopError, contact_id: int) -> str:
    """What to tell the agent: the client's messages already say it, but a 404 needs context."""
    if isinstance(err, NotFoundError):
        text = QCoreApplication.translate(
            "ContactWindows", "SuperOffice has no contact %1: it may have been deleted or merged."
        )
        return arg(text, contact_id)
    return err.message


class ContactWindows(QObject):
    dial_requested = Signal(str)
    """A window's phone number was clicked."""

    def __init__(
        self,
        client: Callable[[], SuperOfficeClient],
        tasks: BackgroundTasks,
        *,
        limit: int,
        cache: SummaryCache | None = None,
        load_geometry: GeometryLoader | None = None,
        save_geometry: GeometrySaver | None = None,
        keep_spare: bool = False,
        statuses: TicketStatusBook | None = None,
        until_ready: Callable[[], Awaitable[object] | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        """``keep_spare``: build the next window ahead of time once one is open (the app does;
        tests that count windows need not). ``statuses``: the tenant's ticket status names.
        ``until_ready``: None when ``client`` can be had at once, else what to await first
        (the app's HTTP stack, loaded when the first call comes)."""
        super().__init__(parent)
        self._client = client
        self._until_ready = until_ready
        self._statuses = statuses
        if statuses is not None:
            statuses.add_listener(self._statuses_changed)
        self._tasks = tasks
        self._default_limit = max(1, limit)
        self.cache = cache if cache is not None else SummaryCache()
        self._load_geometry = load_geometry
        self._save_geometry = save_geometry
        self._windows: dict[int, ContactWindow] = {}
        self._limits: dict[int, int] = {}
        self._fetches: dict[int, asyncio.Task[None]] = {}
        self._spare: ContactWindow | None = None
        self._held: dict[ContactWindow, bool] = {}  # shown when their summary comes: activate
        self._keep_spare = keep_spare
        self._spare_timer = QTimer(self)
        self._spare_timer.setSingleShot(True)
        self._spare_timer.setInterval(SPARE_DELAY_MS)
        # The first window is built when first needed: an app idle in the tray need not hold one.
        self._spare_timer.timeout.connect(self._build_spare)

    # -- the app's interface -----------------------------------------------------------------
    def open(
        self,
        contact_id: int,
        caller: Candidate | None = None,
        *,
        activate: bool = True,
        callers: Sequence[Candidate] = (),
    ) -> ContactWindow:
        """Show the company's window (a new one, or the one already open) and refresh it.

        ``activate=False`` (a window opened by a call) shows it without taking the keyboard;
        ``callers``: a switchboard's people, for the window to ask which of them called.
        """
        window = self._windows.get(contact_id)
        if window is None:
            window = self._create(contact_id, caller)
            if contact_id in self._fetches:
                window.show_loading()  # fetched ahead, on its way: its answer fills the window
                if callers:
                    window.set_callers(callers)
                self._hold(window, activate)
                return window
            if self.cache.fresh(contact_id, FRESH_S) is None:
                self.refresh(contact_id)
        else:
            self._held.pop(window, None)  # shown now, as it is
            if caller is not None or callers:
                window.set_caller(caller)
            self.refresh(contact_id)
        if callers:
            window.set_callers(callers)
        # After the request is under way, so it travels while the window is drawn.
        self._present(window, activate)
        return window

    def set_limit(self, limit: int) -> None:
        """A new summary size (Settings): open windows load again at it, as do later ones."""
        limit = max(1, limit)
        if limit == self._default_limit:
            return
        self._default_limit = limit
        # Summaries remembered at the old size would be shown at it: forget them.
        self.cache.clear()
        for contact_id in list(self._windows):
            self._limits[contact_id] = limit
            self.refresh(contact_id)

    def warm_up(self) -> None:
        """A call rings: with ``keep_spare``, the first window (its code too) is built in an idle
        moment after the toast, so a click on the toast does not wait for it."""
        if self._keep_spare and self._spare is None and not self._spare_timer.isActive():
            self._spare_timer.start()

    def prefetch(self, contact_id: int) -> None:
        """Fetch the company's summary ahead, into the short-lived memory, if it is not there
        and not on its way (a window already open refreshes when it is opened again)."""
        if contact_id in self._windows or contact_id in self._fetches:
            return
        if self.cache.fresh(contact_id, FRESH_S) is not None:
            return
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return  # no loop to fetch with (a widget built outside the app): nothing ahead
        # Sent now, before the toast is built and painted, not at the loop's next turn (unless
        # the client is still being made: its first step would wait for it, holding the toast).
        self._fetch(contact_id, eager=self._until_ready() is None)

    async def check(self, contact_id: int) -> bool:
        """Whether SuperOffice has the contact: False only when it says it has not (offline,
        or not signed in, the window opens and says why it cannot load). The summary fetched
        on the way is kept, so the company's window shows it as soon as it opens."""
        if contact_id in self._windows or self.cache.fresh(contact_id, FRESH_S) is not None:
            return True
        limit = self._default_limit
        try:
            await self._ready()
            summary = await self._client().get_contact_summary(contact_id, limit)
        except NotFoundError:
            return False
        except ScreenpopError as err:
            log.info("could not check contact %d: %s", contact_id, err.message)
            return True
        self.cache.put(contact_id, summary, limit)
        self._name_unknown_statuses(summary.tickets)
        return True

    def refresh(self, contact_id: int) -> None:
        window = self._windows.get(contact_id)
        if window is not None:
            window.show_loading()
        self._fetch(contact_id)

    def window(self, contact_id: int) -> ContactWindow | None:
        return self._windows.get(contact_id)

    def windows(self) -> list[ContactWindow]:
        return list(self._windows.values())

    def close_all(self) -> None:
        for window in list(self._windows.values()):
            window.close()
        self._spare_timer.stop()
        if self._spare is not None:
            self._spare.deleteLater()
            self._spare = None

    # -- windows -----------------------------------------------------------------------------
    def _links(self) -> WebClientLinks | None:
        if self._until_ready() is not None:
            return None  # the client is being made: its load gives the window them (_ready)
        try:
            return self._client().links
        except ScreenpopError:
            return None

    def _ticket_statuses(self) -> TicketStatuses:
        if self._statuses is None or self._until_ready() is not None:
            return TicketStatuses()
        try:
            return self._statuses.statuses(self._client())
        except ScreenpopError:
            return TicketStatuses()

    def _statuses_changed(self) -> None:
        statuses = self._ticket_statuses()
        for window in self._windows.values():
            window.set_statuses(statuses)

    def _build_spare(self) -> None:
        if self._spare is None:
            spare = self._spare = _window_class()(0, None, None)
            # Built means polished and laid out too: what building it posted (polish and layout
            # requests, its views' queued calls) would otherwise wait for the next event the
            # loop handles, a pop's, and run between the toast and its window (~8 ms).
            spare.ensurePolished()
            for part in (spare, *spare.findChildren(QObject)):
                QCoreApplication.sendPostedEvents(part, 0)

    def _create(self, contact_id: int, caller: Candidate | None) -> ContactWindow:
        window, self._spare = self._spare, None
        if window is not None:
            window.assign(contact_id, caller, self._links())
            window.set_statuses(self._ticket_statuses())
        else:
            window = _window_class()(
                contact_id, caller, self._links(), statuses=self._ticket_statuses()
            )
        if self._keep_spare:
            self._spare_timer.start()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.refresh_requested.connect(lambda: self.refresh(contact_id))
        window.dial_requested.connect(self.dial_requested)
        window.more_requested.connect(lambda _key: self._more(contact_id))
        window.closed.connect(lambda: self._closing(window))
        window.destroyed.connect(lambda *_: self._forget(contact_id))
        self._restore_geometry(window)
        self._windows[contact_id] = window
        cached = self.cache.get(contact_id)
        self._limits[contact_id] = self._default_limit
        if cached is not None:
            # Seen minutes ago: show it now; the refresh that follows replaces it.
            self._limits[contact_id] = max(self._default_limit, cached.limit)
            window.show_summary(cached.summary, cached.limit, cached.fetched_at)
            log.info("summary of contact %d shown from memory", contact_id)
        return window

    def _restore_geometry(self, window: ContactWindow) -> None:
        state = self._load_geometry() if self._load_geometry else None
        if state is not None:
            window.restoreGeometry(state)
        if self._windows:
            # Several companies at once: cascade, so no window hides another exactly.
            step = CASCADE_PX * (len(self._windows) % 8)
            window.move(window.pos() + QPoint(step, step))

    def _closing(self, window: ContactWindow) -> None:
        self._held.pop(window, None)
        if self._save_geometry is not None:
            self._save_geometry(window.saveGeometry())

    def _forget(self, contact_id: int) -> None:
        self._windows.pop(contact_id, None)
        self._limits.pop(contact_id, None)

    def _hold(self, window: ContactWindow, activate: bool) -> None:
        """Show a new window whose summary is on its way when it comes, or after
        :data:`HOLD_MS`: filled at once rather than drawn loading and drawn again a moment
        later (and the answer need not wait behind that first drawing)."""
        self._held[window] = activate
        QTimer.singleShot(HOLD_MS, window, lambda: self._release(window))

    def _release(self, window: ContactWindow) -> None:
        activate = self._held.pop(window, None)
        if activate is not None:
            self._present(window, activate)

    @staticmethod
    def _present(window: ContactWindow, activate: bool) -> None:
        # A window opened by a call must not take the keyboard from an agent who is typing.
        window.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not activate)
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        if activate:
            window.activateWindow()

    # -- fetching ----------------------------------------------------------------------------
    def _more(self, contact_id: int) -> None:
        limit = self._limits.get(contact_id, self._default_limit)
        self._limits[contact_id] = min(MAX_LIMIT, limit * 2)
        self._fetch(contact_id)

    def _fetch(self, contact_id: int, *, eager: bool = False) -> None:
        previous = self._fetches.pop(contact_id, None)
        if previous is not None:
            previous.cancel()
        limit = self._limits.get(contact_id, self._default_limit)
        load = self._load(contact_id, limit)
        task = self._tasks.spawn(load, name=f"summary {contact_id}", eager=eager)
        self._fetches[contact_id] = task
        task.add_done_callback(lambda done: self._fetch_done(contact_id, done))

    def _fetch_done(self, contact_id: int, task: asyncio.Task[None]) -> None:
        if self._fetches.get(contact_id) is task:
            del self._fetches[contact_id]

    async def _ready(self) -> None:
        """The client, once it can be had; windows opened meanwhile get its links and the
        tenant's status names then."""
        waiting = self._until_ready()
        if waiting is None:
            return
        await waiting
        links, statuses = self._links(), self._ticket_statuses()
        for window in self._windows.values():  # all opened while it was being made
            window.set_links(links)
            window.set_statuses(statuses)

    async def _load(self, contact_id: int, limit: int) -> None:
        try:
            await self._ready()
            summary = await self._client().get_contact_summary(contact_id, limit)
        except ScreenpopError as err:
            window = self._windows.get(contact_id)
            if window is None:
                # Fetched ahead for a window nobody opened: nothing to tell anyone.
                log.info("summary of contact %d not fetched ahead: %s", contact_id, err.message)
                return
            log.warning("summary of contact %d failed: %s", contact_id, err.message)
            window.show_error(human_reason(err, contact_id))
            self._release(window)
            return
        entry = self.cache.put(contact_id, summary, limit)
        window = self._windows.get(contact_id)
        if window is not None:
            window.show_summary(summary, limit, entry.fetched_at)
            self._release(window)
            log.info("summary of contact %d shown", contact_id)
        self._name_unknown_statuses(summary.tickets)

    def _name_unknown_statuses(self, tickets: Sequence[Ticket]) -> None:
        ids = {ticket.status for ticket in tickets}
        if self._statuses is None or not self._ticket_statuses().unknown(ids):
            return
        book, client = self._statuses, self._client()
        self._tasks.spawn(book.refresh_for_unknown(client, ids), name="ticket statuses")
