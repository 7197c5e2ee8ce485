"""The tray app: composition of settings, cache, services, triggers and windows."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from datetime import UTC, datetime

import qasync
from PySide6.QtCore import QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from screenpop import __version__
from screenpop.connection import make_client
from screenpop.core.calls import CallEvent
from screenpop.core.errors import ScreenpopError
from screenpop.core.matching import Candidate, MatchedBy, rank
from screenpop.core.tasks import BackgroundTasks
from screenpop.pops import PopController
from screenpop.profile import Profile
from screenpop.resources import resource_path
from screenpop.settings import Settings, load_settings
from screenpop.store.cache import CallerIdCache
from screenpop.superoffice.client import SuperOfficeClient, make_http_client
from screenpop.sync.caller_ids import (
    META_COUNT,
    SyncResult,
    sync_caller_ids,
    update_search_index,
)
from screenpop.sync.scheduler import SyncHealth, SyncScheduler, SyncStatus
from screenpop.triggers.messages import Message, OpenContact, ShowApp
from screenpop.triggers.single_instance import InstanceServer, send, server_name
from screenpop.ui.about import AboutDialog
from screenpop.ui.find_dialog import FindDialog
from screenpop.ui.tray import TrayIcon, TrayState

log = logging.getLogger(__name__)

_TRAY_RETRY_MS = 3000
_HEALTH_TO_TRAY = {
    SyncHealth.NEVER: TrayState.SYNCING,
    SyncHealth.SYNCING: TrayState.SYNCING,
    SyncHealth.SYNCED: TrayState.SYNCED,
    SyncHealth.OFFLINE: TrayState.OFFLINE,
    SyncHealth.SIGN_IN_NEEDED: TrayState.SIGN_IN_NEEDED,
}


def _qt_messages_to_log(kind: QtMsgType, _context: object, message: str) -> None:
    level = logging.DEBUG if kind == QtMsgType.QtDebugMsg else logging.WARNING
    logging.getLogger("qt").log(level, "%s", message)


def _age(moment: datetime | None) -> str:
    if moment is None:
        return "not synced yet"
    minutes = int((datetime.now(UTC) - moment).total_seconds() // 60)
    return "synced just now" if minutes < 1 else f"synced {minutes} min ago"


class ScreenpopApp:
    """Owns the long-lived parts; lives as long as the tray."""

    def __init__(self, profile: Profile, settings: Settings, demo: bool) -> None:
        self.profile = profile
        self.settings = settings
        self.demo = demo
        self.quit_requested = asyncio.Event()
        self.tasks = BackgroundTasks()
        self.http = make_http_client()
        self._client: SuperOfficeClient | None = None
        self.cache = CallerIdCache(profile.cache_file)
        self.tray = TrayIcon()
        self.pops = PopController(settings, self.cache, self.client, self.tasks, self.find)
        self.scheduler = SyncScheduler(
            self._sync, self._on_sync_status, interval_s=settings.sync_interval_minutes * 60
        )
        self._find_dialog: FindDialog | None = None
        self._about_dialog: AboutDialog | None = None

    def client(self) -> SuperOfficeClient:
        if self._client is None:
            self._client = make_client(self.settings, self.http)
        return self._client

    async def _sync(self) -> SyncResult:
        result = await sync_caller_ids(
            self.client(),
            self.profile.cache_file,
            self.settings.home_region,
            **self.settings.sync_options(),
        )
        # The set is ready for pops already; Find's name index catches up behind it.
        await update_search_index(self.profile.cache_file)
        return result

    def start(self) -> None:
        tray = self.tray
        tray.find_requested.connect(lambda: self.find(""))
        tray.sync_requested.connect(self.scheduler.sync_now)
        tray.quit_requested.connect(self.quit_requested.set)
        tray.about_requested.connect(self._about)
        tray.simulate_requested.connect(
            lambda number: self.handle(CallEvent(number, source="simulated"))
        )
        tray.set_state(TrayState.SYNCING, f"{self._cached_count():,} caller IDs, syncing…")
        self._show_tray()
        self.scheduler.start()

    def _show_tray(self) -> None:
        if self.tray.is_available():
            self.tray.show()
            return
        # Trays appear late at login (and GNOME has none without an extension): keep trying.
        log.info("no system tray yet; retrying")
        QTimer.singleShot(_TRAY_RETRY_MS, self._show_tray)

    async def stop(self) -> None:
        await self.scheduler.stop()
        await self.tasks.cancel_all()
        self.pops.close_all()
        await self.http.aclose()
        self.cache.close()

    # -- events ----------------------------------------------------------------------------

    def handle(self, message: Message) -> None:
        if isinstance(message, CallEvent):
            self.pops.handle_call(message)
        elif isinstance(message, OpenContact):
            self.pops.open_contact(message.contact_id)
        elif isinstance(message, ShowApp):
            self.find("")

    def find(self, text: str) -> None:
        if self._find_dialog is None:
            dialog = FindDialog(self._search)
            dialog.open_requested.connect(lambda c: self.pops.open_contact(c.contact_id, c))
            self._find_dialog = dialog
        self._find_dialog.show()
        self._find_dialog.raise_()
        self._find_dialog.activateWindow()
        if text:
            self._find_dialog.search_edit.setText(text)

    def _search(self, text: str) -> list[Candidate]:
        return rank(self.cache.search(text), MatchedBy.EXACT)

    def _about(self) -> None:
        if self._about_dialog is None:
            self._about_dialog = AboutDialog()
        self._about_dialog.show()
        self._about_dialog.raise_()

    def _cached_count(self, status: SyncStatus | None = None) -> int:
        # From the sync's own figures: COUNT(*) over a million rows would stall the UI thread.
        if status is not None and status.last_result is not None:
            return status.last_result.total
        return int(self.cache.meta(META_COUNT) or 0)

    def _on_sync_status(self, status: SyncStatus) -> None:
        count = self._cached_count(status)
        if status.health is SyncHealth.SYNCED:
            detail = f"{count:,} caller IDs, {_age(status.last_success)}"
        elif status.health in (SyncHealth.SYNCING, SyncHealth.NEVER):
            detail = f"{count:,} caller IDs, syncing…"
        else:
            detail = f"{status.error} — {count:,} cached caller IDs still work"
        self.tray.set_state(_HEALTH_TO_TRAY[status.health], detail)
        if self.demo and status.health is SyncHealth.SYNCED:
            self.tray.set_demo_numbers(demo_callers(self.cache))


def demo_callers(cache: CallerIdCache) -> list[tuple[str, str]]:
    """A few callers to ring from the tray in the demo: a person, a switchboard, a stranger."""
    entries = cache.sample(400)
    picks: list[tuple[str, str]] = []
    by_number: dict[str, int] = {}
    for entry in entries:
        by_number[entry.e164] = by_number.get(entry.e164, 0) + 1
    person = next((e for e in entries if not e.caller.is_company and by_number[e.e164] == 1), None)
    shared = next((e for e in entries if by_number[e.e164] > 2), None)
    company = next((e for e in entries if e.caller.is_company and by_number[e.e164] == 1), None)
    if person:
        picks.append((f"{person.caller.person_name} ({person.caller.contact_name})", person.e164))
    if shared:
        picks.append((f"Switchboard of {shared.caller.contact_name}", shared.e164))
    if company:
        picks.append((f"{company.caller.contact_name} (company number)", company.e164))
    picks.append(("Unknown caller", "+4721000000"))
    return picks


def _quit_on_signals(quit_requested: asyncio.Event) -> QTimer:
    """SIGTERM (logout, `kill`) and Ctrl+C end the app cleanly instead of killing it mid-write."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: quit_requested.set())
    # Python runs signal handlers only between bytecodes; this heartbeat lets it while Qt idles.
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(250)
    return heartbeat


