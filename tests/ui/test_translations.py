"""The UI in six languages: every .ts complete and in step with the code, compiled by the
bootstrap, and German showing where an agent looks (tray menu, toast, contact window)."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from pytestqt.qtbot import QtBot

from screenpop.core.calls import CallState
from screenpop.core.matching import Candidate
from screenpop.core.models import ContactSummary
from screenpop.core.phone import IncomingNumber
from screenpop.core.ticket_status import TicketBaseStatus, TicketStatuses, TicketStatusItem
from screenpop.ui import i18n
from screenpop.ui.contact_window import ContactWindow
from screenpop.ui.i18n import arg, effective_language, install_translations, plural
from screenpop.ui.text import relative_time
from screenpop.ui.toast import CallToast
from screenpop.ui.tray import TrayIcon

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = ROOT / "desktop" / "screenpop"
LANGUAGES = ("nb", "sv", "da", "nl", "de")
PLACEHOLDER = re.compile(r"%(?:\d+|n)")

Messages = dict[tuple[str, str], ET.Element]


def _tool(name: str) -> Path:
    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.is_file():
            return candidate
    pytest.fail(f"Qt's {name} is missing from this PySide6 installation")


def _messages(ts_file: Path) -> Messages:
    found: Messages = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


@pytest.fixture(scope="module")
def source_messages(tmp_path_factory: pytest.TempPathFactory) -> Messages:
    """What the code asks to translate, as lupdate finds it today."""
    out = tmp_path_factory.mktemp("lupdate") / "current.ts"
    files = sorted(str(path) for path in SOURCES.rglob("*.py"))
    subprocess.run(
        [str(_tool("lupdate")), *files, "-ts", str(out), "-locations", "none", "-no-obsolete"],
        check=True,
        capture_output=True,
    )
    return _messages(out)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language: str, source_messages: Messages):
    ts_file = TRANSLATIONS / f"screenpop_{language}.ts"
    translated = _messages(ts_file)
    assert ET.parse(ts_file).getroot().get("language") == language
    missing = sorted(set(source_messages) - set(translated))
    stale = sorted(set(translated) - set(source_messages))
    hint = "update with pyside6-lupdate (see screenpop/ui/i18n.py) and translate"
    assert not missing, f"not in {ts_file.name} ({hint}): {missing}"
    assert not stale, f"no longer in the code, still in {ts_file.name}: {stale}"

    for key, message in translated.items():
        translation = message.find("translation")
        assert translation is not None, key
        assert translation.get("type") is None, f"{key} is {translation.get('type')}"
        numerus = message.get("numerus") == "yes"
        assert numerus == (source_messages[key].get("numerus") == "yes"), key
        forms = [form.text or "" for form in translation.iter("numerusform")]
        texts = forms if numerus else [translation.text or ""]
        # nb, sv, da, nl and de: one form for 1, one for every other count.
        assert len(texts) == (2 if numerus else 1), key
        for text in texts:
            assert text.strip(), f"{key} has an empty translation"
            assert sorted(set(PLACEHOLDER.findall(text))) == sorted(
                set(PLACEHOLDER.findall(key[1]))
            ), f"{key}: {text!r} does not keep the placeholders"
            # i18n.plural turns "(s)" into English plurals; a translation must not have one.
            assert "(s)" not in text, key


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_bootstrap_compiled_every_translation(language: str, tmp_path: Path):
    compiled = TRANSLATIONS / f"screenpop_{language}.qm"
    assert compiled.is_file(), f"{compiled.name} is missing: run packaging/linux/bootstrap.sh"
    fresh = tmp_path / compiled.name
    source = TRANSLATIONS / f"screenpop_{language}.ts"
    subprocess.run(
        [str(_tool("lrelease")), "-silent", str(source), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == fresh.read_bytes(), (
        f"{compiled.name} is older than its .ts: run packaging/linux/bootstrap.sh"
    )
    assert QTranslator().load(str(compiled))


@pytest.fixture
def speak(qapp: Any) -> Iterator[Any]:
    """Install a language for one test; English and the locale are restored after it."""
    locale = QLocale()

    def install(language: str) -> str:
        return install_translations(qapp, language)

    yield install
    i18n.remove_translations(qapp)
    QLocale.setDefault(locale)


def test_german_in_the_tray_menu(speak: Any):
    assert speak("de") == "de"
    tray = TrayIcon()
    texts = [action.text() for action in tray.menu_actions() if not action.isSeparator()]
    assert texts[:3] == ["Kontakt suchen…", "Letzte Anrufe", "Anruf simulieren"]
    assert "Einstellungen…" in texts
    assert texts[-1] == "Beenden"
    tray.set_do_not_disturb(True)
    assert tray.tray.toolTip() == "Screenpop — Nicht stören"


def test_german_in_a_toast(speak: Any, qtbot: QtBot, incoming: IncomingNumber, make_candidate: Any):
    speak("de")
    several = [make_candidate(person_id=n, person_name=f"Person {n}") for n in (1, 2, 3)]
    toast = CallToast(incoming, several, CallState.RINGING)
    qtbot.addWidget(toast)
    assert toast.name_label.text() == "3 mögliche Anrufer"
    assert toast.state_label.text() == "Klingelt…"
    assert toast.chooser is not None and toast.chooser.filter_edit is not None
    assert toast.chooser.filter_edit.placeholderText() == "3 Personen filtern"
    toast.set_state(CallState.ENDED)
    assert toast.state_label.text() == "Verpasster Anruf"


def test_german_in_the_contact_window(
    speak: Any, qtbot: QtBot, candidate: Candidate, summary: ContactSummary
):
    speak("de")
    # The tenant names status 21 itself (its names are data, in its language); 12 only by
    # its base status, a word of ours.
    statuses = TicketStatuses([TicketStatusItem(12, "", TicketBaseStatus.ACTIVE),
                               TicketStatusItem(21, "Erledigt am Telefon", None)])  # fmt: skip
    window = ContactWindow(34, candidate, None, statuses=statuses)
    qtbot.addWidget(window)
    window.show_summary(summary)
    tabs = [window.tabs.tabText(index) for index in range(window.tabs.count())]
    assert tabs == [
        "Tickets (3)",
        "Folgeaufgaben (2)",
        "Dokumente (2)",
        "Verkäufe (3)",
        "Chats (1)",
    ]
    tickets = window.pages["tickets"].model
    assert tickets.headerData(0, PySide6.QtCore.Qt.Orientation.Horizontal) == "Titel"
    assert [tickets.index(r, 1).data() for r in range(3)] == [
        "Aktiv", "Erledigt am Telefon", "Status 7",
    ]  # fmt: skip
    assert window.pages["followups"].model.index(0, 2).data() == "Nicht begonnen"
    assert window.header.captions["org_nr"].text() == "Firmennummer"
    assert window.pages["sales"].footer.text().startswith("2 offene Verkäufe, insgesamt")
    assert window.header.caller_caption.text() == "Anrufer"
    assert window.updated_label.text() == "Aktualisiert gerade eben"


def test_plural_forms_follow_the_count(speak: Any):
    now = datetime.now(UTC)
    assert relative_time(now - timedelta(minutes=1), now) == "1 minute ago"
    assert relative_time(now - timedelta(minutes=5), now) == "5 minutes ago"
    speak("nb")
    assert relative_time(now - timedelta(minutes=1), now) == "for 1 minutt siden"
    assert relative_time(now - timedelta(minutes=5), now) == "for 5 minutter siden"
    assert relative_time(now + timedelta(days=3), now) == "om 3 dager"


def test_a_chosen_language_brings_its_locale_and_qts_own_texts(speak: Any):
    QLocale.setDefault(QLocale("en_GB"))
    speak("nl")
    assert QLocale().language() == QLocale.Language.Dutch
    qt_file = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), "qtbase_nl.qm")
    if qt_file.is_file():
        # Qt's own dialogs and menus: the standard buttons' texts come from qtbase.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"


def test_the_systems_language_keeps_the_systems_locale(speak: Any):
    QLocale.setDefault(QLocale("en_GB"))
    assert speak("") == effective_language("")
    assert QLocale().name() == "en_GB"


def test_which_language_is_shown():
    assert effective_language("de") == "de"
    assert effective_language(" DE ") == "de"
    assert effective_language("no") == "nb"
    assert effective_language("", QLocale("sv_SE")) == "sv"
    assert effective_language("", QLocale("nn_NO")) == "nb"
    assert effective_language("", QLocale("fr_FR")) == "en"
    assert effective_language("klingon", QLocale("da_DK")) == "da"


def test_english_needs_no_file(speak: Any):
    assert speak("en") == "en"
    assert TrayIcon().find_action.text() == "Find contact…"


def test_placeholders_and_plurals():
    assert arg("%1 (%2 of %3)", "Tickets", 1, "3+") == "Tickets (1 of 3+)"
    # CRM text that happens to hold a placeholder stays as it is.
    assert arg("No sales match “%1”", "%2 off") == "No sales match “%2 off”"
    assert plural("%n minute(s) ago".replace("%n", "1"), 1) == "1 minute ago"
    assert plural("in 2 day(s)", 2) == "in 2 days"
