"""The tenant's ticket status list: kept in the profile, fetched with the sync, asked for again
(rarely) when a summary names an id it lacks, and never a reason for a crash or a storm. Its
shape: restful/rest/List_TicketStatus/v1TicketStatusList_GetAllTicketStatusEntity.md."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest

from screenpop.core.ticket_status import TicketBaseStatus, TicketStatusItem
from screenpop.demo.server import DemoConfig, create_app
from screenpop.store.ticket_statuses import (
    TicketStatusStoreError,
    load_ticket_statuses,
    save_ticket_statuses,
)
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.retry import NO_RETRY
from screenpop.superoffice.tenant import Tenant
from screenpop.sync.ticket_statuses import UNKNOWN_RETRY_S, TicketStatusBook, tenant_key
from tests.pure.test_discovery import Clock

TENANT = Tenant("http://demo/Cust12345")
ITEMS = [TicketStatusItem(12, "New", TicketBaseStatus.ACTIVE)]


@pytest.fixture
async def demo_http() -> AsyncIterator[tuple[httpx.AsyncClient, list[str]]]:
    """The demo tenant in-process; the paths it was asked for."""
    asked: list[str] = []

    async def keep(request: httpx.Request) -> None:
        asked.append(request.url.path)

    transport = httpx.ASGITransport(app=create_app(DemoConfig(persons=20)))
    async with httpx.AsyncClient(transport=transport, event_hooks={"request": [keep]}) as http:
        yield http, asked


def _client(http: httpx.AsyncClient, language: str = "en") -> SuperOfficeClient:
    auth = httpx.BasicAuth("demo", "demo")
    return SuperOfficeClient(http, TENANT, auth, retry=NO_RETRY, language=language)


def test_kept_per_tenant_and_language(tmp_path: Path) -> None:
    path = tmp_path / "ticket-statuses.json"
    assert len(load_ticket_statuses(path, "Cust1", "en").statuses) == 0
    save_ticket_statuses(path, "Cust1", "en", ITEMS, 100.0)
    save_ticket_statuses(path, "Cust1", "nb", [TicketStatusItem(12, "Ny", None)], 200.0)
    english = load_ticket_statuses(path, "Cust1", "en")
    assert english.statuses[12].name == "New" and english.fetched_at == 100.0
    assert english.statuses[12].status is TicketBaseStatus.ACTIVE
    # No German list: the tenant's own names in the newest other language say more than "12".
    german = load_ticket_statuses(path, "Cust1", "de")
    assert (german.language, german.statuses[12].name) == ("nb", "Ny")
    assert len(load_ticket_statuses(path, "Cust2", "en").statuses) == 0
    save_ticket_statuses(path, "Cust2", "en", ITEMS, 300.0)  # another tenant's replace it
    assert len(load_ticket_statuses(path, "Cust1", "en").statuses) == 0
    assert oct(path.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize(
    "content", [b"\x00\xffjunk", b'{"version": 99, "tenant": "Cust1"}', b"[]", b'{"sets": 5}']
)
def test_a_file_that_cannot_be_read_is_ignored(
    tmp_path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "ticket-statuses.json"
    path.write_bytes(content)
    assert len(load_ticket_statuses(path, "Cust1", "en").statuses) == 0
    save_ticket_statuses(path, "Cust1", "en", ITEMS, 1.0)  # and the next fetch replaces it
    assert load_ticket_statuses(path, "Cust1", "en").statuses[12].name == "New"


def test_a_list_that_cannot_be_written_keeps_the_old_one(tmp_path: Path) -> None:
    path = tmp_path / "ticket-statuses.json"
    save_ticket_statuses(path, "Cust1", "en", ITEMS, 1.0)
    # Written through a temporary file: one that cannot be made leaves the old list whole.
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder would be")
    with pytest.raises(TicketStatusStoreError, match="Cannot keep the ticket status list"):
        save_ticket_statuses(blocked / "ticket-statuses.json", "Cust1", "en", [], 2.0)
    if os.geteuid() != 0:  # root writes into read-only folders
        tmp_path.chmod(0o500)
        try:
            with pytest.raises(TicketStatusStoreError):
                save_ticket_statuses(path, "Cust1", "en", [], 2.0)
        finally:
            tmp_path.chmod(0o700)
    assert load_ticket_statuses(path, "Cust1", "en").statuses[12].name == "New"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked", path.name]


async def test_the_sync_fetches_when_the_kept_list_is_old(
    tmp_path: Path, demo_http: tuple[httpx.AsyncClient, list[str]]
) -> None:
    http, asked = demo_http
    clock = Clock()
    book = TicketStatusBook(tmp_path / "s.json", clock=clock)
    client = _client(http, "nb")
    heard: list[int] = []
    book.add_listener(lambda: heard.append(len(book.statuses(client))))
    assert await book.refresh(client, max_age_s=3600)
    assert book.statuses(client)[17].name == "Venter på kunde"  # asked in the UI's language
    assert not await book.refresh(client, max_age_s=3600)  # fresh enough
    clock.now += 3601
    assert await book.refresh(client, max_age_s=3600)
    assert asked.count("/Cust12345/api/v1/List/TicketStatus/Items") == 2 and heard == [9, 9]
    # Kept in the profile: the next start names statuses before any request.
    later = TicketStatusBook(tmp_path / "s.json", clock=clock)
    assert later.statuses(client)[21].name == "Lukket"
    assert later.statuses(_client(http, "de"))[21].name == "Lukket"  # until German comes


async def test_an_unknown_id_asks_again_at_most_once_a_while(
    tmp_path: Path, demo_http: tuple[httpx.AsyncClient, list[str]]
) -> None:
    http, asked = demo_http
    clock = Clock()
    path = tmp_path / "s.json"
    save_ticket_statuses(path, tenant_key(TENANT), "en", ITEMS, clock.now - 2 * UNKNOWN_RETRY_S)
    book = TicketStatusBook(path, clock=clock)
    client = _client(http)
    assert not await book.refresh_for_unknown(client, [12, 0])  # all known
    assert await book.refresh_for_unknown(client, [12, 21])  # 21 is new: ask
    assert book.statuses(client)[21].name == "Closed"
    # 99 is unknown even to the tenant: a pop a second does not make a request a second.
    for _ in range(50):
        clock.now += 1
        assert not await book.refresh_for_unknown(client, [99])
    clock.now += UNKNOWN_RETRY_S
    assert await book.refresh_for_unknown(client, [99])
    assert asked.count("/Cust12345/api/v1/List/TicketStatus/Items") == 2


@pytest.mark.parametrize(
    "answer",
    [
        lambda request: httpx.Response(503, text="busy"),
        lambda request: httpx.Response(200, json={"not": "a list"}),
        lambda request: httpx.Response(200, text="<html>"),
    ],
    ids=["503", "not-a-list", "not-json"],
)
async def test_a_list_that_fails_to_load_keeps_the_kept_one(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    answer: Callable[[httpx.Request], httpx.Response],
) -> None:
    caplog.set_level(logging.INFO)
    path = tmp_path / "s.json"
    save_ticket_statuses(path, tenant_key(TENANT), "en", ITEMS, 1.0)
    book = TicketStatusBook(path)
    async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as http:
        client = _client(http)
        assert not await book.refresh(client)
        assert book.statuses(client)[12].name == "New"
    assert "ticket status list not fetched" in caplog.text
    assert json.loads(path.read_text())["sets"]["en"]["fetched_at"] == 1.0


async def test_a_list_fetched_by_the_sync_process_is_read_again(
    tmp_path: Path, demo_http: tuple[httpx.AsyncClient, list[str]]
) -> None:
    http, _ = demo_http
    client = _client(http)
    app_book = TicketStatusBook(tmp_path / "s.json")
    heard: list[str] = []
    app_book.add_listener(lambda: heard.append(app_book.statuses(client)[17].name))
    app_book.reload()  # nothing in use yet: nobody is told (and nothing is read)
    assert heard == []
    assert len(app_book.statuses(client)) == 0  # a window named its statuses: none kept
    # The sync's process fetches the list into the profile's file.
    assert await TicketStatusBook(tmp_path / "s.json").refresh(client)
    assert len(app_book.statuses(client)) == 0  # this process does not know yet
    app_book.reload()
    assert heard == ["Waiting for customer"]
    assert len(app_book.statuses(client)) == 9
