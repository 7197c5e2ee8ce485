"""Add to SuperOffice…: an unknown caller becomes a person, without leaving the call.

A small form: first and last name, the company (the cache's companies as the agent types, and
SuperOffice's own behind them, searched live), the number as it came in (E.164) filed as an
office or a mobile phone by its type. The app does the requests (``submitted``,
``company_search_requested``) and answers with :meth:`AddPersonDialog.set_companies`,
:meth:`show_error` (the tenant's reason; the form stays as typed) or by closing it. Where the
user may not add persons, "Open in SuperOffice" (``open_web_requested``) is the way left.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from screenpop.core.errors import InvalidNumberError
from screenpop.core.person import NewPerson, is_mobile
from screenpop.core.phone import IncomingNumber, parse_incoming
from screenpop.ui.icons import app_icon
from screenpop.ui.sign_in_form import error_label
from screenpop.ui.text import one_line
from screenpop.ui.widgets import plain_label

SEARCH_DELAY_MS = 350
MIN_SEARCH_CHARS = 2
_ROLE_ID = Qt.ItemDataRole.UserRole

Company = tuple[int, str]
LocalCompanies = Callable[[str], list[Company]]


class AddPersonDialog(QDialog):
    submitted = Signal(object)
    """A :class:`screenpop.core.person.NewPerson` to create."""
    company_search_requested = Signal(str)
    open_web_requested = Signal()

    def __init__(
        self,
        incoming: IncomingNumber,
        home_region: str,
        local_companies: LocalCompanies,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.incoming = incoming
        self._home_region = home_region
        self._local = local_companies
        self._live: dict[str, list[Company]] = {}
        self.setWindowTitle(self.tr("Add to SuperOffice"))
        self.setWindowIcon(app_icon())

        self.first_edit = QLineEdit()
        self.last_edit = QLineEdit()
        self.company_edit = QLineEdit()
        self.company_edit.setPlaceholderText(self.tr("Type to find the company"))
        self.company_edit.setClearButtonEnabled(True)
        self.company_edit.textEdited.connect(self._company_typed)
        self.company_list = QListWidget()
        self.company_list.setMaximumHeight(self.company_list.fontMetrics().height() * 7)
        self.search_note = plain_label(secondary=True, wrap=True)
        self.number_edit = QLineEdit(incoming.e164 or incoming.digits)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Office phone"), False)
        self.kind_combo.addItem(self.tr("Mobile phone"), True)
        self.kind_combo.setCurrentIndex(1 if incoming.e164 and is_mobile(incoming.e164) else 0)
        self.error = error_label()
        self.company_list.currentItemChanged.connect(lambda *_: self.error.hide())
        self.open_web_button = QPushButton(self.tr("Open in SuperOffice"))
        self.open_web_button.clicked.connect(self.open_web_requested)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(
            self.tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.addButton(self.open_web_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_live)

        form = QFormLayout()
        form.addRow(self.tr("First name"), self.first_edit)
        form.addRow(self.tr("Last name"), self.last_edit)
        form.addRow(self.tr("Company"), self.company_edit)
        form.addRow("", self.company_list)
        form.addRow("", self.search_note)
        form.addRow(self.tr("Number"), self.number_edit)
        form.addRow(self.tr("File as"), self.kind_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for label in (self.error, self.search_note):
            label.hide()
        self.open_web_button.hide()
        self.resize(440, self.sizeHint().height())
        self.first_edit.setFocus()

    # -- the app's interface -----------------------------------------------------------------
    def set_companies(self, text: str, found: Sequence[Company]) -> None:
        """SuperOffice's companies for ``text`` (shown while it is still what is typed)."""
        self._live[text] = list(found)
        if text == self.company_edit.text().strip():
            self._show_companies(text)

    def set_search_note(self, text: str) -> None:
        self.search_note.setText(text)
        self.search_note.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        self.add_button.setEnabled(not busy)
        self.add_button.setText(self.tr("Adding…") if busy else self.tr("Add"))

    def show_error(self, message: str, *, forbidden: bool = False) -> None:
        """The tenant's reason, the form as typed; ``forbidden``: the user may not add persons
        through Screenpop, so opening SuperOffice is offered instead."""
        self.set_busy(False)
        self.error.setText(one_line(message))
        self.error.show()
        self.open_web_button.setVisible(forbidden)
        self.add_button.setVisible(not forbidden)

    def chosen_company(self) -> Company | None:
        item = self.company_list.currentItem()
        if item is None or item.isHidden():
            return None
        return int(item.data(_ROLE_ID)), item.text()

    # -- typing ------------------------------------------------------------------------------
    def _company_typed(self, text: str) -> None:
        self._show_companies(text.strip())
        self._search_timer.start()

    def _search_live(self) -> None:
        text = self.company_edit.text().strip()
        if len(text) >= MIN_SEARCH_CHARS and text not in self._live:
            self.company_search_requested.emit(text)

    def _show_companies(self, text: str) -> None:
        chosen = self.chosen_company()
        self.company_list.clear()
        seen: set[int] = set()
        for contact_id, name in [*self._local(text), *self._live.get(text, [])]:
            if contact_id in seen or contact_id <= 0:
                continue
            seen.add(contact_id)
            item = QListWidgetItem(one_line(name))
            item.setData(_ROLE_ID, contact_id)
            self.company_list.addItem(item)
            if chosen is not None and chosen[0] == contact_id:
                self.company_list.setCurrentItem(item)
        if self.company_list.currentItem() is None and self.company_list.count() == 1:
            self.company_list.setCurrentRow(0)

    # -- the result --------------------------------------------------------------------------
    def new_person(self) -> NewPerson | str:
        """What the form says, or why it cannot be sent yet."""
        first, last = self.first_edit.text().strip(), self.last_edit.text().strip()
        if not (first or last):
            return self.tr("Give the caller's first or last name.")
        company = self.chosen_company()
        if company is None:
            return self.tr("Choose the caller's company from the list.")
        try:
            number = parse_incoming(self.number_edit.text(), self._home_region)
        except InvalidNumberError:
            number = None
        if number is None or number.e164 is None:
            return self.tr("This is not a phone number SuperOffice can store (+47 22 33 44 55).")
        mobile = bool(self.kind_combo.currentData())
        return NewPerson(first, last, company[0], number.e164, mobile, company[1])

    def _submit(self) -> None:
        result = self.new_person()
        if isinstance(result, str):
            self.error.setText(result)
            self.error.show()
            return
        self.error.hide()
        self.set_busy(True)
        self.submitted.emit(result)
