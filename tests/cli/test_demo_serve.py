"""`serve`: the demo tenant on a real uvicorn over 127.0.0.1, started and stopped by signals."""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest

from screenpop.core.models import CallerIdCollection
from screenpop.demo.server import DemoConfig
from screenpop.demo.serving import serve

_SERVE = """
from screenpop.demo.serving import serve
from screenpop.demo.server import DemoConfig
serve(DemoConfig(persons=60, seed=4), ready=lambda url: print(url, flush=True))
print("returned", flush=True)
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _lines(child: subprocess.Popen[str]) -> tuple[queue.Queue[str], threading.Thread]:
    found: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            found.put(line.strip())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return found, reader


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_serves_real_http_until_a_signal(stop: signal.Signals) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", _SERVE],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    ) as child:
        lines, reader = _lines(child)
        try:
            url = lines.get(timeout=30)  # a deadline, not a sleep: on as soon as it listens
            assert re.fullmatch(r"http://127\.0\.0\.1:\d+/Cust12345", url), url
            with httpx.Client(auth=("demo", "demo"), timeout=10) as http:
                answer = http.post(f"{url}/api/v1/Agents/Pocket/GetMyCallerIDs", json={})
                summary = http.get(f"{url}/api/v1/Contact/1/Summary", params={"limit": 2})
            assert answer.status_code == 200 and summary.status_code == 200
            collection = CallerIdCollection.from_wire(answer.json())
            assert collection is not None and len(collection.caller_ids) > 60
            child.send_signal(stop)
            assert child.wait(timeout=15) == 0
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            reader.join(timeout=5)
        assert lines.get(timeout=1) == "returned"
        assert child.stderr is not None
        assert "Traceback" not in child.stderr.read()


def test_a_taken_port_raises_before_serving() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        called: list[str] = []
        started = time.perf_counter()
        with pytest.raises(OSError):
            serve(DemoConfig(persons=5), port=port, ready=called.append)
        assert called == [] and time.perf_counter() - started < 5
