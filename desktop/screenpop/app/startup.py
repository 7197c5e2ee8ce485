"""The tray app's start, as named steps in one place (:func:`run_app`), and its end.

Each step is logged with the time it took, so a slow start or a start that stops says where.
Only what the steps up to the single-instance check need is imported at the top, Qt not
included: a second start that hands over must not pay for importing Qt, the widgets, the
HTTP stack and the app.
"""

from __future__ import annotations

import asyncio
import faulthandler
import functools
import linecache
import logging
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from screenpop import __version__
from screenpop.config.logs import log_uncaught_exceptions
from screenpop.config.profile import Profile
from screenpop.config.settings_files import load_settings
from screenpop.core.errors import ScreenpopError
from screenpop.triggers.instance_address import instance_address
from screenpop.triggers.instance_client import exchange
from screenpop.triggers.messages import ShowApp, encode

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer, QtMsgType
    from PySide6.QtWidgets import QApplication

    from screenpop.app.tray_app import ScreenpopApp

log = logging.getLogger(__name__)

FAULTS_LOG = "faults.log"
_HEARTBEAT_MS = 250
WORKER_THREADS = 3
# Kept open for the life of the process: faulthandler writes to its descriptor on a crash.
_faults_file: list[IO[str]] = []


@contextmanager
def step(name: str) -> Iterator[None]:
    started = time.perf_counter()
    log.debug("start-up: %s…", name)
    yield
    log.info("start-up: %s (%.0f ms)", name, (time.perf_counter() - started) * 1000)


class _LinesNotKept(dict[str, Any]):
    """linecache's cache, keeping the lines of one file on disk at a time (linecache reads back
    what it has just stored; a traceback reads a file again when it needs it); lines read
    through a module's loader, which cannot be read again without it, are kept as ever.

    Workaround: once PySide6 is loaded it reads the source of every module imported after it
    (its __feature__ check, PYSIDE-2029, through inspect.getsource), and linecache would keep
    every line of them: 10 MB that an app idle in the tray holds for good.
    """

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._on_disk: str | None = None

    def __setitem__(self, key: str, value: Any) -> None:
        # Entries are (size, mtime, lines, name), mtime None when read through a loader, or
        # (get_lines,) for a loader's lines not read yet.
        if len(value) == 4 and value[1] is not None:
            previous, self._on_disk = self._on_disk, key
            if previous is not None and previous != key:
                self.pop(previous, None)
        super().__setitem__(key, value)


def _keep_no_source_lines() -> None:
    if not isinstance(linecache.cache, _LinesNotKept):
        linecache.cache = _LinesNotKept(linecache.cache)


def _qt_messages_to_log(kind: QtMsgType, _context: object, message: str) -> None:
    from PySide6.QtCore import QtMsgType

    level = logging.DEBUG if kind == QtMsgType.QtDebugMsg else logging.WARNING
    logging.getLogger("qt").log(level, "%s", message)


def report_last_crash(log_dir: Path) -> None:
    """A fatal error of the last run (a crash in Qt, a signal) is in faults.log: into the log
    with it, once, then the file starts afresh."""
    path = log_dir / FAULTS_LOG
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return
    if text:
        log.warning("the last run ended with a fatal error:\n%s", text[-8000:])
        path.write_text("", encoding="utf-8")


def write_faults_to(log_dir: Path) -> None:
    """faulthandler: a crash that Python cannot catch still leaves its stack in the log folder."""
    report_last_crash(log_dir)
    try:
        faults = (log_dir / FAULTS_LOG).open("a", encoding="utf-8")
    except OSError as err:
        log.info("no %s this time: %s", FAULTS_LOG, err.strerror)
        return
    _faults_file.append(faults)
    faulthandler.enable(file=faults, all_threads=True)


def _quit_on_signals(quit_requested: asyncio.Event) -> QTimer:
    """SIGTERM (logout, `kill`) and Ctrl+C end the app cleanly instead of killing it mid-write."""
    from PySide6.QtCore import QTimer

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: quit_requested.set())
    # Python runs signal handlers only between bytecodes; this heartbeat lets it while Qt idles.
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(_HEARTBEAT_MS)
    return heartbeat


def _hand_over(profile: Profile) -> bool:
    """Another instance owns this profile: bring it forward. True when one answered."""
    reply = exchange(instance_address(profile.instance_key), encode(ShowApp()), 1.0)
    if reply is not None and reply.ok:
        log.info("another instance is running; handed over to it")
        return True
    return False


