"""A SuperOffice tenant's addresses, from whatever URL a user pastes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from screenpop.core.errors import ConfigError
from screenpop.core.links import WebClientLinks

_API_SUFFIX = re.compile(r"/api(/v\d+)?/?$", re.IGNORECASE)
_WEB_CLIENT_PAGE = re.compile(r"/default\.aspx$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Tenant:
    """``base`` is the tenant root (``https://online.superoffice.com/Cust12345``)."""

    base: str

    @classmethod
    def parse(cls, url: str) -> Tenant:
        text = url.strip()
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(
                f"{text[:80]!r} is not a tenant address; expected something like "
                "https://online.superoffice.com/Cust12345"
            )
        path = parts.path.rstrip("/")
        path = _API_SUFFIX.sub("", path)
        path = _WEB_CLIENT_PAGE.sub("", path).rstrip("/")
        return cls(urlunsplit((parts.scheme, parts.netloc, path, "", "")))

    @property
    def api_base(self) -> str:
        return f"{self.base}/api/v1"

    @property
    def host(self) -> str:
        return urlsplit(self.base).netloc

    @property
    def links(self) -> WebClientLinks:
        return WebClientLinks(self.base)
