"""The command line (DESIGN §5): a stable contract that scripts, softphones and tests rely on.

Exit codes: 0 done, 1 it failed (tenant unreachable, sign-in refused, …), 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from screenpop import __version__
from screenpop.cli.configure import add_configure_arguments, configure, sign_in
from screenpop.cli.dial import add_parser as add_dial_parser
from screenpop.cli.summary import add_parser as add_summary_parser
from screenpop.cli.summary import contact_id_arg
from screenpop.config.logs import setup_logging
from screenpop.config.profile import PROFILE_ENV, Profile
from screenpop.config.settings import Settings
from screenpop.config.settings_files import load_settings
from screenpop.core.call_uri import has_call_scheme, parse_call_uri
from screenpop.core.calls import CallEvent, CallState, Direction
from screenpop.core.errors import ConfigError, InvalidInputError, ScreenpopError
from screenpop.core.matching import match
from screenpop.core.phone import parse_incoming

if TYPE_CHECKING:
    from screenpop.triggers.messages import Message

log = logging.getLogger(__name__)

EXIT_FAILED = 1
EXIT_USAGE = 2
_APP_START_TIMEOUT_S = 30.0


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, not a usage dump: callers are often scripts that log stderr.
        self.exit(EXIT_USAGE, f"screenpop: {message} (see `screenpop --help`)\n")


def _build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--profile",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"keep settings, cache and logs in DIR (or set {PROFILE_ENV})",
    )
    common.add_argument(
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="log at debug level to stderr as well",
    )
    parser = _Parser(
        prog="screenpop",
        parents=[common],
        description="Screen pops for SuperOffice. Without a command, runs the tray app.",
    )
    parser.add_argument("--version", action="version", version=f"screenpop {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sub.add_parser("demo", parents=[common], help="run the app against the bundled demo tenant")

    server = sub.add_parser("demo-server", parents=[common], help="serve the demo tenant")
    server.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: a free one)")
    server.add_argument("--persons", type=int, default=500)
    server.add_argument("--others", metavar="N", type=int, default=None,
                        help="persons in the CRM without caller IDs, found only by a live "
                        "lookup (default: as many as --persons)")  # fmt: skip
    server.add_argument("--seed", type=int, default=1)
    server.add_argument("--caller-ids", metavar="FILE", type=Path)
    server.add_argument("--latency", metavar="MS", type=int, default=0)
    server.add_argument("--user", default="demo", help="the Basic account's user name")
    server.add_argument("--password", default="demo", help="its password (and SOTicket)")
    server.add_argument("--fault", metavar="KIND[:RATE]", action="append", default=[],
                        help="answer a fraction RATE (default 1) of API requests with KIND: "
                        "500, 503, 429, 401, 421, malformed-json, truncated, reset, lost-answer, "
                        "timeout; "
                        "repeatable")  # fmt: skip
    server.add_argument("--token-lifetime", metavar="SECONDS", type=int, default=3600,
                        help="lifetime of the access tokens its sign-in issues")  # fmt: skip
    server.add_argument("--client-id", default="screenpop-demo",
                        help="the OpenID Connect client id its sign-in accepts")  # fmt: skip
    server.add_argument("--client-secret", default="",
                        help="its secret, which refreshing a token then needs")  # fmt: skip

    conf = sub.add_parser("configure", parents=[common], help="change settings")
    add_configure_arguments(conf)

    sub.add_parser("sign-in", parents=[common],
                   help="SuperOffice Online: sign in with the system browser")  # fmt: skip

    sub.add_parser("sync", parents=[common], help="sync the caller-ID cache now")

    lookup = sub.add_parser("lookup", parents=[common], help="match a number against the cache")
    lookup.add_argument("number")
    lookup.add_argument("--json", action="store_true")
    lookup.add_argument("--live", action="store_true",
                        help="ask SuperOffice when the cache has no match")  # fmt: skip

    call = sub.add_parser("call", parents=[common], help="hand a call event to the running app")
    call.add_argument("number")
    call.add_argument("--state", choices=[s.value for s in CallState], default="ringing")
    call.add_argument("--call-id", default="")
    call.add_argument("--direction", choices=[d.value for d in Direction], default="incoming")

    open_ = sub.add_parser("open", parents=[common], help="open a contact window")
    open_.add_argument("contact_id")
    add_summary_parser(sub, common)
    add_dial_parser(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = _links_as_calls(list(sys.argv[1:] if argv is None else argv))
    args = _build_parser().parse_args(args_list)
    verbose = getattr(args, "verbose", False)
    try:
        profile = Profile.resolve(getattr(args, "profile", None), demo=args.command == "demo")
        if args.command == "demo-server":
            setup_logging(None, verbose)
            return _demo_server(args)
        setup_logging(profile.ensure().log_dir, verbose)
        return _dispatch(args, profile, verbose)
    except InvalidInputError as err:
        print(f"screenpop: {err.message}", file=sys.stderr)
        return EXIT_USAGE
    except ScreenpopError as err:
        print(f"screenpop: {err.message}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`screenpop summary 1 | head`): nothing to say to it. Output
        # still buffered must not fail again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except Exception as err:
        log.exception("unexpected error")
        hint = "" if verbose else " (run with --verbose for details)"
        print(f"screenpop: unexpected error: {err}{hint}", file=sys.stderr)
        return EXIT_FAILED


def _links_as_calls(args: list[str]) -> list[str]:
    """A tel:/callto:/sip:/sips: link handed over by the desktop in the command's place is a
    call (`screenpop --profile P tel:+47…`); a link as another command's argument is left be."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--profile":
            i += 2
        elif arg.startswith("-"):
            i += 1
        else:
            return [*args[:i], "call", *args[i:]] if has_call_scheme(arg) else args
    return args


