"""The contact window: one company's SuperOffice summary, the person who called, five tabs.

The app owns fetching: it calls :meth:`ContactWindow.show_loading`, then ``show_summary`` or
``show_error``, and listens to ``refresh_requested`` and ``more_requested``. Links open through
``link_activated`` so the opening can be replaced (tests, or an app that routes links itself).

States, all visible: loading (skeletons, never a frozen window), ready, refreshing (the summary
shown stays while a newer one is fetched), error (nothing to show: the reason and Retry) and
offline (a summary shown before stays, with the reason and when it was last updated).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from enum import StrEnum

from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from screenpop.core.links import WebClientLinks
from screenpop.core.matching import Candidate
from screenpop.core.models import Activity, Chat, ContactSummary, Sale, Ticket
from screenpop.core.summary_view import contact_view
from screenpop.core.ticket_status import TicketStatuses
from screenpop.ui.contact_header import ContactHeader
from screenpop.ui.i18n import QT_TRANSLATE_NOOP, arg, plural
from screenpop.ui.icons import app_icon
from screenpop.ui.summary_tab import SummaryTab
from screenpop.ui.summary_tables import SALES, TAB_SPECS, SummaryTableModel, open_sales_text
from screenpop.ui.text import (
    mnemonic_safe,
    one_line,
    person_name,
    relative_time,
    short_time,
    title_safe,
)
from screenpop.ui.widgets import Banner, Rule, bind_shortcuts, busy_bar, plain_label

APP_NAME = "Screenpop"
RELATIVE_TIME_REFRESH_MS = 60_000
STALE_NOTE = QT_TRANSLATE_NOOP(
    "ContactWindow", "Showing the summary as it was last loaded; Retry to update it."
)


class ViewState(StrEnum):
    LOADING = "loading"
    READY = "ready"
    REFRESHING = "refreshing"
    ERROR = "error"
    OFFLINE = "offline"


class ContactWindow(QMainWindow):
    refresh_requested = Signal()
    more_requested = Signal(str)
    """The key of the tab whose "Show more" was pressed."""
    link_activated = Signal(str)
    dial_requested = Signal(str)
    closed = Signal()

    def __init__(
        self,
        contact_id: int,
        caller: Candidate | None,
        links: WebClientLinks | None,
        parent: QWidget | None = None,
        *,
        statuses: TicketStatuses | None = None,
    ) -> None:
        """``statuses``: the tenant's ticket status names (:meth:`set_statuses` when a newer
        list comes)."""
        super().__init__(parent)
        self.contact_id = contact_id
        self._caller = caller
        self._callers: list[Candidate] = []
        self._links = links
        self._statuses = statuses or TicketStatuses()
        self._summary: ContactSummary | None = None
        self._fetched_at: datetime | None = None
        self._state = ViewState.LOADING
        self.setWindowIcon(app_icon())
        self.resize(QSize(900, 600))
        self.setMinimumSize(QSize(520, 360))
        self.link_activated.connect(self.open_url)

        self.header = ContactHeader()
        self.header.company_clicked.connect(self._open_contact)
        self.header.person_clicked.connect(self._open_person)
        self.header.caller_picked.connect(self.set_caller)
        self.header.url_activated.connect(self.link_activated)
        self.header.dial_requested.connect(self.dial_requested)
        # Short names the app and the tests use.
        self.company_label = self.header.company_label
        self.caller_label = self.header.caller_label
        self.subtitle_label = self.header.subtitle_label
        self.status_label = self.header.status_label
        self.details = self.header.details

        central = QWidget(self)
        root = QVBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self.header)
        self.busy = busy_bar()
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
        self.show_loading()

    # -- building ----------------------------------------------------------------------------
    def _build_body(self) -> QWidget:
        body = QWidget()
        self.banner = Banner(self.tr("Retry"))
        self.banner.action_clicked.connect(self.refresh_requested)
        self.banner.hide()
        self.updated_label = plain_label(secondary=True)
        self.note_label = plain_label(secondary=True)
        self.note_label.hide()
        # The note of a call with this company (:meth:`set_call_panel`).
        self.call_panel: QWidget | None = None
        self.call_box = QGroupBox()
        self.call_box.setFlat(True)
        QVBoxLayout(self.call_box).setContentsMargins(8, 4, 8, 8)
        self.call_box.hide()

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter (Ctrl+F)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(220)
        self.filter_edit.setMaximumWidth(320)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.filter_edit.returnPressed.connect(self.open_selected)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.pages: dict[str, SummaryTab] = {}
        for spec in TAB_SPECS:
            model = SummaryTableModel(spec, self._links, statuses=self._statuses,
                                      contact_id=self.contact_id, parent=self)  # fmt: skip
            page = SummaryTab(model)
            page.link_activated.connect(self.link_activated)
            page.more_requested.connect(lambda key=spec.key: self._more(key))
            self.pages[spec.key] = page
            self.tabs.addTab(page, spec.text(spec.title))
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(8)
        tools = QHBoxLayout()
        tools.setSpacing(12)
        tools.addWidget(self.updated_label)
        tools.addWidget(self.note_label)
        tools.addStretch(1)
        tools.addWidget(self.filter_edit)
        layout.addWidget(self.banner)
        layout.addWidget(self.call_box)
        layout.addLayout(tools)
        layout.addWidget(self.tabs, 1)
        return body

    def _add_shortcuts(self) -> None:
        bindings = (
            (("Ctrl+Tab", "Ctrl+PgDown"), lambda: self._step_tab(1)),
            (("Ctrl+Shift+Tab", "Ctrl+Shift+Backtab", "Ctrl+PgUp"), lambda: self._step_tab(-1)),
            ((QKeySequence.StandardKey.Refresh, "F5"), self.refresh_requested.emit),
            ((QKeySequence.StandardKey.Find, "Ctrl+F"), self.focus_filter),
            ((QKeySequence.StandardKey.Close, "Ctrl+W"), self.close),
            (("Esc",), self._escape),
        )
        bind_shortcuts(self, bindings)

    # -- the app's interface -----------------------------------------------------------------
    def show_loading(self) -> None:
        """Loading: skeletons when nothing is shown yet, else the summary shown stays, with a
        thin busy bar above it (the skeletons say "loading" well enough on their own)."""
        self.banner.hide()
        if self._summary is None:
            self._state = ViewState.LOADING
            for page in self.pages.values():
                page.show_loading()
            self._fill_header()
            self.header.set_placeholder(True)
            self.header.set_status(self.tr("Loading…"))
        else:
            self._state = ViewState.REFRESHING
            self.busy.show()
        self._update_updated()
        self._update_tab_labels()

    def show_summary(
        self,
        summary: ContactSummary,
        limit: int | None = None,
        fetched_at: datetime | None = None,
    ) -> None:
        """``limit``: the summary's item limit (a list that reaches it may hold more);
        ``fetched_at``: when SuperOffice sent it (now, unless it comes from a cache)."""
        self._state = ViewState.READY
        self._summary = summary
        self._fetched_at = fetched_at or datetime.now(UTC)
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
        self._fill_header()
        self.header.set_placeholder(False)
        self.header.set_status(
            self.tr("Company details unavailable") if summary.contact is None else ""
        )
        if summary.skipped > 0:
            note = self.tr("· %n item(s) could not be read", "", summary.skipped)
            self.note_label.setText(plural(note, summary.skipped))
        self.note_label.setVisible(summary.skipped > 0)
        self._update_updated()
        self._update_tab_labels()
        if self.focusWidget() in (None, self.tabs.tabBar()):
            self.current_page().focus_table()

    def show_error(self, message: str) -> None:
        """A calm banner with the reason and Retry; a summary already shown stays (offline)."""
        self.busy.hide()
        for page in self.pages.values():
            page.set_fetching_more(False)
        if self._summary is not None and self._fetched_at is not None:
            self._state = ViewState.OFFLINE
            # When it was loaded is said beside the filter ("Last updated …").
            self.banner.set_message(f"{message}\n{self.tr(STALE_NOTE)}")
        else:
            self._state = ViewState.ERROR
            self.banner.set_message(message)
            self.header.set_placeholder(False)
            self.header.set_status("")
            for page in self.pages.values():
                page.show_unavailable()
        self.banner.show()
        self._update_updated()
        self._update_tab_labels()

    def assign(
        self, contact_id: int, caller: Candidate | None, links: WebClientLinks | None
    ) -> None:
        """Give a window built ahead of time (never shown, nothing loaded) its company."""
        assert self._summary is None, "only a fresh window can take another company"
        self.contact_id = contact_id
        self._caller = caller
        for page in self.pages.values():
            page.model.set_context(contact_id=contact_id)
        self.set_links(links)

    def set_links(self, links: WebClientLinks | None) -> None:
        """The web client's links, known once the client is (the app's first call)."""
        self._links = links
        for page in self.pages.values():
            page.model.set_links(links)
        self._fill_header()

    def set_statuses(self, statuses: TicketStatuses) -> None:
        """A newer list of the tenant's ticket statuses: the tickets shown say them now."""
        self._statuses = statuses
        for page in self.pages.values():
            page.model.set_context(statuses=statuses)

    def set_caller(self, caller: Candidate | None) -> None:
        self._caller = caller
        persons = self.header.caller_picker.persons()
        if self.header.picking():
            known = caller is None or any(p.person_id == caller.person_id for p in persons)
            self.header.set_callers(persons if known else [], caller)
        self._fill_header()

    def set_callers(self, callers: Sequence[Candidate]) -> None:
        """A switchboard's people (one company's): the header offers them as the caller."""
        self._callers = list(callers)
        self.header.set_callers(callers, self._caller)
        self._fill_header()

    def set_call_panel(self, panel: QWidget | None, title: str = "") -> None:
        """Show ``panel`` (a call's note) above the tabs, under ``title``; None removes it."""
        box_layout = self.call_box.layout()
        assert box_layout is not None
        if self.call_panel is not None:
            box_layout.removeWidget(self.call_panel)
            self.call_panel.deleteLater()
        self.call_panel = panel
        self.call_box.setTitle(mnemonic_safe(title))
        if panel is not None:
            box_layout.addWidget(panel)
        self.call_box.setVisible(panel is not None)

    def set_fetching_more(self, key: str) -> None:
        self.busy.show()
        self.pages[key].set_fetching_more(True)

    # -- state, for the app and tests --------------------------------------------------------
    def view_state(self) -> ViewState:
        return self._state

    def is_loading(self) -> bool:
        return self._state in (ViewState.LOADING, ViewState.REFRESHING)

    def summary(self) -> ContactSummary | None:
        return self._summary

    def fetched_at(self) -> datetime | None:
        return self._fetched_at

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
        for caller in (self._caller, *self._callers):
            if caller is not None and caller.contact_name.strip():
                return one_line(caller.contact_name)
        return arg(self.tr("Contact %1"), self.contact_id)

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
        contact = self._summary.contact if self._summary else None
        link = contact_view(contact, self.contact_id, self._links).link
        if link is not None:
            self.link_activated.emit(link)

    def _open_person(self) -> None:
        if self._links is not None and self._caller is not None and not self._caller.is_company:
            self.link_activated.emit(self._links.person(self._caller.person_id))

    def _more(self, key: str) -> None:
        self.set_fetching_more(key)
        self.more_requested.emit(key)

    def _tab_changed(self, _index: int) -> None:
        # Moving between tabs from the lists keeps the keyboard on the rows of the new tab.
        focus = self.focusWidget()
        if focus is None or focus is self.tabs.tabBar() or self.tabs.isAncestorOf(focus):
            self.current_page().focus_table()

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
        self._update_updated()

    # -- filling -----------------------------------------------------------------------------
    def _fill_header(self) -> None:
        contact = self._summary.contact if self._summary else None
        person = self.caller_person()
        shown = None if contact is None else contact_view(contact, self.contact_id, self._links)
        self.header.fill(shown, self.company_name(), person, self._links is not None)
        title = f"{self.company_name()} — {person}" if person else self.company_name()
        self.setWindowTitle(title_safe(f"{title} · {APP_NAME}"))

    def _fill_sales_footer(self) -> None:
        sales = self._summary.sales if self._summary else []
        self.pages[SALES.key].set_footer(open_sales_text(sales))

    def _update_updated(self) -> None:
        if self._fetched_at is None or self._summary is None:
            text = ""
        elif self._state is ViewState.REFRESHING:
            text = arg(self.tr("Updated %1 · refreshing…"), relative_time(self._fetched_at))
        elif self._state is ViewState.OFFLINE:
            # Offline, the time of day too: "3 minutes ago (14:05)".
            age = f"{relative_time(self._fetched_at)} ({short_time(self._fetched_at)})"
            text = arg(self.tr("Last updated %1"), age)
        else:
            text = arg(self.tr("Updated %1"), relative_time(self._fetched_at))
        self.updated_label.setText(text)
        self.updated_label.setVisible(bool(text))

    def _update_tab_labels(self) -> None:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if isinstance(page, SummaryTab):
                self.tabs.setTabText(index, mnemonic_safe(page.label()))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._ticker.stop()
        self.closed.emit()
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._ticker.start()
        super().showEvent(event)
