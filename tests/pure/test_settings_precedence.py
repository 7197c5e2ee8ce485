"""Settings precedence: built-in default, then the administrator's system file, then the
user's own value, unless the administrator locked it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from screenpop.config.profile import Profile
from screenpop.config.settings import PopMode, Settings
from screenpop.config.settings_files import (
    load_settings,
    locked_settings,
    save_setting,
    save_settings,
)
from screenpop.core.errors import ConfigError

ADMIN = """\
[tenant]
url=https://online.superoffice.com/Cust4242
[pop]
mode=answer
auto_open=true
[summary]
limit=40
[admin]
locked=tenant/url, pop/mode
"""


def test_without_a_system_file_the_built_in_defaults_apply(profile: Profile) -> None:
    assert load_settings(profile) == Settings()
    assert locked_settings() == frozenset()


def test_system_defaults_then_user_values_then_locks(profile: Profile, system_file: Path) -> None:
    system_file.write_text(ADMIN)
    assert locked_settings() == {"tenant_url", "pop_mode"}
    settings = load_settings(profile)
    assert settings.tenant_url == "https://online.superoffice.com/Cust4242"
    assert (
        settings.pop_mode is PopMode.ANSWER and settings.auto_open and settings.summary_limit == 40
    )

    save_setting(profile, "auto_open", False)  # a default the user may override
    assert load_settings(profile).auto_open is False
    with pytest.raises(ConfigError, match="administrator has locked pop/mode"):
        save_setting(profile, "pop_mode", PopMode.NEVER)
    # A value written before the lock (or by hand) does not get past it.
    profile.settings_file.write_text(profile.settings_file.read_text() + "[pop]\nmode=never\n")
    assert load_settings(profile).pop_mode is PopMode.ANSWER


def test_saving_all_settings_writes_only_what_changed(profile: Profile, system_file: Path) -> None:
    system_file.write_text(ADMIN)
    save_settings(profile, replace(load_settings(profile), summary_limit=10))
    text = profile.settings_file.read_text()
    assert "limit=10" in text and "Cust4242" not in text  # the admin's value stays the admin's
    with pytest.raises(ConfigError, match="locked tenant/url"):
        save_settings(profile, replace(load_settings(profile), tenant_url="https://x.example/y"))
