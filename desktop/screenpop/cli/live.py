"""`screenpop lookup NUMBER --live`: after a miss in the cache, the number in the whole CRM.

The same lookup the tray app makes on a miss (:mod:`screenpop.services.live_lookup`), with a
longer deadline: a script can wait a few seconds where a ringing phone cannot.
"""

from __future__ import annotations

import asyncio

from screenpop.config.settings import Settings
from screenpop.core.matching import Candidate
from screenpop.core.phone import IncomingNumber
from screenpop.superoffice.errors import SuperOfficeError

DEADLINE_S = 15.0


def lookup_live(settings: Settings, incoming: IncomingNumber) -> list[Candidate]:
    """Candidates found live (``matched_by`` "live"); raises SuperOfficeError when the tenant
    could not be asked (exit 1)."""
    from screenpop.services.connection import make_client
    from screenpop.services.live_lookup import LiveLookup, Outcome
    from screenpop.superoffice.client import make_http_client

    async def run() -> list[Candidate]:
        async with make_http_client(ca_file=settings.ca_file or None) as http:
            client = make_client(settings, http)
            live = LiveLookup(lambda: client, lambda: settings.home_region, deadline_s=DEADLINE_S)
            answer = await live.lookup(incoming)
        if answer.outcome is Outcome.FAILED:
            raise SuperOfficeError(f"could not look up {incoming.display}: {answer.reason}")
        return list(answer.candidates)

    return asyncio.run(run())
