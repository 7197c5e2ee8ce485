"""The placeholder Settings dialog: how calls pop, and what the connection is."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from screenpop.settings import PopMode, Settings
from screenpop.ui.settings_dialog import SettingsDialog


def test_shows_and_returns_the_pop_settings(qtbot: QtBot):
    settings = Settings(tenant_url="https://crm.example/Cust1", user="jane", region="SE")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)

    assert dialog.pop_mode.currentText() == "When it rings"
    assert not dialog.auto_open.isChecked()
    assert dialog.tenant_label.text() == "https://crm.example/Cust1"
    assert dialog.region_label.text() == "SE"

    dialog.pop_mode.setCurrentIndex(dialog.pop_mode.findText("When I answer"))
    dialog.auto_open.setChecked(True)
    dialog.do_not_disturb.setChecked(True)
    chosen = dialog.chosen()

    assert chosen == Settings(
        tenant_url="https://crm.example/Cust1",
        user="jane",
        region="SE",
        pop_mode=PopMode.ANSWER,
        auto_open=True,
        do_not_disturb=True,
    )


def test_an_unconfigured_app_says_so(qtbot: QtBot):
    dialog = SettingsDialog(Settings(pop_mode=PopMode.NEVER))
    qtbot.addWidget(dialog)
    assert dialog.tenant_label.text() == "Not set up"
    assert dialog.pop_mode.currentText() == "Never"
