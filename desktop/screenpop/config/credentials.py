"""Secrets (passwords, tickets, tokens) in the OS keyring, never in settings, cache or logs.

Each is read when first needed, not at start: a locked keyring then asks only when it must.
"""

from __future__ import annotations

import contextlib
import os
from typing import Literal

from screenpop.core.errors import ConfigError

# keyring is imported when a secret is first read or kept: with SCREENPOP_SECRET, or before
# the first sign-in, a process never loads it (nor the backends it looks for).

SECRET_ENV = "SCREENPOP_SECRET"
_SERVICE = "Screenpop for SuperOffice"

AppSecret = Literal["client_secret", "app_token"]


class SecretStoreError(ConfigError):
    """No usable keyring, or it refused."""


def _account(tenant_url: str, user: str) -> str:
    return f"{user}@{tenant_url}"


def _get(account: str) -> str | None:
    import keyring
    import keyring.errors

    try:
        return keyring.get_password(_SERVICE, account)
    except keyring.errors.KeyringError as err:
        raise SecretStoreError(
            f"The system keyring is not available ({err}); set {SECRET_ENV} for this run instead."
        ) from None


def _set(account: str, secret: str | None, what: str) -> None:
    import keyring
    import keyring.errors

    try:
        if secret is None:
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                keyring.delete_password(_SERVICE, account)
        else:
            keyring.set_password(_SERVICE, account, secret)
    except keyring.errors.KeyringError as err:
        raise SecretStoreError(f"Cannot keep the {what} in the system keyring ({err}).") from None


def load_secret(tenant_url: str, user: str) -> str | None:
    """``SCREENPOP_SECRET`` for this run if set, else the keyring's entry (None if absent)."""
    from_env = os.environ.get(SECRET_ENV)
    if from_env:
        return from_env
    return _get(_account(tenant_url, user))


def store_secret(tenant_url: str, user: str, secret: str) -> None:
    import keyring
    import keyring.errors

    try:
        keyring.set_password(_SERVICE, _account(tenant_url, user), secret)
    except keyring.errors.KeyringError as err:
        raise SecretStoreError(
            f"Cannot save the password in the system keyring ({err}); "
            f"set {SECRET_ENV} for each run instead."
        ) from None


# -- SuperOffice Online ---------------------------------------------------------------------


def refresh_token_account(client_id: str, environment_base: str, customer: str) -> str:
    return f"oidc-refresh:{client_id}@{environment_base}/{customer}"


def load_refresh_token(account: str) -> str | None:
    """The Online sign-in's refresh token (see :func:`refresh_token_account`), or None."""
    return _get(account)


def store_refresh_token(account: str, token: str | None) -> None:
    """Keep the refresh token, or forget it (None)."""
    _set(account, token, "SuperOffice sign-in (without it you sign in at every start)")


def load_app_secret(client_id: str, name: AppSecret) -> str:
    """An administrator-supplied secret of the Online app: its client secret (some tenants
    need it to refresh tokens) or its SO-AppToken; empty when none is stored."""
    return _get(f"{name}:{client_id}") or ""


def store_app_secret(client_id: str, name: AppSecret, value: str | None) -> None:
    _set(f"{name}:{client_id}", value or None, name.replace("_", " "))
