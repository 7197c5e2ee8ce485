"""`screenpop configure` and `screenpop sign-in`: settings, secrets and links from the
command line, each checked before anything is written (one-line errors, exit 1 or 2)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import phonenumbers

from screenpop.config.profile import Profile
from screenpop.config.settings import PopMode, Settings, load_settings, save_settings
from screenpop.core.errors import ConfigError
from screenpop.superoffice.auth_kind import AuthKind


def configure(args: argparse.Namespace, profile: Profile) -> int:
    from screenpop.config.credentials import store_secret
    from screenpop.superoffice.tenant import parse_tenant_address

    settings = load_settings(profile)
    changes: dict[str, object] = {}
    if args.tenant is not None:
        environment = args.environment or settings.environment
        changes["tenant_url"] = parse_tenant_address(args.tenant, environment).tenant.base
    if args.auth is not None:
        changes["auth"] = AuthKind(args.auth)
    if args.user is not None:
        changes["user"] = args.user.strip()
    if args.region is not None:
        region = args.region.strip().upper()
        if region not in phonenumbers.SUPPORTED_REGIONS:
            raise ConfigError(f"{args.region!r} is not a region code such as NO, SE or GB.")
        changes["region"] = region
    if args.outside_line_prefix is not None:
        prefix = args.outside_line_prefix.strip()
        if prefix and (not prefix.isdigit() or len(prefix) > 4):
            raise ConfigError("The outside-line prefix is one to four digits, e.g. 0 or 9.")
        changes["outside_line_prefix"] = prefix
    if args.pop is not None:
        changes["pop_mode"] = PopMode(args.pop)
    if args.auto_open is not None:
        changes["auto_open"] = args.auto_open
    if args.sync_interval is not None:
        if not 1 <= args.sync_interval <= 24 * 60:
            raise ConfigError("The sync interval is between 1 and 1440 minutes.")
        changes["sync_interval_minutes"] = args.sync_interval
    if args.selection is not None:
        if args.selection < 0:
            raise ConfigError("A selection id is a positive number (0 caches your own callers).")
        changes["selection_id"] = args.selection
    if args.min_days is not None:
        if not 0 <= args.min_days <= 3650:
            raise ConfigError("--min-days is between 0 (no limit) and 3650.")
        changes["min_days"] = args.min_days
    changes.update(_online_changes(args))
    changes.update(_baresip_changes(args, settings))
    settings = replace(settings, **changes)  # type: ignore[arg-type]
    save_settings(profile, settings)
    _store_app_secrets(args, settings.client_id)
    if args.register_links:
        _register_links(profile)
    if args.password_stdin:
        secret = sys.stdin.readline().rstrip("\r\n")
        if not secret:
            raise ConfigError("No password was given on stdin.")
        if not settings.tenant_url:
            raise ConfigError("Set --tenant before storing a password for it.")
        store_secret(settings.tenant_url, settings.user, secret)
    print(f"Settings saved in {profile.settings_file}")
    return 0


def _online_changes(args: argparse.Namespace) -> dict[str, object]:
    from screenpop.superoffice.httpclient import tls_context

    changes: dict[str, object] = {}
    if args.client_id is not None:
        changes["client_id"] = args.client_id.strip()
    if args.environment is not None:
        changes["environment"] = args.environment
    if args.ca_file is not None:
        ca_file = str(Path(args.ca_file).expanduser().resolve()) if args.ca_file.strip() else ""
        if ca_file:
            tls_context(ca_file)  # a clear error now rather than at the first sync
        changes["ca_file"] = ca_file
    return changes


def _store_app_secrets(args: argparse.Namespace, client_id: str) -> None:
    from screenpop.config.credentials import store_app_secret

    wanted = [n for n, on in (("client_secret", args.client_secret_stdin),
                              ("app_token", args.app_token_stdin)) if on]  # fmt: skip
    if wanted and not client_id:
        raise ConfigError("Set --client-id before storing the Online app's secrets.")
    for name in wanted:
        value = sys.stdin.readline().rstrip("\r\n")
        if not value:
            raise ConfigError(f"No {name.replace('_', ' ')} was given on stdin.")
        store_app_secret(client_id, name, value)  # type: ignore[arg-type]


def sign_in(profile: Profile) -> int:
    import asyncio
    import threading
    import webbrowser

    from screenpop.services.connection import make_connection
    from screenpop.superoffice.client import make_http_client

    settings = load_settings(profile)
    if settings.auth is not AuthKind.ONLINE:
        raise ConfigError(
            "sign-in is for SuperOffice Online (configure --auth online); "
            "Onsite signs in with the password stored by `configure --password-stdin`."
        )

    def open_browser(url: str) -> None:
        print(f"Sign in in your browser; if none opens, visit:\n{url}", flush=True)
        # In a thread: some browser commands only return when the browser does, and the
        # sign-in page redirects to this process's own loop.
        threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()

    async def run() -> str:
        async with make_http_client(ca_file=settings.ca_file or None) as http:
            connection = make_connection(settings, http)
            assert connection.session is not None  # Online always has one
            await connection.session.sign_in(open_browser)
            return connection.session.persist_error

    not_kept = asyncio.run(run())
    if not_kept:
        raise ConfigError(f"Signed in, but the sign-in cannot be kept: {not_kept}")
    print("Signed in to SuperOffice Online.")
    return 0


def _baresip_changes(args: argparse.Namespace, settings: Settings) -> dict[str, object]:
    from screenpop.triggers.baresip import check_allowed, parse_address

    if args.baresip is not None and args.no_baresip:
        raise ConfigError("Give --baresip HOST:PORT or --no-baresip, not both.")
    changes: dict[str, object] = {}
    if args.no_baresip:
        changes["baresip"] = ""
    elif args.baresip is not None:
        changes["baresip"] = str(parse_address(args.baresip))
    if args.baresip_allow_remote is not None:
        changes["baresip_allow_remote"] = args.baresip_allow_remote
    address = str(changes.get("baresip", settings.baresip))
    allow_remote = bool(changes.get("baresip_allow_remote", settings.baresip_allow_remote))
    if address:
        # Refused now rather than at the app's next start: the user is at the terminal now.
        check_allowed(parse_address(address), allow_remote)
    return changes


def _register_links(profile: Profile) -> None:
    from screenpop.integration.identity import app_command
    from screenpop.integration.linux_links import register_links

    registration = register_links([*app_command(), "--profile", str(profile.root)])
    print(f"Links registered in {registration.desktop_file}: {registration.detail}")
