"""The toast's card: a frameless tool window that never takes focus, drawn as a rounded card.

Agents type while the phone rings, so the card is never activated and shows without
activating. Its corners are see-through where a compositor draws them, else a mask shapes it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from screenpop.ui.compositing import translucency_works
from screenpop.ui.widgets import mix

RADIUS = 10.0


def accent(palette: QPalette) -> QColor:
    """The active accent: a toast is never the active window (it must not take focus), and
    the inactive Highlight of many styles is close to the window colour."""
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)


class ToastCard(QWidget):
    def __init__(self, width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hover = False
        self.setWindowFlags(
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        # Without a compositor the see-through corners would be black: a mask shapes it then.
        self._translucent = translucency_works()
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, self._translucent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFixedWidth(width)

    def highlighted(self) -> bool:
        """Whether its border shows the accent (the pointer on a card that opens when clicked)."""
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._translucent:
            self.setMask(QRegion(self._outline().toFillPolygon().toPolygon()))

    def _outline(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
        return path

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        border = (
            mix(window, accent(palette), 0.8) if self.highlighted() else mix(window, text, 0.22)
        )
        path = self._outline()
        if not self._translucent:
            painter.fillRect(self.rect(), window)
        painter.fillPath(path, window)
        painter.setPen(QPen(border, 1.0))
        painter.drawPath(path)
