"""The top of the contact window: the company, its details, and the person who called.

The details are the documented Contact carrier's, as :func:`screenpop.core.summary_view.
contact_view` reads them for the window and `screenpop summary` alike: department, category
and business under the name; phone (``DirectPhone``), e-mail, web site (``URL``), org. number
(``OrgNr``), number (``Number1``), address (``FormattedAddress``, else ``Address``) and our
contact (``AssociateFullName``). Every value is CRM text shown as plain text. The company
name and the caller open their pages in the SuperOffice web client; the e-mail address and web
site open in the user's mail program and browser; the phone number dials (``dial_requested``);
every value can be copied (links from their context menu).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from screenpop.core.matching import Candidate
from screenpop.core.summary_view import ContactView
from screenpop.ui.caller_picker import CallerPicker
from screenpop.ui.i18n import QT_TRANSLATE_NOOP
from screenpop.ui.skeleton import Skeleton
from screenpop.ui.widgets import LinkLabel, plain_label, scaled_font

# Captions by key, in two columns: short values on the left, the wrapping ones on the right.
DETAIL_COLUMNS = (
    (
        ("phone", QT_TRANSLATE_NOOP("ContactHeader", "Phone")),
        ("email", QT_TRANSLATE_NOOP("ContactHeader", "E-mail")),
        ("web_site", QT_TRANSLATE_NOOP("ContactHeader", "Web site")),
        ("org_nr", QT_TRANSLATE_NOOP("ContactHeader", "Org. number")),
        ("number1", QT_TRANSLATE_NOOP("ContactHeader", "Number")),
    ),
    (
        ("address", QT_TRANSLATE_NOOP("ContactHeader", "Address")),
        ("our_contact", QT_TRANSLATE_NOOP("ContactHeader", "Our contact")),
    ),
)
_WRAPPING = frozenset({"address", "our_contact"})
_LINKED = frozenset({"email", "web_site", "phone"})
# A junk-long value is clipped (still copyable whole), not a 2,000 px window.
_MAX_VALUE_CHARS = 48
_MIN_WRAPPING_CHARS = 30


def email_url(text: str) -> str | None:
    """``mailto:`` for something that looks like one address; None for anything else."""
    address = text.strip()
    local, at, domain = address.partition("@")
    if not (at and local and "." in domain) or any(c.isspace() or c in "<>\"'" for c in address):
        return None
    return QUrl(f"mailto:{address}").toString(QUrl.ComponentFormattingOption.FullyEncoded)


def web_url(text: str) -> str | None:
    """An http(s) address for a web site as people type it ("www.acme.no"); None for junk."""
    site = text.strip()
    if not site or any(c.isspace() or c in "<>\"'" for c in site):
        return None
    if "://" not in site:
        site = f"https://{site}"
    url = QUrl(site, QUrl.ParsingMode.StrictMode)
    if not url.isValid() or url.scheme().lower() not in ("http", "https") or "." not in url.host():
        return None
    return url.toString(QUrl.ComponentFormattingOption.FullyEncoded)


class ContactHeader(QWidget):
    company_clicked = Signal()
    person_clicked = Signal()
    url_activated = Signal(str)
    caller_picked = Signal(object)
    """A switchboard's caller chosen in the picker (a Candidate, or None)."""
    dial_requested = Signal(str)
    """The company's phone number was clicked: dial it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.company_label = LinkLabel()
        self.company_label.setFont(scaled_font(self, 1.6, QFont.Weight.DemiBold))
        self.company_label.setWordWrap(True)
        self.company_label.clicked.connect(self.company_clicked)
        self.subtitle_label = plain_label(secondary=True, selectable=True, wrap=True)
        self.status_label = plain_label(secondary=True)

        self.caller_caption = plain_label(self.tr("Caller"), secondary=True)
        self.caller_label = LinkLabel()
        self.caller_label.setFont(scaled_font(self, 1.1, QFont.Weight.DemiBold))
        self.caller_label.clicked.connect(self.person_clicked)
        self.caller_picker = CallerPicker()
        self.caller_picker.picked.connect(self.caller_picked)
        self.caller_picker.hide()
        caller_row = QHBoxLayout()
        caller_row.setSpacing(8)
        caller_row.addWidget(self.caller_caption)
        caller_row.addWidget(self.caller_label)
        caller_row.addWidget(self.caller_picker)
        caller_row.addStretch(1)

        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.company_label)
        titles.addWidget(self.subtitle_label)
        titles.addWidget(self.status_label)
        titles.addSpacing(4)
        titles.addLayout(caller_row)

        self.details: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        self._urls: dict[str, str | None] = {}
        # One box for all details: shown or hidden as a whole, so filling them costs one
        # relayout of the window rather than one per label.
        self.details_box = QWidget()
        details = QHBoxLayout(self.details_box)
        details.setContentsMargins(0, 0, 0, 0)
        details.setSpacing(32)
        for fields in DETAIL_COLUMNS:
            grid = QGridLayout()
            grid.setHorizontalSpacing(12)
            grid.setVerticalSpacing(4)
            grid.setColumnStretch(1, 1)
            for row, (key, caption) in enumerate(fields):
                caption_label = plain_label(self.tr(caption), secondary=True)
                value = self._value_label(key)
                # Captions sit on the first line of a value that wraps (an address).
                grid.addWidget(caption_label, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)
                self.details[key] = value
                self.captions[key] = caption_label
            # Top-aligned, so a short column keeps its rows together beside a tall one.
            grid.setAlignment(Qt.AlignmentFlag.AlignTop)
            details.addLayout(grid)
        details.addStretch(1)
        # Stands in for the details until the summary names them.
        self.skeleton = Skeleton(rows=3, columns=2)
        self.skeleton.setFixedHeight(self.skeleton.sizeHint().height())
        self.skeleton.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(12)
        layout.addLayout(titles)
        layout.addWidget(self.details_box)
        layout.addWidget(self.skeleton)

    def _value_label(self, key: str) -> QLabel:
        if key in _LINKED:
            link = LinkLabel()
            link.clicked.connect(lambda key=key: self._open(key))
            if key == "phone":
                link.setToolTip(self.tr("Call this number"))
            label: QLabel = link
        else:
            label = plain_label(selectable=True, wrap=key in _WRAPPING)
            label.setCursor(Qt.CursorShape.IBeamCursor)
        chars = label.fontMetrics().averageCharWidth()
        if key in _WRAPPING:
            # Room for a street and postcode on one line; longer ones wrap.
            label.setMinimumWidth(chars * _MIN_WRAPPING_CHARS)
        else:
            label.setMaximumWidth(chars * _MAX_VALUE_CHARS)
        return label

    # -- filling -----------------------------------------------------------------------------
    def fill(self, contact: ContactView | None, company: str, person: str, links: bool) -> None:
        """``company`` and ``person`` are the names to show (from the summary or the caller);
        ``links``: whether the web client can be opened (company and person are links)."""
        self.company_label.setText(company)
        self.company_label.set_active(links)
        subtitle = " · ".join(contact.subtitle_parts) if contact is not None else ""
        self.subtitle_label.setText(subtitle)
        self.subtitle_label.setVisible(bool(subtitle))

        self.caller_label.setText(person)
        self.caller_label.set_active(links)
        self._show_caller()

        values = dict.fromkeys(self.details, "")
        if contact is not None:
            values.update(phone=contact.phone, email=contact.email, web_site=contact.web_site,
                          org_nr=contact.org_nr, number1=contact.number1,
                          address=contact.address, our_contact=contact.our_contact)  # fmt: skip
        self._urls = {"email": email_url(values["email"]), "web_site": web_url(values["web_site"])}
        # Any phone text with digits dials; what it means is the dialler's to read.
        has_digits = any(c.isdigit() for c in values["phone"])
        self._urls["phone"] = values["phone"] if has_digits else None
        self.details_box.hide()
        for key, value in values.items():
            label = self.details[key]
            label.setText(value)
            if isinstance(label, LinkLabel):
                label.set_active(self._urls.get(key) is not None)
            self.captions[key].setVisible(bool(value))
            label.setVisible(bool(value))
        self.details_box.setVisible(any(values.values()))

    def set_callers(self, callers: Sequence[Candidate], current: Candidate | None) -> None:
        """The people a switchboard's number belongs to, to pick the caller from (fewer than
        two persons: no picker)."""
        self.caller_picker.set_candidates(callers, current)
        self._show_caller()

    def picking(self) -> bool:
        return len(self.caller_picker.persons()) > 1

    def _show_caller(self) -> None:
        picking = self.picking()
        named = bool(self.caller_label.text()) and not picking
        self.caller_picker.setVisible(picking)
        self.caller_label.setVisible(named)
        self.caller_caption.setVisible(named or picking)

    def set_placeholder(self, shown: bool) -> None:
        """Placeholders for the details while nothing is known about the company yet."""
        self.skeleton.setVisible(shown)

    def set_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    # -- actions -----------------------------------------------------------------------------
    def url(self, key: str) -> str | None:
        return self._urls.get(key)

    def _open(self, key: str) -> None:
        url = self._urls.get(key)
        if url and key == "phone":
            self.dial_requested.emit(url)
        elif url:
            self.url_activated.emit(url)
