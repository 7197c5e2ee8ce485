"""The commands that hand something to the running tray app, starting it when none runs:
`call` and `open` when the quick hand-over (:mod:`screenpop.cli.handover`) found no app, and
`dial`. The app answers each over its socket; the exit code is its answer's."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from screenpop.cli.handover import (
    CALL_REPLY_S,
    EXIT_FAILED,
    EXIT_USAGE,
    OPEN_REPLY_S,
    call_line,
    exit_code,
    open_line,
)
from screenpop.core.errors import ScreenpopError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from screenpop.config.profile import Profile
    from screenpop.triggers.instance_client import Reply

_APP_START_TIMEOUT_S = 30.0


def hand_to_app(
    profile: Profile,
    line: bytes,
    timeout_s: float,
    verbose: bool,
    before_start: Callable[[], int | None],
) -> int:
    """Hand ``line`` to the running app and exit as it answers. When none runs,
    ``before_start`` checks the input first (an exit code refuses it), then the app starts."""
    from screenpop.triggers.instance_address import instance_address
    from screenpop.triggers.instance_client import exchange

    name = instance_address(profile.instance_key)
    reply = exchange(name, line, timeout_s)
    if reply is None:
        refused = before_start()
        if refused is not None:
            return refused
        reply = _start_app_and_hand_over(profile, name, line, timeout_s, verbose)
    return exit_code(reply)


def _start_app_and_hand_over(
    profile: Profile, name: str, line: bytes, timeout_s: float, verbose: bool
) -> Reply:
    import subprocess
    import time

    from screenpop.integration.identity import app_command
    from screenpop.triggers.instance_client import exchange, is_listening

    # The GUI program (the frozen app has no `python -m`; on Windows, no console window).
    command = [*app_command(), "--profile", str(profile.root)]
    if verbose:
        command.append("--verbose")
    app = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=None if verbose else subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + _APP_START_TIMEOUT_S
    while time.monotonic() < deadline:
        # Polled first: an app that ended because another started at the same moment leaves
        # that one listening, which takes the message.
        exited = app.poll() is not None
        # Sent once it listens, and once only: the app may take seconds to answer `open`.
        if is_listening(name):
            reply = exchange(name, line, timeout_s)
            if reply is None:
                raise ScreenpopError("Screenpop started but did not answer; see its log.")
            return reply
        if exited:
            raise ScreenpopError(
                f"Screenpop could not start (exit code {app.returncode}); "
                f"see {profile.log_dir / 'screenpop.log'}"
            )
        time.sleep(0.1)
    raise ScreenpopError("Screenpop did not start in time; see its log in the profile folder.")


def call(args: argparse.Namespace, profile: Profile, verbose: bool) -> int:
    def check_number() -> None:
        # With no app to ask, junk is refused here, before waking one: a misconfigured
        # softphone hears about it at once (a link with its own reason).
        from screenpop.config.settings_files import load_settings
        from screenpop.core.phone import read_call_text

        settings = load_settings(profile)
        read_call_text(args.number, settings.home_region, settings.outside_line_prefix)

    line = call_line(args.number, args.state, args.call_id, args.direction)
    return hand_to_app(profile, line, CALL_REPLY_S, verbose, check_number)


def open_contact(args: argparse.Namespace, profile: Profile, verbose: bool) -> int:
    from screenpop.cli.summary import contact_id_arg

    contact_id = contact_id_arg(args.contact_id)
    if contact_id is None:
        return EXIT_USAGE

    def check_contact() -> int | None:
        if _contact_exists(profile, contact_id):
            return None
        print(f"screenpop: SuperOffice has no contact {contact_id}", file=sys.stderr)
        return EXIT_FAILED

    return hand_to_app(profile, open_line(contact_id), OPEN_REPLY_S, verbose, check_contact)


def _contact_exists(profile: Profile, contact_id: int) -> bool:
    """False only when the tenant says the contact does not exist. Offline, or not signed in,
    the window opens anyway and shows why it cannot load: that is where the user looks."""
    import asyncio
    import logging

    import httpx

    from screenpop.config.settings_files import load_settings
    from screenpop.services.connection import make_client
    from screenpop.services.http import http_client
    from screenpop.superoffice.errors import NotFoundError

    settings = load_settings(profile)

    async def check() -> bool:
        # With the company CA: behind a TLS-inspecting proxy the check must get through too.
        async with http_client(settings, httpx.Timeout(5.0)) as http:
            try:
                await make_client(settings, http).get_contact_summary(contact_id, 1)
            except NotFoundError:
                return False
            except ScreenpopError as err:
                logging.getLogger(__name__).info(
                    "could not check contact %d: %s", contact_id, err.message
                )
            return True

    return asyncio.run(check())
