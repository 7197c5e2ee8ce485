"""A real baresip softphone and a real sipp to ring it, for end-to-end tests.

Every port is chosen free at run time, so these run beside anything else.
"""

from __future__ import annotations

import asyncio
import re
import socket
import subprocess
from pathlib import Path

DATA = Path(__file__).parent / "baresip"
NUMBER = "+4722334455"
NAME = "Kari Nordmann"


def _free_port(*kinds: int) -> int:
    """A port free for each socket kind on 127.0.0.1 (SIP listens on UDP and TCP alike)."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, kinds[0]) as first:
            first.bind(("127.0.0.1", 0))
            port = int(first.getsockname()[1])
            try:
                for kind in kinds[1:]:
                    with socket.socket(socket.AF_INET, kind) as other:
                        other.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port on 127.0.0.1")


class Baresip:
    """A real baresip with its own profile folder; stopped, killed and started at will.
    ``outbound``: a port on 127.0.0.1 that every call it makes goes to (a PBX's place)."""

    def __init__(self, folder: Path, *, outbound: int | None = None) -> None:
        self.folder = folder
        self.sip_port = _free_port(socket.SOCK_DGRAM, socket.SOCK_STREAM)
        self.ctrl_port = _free_port(socket.SOCK_STREAM)
        folder.mkdir()
        template = (DATA / "config.template").read_text()
        config = template.format(sip_port=self.sip_port, ctrl_port=self.ctrl_port)
        (folder / "config").write_text(config)
        proxy = f';outbound="sip:127.0.0.1:{outbound}"' if outbound else ""
        (folder / "accounts").write_text(f"<sip:agent@127.0.0.1>{proxy};regint=0\n")
        (folder / "contacts").write_text("")
        self.log = folder / "baresip.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                ["baresip", "-f", str(self.folder)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.kill()


async def ring(baresip: Baresip, scenario: str, workdir: Path, caller: str = NUMBER) -> int:
    """Run sipp's scenario against baresip once, from ``caller``; its exit code (0: the
    scenario passed)."""
    media = _free_port(socket.SOCK_DGRAM)
    sipp = await asyncio.create_subprocess_exec(
        "sipp", "-sf", str(DATA / scenario), "-s", "agent",
        "-key", "caller", caller, "-key", "caller_name", NAME,
        "-m", "1", "-i", "127.0.0.1", "-p", str(_free_port(socket.SOCK_DGRAM)),
        "-mp", str(media), "-cp", str(_free_port(socket.SOCK_DGRAM)),
        f"127.0.0.1:{baresip.sip_port}", "-nostdin", "-timeout", "10", "-trace_err",
        cwd=workdir, stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return await asyncio.wait_for(sipp.wait(), 15)


def far_end_port() -> int:
    return _free_port(socket.SOCK_DGRAM)


async def far_end(port: int, number: str, workdir: Path) -> asyncio.subprocess.Process:
    """A real sipp answering on ``port`` the one call made to ``number`` (it fails unless the
    INVITE is for that number), talking a second and hanging up; await its ``wait()``."""
    scenario = (DATA / "dialled-call.xml").read_text(encoding="iso-8859-1")
    scenario = scenario.replace("[number]", re.escape(number))
    path = workdir / "dialled-call.xml"
    path.write_text(scenario, encoding="iso-8859-1")
    return await asyncio.create_subprocess_exec(
        "sipp", "-sf", str(path), "-m", "1", "-i", "127.0.0.1", "-p", str(port),
        "-mp", str(_free_port(socket.SOCK_DGRAM)), "-nostdin", "-timeout", "20", "-trace_err",
        cwd=workdir, stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
