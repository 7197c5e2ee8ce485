"""Which program the operating system hands ``tel:`` links to, and whether that is Screenpop.

Screenpop dials through the softphone it follows, else through the OS's ``tel:`` handler, but
never through itself: the installers (and ``configure --register-links``) make Screenpop the
handler of ``tel:`` links so that a clicked link pops like a call, and a dial handed to it
would pop the number it meant to ring. So before a link is opened the handler is looked up:

- Linux: ``xdg-mime query default x-scheme-handler/tel`` (the freedesktop.org MIME
  applications spec; ``mimeapps.list`` read directly where xdg-utils is missing), and the
  desktop entry it names, whose id or ``Exec`` tells whether it is Screenpop;
- Windows: the user's choice under ``HKCU\\...\\UrlAssociations\\tel\\UserChoice`` (its ProgId),
  else the ``tel`` class's open command;
- macOS: LaunchServices' default handler for the scheme (its bundle id).

A handler that cannot be determined counts as none: opening the link could loop back here.
"""

from __future__ import annotations

import configparser
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from screenpop.integration import desktop_entry
from screenpop.integration.identity import APP_ID, EXECUTABLE

log = logging.getLogger(__name__)

MIME_TYPE = "x-scheme-handler/tel"
_TOOL_TIMEOUT_S = 5
_WINDOWS_CHOICE = r"Software\Microsoft\Windows\Shell\Associations\UrlAssociations\tel\UserChoice"


@dataclass(frozen=True, slots=True)
class TelHandler:
    """``name``: what the OS calls the handler ("" for none); ``ours``: it is Screenpop."""

    name: str = ""
    ours: bool = False

    @property
    def usable(self) -> bool:
        return bool(self.name) and not self.ours


def tel_handler(platform: str = sys.platform) -> TelHandler:
    try:
        if platform.startswith("linux"):
            return _linux()
        if platform == "win32":
            return _windows()
        if platform == "darwin":
            return _macos()
    except (OSError, ValueError) as err:
        log.info("cannot tell which app opens tel: links: %s", err)
    return TelHandler()


def _is_screenpop(text: str) -> bool:
    lowered = text.lower()
    return APP_ID.lower() in lowered or EXECUTABLE in lowered


# -- Linux -----------------------------------------------------------------------------------
def _data_dirs() -> list[Path]:
    home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    others = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    return [Path(d) for d in [home, *others.split(":")] if d and Path(d).is_absolute()]


def _config_dirs() -> list[Path]:
    home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    others = os.environ.get("XDG_CONFIG_DIRS") or "/etc/xdg"
    return [Path(d) for d in [home, *others.split(":")] if d and Path(d).is_absolute()]


def _linux_default() -> str:
    if shutil.which("xdg-mime") is not None:
        done = subprocess.run(
            ["xdg-mime", "query", "default", MIME_TYPE],
            capture_output=True, text=True, timeout=_TOOL_TIMEOUT_S, check=False,
        )  # fmt: skip
        return done.stdout.strip().splitlines()[0] if done.stdout.strip() else ""
    for folder in _config_dirs():
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        try:
            parser.read(folder / "mimeapps.list", encoding="utf-8")
        except configparser.Error:
            continue
        value = parser.get("Default Applications", MIME_TYPE, fallback="")
        first = next((part for part in value.split(";") if part.strip()), "")
        if first:
            return first.strip()
    return ""


def _linux() -> TelHandler:
    desktop_id = _linux_default()
    if not desktop_id:
        return TelHandler()
    entry: dict[str, str] = {}
    for folder in _data_dirs():
        path = folder / "applications" / desktop_id
        if path.is_file():
            entry = desktop_entry.read(path)
            break
    ours = _is_screenpop(desktop_id) or _is_screenpop(entry.get("Exec", ""))
    return TelHandler(entry.get("Name") or desktop_id, ours)


# -- Windows ---------------------------------------------------------------------------------
def _windows() -> TelHandler:  # pragma: no cover - Windows only
    if sys.platform != "win32":
        return TelHandler()
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, _WINDOWS_CHOICE) as key:
            prog_id = str(winreg.QueryValueEx(key, "ProgId")[0])
    except OSError:
        prog_id = ""
    if prog_id:
        return TelHandler(prog_id, _is_screenpop(prog_id) or _is_screenpop(_command(prog_id)))
    command = _command("tel")
    return TelHandler(command, _is_screenpop(command)) if command else TelHandler()


def _command(prog_id: str) -> str:  # pragma: no cover - Windows only
    if sys.platform != "win32":
        return ""
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, rf"{prog_id}\shell\open\command") as key:
            return str(winreg.QueryValueEx(key, "")[0])
    except OSError:
        return ""


# -- macOS -----------------------------------------------------------------------------------
def _macos() -> TelHandler:  # pragma: no cover - macOS only
    import ctypes
    import ctypes.util

    found = ctypes.util.find_library("CoreServices")
    foundation = ctypes.util.find_library("CoreFoundation")
    if not found or not foundation:
        return TelHandler()
    services = ctypes.cdll.LoadLibrary(found)
    cf = ctypes.cdll.LoadLibrary(foundation)
    utf8 = 0x08000100
    cf.CFStringCreateWithCString.restype = ctypes.c_void_p
    cf.CFStringCreateWithCString.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32]
    cf.CFStringGetCString.argtypes = [
        ctypes.c_void_p, ctypes.c_char_p, ctypes.c_long, ctypes.c_uint32,
    ]  # fmt: skip
    cf.CFRelease.argtypes = [ctypes.c_void_p]
    services.LSCopyDefaultHandlerForURLScheme.restype = ctypes.c_void_p
    services.LSCopyDefaultHandlerForURLScheme.argtypes = [ctypes.c_void_p]
    scheme = cf.CFStringCreateWithCString(None, b"tel", utf8)
    handler = services.LSCopyDefaultHandlerForURLScheme(scheme)
    cf.CFRelease(scheme)
    if not handler:
        return TelHandler()
    buffer = ctypes.create_string_buffer(512)
    ok = cf.CFStringGetCString(handler, buffer, len(buffer), utf8)
    cf.CFRelease(handler)
    bundle_id = buffer.value.decode() if ok else ""
    return TelHandler(bundle_id, _is_screenpop(bundle_id)) if bundle_id else TelHandler()


def refusal(handler: TelHandler) -> str:
    """Why a ``tel:`` link cannot be handed to the OS ("" when it can), in one line."""
    if handler.ours:
        return (
            "Screenpop itself opens tel: links on this computer, so it cannot dial through "
            "them: set up the softphone (baresip) or another app for tel: links."
        )
    if not handler.name:
        return (
            "No app on this computer opens tel: links: set up the softphone (baresip) or a "
            "calling app for tel: links."
        )
    return ""
