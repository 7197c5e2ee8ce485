"""The tray app's sync, run in a process of its own (:mod:`screenpop.sync.process_protocol`).

The child is this installation's own program (``screenpop --profile DIR sync-process``),
handed the connection's credential on its standard input. It is waited for in a thread of its
own, so the worker threads stay free for calls. Cancelling the sync (the app quits) ends the
child: its transaction is rolled back, and the cache keeps the set it had. An Online access
token refused mid-way is refreshed once and the sync tried again, as a request of the app's
own would be.
"""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from screenpop.config.credentials import load_secret
from screenpop.config.profile import Profile
from screenpop.config.settings import Settings
from screenpop.core.errors import ScreenpopError
from screenpop.integration.identity import app_command
from screenpop.superoffice.auth_kind import AuthKind
from screenpop.superoffice.errors import (
    AuthenticationError,
    ForbiddenError,
    SignInNeededError,
)
from screenpop.superoffice.tenant import parse_tenant_address
from screenpop.sync.process_protocol import (
    COMMAND,
    Handover,
    SyncProcessError,
    decode_answer,
)
from screenpop.sync.result import SyncResult

if TYPE_CHECKING:
    from screenpop.superoffice.bearer import OnlineSession

log = logging.getLogger(__name__)


def sync_command(profile: Profile) -> list[str]:
    return [*app_command(console=True), "--profile", str(profile.root), COMMAND]


def stored_secret(settings: Settings) -> str | None:
    """The password or ticket the settings' sign-in uses, without an HTTP stack (None: the
    child says what is missing, as ``screenpop sync`` would). Raises ConfigError when the
    keyring cannot be read."""
    try:
        address = parse_tenant_address(settings.tenant_url, settings.environment or "online")
    except ScreenpopError:
        return None
    return load_secret(address.tenant.base, settings.user)


async def sync_as_app(
    profile: Profile,
    settings: Settings,
    language: str,
    online_session: Callable[[], OnlineSession | None],
) -> SyncResult:
    """The tray app's sync: handed the stored secret (this process needs no HTTP stack for
    it), or with Online sign-in the session's token."""
    session = online_session() if settings.auth is AuthKind.ONLINE else None
    return await sync_in_a_process(
        profile, language, secret=stored_secret(settings), session=session
    )


async def sync_in_a_process(
    profile: Profile,
    language: str,
    *,
    secret: str | None = None,
    session: OnlineSession | None = None,
    command: Sequence[str] = (),
) -> SyncResult:
    """One sync of the profile's cache by a child process, handed ``secret`` (Onsite, or a
    ticket on Online) or ``session``'s access token (Online sign-in); ``command``: how to
    start it, by default this installation's program. Raises what the child reported."""
    argv = list(command) or sync_command(profile)
    credential = secret if session is None else await session.access_token()
    try:
        return await _run(argv, Handover(credential, language))
    except AuthenticationError as err:
        if (
            session is None
            or credential is None
            or isinstance(err, ForbiddenError | SignInNeededError)
        ):
            raise
        # The token expired or was revoked meanwhile: a fresh one, once.
        fresh = await session.after_unauthorized(credential)
        try:
            return await _run(argv, Handover(fresh, language))
        except AuthenticationError:
            session.reject(fresh)
            raise


async def _run(argv: list[str], handover: Handover) -> SyncResult:
    """Started and waited for in a thread of its own (starting a process blocks a moment);
    cancelled, the child is ended whether it has started yet or not."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[tuple[bytes, int]] = loop.create_future()
    lock = threading.Lock()
    state: dict[str, subprocess.Popen[bytes] | bool] = {}

    def start_and_wait() -> None:
        try:
            child = subprocess.Popen(
                argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                creationflags=_creation_flags(),
            )
        except OSError as err:
            failure = SyncProcessError(f"Cannot start the sync: {err.strerror or err}")
            loop.call_soon_threadsafe(_settle, done, failure)
            return
        with lock:
            state["child"] = child
            if state.get("cancelled"):
                child.terminate()
        log.info("sync started in process %d", child.pid)
        try:
            output, _ = child.communicate(handover.encode())
        except OSError as err:  # its pipes failed: it is ended, and the sync with it
            child.kill()
            child.wait()
            failure = SyncProcessError(f"The sync stopped: {err.strerror or err}")
            loop.call_soon_threadsafe(_settle, done, failure)
            return
        loop.call_soon_threadsafe(_settle, done, (output, child.returncode))

    threading.Thread(target=start_and_wait, name="sync process", daemon=True).start()
    try:
        output, code = await done
    except asyncio.CancelledError:
        with lock:
            state["cancelled"] = True
            child = state.get("child")
            if isinstance(child, subprocess.Popen):
                child.terminate()
        raise
    return decode_answer(output, code)


def _settle(
    done: asyncio.Future[tuple[bytes, int]], outcome: tuple[bytes, int] | SyncProcessError
) -> None:
    if done.done():
        return
    if isinstance(outcome, SyncProcessError):
        done.set_exception(outcome)
    else:
        done.set_result(outcome)


def _creation_flags() -> int:
    """Windows: no console window, and below normal priority (elsewhere the child lowers its
    own, see :mod:`screenpop.cli.sync_process`)."""
    if sys.platform != "win32":
        return 0
    return subprocess.CREATE_NO_WINDOW | subprocess.BELOW_NORMAL_PRIORITY_CLASS
