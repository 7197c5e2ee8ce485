"""After the call, and before the next: call logging and click-to-dial, wired into the tray app.

The outbox (:mod:`screenpop.store.outbox`) and its sender follow the tracker's calls through
:class:`~screenpop.app.call_logging.CallLogging`; the tray says how many logs wait and opens
Call logs…; every number the contact windows and the Find dialog show dials through
:class:`~screenpop.app.dialing.Dialer`. An outbox that cannot be opened costs the logging of
this run (said once in the tray), nothing else.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices

from screenpop.app.call_flow import CallFlow
from screenpop.app.call_logging import CallLogging
from screenpop.app.dialing import Dialer
from screenpop.app.pops import PopController
from screenpop.app.softphone import Softphone
from screenpop.config.profile import Profile
from screenpop.config.settings import Settings
from screenpop.core.call_log import LogCalls
from screenpop.core.errors import ScreenpopError
from screenpop.core.tasks import BackgroundTasks
from screenpop.services.call_log_sender import CallLogSender, SenderHealth, SenderStatus
from screenpop.store.outbox import LogRow, Outbox, OutboxError
from screenpop.superoffice.appointments import task_list
from screenpop.ui.i18n import arg
from screenpop.ui.tray import TrayIcon
from screenpop.ui.widgets import bring_up

if TYPE_CHECKING:
    from screenpop.superoffice.client import SuperOfficeClient
    from screenpop.ui.outbox_dialog import OutboxDialog

log = logging.getLogger(__name__)


def call_logs_text(status: SenderStatus) -> str:
    """The tray's line: "Call logs waiting: 2 · refused: 1"; "" when nothing waits."""
    counts = status.counts
    parts = []
    # Counts after a colon: one form for any number, in every language.
    if counts.waiting:
        waiting = QCoreApplication.translate("CallServices", "Call logs waiting: %1")
        parts.append(arg(waiting, counts.waiting))
    if counts.refused:
        parts.append(arg(QCoreApplication.translate("CallServices", "refused: %1"), counts.refused))
    if counts.offered:
        offered = QCoreApplication.translate("CallServices", "not logged yet: %1")
        parts.append(arg(offered, counts.offered))
    if counts.waiting and status.health is SenderHealth.SIGN_IN_NEEDED:
        parts.append(QCoreApplication.translate("CallServices", "sign-in needed"))
    elif counts.waiting and status.health is SenderHealth.OFFLINE:
        parts.append(QCoreApplication.translate("CallServices", "SuperOffice cannot be reached"))
    return " · ".join(parts)


def _open_in_os(url: str) -> bool:
    return bool(QDesktopServices.openUrl(QUrl(url)))


class CallServices:
    def __init__(
        self,
        profile: Profile,
        settings: Callable[[], Settings],
        client: Callable[[], SuperOfficeClient],
        pops: PopController,
        calls: CallFlow,
        tray: TrayIcon,
        softphone: Softphone,
        tasks: BackgroundTasks,
        open_url: Callable[[str], bool] | None = None,
    ) -> None:
        """``open_url`` hands a ``tel:`` link to the OS (QDesktopServices where not given)."""
        self._settings = settings
        self._client = client
        self._tray = tray
        self._tasks = tasks
        self._dialog: OutboxDialog | None = None
        self.dialer = Dialer(softphone, settings, calls.handle, open_url or _open_in_os)
        self.logging: CallLogging | None = None
        self.sender: CallLogSender | None = None
        try:
            self.outbox: Outbox | None = Outbox(profile.outbox_file)
        except OutboxError as err:
            log.warning("calls are not logged this time: %s", err.message)
            self.outbox = None
            self._refused = err.message
            return
        self._refused = ""
        self.sender = CallLogSender(self.outbox, client, on_status=self._status, on_sent=self._sent)
        self.logging = CallLogging(self.outbox, self.sender, pops.windows, settings,
                                   pops.match_call)  # fmt: skip
        calls.tracker.subscribe(self.logging.on_update)
        calls.on_unseen_end = self.logging.unseen_end
        pops.on_toast = self.logging.attach_toast
        pops.on_window = self.logging.attach_window
        tray.call_logs_requested.connect(self.show_outbox)

    def start(self) -> None:
        if self._refused:
            self._tray.notify(
                QCoreApplication.translate("CallServices", "Call logging"), self._refused
            )
        if self.logging is not None:
            self.logging.start()

    async def stop(self) -> None:
        if self.logging is not None:
            await self.logging.stop()
        if self._dialog is not None:
            self._dialog.close()
        if self.outbox is not None:
            self.outbox.close()

    # -- dialling -----------------------------------------------------------------------------
    def dial(self, number: str) -> None:
        self._tasks.spawn(self._dial(number), name="dial")

    async def _dial(self, number: str) -> None:
        dialled = await self.dialer.dial(number)
        if not dialled.ok:
            self._tray.notify(
                arg(QCoreApplication.translate("CallServices", "Cannot call %1"), dialled.number),
                dialled.error,
            )

    # -- the tenant and the settings ------------------------------------------------------------
    def tenant_back(self) -> None:
        """SuperOffice answers again (a sync worked, a sign-in): logs waiting go now."""
        if self.sender is not None and self.sender.status.health in (
            SenderHealth.OFFLINE,
            SenderHealth.SIGN_IN_NEEDED,
        ):
            self.sender.kick(now=True)

    def settings_changed(self, changed: frozenset[str]) -> None:
        if self.sender is None:
            return
        if changed & {"log_task", "tenant_url", "user", "auth", "language"}:
            self.sender.forget_tasks()
        if changed & {"tenant_url", "user", "auth", "client_id"}:
            self.sender.kick(now=True)
        self._status(self.sender.status)

    async def task_names(self) -> list[str]:
        """The tenant's task list for Settings (raises ScreenpopError in one line)."""
        return [choice.name for choice in await task_list(self._client())]

    # -- what the sender says -------------------------------------------------------------------
    def _status(self, status: SenderStatus) -> None:
        on = self._settings().log_calls is not LogCalls.OFF or status.counts.total > 0
        self._tray.set_call_logs(call_logs_text(status) if on else "")
        if self.logging is not None:
            self.logging.status_changed(status)
        self._fill_dialog()

    def _sent(self, row: LogRow) -> None:
        if self.logging is not None:
            self.logging.sent(row)

    # -- Call logs… -----------------------------------------------------------------------------
    def show_outbox(self) -> None:
        if self._dialog is None:
            from screenpop.ui.outbox_dialog import OutboxDialog

            dialog = OutboxDialog()
            if self.logging is not None:
                dialog.log_requested.connect(self.logging.log_now)
                dialog.discard_requested.connect(self.logging.discard)
            dialog.finished.connect(lambda *_: setattr(self, "_dialog", None))
            self._dialog = dialog
        self._fill_dialog()
        bring_up(self._dialog)

    def _fill_dialog(self) -> None:
        if self._dialog is None:
            return
        if self.outbox is None or self.sender is None:
            self._dialog.show_rows([], self._refused)
            return
        try:
            rows = self.outbox.pending()
        except ScreenpopError as err:
            self._dialog.show_rows([], err.message)
            return
        status = self.sender.status
        summary = status.detail if status.health is not SenderHealth.IDLE else ""
        self._dialog.show_rows(rows, summary)
