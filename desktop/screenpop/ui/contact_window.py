"""The contact window: one company's SuperOffice summary, the person who called, five tabs.

The app owns fetching: it calls :meth:`ContactWindow.show_loading`, then ``show_summary`` or
``show_error``, and listens to ``refresh_requested``. Links open through ``link_activated``
so the opening can be replaced (tests, or an app that routes links itself).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from screenpop.core.links import WebClientLinks
from screenpop.core.matching import Candidate
from screenpop.core.models import Activity, Chat, Contact, ContactSummary, Sale, Ticket
from screenpop.ui.icons import app_icon
from screenpop.ui.summary_tab import SummaryTab
from screenpop.ui.summary_tables import (
    SALES,
    TAB_SPECS,
    SummaryTableModel,
    is_open_sale,
    open_sales_total,
)
from screenpop.ui.text import number, one_line, person_name, title_safe
from screenpop.ui.widgets import Banner, LinkLabel, Rule, plain_label, scaled_font

APP_NAME = "Screenpop"
RELATIVE_TIME_REFRESH_MS = 60_000


def _address(contact: Contact) -> str:
    """The formatted address, completed with city and country when it does not name them."""
    lines = [line.strip() for line in contact.address.splitlines() if line.strip()]
    text = "\n".join(lines)
    for extra in (contact.city.strip(), contact.country.strip()):
        if extra and extra.casefold() not in text.casefold():
            lines.append(extra)
            text = "\n".join(lines)
    return text


_WRAPPING_DETAILS = frozenset({"address", "our_contact"})


class ContactWindow(QMainWindow):
    refresh_requested = Signal()
    link_activated = Signal(str)

    def __init__(
        self,
        contact_id: int,
        caller: Candidate | None,
        links: WebClientLinks | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.contact_id = contact_id
        self._caller = caller
        self._links = links
        self._summary: ContactSummary | None = None
        self._loading = False
        self.setWindowIcon(app_icon())
        self.resize(QSize(900, 600))
        self.setMinimumSize(QSize(520, 360))
        self.link_activated.connect(self.open_url)

        central = QWidget(self)
        root = QVBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._build_header())
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setFixedHeight(3)
        self.busy.hide()
        root.addWidget(self.busy)
        root.addWidget(Rule())
        root.addWidget(self._build_body(), 1)
        self.setCentralWidget(central)
        self._add_shortcuts()
        # Start on the lists, not on the first focusable widget (the company link).
        self.tabs.setFocus(Qt.FocusReason.OtherFocusReason)

        self._ticker = QTimer(self)
        self._ticker.setInterval(RELATIVE_TIME_REFRESH_MS)
        self._ticker.timeout.connect(self._refresh_times)
        self._ticker.start()
        self.show_loading()

    # -- building ----------------------------------------------------------------------------
    def _build_header(self) -> QWidget:
        header = QWidget()
        self.company_label = LinkLabel()
        self.company_label.setFont(scaled_font(self, 1.6, QFont.Weight.DemiBold))
        self.company_label.setWordWrap(True)
        self.company_label.clicked.connect(self._open_contact)
        self.subtitle_label = plain_label(secondary=True, selectable=True, wrap=True)
        self.status_label = plain_label(secondary=True)

        self.caller_caption = plain_label("Caller", secondary=True)
        self.caller_label = LinkLabel()
        self.caller_label.setFont(scaled_font(self, 1.1, QFont.Weight.DemiBold))
        self.caller_label.clicked.connect(self._open_person)
        caller_row = QHBoxLayout()
        caller_row.setSpacing(8)
        caller_row.addWidget(self.caller_caption)
        caller_row.addWidget(self.caller_label)
        caller_row.addStretch(1)

        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.company_label)
        titles.addWidget(self.subtitle_label)
        titles.addWidget(self.status_label)
        titles.addSpacing(4)
        titles.addLayout(caller_row)

        self.details: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        details = QHBoxLayout()
        details.setSpacing(32)
        for fields in (
            (("phone", "Phone"), ("email", "E-mail"), ("web_site", "Web site")),
            (("address", "Address"), ("our_contact", "Our contact")),
        ):
            grid = QGridLayout()
            grid.setHorizontalSpacing(12)
            grid.setVerticalSpacing(4)
            grid.setColumnStretch(1, 1)
            for row, (key, caption) in enumerate(fields):
                caption_label = plain_label(caption, secondary=True)
                # Numbers, addresses and links read wrongly when broken at a hyphen or dot.
                value = plain_label(selectable=True, wrap=key in _WRAPPING_DETAILS)
                if key not in _WRAPPING_DETAILS:
                    # A junk-long value is clipped (still selectable whole), not a 2,000 px window.
                    value.setMaximumWidth(value.fontMetrics().averageCharWidth() * 48)
                value.setCursor(Qt.CursorShape.IBeamCursor)
                # Captions sit on the first line of a value that wraps (an address).
                grid.addWidget(caption_label, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)
                self.details[key] = value
                self._captions[key] = caption_label
            # Top-aligned, so a short column keeps its rows together beside a tall one.
            grid.setAlignment(Qt.AlignmentFlag.AlignTop)
            details.addLayout(grid)

        layout = QVBoxLayout(header)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(12)
        layout.addLayout(titles)
        details.addStretch(1)
        layout.addLayout(details)
        return header

    def _build_body(self) -> QWidget:
        body = QWidget()
        self.banner = Banner("Retry")
        self.banner.action_clicked.connect(self.refresh_requested)
        self.banner.hide()
        self.note_label = plain_label(secondary=True)
        self.note_label.hide()

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter (Ctrl+F)")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(220)
        self.filter_edit.setMaximumWidth(320)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.filter_edit.returnPressed.connect(self.open_selected)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.pages: dict[str, SummaryTab] = {}
        for spec in TAB_SPECS:
            page = SummaryTab(SummaryTableModel(spec, self._links, parent=self))
            page.link_activated.connect(self.link_activated)
            self.pages[spec.key] = page
            self.tabs.addTab(page, spec.title)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(8)
        tools = QHBoxLayout()
        tools.setSpacing(12)
        tools.addWidget(self.note_label)
        tools.addStretch(1)
        tools.addWidget(self.filter_edit)
        layout.addWidget(self.banner)
        layout.addLayout(tools)
        layout.addWidget(self.tabs, 1)
        return body

    def _add_shortcuts(self) -> None:
        bindings = (
            (("Ctrl+Tab", "Ctrl+PgDown"), lambda: self._step_tab(1)),
            (("Ctrl+Shift+Tab", "Ctrl+Shift+Backtab", "Ctrl+PgUp"), lambda: self._step_tab(-1)),
            ((QKeySequence.StandardKey.Refresh, "F5"), self.refresh_requested.emit),
            ((QKeySequence.StandardKey.Find, "Ctrl+F"), self.focus_filter),
            (("Esc",), self._escape),
        )
        seen: set[str] = set()
        for keys, slot in bindings:
            for key in keys:
                sequence = QKeySequence(key)
                # StandardKey.Refresh is F5 on most platforms: one shortcut per sequence, or
                # Qt reports the key as ambiguous and neither fires.
                if sequence.isEmpty() or sequence.toString() in seen:
                    continue
                seen.add(sequence.toString())
                QShortcut(sequence, self, slot)

    # -- the app's interface -----------------------------------------------------------------
    def show_loading(self) -> None:
        """Loading: placeholders when nothing is shown yet, else the old summary stays."""
        self._loading = True
        self.banner.hide()
        self.busy.show()
        if self._summary is None:
            for page in self.pages.values():
                page.show_loading()
            self.status_label.setText("Loading…")
            self.status_label.show()
            self._fill_header(None)
        self._update_tab_labels()

    def show_summary(self, summary: ContactSummary, limit: int | None = None) -> None:
        """``limit``: the summary's item limit; a list that reaches it may hold more."""
        self._loading = False
        self._summary = summary
        self.busy.hide()
        self.banner.hide()
        lists: dict[str, Sequence[Ticket | Activity | Sale | Chat]] = {
            "tickets": summary.tickets,
            "followups": summary.followups,
            "documents": summary.documents,
            "sales": summary.sales,
            "chats": summary.chats,
        }
        for key, rows in lists.items():
            self.pages[key].show_rows(rows, more=limit is not None and len(rows) >= limit)
        self._fill_sales_footer()
        self._fill_header(summary.contact)
        unavailable = summary.contact is None
        self.status_label.setText("Company details unavailable" if unavailable else "")
        self.status_label.setVisible(unavailable)
        if summary.skipped > 0:
            items = "item" if summary.skipped == 1 else "items"
            self.note_label.setText(f"{summary.skipped} {items} could not be read")
        self.note_label.setVisible(summary.skipped > 0)
        self._update_tab_labels()
        if self.focusWidget() in (None, self.tabs.tabBar()):
            self.current_page().focus_table()

    def show_error(self, message: str) -> None:
        """A calm banner with the reason; a summary already shown stays visible."""
        self._loading = False
        self.busy.hide()
        self.banner.set_message(message)
        self.banner.show()
        if self._summary is None:
            self.status_label.hide()
            for page in self.pages.values():
                page.show_unavailable()
            self._update_tab_labels()

    def set_caller(self, caller: Candidate | None) -> None:
        self._caller = caller
        self._fill_header(self._summary.contact if self._summary else None)

    # -- state, for the app and tests --------------------------------------------------------
    def is_loading(self) -> bool:
        return self._loading

    def summary(self) -> ContactSummary | None:
        return self._summary

    def caller(self) -> Candidate | None:
        return self._caller

    def current_page(self) -> SummaryTab:
        page = self.tabs.currentWidget()
        assert isinstance(page, SummaryTab)
        return page

    def company_name(self) -> str:
        contact = self._summary.contact if self._summary else None
        if contact is not None and contact.name.strip():
            return one_line(contact.name)
        if self._caller is not None and self._caller.contact_name.strip():
            return one_line(self._caller.contact_name)
        return f"Contact {self.contact_id}"

    def caller_person(self) -> str:
        """The person who called, with title; "" for a company number or no caller."""
        caller = self._caller
        if caller is None or caller.is_company:
            return ""
        return person_name(caller.mrmrs, caller.person_name)

    # -- actions -----------------------------------------------------------------------------
    def open_url(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))

    def open_selected(self) -> None:
        self.current_page().activate_current()

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _open_contact(self) -> None:
        if self._links is not None:
            contact = self._summary.contact if self._summary else None
            contact_id = contact.contact_id if contact and contact.contact_id > 0 else None
            self.link_activated.emit(self._links.contact(contact_id or self.contact_id))

    def _open_person(self) -> None:
        if self._links is not None and self._caller is not None and not self._caller.is_company:
            self.link_activated.emit(self._links.person(self._caller.person_id))

    def _step_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def _escape(self) -> None:
        if self.filter_edit.hasFocus() and self.filter_edit.text():
            self.filter_edit.clear()
        else:
            self.close()

    def _apply_filter(self, text: str) -> None:
        for page in self.pages.values():
            page.set_filter(text)
        self._update_tab_labels()

    def _refresh_times(self) -> None:
        for page in self.pages.values():
            page.model.refresh_times()

    # -- filling -----------------------------------------------------------------------------
    def _fill_header(self, contact: Contact | None) -> None:
        company = self.company_name()
        self.company_label.setText(company)
        self.company_label.set_active(self._links is not None)
        subtitle = ""
        if contact is not None:
            subtitle = " · ".join(
                one_line(part) for part in (contact.department, contact.category) if part.strip()
            )
        self.subtitle_label.setText(subtitle)
        self.subtitle_label.setVisible(bool(subtitle))

        person = self.caller_person()
        self.caller_label.setText(person)
        self.caller_label.set_active(self._links is not None)
        self.caller_caption.setVisible(bool(person))
        self.caller_label.setVisible(bool(person))

        values = {
            "phone": contact.phone.strip() if contact else "",
            "email": contact.email.strip() if contact else "",
            "web_site": contact.web_site.strip() if contact else "",
            "address": _address(contact) if contact else "",
            "our_contact": contact.our_contact.strip() if contact else "",
        }
        for key, value in values.items():
            self.details[key].setText(value)
            self._captions[key].setVisible(bool(value))
            self.details[key].setVisible(bool(value))
        self._update_title()

    def _fill_sales_footer(self) -> None:
        sales = self._summary.sales if self._summary else []
        open_count = sum(1 for sale in sales if is_open_sale(sale))
        text = ""
        if open_count:
            noun = "open sale" if open_count == 1 else "open sales"
            text = f"{open_count} {noun}, total {number(open_sales_total(sales))} in base currency"
        self.pages[SALES.key].set_footer(text)

    def _update_title(self) -> None:
        person = self.caller_person()
        title = f"{self.company_name()} — {person}" if person else self.company_name()
        self.setWindowTitle(title_safe(f"{title} · {APP_NAME}"))

    def _update_tab_labels(self) -> None:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if isinstance(page, SummaryTab):
                self.tabs.setTabText(index, page.label())

    def closeEvent(self, event: QCloseEvent) -> None:
        self._ticker.stop()
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._ticker.start()
        super().showEvent(event)
