"""``settings.ini`` as text: read and written with the standard library, in the form QSettings
wrote it before (so existing files, and the ones IT writes by hand, read the same).

Keys are flat ``section/name`` strings. Values are QSettings' INI strings: optionally in double
quotes, with backslash escapes (``\\\\``, ``\\"``, ``\\n``, ``\\t``, ``\\r``, ``\\0``, ``\\xHH``);
an unknown escape such as the ``\\C`` of a hand-written ``C:\\Certs\\ca.pem`` stays as it is.
A file is replaced whole (write, flush, rename), so a crash or a full disk mid-write leaves the
old one, and writers take turns (a lock on the folder, where the OS has ``flock``).
"""

from __future__ import annotations

import configparser
import contextlib
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: one writer at a time is the usual case there too
    fcntl = None  # type: ignore[assignment]

TOP_SECTION = "General"  # QSettings' name for keys outside any group
_ESCAPES = {"\\": "\\", '"': '"', "'": "'", "n": "\n", "t": "\t", "r": "\r", "0": "\0"}
_WRITE_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{1,4}|.)", re.DOTALL)
_NEEDS_QUOTES = re.compile(r'^\s|\s$|[,;=#"\\\x00-\x1f]')


class IniError(Exception):
    """The file cannot be read at all (not text, no sections): its reason in a few words."""


def unescape(raw: str) -> str:
    text = raw.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]

    def one(found: re.Match[str]) -> str:
        code = found.group(1)
        if code[0] == "x" and len(code) > 1:
            return chr(int(code[1:], 16))
        return _ESCAPES.get(code, found.group(0))

    text = _ESCAPE.sub(one, text)
    # QSettings doubles a leading @ so that text is never taken for one of its typed values.
    return text[1:] if text.startswith("@@") else text


def escape(value: str) -> str:
    text = "@" + value if value.startswith("@") else value
    if not _NEEDS_QUOTES.search(text):
        return text
    return '"' + "".join(_WRITE_ESCAPES.get(c, c) for c in text) + '"'


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")  # Notepad's "Unicode"
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Notepad's "ANSI" on a Western Windows; every byte is a character there.
        return data.decode("cp1252", errors="replace")


def read_ini(path: Path) -> tuple[dict[str, str], list[str]]:
    """The file's raw values by ``section/name`` (values still escaped, as :func:`unescape`
    takes them) and what was wrong with lines that were skipped. A missing file is empty;
    OSError when it cannot be read; IniError when it is not an INI file at all."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}, []
    if b"\0" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IniError("it is not a text file")
    parser = configparser.RawConfigParser(
        strict=False,
        interpolation=None,
        comment_prefixes=(";", "#"),
        delimiters=("=",),
        default_section="\0",  # QSettings has no [DEFAULT] whose keys every section inherits
    )
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    problems: list[str] = []
    try:
        # Keys above the first section belong to QSettings' [General].
        parser.read_string(f"[{TOP_SECTION}]\n" + _decode(data), source=str(path))
    except configparser.ParsingError as err:
        # The lines that parsed are kept: one typo must not cost the rest of the file.
        problems = [f"line {number - 1}" for number, _line in err.errors]
    except configparser.Error as err:
        raise IniError(str(err).splitlines()[0]) from None
    values: dict[str, str] = {}
    for section in parser.sections():
        for name, raw in parser.items(section):
            key = name if section == TOP_SECTION else f"{section}/{name}"
            values[key] = raw or ""
    return values, problems


def format_ini(values: Mapping[str, str]) -> str:
    """``section/name`` → escaped value, grouped in sections in the order first seen."""
    sections: dict[str, list[str]] = {}
    for key, value in values.items():
        section, _, name = key.rpartition("/")
        sections.setdefault(section or TOP_SECTION, []).append(f"{name}={value}")
    blocks = [f"[{section}]\n" + "\n".join(lines) + "\n" for section, lines in sections.items()]
    return "\n".join(blocks)


def write_ini(path: Path, values: Mapping[str, str]) -> None:
    """Replace ``path`` with ``values`` (escaped already) in one step; OSError when it fails."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("w", encoding="utf-8", newline="\n") as out:
            out.write(format_ini(values))
            out.flush()
            os.fsync(out.fileno())
        temporary.replace(path)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Writers of ``path`` (the app, `screenpop configure`) take turns: read, change, write.
    The lock is on the folder, so no lock file is left beside the settings."""
    if fcntl is None:
        yield
        return
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        yield
    finally:
        os.close(folder)  # closing releases the lock
