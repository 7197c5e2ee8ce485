"""Secrets (passwords, tickets, tokens) in the OS keyring, never in settings, cache or logs."""

from __future__ import annotations

import os

import keyring
import keyring.errors

from screenpop.core.errors import ConfigError

SECRET_ENV = "SCREENPOP_SECRET"
_SERVICE = "Screenpop for SuperOffice"


class SecretStoreError(ConfigError):
    """No usable keyring, or it refused."""


def _account(tenant_url: str, user: str) -> str:
    return f"{user}@{tenant_url}"


def load_secret(tenant_url: str, user: str) -> str | None:
    """``SCREENPOP_SECRET`` for this run if set, else the keyring's entry (None if absent)."""
    from_env = os.environ.get(SECRET_ENV)
    if from_env:
        return from_env
    try:
        return keyring.get_password(_SERVICE, _account(tenant_url, user))
    except keyring.errors.KeyringError as err:
        raise SecretStoreError(
            f"The system keyring is not available ({err}); set {SECRET_ENV} for this run instead."
        ) from None


def store_secret(tenant_url: str, user: str, secret: str) -> None:
    try:
        keyring.set_password(_SERVICE, _account(tenant_url, user), secret)
    except keyring.errors.KeyringError as err:
        raise SecretStoreError(
            f"Cannot save the password in the system keyring ({err}); "
            f"set {SECRET_ENV} for each run instead."
        ) from None
