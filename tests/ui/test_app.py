"""The composed app (offscreen, so without a tray): the main window, Do not disturb, Recent
calls and settings, with a real profile and cache."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from screenpop.app.tray_app import ScreenpopApp
from screenpop.config.profile import Profile
from screenpop.config.settings import PopMode, Settings
from screenpop.config.settings_files import load_settings, save_setting
from screenpop.core.calls import CallEvent
from screenpop.core.recent import RecentCall
from screenpop.store.cache import make_row
from screenpop.triggers.messages import ShowApp
from screenpop.ui.first_run import FirstRunDialog
from screenpop.ui.settings_dialog import SettingsDialog
from screenpop.ui.tray import DND_TEXT
from tests.ui.conftest import wait_until

NUMBER = "+4791234567"


@pytest.fixture
def app(qtbot: QtBot, loop: asyncio.AbstractEventLoop, profile: Profile) -> Iterator[ScreenpopApp]:
    settings = Settings(region="NO", tenant_url="http://127.0.0.1:9/Cust12345", user="demo")
    screenpop = ScreenpopApp(profile, settings, demo=False)
    screenpop.cache.replace_all(
        [make_row(NUMBER, 47, 91234567, 0, 3, "Kari Hansen", "Ms", 7, "Bolt AS")], {}
    )
    yield screenpop
    loop.run_until_complete(screenpop.stop())
    screenpop.main_window.deleteLater()


def started(app: ScreenpopApp, loop: asyncio.AbstractEventLoop) -> None:
    async def start() -> None:
        app.start()
        await asyncio.sleep(0)

    loop.run_until_complete(start())


def test_without_a_tray_the_main_window_is_shown(
    qtbot: QtBot, app: ScreenpopApp, loop: asyncio.AbstractEventLoop
):
    started(app, loop)
    window = app.main_window
    assert window.isVisible()
    assert window.note_label.isVisibleTo(window)
    window.close()
    assert not window.isVisible()

    # Starting Screenpop again hands the running app a "show" message.
    app.handle(ShowApp())
    assert window.isVisible()


def test_do_not_disturb_is_shown_everywhere_and_kept(
    qtbot: QtBot, app: ScreenpopApp, loop: asyncio.AbstractEventLoop, profile: Profile
):
    started(app, loop)
    app.tray.dnd_action.trigger()

    assert app.calls.tracker.rules.quiet
    assert app.main_window.dnd_box.isChecked()
    assert app.tray.tray.toolTip().startswith(f"Screenpop — {DND_TEXT}")
    assert load_settings(profile).do_not_disturb
    app.handle(CallEvent(NUMBER, call_id="quiet"))
    assert len(app.pops.toasts) == 0

    app.main_window.dnd_box.click()
    assert not app.calls.tracker.rules.quiet
    assert not app.tray.dnd_action.isChecked()
    assert not load_settings(profile).do_not_disturb


def test_settings_chosen_in_the_dialog_are_kept(
    qtbot: QtBot, app: ScreenpopApp, loop: asyncio.AbstractEventLoop, profile: Profile
):
    started(app, loop)
    app.tray.settings_action.trigger()
    dialog = app.setup.dialog
    assert isinstance(dialog, SettingsDialog)
    dialog.pop_mode.setCurrentIndex(dialog.pop_mode.findData(PopMode.ANSWER.value))
    dialog.accept()

    assert load_settings(profile).pop_mode is PopMode.ANSWER
    app.handle(CallEvent(NUMBER, call_id="ringing only"))
    assert len(app.pops.toasts) == 0


@pytest.mark.log_warnings
def test_recent_calls_reopen_the_caller_or_search(
    qtbot: QtBot, app: ScreenpopApp, loop: asyncio.AbstractEventLoop
):
    now = datetime.now(UTC)
    known = RecentCall(now, "+47 91 23 45 67", "Ms Kari Hansen — Bolt AS", 7, True, 3)
    unknown = RecentCall(now, "+47 21 00 00 00", "", None, False)

    async def scenario() -> None:
        app.start()
        app.set_recent_calls([known, unknown])
        assert len(app.tray.recent_menu.actions()) == 2
        assert app.main_window.recent_list.count() == 2

        app.tray.recent_menu.actions()[0].trigger()
        window = app.windows.window(7)
        assert window is not None
        assert window.caller_person() == "Ms Kari Hansen"
        # No password stored: the window says so instead of loading for ever.
        await wait_until(lambda: not window.banner.isHidden())
        assert "No password is stored for demo" in window.banner.message.text()

        app.main_window.recent_call_chosen.emit(unknown)
        dialog = app._find_dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.search_edit.text() == "+47 21 00 00 00"

    loop.run_until_complete(scenario())


def test_without_a_tenant_the_first_run_window_asks_for_one(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, profile: Profile
) -> None:
    screenpop = ScreenpopApp(profile, Settings(region="NO"), demo=False)
    try:
        started(screenpop, loop)
        assert isinstance(screenpop.setup.dialog, FirstRunDialog)
        assert screenpop.setup.dialog.isVisible()
    finally:
        loop.run_until_complete(screenpop.stop())
        screenpop.main_window.deleteLater()
    assert screenpop.setup.dialog is None or not screenpop.setup.dialog.isVisible()


def test_every_setting_reaches_the_running_app_at_once(
    qtbot: QtBot,
    app: ScreenpopApp,
    loop: asyncio.AbstractEventLoop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SCREENPOP_SECRET", "demo")
    locale = QLocale()
    chosen = replace(
        app.settings,
        summary_limit=80,
        sync_interval_minutes=120,
        pop_mode=PopMode.NEVER,
        auto_open=True,
        language="de",
    )

    async def scenario() -> None:
        # Not started: no sync is under way when the loop stops between scenarios.
        client, http = app.client(), app.http
        app.apply_settings(chosen)
        assert app.windows._default_limit == 80
        assert app.scheduler.interval_s == 120 * 60
        assert app.pops._settings.pop_mode is PopMode.NEVER
        assert app.tray.settings_action.text() == "Einstellungen…"
        assert app.main_window.quit_button.text() == "Beenden"
        # SuperOffice is asked in the new language; the CA is the same, so is the HTTP client.
        assert app.client() is not client
        assert app.client()._headers["Accept-Language"] == "de"
        assert app.http is http
        app.handle(CallEvent(NUMBER, call_id="never pops"))
        assert len(app.pops.toasts) == 0
        app.apply_settings(replace(chosen, language=""))
        assert app.tray.settings_action.text() == "Settings…"

    try:
        loop.run_until_complete(scenario())
    finally:
        QLocale.setDefault(locale)


def test_settings_changed_on_disk_reach_the_running_app(
    qtbot: QtBot, app: ScreenpopApp, loop: asyncio.AbstractEventLoop, profile: Profile
) -> None:
    app.watch_settings()  # as start() does, without the sync that start() begins

    async def scenario() -> None:
        # As `screenpop configure --pop answer --summary-limit 60` does, in another process.
        save_setting(profile, "pop_mode", PopMode.ANSWER)
        save_setting(profile, "summary_limit", 60)
        await wait_until(lambda: app.settings.summary_limit == 60)

    loop.run_until_complete(scenario())
    assert app.pops._settings.pop_mode is PopMode.ANSWER
    assert app.windows._default_limit == 60
