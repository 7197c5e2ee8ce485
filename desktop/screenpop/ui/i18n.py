"""The UI language: Qt translators for Screenpop's own strings and Qt's, and the matching locale.

English is the source language (no file). The others are Qt Linguist files,
``resources/translations/screenpop_<code>.ts``, compiled to ``.qm`` at build time (bootstrap.sh,
packaging/generate.py); Qt's own strings (standard buttons, line-edit menus) come from its
``qtbase_<code>.qm`` where the Qt installation has one. The language is chosen at start: widgets
take their texts when they are built, so a new choice shows after a restart.

Widgets mark their texts with ``self.tr`` (plural forms: ``self.tr("%n call(s)", "", n)`` in a
QObject, the only place lupdate finds them) or ``QCoreApplication.translate("context", …)``;
constants with :func:`QT_TRANSLATE_NOOP`, translated where shown. After changing texts:

    .venv/bin/pyside6-lupdate $(find desktop/screenpop -name '*.py') \
        -ts resources/translations/*.ts -locations none -no-obsolete

then translate the new entries (pyside6-linguist) and run packaging/linux/bootstrap.sh, which
compiles them; tests/ui/test_translations.py fails until every language is complete.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

# The languages are the settings table's (Qt-free); re-exported for the widgets.
from screenpop.config.settings import LANGUAGES as LANGUAGES

# The markers live in core, which the command line shares; widgets take them from here.
from screenpop.core.text import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP
from screenpop.core.text import arg as arg
from screenpop.integration.resources import resource_path

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
SUPPORTED = frozenset(code for code, _name in LANGUAGES)
# Norwegian as the OS may name it: "no" (macrolanguage) and Nynorsk readers get Bokmål.
_ALIASES = {"no": "nb", "nn": "nb"}
# Our translators are the application's children under this name, so they can be replaced.
_TRANSLATOR_NAME = "screenpop-translator"


def plural(text: str, count: int) -> str:
    """A numerus message ("%n minute(s) ago") as English says it where no translation gave
    its forms: English is the source language and ships no translation file."""
    # Translations never contain "(s)": tests/ui/test_translations.py checks it.
    return text.replace("(s)", "" if count == 1 else "s")


def translations_dir() -> str:
    return str(resource_path("translations"))


def system_language(locale: QLocale | None = None) -> str:
    """The first of the system's UI languages that Screenpop speaks; English otherwise."""
    for name in (locale or QLocale.system()).uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        code = _ALIASES.get(code, code)
        if code in SUPPORTED:
            return code
    return SOURCE_LANGUAGE


def effective_language(language: str, locale: QLocale | None = None) -> str:
    """``language`` as set ("" for the system's), as the code the UI is shown in."""
    chosen = _ALIASES.get(language.strip().lower(), language.strip().lower())
    return chosen if chosen in SUPPORTED else system_language(locale)


def remove_translations(app: QCoreApplication) -> None:
    """Back to English (the source texts); tests use it to undo :func:`install_translations`."""
    for translator in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()


def _load(app: QCoreApplication, name: str, folder: str) -> bool:
    translator = QTranslator(app)
    translator.setObjectName(_TRANSLATOR_NAME)
    if not translator.load(name, folder):
        translator.deleteLater()
        return False
    QCoreApplication.installTranslator(translator)
    return True


def install_translations(app: QCoreApplication, language: str) -> str:
    """Show the UI in ``language`` (the ``language`` setting: a code, or "" for the system's)
    and return the code in effect ("de", "en", …), which the app also sends to SuperOffice
    (Accept-Language, SO-Language). Dates and numbers follow an explicitly chosen language;
    with the system's language they keep the system's locale."""
    remove_translations(app)
    code = effective_language(language)
    if language.strip():
        _follow_language(code)
    if code == SOURCE_LANGUAGE:
        return code
    if not _load(app, f"screenpop_{code}", translations_dir()):
        # An install without its compiled translations is a packaging fault; the app works on.
        log.warning(
            "no translation screenpop_%s.qm in %s: showing English", code, translations_dir()
        )
        return SOURCE_LANGUAGE
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not _load(app, f"qtbase_{code}", qt_folder):
        log.info("Qt has no qtbase_%s.qm in %s; its own few texts stay English", code, qt_folder)
    return code


def _follow_language(code: str) -> None:
    """The default locale for the chosen language, keeping the system's country where the
    system already speaks it (German chosen in Switzerland keeps Swiss formats)."""
    system = QLocale.system()
    wanted = QLocale(code)
    QLocale.setDefault(system if system.language() == wanted.language() else wanted)
