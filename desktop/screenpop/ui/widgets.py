"""Small widgets shared by the windows: plain-text labels, a link-like label, a banner.

Colours come from the palette (mixed, never hard-coded) so light and dark themes both work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QEnterEvent,
    QFocusEvent,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QWidget,
)

from screenpop.ui.text import plain_tooltip


def bring_up(window: QWidget) -> None:
    """Show a dialog the user asked for, in front, with the keyboard."""
    window.show()
    window.raise_()
    window.activateWindow()


def busy_bar() -> QProgressBar:
    """A thin bar that moves while work is under way (hidden until shown)."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setFixedHeight(3)
    bar.hide()
    return bar


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0..1) of the way towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
        a.alphaF() + (b.alphaF() - a.alphaF()) * amount,
    )


def scaled_font(widget: QWidget, factor: float, weight: QFont.Weight | None = None) -> QFont:
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    else:
        font.setPixelSize(round(font.pixelSize() * factor))
    if weight is not None:
        font.setWeight(weight)
    return font


def capped_minimum(label: QLabel, hint: QSize) -> QSize:
    """A wrapping label is at least as wide as its longest word; CRM junk (a 500-character
    "word") would widen the whole window. Beyond a few dozen characters it is clipped."""
    if not label.wordWrap():
        return hint
    return QSize(min(hint.width(), label.fontMetrics().averageCharWidth() * 24), hint.height())


class _WrappingLabel(QLabel):
    def minimumSizeHint(self) -> QSize:
        return capped_minimum(self, super().minimumSizeHint())


def plain_label(
    text: str = "",
    parent: QWidget | None = None,
    *,
    secondary: bool = False,
    selectable: bool = False,
    wrap: bool = False,
) -> QLabel:
    """A QLabel that never interprets its text as HTML."""
    label = _WrappingLabel(parent) if wrap else QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if secondary:
        make_secondary(label)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def make_secondary(widget: QWidget) -> None:
    # Qt derives the placeholder colour from the text colour, so it suits either theme.
    widget.setForegroundRole(QPalette.ColorRole.PlaceholderText)


class ElidedLabel(QLabel):
    """A one-line plain-text label that shortens itself with "…" instead of growing."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._update_tooltip()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tooltip()

    def _elided(self) -> str:
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def _update_tooltip(self) -> None:
        # The full text on hover, but only when some of it is hidden.
        self.setToolTip(plain_tooltip(self.text()) if self._elided() != self.text() else "")

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("…") * 3, hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(min(hint.width(), 4000), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect()
        elided = self._elided()
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            elided,
            self.foregroundRole(),
        )


class LinkLabel(QLabel):
    """Plain text that behaves like a link: pointer cursor, underline on hover, Enter/Space."""

    clicked = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)
        self._active = False
        self.set_active(True)

    def minimumSizeHint(self) -> QSize:
        return capped_minimum(self, super().minimumSizeHint())

    def set_active(self, active: bool) -> None:
        """An inactive link is ordinary text (no web client to open it in)."""
        self._active = active
        self.setCursor(Qt.CursorShape.PointingHandCursor if active else Qt.CursorShape.ArrowCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if active else Qt.FocusPolicy.NoFocus)
        self.setForegroundRole(QPalette.ColorRole.Link if active else QPalette.ColorRole.WindowText)
        self._underline(False)

    def is_active(self) -> bool:
        return self._active

    def _underline(self, on: bool) -> None:
        font = self.font()
        font.setUnderline(on and self._active)
        self.setFont(font)

    def enterEvent(self, event: QEnterEvent) -> None:
        self._underline(True)
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._underline(self.hasFocus())
        super().leaveEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._underline(True)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._underline(False)
        super().focusOutEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if (
            self._active
            and event.button() == Qt.MouseButton.LeftButton
            and self.rect().contains(event.position().toPoint())
        ):
            self.clicked.emit()
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._active and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        # A link cannot be selected with the mouse, so its text is copied from here.
        menu = QMenu(self)
        menu.addAction(self.tr("Copy"), self.copy)
        menu.exec(event.globalPos())

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())


class Banner(QFrame):
    """A calm, tinted strip with a message and an optional action button."""

    action_clicked = Signal()

    def __init__(self, action: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.message = plain_label(wrap=True, selectable=True)
        self.button = QPushButton(action)
        self.button.clicked.connect(self.action_clicked)
        self.button.setVisible(bool(action))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(12)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._tint()

    def set_message(self, text: str) -> None:
        self.message.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._tint()
        super().changeEvent(event)

    def _tint(self) -> None:
        # From the application palette: this frame's own palette is tinted by the style sheet.
        base = QGuiApplication.palette().color(QPalette.ColorRole.Window)
        amber = QColor(0xD9, 0x82, 0x2B)
        background = mix(base, amber, 0.16).name()
        border = mix(base, amber, 0.55).name()
        # Style only this frame by its object name, so the button keeps the platform look.
        style = f"QFrame#banner {{ background: {background}; border: 1px solid {border};"
        style += " border-radius: 6px; }"
        if self.styleSheet() != style:
            self.setStyleSheet(style)


class Rule(QWidget):
    """A hairline separator in a colour between text and background."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(1)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        color = mix(
            palette.color(QPalette.ColorRole.Window),
            palette.color(QPalette.ColorRole.WindowText),
            0.15,
        )
        QPainter(self).fillRect(self.rect(), color)


Keys = tuple[str | QKeySequence.StandardKey, ...]


def bind_shortcuts(parent: QWidget, bindings: Iterable[tuple[Keys, Callable[[], object]]]) -> None:
    """Window-wide shortcuts, each key sequence bound once.

    A standard key is often the same sequence as a literal one (StandardKey.Refresh is F5 on
    most platforms); two shortcuts on one sequence make Qt call it ambiguous and neither fires.
    """
    seen: set[str] = set()
    for keys, slot in bindings:
        for key in keys:
            sequence = QKeySequence(key)
            if sequence.isEmpty() or sequence.toString() in seen:
                continue
            seen.add(sequence.toString())
            QShortcut(sequence, parent, slot)
