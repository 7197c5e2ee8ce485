"""The settings table and its files: values outside the table never load (one log line each,
the default instead), files from before keep working, writers take turns, and none of it
needs Qt."""

from __future__ import annotations

import logging
import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screenpop.config.fields import InvalidSettingError
from screenpop.config.ini import escape, read_ini, unescape, write_ini
from screenpop.config.profile import Profile
from screenpop.config.settings import FIELD, FIELDS, PopMode, Settings
from screenpop.config.settings_files import (
    VERSION,
    load_settings,
    locked_settings,
    save_setting,
)
from screenpop.config.system_locale import region_of, system_region


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_the_table_is_consistent() -> None:
    keys = [spec.key for spec in FIELDS]
    flags = [spec.flag for spec in FIELDS if spec.flag]
    assert len(set(keys)) == len(keys) and len(set(flags)) == len(flags)
    for spec in FIELDS:
        assert spec.allows(spec.default), spec.name
        assert spec.help, f"{spec.name} has no help"
        # What is written reads back as the same value.
        assert spec.parse(unescape(escape(spec.to_text(spec.default)))) == spec.default
    assert FIELD["sync_interval_minutes"].range() == (1, 1440)


@pytest.mark.log_warnings
def test_values_outside_the_table_keep_the_default_with_one_line_each(
    profile: Profile, caplog: pytest.LogCaptureFixture
) -> None:
    profile.settings_file.write_text(
        "[sync]\ninterval_minutes=0\nmin_days=90\n"
        "[summary]\nlimit=-3\n"
        "[phone]\nregion=ZZ\noutside_line_prefix=9\n"
        "[pop]\nmode=sometimes\nauto_open=maybe\n"
        "[ui]\nlanguage=tlh\n"
    )
    settings = load_settings(profile)
    default = Settings()
    assert settings.sync_interval_minutes == default.sync_interval_minutes == 15
    assert (settings.summary_limit, settings.region) == (25, "")
    assert (settings.pop_mode, settings.auto_open, settings.language) == (PopMode.RING, False, "")
    # The good values beside them are kept.
    assert (settings.min_days, settings.outside_line_prefix) == (90, "9")
    lines = _warnings(caplog)
    assert len(lines) == 6, lines
    assert any("sync/interval_minutes takes a whole number from 1 to 1440, not '0'" in line
               and "Using the default" in line for line in lines)  # fmt: skip


