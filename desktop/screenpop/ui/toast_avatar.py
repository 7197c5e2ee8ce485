"""The round badge at the left of a toast: the caller's initials, a count, or "?"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from screenpop.ui.text import one_line
from screenpop.ui.toast_card import accent
from screenpop.ui.widgets import mix, scaled_font


def initials(name: str) -> str:
    words = [word for word in one_line(name).split(" ") if word[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[0][0] + words[-1][0]).upper()


class Avatar(QWidget):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = text
        self.setFixedSize(40, 40)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        color = accent(palette)
        window = palette.color(QPalette.ColorRole.Window)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mix(window, color, 0.22))
        painter.drawEllipse(self.rect())
        painter.setPen(mix(palette.color(QPalette.ColorRole.WindowText), color, 0.6))
        painter.setFont(scaled_font(self, 1.05, QFont.Weight.DemiBold))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._text)
