"""Where settings come from and go: built-in defaults, an administrator's system-wide file
(defaults and locks), then the user's own ``settings.ini`` in the profile.

Every value read is checked against the table (:mod:`screenpop.config.settings`): one that is
out of range, not one of its choices, or unreadable keeps the default, with one log line
naming the file and the key, so a typo (``interval_minutes=0``) can never make the app sync in a
loop, on one desktop or from every agent of a company. The user's file carries a format
version; older files are upgraded step by step when they are read.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from screenpop.config.fields import InvalidSettingError
from screenpop.config.ini import IniError, escape, locked, read_ini, unescape, write_ini
from screenpop.config.profile import Profile
from screenpop.config.settings import BY_KEY, FIELD, FIELDS, Settings
from screenpop.core.errors import ConfigError

log = logging.getLogger(__name__)

SYSTEM_SETTINGS_ENV = "SCREENPOP_SYSTEM_SETTINGS"
# In the system file: the keys (as in the INI file, e.g. tenant/url) users may not change.
LOCKS_KEY = "admin/locked"
VERSION_KEY = "settings/version"
# Version 1: QSettings' file, window geometry in [windows]. Version 2: geometry in windows.ini.
# Version 3: the Online stage environment by its documented name, qaonline.
VERSION = 3
_WINDOWS_GROUP = "windows/"

Raw = dict[str, str]


def _window_state_apart(raw: Raw, profile: Profile | None) -> None:
    """1 → 2: window geometry moved to its own file (``windows.ini``), kept as it was."""
    moved = {key[len(_WINDOWS_GROUP) :]: value for key, value in raw.items()
             if key.startswith(_WINDOWS_GROUP)}  # fmt: skip
    for key in moved:
        del raw[_WINDOWS_GROUP + key]
    target = profile.window_state_file if profile is not None else None
    if moved and target is not None and not target.exists():
        # QSettings' own text for each value (@ByteArray(…)), as windows.ini stores it too.
        write_ini(target, moved)


def _stage_is_qaonline(raw: Raw, _profile: Profile | None) -> None:
    """2 → 3: SuperOffice's reference names the stage environment ``qaonline``
    (``authentication/online/api.md``); ``stage`` is its former name, kept working."""
    if raw.get(_ENVIRONMENT_KEY, "").strip().lower() == "stage":
        raw[_ENVIRONMENT_KEY] = "qaonline"


_ENVIRONMENT_KEY = "tenant/environment"
# UPGRADES[n] turns a version-n file into version n + 1.
UPGRADES: dict[int, Callable[[Raw, Profile | None], None]] = {
    1: _window_state_apart,
    2: _stage_is_qaonline,
}


@dataclass(frozen=True, slots=True)
class SystemDefaults:
    """What an administrator shipped: values for every user, and the settings locked."""

    values: dict[str, Any]
    locked: frozenset[str]


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


def _with_version(raw: Raw, path: Path) -> Raw:
    """``raw`` to write: its version first (never lowered: a newer Screenpop's file stays its),
    then the table's keys in the table's order, then keys this version does not know."""
    version = max(VERSION, _version(raw, path))
    known = {spec.key: raw[spec.key] for spec in FIELDS if spec.key in raw}
    rest = {k: v for k, v in raw.items() if k not in known and k != VERSION_KEY}
    return {VERSION_KEY: str(version), **known, **rest}


def _read_raw(path: Path) -> Raw:
    try:
        raw, problems = read_ini(path)
    except (OSError, IniError) as err:
        reason = getattr(err, "strerror", None) or str(err)
        log.warning("settings in %s not read (%s); using the defaults", path, reason)
        return {}
    if problems:
        log.warning("skipped unreadable lines of %s: %s", path, ", ".join(problems))
    return raw


def _version(raw: Raw, path: Path) -> int:
    text = unescape(raw.get(VERSION_KEY, "1"))
    try:
        return max(1, int(text))
    except ValueError:
        log.warning("%s in %s is not a number; reading it as version 1", VERSION_KEY, path)
        return 1


def _upgraded(raw: Raw, path: Path, profile: Profile | None) -> tuple[Raw, bool]:
    version = _version(raw, path)
    if version > VERSION:
        log.info("%s was written by a newer Screenpop (version %d); reading what this one knows",
                 path, version)  # fmt: skip
    upgraded = dict(raw)
    for step in range(version, VERSION):
        UPGRADES[step](upgraded, profile)
    return upgraded, version < VERSION


def _checked(raw: Raw, path: Path) -> dict[str, Any]:
    """The values of the table's keys found in ``raw``; a bad one is left out, logged."""
    values: dict[str, Any] = {}
    for spec in FIELDS:
        text = unescape(raw.get(spec.key, ""))
        if not text:
            continue
        try:
            values[spec.name] = spec.parse(text)
        except InvalidSettingError as err:
            # One bad value must not cost the user (or a whole company) the others.
            log.warning("%s: %s Using the default.", path, err.message)
    return values


def read_system_defaults() -> SystemDefaults:
    path = system_settings_file()
    if not path.is_file():
        return SystemDefaults({}, frozenset())
    raw, _older = _upgraded(_read_raw(path), path, None)
    unknown = sorted(k for k in raw if k not in BY_KEY and k not in (LOCKS_KEY, VERSION_KEY))
    if unknown:
        log.warning("%s: unknown keys ignored: %s", path, ", ".join(unknown))
    listed = {item.strip() for item in unescape(raw.get(LOCKS_KEY, "")).split(",")} - {""}
    by_name = {spec.name for spec in FIELDS}
    locked_names: set[str] = set()
    for item in sorted(listed):
        spec = BY_KEY.get(item) or (FIELD[item] if item in by_name else None)
        if spec is None or not spec.lockable:
            log.warning("%s: %s cannot be locked; ignored", path, item)
            continue
        locked_names.add(spec.name)
    return SystemDefaults(_checked(raw, path), frozenset(locked_names))


def locked_settings() -> frozenset[str]:
    """The settings an administrator locked: the user cannot change them."""
    return read_system_defaults().locked


def _user_raw(profile: Profile) -> Raw:
    path = profile.settings_file
    raw, older = _upgraded(_read_raw(path), path, profile)
    if older and path.exists():
        try:
            with locked(path):
                write_ini(path, _with_version(raw, path))
        except OSError as err:
            log.info("settings upgraded in memory only (%s): %s", path, err.strerror)
    return raw


def load_settings(profile: Profile) -> Settings:
    """Built-in defaults, then the administrator's, then the user's own (unless locked)."""
    return _layered(profile, read_system_defaults())


def _layered(profile: Profile, system: SystemDefaults) -> Settings:
    user = _checked(_user_raw(profile), profile.settings_file)
    mine = {name: value for name, value in user.items() if name not in system.locked}
    return replace(Settings(), **{**system.values, **mine})


def _write(profile: Profile, values: dict[str, Any], locked_names: frozenset[str]) -> None:
    refused = sorted(set(values) & locked_names)
    if refused:
        keys = ", ".join(FIELD[name].key for name in refused)
        raise ConfigError(f"Your administrator has locked {keys}; it cannot be changed here.")
    for name, value in values.items():
        spec = FIELD[name]
        if not spec.allows(value):
            raise InvalidSettingError(f"{spec.key} takes {spec.describe()}, not {value!r}.")
    path = profile.settings_file
    try:
        with locked(path):
            # Read again under the lock: `screenpop configure` may have changed other keys.
            raw, _older = _upgraded(_read_raw(path), path, profile)
            for name, value in values.items():
                spec = FIELD[name]
                raw[spec.key] = escape(spec.to_text(value))
            write_ini(path, _with_version(raw, path))
    except OSError as err:
        raise ConfigError(f"Cannot write the settings file {path}: {err.strerror}.") from None


def save_settings(profile: Profile, settings: Settings) -> None:
    """Write every setting that differs from what the user has now (locked ones must not)."""
    system = read_system_defaults()
    current = _layered(profile, system)
    changed = {name: getattr(settings, name) for name in settings.changed_from(current)}
    _write(profile, changed, system.locked)


def save_setting(profile: Profile, name: str, value: Any) -> None:
    """Write one setting, leaving the others in the file as they are (the app changes one
    value at a time while `screenpop configure` may change others)."""
    if name not in FIELD:
        raise KeyError(name)
    _write(profile, {name: value}, locked_settings())
