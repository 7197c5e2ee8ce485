"""Click-to-dial: a number from the contact window, the Find dialog or ``screenpop dial``.

Through the softphone Screenpop follows (baresip's control socket: ``{"command": "dial",
"params": "+4722334455"}``, which baresip completes with its account's domain and reports as
an outgoing call the app then follows like an incoming one), else through the program the OS
opens ``tel:`` links with, but never through Screenpop itself
(:mod:`screenpop.integration.tel_handler`). A call placed through the OS is kept in Recent
calls as an outgoing call; nothing reports how it went, so it is not logged.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from screenpop.app.softphone import Softphone
from screenpop.config.settings import Settings
from screenpop.core.calls import CallEvent, CallState, Direction
from screenpop.core.errors import InvalidNumberError, ScreenpopError
from screenpop.core.phone import NumberKind, parse_incoming
from screenpop.integration.tel_handler import TelHandler, refusal, tel_handler
from screenpop.triggers.baresip import LinkState

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Dialled:
    """How a dial went: ``how`` "baresip" or "tel"; ``error`` the one-line reason it did not."""

    number: str
    how: str = ""
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


def dial_target(number: str, settings: Settings) -> str:
    """What is dialled for ``number``: its E.164 form where it has one, else its digits (an
    extension). Raises InvalidNumberError for what cannot be dialled (a name, "anonymous")."""
    parsed = parse_incoming(number, settings.home_region, settings.outside_line_prefix)
    if parsed.kind is NumberKind.WITHHELD or not parsed.digits:
        raise InvalidNumberError(f"{number.strip()[:40]!r} is not a number to dial.")
    return parsed.e164 or parsed.digits


class Dialer:
    def __init__(
        self,
        softphone: Softphone,
        settings: Callable[[], Settings],
        on_call: Callable[[CallEvent], None],
        open_url: Callable[[str], bool],
        *,
        handler: Callable[[], TelHandler] = tel_handler,
    ) -> None:
        """``on_call`` gets the call a ``tel:`` dial placed (Recent calls); ``open_url``
        hands a link to the OS and says whether it took it."""
        self._softphone = softphone
        self._settings = settings
        self._on_call = on_call
        self._open_url = open_url
        self._handler = handler

    async def dial(self, number: str) -> Dialled:
        settings = self._settings()
        try:
            target = dial_target(number, settings)
        except InvalidNumberError as err:
            return Dialled(number, error=err.message)
        if settings.baresip:
            return await self._baresip(target)
        return self._tel(target)

    async def _baresip(self, target: str) -> Dialled:
        link = self._softphone.link
        if link is None or link.state is not LinkState.CONNECTED:
            return Dialled(target, "baresip", "baresip is not connected, so it cannot dial.")
        try:
            answer = await link.command("dial", target)
        except ScreenpopError as err:
            log.info("baresip did not dial %s: %s", target, err.message)
            return Dialled(target, "baresip", err.message)
        log.info("dialling %s through baresip: %s", target, answer or "ok")
        return Dialled(target, "baresip")

    def _tel(self, target: str) -> Dialled:
        handler = self._handler()
        why = refusal(handler)
        if why:
            return Dialled(target, "tel", why)
        if not self._open_url(f"tel:{target}"):
            return Dialled(target, "tel", f"{handler.name} did not take the tel: link.")
        log.info("dialling %s through %s", target, handler.name)
        # Recent calls shows it; how it goes is the other program's to know.
        call_id = f"dial-{uuid.uuid4().hex[:12]}"
        for state in (CallState.RINGING, CallState.ENDED):
            self._on_call(CallEvent(target, state, call_id, "", "dial", Direction.OUTGOING))
        return Dialled(target, "tel")
