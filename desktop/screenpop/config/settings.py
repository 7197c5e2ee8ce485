"""The user's settings, kept with QSettings in the profile (INI, readable by IT)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

import phonenumbers
from PySide6.QtCore import QLocale, QSettings

from screenpop.config.profile import Profile
from screenpop.core.errors import ConfigError
from screenpop.superoffice.auth_kind import AuthKind


class PopMode(StrEnum):
    RING = "ring"
    ANSWER = "answer"
    NEVER = "never"


def default_region() -> str:
    """The agent's home region from the OS locale; Norway where the locale has no country."""
    name = QLocale.system().name()  # e.g. "nb_NO", "C"
    region = name.split("_")[1] if "_" in name else ""
    return region if region in phonenumbers.SUPPORTED_REGIONS else "NO"


@dataclass(frozen=True, slots=True)
class Settings:
    tenant_url: str = ""
    auth: AuthKind = AuthKind.BASIC
    user: str = ""
    # Online: the app registration's client id (an administrator ships it) and the
    # environment a bare Cust12345 lives in. Its secret, if any, is in the keyring.
    client_id: str = ""
    environment: str = "online"
    # A company CA (PEM) trusted besides the system's store, for TLS-inspecting proxies.
    ca_file: str = ""
    region: str = ""
    outside_line_prefix: str = ""
    sync_interval_minutes: int = 15
    # 0: the user's own caller IDs; else a SuperOffice selection's are cached instead.
    selection_id: int = 0
    # 0: no MinDate; else only caller IDs from sales and appointments touched in these days.
    min_days: int = 0
    pop_mode: PopMode = PopMode.RING
    auto_open: bool = False
    summary_limit: int = 25
    # baresip's ctrl_tcp socket as HOST:PORT ("" = off); another computer only if allowed.
    baresip: str = ""
    baresip_allow_remote: bool = False
    # Pops are suppressed (calls are still recorded); the tray says so.
    do_not_disturb: bool = False
    # The UI language ("de", "nb", …); "" follows the system's (screenpop.ui.i18n).
    language: str = ""

    @property
    def home_region(self) -> str:
        return self.region or default_region()

    def sync_options(self) -> dict[str, int | None]:
        """Keyword arguments for :func:`screenpop.sync.caller_ids.sync_caller_ids`."""
        return {"selection_id": self.selection_id or None, "min_days": self.min_days or None}


_KEYS = {
    "tenant_url": "tenant/url",
    "auth": "tenant/auth",
    "user": "tenant/user",
    "client_id": "tenant/client_id",
    "environment": "tenant/environment",
    "ca_file": "network/ca_file",
    "region": "phone/region",
    "outside_line_prefix": "phone/outside_line_prefix",
    "sync_interval_minutes": "sync/interval_minutes",
    "selection_id": "sync/selection_id",
    "min_days": "sync/min_days",
    "pop_mode": "pop/mode",
    "auto_open": "pop/auto_open",
    "summary_limit": "summary/limit",
    "baresip": "baresip/address",
    "baresip_allow_remote": "baresip/allow_remote",
    "do_not_disturb": "pop/do_not_disturb",
    "language": "ui/language",
}


SYSTEM_SETTINGS_ENV = "SCREENPOP_SYSTEM_SETTINGS"
# In the system file: the keys (as in the INI file, e.g. tenant/url) users may not change.
_LOCKS_KEY = "admin/locked"


def _qsettings(profile: Profile) -> QSettings:
    return QSettings(str(profile.settings_file), QSettings.Format.IniFormat)


def _coerce(default: Any, value: Any) -> Any:
    if isinstance(default, bool):
        return str(value).lower() in ("1", "true", "yes", "on")
    if isinstance(default, int):
        return int(value)
    if isinstance(default, StrEnum):
        return type(default)(str(value))
    return str(value)


def system_settings_file() -> Path:
    """Where an administrator ships defaults (and locks) for every user of the machine."""
    override = os.environ.get(SYSTEM_SETTINGS_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData"), "Screenpop", "settings.ini")
    if sys.platform == "darwin":
        return Path("/Library/Application Support/Screenpop/settings.ini")
    first = (os.environ.get("XDG_CONFIG_DIRS") or "/etc/xdg").split(":")[0]
    return Path(first, "screenpop", "settings.ini")


def _read(store: QSettings, defaults: Settings) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field in fields(Settings):
        value = store.value(_KEYS[field.name])
        if value is None or value == "":
            continue
        try:
            values[field.name] = _coerce(getattr(defaults, field.name), value)
        except ValueError:
            # One bad value must not cost the user all their settings.
            continue
    return values


def _system() -> tuple[dict[str, Any], frozenset[str]]:
    path = system_settings_file()
    if not path.is_file():
        return {}, frozenset()
    store = QSettings(str(path), QSettings.Format.IniFormat)
    raw = store.value(_LOCKS_KEY) or []
    listed = [raw] if isinstance(raw, str) else list(raw)
    by_key = {key: name for name, key in _KEYS.items()}
    locked = {by_key.get(str(item).strip(), str(item).strip()) for item in listed}
    return _read(store, Settings()), frozenset(name for name in locked if name in _KEYS)


def locked_settings() -> frozenset[str]:
    """The settings an administrator locked: the user cannot change them."""
    return _system()[1]


def load_settings(profile: Profile) -> Settings:
    """Built-in defaults, then the administrator's, then the user's own (unless locked)."""
    return _layered(profile, *_system())


def _layered(profile: Profile, system: dict[str, Any], locked: frozenset[str]) -> Settings:
    user = _read(_qsettings(profile), Settings())
    mine = {name: value for name, value in user.items() if name not in locked}
    return replace(Settings(), **{**system, **mine})


def _write(profile: Profile, values: dict[str, Any], locked: frozenset[str]) -> None:
    refused = sorted(set(values) & locked)
    if refused:
        keys = ", ".join(_KEYS[name] for name in refused)
        raise ConfigError(f"Your administrator has locked {keys}; it cannot be changed here.")
    store = _qsettings(profile)
    for name, value in values.items():
        store.setValue(_KEYS[name], str(value) if isinstance(value, StrEnum) else value)
    store.sync()
    if store.status() != QSettings.Status.NoError:
        raise ConfigError(f"Cannot write the settings file {profile.settings_file}.")


def save_settings(profile: Profile, settings: Settings) -> None:
    """Write every setting that differs from what the user has now (locked ones must not)."""
    system, locked = _system()
    current = _layered(profile, system, locked)
    changed = {
        f.name: getattr(settings, f.name)
        for f in fields(Settings)
        if getattr(settings, f.name) != getattr(current, f.name)
    }
    _write(profile, changed, locked)


def save_setting(profile: Profile, name: str, value: bool | int | str) -> None:
    """Write one setting, leaving the others in the file as they are (the app changes one
    value at a time while `screenpop configure` may change others)."""
    if name not in _KEYS:
        raise KeyError(name)
    _write(profile, {name: value}, locked_settings())
