"""Where windows were and how big: the UI's own state, kept apart from the settings people edit
(an administrator's ``settings.ini`` stays readable, and geometry never needs validating)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from screenpop.config.profile import Profile


def _store(profile: Profile) -> QSettings:
    return QSettings(str(profile.window_state_file), QSettings.Format.IniFormat)


def load_window_state(profile: Profile, key: str) -> QByteArray | None:
    """What ``QWidget.saveGeometry`` gave for the window ``key``, or None."""
    value = _store(profile).value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_window_state(profile: Profile, key: str, state: QByteArray) -> None:
    store = _store(profile)
    store.setValue(key, state)
    store.sync()
