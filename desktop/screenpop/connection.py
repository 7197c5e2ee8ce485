"""Builds the SuperOffice client the settings describe."""

from __future__ import annotations

import httpx

from screenpop.core.errors import ConfigError
from screenpop.credentials import SECRET_ENV, load_secret
from screenpop.settings import Settings
from screenpop.superoffice.auth import make_auth
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.tenant import Tenant


def make_client(
    settings: Settings, http: httpx.AsyncClient, *, time_zone: str = ""
) -> SuperOfficeClient:
    if not settings.tenant_url:
        raise ConfigError(
            "No SuperOffice tenant is set up yet: "
            "run `screenpop configure --tenant URL --user NAME`."
        )
    tenant = Tenant.parse(settings.tenant_url)
    secret = load_secret(tenant.base, settings.user)
    if not secret:
        raise ConfigError(
            f"No password is stored for {settings.user or 'this user'} at {tenant.host}: "
            f"run `screenpop configure --password-stdin` or set {SECRET_ENV}."
        )
    auth = make_auth(settings.auth, settings.user, secret)
    return SuperOfficeClient(http, tenant, auth, time_zone=time_zone)
