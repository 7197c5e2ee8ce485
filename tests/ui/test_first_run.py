"""The first-run window: the few things a first pop needs, or the demo instead."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from screenpop.config.settings import Settings
from screenpop.superoffice.auth_kind import AuthKind
from screenpop.ui.first_run import FirstRunDialog


def make_dialog(
    qtbot: QtBot, settings: Settings | None = None, **options: object
) -> FirstRunDialog:
    dialog = FirstRunDialog(settings or Settings(), **options)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def press_start(dialog: FirstRunDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_demo_instead(qtbot: QtBot):
    dialog = make_dialog(qtbot)
    dialog.show()
    finished: list[int] = []
    dialog.finished.connect(finished.append)
    with qtbot.waitSignal(dialog.demo_requested, timeout=1000):
        dialog.demo_button.click()
    assert finished == [FirstRunDialog.DEMO]
    assert not dialog.isVisible()


def test_onsite_with_a_password(qtbot: QtBot):
    dialog = make_dialog(qtbot)
    form = dialog.sign_in_form
    # Nothing to keep yet, so no "leave empty" hint.
    assert form.password_edit.placeholderText() == ""
    form.tenant_edit.setText("https://crm.example.com/SuperOffice/default.aspx")
    form.user_edit.setText("jane")
    form.password_edit.setText("pw")
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("NL"))
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        press_start(dialog)

    assert dialog.chosen() == Settings(
        tenant_url="https://crm.example.com/SuperOffice",
        auth=AuthKind.BASIC,
        user="jane",
        region="NL",
    )
    assert dialog.entered_secret() == "pw"
    assert dialog.chosen_start_at_login()  # on by default: calls come when the app runs


def test_online_from_what_the_administrator_shipped(qtbot: QtBot):
    # The administrator's defaults: the app registration, locked.
    shipped = Settings(client_id="app-from-it", auth=AuthKind.ONLINE)
    dialog = make_dialog(qtbot, shipped, locked=frozenset({"client_id"}))
    form = dialog.sign_in_form
    assert not form.client_id_edit.isEnabled()
    assert form.client_id_edit.text() == "app-from-it"
    form.tenant_edit.setText("https://online.superoffice.com/Cust12345")
    with qtbot.waitSignal(dialog.sign_in_requested, timeout=1000):
        form.sign_in_button.click()
    dialog.set_sign_in_state("Signed in")
    press_start(dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    chosen = dialog.chosen()
    assert (chosen.tenant_url, chosen.auth, chosen.client_id) == (
        "https://online.superoffice.com/Cust12345",
        AuthKind.ONLINE,
        "app-from-it",
    )
    assert dialog.entered_secret() is None


def test_pasting_an_online_address_picks_the_browser_sign_in(qtbot: QtBot):
    dialog = make_dialog(qtbot)
    form = dialog.sign_in_form
    assert form.auth() is AuthKind.BASIC
    qtbot.keyClicks(form.tenant_edit, "https://online.superoffice.com/Cust9")
    assert form.auth() is AuthKind.ONLINE
    assert form.client_id_edit.isVisibleTo(dialog)
    assert not form.user_edit.isVisibleTo(dialog)


def test_nothing_entered_is_refused_with_reasons(qtbot: QtBot):
    dialog = make_dialog(qtbot)
    dialog.show()
    press_start(dialog)
    form = dialog.sign_in_form
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert form.tenant_error.text() == "Enter the address of your SuperOffice."
    assert form.user_error.text() == "Enter your SuperOffice user name."
    assert form.tenant_error.isVisible() and form.user_error.isVisible()
    assert dialog.focusWidget() is form.tenant_edit


def test_it_starts_at_the_address_and_reads_top_to_bottom(qtbot: QtBot):
    dialog = make_dialog(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Welcome to Screenpop"
    form = dialog.sign_in_form
    assert dialog.focusWidget() is form.tenant_edit
    order = [
        form.tenant_edit,
        form.auth_combo,
        form.user_edit,
        form.password_edit,
        dialog.region_combo,
        dialog.start_at_login_box,
    ]
    for widget in order[1:]:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        assert dialog.focusWidget() is widget
    hint = dialog.sizeHint()
    assert hint.width() <= 1024 and hint.height() <= 700
