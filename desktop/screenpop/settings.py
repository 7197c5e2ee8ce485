"""The user's settings, kept with QSettings in the profile (INI, readable by IT)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from enum import StrEnum
from typing import Any

import phonenumbers
from PySide6.QtCore import QLocale, QSettings

from screenpop.core.errors import ConfigError
from screenpop.profile import Profile
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
    "region": "phone/region",
    "outside_line_prefix": "phone/outside_line_prefix",
    "sync_interval_minutes": "sync/interval_minutes",
    "selection_id": "sync/selection_id",
    "min_days": "sync/min_days",
    "pop_mode": "pop/mode",
    "auto_open": "pop/auto_open",
    "summary_limit": "summary/limit",
}


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


def load_settings(profile: Profile) -> Settings:
    store = _qsettings(profile)
    defaults = Settings()
    values: dict[str, Any] = {}
    for field in fields(Settings):
        value = store.value(_KEYS[field.name])
        if value is None or value == "":
            continue
        default = getattr(defaults, field.name)
        try:
            values[field.name] = _coerce(default, value)
        except ValueError:
            # One bad value must not cost the user all their settings.
            continue
    return replace(defaults, **values)


def save_settings(profile: Profile, settings: Settings) -> None:
    store = _qsettings(profile)
    for field in fields(Settings):
        value = getattr(settings, field.name)
        store.setValue(_KEYS[field.name], str(value) if isinstance(value, StrEnum) else value)
    store.sync()
    if store.status() != QSettings.Status.NoError:
        raise ConfigError(f"Cannot write the settings file {profile.settings_file}.")
