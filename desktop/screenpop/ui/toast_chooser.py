"""The switchboard chooser inside a toast: everyone the number may belong to, best first.

A filter box narrows a long list. Like the rest of the toast it takes no keyboard focus until
the agent clicks into it; only then does the toast ask to become the active window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import (
    QEnterEvent,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from screenpop.core.matching import Candidate
from screenpop.ui.text import caller_name, one_line
from screenpop.ui.toast_card import accent
from screenpop.ui.widgets import ElidedLabel, make_secondary, mix, plain_label, scaled_font

MAX_VISIBLE_CHOICES = 5
FILTER_FROM = 3
"""Candidates from which the chooser offers a filter box."""


class ChoiceRow(QFrame):
    """One candidate: name and company; the whole row is the button."""

    clicked = Signal(object)

    def __init__(
        self, candidate: Candidate, show_company: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.candidate = candidate
        self._hover = False
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.name_label = ElidedLabel(caller_name(candidate))
        self.name_label.setFont(scaled_font(self, 1.0, QFont.Weight.DemiBold))
        if candidate.is_company:
            company = self.tr("Main number")
        else:
            company = one_line(candidate.contact_name) if show_company else ""
        self.company_label = ElidedLabel(company)
        self.company_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.company_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.company_label.setMaximumWidth(self.fontMetrics().averageCharWidth() * 18)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 5)
        layout.setSpacing(12)
        layout.addWidget(self.name_label, 1)
        layout.addWidget(self.company_label, 0)
        self._haystack = " ".join(
            (caller_name(candidate), one_line(candidate.contact_name), company)
        ).casefold()

    def matches(self, text: str) -> bool:
        return all(word in self._haystack for word in text.casefold().split())

    def enterEvent(self, event: QEnterEvent) -> None:
        self._hover = True
        self.update()

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = False
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._hover:
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            palette = self.palette()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(mix(palette.color(QPalette.ColorRole.Window), accent(palette), 0.15))
            painter.drawRoundedRect(QRectF(self.rect()), 6, 6)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit(self.candidate)
        event.accept()


class FilterEdit(QLineEdit):
    """A filter box that asks for the keyboard only when clicked."""

    typing_requested = Signal()
    typing_finished = Signal()
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setClearButtonEnabled(True)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.hasFocus():
            self.typing_requested.emit()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            if self.text():
                self.clear()
            else:
                self.clearFocus()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.typing_finished.emit()


class Chooser(QWidget):
    chosen = Signal(object)

    def __init__(self, candidates: list[Candidate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        companies = {one_line(c.contact_name).casefold() for c in candidates}
        self.rows: list[ChoiceRow] = []
        self.filter_edit: FilterEdit | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        if len(candidates) >= FILTER_FROM:
            self.filter_edit = FilterEdit()
            self.filter_edit.setPlaceholderText(self.tr("Filter %n people", "", len(candidates)))
            self.filter_edit.textChanged.connect(self.set_filter)
            self.filter_edit.submitted.connect(self.choose_first)
            # In line with the names below it and the list's right edge.
            filter_row = QHBoxLayout()
            filter_row.setContentsMargins(4, 0, 6, 0)
            filter_row.addWidget(self.filter_edit)
            layout.addLayout(filter_row)

        rows = QWidget()
        column = QVBoxLayout(rows)
        column.setContentsMargins(0, 0, 6, 0)
        column.setSpacing(0)
        for candidate in candidates:
            # One company for all is named once, above the list.
            row = ChoiceRow(candidate, show_company=len(companies) > 1)
            row.clicked.connect(self.chosen)
            column.addWidget(row)
            self.rows.append(row)
        self.no_match = plain_label(self.tr("No one by that name"))
        make_secondary(self.no_match)
        self.no_match.setContentsMargins(8, 5, 8, 5)
        self.no_match.hide()
        column.addWidget(self.no_match)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(rows)
        # setWidget turns background filling on; the card paints the background itself.
        rows.setAutoFillBackground(False)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.viewport().setAutoFillBackground(False)
        visible = min(len(self.rows), MAX_VISIBLE_CHOICES)
        row_height = self.rows[0].sizeHint().height() if self.rows else 24
        # A half row peeks out when there are more: the list visibly scrolls. The height stays
        # fixed while filtering, so the toast does not jump under the pointer.
        scroll.setFixedHeight(
            visible * row_height + (row_height // 2 if visible < len(self.rows) else 0)
        )
        layout.addWidget(scroll)
        self.scroll_area = scroll

    def visible_candidates(self) -> list[Candidate]:
        return [row.candidate for row in self.rows if not row.isHidden()]

    def set_filter(self, text: str) -> None:
        for row in self.rows:
            row.setHidden(not row.matches(text))
        self.no_match.setVisible(not self.visible_candidates())

    def choose_first(self) -> None:
        shown = self.visible_candidates()
        if shown:
            self.chosen.emit(shown[0])
