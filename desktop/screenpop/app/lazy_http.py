"""The tray app's one HTTP client, made when a call first needs it.

The app syncs in a process of its own, so one idle in the tray needs no HTTP stack (httpx,
TLS, the SuperOffice client: about 9 MB). A call's summary, live lookup and log do: when a
call comes, :meth:`LazyHttp.warm_up` loads and makes the client (80 ms or so) in a thread of
its own while the toast paints, and the first request takes it from there.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING

from screenpop.config.settings import Settings

if TYPE_CHECKING:
    import httpx


def _make(settings: Settings) -> httpx.AsyncClient:
    # Made anywhere, sent on a loop of its own: a summary does not wait for turns of the UI's
    # loop between paints.
    from screenpop.services.http import http_client

    return http_client(settings, threaded=True)


class LazyHttp:
    def __init__(self, settings: Callable[[], Settings]) -> None:
        self._settings = settings
        self._client: httpx.AsyncClient | None = None
        self._coming: Future[httpx.AsyncClient] | None = None

    @property
    def made(self) -> bool:
        """Whether it exists, or is on its way."""
        return self._client is not None or self._coming is not None

    def until_ready(self) -> Awaitable[object] | None:
        """None when :meth:`get` answers at once; else what to await first (the warm-up).
        Cancelling that await leaves the warm-up be: others await it too."""
        coming = self._coming
        if coming is None or coming.done():
            return None
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return None  # nothing can await it here: get() waits
        ready: asyncio.Future[None] = loop.create_future()

        def settle() -> None:
            if not ready.done():
                ready.set_result(None)

        def tell(_: Future[httpx.AsyncClient]) -> None:
            loop.call_soon_threadsafe(settle)

        coming.add_done_callback(tell)
        return ready

    def get(self) -> httpx.AsyncClient:
        """The client (waiting for the warm-up under way, if any; else made now)."""
        if self._client is None and self._coming is not None:
            coming, self._coming = self._coming, None
            self._client = coming.result()
        if self._client is None:
            self._client = _make(self._settings())
        return self._client

    def use(self, client: httpx.AsyncClient) -> None:
        """This client from now on (one over another transport: the tests' demo tenant)."""
        self._client, self._coming = client, None

    def warm_up(self) -> None:
        """Load and make it in a thread of its own, unless it is there or on its way."""
        if self.made:
            return
        coming: Future[httpx.AsyncClient] = Future()
        settings = self._settings()

        def make() -> None:
            try:
                import screenpop.services.connection  # noqa: F401  (the client's next need)

                coming.set_result(_make(settings))
            except BaseException as err:  # raised where the client is asked for
                coming.set_exception(err)

        threading.Thread(target=make, name="HTTP warm-up", daemon=True).start()
        self._coming = coming

    def take(self) -> httpx.AsyncClient | None:
        """The client made so far, to close; the next :meth:`get` makes a new one (a new CA
        file to trust)."""
        if not self.made:
            return None
        client, self._client = self.get(), None
        return client
