"""A settings file that QSettings wrote (every version before the settings table) reads the
same without Qt, its window geometry comes along into windows.ini, and what Screenpop writes
now QSettings still reads (IT's scripts, and a rollback to an older version)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from screenpop.config.profile import Profile
from screenpop.config.settings import PopMode
from screenpop.config.settings_files import VERSION, load_settings, save_setting
from screenpop.ui.window_state import load_window_state

GEOMETRY = QByteArray(bytes(range(256)))


def test_a_qsettings_file_reads_the_same_and_keeps_its_window_geometry(profile: Profile) -> None:
    old = QSettings(str(profile.settings_file), QSettings.Format.IniFormat)
    old.setValue("tenant/url", "https://crm.example.com/SuperOffice")
    old.setValue("tenant/user", 'Nordmann, "Kari" \\ Ås')
    old.setValue("network/ca_file", "C:\\Certs\\company ca.pem")
    old.setValue("pop/mode", "answer")
    old.setValue("pop/auto_open", True)
    old.setValue("summary/limit", 40)
    old.setValue("tenant/client_id", "@app")  # QSettings writes a leading @ twice
    old.setValue("windows/contact", GEOMETRY)
    old.sync()
    del old

    settings = load_settings(profile)
    assert settings.tenant_url == "https://crm.example.com/SuperOffice"
    assert settings.user == 'Nordmann, "Kari" \\ Ås'
    assert settings.ca_file == "C:\\Certs\\company ca.pem"
    assert (settings.pop_mode, settings.auto_open, settings.summary_limit) == (
        PopMode.ANSWER,
        True,
        40,
    )
    assert settings.client_id == "@app"
    assert load_window_state(profile, "contact") == GEOMETRY


def test_what_is_written_now_qsettings_still_reads(profile: Profile) -> None:
    save_setting(profile, "user", 'Nordmann, "Kari" \\ Ås ')
    save_setting(profile, "ca_file", "C:\\Certs\\company.pem")
    save_setting(profile, "auto_open", True)
    save_setting(profile, "summary_limit", 60)
    save_setting(profile, "client_id", "@app")
    reader = QSettings(str(profile.settings_file), QSettings.Format.IniFormat)
    assert reader.value("tenant/user") == 'Nordmann, "Kari" \\ Ås '
    assert reader.value("network/ca_file") == "C:\\Certs\\company.pem"
    assert reader.value("pop/auto_open") == "true" and reader.value("summary/limit") == "60"
    assert reader.value("tenant/client_id") == "@app"
    assert reader.value("settings/version") == str(VERSION)
