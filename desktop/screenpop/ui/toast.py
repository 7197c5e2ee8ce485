"""The pop: a small card in the screen corner that names the caller without taking focus.

Agents type while the phone rings, so the toast is a tool window that is never activated and
whose buttons never take focus. Three variants: one candidate (click the card to open),
several (a switchboard: a chooser list, best first) and none (unknown or withheld number).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QCursor,
    QEnterEvent,
    QFont,
    QGuiApplication,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from screenpop.core.calls import CallState
from screenpop.core.matching import Candidate
from screenpop.core.phone import IncomingNumber, NumberKind
from screenpop.ui.text import caller_name, matched_by_text, one_line, title_safe
from screenpop.ui.widgets import ElidedLabel, make_secondary, mix, plain_label, scaled_font

WIDTH = 360
MARGIN = 16
GAP = 8
RADIUS = 10.0
MAX_VISIBLE_CHOICES = 5
STATE_TEXT = {
    CallState.RINGING: "Ringing…",
    CallState.ANSWERED: "Answered",
    CallState.ENDED: "Ended",
}


def _initials(name: str) -> str:
    words = [word for word in one_line(name).split(" ") if word[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[0][0] + words[-1][0]).upper()


def _accent(palette: QPalette) -> QColor:
    """The active accent: a toast is never the active window (it must not take focus), and
    the inactive Highlight of many styles is close to the window colour, hiding the avatar."""
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)


class _Avatar(QWidget):
    """A round badge with the caller's initials, a count, or "?"."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = text
        self.setFixedSize(40, 40)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        accent = _accent(palette)
        window = palette.color(QPalette.ColorRole.Window)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mix(window, accent, 0.22))
        painter.drawEllipse(self.rect())
        painter.setPen(mix(palette.color(QPalette.ColorRole.WindowText), accent, 0.6))
        painter.setFont(scaled_font(self, 1.05, QFont.Weight.DemiBold))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._text)


