"""The first-run window: from install to the first pop in a minute.

Shown by the app while no tenant is set up (never in the demo). It asks only what a pop needs:
where SuperOffice is, how to sign in, and the home region; everything else has a sensible
default in Settings. Agents who only want to look first can try the demo tenant instead.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialogButtonBox, QVBoxLayout, QWidget

from screenpop.config.settings import Settings
from screenpop.ui.setup_dialog import SetupDialog
from screenpop.ui.widgets import plain_label, scaled_font


class FirstRunDialog(SetupDialog):
    demo_requested = Signal()
    """The agent chose the demo tenant: the window closes with :attr:`DEMO` as its result."""

    DEMO = 2
    """The dialog's result (``finished``) after "Try the demo instead"."""
    REQUIRES_CONNECTION = True

    def __init__(
        self,
        settings: Settings,
        *,
        locked: frozenset[str] = frozenset(),
        start_at_login: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            settings,
            locked=locked,
            start_at_login=start_at_login,
            has_secret=False,
            parent=parent,
        )
        self.setWindowTitle(self.tr("Welcome to Screenpop"))
        self.title_label = plain_label(self.tr("Welcome to Screenpop"))
        self.title_label.setFont(scaled_font(self, 1.4, QFont.Weight.DemiBold))
        self.intro_label = plain_label(
            self.tr(
                "When the phone rings, Screenpop shows who is calling, with their company's "
                "tickets, follow-ups and sales from SuperOffice. Tell it where your SuperOffice "
                "is and how you sign in."
            ),
            secondary=True,
            wrap=True,
        )
        self.demo_button = self.buttons.addButton(
            self.tr("Try the demo instead"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.demo_button.clicked.connect(self._demo)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Start"))

        # In the form's own rows, so its captions line up with the sign-in fields'.
        self.sign_in_form.form.addRow(self.tr("Home region"), self.region_combo)
        self.sign_in_form.form.addRow("", self.region_note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self.title_label)
        layout.addWidget(self.intro_label)
        layout.addSpacing(4)
        layout.addWidget(self.sign_in_form)
        layout.addWidget(self.start_at_login_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        # The one thing to do first: paste the address.
        self.sign_in_form.tenant_edit.setFocus()

    def _demo(self) -> None:
        self.demo_requested.emit()
        self.done(self.DEMO)
