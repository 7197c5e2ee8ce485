"""``screenpop sync-process``: the sync the tray app starts in a process of its own.

Not for people (``screenpop sync`` is theirs): it reads the app's hand-over from standard
input, syncs the caller IDs as ``screenpop sync`` does, and prints one line for the app
(:mod:`screenpop.sync.process_protocol`). It runs at lower priority: the agent's desktop, the
tray app's UI thread first among it, comes before a sync that nobody waits for.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from typing import TYPE_CHECKING, BinaryIO

from screenpop.config.profile import Profile
from screenpop.config.settings_files import load_settings
from screenpop.core.errors import ScreenpopError
from screenpop.services.connection import make_client
from screenpop.services.http import http_client
from screenpop.sync.caller_ids import sync_caller_ids
from screenpop.sync.process_protocol import Handover, encode_error, encode_result
from screenpop.sync.result import SyncResult
from screenpop.sync.ticket_statuses import MAX_AGE_S, TicketStatusBook

if TYPE_CHECKING:
    from screenpop.config.settings import Settings
    from screenpop.superoffice.client import SuperOfficeClient

log = logging.getLogger(__name__)

NICE = 10
"""A tenth of a normal process's share of the processor when both want it (Linux, macOS);
the app starts it below normal priority on Windows."""


def run_sync_process(profile: Profile, given: BinaryIO, answer: BinaryIO) -> int:
    """Exit code 0 when synced, 1 when not; either way the line for the app is written."""
    if hasattr(os, "nice"):
        try:
            os.nice(NICE)
        except OSError:
            log.debug("could not lower the sync's priority")
    try:
        handover = Handover.decode(given.readline())
        result = asyncio.run(_sync(profile, handover))
    except ScreenpopError as err:
        log.info("sync failed: %s", err.message)
        line = encode_error(err)
    except Exception as err:  # a bug: the app says "offline" and retries later
        log.exception("sync crashed")
        line = encode_error(ScreenpopError(f"Unexpected error: {err}"))
    else:
        answer.write(encode_result(result))
        answer.flush()
        return 0
    answer.write(line)
    answer.flush()
    return 1


async def _sync(profile: Profile, handover: Handover) -> SyncResult:
    settings = load_settings(profile)
    async with http_client(settings) as http:
        client = make_client(
            settings, http, language=handover.language, credential=handover.credential
        )
        return await sync_with_statuses(client, profile, settings, statuses_max_age_s=MAX_AGE_S)


async def sync_with_statuses(
    client: SuperOfficeClient,
    profile: Profile,
    settings: Settings,
    *,
    statuses_max_age_s: float | None = None,
) -> SyncResult:
    """The caller IDs, and beside them the ticket status list (``statuses_max_age_s``: only
    when the kept one is older): one more request, which never fails the sync."""
    statuses = asyncio.ensure_future(
        TicketStatusBook(profile.ticket_statuses_file).refresh(client, max_age_s=statuses_max_age_s)
    )
    try:
        return await sync_caller_ids(
            client, profile.cache_file, settings.home_region, **settings.sync_options()
        )
    finally:
        await statuses


def main(profile: Profile) -> int:
    return run_sync_process(profile, sys.stdin.buffer, sys.stdout.buffer)
