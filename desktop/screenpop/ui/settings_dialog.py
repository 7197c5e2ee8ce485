"""Settings…: the connection, how calls pop, the softphone, and the app itself, in four tabs.

Everything `screenpop configure` sets, for agents who never open a terminal. The dialog only
edits values: the app saves them (``accepted``, then ``chosen()``), puts a typed password in the
keyring (``entered_secret()``), switches start at login, signs in and registers the links when
asked (``sign_in_requested``, ``register_links_requested``).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from screenpop.config.settings import FIELD, PopMode, Settings
from screenpop.core.call_log import LogCalls
from screenpop.core.errors import ConfigError
from screenpop.superoffice.httpclient import tls_context
from screenpop.triggers.baresip import check_allowed, parse_address
from screenpop.ui.i18n import LANGUAGES, QT_TRANSLATE_NOOP, arg, system_language
from screenpop.ui.setup_dialog import SetupDialog
from screenpop.ui.sign_in_form import error_label, lock
from screenpop.ui.widgets import plain_label

POP_MODES = (
    (PopMode.RING, QT_TRANSLATE_NOOP("SettingsDialog", "When it rings")),
    (PopMode.ANSWER, QT_TRANSLATE_NOOP("SettingsDialog", "When I answer")),
    (PopMode.NEVER, QT_TRANSLATE_NOOP("SettingsDialog", "Never")),
)
LOG_MODES = (
    (LogCalls.OFF, QT_TRANSLATE_NOOP("SettingsDialog", "Off")),
    (LogCalls.ASK, QT_TRANSLATE_NOOP("SettingsDialog", "Ask after each call")),
    (LogCalls.ANSWERED, QT_TRANSLATE_NOOP("SettingsDialog", "Answered calls")),
    (LogCalls.ALL, QT_TRANSLATE_NOOP("SettingsDialog", "All calls, missed ones too")),
)
# What the table allows is all the widgets offer.
SUMMARY_LIMITS = FIELD["summary_limit"].range()
RINGING_TIMEOUTS = FIELD["ringing_timeout_s"].range()
# Where an OS has no tel: handler registry the app could write to, the installers do it.
CAN_REGISTER_LINKS = sys.platform.startswith("linux")


def _field_with(field: QWidget, *more: QWidget) -> QWidget:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    for widget in (field, *more):
        column.addWidget(widget)
    box.setFocusProxy(field)
    return box


def _in_a_row(field: QWidget, button: QWidget) -> QWidget:
    """A field and its button side by side, the field taking the room and the focus."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(field, 1)
    row.addWidget(button)
    box = QWidget()
    box.setLayout(row)
    box.setFocusProxy(field)
    return box


