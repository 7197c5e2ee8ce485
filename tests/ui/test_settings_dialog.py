"""The Settings dialog: every setting round-trips, bad input is refused calmly, locked values
stay the administrator's, and a password never reaches the settings."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import certifi
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from screenpop.config.profile import Profile
from screenpop.config.settings import FIELD, FIELDS, PopMode, Settings
from screenpop.config.settings_files import load_settings, save_settings
from screenpop.superoffice.auth_kind import AuthKind
from screenpop.ui import settings_dialog
from screenpop.ui.settings_dialog import SettingsDialog

EVERYTHING = Settings(
    tenant_url="https://crm.example.com/SuperOffice",
    auth=AuthKind.TICKET,
    user="jane",
    client_id="",
    environment="online",
    ca_file="",
    region="SE",
    outside_line_prefix="9",
    sync_interval_minutes=30,
    selection_id=7,
    min_days=90,
    pop_mode=PopMode.ANSWER,
    auto_open=True,
    summary_limit=40,
    baresip="127.0.0.1:4444",
    baresip_allow_remote=False,
    do_not_disturb=True,
    live_lookup=False,
    ringing_timeout_s=90,
    language="de",
)


def make_dialog(qtbot: QtBot, settings: Settings = EVERYTHING, **options: object) -> SettingsDialog:
    dialog = SettingsDialog(settings, **options)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def press_ok(dialog: SettingsDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_every_setting_round_trips_untouched(qtbot: QtBot):
    dialog = make_dialog(qtbot)
    assert dialog.chosen() == EVERYTHING
    assert dialog.chosen_start_at_login() is False
    assert dialog.entered_secret() is None


def test_the_dialog_shows_the_settings(qtbot: QtBot):
    dialog = make_dialog(qtbot, start_at_login=True)
    form = dialog.sign_in_form
    assert form.tenant_edit.text() == "https://crm.example.com/SuperOffice"
    assert form.auth_combo.currentData() == "ticket"
    assert form.password_label.text() == "Ticket"
    assert dialog.pop_mode.currentText() == "When I answer"
    assert dialog.region_combo.region() == "SE"
    assert "Sweden" in dialog.region_combo.currentText()
    assert dialog.prefix_edit.text() == "9"
    assert dialog.summary_limit.value() == 40
    assert dialog.baresip_edit.text() == "127.0.0.1:4444"
    assert dialog.language_combo.currentText() == "Deutsch"
    assert dialog.start_at_login_box.isChecked()


def test_changes_come_back_as_settings(qtbot: QtBot):
    dialog = make_dialog(qtbot, Settings(tenant_url="https://crm.example.com/SuperOffice"))
    form = dialog.sign_in_form
    form.user_edit.setText("  kari ")
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("DK"))
    dialog.prefix_edit.setText("0")
    dialog.pop_mode.setCurrentIndex(dialog.pop_mode.findText("Never"))
    dialog.auto_open.setChecked(True)
    dialog.do_not_disturb.setChecked(True)
    dialog.summary_limit.setValue(60)
    dialog.baresip_edit.setText(" 4444 ")
    dialog.baresip_remote.setChecked(True)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("nl"))
    dialog.start_at_login_box.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        press_ok(dialog)

    assert dialog.chosen() == Settings(
        tenant_url="https://crm.example.com/SuperOffice",
        user="kari",
        region="DK",
        outside_line_prefix="0",
        pop_mode=PopMode.NEVER,
        auto_open=True,
        do_not_disturb=True,
        summary_limit=60,
        baresip="127.0.0.1:4444",  # a bare port is this computer's
        baresip_allow_remote=True,
        language="nl",
    )
    assert dialog.chosen_start_at_login()


def test_a_pasted_tenant_is_kept_in_its_normal_form(qtbot: QtBot):
    dialog = make_dialog(qtbot, Settings())
    dialog.sign_in_form.tenant_edit.setText("https://online3.superoffice.com/cust555/api/v1/")
    dialog.sign_in_form.auth_combo.setCurrentIndex(
        dialog.sign_in_form.auth_combo.findData("online")
    )
    dialog.sign_in_form.client_id_edit.setText("app-123")
    press_ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    chosen = dialog.chosen()
    assert chosen.tenant_url == "https://online3.superoffice.com/Cust555"
    assert (chosen.auth, chosen.client_id, chosen.environment) == (
        AuthKind.ONLINE,
        "app-123",
        "online",
    )


def test_an_address_that_is_not_one_is_refused_calmly(qtbot: QtBot):
    dialog = make_dialog(qtbot)
    dialog.show()
    dialog.tabs.setCurrentIndex(3)
    form = dialog.sign_in_form
    form.tenant_edit.setText("my superoffice")
    press_ok(dialog)

    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert form.tenant_error.isVisible()
    assert "not a SuperOffice address" in form.tenant_error.text()
    # The agent is taken to the field to fix.
    assert dialog.tabs.currentIndex() == 0
    assert dialog.focusWidget() is form.tenant_edit

    form.tenant_edit.setText("Cust12345")
    form.tenant_edit.textEdited.emit("Cust12345")
    assert not form.tenant_error.isVisible()


def test_an_untouched_connection_is_not_the_dialogs_to_refuse(qtbot: QtBot):
    # Set up elsewhere (configure, an administrator, the demo) or not at all: changing how
    # calls pop must not wait for it.
    dialog = make_dialog(qtbot, Settings())
    dialog.pop_mode.setCurrentIndex(dialog.pop_mode.findText("Never"))
    press_ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen() == Settings(pop_mode=PopMode.NEVER)

    # Once touched, it must make sense.
    dialog = make_dialog(qtbot, Settings())
    dialog.sign_in_form.password_edit.setText("pw")
    press_ok(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.sign_in_form.tenant_error.text() == "Enter the address of your SuperOffice."


def test_online_needs_the_customer_id_and_a_client_id(qtbot: QtBot):
    dialog = make_dialog(qtbot, Settings(auth=AuthKind.ONLINE))
    form = dialog.sign_in_form
    form.tenant_edit.setText("https://crm.example.com/SuperOffice")
    press_ok(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "customer id" in form.tenant_error.text()
    assert form.client_id_error.text() == "Enter the client id your administrator gave you."


@pytest.mark.parametrize(
    ("address", "allow_remote", "message"),
    [
        ("not-an-address", False, "Not an address such as 127.0.0.1:4444"),
        ("127.0.0.1:99999", False, "Not an address such as 127.0.0.1:4444"),
        ("192.0.2.7:4444", False, "This is another computer"),
    ],
)
def test_a_bad_softphone_address_is_refused(
    qtbot: QtBot, address: str, allow_remote: bool, message: str
):
    dialog = make_dialog(qtbot)
    dialog.show()
    dialog.baresip_edit.setText(address)
    dialog.baresip_remote.setChecked(allow_remote)
    press_ok(dialog)

    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.baresip_error.isVisible()
    assert dialog.baresip_error.text().startswith(message)
    assert dialog.tabs.currentWidget().isAncestorOf(dialog.baresip_edit)


def test_another_computer_is_fine_once_allowed(qtbot: QtBot):
    dialog = make_dialog(qtbot)
    dialog.baresip_edit.setText("192.0.2.7:4444")
    dialog.baresip_remote.setChecked(True)
    press_ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen().baresip == "192.0.2.7:4444"


def test_the_company_ca_file_must_be_a_certificate(qtbot: QtBot, tmp_path: Path):
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    dialog = make_dialog(qtbot)
    dialog.ca_file_edit.setText(str(junk))
    press_ok(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.ca_file_error.text() == "This file is not a certificate Screenpop can use (PEM)."

    dialog.ca_file_edit.setText(certifi.where())
    press_ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen().ca_file == str(Path(certifi.where()).resolve())


def test_locked_settings_are_shown_disabled_and_kept(qtbot: QtBot):
    locked = frozenset(
        {"tenant_url", "auth", "user", "region", "pop_mode", "baresip", "language", "ca_file"}
    )
    dialog = make_dialog(qtbot, locked=locked)
    form = dialog.sign_in_form
    widgets: list[QWidget] = [
        form.tenant_edit,
        form.auth_combo,
        form.user_edit,
        dialog.region_combo,
        dialog.pop_mode,
        dialog.baresip_edit,
        dialog.language_combo,
        dialog.ca_file_edit,
        dialog.ca_file_button,
    ]
    for widget in widgets:
        assert not widget.isEnabled(), widget
        assert widget.toolTip() == "Set by your administrator"
    # What the agent may change stays editable.
    assert dialog.auto_open.isEnabled()
    assert form.password_edit.isEnabled()
    assert dialog.start_at_login_box.isEnabled()

    dialog.auto_open.setChecked(False)
    press_ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen() == Settings(**{**_as_dict(EVERYTHING), "auto_open": False})


def test_a_locked_value_is_never_rewritten_even_when_odd(qtbot: QtBot):
    # An administrator's tenant in a form the dialog would normalise, and one it cannot parse.
    for tenant in ("https://online.superoffice.com/cust1/api/v1", "odd value"):
        settings = Settings(tenant_url=tenant, user="jane")
        dialog = make_dialog(qtbot, settings, locked=frozenset({"tenant_url"}))
        press_ok(dialog)
        assert dialog.result() == QDialog.DialogCode.Accepted, tenant
        assert dialog.chosen().tenant_url == tenant


def test_the_password_goes_to_the_app_never_into_the_settings(qtbot: QtBot, profile: Profile):
    secret = "correct horse battery staple"
    dialog = make_dialog(qtbot, Settings(tenant_url="https://crm.example.com/SuperOffice"))
    dialog.sign_in_form.user_edit.setText("jane")
    dialog.sign_in_form.password_edit.setText(secret)
    press_ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.entered_secret() == secret

    chosen = dialog.chosen()
    assert all(secret not in str(getattr(chosen, f.name)) for f in fields(Settings))
    save_settings(profile, chosen)
    assert secret not in profile.settings_file.read_text(encoding="utf-8")
    assert load_settings(profile).user == "jane"


def test_online_has_no_password_to_hand_over(qtbot: QtBot):
    dialog = make_dialog(qtbot, Settings(auth=AuthKind.ONLINE))
    dialog.sign_in_form.password_edit.setText("typed before switching")
    assert not dialog.sign_in_form.password_edit.isVisibleTo(dialog)
    assert dialog.entered_secret() is None


def test_sign_in_is_asked_for_once_the_address_and_client_id_make_sense(qtbot: QtBot):
    dialog = make_dialog(qtbot, Settings(auth=AuthKind.ONLINE))
    form = dialog.sign_in_form
    requests: list[bool] = []
    dialog.sign_in_requested.connect(lambda: requests.append(True))
    form.sign_in_button.click()
    assert requests == []
    assert form.tenant_error.isVisibleTo(dialog)

    form.tenant_edit.setText("Cust12345")
    form.client_id_edit.setText("app-1")
    with qtbot.waitSignal(dialog.sign_in_requested, timeout=1000):
        form.sign_in_button.click()
    assert dialog.chosen().tenant_url == "https://online.superoffice.com/Cust12345"

    assert not form.sign_in_state.isVisibleTo(dialog)
    dialog.set_sign_in_state("Signed in as Jane <admin>")
    assert form.sign_in_state.isVisibleTo(dialog)
    assert form.sign_in_state.text() == "Signed in as Jane <admin>"
    assert form.sign_in_state.textFormat() == Qt.TextFormat.PlainText


def test_a_bare_customer_id_asks_for_its_environment(qtbot: QtBot):
    dialog = make_dialog(qtbot, Settings())
    form = dialog.sign_in_form
    assert not form.environment_combo.isVisibleTo(dialog)
    form.tenant_edit.setText("Cust777")
    form.tenant_edit.textEdited.emit("Cust777")
    assert form.environment_combo.isVisibleTo(dialog)
    # An Online address can only be signed in to through the browser.
    assert form.auth() is AuthKind.ONLINE
    form.environment_combo.setCurrentIndex(form.environment_combo.findData("sod"))
    form.client_id_edit.setText("app-1")
    press_ok(dialog)
    chosen = dialog.chosen()
    assert (chosen.tenant_url, chosen.environment) == ("https://sod.superoffice.com/Cust777", "sod")


@pytest.mark.skipif(not settings_dialog.CAN_REGISTER_LINKS, reason="Linux registers links")
def test_register_links_is_a_request_to_the_app(qtbot: QtBot):
    dialog = make_dialog(qtbot)
    with qtbot.waitSignal(dialog.register_links_requested, timeout=1000):
        dialog.links_button.click()
    dialog.set_links_state("Registered for tel:, callto:, sip:")
    dialog.tabs.setCurrentIndex(3)
    assert dialog.links_state.isVisibleTo(dialog)


def test_the_dialog_offers_what_the_settings_table_allows(qtbot: QtBot):
    dialog = make_dialog(qtbot)
    low, high = FIELD["summary_limit"].range()
    assert (dialog.summary_limit.minimum(), dialog.summary_limit.maximum()) == (low, high)
    dialog.summary_limit.setValue(high + 1000)
    dialog.prefix_edit.setText("")
    qtbot.keyClicks(dialog.prefix_edit, "12345x")  # the validator stops at four digits
    assert dialog.prefix_edit.text() == "1234"
    chosen = dialog.chosen()
    assert chosen.summary_limit == high
    for spec in FIELDS:
        assert spec.allows(getattr(chosen, spec.name)), spec.name
    # Every setting the dialog greys out when locked is one an administrator may lock.
    for name, _widget in dialog._locks():
        assert FIELD[name].lockable, name


def test_it_fits_a_small_screen_and_the_keyboard_reaches_every_field(qtbot: QtBot):
    dialog = make_dialog(qtbot, Settings(auth=AuthKind.BASIC))
    dialog.show()
    qtbot.waitExposed(dialog)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 700, (index, hint)
    assert dialog.width() <= 1024 and dialog.height() <= 700

    dialog.tabs.setCurrentIndex(0)
    form = dialog.sign_in_form
    form.tenant_edit.setFocus()
    order = [form.tenant_edit, form.auth_combo, form.user_edit, form.password_edit]
    for widget in order[1:]:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        assert dialog.focusWidget() is widget


def _as_dict(settings: Settings) -> dict[str, object]:
    return {f.name: getattr(settings, f.name) for f in fields(Settings)}
