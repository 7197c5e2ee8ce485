"""The command line (DESIGN §5): a stable contract that scripts, softphones and tests rely on.

Exit codes: 0 done, 1 it failed (tenant unreachable, sign-in refused, …), 2 bad input.

Each command imports what it needs when it runs, and argparse builds only the chosen
command's options: a sync loads no sign-in or demo code, `configure` alone reads the settings
table for its options. `call`, links and `open` usually never get here:
:mod:`screenpop.cli.handover` hands them to the running app before argparse is imported.
"""

from __future__ import annotations

import sys

from screenpop.cli.handover import (
    CALL_STATES,
    DIRECTIONS,
    EXIT_FAILED,
    EXIT_USAGE,
    hand_over_quickly,
    is_plain_link,
)
from screenpop.core.errors import ConfigError, InvalidInputError, ScreenpopError

# typing is imported by the commands that need it, not by a hook handing over a call.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from pathlib import Path
    from typing import NoReturn

    from screenpop.config.profile import Profile

# screenpop.sync.result.META_HASH (a test holds them together): set by every sync, read by
# `lookup` without importing the sync (and with it asyncio and the HTTP stack).
SYNCED_MARK = "caller_id_hash"
# Commands whose options come from elsewhere: built only when they are the one chosen.
_COMMAND_HELP = {
    "demo": "run the app against the bundled demo tenant",
    "demo-server": "serve the demo tenant",
    "configure": "change settings",
    "sign-in": "SuperOffice Online: sign in with the system browser",
    "sync": "sync the caller-ID cache now",
    "lookup": "match a number against the cache",
    "call": "hand a call event to the running app",
    "open": "open a contact window",
    "summary": "print what the contact window shows for a contact",
    "dial": "dial a number (the softphone, or the OS tel: handler)",
}
# Commands for the app's own use: parsed like the others, never listed.
_HIDDEN_COMMANDS = frozenset({"sync-process"})


def _parser_class() -> type[argparse.ArgumentParser]:
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            # One line, not a usage dump: callers are often scripts that log stderr.
            self.exit(EXIT_USAGE, f"screenpop: {message} (see `screenpop --help`)\n")

    return Parser


def _build_parser(command: str | None) -> argparse.ArgumentParser:
    """The command line with every command's name, and the options of ``command`` alone
    (None: the tray app, or a command that does not exist)."""
    import argparse

    from screenpop import __version__
    from screenpop.config.profile_root import PROFILE_ENV

    parser_class = _parser_class()
    common = parser_class(add_help=False)
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
    parser = parser_class(
        prog="screenpop",
        parents=[common],
        description="Screen pops for SuperOffice. Without a command, runs the tray app.",
    )
    parser.add_argument("--version", action="version", version=f"screenpop {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=parser_class)
    commands = {
        name: sub.add_parser(name, parents=[common], help=help_text)
        for name, help_text in _COMMAND_HELP.items()
    }
    if command in _HIDDEN_COMMANDS:
        sub.add_parser(command, parents=[common])

    if command == "demo-server":
        server = commands["demo-server"]
        server.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: a free one)")
        server.add_argument("--persons", type=int, default=500)
        server.add_argument("--others", metavar="N", type=int, default=None,
                            help="persons in the CRM without caller IDs, found only by a live "
                            "lookup (default: as many as --persons)")  # fmt: skip
        server.add_argument("--seed", type=int, default=1)
        server.add_argument("--caller-ids", metavar="FILE", type=_path)
        server.add_argument("--latency", metavar="MS", type=int, default=0)
        server.add_argument("--user", default="demo", help="the Basic account's user name")
        server.add_argument("--password", default="demo", help="its password (and SOTicket)")
        server.add_argument("--fault", metavar="KIND[:RATE]", action="append", default=[],
                            help="answer a fraction RATE (default 1) of API requests with KIND: "
                            "500, 503, 429, 401, 421, malformed-json, truncated, reset, "
                            "lost-answer, timeout; "
                            "repeatable")  # fmt: skip
        server.add_argument("--token-lifetime", metavar="SECONDS", type=int, default=3600,
                            help="lifetime of the access tokens its sign-in issues")  # fmt: skip
        server.add_argument("--client-id", default="screenpop-demo",
                            help="the OpenID Connect client id its sign-in accepts")  # fmt: skip
        server.add_argument("--client-secret", default="",
                            help="its secret, which refreshing a token then needs")  # fmt: skip
    if command == "configure":
        from screenpop.cli.configure import add_configure_arguments

        add_configure_arguments(commands["configure"])
    if command == "lookup":
        commands["lookup"].add_argument("number")
        commands["lookup"].add_argument("--json", action="store_true")
        commands["lookup"].add_argument(
            "--live", action="store_true", help="ask SuperOffice when the cache has no match"
        )
    if command == "call":
        call = commands["call"]
        call.add_argument("number")
        call.add_argument("--state", choices=CALL_STATES, default="ringing")
        call.add_argument("--call-id", default="")
        call.add_argument("--direction", choices=DIRECTIONS, default="incoming")
    if command == "open":
        commands["open"].add_argument("contact_id")
    if command == "summary":
        from screenpop.cli.summary import add_arguments as add_summary_arguments

        add_summary_arguments(commands["summary"])
    if command == "dial":
        commands["dial"].add_argument("number")
    return parser


