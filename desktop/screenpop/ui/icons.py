"""The app's SVG icons as QIcons.

Qt draws SVG icons through its svg icon-engine plugin. A frozen build can lose that plugin
without anyone noticing until the tray shows a blank square, so when it is missing the icon
is rendered here through QtSvg into pixmaps at the sizes trays and title bars ask for.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from screenpop.integration.resources import resource_path

PIXMAP_SIZES = (16, 20, 22, 24, 32, 48, 64, 128, 256)
APP_ICON = "screenpop"


def icon_path(name: str) -> str:
    return str(resource_path("icons", f"{name}.svg"))


def _renders(icon: QIcon) -> bool:
    if icon.isNull():
        return False
    image = icon.pixmap(22).toImage()
    if image.isNull():
        return False
    # A plugin that "loads" but draws nothing gives a fully transparent pixmap.
    return any(
        image.pixelColor(x, y).alpha() > 0
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )


def _render_pixmaps(*paths: str) -> QIcon:
    """The SVG files drawn over each other, as pixmaps at the sizes trays ask for."""
    renderers = [QSvgRenderer(path) for path in paths]
    icon = QIcon()
    if not renderers or not all(renderer.isValid() for renderer in renderers):
        return icon
    for size in PIXMAP_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for renderer in renderers:
            renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(QPixmap.fromImage(image))
    return icon


@cache
def load_icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` as an icon; a null icon when the file is missing."""
    path = icon_path(name)
    icon = QIcon(path)
    if _renders(icon):
        return icon
    return _render_pixmaps(path)


@cache
def overlaid_icon(name: str, overlay: str) -> QIcon:
    """``name`` with ``overlay`` drawn over it (the tray's state with the Do not disturb badge)."""
    return _render_pixmaps(icon_path(name), icon_path(overlay))


def app_icon() -> QIcon:
    return load_icon(APP_ICON)
