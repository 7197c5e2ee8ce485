"""The country the OS is set up for, without Qt: the home region of an agent who chose none.

The command line reads numbers in the home region too, and must not load Qt to learn it, so
this asks the OS the way Qt's ``QLocale.system()`` does: the locale variables on Linux and
other Unixes, the user's locale name on Windows, the global ``AppleLocale`` on macOS.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from functools import cache

import phonenumbers

log = logging.getLogger(__name__)

FALLBACK_REGION = "NO"
# "nb_NO.UTF-8", "en-GB", "sv_SE@euro", "nb_NO@rg=nozzzz" (macOS): the region after the language.
_LOCALE_NAME = re.compile(r"^[A-Za-z]{2,3}(?:[_-][A-Za-z]{4})?[_-]([A-Za-z]{2}|\d{3})\b")


def region_of(locale_name: str) -> str:
    """The region of a locale name ("nb_NO.UTF-8" → "NO"), or "" when it names none we know."""
    found = _LOCALE_NAME.match(locale_name.strip())
    region = found.group(1).upper() if found else ""
    return region if region in phonenumbers.SUPPORTED_REGIONS else ""


def _environment_locale() -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return value
    return ""


def _windows_locale() -> str:
    import ctypes

    buffer = ctypes.create_unicode_buffer(85)  # LOCALE_NAME_MAX_LENGTH
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    if kernel32.GetUserDefaultLocaleName(buffer, len(buffer)):
        return str(buffer.value)
    return ""


def _macos_locale() -> str:
    # GUI apps started from Finder get no LANG; the user's choice lives in the defaults.
    found = subprocess.run(
        ["/usr/bin/defaults", "read", "-g", "AppleLocale"],
        capture_output=True,
        text=True,
        timeout=5,
        check=False,
    )
    return found.stdout.strip() if found.returncode == 0 else ""


@cache
def system_region() -> str:
    """The OS's region code (NO, SE, GB…); Norway where the OS names no country."""
    candidates = [_environment_locale]
    if sys.platform == "win32":
        candidates.insert(0, _windows_locale)
    elif sys.platform == "darwin":
        candidates.append(_macos_locale)
    for candidate in candidates:
        try:
            region = region_of(candidate())
        except (OSError, subprocess.SubprocessError, AttributeError) as err:
            log.debug("no locale from %s: %s", candidate.__name__, err)
            continue
        if region:
            return region
    return FALLBACK_REGION