class SettingsDialog(SetupDialog):
    tasks_requested = Signal()
    """The tenant's task list is wanted for the task picker (the app answers with
    :meth:`set_task_names` or :meth:`set_task_error`)."""
    register_links_requested = Signal()
    """Linux: make Screenpop the handler of tel:, callto:, sip: links (the app does it and may
    say how it went with :meth:`set_links_state`)."""

    def __init__(
        self,
        settings: Settings,
        *,
        locked: frozenset[str] = frozenset(),
        start_at_login: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            settings,
            locked=locked,
            start_at_login=start_at_login,
            has_secret=bool(settings.tenant_url),
            parent=parent,
        )
        self.setWindowTitle(self.tr("Screenpop settings"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._connection_tab(settings), self.tr("Connection"))
        self.tabs.addTab(self._calls_tab(settings), self.tr("Calls"))
        self.tabs.addTab(self._softphone_tab(settings), self.tr("Softphone"))
        self.tabs.addTab(self._general_tab(settings), self.tr("General"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(12)
        layout.addWidget(self.tabs, 1)
        if locked:
            layout.addWidget(
                plain_label(
                    self.tr("Settings shown greyed out are set by your administrator."),
                    secondary=True,
                    wrap=True,
                )
            )
        layout.addWidget(self.buttons)
        # Comfortable on a 1024×768 screen with room to spare for the title bar and a panel.
        self.resize(600, 500)
        for name, widget in self._locks():
            lock(widget, name in locked)
        # Hidden once in their layouts: a widget given a parent forgets an earlier hide().
        for label in (self.ca_file_error, self.baresip_error, self.links_state, self.tasks_state):
            label.hide()
        self.tabs.setFocus()

    # -- tabs --------------------------------------------------------------------------------
    def _connection_tab(self, settings: Settings) -> QWidget:
        self.ca_file_edit = QLineEdit(settings.ca_file)
        self.ca_file_edit.setPlaceholderText(self.tr("None: the system's certificates only"))
        self.ca_file_button = QPushButton(self.tr("Choose…"))
        self.ca_file_button.clicked.connect(self._choose_ca_file)
        self.ca_file_error = error_label()
        ca_box = _in_a_row(self.ca_file_edit, self.ca_file_button)
        form = QFormLayout()
        form.addRow(self.tr("Company CA file"), _field_with(ca_box, self.ca_file_error))
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(self.sign_in_form)
        column.addSpacing(8)
        column.addLayout(form)
        column.addWidget(
            plain_label(
                self.tr(
                    "Only needed behind a proxy that inspects TLS: your company's CA "
                    "certificate (PEM), trusted besides the system's."
                ),
                secondary=True,
                wrap=True,
            )
        )
        column.addStretch(1)
        return page

    def _calls_tab(self, settings: Settings) -> QWidget:
        self.prefix_edit = QLineEdit(settings.outside_line_prefix)
        self.prefix_edit.setValidator(
            QRegularExpressionValidator(
                QRegularExpression(FIELD["outside_line_prefix"].pattern()), self.prefix_edit
            )
        )
        self.prefix_edit.setPlaceholderText(self.tr("None"))
        self.prefix_edit.setMaximumWidth(120)
        self.prefix_edit.setToolTip(
            self.tr("The digits your phone system puts before outside numbers, such as 0 or 9")
        )
        self.pop_mode = QComboBox()
        for mode, label in POP_MODES:
            self.pop_mode.addItem(self.tr(label), mode.value)
        self.pop_mode.setCurrentIndex(self.pop_mode.findData(settings.pop_mode.value))
        self.auto_open = QCheckBox(self.tr("Open the caller's company by itself"))
        self.auto_open.setChecked(settings.auto_open)
        self.do_not_disturb = QCheckBox(self.tr("Do not disturb (no pops; calls are still listed)"))
        self.do_not_disturb.setChecked(settings.do_not_disturb)
        self.live_lookup = QCheckBox(
            self.tr("Look up callers the cache does not know in SuperOffice")
        )
        self.live_lookup.setChecked(settings.live_lookup)
        self.ringing_timeout = QSpinBox()
        self.ringing_timeout.setRange(*RINGING_TIMEOUTS)
        self.ringing_timeout.setValue(settings.ringing_timeout_s)
        self.ringing_timeout.setSuffix(self.tr(" s without news"))
        self.ringing_timeout.setToolTip(
            self.tr("A ringing pop leaves after this when the phone says nothing more")
        )
        self.ringing_timeout.setMaximumWidth(self.ringing_timeout.sizeHint().width() + 40)
        self.summary_limit = QSpinBox()
        self.summary_limit.setRange(*SUMMARY_LIMITS)
        self.summary_limit.setValue(settings.summary_limit)
        self.summary_limit.setSuffix(self.tr(" items per list"))
        self.summary_limit.setMaximumWidth(self.summary_limit.sizeHint().width() + 40)
        form = QFormLayout()
        form.addRow(self.tr("Home region"), self.region_combo)
        form.addRow("", self.region_note)
        form.addRow(self.tr("Outside-line prefix"), self.prefix_edit)
        form.addRow(self.tr("Show a pop"), self.pop_mode)
        form.addRow("", self.auto_open)
        form.addRow("", self.do_not_disturb)
        form.addRow("", self.live_lookup)
        form.addRow(self.tr("A ringing pop leaves"), self.ringing_timeout)
        form.addRow(self.tr("Contact window"), self.summary_limit)
        self._log_rows(form, settings)
        page = QWidget()
        page.setLayout(form)
        return page

    def _log_rows(self, form: QFormLayout, settings: Settings) -> None:
        self.log_calls = QComboBox()
        for mode, label in LOG_MODES:
            self.log_calls.addItem(self.tr(label), mode.value)
        self.log_calls.setCurrentIndex(self.log_calls.findData(settings.log_calls.value))
        self.log_task = QComboBox()
        self.log_task.addItem(self.tr("Phone call (SuperOffice's own)"), "")
        if settings.log_task:
            self.log_task.addItem(settings.log_task, settings.log_task)
            self.log_task.setCurrentIndex(1)
        self.log_task.setToolTip(self.tr("The task logged calls get, from SuperOffice's list"))
        self.tasks_state = plain_label(secondary=True, wrap=True)
        self.tasks_retry = QPushButton(self.tr("Retry"))
        self.tasks_retry.clicked.connect(self.load_tasks)
        self.tasks_retry.hide()
        task_box = _in_a_row(self.log_task, self.tasks_retry)
        form.addRow(self.tr("Log calls in SuperOffice"), self.log_calls)
        form.addRow(self.tr("Task for logged calls"), _field_with(task_box, self.tasks_state))
        self.log_calls.currentIndexChanged.connect(lambda _i: self._follow_log_mode())
        self._follow_log_mode()

    def _follow_log_mode(self) -> None:
        on = self.log_calls.currentData() != LogCalls.OFF.value and "log_task" not in self.locked
        self.log_task.setEnabled(on)

    def load_tasks(self) -> None:
        """Ask for the tenant's task list (again)."""
        self.tasks_retry.hide()
        self.tasks_state.setText(self.tr("Loading SuperOffice's task list…"))
        self.tasks_state.show()
        self.tasks_requested.emit()

    def set_task_names(self, names: list[str]) -> None:
        """The tenant's tasks, offered after SuperOffice's own phone call entry."""
        chosen = str(self.log_task.currentData() or "")
        self.log_task.clear()
        self.log_task.addItem(self.tr("Phone call (SuperOffice's own)"), "")
        for name in dict.fromkeys([*names, *([chosen] if chosen else [])]):
            self.log_task.addItem(name, name)
        self.log_task.setCurrentIndex(max(0, self.log_task.findData(chosen)))
        self.tasks_state.hide()
        self.tasks_retry.hide()

    def set_task_error(self, message: str) -> None:
        """The list could not be had: the choice stays as it was, and Retry asks again."""
        self.tasks_state.setText(
            arg(self.tr("SuperOffice's task list could not be loaded: %1"), message)
        )
        self.tasks_state.show()
        self.tasks_retry.show()

    def _softphone_tab(self, settings: Settings) -> QWidget:
        self.baresip_edit = QLineEdit(settings.baresip)
        self.baresip_edit.setPlaceholderText(self.tr("Off (for example 127.0.0.1:4444)"))
        self.baresip_error = error_label()
        self.baresip_edit.textEdited.connect(lambda _text: self.baresip_error.hide())
        self.baresip_remote = QCheckBox(self.tr("Allow a baresip on another computer"))
        self.baresip_remote.setChecked(settings.baresip_allow_remote)
        form = QFormLayout()
        form.addRow(self.tr("baresip address"), _field_with(self.baresip_edit, self.baresip_error))
        form.addRow("", self.baresip_remote)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(
            plain_label(
                self.tr(
                    "Screenpop follows the calls of the baresip softphone through its ctrl_tcp "
                    "module (HOST:PORT). Other softphones run “screenpop call” instead: see "
                    "the README."
                ),
                secondary=True,
                wrap=True,
            )
        )
        column.addLayout(form)
        column.addStretch(1)
        return page

    def _general_tab(self, settings: Settings) -> QWidget:
        self.language_combo = QComboBox()
        names = dict(LANGUAGES)
        system = names[system_language()]
        self.language_combo.addItem(arg(self.tr("As the system (%1)"), system), "")
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(settings.language), 0))
        self.links_button = QPushButton(self.tr("Register tel: and sip: links"))
        self.links_button.setToolTip(
            self.tr("Open tel:, callto: and sip: links on this computer with Screenpop")
        )
        self.links_button.clicked.connect(self.register_links_requested)
        self.links_button.setVisible(CAN_REGISTER_LINKS)
        self.links_state: QLabel = plain_label(secondary=True, wrap=True)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language_combo)
        form.addRow(
            "",
            plain_label(
                self.tr("The tray menu and new windows show a new language at once."),
                secondary=True,
                wrap=True,
            ),
        )
        form.addRow("", self.start_at_login_box)
        if CAN_REGISTER_LINKS:
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(self.links_button)
            row.addStretch(1)
            button_box = QWidget()
            button_box.setLayout(row)
            button_box.setFocusProxy(self.links_button)
            form.addRow(self.tr("Links"), _field_with(button_box, self.links_state))
        page = QWidget()
        page.setLayout(form)
        return page

    def _locks(self) -> list[tuple[str, QWidget]]:
        return [
            ("ca_file", self.ca_file_edit),
            ("ca_file", self.ca_file_button),
            ("outside_line_prefix", self.prefix_edit),
            ("pop_mode", self.pop_mode),
            ("auto_open", self.auto_open),
            ("live_lookup", self.live_lookup),
            ("ringing_timeout_s", self.ringing_timeout),
            ("summary_limit", self.summary_limit),
            ("log_calls", self.log_calls),
            ("log_task", self.log_task),
            ("baresip", self.baresip_edit),
            ("baresip_allow_remote", self.baresip_remote),
            ("language", self.language_combo),
        ]

    # -- the app's interface -----------------------------------------------------------------
    def set_links_state(self, text: str) -> None:
        """How registering the links went, in words."""
        self.links_state.setText(text)
        self.links_state.setVisible(bool(text))

    # -- result ------------------------------------------------------------------------------
    def _chosen_more(self, chosen: Settings) -> Settings:
        values: dict[str, object] = {
            "ca_file": self._ca_file(),
            "outside_line_prefix": self.prefix_edit.text().strip(),
            "pop_mode": PopMode(self.pop_mode.currentData()),
            "auto_open": self.auto_open.isChecked(),
            "do_not_disturb": self.do_not_disturb.isChecked(),
            "live_lookup": self.live_lookup.isChecked(),
            "ringing_timeout_s": self.ringing_timeout.value(),
            "summary_limit": self.summary_limit.value(),
            "log_calls": LogCalls(self.log_calls.currentData()),
            "log_task": str(self.log_task.currentData() or ""),
            "baresip": self._baresip(),
            "baresip_allow_remote": self.baresip_remote.isChecked(),
            "language": str(self.language_combo.currentData()),
        }
        changes = {name: value for name, value in values.items() if name not in self.locked}
        return replace(chosen, **changes)  # type: ignore[arg-type]

    def _ca_file(self) -> str:
        text = self.ca_file_edit.text().strip()
        if text == self._settings.ca_file or not text:
            return text
        return str(Path(text).expanduser().resolve())

    def _baresip(self) -> str:
        text = self.baresip_edit.text().strip()
        if text == self._settings.baresip or not text:
            return text
        try:
            return str(parse_address(text))
        except ConfigError:
            return text  # refused by validate before the app reads it

    def _validate_more(self) -> list[QWidget | None]:
        return [self._validate_ca_file(), self._validate_baresip()]

    def _validate_ca_file(self) -> QWidget | None:
        text = self.ca_file_edit.text().strip()
        message = ""
        if "ca_file" not in self.locked and text and text != self._settings.ca_file:
            try:
                tls_context(Path(text).expanduser())
            except ConfigError:
                message = self.tr("This file is not a certificate Screenpop can use (PEM).")
        self.ca_file_error.setText(message)
        self.ca_file_error.setVisible(bool(message))
        return self.ca_file_edit if message else None

    def _validate_baresip(self) -> QWidget | None:
        text = self.baresip_edit.text().strip()
        message = ""
        if "baresip" not in self.locked and text:
            try:
                address = parse_address(text)
            except ConfigError:
                message = self.tr("Not an address such as 127.0.0.1:4444 (HOST:PORT).")
            else:
                try:
                    check_allowed(address, self.baresip_remote.isChecked())
                except ConfigError:
                    message = self.tr(
                        "This is another computer: tick “Allow a baresip on another computer” "
                        "to use it."
                    )
        self.baresip_error.setText(message)
        self.baresip_error.setVisible(bool(message))
        return self.baresip_edit if message else None

    def _choose_ca_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Company CA certificate"),
            self.ca_file_edit.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_file_edit.setText(path)
            self.ca_file_error.hide()