def _path(text: str) -> Path:
    from pathlib import Path

    return Path(text)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = _links_as_calls(list(sys.argv[1:] if argv is None else argv))
    handed_over = hand_over_quickly(args_list)
    if handed_over is not None:
        return handed_over
    args = _build_parser(_command(args_list)).parse_args(args_list)
    verbose = getattr(args, "verbose", False)
    try:
        from screenpop.config.logs import setup_logging
        from screenpop.config.profile import Profile

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
        import os

        # The reader went away (`screenpop summary 1 | head`): nothing to say to it. Output
        # still buffered must not fail again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except Exception as err:
        import logging

        logging.getLogger(__name__).exception("unexpected error")
        hint = "" if verbose else " (run with --verbose for details)"
        print(f"screenpop: unexpected error: {err}{hint}", file=sys.stderr)
        return EXIT_FAILED


def _command_at(args: list[str]) -> int | None:
    """Where the command (the first argument that is no option) is in ``args``."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--profile":
            i += 2
        elif arg.startswith("-"):
            i += 1
        else:
            return i
    return None


def _command(args: list[str]) -> str | None:
    at = _command_at(args)
    command = None if at is None else args[at]
    # An unknown command: argparse lists every command's name, none of their options.
    return command if command in _COMMAND_HELP or command in _HIDDEN_COMMANDS else None


def _links_as_calls(args: list[str]) -> list[str]:
    """A tel:/callto:/sip:/sips: link handed over by the desktop in the command's place is a
    call (`screenpop --profile P tel:+47…`); a link as another command's argument is left be."""
    at = _command_at(args)
    if at is None or args[at] in _COMMAND_HELP or args[at] in _HIDDEN_COMMANDS:
        return args
    link = args[at]
    if not is_plain_link(link):
        from screenpop.core.call_uri import has_call_scheme

        if not has_call_scheme(link):
            return args
    return [*args[:at], "call", *args[at:]]


def _dispatch(args: argparse.Namespace, profile: Profile, verbose: bool) -> int:
    command = args.command
    if command is None:
        from screenpop.app.startup import run_app

        return run_app(profile, verbose=verbose)
    if command == "demo":
        from screenpop.app.demo_launcher import run_demo

        return run_demo(profile, verbose=verbose)
    if command == "configure":
        from screenpop.cli.configure import configure

        return configure(args, profile)
    if command == "sign-in":
        from screenpop.cli.configure import sign_in

        return sign_in(profile)
    if command == "sync":
        return _sync(profile)
    if command == "sync-process":
        from screenpop.cli.sync_process import main as sync_process

        return sync_process(profile)
    if command == "lookup":
        return _lookup(args, profile)
    if command == "call":
        from screenpop.cli.to_app import call

        return call(args, profile, verbose)
    if command == "open":
        from screenpop.cli.to_app import open_contact

        return open_contact(args, profile, verbose)
    if command == "summary":
        from screenpop.cli.summary import run_summary

        return run_summary(args, profile)
    if command == "dial":
        from screenpop.cli.dial import run_dial
        from screenpop.cli.handover import CALL_REPLY_S
        from screenpop.cli.to_app import hand_to_app
        from screenpop.triggers.messages import encode

        return run_dial(
            args,
            profile,
            lambda dial: hand_to_app(profile, encode(dial), CALL_REPLY_S, verbose, lambda: None),
        )
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

    from screenpop.cli.sync_process import sync_with_statuses
    from screenpop.config.settings_files import load_settings
    from screenpop.services.connection import make_client
    from screenpop.services.http import http_client
    from screenpop.superoffice.errors import SignInNeededError

    settings = load_settings(profile)

    async def run() -> str:
        async with http_client(settings, strict=True) as http:
            client = make_client(settings, http)
            result = await sync_with_statuses(client, profile, settings)
        return result.summary_line()

    try:
        line = asyncio.run(run())
    except ScreenpopError as err:
        # One line naming what failed; the cache is only ever replaced by a whole new set,
        # so it still answers as before.
        import logging

        logging.getLogger(__name__).info("sync failed: %s", err.message)
        err.message = f"sync failed: {err.message}"
        if isinstance(err, SignInNeededError):
            err.message += " (run `screenpop sign-in`)"
        raise
    print(line)
    return 0


def _lookup(args: argparse.Namespace, profile: Profile) -> int:
    import json

    from screenpop.config.settings_files import load_settings
    from screenpop.core.matching import match
    from screenpop.core.phone import parse_incoming
    from screenpop.store.cache import CallerIdCache

    settings = load_settings(profile)
    incoming = parse_incoming(args.number, settings.home_region, settings.outside_line_prefix)
    with CallerIdCache(profile.cache_file) as cache:
        if cache.meta(SYNCED_MARK) is None:
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
