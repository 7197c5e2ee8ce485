from __future__ import annotations

from pytestqt.qtbot import QtBot

import screenpop
from screenpop.ui.about import AboutDialog


def test_about_shows_the_version(qtbot: QtBot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)

    assert dialog.windowTitle() == "About Screenpop"
    assert dialog.version_label.text() == f"Version {screenpop.__version__}"
    assert dialog.description_label.text()
    assert not dialog.windowIcon().isNull()
