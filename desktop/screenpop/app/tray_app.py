"""The tray app: composition of settings, cache, services, triggers and windows.

Windows and dialogs are built when first needed (the main window only where there is no tray
or Screenpop is started again), so the app idles in the tray with little more than it needs
to pop a call.
"""

from __future__ import annotations

import asyncio
import logging
import subprocess
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer, QUrl
from PySide6.QtGui import QDesktopServices

from screenpop.app.call_flow import PRUNE_EVERY_MS, CallFlow, open_history
from screenpop.app.call_services import CallServices
from screenpop.app.heap import release_freed_memory
from screenpop.app.lazy_http import LazyHttp
from screenpop.app.live_pops import LivePops
from screenpop.app.pops import PopController, pop_rules
from screenpop.app.settings_watch import SettingsWatch
from screenpop.app.setup_flow import SetupFlow
from screenpop.app.softphone import Softphone
from screenpop.app.sync_process import sync_as_app
from screenpop.app.sync_state import tray_state
from screenpop.config.profile import Profile
from screenpop.config.settings import Settings
from screenpop.config.settings_files import load_settings, save_setting, system_settings_file
from screenpop.core.calls import CallEvent
from screenpop.core.errors import ConfigError, ScreenpopError
from screenpop.core.matching import Candidate, MatchedBy, rank
from screenpop.core.recent import RecentCall
from screenpop.core.tasks import BackgroundTasks
from screenpop.integration.identity import app_command
from screenpop.store.cache import CallerIdCache
from screenpop.sync.result import META_COUNT, SyncResult
from screenpop.sync.scheduler import SyncHealth, SyncScheduler, SyncStatus
from screenpop.sync.ticket_statuses import TicketStatusBook
from screenpop.triggers.messages import Dial, Message, OpenContact, ShowApp, SyncNow
from screenpop.ui.contact_windows import ContactWindows
from screenpop.ui.i18n import install_translations
from screenpop.ui.tray import TrayIcon, TrayState
from screenpop.ui.widgets import bring_up
from screenpop.ui.window_state import load_window_state, save_window_state

if TYPE_CHECKING:
    import httpx

    from screenpop.services.connection import Connection
    from screenpop.superoffice.bearer import OnlineSession
    from screenpop.superoffice.client import SuperOfficeClient
    from screenpop.ui.about import AboutDialog
    from screenpop.ui.find_dialog import FindDialog
    from screenpop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

_TRAY_RETRY_MS = 3000
# Settings that make the client anew: where the tenant is and how to sign in to it.
_CONNECTION = frozenset({"tenant_url", "auth", "user", "client_id", "environment", "ca_file"})
# Settings that decide what the cache holds (the E.164 forms depend on the home region).
_CACHED_SET = frozenset({"region", "selection_id", "min_days"})
_SOFTPHONE = frozenset({"baresip", "baresip_allow_remote"})
_CONTACT_GEOMETRY = "contact"