class _ChoiceRow(QFrame):
    """One candidate in the chooser: name and company; the whole row is the button."""

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
            company = "Main number"
        else:
            company = one_line(candidate.contact_name) if show_company else ""
        self.company_label = ElidedLabel(company)
        self.company_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.company_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 5)
        layout.setSpacing(12)
        self.company_label.setMaximumWidth(self.fontMetrics().averageCharWidth() * 18)
        layout.addWidget(self.name_label, 1)
        layout.addWidget(self.company_label, 0)

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
            color = mix(
                palette.color(QPalette.ColorRole.Window),
                _accent(palette),
                0.15,
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(QRectF(self.rect()), 6, 6)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit(self.candidate)
        event.accept()


class CallToast(QWidget):
    open_requested = Signal(object)
    search_requested = Signal(str)
    dismissed = Signal()

    def __init__(
        self,
        incoming: IncomingNumber,
        candidates: list[Candidate],
        state: CallState,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.incoming = incoming
        self.candidates = list(candidates)
        self._hover = False
        self.setWindowFlags(
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFixedWidth(WIDTH)

        # One line each, elided: a toast of predictable height stacks cleanly.
        self.name_label = ElidedLabel()
        self.name_label.setFont(scaled_font(self, 1.35, QFont.Weight.DemiBold))
        self.company_label = ElidedLabel()
        self.detail_label = ElidedLabel()
        make_secondary(self.detail_label)
        self.state_dot = plain_label("●")
        self.state_label = plain_label(secondary=True)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setToolTip("Dismiss")
        self.close_button.setAutoRaise(True)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.setFont(scaled_font(self, 1.3))
        self.close_button.clicked.connect(self._dismiss)
        self.search_button: QPushButton | None = None
        self.choice_rows: list[_ChoiceRow] = []
        self._build()
        self.set_state(state)
        self.setWindowTitle(title_safe(f"Call from {self._caller_text()} — Screenpop"))
        self.adjustSize()

    # -- variants ----------------------------------------------------------------------------
    def variant(self) -> str:
        """Which card this is: "single", "multiple", "unknown" or "withheld"."""
        if self.incoming.kind is NumberKind.WITHHELD and not self.candidates:
            return "withheld"
        if not self.candidates:
            return "unknown"
        return "single" if len(self.candidates) == 1 else "multiple"

    def _caller_text(self) -> str:
        if len(self.candidates) == 1:
            return caller_name(self.candidates[0]) or self.incoming.display
        return self.incoming.display

    def _build(self) -> None:
        variant = self.variant()
        number = self.incoming.display
        if variant == "single":
            candidate = self.candidates[0]
            self.name_label.setText(caller_name(candidate))
            self.company_label.setText(
                "" if candidate.is_company else one_line(candidate.contact_name)
            )
            self.detail_label.setText(f"{number} · {matched_by_text(candidate)}")
            avatar = _Avatar(_initials(candidate.person_name or candidate.contact_name))
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setToolTip("Open the contact")
        elif variant == "multiple":
            companies = {one_line(c.contact_name).casefold() for c in self.candidates}
            self.name_label.setText(f"{len(self.candidates)} possible callers")
            self.company_label.setText(
                one_line(self.candidates[0].contact_name) if len(companies) == 1 else ""
            )
            self.detail_label.setText(f"{number} · {matched_by_text(self.candidates[0])}")
            avatar = _Avatar(str(len(self.candidates)) if len(self.candidates) < 100 else "99+")
        else:
            self.name_label.setText("Unknown caller")
            self.detail_label.setText(number)
            avatar = _Avatar("?")
        self.company_label.setVisible(bool(self.company_label.text()))

        texts = QVBoxLayout()
        texts.setSpacing(1)
        texts.addWidget(self.name_label)
        texts.addWidget(self.company_label)
        texts.addSpacing(2)
        texts.addWidget(self.detail_label)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(avatar, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(texts, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        bottom.addSpacing(avatar.width() + top.spacing())
        bottom.addWidget(self.state_dot)
        bottom.addWidget(self.state_label)
        bottom.addStretch(1)
        if variant == "unknown":
            self.search_button = QPushButton("Search…")
            self.search_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.search_button.clicked.connect(
                lambda: self.search_requested.emit(self.incoming.digits)
            )
            bottom.addWidget(self.search_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 8, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        if variant == "multiple":
            chooser = QHBoxLayout()
            chooser.setContentsMargins(avatar.width() + top.spacing() - 8, 0, 0, 0)
            chooser.addWidget(self._build_chooser())
            layout.addLayout(chooser)
        layout.addLayout(bottom)

    def _build_chooser(self) -> QWidget:
        rows = QWidget()
        column = QVBoxLayout(rows)
        column.setContentsMargins(0, 0, 6, 0)
        column.setSpacing(0)
        companies = {one_line(c.contact_name).casefold() for c in self.candidates}
        for candidate in self.candidates:
            # One company for all is named once, above the list.
            row = _ChoiceRow(candidate, show_company=len(companies) > 1)
            row.clicked.connect(self.open_requested)
            column.addWidget(row)
            self.choice_rows.append(row)
        scroll = QScrollArea()
        scroll.setWidget(rows)
        # setWidget turns background filling on; the card paints the background itself.
        rows.setAutoFillBackground(False)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.viewport().setAutoFillBackground(False)
        visible = min(len(self.choice_rows), MAX_VISIBLE_CHOICES)
        row_height = self.choice_rows[0].sizeHint().height()
        scroll.setFixedHeight(
            visible * row_height + (row_height // 2 if visible < len(self.choice_rows) else 0)
        )
        return scroll

    # -- the app's interface -----------------------------------------------------------------
    def set_state(self, state: CallState) -> None:
        self.state = state
        self.state_label.setText(STATE_TEXT.get(state, str(state).capitalize()))
        palette = self.state_dot.palette()
        colors = {
            CallState.RINGING: _accent(self.palette()),
            CallState.ANSWERED: QColor(0x22, 0xA0, 0x55),
        }
        color = colors.get(state, self.palette().color(QPalette.ColorRole.PlaceholderText))
        palette.setColor(QPalette.ColorRole.WindowText, color)
        self.state_dot.setPalette(palette)

    def place(self, slot: int, offset: int | None = None) -> None:
        """Bottom-right of the screen under the pointer, ``slot`` toasts up (0 = lowest).

        Toasts of one variant share a height, so ``slot`` is enough; when the toasts below
        differ in height the app may pass ``offset``, the pixels they take up (gaps included).
        """
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        self.adjustSize()
        size = self.size()
        raised = offset if offset is not None else slot * (size.height() + GAP)
        x = area.x() + area.width() - MARGIN - size.width()
        y = area.y() + area.height() - MARGIN - size.height() - raised
        # Beyond the top the pile folds onto the topmost place rather than leaving the screen.
        y = max(y, area.y() + MARGIN)
        x = max(x, area.x())
        self.move(QPoint(x, y))

    # -- events ------------------------------------------------------------------------------
    def _dismiss(self) -> None:
        self.dismissed.emit()
        self.close()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if (
            self.variant() == "single"
            and event.button() == Qt.MouseButton.LeftButton
            and self.rect().contains(event.position().toPoint())
        ):
            self.open_requested.emit(self.candidates[0])
        event.accept()

    def enterEvent(self, event: QEnterEvent) -> None:
        self._hover = True
        self.update()

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = False
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        accent = _accent(palette)
        border = mix(window, text, 0.22)
        if self._hover and self.variant() == "single":
            border = mix(window, accent, 0.8)
        path = QPainterPath()
        path.addRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
        painter.fillPath(path, window)
        painter.setPen(QPen(border, 1.0))
        painter.drawPath(path)
