"""Loading placeholders: grey bars where text will be, gently pulsing.

A skeleton tells the agent what is coming and that the app is alive; a frozen "Loading…" does
neither. It animates only while visible, from the palette, so it suits light and dark themes.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QHideEvent, QPainter, QPaintEvent, QPalette, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from screenpop.ui.widgets import mix

FRAME_MS = 50
PERIOD_MS = 1400
# Widths of the bars, as fractions of the row: varied, so it reads as text rather than a grid.
_ROW_WIDTHS = (0.72, 0.55, 0.83, 0.47, 0.66, 0.78, 0.38, 0.61)


class Skeleton(QWidget):
    """``rows`` placeholder lines; ``columns`` > 1 adds narrower bars beside them, as in a table."""

    def __init__(self, rows: int = 6, columns: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self.columns = columns
        self.phase = 0.0
        self._elapsed_ms = 0
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._tick)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Loading"))

    def row_height(self) -> int:
        return self.fontMetrics().height() + 12

    def sizeHint(self) -> QSize:
        return QSize(320, self.rows * self.row_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(80, min(self.rows, 2) * self.row_height())

    def is_animating(self) -> bool:
        return self._timer.isActive()

    def _tick(self) -> None:
        self._elapsed_ms = (self._elapsed_ms + FRAME_MS) % PERIOD_MS
        self.phase = self._elapsed_ms / PERIOD_MS
        self.update()

    def showEvent(self, event: QShowEvent) -> None:
        self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def bar_color(self) -> QColor:
        palette = self.palette()
        # 8–16 % of the way from the background to the text colour, pulsing.
        pulse = 0.5 - 0.5 * math.cos(2 * math.pi * self.phase)
        return mix(
            palette.color(QPalette.ColorRole.Base),
            palette.color(QPalette.ColorRole.Text),
            0.08 + 0.08 * pulse,
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.bar_color())
        row_height = self.row_height()
        bar_height = max(6, self.fontMetrics().height() // 2)
        width = self.width() - 16
        first = width if self.columns == 1 else int(width * 0.6)
        rest = (width - first) // max(1, self.columns - 1) if self.columns > 1 else 0
        visible_rows = min(self.rows, max(1, self.height() // row_height))
        for row in range(visible_rows):
            y = row * row_height + (row_height - bar_height) / 2
            fraction = _ROW_WIDTHS[row % len(_ROW_WIDTHS)]
            bars: list[tuple[float, float]] = [(8.0, first * fraction)]
            for column in range(1, self.columns):
                left = 8.0 + first + (column - 1) * rest + 12
                bars.append((left, (rest - 24) * (0.5 + 0.4 * ((row + column) % 2))))
            for left, bar_width in bars:
                if bar_width > 4:
                    painter.drawRoundedRect(
                        QRectF(left, y, bar_width, bar_height), bar_height / 2, bar_height / 2
                    )
