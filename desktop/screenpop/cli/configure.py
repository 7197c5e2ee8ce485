"""`screenpop configure` and `screenpop sign-in`: settings, secrets and links from the
command line, each checked before anything is written (one-line errors, exit 1 or 2).

Every setting with an option in the table (:mod:`screenpop.config.settings`) is an option
here, with the table's help, and its value is read by the table's rules: one it can never take
is refused with exit 2. A few need more than the table knows (the tenant's normal form, a CA
file that really is one, a softphone on this computer); :data:`_REFINE` does that.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from screenpop.config.fields import FieldSpec, InvalidSettingError, OneOf
from screenpop.config.profile import Profile
from screenpop.config.settings import FIELDS, Settings
from screenpop.config.settings_files import load_settings, save_settings
from screenpop.core.errors import ConfigError
from screenpop.superoffice.auth_kind import AuthKind

_DEST = "setting_"


# Options that are not settings, listed after the setting they go with.
_AFTER: dict[str, tuple[tuple[str, str], ...]] = {
    "user": (("--password-stdin", "read the password (or ticket) from stdin into the keyring"),),
    "environment": (
        ("--client-secret-stdin", "read the Online app's client secret from stdin (keyring)"),
        ("--app-token-stdin", "read the Online app's SO-AppToken from stdin (keyring)"),
    ),
    "baresip": (("--no-baresip", "stop following baresip"),),
    "language": (
        ("--register-links", "open tel:, callto:, sip: and sips: links with Screenpop (Linux)"),
    ),
}


def add_configure_arguments(conf: argparse.ArgumentParser) -> None:
    for spec in FIELDS:
        dest = _DEST + spec.name
        if not spec.flag:
            pass
        elif spec.kind is bool:
            conf.add_argument(spec.flag, dest=dest, action=argparse.BooleanOptionalAction,
                              default=None, help=spec.help)  # fmt: skip
        elif choices := _choices(spec):
            conf.add_argument(spec.flag, dest=dest, choices=choices, help=spec.help)
        else:
            conf.add_argument(spec.flag, dest=dest, metavar=spec.metavar or None, help=spec.help)
        for flag, help_text in _AFTER.get(spec.name, ()):
            conf.add_argument(flag, action="store_true", help=help_text)


def _choices(spec: FieldSpec) -> list[str]:
    if issubclass(spec.kind, StrEnum):
        return [member.value for member in spec.kind]
    if isinstance(spec.check, OneOf) and all(spec.check.values):
        return list(spec.check.values)
    return []


def _given(args: argparse.Namespace) -> list[tuple[FieldSpec, Any]]:
    return [
        (spec, getattr(args, _DEST + spec.name))
        for spec in FIELDS
        if spec.flag and getattr(args, _DEST + spec.name, None) is not None
    ]


def configure(args: argparse.Namespace, profile: Profile) -> int:
    from screenpop.config.credentials import store_secret

    settings = load_settings(profile)
    if args.setting_baresip is not None and args.no_baresip:
        raise InvalidSettingError("Give --baresip HOST:PORT or --no-baresip, not both.")
    changes: dict[str, object] = {"baresip": ""} if args.no_baresip else {}
    for spec, given in _given(args):
        value = spec.parse(given, label=spec.flag)
        changes[spec.name] = _refined(spec, value, args, settings)
    settings = replace(settings, **changes)  # type: ignore[arg-type]
    if settings.baresip and {"baresip", "baresip_allow_remote"} & set(changes):
        _check_baresip(settings)
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


def _refined(spec: FieldSpec, value: Any, args: argparse.Namespace, settings: Settings) -> Any:
    refine = _REFINE.get(spec.name)
    if refine is None:
        return value
    try:
        return refine(value, args, settings)
    except ConfigError as err:
        # Text that can never be a tenant, a CA file or a softphone's address: bad input.
        raise InvalidSettingError(err.message) from None


def _tenant(value: str, args: argparse.Namespace, settings: Settings) -> str:
    from screenpop.superoffice.tenant import parse_tenant_address

    environment = args.setting_environment or settings.environment
    return parse_tenant_address(value, environment).tenant.base


def _ca_file(value: str, _args: argparse.Namespace, _settings: Settings) -> str:
    from screenpop.superoffice.httpclient import tls_context

    if not value:
        return ""
    ca_file = str(Path(value).expanduser().resolve())
    tls_context(ca_file)  # a clear error now rather than at the first sync
    return ca_file


def _baresip(value: str, _args: argparse.Namespace, _settings: Settings) -> str:
    from screenpop.triggers.baresip import parse_address

    return str(parse_address(value)) if value else ""


def _check_baresip(settings: Settings) -> None:
    from screenpop.triggers.baresip import check_allowed, parse_address

    # Refused now rather than at the app's next start: the user is at the terminal now.
    check_allowed(parse_address(settings.baresip), settings.baresip_allow_remote)


_REFINE: dict[str, Callable[[Any, argparse.Namespace, Settings], Any]] = {
    "tenant_url": _tenant,
    "ca_file": _ca_file,
    "baresip": _baresip,
}


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
    from screenpop.services.http import http_client

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
        async with http_client(settings, strict=True) as http:
            connection = make_connection(settings, http)
            assert connection.session is not None  # Online always has one
            await connection.session.sign_in(open_browser)
            return connection.session.persist_error

    not_kept = asyncio.run(run())
    if not_kept:
        raise ConfigError(f"Signed in, but the sign-in cannot be kept: {not_kept}")
    print("Signed in to SuperOffice Online.")
    return 0


def _register_links(profile: Profile) -> None:
    from screenpop.integration.identity import app_command
    from screenpop.integration.linux_links import register_links

    registration = register_links([*app_command(), "--profile", str(profile.root)])
    print(f"Links registered in {registration.desktop_file}: {registration.detail}")
