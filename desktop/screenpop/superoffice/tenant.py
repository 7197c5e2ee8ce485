"""A SuperOffice tenant's addresses, from whatever a user pastes.

Users paste the browser address (``https://online.superoffice.com/Cust12345``, or a numbered
host such as ``online3``), the ID token's ``webapi_url`` (``…/Cust12345/api/``), a URL with
``/api/v1`` or ``/default.aspx``, an Onsite URL (``https://crm.example.com/SuperOffice``), or
just ``Cust12345``. Online tenants move between numbered hosts, so for them the pasted host is
only a starting point: :mod:`screenpop.superoffice.discovery` looks the current one up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from screenpop.core.errors import ConfigError
from screenpop.core.links import WebClientLinks

_API_SUFFIX = re.compile(r"/api(/v\d+)?/?$", re.IGNORECASE)
_WEB_CLIENT_PAGE = re.compile(r"/default\.aspx$", re.IGNORECASE)
_CUSTOMER = re.compile(r"^cust\d+$", re.IGNORECASE)
# The environments (``authentication/online/api.md``): online (production), sod
# (development), qaonline (stage), each with numbered API hosts (online2, sod3…). The
# older pages' "stage" is qaonline's former name, read as qaonline.
ENVIRONMENTS = ("online", "sod", "qaonline")
_FORMER_NAMES = {"stage": "qaonline"}
_ONLINE_HOST = re.compile(r"^(sod|qaonline|stage|online)(\d*)\.superoffice\.com$", re.IGNORECASE)
# Hosts a tenant's endpoint may move to that name no environment
# (``developer-portal/best-practices/tenant-status/check-status.md``).
_ENVIRONMENTLESS_HOST = re.compile(r"^(app|disasterrecovery)\.superoffice\.com$", re.IGNORECASE)


def _bad_address(text: str) -> ConfigError:
    return ConfigError(
        f"{text[:80]!r} is not a tenant address; expected something like "
        "https://online.superoffice.com/Cust12345"
    )


def _customer_id(text: str) -> str:
    """``cust12345`` → ``Cust12345``: SuperOffice's own spelling, used in paths and acr_values."""
    return "Cust" + text[4:]


@dataclass(frozen=True, slots=True)
class Tenant:
    """``base`` is the tenant root (``https://online.superoffice.com/Cust12345``)."""

    base: str

    @classmethod
    def parse(cls, url: str) -> Tenant:
        return parse_tenant_address(url).tenant

    @property
    def api_base(self) -> str:
        return f"{self.base}/api/v1"

    @property
    def host(self) -> str:
        return urlsplit(self.base).netloc

    @property
    def links(self) -> WebClientLinks:
        return WebClientLinks(self.base)


@dataclass(frozen=True, slots=True)
class TenantAddress:
    """A pasted address, understood.

    ``customer`` is the context identifier (``Cust12345``; empty for an Onsite URL without
    one); ``environment`` is ``online``/``sod``/``qaonline`` for SuperOffice Online and empty
    for Onsite.
    """

    tenant: Tenant
    customer: str = ""
    environment: str = ""

    @property
    def is_online(self) -> bool:
        return bool(self.environment)

    @property
    def environment_base(self) -> str:
        """Where the state API (``/api/state/{Cust}``) and the sign-in authority (``/login``)
        live: ``https://online.superoffice.com`` for Online; for any other host its own origin
        (the demo tenant plays an Online environment that way)."""
        if self.environment:
            return f"https://{self.environment}.superoffice.com"
        parts = urlsplit(self.tenant.base)
        return urlunsplit((parts.scheme, parts.netloc, "", "", ""))


def online_environment(name: str) -> str:
    """``name`` as one of :data:`ENVIRONMENTS` (production for ""); ConfigError otherwise."""
    env = name.strip().lower() or "online"
    env = _FORMER_NAMES.get(env, env)
    if env not in ENVIRONMENTS:
        raise ConfigError(
            f"{name!r} is not a SuperOffice Online environment ({', '.join(ENVIRONMENTS)})."
        )
    return env


def parse_tenant_address(text: str, environment: str = "online") -> TenantAddress:
    """Understand what a user pasted; a bare ``Cust12345``, or an address on a host that names
    no environment (``app.superoffice.com``), is taken to be in ``environment``.

    Raises ConfigError, in one line, for anything that cannot be a tenant address.
    """
    pasted = text.strip()
    if _CUSTOMER.match(pasted):
        env = online_environment(environment)
        customer = _customer_id(pasted)
        return TenantAddress(Tenant(f"https://{env}.superoffice.com/{customer}"), customer, env)
    try:
        parts = urlsplit(pasted)
        hostname = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise _bad_address(pasted) from None
    if parts.scheme.lower() not in ("http", "https") or not hostname or " " in pasted:
        raise _bad_address(pasted)
    path = parts.path.rstrip("/")
    path = _API_SUFFIX.sub("", path)
    path = _WEB_CLIENT_PAGE.sub("", path).rstrip("/")
    last = path.rsplit("/", 1)[-1]
    customer = _customer_id(last) if _CUSTOMER.match(last) else ""
    if customer:
        path = path[: -len(last)] + customer
    online = _ONLINE_HOST.match(hostname)
    if online or _ENVIRONMENTLESS_HOST.match(hostname):
        if not customer:
            raise ConfigError(
                f"{pasted[:80]!r} names no tenant: SuperOffice Online addresses end in the "
                "customer id, e.g. https://online.superoffice.com/Cust12345"
            )
        base = urlunsplit(("https", parts.netloc.lower(), f"/{customer}", "", ""))
        env = online_environment(online.group(1) if online else environment)
        return TenantAddress(Tenant(base), customer, env)
    base = urlunsplit((parts.scheme.lower(), parts.netloc, path, "", ""))
    return TenantAddress(Tenant(base), customer)
