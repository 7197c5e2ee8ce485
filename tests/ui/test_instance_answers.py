"""What the running app answers a later `screenpop` process: it reads the number itself (the
command line hands it over unread), refuses junk in the command's own words, and `open` waits
for SuperOffice to say whether the contact exists (the demo tenant, over httpx's ASGI
transport; and once from a real `screenpop open` process over the real socket)."""

from __future__ import annotations

import asyncio
import functools
import os
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from pytestqt.qtbot import QtBot

from screenpop.app.instance_answers import answer
from screenpop.app.tray_app import ScreenpopApp
from screenpop.config.profile import Profile
from screenpop.config.settings import Settings
from screenpop.core.call_life import CallUpdate
from screenpop.core.calls import CallEvent
from screenpop.store.cache import make_row
from screenpop.triggers.instance_client import Reply
from screenpop.triggers.messages import OpenContact, ShowApp
from screenpop.triggers.single_instance import InstanceServer, server_name
from tests.ui.conftest import DEMO_URL, wait_until

NUMBER = "+4791234567"


@pytest.fixture
def app(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    profile: Profile,
    demo_http: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[ScreenpopApp]:
    monkeypatch.setenv("SCREENPOP_SECRET", "demo")
    settings = Settings(region="NO", tenant_url=DEMO_URL, user="demo")
    screenpop = ScreenpopApp(profile, settings, demo=False)
    screenpop.http = demo_http
    screenpop.cache.replace_all(
        [make_row(NUMBER, 47, 91234567, 0, 3, "Kari Hansen", "Ms", 7, "Bolt AS")], {}
    )
    yield screenpop
    loop.run_until_complete(screenpop.stop())
    screenpop.main_window.deleteLater()


def _answered(app: ScreenpopApp, loop: asyncio.AbstractEventLoop, message: object) -> Reply:
    async def run() -> Reply:
        reply = answer(app, message)  # type: ignore[arg-type]
        done = reply if isinstance(reply, Reply) else await reply
        # What the answer set going (a summary fetched ahead, the history) ends here, in the
        # loop, not in Qt's events between tests.
        await wait_until(lambda: len(app.tasks) == 0)
        return done

    return loop.run_until_complete(run())


@pytest.mark.log_warnings
@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("hello", "'hello' is not a phone number"),
        ("callto:echo123", "a callto: link to a name (e.g. a Skype name) has no number"),
        ("x" * 300, "far too long"),
    ],
)
def test_junk_is_refused_as_bad_input_and_pops_nothing(
    app: ScreenpopApp, loop: asyncio.AbstractEventLoop, text: str, says: str
) -> None:
    reply = _answered(app, loop, CallEvent(text))
    assert not reply.ok and reply.bad_input
    assert says in reply.error
    assert len(app.pops.toasts) == 0


def test_a_call_pops_and_a_sip_header_names_the_caller(
    app: ScreenpopApp, loop: asyncio.AbstractEventLoop
) -> None:
    updates: list[CallUpdate] = []
    app.calls.tracker.subscribe(updates.append)
    assert _answered(app, loop, CallEvent(f'"Kari" <sip:{NUMBER}@pbx>', call_id="c1")) == Reply()
    assert len(app.pops.toasts) == 1
    assert updates and updates[-1].call is not None
    assert updates[-1].call.display_name == "Kari"


def test_open_waits_for_superoffice(app: ScreenpopApp, loop: asyncio.AbstractEventLoop) -> None:
    refused = _answered(app, loop, OpenContact(999_999))
    assert refused == Reply.refused("SuperOffice has no contact 999999")
    assert app.windows.windows() == []

    # One the demo has: its window opens with the summary the check fetched.
    assert _answered(app, loop, OpenContact(1)) == Reply()
    window = app.windows.window(1)
    assert window is not None and window.summary() is not None


@pytest.mark.log_warnings
def test_open_without_superoffice_opens_the_window_to_say_why(
    app: ScreenpopApp, loop: asyncio.AbstractEventLoop
) -> None:
    app.http = httpx.AsyncClient(transport=httpx.MockTransport(_refuse_connection))
    assert _answered(app, loop, OpenContact(5)) == Reply()
    window = app.windows.window(5)
    assert window is not None

    async def error_shown() -> None:
        await wait_until(lambda: not window.banner.isHidden())

    loop.run_until_complete(error_shown())
    loop.run_until_complete(app.http.aclose())


def _refuse_connection(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("Connection refused", request=request)


def test_a_second_start_brings_the_window_forward(
    app: ScreenpopApp, loop: asyncio.AbstractEventLoop
) -> None:
    assert _answered(app, loop, ShowApp()) == Reply()
    assert app.main_window.isVisible()
    app.main_window.close()


def test_screenpop_open_hears_it_over_the_socket(
    app: ScreenpopApp, loop: asyncio.AbstractEventLoop, profile: Profile
) -> None:
    server = InstanceServer(server_name(profile.instance_key))
    assert server.listen()
    server.answer_with(functools.partial(answer, app))
    command = [sys.executable, "-m", "screenpop", "--profile", str(profile.root), "open"]

    def run(contact_id: int) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, str(contact_id)], capture_output=True, text=True, timeout=60,
            env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
            check=False,
        )  # fmt: skip

    async def scenario() -> tuple[subprocess.CompletedProcess[str], ...]:
        running = asyncio.get_running_loop()
        unknown = await running.run_in_executor(None, run, 999_999)
        known = await running.run_in_executor(None, run, 2)
        return unknown, known

    try:
        unknown, known = loop.run_until_complete(scenario())
    finally:
        server.close()
    assert unknown.returncode == 1
    assert unknown.stderr.splitlines() == ["screenpop: SuperOffice has no contact 999999"]
    assert known.returncode == 0, known.stderr
    assert app.windows.window(2) is not None
