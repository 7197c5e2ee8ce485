"""Light and dark themes: what the agent reads has contrast in both, drawn from the palette."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from screenpop.core.calls import CallState
from screenpop.core.links import WebClientLinks
from screenpop.core.matching import Candidate
from screenpop.core.models import ContactSummary
from screenpop.core.phone import IncomingNumber
from screenpop.ui.contact_window import ContactWindow
from screenpop.ui.theme import PaletteGuard, contrast, is_dark, readable_palette
from screenpop.ui.toast import CallToast


def dark_palette() -> QPalette:
    """A dark palette as some desktops hand it over: links and placeholders left at Qt's
    light defaults (pure blue, half-transparent black)."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d8ee9",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    return palette


THEMES: dict[str, Callable[[], QPalette]] = {"light": QPalette, "dark": dark_palette}


@pytest.fixture(params=list(THEMES))
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    previous = qapp.palette()
    qapp.setPalette(THEMES[request.param]())
    guard = PaletteGuard(qapp)
    yield request.param
    guard.deleteLater()
    qapp.setPalette(previous)


def text_contrast(image: QImage, background: QColor) -> float:
    """The best contrast any pixel of ``image`` has against ``background`` (its text's)."""
    best = 1.0
    for x in range(0, image.width(), 2):
        for y in range(image.height()):
            best = max(best, contrast(image.pixelColor(x, y), background))
    return best


def grab(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def test_the_guard_repairs_links_and_placeholders(qapp: QApplication):
    fixed = readable_palette(dark_palette())
    window = fixed.color(QPalette.ColorRole.Window)
    base = fixed.color(QPalette.ColorRole.Base)
    for role, needed in ((QPalette.ColorRole.Link, 4.5), (QPalette.ColorRole.PlaceholderText, 3)):
        assert contrast(dark_palette().color(role), window) < needed  # broken before
        assert contrast(fixed.color(role), window) >= needed
        assert contrast(fixed.color(role), base) >= needed
    # A complete palette is left alone.
    assert readable_palette(fixed) == fixed
    assert readable_palette(QPalette()).color(QPalette.ColorRole.Link) == QColor("#0000ff")


def test_the_toast_follows_the_theme(
    qtbot: QtBot, theme: str, incoming: IncomingNumber, candidate: Candidate
):
    toast = CallToast(incoming, [candidate], CallState.RINGING)
    qtbot.addWidget(toast)
    toast.show()
    qtbot.waitExposed(toast)
    palette = QApplication.palette()
    assert is_dark(palette) == (theme == "dark")
    image = grab(toast)

    card = image.pixelColor(toast.width() - 30, toast.height() - 6)
    assert abs(card.lightness() - palette.color(QPalette.ColorRole.Window).lightness()) < 12
    name = toast.name_label
    label = grab(name)
    assert text_contrast(label, palette.color(QPalette.ColorRole.Window)) >= 7
    detail = grab(toast.detail_label)
    assert text_contrast(detail, palette.color(QPalette.ColorRole.Window)) >= 3


def test_the_contact_window_follows_the_theme(
    qtbot: QtBot,
    theme: str,
    candidate: Candidate,
    links: WebClientLinks,
    summary: ContactSummary,
):
    window = ContactWindow(34, candidate, links)
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    palette = QApplication.palette()
    background = palette.color(QPalette.ColorRole.Window)

    # Loading: the skeleton's bars show on the list background.
    skeleton = window.current_page().skeleton
    assert contrast(skeleton.bar_color(), palette.color(QPalette.ColorRole.Base)) > 1.1
    window.show_summary(summary)
    window.show_error("SuperOffice did not answer in time.")

    # The company name is a link: readable on the window in either theme.
    assert text_contrast(grab(window.company_label), background) >= 4.5
    # Captions and dates are secondary text, still readable.
    assert text_contrast(grab(window.header.captions["phone"]), background) >= 3
    assert text_contrast(grab(window.updated_label), background) >= 3
    # The banner is tinted, not a light box in a dark window, and its text reads on it.
    banner = grab(window.banner)
    tint = banner.pixelColor(QPoint(6, banner.height() // 2))
    assert (tint.lightness() < 128) == (theme == "dark")
    assert text_contrast(grab(window.banner.message), tint) >= 4.5
    # Table rows: text on the base colour.
    view = window.pages["tickets"].view
    rows = grab(view.viewport())
    assert text_contrast(rows, palette.color(QPalette.ColorRole.Base)) >= 7
