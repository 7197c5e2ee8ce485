"""What the running app answers a later `screenpop` process (`call`, a link, `open`, a second
start, a sync request).

The command line hands these over without reading them (it loads no phone-number or HTTP
code, so a softphone hook finishes in milliseconds): the app reads the number with its own
settings and answers a refusal in the words `screenpop call` prints, exit code 2, as it would
have refused the number itself; `open` waits to hear whether SuperOffice has the contact.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from screenpop.core.calls import CallEvent
from screenpop.core.errors import InvalidNumberError
from screenpop.core.phone import read_call_text
from screenpop.triggers.instance_client import Reply
from screenpop.triggers.messages import Message, OpenContact

if TYPE_CHECKING:
    from collections.abc import Awaitable

    from screenpop.app.tray_app import ScreenpopApp

log = logging.getLogger(__name__)

# Longer than this and the window opens anyway, to say itself what became of the summary.
OPEN_CHECK_S = 5.0


def answer(app: ScreenpopApp, message: Message) -> Reply | Awaitable[Reply]:
    if isinstance(message, CallEvent):
        return _call(app, message)
    if isinstance(message, OpenContact):
        return _open(app, message.contact_id)
    app.handle(message)
    return Reply()


def _call(app: ScreenpopApp, event: CallEvent) -> Reply:
    settings = app.settings
    try:
        _, name = read_call_text(event.number, settings.home_region, settings.outside_line_prefix)
    except InvalidNumberError as err:
        log.warning("refused a call event from %s: %s", event.source, err.message)
        return Reply.refused(err.message, bad_input=True)
    if name and not event.display_name:
        event = replace(event, display_name=name)
    app.handle(event)
    return Reply()


async def _open(app: ScreenpopApp, contact_id: int) -> Reply:
    try:
        exists = await asyncio.wait_for(app.windows.check(contact_id), OPEN_CHECK_S)
    except TimeoutError:
        exists = True
    if not exists:
        log.info("asked to open contact %d, which SuperOffice does not have", contact_id)
        return Reply.refused(f"SuperOffice has no contact {contact_id}")
    app.handle(OpenContact(contact_id))
    return Reply()
