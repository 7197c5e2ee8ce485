"""The tray icon: sync health at a glance, and the app's menu."""

from __future__ import annotations

import sys
from enum import StrEnum

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from screenpop.ui.icons import load_icon
from screenpop.ui.text import mnemonic_safe, one_line

APP_NAME = "Screenpop"
MESSAGE_MS = 8_000


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


class TrayIcon(QObject):
    find_requested = Signal()
    sync_requested = Signal()
    quit_requested = Signal()
    about_requested = Signal()
    simulate_requested = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = TrayState.OFFLINE
        self.detail = ""
        # The menu has no parent widget (the tray owns none), so this object keeps it alive.
        self.menu = QMenu()
        self.find_action = self.menu.addAction("Find contact…")
        self.find_action.triggered.connect(self.find_requested)
        self.recent_menu = self.menu.addMenu("Recent calls")
        self.no_calls_action = self.recent_menu.addAction("No calls yet")
        self.no_calls_action.setEnabled(False)
        self.simulate_menu = self.menu.addMenu("Simulate a call")
        self.simulate_menu.menuAction().setVisible(False)
        self.menu.addSeparator()
        self.sync_action = self.menu.addAction("Sync now")
        self.sync_action.triggered.connect(self.sync_requested)
        self.menu.addSeparator()
        self.about_action = self.menu.addAction(f"About {APP_NAME}")
        self.about_action.triggered.connect(self.about_requested)
        self.quit_action = self.menu.addAction("Quit")
        self.quit_action.triggered.connect(self.quit_requested)

        self.tray = QSystemTrayIcon(self)
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._activated)
        self.set_state(TrayState.OFFLINE, "")

    def set_state(self, state: TrayState, detail: str) -> None:
        """Show ``state``; ``detail`` says it in words: "Synced 2 min ago, 1,234 caller IDs"."""
        self.state = state
        self.detail = one_line(detail)
        self.tray.setIcon(load_icon(ICON_NAMES[state]))
        self.tray.setToolTip(f"{APP_NAME} — {self.detail}" if self.detail else APP_NAME)
        label = f"Sync now — {self.detail}" if self.detail else "Sync now"
        self.sync_action.setText(mnemonic_safe(label))

    def set_demo_numbers(self, items: list[tuple[str, str]]) -> None:
        """Fill "Simulate a call" with (label, number) pairs; hidden while there are none."""
        self.simulate_menu.clear()
        for label, number in items:
            action = self.simulate_menu.addAction(mnemonic_safe(f"{label}  ({number})"))
            action.triggered.connect(
                lambda _=False, number=number: self.simulate_requested.emit(number)
            )
        self.simulate_menu.menuAction().setVisible(bool(items))

    def menu_actions(self) -> list[QAction]:
        """The menu's top-level entries, in order (separators included)."""
        return list(self.menu.actions())

    def show(self) -> None:
        self.tray.show()

    def hide(self) -> None:
        self.tray.hide()

    def is_available(self) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def notify(self, title: str, message: str) -> None:
        self.tray.showMessage(title, message, load_icon("screenpop"), MESSAGE_MS)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A plain click is how people reach the app from the tray: open the search. On macOS a
        # click opens the menu, so it must not also open a dialog.
        if reason == QSystemTrayIcon.ActivationReason.Trigger and sys.platform != "darwin":
            self.find_requested.emit()
