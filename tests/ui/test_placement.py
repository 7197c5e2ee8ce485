"""Where pops go: the tray's corner of the screen, stacked away from it, never off screen."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from screenpop.core.calls import CallState
from screenpop.core.matching import Candidate
from screenpop.core.phone import IncomingNumber
from screenpop.ui.placement import GAP, MARGIN, Corner, stacked_position, tray_corner
from screenpop.ui.toast import CallToast

SCREEN = QRect(0, 0, 1920, 1080)
# A second monitor to the right of the first, as multi-monitor desktops report it.
RIGHT_SCREEN = QRect(1920, 0, 1280, 1024)


@pytest.mark.parametrize(
    ("available", "expected"),
    [
        (QRect(0, 0, 1920, 1040), Corner.BOTTOM_RIGHT),  # Windows taskbar, KDE panel
        (QRect(0, 32, 1920, 1048), Corner.TOP_RIGHT),  # GNOME top bar, macOS menu bar
        (QRect(64, 0, 1856, 1080), Corner.BOTTOM_LEFT),  # a dock down the left side
        (QRect(0, 0, 1920, 1080), Corner.BOTTOM_RIGHT),  # no panel: the default
    ],
)
def test_the_panel_tells_where_the_tray_is(available: QRect, expected: Corner):
    assert tray_corner(SCREEN, available, None) == expected


@pytest.mark.parametrize(
    ("tray", "expected"),
    [
        (QRect(1880, 1050, 22, 22), Corner.BOTTOM_RIGHT),
        (QRect(1880, 4, 22, 22), Corner.TOP_RIGHT),
        (QRect(10, 4, 22, 22), Corner.TOP_LEFT),
        (QRect(10, 1050, 22, 22), Corner.BOTTOM_LEFT),
    ],
)
def test_the_tray_icons_own_place_wins(tray: QRect, expected: Corner):
    assert tray_corner(SCREEN, QRect(0, 0, 1920, 1040), tray) == expected


def test_a_tray_on_another_screen_is_ignored():
    tray = QRect(1880, 4, 22, 22)  # top right of the first screen
    corner = tray_corner(RIGHT_SCREEN, QRect(1920, 0, 1280, 984), tray)
    assert corner == Corner.BOTTOM_RIGHT


def test_an_empty_tray_geometry_is_ignored():
    assert tray_corner(SCREEN, QRect(0, 32, 1920, 1048), QRect()) == Corner.TOP_RIGHT


def test_pops_stack_away_from_a_bottom_corner():
    area = QRect(0, 0, 1920, 1040)
    size = QSize(360, 100)
    first = stacked_position(area, Corner.BOTTOM_RIGHT, size, 0)
    second = stacked_position(area, Corner.BOTTOM_RIGHT, size, size.height() + GAP)
    assert (first.x(), first.y()) == (1920 - MARGIN - 360, 1040 - MARGIN - 100)
    assert second.y() == first.y() - size.height() - GAP


def test_pops_stack_downwards_from_a_top_corner_on_a_second_screen():
    area = QRect(1920, 28, 1280, 996)
    size = QSize(360, 100)
    first = stacked_position(area, Corner.TOP_RIGHT, size, 0)
    second = stacked_position(area, Corner.TOP_RIGHT, size, 108)
    assert (first.x(), first.y()) == (1920 + 1280 - MARGIN - 360, 28 + MARGIN)
    assert second.y() == first.y() + 108


@pytest.mark.parametrize("corner", list(Corner))
def test_a_tall_pile_folds_instead_of_leaving_the_screen(corner: Corner):
    area = QRect(0, 0, 800, 600)
    size = QSize(360, 150)
    point = stacked_position(area, corner, size, 5000)
    assert area.contains(QRect(point, size))


@pytest.mark.parametrize(
    ("corner", "check"),
    [
        (Corner.BOTTOM_RIGHT, lambda g, a: g.bottom() == a.bottom() - MARGIN),
        (Corner.TOP_RIGHT, lambda g, a: g.top() == a.top() + MARGIN),
        (Corner.TOP_LEFT, lambda g, a: g.left() == a.left() + MARGIN),
        (Corner.BOTTOM_LEFT, lambda g, a: g.left() == a.left() + MARGIN),
    ],
)
def test_a_toast_goes_to_the_trays_corner(
    qtbot: QtBot,
    incoming: IncomingNumber,
    candidate: Candidate,
    corner: Corner,
    check: Callable[..., bool],
):
    area = QGuiApplication.primaryScreen().availableGeometry()
    toast = CallToast(incoming, [candidate], CallState.RINGING)
    qtbot.addWidget(toast)
    toast.place(0, 0, corner)
    assert check(toast.geometry(), area)
    assert area.contains(toast.geometry())
