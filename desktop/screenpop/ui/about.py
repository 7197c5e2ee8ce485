"""About Screenpop: what it is and which version is running."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

import screenpop
from screenpop.ui.i18n import QT_TRANSLATE_NOOP, arg
from screenpop.ui.icons import app_icon
from screenpop.ui.widgets import plain_label, scaled_font

APP_TITLE = QT_TRANSLATE_NOOP("AboutDialog", "Screenpop for SuperOffice")
DESCRIPTION = QT_TRANSLATE_NOOP(
    "AboutDialog", "The caller's SuperOffice contact summary, the moment the phone rings."
)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Screenpop"))
        self.setWindowIcon(app_icon())

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title_label = plain_label(self.tr(APP_TITLE))
        self.title_label.setFont(scaled_font(self, 1.4, QFont.Weight.DemiBold))
        self.version_label = plain_label(
            arg(self.tr("Version %1"), screenpop.__version__), selectable=True
        )
        self.description_label = plain_label(self.tr(DESCRIPTION), secondary=True, wrap=True)

        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addWidget(self.title_label)
        texts.addWidget(self.version_label)
        texts.addSpacing(8)
        texts.addWidget(self.description_label)
        texts.addStretch(1)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(icon)
        top.addLayout(texts, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        # Qt translates its standard buttons only where it ships a translation (not for nb).
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(16)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(400)