def embed_qt_conf() -> None:
    """The frozen app: Qt's qt.conf (where its plugins and translations are), embedded as
    PyInstaller's own run-time hook would have at every start (ours leaves it until Qt is
    needed: packaging/pyinstaller/rthook_qt_paths.py)."""
    if not getattr(sys, "frozen", False):
        return
    from _pyi_rth_utils import qt  # type: ignore[import-not-found]  # PyInstaller's, frozen only

    base = Path(getattr(sys, "_MEIPASS", "")) / "PySide6"
    qt.create_embedded_qt_conf("PySide6", str(base if sys.platform == "win32" else base / "Qt"))


def _make_application() -> QApplication:
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from screenpop.integration.identity import apply_app_user_model_id
    from screenpop.integration.resources import resource_path
    from screenpop.ui.theme import PaletteGuard

    qInstallMessageHandler(_qt_messages_to_log)
    apply_app_user_model_id()
    embed_qt_conf()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Screenpop")
    app.setApplicationVersion(__version__)
    app.setQuitOnLastWindowClosed(False)
    app.setWindowIcon(QIcon(str(resource_path("icons", "screenpop.svg"))))
    # Links and captions readable in dark themes whose palettes leave them at light defaults.
    PaletteGuard(app)
    return app


def run_app(profile: Profile, *, verbose: bool = False, demo: bool = False) -> int:
    """Start the tray app, in this order:

    1. paths: the profile's folders (the command line made them for every command);
    2. logging: the log file (the command line's), errors nobody caught, and faulthandler;
    3. settings: loaded, every value checked against the settings table;
    4. single instance: a running app for this profile is brought forward and this process
       ends here, before it pays for a QApplication;
    5. QApplication and the asyncio loop on it, with the UI language;
    6. services: the cache, history, sync, softphone, and the single-instance server;
    7. tray: the icon (or the main window), the first sync, the first-run window if needed.
    """
    _keep_no_source_lines()  # before Qt is first imported
    with step("paths"):
        profile.ensure()
    with step("logging"):
        log_uncaught_exceptions()
        write_faults_to(profile.log_dir)
    with step("settings"):
        settings = load_settings(profile)
    with step("single instance"):
        if _hand_over(profile):
            return 0
    with step("QApplication"):
        import qasync

        from screenpop.ui.i18n import install_translations

        app = _make_application()
        language = install_translations(app, settings.language)
    with step("services"):
        from screenpop.app.instance_answers import answer
        from screenpop.app.tray_app import ScreenpopApp
        from screenpop.superoffice.auth_kind import AuthKind
        from screenpop.triggers.os_links import OsLinkEvents
        from screenpop.triggers.single_instance import InstanceServer

        server = InstanceServer(instance_address(profile.instance_key))
        if not server.listen():
            # Two starts at the same moment, and the other won: hand over to it after all.
            return 0 if _hand_over(profile) else 1
        loop = qasync.QEventLoop(app)
        # qasync's default starts ten threads at once; the app's work off the UI thread (answers
        # parsed, the cache written) needs a few, and each thread costs memory for good.
        loop.set_default_executor(qasync.QThreadExecutor(WORKER_THREADS))
        asyncio.set_event_loop(loop)
        screenpop = ScreenpopApp(profile, settings, demo, language)
        server.answer_with(functools.partial(answer, screenpop))
        links = OsLinkEvents(app, functools.partial(answer, screenpop))
        heartbeat = _quit_on_signals(screenpop.quit_requested)
        if settings.auth is AuthKind.ONLINE:
            # The session (its sign-in code) comes now: the first sync hands over its token.
            # Onsite the sync process reads the settings itself, and this one needs no HTTP
            # stack until a call; what is missing the first sync says in the tray.
            try:
                screenpop.client()
            except ScreenpopError as err:
                log.warning("not ready to talk to SuperOffice: %s", err.message)
    display_lost: list[bool] = []
    # Qt leaves its event loop by itself only when the window system went away (the X server
    # died, the session ended): everything else ends through quit_requested.
    app.aboutToQuit.connect(lambda: display_lost.append(not screenpop.quit_requested.is_set()))

    async def main() -> None:
        with step("tray"):
            screenpop.start()
        log.info("Screenpop %s started with profile %s", __version__, profile.root)
        await screenpop.quit_requested.wait()
        heartbeat.stop()
        server.close()
        await screenpop.stop()
        links.deleteLater()

    with loop:
        try:
            loop.run_until_complete(main())
        except RuntimeError:
            if not any(display_lost):
                raise
            _end_without_display(screenpop, server.close)
    return 0


def _end_without_display(screenpop: ScreenpopApp, close_server: Callable[[], None]) -> None:
    """The display is gone, so no window can close: keep what is on disk safe and end."""
    log.warning("the display went away (the window system ended); Screenpop ends")
    close_server()
    screenpop.calls.close()
    screenpop.cache.close()
