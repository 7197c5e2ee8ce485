from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

import pytest
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from screenpop.ui import icons
from screenpop.ui.tray import ICON_NAMES, TrayIcon, TrayState


@pytest.fixture
def tray(qtbot: QtBot) -> Iterator[TrayIcon]:
    tray = TrayIcon()
    yield tray
    tray.tray.hide()
    tray.menu.deleteLater()
    tray.deleteLater()


def visible_texts(tray: TrayIcon) -> list[str]:
    return [
        "---" if action.isSeparator() else action.text()
        for action in tray.menu_actions()
        if action.isVisible()
    ]


def drawn(icon: QIcon, size: int = 22) -> bool:
    image = icon.pixmap(size).toImage()
    return not image.isNull() and any(
        image.pixelColor(x, y).alpha() > 0
        for x in range(image.width())
        for y in range(image.height())
    )


@pytest.mark.parametrize("state", list(TrayState))
def test_every_state_has_an_icon_that_draws(tray: TrayIcon, state: TrayState):
    tray.set_state(state, "")

    icon = icons.load_icon(ICON_NAMES[state])
    assert not icon.isNull()
    assert drawn(icon, 16)
    assert drawn(icon, 24)
    assert tray.tray.icon().cacheKey() == icon.cacheKey()


def test_state_icons_differ():
    images = [icons.load_icon(name).pixmap(22).toImage() for name in ICON_NAMES.values()]
    assert all(a != b for a, b in combinations(images, 2))


def test_app_icon_loads():
    assert drawn(icons.app_icon(), 48)


def test_icons_render_without_the_svg_icon_plugin():
    # What a frozen build without Qt's svg icon engine falls back to.
    icon = icons._render_pixmaps(icons.icon_path("tray-synced"))

    assert sorted({size.width() for size in icon.availableSizes()}) == list(icons.PIXMAP_SIZES)
    assert drawn(icon, 16)


def test_menu_entries(tray: TrayIcon):
    tray.set_state(TrayState.SYNCED, "Synced 2 min ago, 1,234 caller IDs")

    assert visible_texts(tray) == [
        "Find contact…",
        "Recent calls",
        "---",
        "Sync now — Synced 2 min ago, 1,234 caller IDs",
        "---",
        "About Screenpop",
        "Quit",
    ]
    recent = tray.recent_menu.actions()
    assert [action.text() for action in recent] == ["No calls yet"]
    assert not recent[0].isEnabled()


def test_tooltip_carries_the_detail(tray: TrayIcon):
    tray.set_state(TrayState.OFFLINE, "Offline since 10:42")

    assert tray.tray.toolTip() == "Screenpop — Offline since 10:42"


def test_ampersands_in_the_detail_are_not_mnemonics(tray: TrayIcon):
    tray.set_state(TrayState.SIGN_IN_NEEDED, "Sign in to R&D")

    assert tray.sync_action.text() == "Sync now — Sign in to R&&D"


def test_simulate_submenu_appears_with_demo_numbers(qtbot: QtBot, tray: TrayIcon):
    assert not tray.simulate_menu.menuAction().isVisible()

    tray.set_demo_numbers([("Ola at Acme", "+4722334455"), ("Switchboard", "+4722000000")])

    assert "Simulate a call" in visible_texts(tray)
    actions = tray.simulate_menu.actions()
    assert [action.text() for action in actions] == [
        "Ola at Acme  (+4722334455)",
        "Switchboard  (+4722000000)",
    ]
    with qtbot.waitSignal(tray.simulate_requested) as blocker:
        actions[1].trigger()
    assert blocker.args == ["+4722000000"]
    tray.set_demo_numbers([])
    assert not tray.simulate_menu.menuAction().isVisible()


@pytest.mark.parametrize(
    ("action", "signal"),
    [
        ("find_action", "find_requested"),
        ("sync_action", "sync_requested"),
        ("about_action", "about_requested"),
        ("quit_action", "quit_requested"),
    ],
)
def test_menu_entries_emit_their_signals(qtbot: QtBot, tray: TrayIcon, action: str, signal: str):
    with qtbot.waitSignal(getattr(tray, signal)):
        getattr(tray, action).trigger()


def test_availability_is_reported(tray: TrayIcon):
    # The offscreen platform has no tray; the app falls back to a window on such desktops.
    assert tray.is_available() is False


def test_notify_without_a_tray_is_quiet(tray: TrayIcon):
    # Qt warnings fail the test: a notification where no tray exists must not produce any.
    tray.notify("Sync failed", "SuperOffice did not answer")
