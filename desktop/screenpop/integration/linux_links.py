"""Making Screenpop the current user's handler of tel:, callto:, sip: and sips: links on Linux.

A desktop entry in ``$XDG_DATA_HOME/applications`` claims the ``x-scheme-handler/*`` types
(freedesktop.org Desktop Entry spec 1.5); ``xdg-mime default`` then makes it the default for
each, where xdg-utils is installed. The packages (issue 8) register the schemes system-wide;
this is for a checkout or a pip install, and for a user who wants their own profile's app.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from screenpop.core.errors import ConfigError
from screenpop.integration import desktop_entry
from screenpop.integration.identity import APP_ID, APP_NAME, URL_SCHEMES
from screenpop.integration.resources import resource_path

log = logging.getLogger(__name__)

DESKTOP_FILE = f"{APP_ID}.Links.desktop"
MIME_TYPES = tuple(f"x-scheme-handler/{scheme}" for scheme in URL_SCHEMES)
_TOOL_TIMEOUT_S = 20


@dataclass(frozen=True, slots=True)
class Registration:
    desktop_file: Path
    # Whether xdg-mime made it the default for every scheme (False: not installed, or failed).
    made_default: bool
    detail: str


def exec_line(command: Sequence[str]) -> str:
    """The Exec value that runs ``command`` with the link appended (``%u``)."""
    return desktop_entry.exec_line(command, ["%u"])


def link_entry(command: Sequence[str]) -> str:
    """The desktop entry that hands ``tel:``… links to ``command`` (the app's argv prefix)."""
    fields = {
        "Type": "Application",
        "Name": f"{APP_NAME} call links",
        "Comment": "Show the SuperOffice contact for a tel:, callto: or sip: link",
        "Exec": exec_line(command),
        "Terminal": "false",
        "NoDisplay": "true",
        "MimeType": "".join(f"{t};" for t in MIME_TYPES),
        "Categories": "Network;Telephony;",
    }
    icon = resource_path("icons", "screenpop.svg")
    if icon.is_file():
        fields["Icon"] = str(icon)
    return desktop_entry.render(fields)


def applications_dir() -> Path:
    data_home = os.environ.get("XDG_DATA_HOME") or ""
    base = Path(data_home) if Path(data_home).is_absolute() else Path.home() / ".local" / "share"
    return base / "applications"


def register_links(command: Sequence[str], *, platform: str = sys.platform) -> Registration:
    """Write the desktop entry for the current user and make it the default handler.

    Raises ConfigError off Linux, or when the entry cannot be written."""
    if not platform.startswith("linux"):
        raise ConfigError(
            "Registering links from the command line is for Linux; "
            "the Windows and macOS installers register them."
        )
    folder = applications_dir()
    path = folder / DESKTOP_FILE
    try:
        desktop_entry.write_atomically(path, link_entry(command))
    except OSError as err:
        raise ConfigError(f"Cannot write {path}: {err.strerror or err}") from None
    _run_quietly(["update-desktop-database", "-q", str(folder)])
    if shutil.which("xdg-mime") is None:
        return Registration(path, False, "xdg-mime is not installed; the desktop may still ask")
    failed = [m for m in MIME_TYPES if not _run_quietly(["xdg-mime", "default", path.name, m])]
    if failed:
        return Registration(path, False, f"xdg-mime could not set {', '.join(failed)}")
    return Registration(path, True, "the default for " + ", ".join(f"{s}:" for s in URL_SCHEMES))


def _run_quietly(argv: list[str]) -> bool:
    """Run a desktop tool if it is installed; whether it succeeded."""
    if shutil.which(argv[0]) is None:
        return False
    try:
        done = subprocess.run(
            argv, capture_output=True, text=True, timeout=_TOOL_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        log.info("%s failed: %s", argv[0], err)
        return False
    if done.returncode != 0:
        log.info("%s failed (%d): %s", argv[0], done.returncode, done.stderr.strip()[:200])
    return done.returncode == 0
