"""The one place that builds a process's HTTP client from the settings (the company CA beside
the system's trust store), and what every request tells SuperOffice about the agent: the UI
language (:mod:`screenpop.services.connection` passes it on) and the time zone.

SuperOffice names its time zones by country (``NO``, ``DK``), and by country and region where
a country has several (``US-NY``, ``AU-QLD``), and converts dates to the zone ``SO-TimeZone``
names; ``includeTZOffset`` keeps every converted date tagged with its offset (SuperOffice's
SO-Timezone header page, and TZLocationCode in ``TimeZone/v1TimeZone_GetBaseTimeZone.md``).
The app knows the agent's country, not their region, so for a country of several zones it
names none and SuperOffice answers in the tenant's base zone, offsets included as always.
"""

from __future__ import annotations

import logging

import httpx

from screenpop.config.settings import Settings
from screenpop.core.errors import ConfigError
from screenpop.superoffice.httpclient import DEFAULT_TIMEOUT, make_http_client

log = logging.getLogger(__name__)

# Countries SuperOffice splits into several time zones (a region code after the country's).
_SEVERAL_ZONES = frozenset(
    [
        "AR",
        "AU",
        "BR",
        "CA",
        "CD",
        "CL",
        "EC",
        "ES",
        "FM",
        "ID",
        "KI",
        "KZ",
        "MN",
        "MX",
        "NZ",
        "PF",
        "PT",
        "RU",
        "UA",
        "UM",
        "US",
    ]
)


def time_zone_header(region: str) -> str:
    """``SO-TimeZone`` for an agent in ``region`` (NO, SE…); "" where it cannot be named."""
    code = region.strip().upper()
    if len(code) != 2 or not code.isalpha() or code in _SEVERAL_ZONES:
        return ""
    return f"{code}, includeTZOffset"


def http_client(
    settings: Settings,
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    *,
    strict: bool = False,
    threaded: bool = False,
) -> httpx.AsyncClient:
    """The process's shared HTTP client. A company CA file that cannot be used raises
    ConfigError with ``strict`` (a command the user is waiting on says why); otherwise it is
    logged and the system's trust store serves alone (the app must start regardless).
    ``threaded``: its network I/O off the process's loop (the tray app's is the UI's)."""
    try:
        return make_http_client(timeout, ca_file=settings.ca_file or None, threaded=threaded)
    except ConfigError as err:
        if strict:
            raise
        log.warning("%s; using the system's trust store alone", err.message)
        return make_http_client(timeout, threaded=threaded)