@pytest.mark.log_warnings
def test_an_administrators_typo_cannot_make_every_agent_sync_in_a_loop(
    profile: Profile, system_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    system_file.write_text(
        "[sync]\ninterval_minutes=0\n[pop]\nmode=answer\n[admin]\nlocked=sync/interval_minutes\n"
    )
    settings = load_settings(profile)
    assert settings.sync_interval_minutes == 15 and settings.pop_mode is PopMode.ANSWER
    assert str(system_file) in _warnings(caplog)[0]


@pytest.mark.log_warnings
def test_unreadable_files_keep_the_defaults(
    profile: Profile, system_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    system_file.write_bytes(b"\x00\x01\x02 not text")
    profile.settings_file.write_text("[pop]\nmode=answer\nthis line is junk\n[summary]\nlimit=50\n")
    settings = load_settings(profile)
    assert settings.pop_mode is PopMode.ANSWER and settings.summary_limit == 50
    lines = _warnings(caplog)
    assert len(lines) == 2
    assert "not read (it is not a text file)" in lines[0] and "line 3" in lines[1]


@pytest.mark.log_warnings
def test_locks_only_what_may_be_locked(system_file: Path, caplog: pytest.LogCaptureFixture) -> None:
    system_file.write_text("[admin]\nlocked=tenant/url, pop_mode, pop/do_not_disturb, nonsense\n")
    assert locked_settings() == {"tenant_url", "pop_mode"}
    assert [line.split(": ", 1)[1] for line in _warnings(caplog)] == [
        "nonsense cannot be locked; ignored",
        "pop/do_not_disturb cannot be locked; ignored",
    ]


def test_saving_refuses_a_value_outside_the_table(profile: Profile) -> None:
    with pytest.raises(InvalidSettingError, match="summary/limit takes a whole number"):
        save_setting(profile, "summary_limit", 0)
    with pytest.raises(InvalidSettingError):
        save_setting(profile, "auto_open", "yes")  # not a bool
    assert not profile.settings_file.exists()


def test_a_file_written_by_hand_reads_as_qsettings_did(profile: Profile) -> None:
    profile.settings_file.write_bytes(
        "\ufeff; by IT\r\n"  # Notepad's BOM and line ends
        "[tenant]\r\nurl = https://crm.example.com/SuperOffice \r\n"
        'user="Nordmann, Kari"\r\n'
        "[network]\r\nca_file=C:\\\\Certs\\\\company.pem\r\n"
        "[pop]\r\nmode=ANSWER\r\nauto_open=yes\r\n".encode()
    )
    settings = load_settings(profile)
    assert settings.tenant_url == "https://crm.example.com/SuperOffice"
    assert settings.user == "Nordmann, Kari"
    assert settings.ca_file == "C:\\Certs\\company.pem"
    assert settings.pop_mode is PopMode.ANSWER and settings.auto_open


def test_an_old_file_is_upgraded_and_window_geometry_moves_out(profile: Profile) -> None:
    geometry = "@ByteArray(\\x1\\xd9\\xd0\\xcb\\0\\x3)"
    profile.settings_file.write_text(
        f"[pop]\nmode=never\n[windows]\ncontact={geometry}\n[summary]\nlimit=40\n"
    )
    settings = load_settings(profile)
    assert (settings.pop_mode, settings.summary_limit) == (PopMode.NEVER, 40)
    upgraded, _problems = read_ini(profile.settings_file)
    assert upgraded["settings/version"] == str(VERSION)
    assert not any(key.startswith("windows/") for key in upgraded)
    moved, _problems = read_ini(profile.window_state_file)
    assert moved == {"contact": geometry}


def test_a_newer_versions_file_keeps_what_this_version_does_not_know(profile: Profile) -> None:
    profile.settings_file.write_text(
        "[settings]\nversion=7\n[calls]\nlog=answered\n[pop]\nmode=answer\n"
    )
    assert load_settings(profile).pop_mode is PopMode.ANSWER
    save_setting(profile, "auto_open", True)
    kept, _problems = read_ini(profile.settings_file)
    assert kept["settings/version"] == "7" and kept["calls/log"] == "answered"
    assert kept["pop/auto_open"] == "true" and kept["pop/mode"] == "answer"


def test_writers_take_turns(profile: Profile) -> None:
    # The app and `screenpop configure` each change their own key at the same moments.
    def write(name: str, values: list[int]) -> None:
        for value in values:
            save_setting(profile, name, value)

    writers = [
        threading.Thread(target=write, args=("summary_limit", list(range(5, 45)))),
        threading.Thread(target=write, args=("min_days", list(range(0, 40)))),
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    settings = load_settings(profile)
    assert (settings.summary_limit, settings.min_days) == (44, 39)
    # No lock file or temporary file is left behind.
    assert sorted(p.name for p in profile.root.iterdir()) == ["logs", "settings.ini"]


@given(st.text(), st.text())
def test_any_text_survives_the_settings_file(text: str, other: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "settings.ini")
        write_ini(path, {"tenant/user": escape(text), "pop/x": escape(other)})
        raw, problems = read_ini(path)
    assert problems == []
    assert (unescape(raw["tenant/user"]), unescape(raw["pop/x"])) == (text, other)


@pytest.mark.parametrize(
    ("name", "region"),
    [("nb_NO.UTF-8", "NO"), ("sv_SE", "SE"), ("en-GB", "GB"), ("de_DE@euro", "DE"),
     ("zh_Hant_TW.UTF-8", "TW"), ("nb_NO@rg=nozzzz", "NO"), ("C", ""), ("en", ""),
     ("xx_ZZ", "")],
)  # fmt: skip
def test_region_of_a_locale_name(name: str, region: str) -> None:
    assert region_of(name) == region


def test_the_system_region_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    system_region.cache_clear()
    try:
        assert system_region() == "DK" and Settings().home_region == "DK"
        monkeypatch.setenv("LANG", "C.UTF-8")
        system_region.cache_clear()
        assert system_region() == "NO"
    finally:
        system_region.cache_clear()


def test_the_former_stage_environment_is_read_as_qaonline(profile: Profile) -> None:
    """SuperOffice names its stage environment qaonline (``authentication/online/api.md``)."""
    profile.settings_file.write_text("[tenant]\nurl=Cust12345\nauth=online\nenvironment=stage\n")
    assert load_settings(profile).environment == "qaonline"
    upgraded, _problems = read_ini(profile.settings_file)
    assert upgraded["tenant/environment"] == "qaonline"
