"""What the first-run window and Settings have in common: the connection form, the home
region, start at login, and one way to hand the result to the app.

The app listens to ``accepted`` and then reads :meth:`SetupDialog.chosen` (to save),
:meth:`SetupDialog.chosen_start_at_login` (for the autostart entry) and
:meth:`SetupDialog.entered_secret` (for the keyring, never the settings). OK is refused while a
field is wrong; the reason is shown under the field, which gets the focus.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QTabWidget, QWidget

from screenpop.config.settings import Settings
from screenpop.ui.icons import app_icon
from screenpop.ui.sign_in_form import RegionCombo, SignInForm, lock
from screenpop.ui.widgets import plain_label


class SetupDialog(QDialog):
    REQUIRES_CONNECTION = False
    """Whether OK needs a complete connection even when the agent left it as it was."""

    sign_in_requested = Signal()
    """SuperOffice Online: sign in now with the address and client id shown (read them with
    :meth:`chosen`), then say how it went with :meth:`set_sign_in_state`."""

    def __init__(
        self,
        settings: Settings,
        *,
        locked: frozenset[str] = frozenset(),
        start_at_login: bool = False,
        has_secret: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.locked = locked
        self.setWindowIcon(app_icon())
        self.sign_in_form = SignInForm(settings, locked, has_secret=has_secret)
        self.sign_in_form.sign_in_requested.connect(self.sign_in_requested)
        self.region_combo = RegionCombo(settings.region)
        lock(self.region_combo, "region" in locked)
        self.region_note = plain_label(
            self.tr("Numbers without a country code are read as from here."),
            secondary=True,
            wrap=True,
        )
        self.start_at_login_box = QCheckBox(self.tr("Start Screenpop when I log in"))
        self.start_at_login_box.setChecked(start_at_login)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        # Qt translates its standard buttons only where it ships a translation (not for nb).
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # -- the app's interface -----------------------------------------------------------------
    def chosen(self) -> Settings:
        """The settings as the dialog shows them (only meaningful once it validates)."""
        chosen = self.sign_in_form.chosen()
        if "region" not in self.locked:
            chosen = replace(chosen, region=self.region_combo.region())
        return self._chosen_more(chosen)

    def chosen_start_at_login(self) -> bool:
        return self.start_at_login_box.isChecked()

    def entered_secret(self) -> str | None:
        """The password or ticket typed, for the keyring; None to keep the stored one."""
        return self.sign_in_form.entered_secret()

    def set_sign_in_state(self, text: str) -> None:
        """How the Online sign-in stands, in words ("Signed in as Jane", "Sign-in failed: …")."""
        self.sign_in_form.set_sign_in_state(text)

    def validate(self) -> bool:
        """Show every problem; bring the first one into view and focus. True when all is well."""
        complete = self.REQUIRES_CONNECTION
        problems = [self.sign_in_form.validate(complete=complete), *self._validate_more()]
        first = next((widget for widget in problems if widget is not None), None)
        if first is None:
            return True
        self._reveal(first)
        return False

    def accept(self) -> None:
        if self.validate():
            super().accept()

    # -- for the dialogs ---------------------------------------------------------------------
    def _chosen_more(self, chosen: Settings) -> Settings:
        return chosen

    def _validate_more(self) -> list[QWidget | None]:
        return []

    def _reveal(self, widget: QWidget) -> None:
        for tabs in self.findChildren(QTabWidget):
            for index in range(tabs.count()):
                page = tabs.widget(index)
                if page is not None and page.isAncestorOf(widget):
                    tabs.setCurrentIndex(index)
        widget.setFocus()
