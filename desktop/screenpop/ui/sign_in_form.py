"""Where SuperOffice is and how to sign in: the part the first-run window and Settings share.

The agent pastes whatever address they have (the tenant module understands it) and picks how
they sign in. A password or ticket typed here goes to the app for the keyring and never into
the settings; SuperOffice Online signs in through the browser, which the app starts when the
form asks for it (``sign_in_requested``). Values an administrator locked are shown, disabled.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

import phonenumbers
from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from screenpop.config.settings import Settings, default_region
from screenpop.core.errors import ConfigError
from screenpop.superoffice.auth_kind import AuthKind
from screenpop.superoffice.tenant import ENVIRONMENTS, TenantAddress, parse_tenant_address
from screenpop.ui.i18n import QT_TRANSLATE_NOOP, arg
from screenpop.ui.widgets import mix, plain_label

LOCKED_TIP = QT_TRANSLATE_NOOP("SignInForm", "Set by your administrator")
AUTH_KINDS = (
    (AuthKind.ONLINE, QT_TRANSLATE_NOOP("SignInForm", "SuperOffice Online (browser)")),
    (AuthKind.BASIC, QT_TRANSLATE_NOOP("SignInForm", "User name and password")),
    (AuthKind.TICKET, QT_TRANSLATE_NOOP("SignInForm", "SOTicket")),
)
# As authentication/online/api.md names them: Development sod, Stage qaonline, Production online.
ENVIRONMENT_NAMES = {
    "online": QT_TRANSLATE_NOOP("SignInForm", "Production (online)"),
    "sod": QT_TRANSLATE_NOOP("SignInForm", "Development (sod)"),
    "qaonline": QT_TRANSLATE_NOOP("SignInForm", "Stage (qaonline)"),
}
_BARE_CUSTOMER = re.compile(r"cust\d+", re.IGNORECASE)
_SUPEROFFICE_HOST = re.compile(r"^https?://[^/]*superoffice\.com(/|$)", re.IGNORECASE)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SignInForm", text)


def lock(widget: QWidget, locked: bool) -> None:
    """An administrator's value: shown, not editable, and saying why."""
    if locked:
        widget.setEnabled(False)
        widget.setToolTip(_tr(LOCKED_TIP))


def error_label() -> QLabel:
    """A calm inline message under a field: muted red text, hidden until there is something
    to say (a dialog box would take the agent away from the field to fix)."""
    label = plain_label(wrap=True)
    palette = label.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    palette.setColor(QPalette.ColorRole.WindowText, mix(text, QColor(0xC0, 0x39, 0x2B), 0.75))
    label.setPalette(palette)
    return label


