"""The user's settings: one table, one line a setting, read by everything that touches them.

Each field of :class:`Settings` is declared with :func:`~screenpop.config.fields.setting`:
its key in ``settings.ini`` (the keys IT already uses), its default, the values it may take,
whether an administrator may lock it, a line of help, and its ``screenpop configure`` option.
Loading (:mod:`screenpop.config.settings_files`) refuses values outside the table and keeps the
default instead; ``configure`` refuses them with exit 2; the Settings dialog offers only them.
Adding a setting is one more entry here (and, where people change it, its widget).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any

from screenpop.config.fields import (
    Between,
    FieldSpec,
    Matches,
    OneOf,
    RegionCode,
    setting,
    table,
)
from screenpop.config.system_locale import system_region
from screenpop.core.call_log import LogCalls
from screenpop.superoffice.auth_kind import AuthKind
from screenpop.superoffice.tenant import ENVIRONMENTS


class PopMode(StrEnum):
    RING = "ring"
    ANSWER = "answer"
    NEVER = "never"


# The UI's languages (code, the language's name in itself): how people find their own in a list.
LANGUAGES = (
    ("en", "English"),
    ("nb", "Norsk bokmål"),
    ("sv", "Svenska"),
    ("da", "Dansk"),
    ("nl", "Nederlands"),
    ("de", "Deutsch"),
)
_LARGEST_ID = 2**31 - 1  # SuperOffice ids are 32-bit


def default_region() -> str:
    """The agent's home region when they chose none: the OS's (Norway where it names none)."""
    return system_region()


@dataclass(frozen=True, slots=True)
class Settings:
    tenant_url: str = setting(
        "tenant/url",
        "",
        flag="--tenant",
        metavar="URL",
        help="the SuperOffice address (browser, Web API or Cust12345)",
    )
    auth: AuthKind = setting("tenant/auth", AuthKind.BASIC, flag="--auth", help="how to sign in")
    user: str = setting(
        "tenant/user", "", flag="--user", metavar="NAME", help="the SuperOffice user name (Onsite)"
    )
    # Online: the app registration's client id (an administrator ships it) and the
    # environment a bare Cust12345 lives in. Its secret, if any, is in the keyring.
    client_id: str = setting(
        "tenant/client_id",
        "",
        flag="--client-id",
        metavar="ID",
        help="SuperOffice Online: the app's client id",
    )
    environment: str = setting(
        "tenant/environment",
        "online",
        OneOf(ENVIRONMENTS),
        flag="--environment",
        help="SuperOffice Online: where a bare Cust12345 lives",
    )
    # A company CA (PEM) trusted besides the system's store, for TLS-inspecting proxies.
    ca_file: str = setting(
        "network/ca_file",
        "",
        flag="--ca-file",
        metavar="PEM",
        help="trust this company CA besides the system's ('' to stop)",
    )
    region: str = setting(
        "phone/region",
        "",
        RegionCode(),
        upper=True,
        flag="--region",
        metavar="CC",
        help="home region, e.g. NO, SE, GB ('' for the system's)",
    )
    outside_line_prefix: str = setting(
        "phone/outside_line_prefix",
        "",
        Matches(r"\d{0,4}", "one to four digits, such as 0 or 9"),
        flag="--outside-line-prefix",
        metavar="D",
        help="the digits the phone system puts before outside numbers",
    )
    # At least a minute apart: an unchanged set costs one tiny request, but every agent asks.
    sync_interval_minutes: int = setting(
        "sync/interval_minutes",
        15,
        Between(1, 24 * 60),
        flag="--sync-interval",
        metavar="MINUTES",
        help="minutes between syncs of the caller IDs",
    )
    # 0: the user's own caller IDs; else a SuperOffice selection's are cached instead.
    selection_id: int = setting(
        "sync/selection_id",
        0,
        Between(0, _LARGEST_ID),
        flag="--selection",
        metavar="ID",
        help="cache a SuperOffice selection's caller IDs (0: your own)",
    )
    # 0: no MinDate; else only caller IDs from sales and appointments touched in these days.
    min_days: int = setting(
        "sync/min_days",
        0,
        Between(0, 3650),
        flag="--min-days",
        metavar="DAYS",
        help="only caller IDs from sales and appointments of the last DAYS",
    )
    pop_mode: PopMode = setting(
        "pop/mode", PopMode.RING, flag="--pop", help="when a call pops: on ring, on answer or never"
    )
    auto_open: bool = setting(
        "pop/auto_open", False, flag="--auto-open", help="open the caller's company by itself"
    )
    # Pops are suppressed (calls are still recorded); the tray says so. The agent's own
    # switch from one moment to the next, so never an administrator's.
    do_not_disturb: bool = setting(
        "pop/do_not_disturb",
        False,
        lockable=False,
        flag="--do-not-disturb",
        help="no pops; calls are still listed",
    )
    # A number the cache lacks is looked up in the whole CRM (MDOList/phonesearch) behind its
    # toast; off, no request leaves for unknown callers.
    live_lookup: bool = setting(
        "pop/live_lookup",
        True,
        flag="--live-lookup",
        help="look numbers the cache lacks up in the whole CRM",
    )
    # A ringing toast whose call hears nothing more (a softphone hook that runs only on the
    # ring) leaves after this; an answered call's stays until it ends.
    ringing_timeout_s: int = setting(
        "pop/ringing_timeout_seconds",
        45,
        Between(10, 900),
        flag="--ringing-timeout",
        metavar="SECONDS",
        help="a ringing pop with no news leaves after SECONDS",
    )
    summary_limit: int = setting(
        "summary/limit",
        25,
        Between(5, 200),
        flag="--summary-limit",
        metavar="N",
        help="items per list in the contact window",
    )
    # baresip's ctrl_tcp socket as HOST:PORT ("" = off); another computer only if allowed.
    baresip: str = setting(
        "baresip/address",
        "",
        flag="--baresip",
        metavar="HOST:PORT",
        help="follow the calls of the baresip softphone (its ctrl_tcp socket)",
    )
    baresip_allow_remote: bool = setting(
        "baresip/allow_remote",
        False,
        flag="--baresip-allow-remote",
        help="allow a baresip on another computer",
    )
    log_calls: LogCalls = setting(
        "calls/log",
        LogCalls.ASK,
        flag="--log-calls",
        help="log calls in SuperOffice: off, ask (a button after the call), answered, all",
    )
    # A name from the tenant's MDO list "task"; "" is its phone-call entry for the direction.
    log_task: str = setting(
        "calls/log_task",
        "",
        Matches(r"[^\r\n]{0,100}", "a task name from the tenant's list ('' for its phone call)"),
        flag="--log-task",
        metavar="NAME",
        help="the task logged calls get ('' for the tenant's phone-call entry)",
    )
    # The UI language ("de", "nb", …); "" follows the system's (screenpop.ui.i18n).
    language: str = setting(
        "ui/language",
        "",
        OneOf(("", *(c for c, _n in LANGUAGES))),
        flag="--language",
        metavar="CODE",
        help="the app's language: en, nb, sv, da, nl or de ('' for the system's)",
    )

    @property
    def home_region(self) -> str:
        return self.region or default_region()

    def sync_options(self) -> dict[str, int | None]:
        """Keyword arguments for :func:`screenpop.sync.caller_ids.sync_caller_ids`."""
        return {"selection_id": self.selection_id or None, "min_days": self.min_days or None}

    def changed_from(self, other: Settings) -> frozenset[str]:
        """The names of the settings whose values differ from ``other``'s."""
        return frozenset(
            f.name for f in fields(self) if getattr(self, f.name) != getattr(other, f.name)
        )


FIELDS: tuple[FieldSpec, ...] = table(Settings)
FIELD: dict[str, FieldSpec] = {spec.name: spec for spec in FIELDS}
BY_KEY: dict[str, FieldSpec] = {spec.key: spec for spec in FIELDS}


def values_of(settings: Settings) -> dict[str, Any]:
    return {spec.name: getattr(settings, spec.name) for spec in FIELDS}