class ScreenpopApp:
    """Owns the long-lived parts; lives as long as the tray."""

    def __init__(
        self, profile: Profile, settings: Settings, demo: bool, language: str = "en"
    ) -> None:
        self.profile = profile
        self.settings = settings
        self.demo = demo
        # The UI's language, which SuperOffice answers in too (Accept-Language, SO-Language).
        self.language = language
        self.quit_requested = asyncio.Event()
        self.tasks = BackgroundTasks()
        # Made when first needed (a call, a sign-in): the sync runs in a process of its own,
        # so an app idle in the tray holds no HTTP stack.
        self._http = LazyHttp(lambda: self.settings)
        self._connection: Connection | None = None
        self.cache = CallerIdCache(profile.cache_file)
        self.tray = TrayIcon()
        self._main_window: MainWindow | None = None
        # What the main window shows, for when it is first built.
        self._front_state: tuple[TrayState, str, datetime | None] = (TrayState.SYNCING, "", None)
        self._recent: Sequence[RecentCall] = ()
        self.statuses = TicketStatusBook(profile.ticket_statuses_file)
        self.windows = ContactWindows(
            self.client,
            self.tasks,
            limit=settings.summary_limit,
            load_geometry=lambda: load_window_state(profile, _CONTACT_GEOMETRY),
            save_geometry=lambda state: save_window_state(profile, _CONTACT_GEOMETRY, state),
            keep_spare=True,
            statuses=self.statuses,
            until_ready=self._http.until_ready,
        )
        self.pops = PopController(
            settings, self.cache, self.windows, self.find, tray_geometry=self.tray.geometry
        )
        self.calls = CallFlow(
            self.pops,
            open_history(profile.history_file),
            self.tasks,
            self.set_recent_calls,
            pop_rules(settings),
        )
        self.live_pops = LivePops.compose(
            self.pops, self.client, self.cache, profile, self.tasks, lambda: self.settings,
            _open_in_browser,
        )  # fmt: skip
        self._prune = QTimer()
        self._prune.setInterval(PRUNE_EVERY_MS)
        self._prune.timeout.connect(self.calls.prune)
        self.softphone = Softphone(self.handle, self.tray.set_softphone, self._softphone_refused)
        self.after_call = CallServices(profile, lambda: self.settings, self.client, self.pops,
                                       self.calls, self.tray, self.softphone,
                                       self.tasks)  # fmt: skip
        self.windows.dial_requested.connect(self.after_call.dial)
        self.scheduler = SyncScheduler(
            self._sync, self._on_sync_status, interval_s=settings.sync_interval_minutes * 60
        )
        self._find_dialog: FindDialog | None = None
        self._about_dialog: AboutDialog | None = None
        self.setup = SetupFlow(
            profile,
            lambda: self.settings,
            self.apply_settings,
            lambda: self.http,
            self.tasks,
            _open_in_browser,
            task_names=self.after_call.task_names,
        )
        self._settings_watch: SettingsWatch | None = None
        self._tray_shown = False
        self._tray_retry = QTimer()
        self._tray_retry.setSingleShot(True)
        self._tray_retry.setInterval(_TRAY_RETRY_MS)
        self._tray_retry.timeout.connect(self._show_tray)

    @property
    def http(self) -> httpx.AsyncClient:
        return self._http.get()

    @http.setter
    def http(self, client: httpx.AsyncClient) -> None:
        self._http.use(client)

    def client(self) -> SuperOfficeClient:
        if self._connection is None:
            from screenpop.services.connection import make_connection

            self._connection = make_connection(self.settings, self.http, language=self.language)
        return self._connection.client

    async def sign_in(self) -> None:
        """SuperOffice Online: the browser sign-in, then a sync with the new token."""
        try:
            session = self._session()
        except ScreenpopError as err:
            self.tray.notify(QCoreApplication.translate("ScreenpopApp", "Sign-in"), err.message)
            return
        if session is None:
            return  # Onsite: the stored password is the sign-in
        try:
            await session.sign_in(_open_in_browser)
        except ScreenpopError as err:
            log.warning("sign-in failed: %s", err.message)
            self.tray.notify(
                QCoreApplication.translate("ScreenpopApp", "Sign-in failed"), err.message
            )
            return
        self.scheduler.sync_now()
        self.after_call.tenant_back()

    async def _sync(self) -> SyncResult:
        result = await sync_as_app(self.profile, self.settings, self.language, self._session)
        self.statuses.reload()  # the child may have fetched a newer status list
        return result

    def _session(self) -> OnlineSession | None:
        self.client()
        return self._connection.session if self._connection else None

    @property
    def main_window(self) -> MainWindow:
        """The tray's menu as a window, built when first needed (no tray yet, or Screenpop
        started again) and showing what the tray shows."""
        if self._main_window is None:
            from screenpop.ui.main_window import MainWindow

            window = MainWindow()
            self._wire(window)
            window.set_tray_available(self._tray_shown or self.tray.is_available())
            window.set_state(*self._front_state)
            window.set_do_not_disturb(self.settings.do_not_disturb)
            window.set_recent_calls(self._recent)
            self._main_window = window
        return self._main_window

    def _wire(self, front: TrayIcon | MainWindow) -> None:
        # The tray menu and the main window offer the same actions, wired the same way.
        front.find_requested.connect(lambda: self.find(""))
        front.sync_requested.connect(self.scheduler.sync_now)
        front.quit_requested.connect(self.quit_requested.set)
        front.about_requested.connect(self._about)
        front.settings_requested.connect(self.setup.open_settings)
        front.do_not_disturb_toggled.connect(self.set_do_not_disturb)
        front.recent_call_chosen.connect(self.reopen)

    def start(self) -> None:
        self._wire(self.tray)
        self.tray.sign_in_requested.connect(
            lambda: self.tasks.spawn(self.sign_in(), name="sign-in")
        )
        self.tray.simulate_requested.connect(
            lambda number: self.handle(CallEvent(number, source="simulated"))
        )
        self._show_state(TrayState.SYNCING, f"{self._cached_count():,} caller IDs, syncing…")
        self._show_do_not_disturb(self.settings.do_not_disturb)
        self._show_tray()
        self.scheduler.start()
        self._prune.start()
        self.tasks.spawn(self.calls.load_recent(), name="recent calls")
        self.softphone.start(self.settings)
        self.after_call.start()
        self.watch_settings()
        if not self.settings.tenant_url and not self.demo:
            # From install to first pop: ask for the tenant rather than show "offline".
            self.setup.open_first_run(self._switch_to_demo)

    def watch_settings(self) -> None:
        """Follow the settings files: `screenpop configure`, an edit by hand, IT's rollout."""
        self._settings_watch = SettingsWatch(
            [self.profile.settings_file, system_settings_file()], self.reload_settings
        )

    def _switch_to_demo(self) -> None:
        """ "Try the demo instead": the demo runs with a profile of its own; this one ends."""
        subprocess.Popen(
            [*app_command(), "demo"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.quit_requested.set()

    def _show_tray(self) -> None:
        available = self.tray.is_available()
        if self._main_window is not None:
            self._main_window.set_tray_available(available)
        if available:
            self.tray.show()
            self._tray_shown = True
            return
        if not self._tray_shown and not self.main_window.isVisible():
            # Never unreachable: the window offers what the tray menu would.
            log.info("no system tray yet; showing the main window and retrying")
            self.main_window.bring_forward()
        # Trays appear late at login (and GNOME has none without an extension): keep trying.
        self._tray_retry.start()

    async def stop(self) -> None:
        if self._settings_watch is not None:
            self._settings_watch.stop()
        self._tray_retry.stop()
        self._prune.stop()
        await self.after_call.stop()
        await self.softphone.stop()
        await self.scheduler.stop()
        await self.tasks.cancel_all()
        await self.live_pops.close()
        self.calls.close()
        self.pops.close_all()
        self.windows.close_all()
        self.setup.close()
        for dialog in (self._find_dialog, self._about_dialog):
            if dialog is not None:
                dialog.close()
        if self._main_window is not None:
            self._main_window.hide()
        self.tray.hide()
        made = self._http.take()
        if made is not None:
            await made.aclose()
        self.cache.close()

    # -- events ----------------------------------------------------------------------------

    def handle(self, message: Message) -> None:
        if isinstance(message, CallEvent | OpenContact | Dial):
            self._http.warm_up()
        if isinstance(message, CallEvent):
            self.calls.handle(message)
        elif isinstance(message, OpenContact):
            self.pops.open_contact(message.contact_id)
        elif isinstance(message, ShowApp):
            # Started again: the user is looking for the app, so bring its window forward.
            self.main_window.bring_forward()
        elif isinstance(message, SyncNow):
            self.scheduler.sync_now()
        elif isinstance(message, Dial):
            self.after_call.dial(message.number)

    def set_recent_calls(self, calls: Sequence[RecentCall]) -> None:
        """Feed Recent calls (newest first) to the tray menu and the main window."""
        self._recent = calls
        self.tray.set_recent_calls(calls)
        if self._main_window is not None:
            self._main_window.set_recent_calls(calls)

    def reopen(self, call: RecentCall) -> None:
        """A recent call chosen: its company again, or a search for an unknown number."""
        if call.contact_id is None or call.contact_id <= 0:
            self.find(call.number)
            return
        self.pops.open_contact(call.contact_id, self.calls.recent_caller(call))

    def set_do_not_disturb(self, on: bool) -> None:
        log.info("do not disturb %s", "on" if on else "off")
        self._show_do_not_disturb(on)
        self.settings = replace(self.settings, do_not_disturb=on)
        self.calls.set_rules(pop_rules(self.settings))
        try:
            save_setting(self.profile, "do_not_disturb", on)
        except ConfigError as err:
            log.warning("do not disturb not kept: %s", err.message)

    def _show_do_not_disturb(self, on: bool) -> None:
        self.tray.set_do_not_disturb(on)
        if self._main_window is not None:
            self._main_window.set_do_not_disturb(on)

    def reload_settings(self) -> None:
        """The settings files changed on disk (`screenpop configure`, IT): follow them."""
        try:
            self.apply_settings(load_settings(self.profile))
        except ScreenpopError as err:
            log.warning("settings not reloaded: %s", err.message)

    def apply_settings(self, chosen: Settings) -> None:
        """New settings (kept by the dialog, or changed on disk): every part that uses one
        follows it at once."""
        before, self.settings = self.settings, chosen
        changed = chosen.changed_from(before)
        if not changed:
            return
        log.info("settings changed: %s", ", ".join(sorted(changed)))
        self.pops.set_settings(chosen)
        self.calls.set_rules(pop_rules(chosen))
        self._show_do_not_disturb(chosen.do_not_disturb)
        self.windows.set_limit(chosen.summary_limit)
        self.scheduler.set_interval(chosen.sync_interval_minutes * 60)
        if "language" in changed:
            self._use_language(chosen.language)
        if changed & (_CONNECTION | _CACHED_SET):
            self.live_pops.forget()  # answers of another tenant, or read in another region
        if changed & _CONNECTION:
            self._reconnect(ca_changed="ca_file" in changed)
        elif changed & _CACHED_SET:
            self.scheduler.sync_now()
        if changed & _SOFTPHONE:
            self.tasks.spawn(self.softphone.restart(chosen), name="softphone")
        self.after_call.settings_changed(changed)

    def _use_language(self, language: str) -> None:
        """Later windows, the tray menu and the main window speak it; so does SuperOffice."""
        app = QCoreApplication.instance()
        if app is not None:
            self.language = install_translations(app, language)
        self.tray.retranslate()
        if self._main_window is not None:
            self._main_window.retranslate()
        self._connection = None  # the next request asks SuperOffice in the new language

    def _reconnect(self, *, ca_changed: bool) -> None:
        self._connection = None
        old = self._http.take() if ca_changed else None
        if old is not None:
            # The next request makes it anew, trusting the new CA file.
            self.tasks.spawn(old.aclose(), name="old HTTP client")
        self.scheduler.sync_now()

    def _softphone_refused(self, reason: str) -> None:
        self.tray.notify(QCoreApplication.translate("ScreenpopApp", "Softphone"), reason)

    def find(self, text: str) -> None:
        if self._find_dialog is None:
            from screenpop.ui.find_dialog import FindDialog

            dialog = FindDialog(self._search)
            dialog.open_requested.connect(lambda c: self.pops.open_contact(c.contact_id, c))
            dialog.dial_requested.connect(self.after_call.dial)
            self._find_dialog = dialog
        bring_up(self._find_dialog)
        if text:
            self._find_dialog.search_edit.setText(text)

    def _search(self, text: str) -> list[Candidate]:
        return rank(self.cache.search(text), MatchedBy.EXACT)

    def _about(self) -> None:
        if self._about_dialog is None:
            from screenpop.ui.about import AboutDialog

            self._about_dialog = AboutDialog()
        bring_up(self._about_dialog)

    def _cached_count(self, status: SyncStatus | None = None) -> int:
        # From the sync's own figures: COUNT(*) over a million rows would stall the UI thread.
        if status is not None and status.last_result is not None:
            return status.last_result.total
        return int(self.cache.meta(META_COUNT) or 0)

    def _on_sync_status(self, status: SyncStatus) -> None:
        state, detail = tray_state(status, self._cached_count(status))
        self._show_state(state, detail, status.last_success)
        if status.health not in (SyncHealth.SYNCING, SyncHealth.NEVER):
            # What start-up or the sync freed, back to the OS (off the UI thread: after a
            # million entries that takes a while).
            self.tasks.spawn(asyncio.to_thread(release_freed_memory), name="heap")
        if status.health is SyncHealth.SYNCED:
            self.after_call.tenant_back()
        if self.demo and status.health is SyncHealth.SYNCED:
            # The demo's CRM data (several MB of code and tables) only where it runs.
            from screenpop.app.demo_callers import demo_callers

            self.tray.set_demo_numbers(demo_callers(self.cache))

    def _show_state(self, state: TrayState, detail: str, last_sync: datetime | None = None) -> None:
        self._front_state = (state, detail, last_sync)
        self.tray.set_state(state, detail, last_sync)
        if self._main_window is not None:
            self._main_window.set_state(state, detail, last_sync)


def _open_in_browser(url: str) -> None:
    QDesktopServices.openUrl(QUrl(url))
