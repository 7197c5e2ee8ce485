"""The softphone the settings name (baresip's control socket), followed while the app runs,
and followed anew when the settings change."""

from __future__ import annotations

import logging
from collections.abc import Callable

from screenpop.config.settings import Settings
from screenpop.core.calls import CallEvent
from screenpop.core.errors import ConfigError
from screenpop.triggers.baresip import BaresipLink, LinkState, check_allowed, parse_address

log = logging.getLogger(__name__)


class Softphone:
    def __init__(
        self,
        on_call: Callable[[CallEvent], None],
        show: Callable[[bool, str], None],
        refused: Callable[[str], None],
    ) -> None:
        """``show(connected, text)`` shows the link's state; ``refused(reason)`` says why a
        configured softphone is not followed (a bad address, another computer not allowed)."""
        self._on_call = on_call
        self._show = show
        self._refused = refused
        self.link: BaresipLink | None = None

    def start(self, settings: Settings) -> None:
        if not settings.baresip:
            return
        try:
            address = parse_address(settings.baresip)
            check_allowed(address, settings.baresip_allow_remote)
        except ConfigError as err:
            log.warning("softphone not followed: %s", err.message)
            self._refused(err.message)
            return
        self.link = BaresipLink(
            address.host,
            address.port,
            self._on_call,
            self._on_state,
            allow_remote=settings.baresip_allow_remote,
        )
        self.link.start()

    async def stop(self) -> None:
        if self.link is not None:
            await self.link.stop()
            self.link = None
            self._show(False, "")

    async def restart(self, settings: Settings) -> None:
        await self.stop()
        self.start(settings)

    def _on_state(self, state: LinkState, reason: str) -> None:
        log.info("baresip %s%s", state, f": {reason}" if reason else "")
        self._show(state is LinkState.CONNECTED, reason or f"baresip {state}")
