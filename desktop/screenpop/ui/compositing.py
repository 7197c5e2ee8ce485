"""Whether windows can have see-through (rounded) corners on this desktop.

X11 without a compositing manager paints the transparent parts of a translucent window black
(a bare X server, some thin-client and kiosk sessions). There a toast keeps its rounded shape
through a window mask instead. Everywhere else (Windows, macOS, Wayland, X11 with a compositor)
translucency works.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from functools import cache

from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)


@cache
def _xlib() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("X11") or "libX11.so.6"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    lib.XInternAtom.restype = ctypes.c_ulong
    lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    lib.XGetSelectionOwner.restype = ctypes.c_ulong
    lib.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    lib.XDefaultScreen.restype = ctypes.c_int
    lib.XDefaultScreen.argtypes = [ctypes.c_void_p]
    return lib


def _x11_compositor_running() -> bool:
    app = QGuiApplication.instance()
    native = app.nativeInterface() if isinstance(app, QGuiApplication) else None
    display = getattr(native, "display", None)
    lib = _xlib()
    if display is None or lib is None:
        return False
    pointer = display()
    if not pointer:
        return False
    # A compositing manager owns the selection _NET_WM_CM_S<screen> (EWMH).
    screen = lib.XDefaultScreen(pointer)
    atom = lib.XInternAtom(pointer, f"_NET_WM_CM_S{screen}".encode(), 0)
    return bool(atom) and lib.XGetSelectionOwner(pointer, atom) != 0


def translucency_works() -> bool:
    """Asked per toast: a compositor may start or stop while the app runs."""
    if QGuiApplication.platformName() != "xcb":
        return True
    try:
        return _x11_compositor_running()
    except Exception:  # ctypes over a foreign library: never let a check break a pop
        log.debug("cannot tell whether a compositor runs", exc_info=True)
        return False
