"""The tray app's HTTP client, made when a call first needs it: loaded and made in a thread of
its own while the toast paints, awaited (never waited for) by what needs it first."""

from __future__ import annotations

import asyncio

import httpx

from screenpop.app.lazy_http import LazyHttp
from screenpop.config.settings import Settings


async def test_nothing_is_made_until_asked_and_a_warm_up_is_made_once() -> None:
    http = LazyHttp(lambda: Settings(region="NO"))
    assert not http.made and http.until_ready() is None and http.take() is None
    http.warm_up()
    assert http.made
    http.warm_up()  # on its way already: not a second one
    waiting = http.until_ready()
    if waiting is not None:  # made by now, or soon: awaited, the loop goes on meanwhile
        await waiting
    assert http.until_ready() is None
    client = http.get()
    assert isinstance(client, httpx.AsyncClient) and http.get() is client
    assert http.take() is client and not http.made  # the next one is made anew
    await client.aclose()


async def test_a_client_is_made_on_the_spot_when_none_is_on_its_way() -> None:
    http = LazyHttp(lambda: Settings(region="NO"))
    made_here = http.get()
    assert http.until_ready() is None and http.get() is made_here
    await made_here.aclose()


async def test_a_given_client_is_the_one_used() -> None:
    http = LazyHttp(lambda: Settings(region="NO"))
    given = httpx.AsyncClient(transport=httpx.MockTransport(lambda _: httpx.Response(204)))
    http.use(given)
    http.warm_up()  # there already: nothing more is made
    assert http.until_ready() is None and http.get() is given
    await given.aclose()



async def test_an_await_of_the_warm_up_cancelled_leaves_it_be() -> None:
    """A summary fetch superseded while the client is being made is cancelled; the client
    still comes, for the fetch that replaced it."""
    http = LazyHttp(lambda: Settings(region="NO"))
    http.warm_up()
    first, second = http.until_ready(), http.until_ready()
    assert first is not None and second is not None
    waiting = asyncio.ensure_future(first)
    waiting.cancel()
    await second
    client = http.get()
    assert isinstance(client, httpx.AsyncClient)
    await client.aclose()
