"""Freedesktop desktop entries (.desktop files): writing an Exec line that survives any path,
and reading the few keys the app cares about.

Used for the XDG autostart entry (autostart.py); the link handler entry can use the same.
See the Desktop Entry Specification 1.5, "The Exec key" and "Possible value types".
"""

from __future__ import annotations

import configparser
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

GROUP = "Desktop Entry"
# Characters that make an Exec argument need quoting (spec: "Reserved characters").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = re.compile(r'(["`$\\])')


def exec_argument(argument: str) -> str:
    """One argument of an Exec line: quoted when it must be, field codes (%) doubled."""
    if argument and not _RESERVED.intersection(argument):
        quoted = argument
    else:
        quoted = '"' + _ESCAPED_IN_QUOTES.sub(r"\\\1", argument) + '"'
    # Then the string-value escaping, which readers undo first: "\" is written "\\".
    return quoted.replace("%", "%%").replace("\\", "\\\\")


def exec_line(command: Sequence[str], field_codes: Sequence[str] = ()) -> str:
    """The Exec value running ``command``, followed by field codes such as ``%u``."""
    return " ".join([*(exec_argument(arg) for arg in command), *field_codes])


def _value(value: str) -> str:
    # A value is one line; newlines and tabs are written as escapes.
    return value.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def render(fields: Mapping[str, str]) -> str:
    """A desktop entry with one [Desktop Entry] group, keys in the order given. Exec values
    come from :func:`exec_line` (already escaped) and are written as they are."""
    lines = [f"[{GROUP}]"]
    for key, value in fields.items():
        lines.append(f"{key}={value if key == 'Exec' else _value(value)}")
    return "\n".join(lines) + "\n"


def read(path: Path) -> dict[str, str]:
    """The [Desktop Entry] keys of ``path`` (case kept); empty when missing or unreadable."""
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    try:
        parser.read_string(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, configparser.Error):
        return {}
    return dict(parser[GROUP]) if parser.has_section(GROUP) else {}


def is_true(value: str | None) -> bool:
    return (value or "").strip().lower() == "true"


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so a desktop environment that
    watches the folder never reads half an entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
