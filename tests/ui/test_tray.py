from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from itertools import combinations

import pytest
from PySide6.QtGui import QColor, QIcon, QImage, QPainter
from pytestqt.qtbot import QtBot

from screenpop.core.recent import RecentCall
from screenpop.ui import icons
from screenpop.ui.text import short_time
from screenpop.ui.tray import ICON_NAMES, TrayIcon, TrayState, state_icon, sync_text


@pytest.fixture
def tray(qtbot: QtBot) -> Iterator[TrayIcon]:
    tray = TrayIcon()
    yield tray
    tray.tray.hide()
    tray.menu.deleteLater()
    tray.deleteLater()


@pytest.fixture
def recent_calls() -> list[RecentCall]:
    now = datetime.now(UTC)
    return [
        RecentCall(now, "+47 22 33 44 55", "Ola Nordmann — Acme & Co", 34, True, 12),
        RecentCall(now - timedelta(days=1), "+47 21 00 00 00", "", None, False),
        RecentCall(now - timedelta(days=3), "+47 91 23 45 67", "Kari Hansen — Bolt AS", 7, False),
    ]


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
    tray.set_state(TrayState.SYNCED, "1,234 caller IDs", datetime.now(UTC))

    texts = visible_texts(tray)
    assert texts[:2] == ["Find contact…", "Recent calls"]
    assert texts[2:5] == ["---", "Do not disturb", texts[4]]
    assert re.fullmatch(r"Sync now — last synced \d\d?:\d\d", texts[4])
    assert texts[5:] == ["---", "Settings…", "About Screenpop", "Quit"]
    recent = tray.recent_menu.actions()
    assert [action.text() for action in recent] == ["No calls yet"]
    assert not recent[0].isEnabled()
    assert tray.dnd_action.isCheckable() and not tray.dnd_action.isChecked()


def test_sync_entry_says_when_it_last_synced(tray: TrayIcon):
    tray.set_state(TrayState.SYNCING, "syncing…")
    assert tray.sync_action.text() == "Sync now — syncing…"
    assert not tray.sync_action.isEnabled()
    yesterday = datetime.now(UTC) - timedelta(days=1)
    tray.set_state(TrayState.OFFLINE, "offline", yesterday)
    assert tray.sync_action.text() == f"Sync now — last synced yesterday {short_time(yesterday)}"
    assert tray.sync_action.isEnabled()
    # Offline again later: the last success stays what it was.
    tray.set_state(TrayState.OFFLINE, "still offline")
    assert "yesterday" in tray.sync_action.text()


def test_sync_text_words():
    now = datetime(2025, 3, 5, 12, 0, tzinfo=UTC)
    assert sync_text(TrayState.SYNCING, now, now) == "Sync now — syncing…"
    assert sync_text(TrayState.SYNCED, None, now) == "Sync now — not synced yet"
    assert sync_text(TrayState.SYNCED, now, now) == f"Sync now — last synced {short_time(now)}"


def test_do_not_disturb_shows_in_menu_icon_and_tooltip(qtbot: QtBot, tray: TrayIcon):
    tray.set_state(TrayState.SYNCED, "1,234 caller IDs")
    plain_key = tray.tray.icon().cacheKey()

    with qtbot.waitSignal(tray.do_not_disturb_toggled) as blocker:
        tray.dnd_action.trigger()

    assert blocker.args == [True]
    assert tray.dnd_action.isChecked()
    assert tray.tray.toolTip() == "Screenpop — Do not disturb · 1,234 caller IDs"
    assert tray.tray.icon().cacheKey() != plain_key
    assert drawn(tray.tray.icon(), 22)
    # Set from elsewhere (settings, the main window): shown, but not echoed back.
    with qtbot.assertNotEmitted(tray.do_not_disturb_toggled):
        tray.set_do_not_disturb(False)
    assert not tray.dnd_action.isChecked()
    assert tray.tray.toolTip() == "Screenpop — 1,234 caller IDs"