def run_app(profile: Profile, *, verbose: bool = False, demo: bool = False) -> int:
    """Start the tray app. Order: paths and logging (done by the CLI), settings,
    single instance, QApplication + asyncio loop, services, tray."""
    settings = load_settings(profile)
    qInstallMessageHandler(_qt_messages_to_log)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Screenpop")
    app.setApplicationVersion(__version__)
    app.setQuitOnLastWindowClosed(False)
    app.setWindowIcon(QIcon(str(resource_path("icons", "screenpop.svg"))))

    server = InstanceServer(server_name(profile.instance_key))
    if not server.listen():
        # Another instance owns this profile: bring it forward instead.
        send(server.name, ShowApp())
        log.info("another instance is running; handed over to it")
        return 0

    async def main() -> None:
        screenpop = ScreenpopApp(profile, settings, demo)
        server.message_received.connect(screenpop.handle)
        heartbeat = _quit_on_signals(screenpop.quit_requested)
        try:
            screenpop.client()
        except ScreenpopError as err:
            log.warning("not ready to talk to SuperOffice: %s", err.message)
        screenpop.start()
        log.info("Screenpop %s started with profile %s", __version__, profile.root)
        await screenpop.quit_requested.wait()
        heartbeat.stop()
        server.close()
        await screenpop.stop()

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(main())
    return 0