def _dispatch(args: argparse.Namespace, profile: Profile, verbose: bool) -> int:
    command = args.command
    if command is None:
        from screenpop.app.startup import run_app

        return run_app(profile, verbose=verbose)
    if command == "demo":
        from screenpop.app.demo_launcher import run_demo

        return run_demo(profile, verbose=verbose)
    if command == "configure":
        return configure(args, profile)
    if command == "sign-in":
        return sign_in(profile)
    if command == "sync":
        return _sync(profile)
    if command == "lookup":
        return _lookup(args, profile)
    if command == "call":
        return _call(args, profile, verbose)
    if command == "open":
        return _open(args, profile, verbose)
    if command == "summary":
        from screenpop.cli.summary import run_summary

        return run_summary(args, profile)
    if command == "dial":
        from screenpop.cli.dial import run_dial

        return run_dial(args, profile, lambda message: _hand_to_app(profile, message, verbose))
    raise AssertionError(command)


def _demo_server(args: argparse.Namespace) -> int:
    from screenpop.demo.faults import Fault
    from screenpop.demo.server import DemoConfig
    from screenpop.demo.serving import serve

    if not 0 <= args.port <= 65535:
        raise ConfigError(f"--port {args.port} is not a port number.")
    if not 1 <= args.persons <= 1_000_000:
        raise ConfigError("--persons must be between 1 and 1,000,000.")
    if args.others is not None and not 0 <= args.others <= 1_000_000 - args.persons:
        raise ConfigError("--persons and --others are at most 1,000,000 together.")
    if args.latency < 0:
        raise ConfigError("--latency cannot be negative.")
    if args.token_lifetime < 1:
        raise ConfigError("--token-lifetime is at least 1 second.")
    config = DemoConfig(
        seed=args.seed,
        persons=args.persons,
        others=args.others,
        caller_ids_file=args.caller_ids,
        latency_ms=args.latency,
        user=args.user,
        password=args.password,
        client_id=args.client_id,
        client_secret=args.client_secret,
        token_lifetime_s=args.token_lifetime,
        faults=tuple(Fault.parse(text) for text in args.fault),
    )
    hosts: list[str] = []

    def ready(url: str) -> None:
        origin = url.rsplit("/", 1)[0]
        print(f"Demo tenant listening on {url} (user {config.user})", flush=True)
        print(f"  sign-in: authority {origin}/login, client id {config.client_id}; "
              f"state: {origin}/api/state/{config.customer}; "
              f"Online hosts: {', '.join(hosts)}", flush=True)  # fmt: skip
        for fault in config.faults:
            print(f"  fault: {fault.rate:.0%} of API answers fail as {fault.kind}", flush=True)

    try:
        serve(config, port=args.port, ready=ready, hosts_ready=hosts.extend)
    except OSError as err:
        raise ConfigError(
            f"Cannot serve the demo tenant on port {args.port}: {err.strerror}"
        ) from None
    return 0