def test_the_do_not_disturb_badge_changes_the_icon(qtbot: QtBot):
    for state in TrayState:
        plain = state_icon(state, False).pixmap(22).toImage()
        badged = state_icon(state, True).pixmap(22).toImage()
        assert plain != badged
        # The badge sits bottom left, in red: the sync badge (top right) stays readable.
        corner = badged.pixelColor(5, 17)
        assert corner.red() > 150 and corner.green() < 120


def test_recent_calls_list_time_number_who_and_outcome(
    qtbot: QtBot, tray: TrayIcon, recent_calls: list[RecentCall]
):
    tray.set_recent_calls(recent_calls)

    actions = tray.recent_menu.actions()
    assert len(actions) == len(recent_calls)
    first, second, third = actions
    assert first.text() == (
        f"Ola Nordmann — Acme && Co · +47 22 33 44 55\t{short_time(recent_calls[0].when)}"
    )
    assert second.text().startswith("Unknown caller · +47 21 00 00 00\tyesterday ")
    assert third.text().startswith("Kari Hansen — Bolt AS · +47 91 23 45 67\t")
    assert first.toolTip().startswith("Answered call")
    assert second.toolTip().startswith("Missed call")
    assert first.icon().cacheKey() != second.icon().cacheKey()

    with qtbot.waitSignal(tray.recent_call_chosen) as blocker:
        second.trigger()
    assert blocker.args == [recent_calls[1]]


def test_recent_calls_show_the_last_twenty(tray: TrayIcon, recent_calls: list[RecentCall]):
    many = [replace(recent_calls[0], number=f"+47 22 00 00 {i:02d}") for i in range(30)]
    tray.set_recent_calls(many)
    assert len(tray.recent_menu.actions()) == 20
    tray.set_recent_calls([])
    assert [a.text() for a in tray.recent_menu.actions()] == ["No calls yet"]


def test_tray_geometry_is_none_without_a_tray(tray: TrayIcon):
    assert tray.geometry() is None


def test_tooltip_carries_the_detail(tray: TrayIcon):
    tray.set_state(TrayState.OFFLINE, "Offline since 10:42")

    assert tray.tray.toolTip() == "Screenpop — Offline since 10:42"


def test_ampersands_are_not_mnemonics(tray: TrayIcon):
    tray.set_state(TrayState.SIGN_IN_NEEDED, "Sign in to R&D")
    tray.set_do_not_disturb(True)
    tray.set_recent_calls([RecentCall(datetime.now(UTC), "1", "R&D", 1, True)])

    assert tray.recent_menu.actions()[0].text().startswith("R&&D · 1\t")
    assert tray.tray.toolTip() == "Screenpop — Do not disturb · Sign in to R&D"


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
        ("settings_action", "settings_requested"),
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


@pytest.mark.parametrize("background", ["#ffffff", "#1e1e1e", "#3c3c3c", "#e8e8e8"])
@pytest.mark.parametrize("state", list(TrayState))
def test_icons_stand_out_on_light_and_dark_panels(state: TrayState, background: str):
    panel = QColor(background)
    image = QImage(22, 22, QImage.Format.Format_ARGB32)
    image.fill(panel)
    painter = QPainter(image)
    state_icon(state).paint(painter, 0, 0, 22, 22)
    painter.end()

    def distance(a: QColor, b: QColor) -> float:
        return (
            sum((x - y) ** 2 for x, y in zip(a.getRgbF()[:3], b.getRgbF()[:3], strict=True)) ** 0.5
        )

    # The tile fills most of the icon; its colour must differ clearly from the panel's, and
    # the white handset on it must stand out from the tile.
    tile = image.pixelColor(6, 16)
    assert distance(tile, panel) > 0.3, (state, background, tile.name())
    brightest = max(
        (image.pixelColor(x, y) for x in range(22) for y in range(22)), key=QColor.lightness
    )
    assert distance(brightest, tile) > 0.5