def _with_error(field: QWidget, error: QLabel) -> QWidget:
    """A field with its error line under it, shown and hidden as one row."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    column.addWidget(error)
    box.setFocusProxy(field)
    return box


def _folded(name: str) -> str:
    return "".join(char for char in name.casefold() if char.isalnum())


@cache
def _regions() -> tuple[tuple[str, str], ...]:
    """(code, "Norway · Norge  +47") for every region phone numbers are known for, by name."""
    calling = {
        region: code
        for code, regions in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items()
        for region in regions
    }
    unknown = QLocale.codeToTerritory("ZZ")
    items = []
    for code in phonenumbers.SUPPORTED_REGIONS:
        territory = QLocale.codeToTerritory(code)
        name = QLocale.territoryToString(territory) if territory != unknown else code
        # The name in the country's own language too: the agent is looking for their own.
        # Latin script only: the list stays readable, and shaping other scripts needs fonts
        # a desktop may not have.
        local = QLocale(QLocale.Language.AnyLanguage, territory)
        latin = local.script() == QLocale.Script.LatinScript
        native = local.nativeTerritoryName() if latin and local.territory() == territory else ""
        shown = f"{name} · {native}" if native and _folded(native) != _folded(name) else name
        items.append((code, f"{shown}  +{calling.get(code, '')}".rstrip(" +")))
    return tuple(sorted(items, key=lambda item: item[1].casefold()))


class RegionCombo(QComboBox):
    """The home region: the country whose national numbers ("22 33 44 55") the agent gets."""

    def __init__(self, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        names = dict(_regions())
        system = default_region()
        self.addItem(arg(self.tr("As the system says (%1)"), names.get(system, system)), "")
        for code, label in _regions():
            self.addItem(label, code)
        index = self.findData(region)
        self.setCurrentIndex(max(index, 0))

    def region(self) -> str:
        return str(self.currentData())


class SignInForm(QWidget):
    """Tenant address, sign-in kind and its fields; ``chosen`` and ``validate`` for the dialog."""

    sign_in_requested = Signal()

    def __init__(
        self, settings: Settings, locked: frozenset[str] = frozenset(), *, has_secret: bool = True
    ) -> None:
        super().__init__()
        self._settings = settings
        self._locked = locked
        self.tenant_edit = QLineEdit(settings.tenant_url)
        self.tenant_edit.setPlaceholderText("https://online.superoffice.com/Cust12345")
        self.tenant_edit.setToolTip(
            self.tr(
                "Paste the address you open SuperOffice with in the browser, "
                "or just your customer id (Cust12345)."
            )
        )
        self.tenant_edit.textEdited.connect(self._tenant_edited)
        self.tenant_error = error_label()
        self.environment_combo = QComboBox()
        for code in ENVIRONMENTS:
            self.environment_combo.addItem(_tr(ENVIRONMENT_NAMES[code]), code)
        self.environment_combo.setCurrentIndex(
            max(self.environment_combo.findData(settings.environment), 0)
        )
        self.auth_combo = QComboBox()
        for kind, label in AUTH_KINDS:
            self.auth_combo.addItem(_tr(label), kind.value)
        self.auth_combo.setCurrentIndex(max(self.auth_combo.findData(settings.auth.value), 0))
        self.auth_combo.currentIndexChanged.connect(self._update_rows)

        self.user_edit = QLineEdit(settings.user)
        self.user_error = error_label()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        if has_secret:
            self.password_edit.setPlaceholderText(self.tr("Leave empty to keep the saved one"))
        self.password_edit.setToolTip(
            self.tr("Kept in the system keyring, never in the settings file.")
        )
        self.client_id_edit = QLineEdit(settings.client_id)
        self.client_id_edit.setPlaceholderText(self.tr("From your administrator"))
        self.client_id_error = error_label()
        self.sign_in_button = QPushButton(self.tr("Sign in…"))
        self.sign_in_button.clicked.connect(self._sign_in_clicked)
        self.sign_in_state = plain_label(secondary=True, wrap=True)
        # In a box of its own: showing a row shows every widget of a layout row, and the
        # state stays hidden until the app has something to say.
        self._sign_in_row = QWidget()
        sign_in_row = QHBoxLayout(self._sign_in_row)
        sign_in_row.setContentsMargins(0, 0, 0, 0)
        sign_in_row.addWidget(self.sign_in_button)
        sign_in_row.addWidget(self.sign_in_state, 1)
        self._sign_in_row.setFocusProxy(self.sign_in_button)

        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(
            self.tr("SuperOffice address"), _with_error(self.tenant_edit, self.tenant_error)
        )
        self.form.addRow(self.tr("Environment"), self.environment_combo)
        self.form.addRow(self.tr("Sign in with"), self.auth_combo)
        self._user_field = _with_error(self.user_edit, self.user_error)
        self.form.addRow(self.tr("User name"), self._user_field)
        self.password_label = QLabel()
        self.form.addRow(self.password_label, self.password_edit)
        self._client_id_field = _with_error(self.client_id_edit, self.client_id_error)
        self.form.addRow(self.tr("Client id"), self._client_id_field)
        self.form.addRow("", self._sign_in_row)
        self.tenant_edit.textChanged.connect(self._update_rows)
        for name, widget in (
            ("tenant_url", self.tenant_edit),
            ("environment", self.environment_combo),
            ("auth", self.auth_combo),
            ("user", self.user_edit),
            ("client_id", self.client_id_edit),
        ):
            lock(widget, name in locked)
        self._update_rows()
        # Hidden once in their layouts: a widget given a parent forgets an earlier hide().
        for error in (self.tenant_error, self.user_error, self.client_id_error):
            error.hide()
        self.sign_in_state.hide()

    # -- the dialog's interface --------------------------------------------------------------
    def auth(self) -> AuthKind:
        return AuthKind(self.auth_combo.currentData())

    def set_sign_in_state(self, text: str) -> None:
        self.sign_in_state.setText(text)
        self.sign_in_state.setVisible(bool(text))

    def entered_secret(self) -> str | None:
        """The password or ticket typed (for the keyring); None when none was, or for Online."""
        if self.auth() is AuthKind.ONLINE:
            return None
        return self.password_edit.text() or None

    def chosen(self) -> Settings:
        """The settings with what the form shows; values the agent did not touch stay exactly
        as they were (an administrator's locked value is never rewritten, even normalised)."""
        changes: dict[str, object] = {}
        text = self.tenant_edit.text().strip()
        if "tenant_url" not in self._locked and text != self._settings.tenant_url:
            address = self._address()
            changes["tenant_url"] = address.tenant.base if address else text
            if address and address.environment and "environment" not in self._locked:
                changes["environment"] = address.environment
        if "auth" not in self._locked:
            changes["auth"] = self.auth()
        if "user" not in self._locked:
            changes["user"] = self.user_edit.text().strip()
        if "client_id" not in self._locked:
            changes["client_id"] = self.client_id_edit.text().strip()
        return replace(self._settings, **changes)  # type: ignore[arg-type]

    def changed(self) -> bool:
        """Whether the agent changed the connection (or typed a password) in this form."""
        return self.chosen() != self._settings or self.entered_secret() is not None

    def validate(self, *, complete: bool = True) -> QWidget | None:
        """Show what is wrong under each field; the first field to fix, or None when all is
        well. Locked fields are the administrator's to fix, so they never block the agent;
        with ``complete`` False an untouched connection passes as it is (Settings must not
        refuse to change the pop mode of an app whose tenant is set up elsewhere)."""
        if not complete and not self.changed():
            return self._show_problems([])
        problems: list[tuple[QWidget, QLabel, str]] = []
        online = self.auth() is AuthKind.ONLINE
        address = self._address()
        if "tenant_url" not in self._locked:
            if not self.tenant_edit.text().strip():
                message = self.tr("Enter the address of your SuperOffice.")
            elif address is None:
                message = self.tr(
                    "This is not a SuperOffice address. Paste the address you open SuperOffice "
                    "with, such as https://online.superoffice.com/Cust12345, or your customer id."
                )
            elif online and not address.customer:
                message = self.tr(
                    "SuperOffice Online addresses end in your customer id, such as "
                    "https://online.superoffice.com/Cust12345."
                )
            else:
                message = ""
            problems.append((self.tenant_edit, self.tenant_error, message))
        if "user" not in self._locked:
            missing = self.auth() is AuthKind.BASIC and not self.user_edit.text().strip()
            message = self.tr("Enter your SuperOffice user name.") if missing else ""
            problems.append((self.user_edit, self.user_error, message))
        if "client_id" not in self._locked:
            missing = online and not self.client_id_edit.text().strip()
            message = self.tr("Enter the client id your administrator gave you.") if missing else ""
            problems.append((self.client_id_edit, self.client_id_error, message))
        return self._show_problems(problems)

    def _show_problems(self, problems: list[tuple[QWidget, QLabel, str]]) -> QWidget | None:
        shown = {label for _widget, label, _message in problems}
        for error in (self.tenant_error, self.user_error, self.client_id_error):
            if error not in shown:
                error.hide()
        first: QWidget | None = None
        for widget, label, message in problems:
            label.setText(message)
            label.setVisible(bool(message))
            if message and first is None:
                first = widget
        return first

    # -- internals ---------------------------------------------------------------------------
    def _address(self) -> TenantAddress | None:
        try:
            return parse_tenant_address(
                self.tenant_edit.text(), str(self.environment_combo.currentData())
            )
        except ConfigError:
            return None

    def _tenant_edited(self, text: str) -> None:
        self.tenant_error.hide()
        # An address of SuperOffice Online can only be signed in to that way: say so for the
        # agent, who may not know which kind they have.
        online = _BARE_CUSTOMER.fullmatch(text.strip()) or _SUPEROFFICE_HOST.match(text.strip())
        if online and "auth" not in self._locked:
            self.auth_combo.setCurrentIndex(self.auth_combo.findData(AuthKind.ONLINE.value))

    def _update_rows(self) -> None:
        kind = self.auth()
        online = kind is AuthKind.ONLINE
        bare = _BARE_CUSTOMER.fullmatch(self.tenant_edit.text().strip()) is not None
        self.form.setRowVisible(self.environment_combo, bare)
        self.form.setRowVisible(self._user_field, not online)
        self.form.setRowVisible(self.password_edit, not online)
        self.form.setRowVisible(self._client_id_field, online)
        self.form.setRowVisible(self._sign_in_row, online)
        self.password_label.setText(
            self.tr("Ticket") if kind is AuthKind.TICKET else self.tr("Password")
        )

    def _sign_in_clicked(self) -> None:
        # The app signs in with what the form shows, so it must make sense first.
        problem = self.validate()
        if problem is not None:
            problem.setFocus()
            return
        self.sign_in_requested.emit()
