"""What OK in Settings keeps: changed keys in the settings file, the password in the keyring
(never the file), start at login; and the running app is handed the new settings."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from screenpop.app.setup_flow import SetupFlow
from screenpop.config.credentials import load_secret
from screenpop.config.profile import Profile
from screenpop.config.settings import PopMode, Settings
from screenpop.config.settings_files import load_settings, save_setting
from screenpop.core.tasks import BackgroundTasks
from screenpop.integration.autostart import is_start_at_login
from screenpop.superoffice.client import make_http_client
from screenpop.ui.settings_dialog import SettingsDialog
from tests.conftest import MemoryKeyring


def test_ok_keeps_what_changed_and_hands_it_to_the_app(
    qtbot: QtBot,
    profile: Profile,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    loop: asyncio.AbstractEventLoop,
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    settings = Settings(region="NO")
    applied: list[Settings] = []
    http = make_http_client()
    flow = SetupFlow(profile, lambda: settings, applied.append, lambda: http, BackgroundTasks(),
                     lambda url: None)  # fmt: skip
    # Meanwhile `screenpop configure` changed a key the dialog leaves alone: it stays.
    save_setting(profile, "summary_limit", 40)

    flow.open_settings()
    dialog = flow.dialog
    assert isinstance(dialog, SettingsDialog)
    dialog.sign_in_form.tenant_edit.setText("https://crm.example.com/SuperOffice/api/v1")
    dialog.sign_in_form.user_edit.setText("jane")
    dialog.sign_in_form.password_edit.setText("hunter2")
    dialog.pop_mode.setCurrentIndex(dialog.pop_mode.findData(PopMode.ANSWER.value))
    dialog.start_at_login_box.setChecked(True)
    dialog.accept()

    kept = load_settings(profile)
    assert kept.tenant_url == "https://crm.example.com/SuperOffice"
    assert (kept.user, kept.pop_mode, kept.summary_limit) == ("jane", PopMode.ANSWER, 40)
    assert load_secret(kept.tenant_url, "jane") == "hunter2"
    assert "hunter2" not in profile.settings_file.read_text()
    assert is_start_at_login()
    (handed,) = applied
    assert handed.tenant_url == kept.tenant_url and handed.pop_mode is PopMode.ANSWER
    loop.run_until_complete(http.aclose())
