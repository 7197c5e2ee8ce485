"""A small main window: the tray's menu as a window, for desktops without a tray.

GNOME without the AppIndicator extension has no tray, and at login a tray may appear late;
the app is never unreachable for that. Starting Screenpop again brings this window forward.
Closing it keeps the app running.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from screenpop.core.recent import MAX_RECENT_CALLS, RecentCall
from screenpop.ui.i18n import QT_TRANSLATE_NOOP, arg
from screenpop.ui.icons import app_icon
from screenpop.ui.recent_calls import (
    NO_CALLS,
    recent_call_icon,
    recent_call_line,
    recent_call_tooltip,
)
from screenpop.ui.text import one_line, when_text
from screenpop.ui.tray import APP_NAME, DND_TEXT, TrayState, state_icon, sync_text
from screenpop.ui.widgets import plain_label, scaled_font

CALL_ROLE = Qt.ItemDataRole.UserRole + 1
NO_TRAY_NOTE = QT_TRANSLATE_NOOP(
    "MainWindow",
    "There is no system tray on this desktop, so Screenpop shows this window instead. "
    "It keeps running when the window is closed: start Screenpop again to bring it back.",
)


class MainWindow(QMainWindow):
    find_requested = Signal()
    sync_requested = Signal()
    quit_requested = Signal()
    about_requested = Signal()
    settings_requested = Signal()
    do_not_disturb_toggled = Signal(bool)
    recent_call_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.resize(QSize(460, 420))
        self._state = TrayState.SYNCING
        self._last_sync: datetime | None = None
        self._calls: list[RecentCall] = []

        self.status_icon = QLabel()
        self.status_label = plain_label(wrap=True)
        self.status_label.setFont(scaled_font(self, 1.05, QFont.Weight.DemiBold))
        self.detail_label = plain_label(secondary=True, wrap=True)
        self.note_label = plain_label(secondary=True, wrap=True)
        status_texts = QVBoxLayout()
        status_texts.setSpacing(2)
        status_texts.addWidget(self.status_label)
        status_texts.addWidget(self.detail_label)
        status = QHBoxLayout()
        status.setSpacing(12)
        status.addWidget(self.status_icon, 0, Qt.AlignmentFlag.AlignTop)
        status.addLayout(status_texts, 1)

        self.find_button = QPushButton()
        self.find_button.clicked.connect(self.find_requested)
        self.sync_button = QPushButton()
        self.sync_button.clicked.connect(self.sync_requested)
        self.dnd_box = QCheckBox()
        self.dnd_box.toggled.connect(lambda _on: self._update_status())
        self.dnd_box.toggled.connect(self.do_not_disturb_toggled)
        actions = QHBoxLayout()
        actions.addWidget(self.find_button)
        actions.addWidget(self.sync_button)
        actions.addStretch(1)
        actions.addWidget(self.dnd_box)

        self.recent_caption = plain_label(secondary=True)
        self.recent_list = QListWidget()
        self.recent_list.setAlternatingRowColors(True)
        self.recent_list.itemActivated.connect(self._chosen)
        self.recent_empty = plain_label(secondary=True)
        self.recent_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.recent_stack = QStackedWidget()
        self.recent_stack.addWidget(self.recent_list)
        self.recent_stack.addWidget(self.recent_empty)

        self.settings_button = QPushButton()
        self.settings_button.clicked.connect(self.settings_requested)
        self.about_button = QPushButton()
        self.about_button.clicked.connect(self.about_requested)
        self.quit_button = QPushButton()
        self.quit_button.clicked.connect(self.quit_requested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.settings_button)
        bottom.addWidget(self.about_button)
        bottom.addStretch(1)
        bottom.addWidget(self.quit_button)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(status)
        layout.addWidget(self.note_label)
        layout.addLayout(actions)
        layout.addWidget(self.recent_caption)
        layout.addWidget(self.recent_stack, 1)
        layout.addLayout(bottom)
        self.setCentralWidget(central)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.find_requested.emit)
        QShortcut(QKeySequence("F5"), self, self.sync_requested.emit)
        self.retranslate()
        self.set_state(TrayState.SYNCING, "")

    # -- the app's interface (the tray's, as a window) ---------------------------------------
    def retranslate(self) -> None:
        """The window's texts in the language now installed (a new one chosen in Settings)."""
        self.note_label.setText(self.tr(NO_TRAY_NOTE))
        self.find_button.setText(self.tr("Find contact…"))
        self.sync_button.setText(self.tr("Sync now"))
        self.dnd_box.setText(QCoreApplication.translate("TrayIcon", DND_TEXT))
        self.recent_caption.setText(self.tr("Recent calls"))
        self.recent_empty.setText(QCoreApplication.translate("recent_calls", NO_CALLS))
        self.settings_button.setText(self.tr("Settings…"))
        self.about_button.setText(arg(self.tr("About %1"), APP_NAME))
        self.quit_button.setText(self.tr("Quit"))
        self.set_recent_calls(self._calls)
        self._update_status()

    def set_state(self, state: TrayState, detail: str, last_sync: datetime | None = None) -> None:
        self._state = state
        if last_sync is not None:
            self._last_sync = last_sync
        self.detail_label.setText(one_line(detail))
        self.detail_label.setVisible(bool(detail))
        self._update_status()

    def set_do_not_disturb(self, on: bool) -> None:
        blocked = self.dnd_box.blockSignals(True)
        self.dnd_box.setChecked(on)
        self.dnd_box.blockSignals(blocked)
        self._update_status()

    def set_recent_calls(self, calls: Sequence[RecentCall]) -> None:
        self._calls = list(calls)[:MAX_RECENT_CALLS]
        self.recent_list.clear()
        for call in self._calls:
            item = QListWidgetItem(recent_call_icon(call), self._line(call))
            item.setToolTip(recent_call_tooltip(call))
            item.setData(CALL_ROLE, self.recent_list.count())
            self.recent_list.addItem(item)
        self.recent_stack.setCurrentWidget(self.recent_list if self._calls else self.recent_empty)

    def set_tray_available(self, available: bool) -> None:
        """The note explains why this window is here while there is no tray."""
        self.note_label.setVisible(not available)

    def bring_forward(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # -- internals ---------------------------------------------------------------------------
    @staticmethod
    def _line(call: RecentCall) -> str:
        return f"{when_text(call.when)}   {recent_call_line(call)}"

    def _update_status(self) -> None:
        words = {
            TrayState.SYNCED: self.tr("Ready"),
            TrayState.SYNCING: self.tr("Syncing caller IDs…"),
            TrayState.OFFLINE: self.tr("Offline: cached caller IDs still work"),
            TrayState.SIGN_IN_NEEDED: self.tr("Sign-in needed"),
        }
        text = words[self._state]
        dnd = self.dnd_box.isChecked()
        if dnd:
            text = f"{text} · {QCoreApplication.translate('TrayIcon', DND_TEXT)}"
        self.status_label.setText(text)
        self.status_icon.setPixmap(state_icon(self._state, dnd).pixmap(32, 32))
        self.sync_button.setToolTip(sync_text(self._state, self._last_sync))
        self.sync_button.setEnabled(self._state is not TrayState.SYNCING)

    def _chosen(self, item: QListWidgetItem) -> None:
        index = item.data(CALL_ROLE)
        if isinstance(index, int) and 0 <= index < len(self._calls):
            self.recent_call_chosen.emit(self._calls[index])

    def closeEvent(self, event: QCloseEvent) -> None:
        # Hidden, not gone: the app runs on (it has no tray to quit from otherwise — Quit is here).
        event.ignore()
        self.hide()
