"""The tray icon: sync health and Do not disturb at a glance, and the app's menu."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject, QRect, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from screenpop.core.recent import RecentCall
from screenpop.ui.i18n import QT_TRANSLATE_NOOP, arg
from screenpop.ui.icons import load_icon, overlaid_icon
from screenpop.ui.recent_calls import fill_recent_menu
from screenpop.ui.text import mnemonic_safe, one_line, when_text

APP_NAME = "Screenpop"
MESSAGE_MS = 8_000
DND_OVERLAY = "tray-dnd"
DND_TEXT = QT_TRANSLATE_NOOP("TrayIcon", "Do not disturb")


class TrayState(StrEnum):
    SYNCED = "synced"
    SYNCING = "syncing"
    OFFLINE = "offline"
    SIGN_IN_NEEDED = "sign-in-needed"


ICON_NAMES = {
    TrayState.SYNCED: "tray-synced",
    TrayState.SYNCING: "tray-syncing",
    TrayState.OFFLINE: "tray-offline",
    TrayState.SIGN_IN_NEEDED: "tray-signin",
}


def state_icon(state: TrayState, do_not_disturb: bool = False) -> QIcon:
    name = ICON_NAMES[state]
    return overlaid_icon(name, DND_OVERLAY) if do_not_disturb else load_icon(name)


def sync_text(state: TrayState, last_sync: datetime | None, now: datetime | None = None) -> str:
    """ "Sync now — last synced 14:05": a time of day, which does not go stale in a menu."""
    if state is TrayState.SYNCING:
        return QCoreApplication.translate("TrayIcon", "Sync now — syncing…")
    if last_sync is None:
        return QCoreApplication.translate("TrayIcon", "Sync now — not synced yet")
    text = QCoreApplication.translate("TrayIcon", "Sync now — last synced %1")
    return arg(text, when_text(last_sync, now))


class TrayIcon(QObject):
    find_requested = Signal()
    sync_requested = Signal()
    quit_requested = Signal()
    about_requested = Signal()
    settings_requested = Signal()
    sign_in_requested = Signal()
    simulate_requested = Signal(str)
    do_not_disturb_toggled = Signal(bool)
    recent_call_chosen = Signal(object)
    """A :class:`RecentCall` the agent picked from Recent calls."""
    call_logs_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = TrayState.OFFLINE
        self.detail = ""
        self.last_sync: datetime | None = None
        self.do_not_disturb = False
        self.recent_calls: list[RecentCall] = []
        # The menu has no parent widget (the tray owns none), so this object keeps it alive.
        self.menu = QMenu()
        self.find_action = self.menu.addAction("")
        self.find_action.triggered.connect(self.find_requested)
        self.recent_menu = self.menu.addMenu("")
        self.simulate_menu = self.menu.addMenu("")
        self.simulate_menu.menuAction().setVisible(False)
        self.menu.addSeparator()
        self.dnd_action = self.menu.addAction("")
        self.dnd_action.setCheckable(True)
        self.dnd_action.toggled.connect(self._dnd_toggled)
        self.sync_action = self.menu.addAction("")
        self.sync_action.triggered.connect(self.sync_requested)
        # Shown only when SuperOffice wants a person to sign in again.
        self.sign_in_action = self.menu.addAction("")
        self.sign_in_action.triggered.connect(self.sign_in_requested)
        self.sign_in_action.setVisible(False)
        # The softphone link, where one is followed: a line of text, not a command.
        self.softphone_action = self.menu.addAction("")
        self.softphone_action.setEnabled(False)
        self.softphone_action.setVisible(False)
        self.softphone = ""
        # Call logs that wait for SuperOffice or for the agent; hidden while there are none.
        self.call_logs_action = self.menu.addAction("")
        self.call_logs_action.triggered.connect(self.call_logs_requested)
        self.call_logs_action.setVisible(False)
        self.call_logs = ""
        self.menu.addSeparator()
        self.settings_action = self.menu.addAction("")
        self.settings_action.triggered.connect(self.settings_requested)
        self.about_action = self.menu.addAction("")
        self.about_action.triggered.connect(self.about_requested)
        self.quit_action = self.menu.addAction("")
        self.quit_action.triggered.connect(self.quit_requested)
        # Times in the menu are written when it opens, so they are never stale ("yesterday"
        # moves on at midnight).
        self.menu.aboutToShow.connect(self.refresh_texts)
        self.recent_menu.aboutToShow.connect(lambda: self.set_recent_calls(self.recent_calls))

        self.tray = QSystemTrayIcon(self)
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._activated)
        self.set_recent_calls([])
        self.retranslate()
        self.set_state(TrayState.OFFLINE, "")

    # -- the app's interface -----------------------------------------------------------------
    def retranslate(self) -> None:
        """The menu's texts in the language now installed (a new one chosen in Settings)."""
        self.find_action.setText(self.tr("Find contact…"))
        self.recent_menu.setTitle(self.tr("Recent calls"))
        self.simulate_menu.setTitle(self.tr("Simulate a call"))
        self.dnd_action.setText(self.tr(DND_TEXT))
        self.sign_in_action.setText(self.tr("Sign in to SuperOffice…"))
        self.settings_action.setText(self.tr("Settings…"))
        self.about_action.setText(arg(self.tr("About %1"), APP_NAME))
        self.quit_action.setText(self.tr("Quit"))
        self.refresh_texts()

    def set_state(self, state: TrayState, detail: str, last_sync: datetime | None = None) -> None:
        """Show ``state``; ``detail`` says it in words ("1,234 caller IDs, synced 2 min ago");
        ``last_sync``: when the last sync succeeded, for the Sync now entry."""
        self.state = state
        self.detail = one_line(detail)
        if last_sync is not None:
            self.last_sync = last_sync
        self.sign_in_action.setVisible(state is TrayState.SIGN_IN_NEEDED)
        self._update_icon()
        self.refresh_texts()

    def set_softphone(self, connected: bool, text: str) -> None:
        """The softphone link's state in the menu and tooltip ("baresip connected")."""
        self.softphone = one_line(text) if text else ""
        mark = "●" if connected else "○"
        self.softphone_action.setText(mnemonic_safe(f"{mark} {self.softphone}"))
        self.softphone_action.setVisible(bool(self.softphone))
        self.refresh_texts()

    def set_call_logs(self, text: str) -> None:
        """How the call logs stand ("Call logs waiting: 2"), in the menu and tooltip; "" hides
        the entry."""
        self.call_logs = one_line(text)
        self.call_logs_action.setText(mnemonic_safe(f"{self.call_logs}…") if text else "")
        self.call_logs_action.setVisible(bool(text))
        self.refresh_texts()

    def set_do_not_disturb(self, on: bool) -> None:
        """Show Do not disturb (checked entry, badge, tooltip) without emitting the toggle."""
        self.do_not_disturb = on
        blocked = self.dnd_action.blockSignals(True)
        self.dnd_action.setChecked(on)
        self.dnd_action.blockSignals(blocked)
        self._update_icon()
        self.refresh_texts()

    def set_recent_calls(self, calls: Sequence[RecentCall]) -> None:
        """The calls for Recent calls, newest first (the first 20 are shown)."""
        self.recent_calls = list(calls)
        fill_recent_menu(self.recent_menu, self.recent_calls, self.recent_call_chosen.emit)

    def set_demo_numbers(self, items: list[tuple[str, str]]) -> None:
        """Fill "Simulate a call" with (label, number) pairs; hidden while there are none."""
        self.simulate_menu.clear()
        for label, number in items:
            action = self.simulate_menu.addAction(mnemonic_safe(f"{label}  ({number})"))
            action.triggered.connect(
                lambda _=False, number=number: self.simulate_requested.emit(number)
            )
        self.simulate_menu.menuAction().setVisible(bool(items))

    def refresh_texts(self) -> None:
        self.sync_action.setText(mnemonic_safe(sync_text(self.state, self.last_sync)))
        self.sync_action.setEnabled(self.state is not TrayState.SYNCING)
        parts = [self.tr(DND_TEXT)] if self.do_not_disturb else []
        if self.detail:
            parts.append(self.detail)
        if self.softphone:
            parts.append(self.softphone)
        if self.call_logs:
            parts.append(self.call_logs)
        self.tray.setToolTip(f"{APP_NAME} — {' · '.join(parts)}" if parts else APP_NAME)

    def menu_actions(self) -> list[QAction]:
        """The menu's top-level entries, in order (separators included)."""
        return list(self.menu.actions())

    def geometry(self) -> QRect | None:
        """Where the icon is on screen, where the platform tells (pops go to that corner)."""
        rect = self.tray.geometry()
        if not self.tray.isVisible() or not rect.isValid() or rect.isEmpty():
            return None
        # Until the tray has embedded the icon (XEmbed), Qt reports the unmapped window at the
        # screen's origin; a pop placed by that would open in the far corner on a busy start.
        return None if rect.topLeft().isNull() else rect

    def show(self) -> None:
        self.tray.show()

    def hide(self) -> None:
        self.tray.hide()

    def is_visible(self) -> bool:
        return self.tray.isVisible()

    def is_available(self) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def notify(self, title: str, message: str) -> None:
        self.tray.showMessage(title, message, load_icon("screenpop"), MESSAGE_MS)

    # -- events ------------------------------------------------------------------------------
    def _update_icon(self) -> None:
        self.tray.setIcon(state_icon(self.state, self.do_not_disturb))

    def _dnd_toggled(self, on: bool) -> None:
        self.do_not_disturb = on
        self._update_icon()
        self.refresh_texts()
        self.do_not_disturb_toggled.emit(on)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A plain click is how people reach the app from the tray: open the search. On macOS a
        # click opens the menu, so it must not also open a dialog.
        if reason == QSystemTrayIcon.ActivationReason.Trigger and sys.platform != "darwin":
            self.find_requested.emit()
