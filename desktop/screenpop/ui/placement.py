"""Where pops go: the screen with the pointer, in the corner where that screen's tray is.

Agents with two or three monitors look where their pointer is; notifications appear next to
the tray (bottom right on Windows and most Linux panels, top right under a macOS menu bar or a
GNOME top bar). The pile grows away from that corner and folds rather than leaving the screen.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QCursor, QGuiApplication, QScreen

MARGIN = 16
GAP = 8


class Corner(StrEnum):
    BOTTOM_RIGHT = "bottom-right"
    BOTTOM_LEFT = "bottom-left"
    TOP_RIGHT = "top-right"
    TOP_LEFT = "top-left"

    @property
    def top(self) -> bool:
        return self in (Corner.TOP_RIGHT, Corner.TOP_LEFT)

    @property
    def left(self) -> bool:
        return self in (Corner.BOTTOM_LEFT, Corner.TOP_LEFT)


def pointer_screen() -> QScreen:
    return QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()


def tray_corner(screen: QRect, available: QRect, tray: QRect | None = None) -> Corner:
    """The corner of ``screen`` nearest its tray.

    ``tray`` is the tray icon's geometry where the platform tells it (it may be on another
    screen, or empty); otherwise the panels tell: the side where the available area is cut
    off. Bottom right when nothing tells.
    """
    if tray is not None and tray.isValid() and screen.intersects(tray):
        center = tray.center()
        top = center.y() < screen.center().y()
        left = center.x() < screen.center().x()
    else:
        cut_top = available.top() - screen.top()
        cut_bottom = screen.bottom() - available.bottom()
        cut_left = available.left() - screen.left()
        cut_right = screen.right() - available.right()
        top = cut_top > cut_bottom
        # A panel down the left side (Unity, some KDE layouts) keeps its tray there.
        left = cut_left > cut_right and cut_left > max(cut_top, cut_bottom)
    if top:
        return Corner.TOP_LEFT if left else Corner.TOP_RIGHT
    return Corner.BOTTOM_LEFT if left else Corner.BOTTOM_RIGHT


def stacked_position(area: QRect, corner: Corner, size: QSize, offset: int) -> QPoint:
    """Top-left point of a pop of ``size`` that sits ``offset`` pixels (the pops nearer the
    corner, gaps included) away from ``corner`` of ``area``, kept inside it."""
    right = area.left() + area.width() - MARGIN - size.width()
    x = area.left() + MARGIN if corner.left else right
    if corner.top:
        y = area.top() + MARGIN + offset
        # Beyond the bottom the pile folds onto the last place rather than leaving the screen.
        y = min(y, area.top() + area.height() - MARGIN - size.height())
    else:
        y = area.top() + area.height() - MARGIN - size.height() - offset
        y = max(y, area.top() + MARGIN)
    x = max(area.left(), min(x, area.left() + area.width() - size.width()))
    y = max(area.top(), y)
    return QPoint(x, y)
