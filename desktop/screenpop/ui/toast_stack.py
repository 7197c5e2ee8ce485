"""The pile of toasts: a few at most, in the tray's corner of the screen with the pointer.

The oldest sits nearest the corner and new ones stack away from it, so a toast never moves
while the agent reaches for it; when one goes, those beyond it close the gap. The newest
carries "Close all" while there is more than one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRect, Qt

from screenpop.ui.placement import GAP, pointer_screen, tray_corner
from screenpop.ui.toast import CallToast

DEFAULT_MAX_TOASTS = 4

TrayGeometry = Callable[[], QRect | None]


class ToastStack(QObject):
    def __init__(
        self,
        max_toasts: int = DEFAULT_MAX_TOASTS,
        tray_geometry: TrayGeometry | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.max_toasts = max(1, max_toasts)
        self._tray_geometry = tray_geometry or (lambda: None)
        self._toasts: dict[str, CallToast] = {}

    def add(self, key: str, toast: CallToast) -> None:
        """Show ``toast`` for the call ``key``; the oldest go beyond the limit."""
        while len(self._toasts) >= self.max_toasts:
            oldest_key = next(iter(self._toasts))
            self._toasts.pop(oldest_key).close()
        toast.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        toast.closed.connect(lambda: self._forget(key, toast))
        toast.destroyed.connect(lambda *_: self._forget(key, None))
        toast.close_all_requested.connect(self.close_all)
        toast.size_changed.connect(self.restack)
        self._toasts[key] = toast
        self.restack()
        toast.show()

    def get(self, key: str) -> CallToast | None:
        return self._toasts.get(key)

    def toasts(self) -> list[CallToast]:
        """Oldest first."""
        return list(self._toasts.values())

    def __len__(self) -> int:
        return len(self._toasts)

    def close_all(self) -> None:
        for toast in list(self._toasts.values()):
            toast.close()

    def _forget(self, key: str, toast: CallToast | None) -> None:
        known = self._toasts.get(key)
        if known is not None and (toast is None or known is toast):
            del self._toasts[key]
            self.restack()

    def restack(self) -> None:
        screen = pointer_screen()
        corner = tray_corner(screen.geometry(), screen.availableGeometry(), self._tray_geometry())
        offset = 0
        toasts = list(self._toasts.values())
        for slot, toast in enumerate(toasts):
            toast.set_close_all(len(toasts) > 1 and slot == len(toasts) - 1)
            toast.place(slot, offset, corner, screen)
            offset += toast.height() + GAP
