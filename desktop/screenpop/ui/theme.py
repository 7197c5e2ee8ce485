"""Light and dark themes: the palette roles the app leans on must be readable in both.

The widgets take every colour from the palette. Most desktops' dark palettes are complete,
but some leave roles at Qt's light defaults: a pure blue link (#0000ff) or a placeholder of
half-transparent black is unreadable on a dark window. :func:`readable_palette` moves such a
colour towards the text colour until it reads; :class:`PaletteGuard` does it again when the
user switches theme while the app runs.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from screenpop.ui.widgets import mix

# WCAG contrast: 4.5 for body text; secondary text (captions, dates) 3.
LINK_CONTRAST = 4.5
SECONDARY_CONTRAST = 3.0
_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)


def luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def flatten(color: QColor, background: QColor) -> QColor:
    """A translucent colour as it appears over ``background``."""
    alpha = color.alphaF()
    opaque = QColor(color)
    opaque.setAlphaF(1.0)
    return mix(background, opaque, alpha)


def contrast(foreground: QColor, background: QColor) -> float:
    """The WCAG contrast ratio (1–21) of ``foreground`` drawn on ``background``."""
    lighter, darker = sorted(
        (luminance(flatten(foreground, background)), luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def _readable(color: QColor, text: QColor, backgrounds: list[QColor], needed: float) -> QColor:
    candidate = flatten(color, backgrounds[0])
    for step in range(11):
        moved = mix(candidate, text, step / 10)
        if all(contrast(moved, background) >= needed for background in backgrounds):
            return moved
    return QColor(text)


def readable_palette(palette: QPalette) -> QPalette:
    """``palette`` with Link and PlaceholderText readable on both Window and Base."""
    fixed = QPalette(palette)
    for group in _GROUPS:
        window = palette.color(group, QPalette.ColorRole.Window)
        base = palette.color(group, QPalette.ColorRole.Base)
        text = palette.color(group, QPalette.ColorRole.WindowText)
        for role, needed in (
            (QPalette.ColorRole.Link, LINK_CONTRAST),
            (QPalette.ColorRole.PlaceholderText, SECONDARY_CONTRAST),
        ):
            color = palette.color(group, role)
            if min(contrast(color, window), contrast(color, base)) < needed:
                fixed.setColor(group, role, _readable(color, text, [window, base], needed))
    return fixed


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


class PaletteGuard(QObject):
    """Repairs the application's palette now and whenever the desktop switches theme."""

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self._app = app
        self.apply()
        # Not an event filter on the application: that would see every event of every object.
        # The new palette is in place only after the signal, hence the zero delay.
        app.styleHints().colorSchemeChanged.connect(
            lambda _scheme: QTimer.singleShot(0, self.apply)
        )

    def apply(self) -> None:
        current = self._app.palette()
        fixed = readable_palette(current)
        if fixed != current:
            self._app.setPalette(fixed)
