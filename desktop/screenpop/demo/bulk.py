"""The whole GetMyCallerIDs body of a big demo tenant, encoded on two cores.

A million persons make about 1.6 million caller IDs and Python needs microseconds to encode
each, so for a big tenant a child interpreter encodes the second half of the sorted list
while this thread encodes the first. The child derives the same data from the seed, so only
sort keys and finished JSON cross the pipe. It is a plain ``python -c`` rather than
multiprocessing, whose spawn re-imports the parent's ``__main__`` and whose fork can deadlock
a threaded server.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from screenpop.demo.encoding import collection_body, encode_entries, gc_paused

if TYPE_CHECKING:
    from screenpop.demo.data import Company, DemoData

PARALLEL_FROM = 200_000
"""Below this many persons, starting an interpreter costs more than it saves."""

_CHILD_CODE = "from screenpop.demo.bulk import child_main; child_main()"


class ChildFailed(Exception):
    """The child interpreter answered with an error instead of its half."""


def can_use_child() -> bool:
    # A frozen app's sys.executable is the app itself, not an interpreter.
    return (os.cpu_count() or 1) >= 2 and not getattr(sys, "frozen", False)


def build_body(
    data: DemoData, select: frozenset[str] | None, parallel: bool | None = None
) -> bytes:
    """The CallerIDCollection of ``data`` as bytes; ``parallel=None`` decides by size."""
    if parallel is None:
        parallel = data.persons >= PARALLEL_FROM and can_use_child()
    with gc_paused():
        if parallel:
            try:
                return build_split(data, select)
            except (OSError, EOFError, pickle.PickleError, ChildFailed):
                pass  # the child could not help: encode everything here
        companies = data.companies()
        keys = data.caller_id_keys(companies)
        keys.sort()
        return collection_body(data.caller_id_hash, _encode(data, companies, keys, select))


def _encode(
    data: DemoData, companies: list[Company], keys: list[int], select: frozenset[str] | None
) -> list[bytes]:
    return encode_entries(
        (entry.to_wire() for entry in data.caller_ids_of(keys, companies)), select
    )


def build_split(data: DemoData, select: frozenset[str] | None) -> bytes:
    """:func:`build_body` with a child encoding the second half; raises if the child fails."""
    package_root = str(Path(__file__).resolve().parents[2])
    path = os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
    identity = [str(data.seed), str(data.persons), data.today.isoformat()]
    # The child starts deriving companies at once, while this thread makes the sort keys.
    # Its own session (process group on Windows): Ctrl+C in the terminal is the parent's to
    # handle, and the child ends when its pipes close.
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD_CODE, *identity],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": path},
        start_new_session=sys.platform != "win32",
        creationflags=getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0),
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        companies = data.companies()
        keys = data.caller_id_keys(companies)
        keys.sort()
        middle = len(keys) // 2
        _send(child.stdin, (keys[middle:], select))
        del keys[middle:]
        first = _encode(data, companies, keys, select)
        second = pickle.load(child.stdout)
        if not isinstance(second, list):
            raise ChildFailed(str(second))
        return collection_body(data.caller_id_hash, first + second)
    finally:
        child.stdin.close()
        try:
            child.wait(5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        child.stdout.close()


def _send(pipe: IO[bytes], message: Any) -> None:
    pickle.dump(message, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.flush()


def child_main() -> None:
    """The child: ``-c CODE seed persons today``; reads (keys, select), writes the pieces."""
    # Imported here, not at the top: data imports this module.
    from screenpop.demo.data import DemoData

    stdout = sys.stdout.buffer
    try:
        with gc_paused():
            seed, persons, today = sys.argv[1:4]
            data = DemoData(int(seed), int(persons), date.fromisoformat(today))
            companies = data.companies()
            keys, select = pickle.load(sys.stdin.buffer)
            reply: Any = _encode(data, companies, keys, select)
    except (EOFError, KeyboardInterrupt):
        os._exit(1)  # the parent gave up or went away: nobody to answer
    except Exception as err:  # reported to the parent, which then does the work itself
        reply = repr(err)
    try:
        _send(stdout, reply)
    except (BrokenPipeError, KeyboardInterrupt):
        os._exit(1)
    # Skip tearing down a few hundred megabytes of objects one by one.
    os._exit(0)
