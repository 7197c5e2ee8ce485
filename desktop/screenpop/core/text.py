"""Plain-text helpers that need no Qt: the window and the command line shape CRM text alike.

Texts the UI translates are marked here too (:func:`QT_TRANSLATE_NOOP`): lupdate finds the
marker by its name in any module, so a Qt-free module can name the words the window
translates and the command line prints in English.
"""

from __future__ import annotations

import re

_WHITESPACE = re.compile(r"\s+")
_PLACEHOLDER = re.compile(r"%(\d+)")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context`` where it is defined (a module constant),
    to be translated where it is shown: ``QCoreApplication.translate(context, text)``.

    Qt's own marker does the same but is typed as returning ``object``; this one keeps its name,
    which is how lupdate finds the texts."""
    return text


def arg(text: str, *values: object) -> str:
    """Qt's ``%1``, ``%2``… placeholders filled in, in one pass (a value that itself holds
    "%2", such as CRM text, stays as it is). Translators move them where their language puts
    them; PySide's ``tr`` returns a plain str, without QString's ``arg``."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if 0 < number <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, text)


def one_line(text: str) -> str:
    """CRM text for one line: every run of whitespace (line breaks too) as one space."""
    return _WHITESPACE.sub(" ", text).strip()
