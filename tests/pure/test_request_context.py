"""What every request tells SuperOffice about the agent (language, time zone), and the one
place the HTTP client is built (the company CA), over a real httpx transport."""

from __future__ import annotations

import logging
from pathlib import Path

import httpx
import pytest

from screenpop.config.settings import Settings
from screenpop.core.errors import ConfigError
from screenpop.services.connection import make_client
from screenpop.services.http import http_client, time_zone_header

TENANT = "https://crm.example.com/SuperOffice"


@pytest.mark.parametrize(
    ("region", "header"),
    [("NO", "NO, includeTZOffset"), ("dk", "DK, includeTZOffset"), ("US", ""), ("AU", ""),
     ("", ""), ("001", "")],
)  # fmt: skip
def test_the_time_zone_is_named_as_superoffice_names_it(region: str, header: str) -> None:
    # SuperOfficeDocs/superoffice-docs docs/en/api/reference/restful/rest/TimeZone/
    # v1TimeZone_GetBaseTimeZone.md: SO-TimeZone takes a TZLocationCode ("UTC, AR-NQ,
    # AU-QLD…"); SuperOffice's SO-Timezone page: Norway is NO, New York US-NY, and
    # includeTZOffset tags every converted date with its offset.
    assert time_zone_header(region) == header


async def test_requests_carry_the_language_and_time_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[httpx.Headers] = []

    def tenant(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers)
        return httpx.Response(200, json={"Contact": None})

    monkeypatch.setenv("SCREENPOP_SECRET", "pw")
    sweden = Settings(tenant_url=TENANT, user="jane", region="SE")
    america = Settings(tenant_url=TENANT, user="jane", region="US")
    async with httpx.AsyncClient(transport=httpx.MockTransport(tenant)) as http:
        await make_client(sweden, http, language="de").get_contact_summary(7, 5)
        await make_client(america, http).get_contact_summary(7, 5)
    from_sweden, from_america = seen
    assert from_sweden["SO-TimeZone"] == "SE, includeTZOffset"
    assert (from_sweden["Accept-Language"], from_sweden["SO-Language"]) == ("de", "de")
    assert "SO-TimeZone" not in from_america  # several zones: the tenant's base zone, offsets kept


@pytest.mark.log_warnings
async def test_a_broken_company_ca_is_refused_or_skipped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bad = tmp_path / "company-ca.pem"
    bad.write_text("not a certificate")
    settings = Settings(ca_file=str(bad))
    with pytest.raises(ConfigError, match="Cannot use the company CA file"):
        http_client(settings, strict=True)
    async with http_client(settings) as http:  # the app starts regardless, and says why
        assert isinstance(http, httpx.AsyncClient)
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert "using the system's trust store alone" in caplog.messages[0]