def _sync(profile: Profile) -> int:
    import asyncio

    from screenpop.services.connection import make_client
    from screenpop.services.http import http_client
    from screenpop.superoffice.errors import SignInNeededError
    from screenpop.sync.caller_ids import sync_caller_ids
    from screenpop.sync.ticket_statuses import TicketStatusBook

    settings = load_settings(profile)

    async def run() -> str:
        async with http_client(settings, strict=True) as http:
            client = make_client(settings, http)
            result = await sync_caller_ids(
                client, profile.cache_file, settings.home_region, **settings.sync_options()
            )
            await TicketStatusBook(profile.ticket_statuses_file).refresh(client)
        return result.summary_line()

    try:
        line = asyncio.run(run())
    except ScreenpopError as err:
        # One line naming what failed; the cache is only ever replaced by a whole new set,
        # so it still answers as before.
        log.info("sync failed: %s", err.message)
        err.message = f"sync failed: {err.message}"
        if isinstance(err, SignInNeededError):
            err.message += " (run `screenpop sign-in`)"
        raise
    print(line)
    return 0


def _lookup(args: argparse.Namespace, profile: Profile) -> int:
    from screenpop.store.cache import CallerIdCache
    from screenpop.sync.caller_ids import META_HASH

    settings = load_settings(profile)
    incoming = parse_incoming(args.number, settings.home_region, settings.outside_line_prefix)
    with CallerIdCache(profile.cache_file) as cache:
        if cache.meta(META_HASH) is None:
            print(
                "screenpop: the caller-ID cache was never synced; run `screenpop sync`",
                file=sys.stderr,
            )
        candidates = match(cache, incoming)
    if args.live and not candidates:
        from screenpop.cli.live import lookup_live

        candidates = lookup_live(settings, incoming)
    if args.json:
        print(json.dumps([c.to_json() for c in candidates], ensure_ascii=False, indent=2))
    elif not candidates:
        print(f"No match for {incoming.display}")
    else:
        for c in candidates:
            who = f"{c.person_name} — {c.contact_name}" if c.person_name else c.contact_name
            print(f"{who}  ({c.number}, {c.matched_by.value} match, contact {c.contact_id})")
    return 0


def _hand_to_app(profile: Profile, message: Message, verbose: bool) -> int:
    from screenpop.triggers.single_instance import send, server_name

    name = server_name(profile.instance_key)
    if send(name, message):
        return 0
    # Nobody is running: start the app and hand it the event as soon as it listens.
    from screenpop.integration.identity import app_command

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
        if send(name, message, timeout_ms=500):
            return 0
        if app.poll() is not None:
            # Exit 0 means it handed over to an instance that started at the same moment.
            if app.returncode == 0 and send(name, message):
                return 0
            raise ScreenpopError(
                f"Screenpop could not start (exit code {app.returncode}); "
                f"see {profile.log_dir / 'screenpop.log'}"
            )
        time.sleep(0.1)
    raise ScreenpopError("Screenpop did not start in time; see its log in the profile folder.")


def _call(args: argparse.Namespace, profile: Profile, verbose: bool) -> int:
    settings: Settings = load_settings(profile)
    # Refuse junk before waking the app, so a misconfigured softphone hears about it; a link
    # gets its own reason ("a callto: link to a name has no number"), a SIP header value
    # ("Kari" <sip:…>) gives the caller's name.
    display_name = ""
    if has_call_scheme(args.number) or "<" in args.number:
        display_name = parse_call_uri(args.number).display_name
    parse_incoming(args.number, settings.home_region, settings.outside_line_prefix)
    event = CallEvent(
        number=args.number,
        state=CallState(args.state),
        call_id=args.call_id,
        display_name=display_name,
        source="cli",
        direction=Direction(args.direction),
    )
    return _hand_to_app(profile, event, verbose)


def _open(args: argparse.Namespace, profile: Profile, verbose: bool) -> int:
    from screenpop.triggers.messages import OpenContact

    contact_id = contact_id_arg(args.contact_id)
    if contact_id is None:
        return EXIT_USAGE
    if not _contact_exists(profile, contact_id):
        print(f"screenpop: SuperOffice has no contact {contact_id}", file=sys.stderr)
        return EXIT_FAILED
    return _hand_to_app(profile, OpenContact(contact_id), verbose)


def _contact_exists(profile: Profile, contact_id: int) -> bool:
    """False only when the tenant says the contact does not exist. Offline, or not signed in,
    the window opens anyway and shows why it cannot load: that is where the user looks."""
    import asyncio

    import httpx

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
                log.info("could not check contact %d: %s", contact_id, err.message)
            return True

    return asyncio.run(check())
