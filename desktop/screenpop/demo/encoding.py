"""JSON bodies of the demo tenant, built in pieces so a million caller IDs stay affordable."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

JSON = "application/json; charset=utf-8"
_REALM = 'Basic realm="SuperOffice demo"'
_CHUNK = 20_000


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON, as the API sends it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    try:
        return text.encode()
    except UnicodeEncodeError:
        # A lone surrogate (possible in a hand-written caller-ID file) has no UTF-8 form.
        return json.dumps(value, separators=(",", ":")).encode()


def json_response(value: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(dumps(value), status, headers, media_type=JSON)


def error_response(status: int, message: str, kind: str) -> Response:
    """The demo's error body (SuperOffice documents none; the client reads it as a hint)."""
    headers = {"WWW-Authenticate": _REALM} if status == 401 else None
    return json_response({"Error": message, "ErrorType": kind}, status, headers)


def query_param(request: Request, name: str) -> str | None:
    """A query parameter by case-insensitive name, as IIS reads them."""
    for key, value in request.query_params.multi_items():
        if key.lower() == name:
            return value
    return None


def parse_select(text: str | None) -> frozenset[str] | None:
    """``$select=PhoneNumber,personid`` → lower-case property names; None selects all."""
    if text is None:
        return None
    names = frozenset(name.strip().lower() for name in text.split(",") if name.strip())
    return names or None


def _selected(entries: Iterable[Any], select: frozenset[str]) -> Iterator[Any]:
    decisions: dict[str, bool] = {}
    for entry in entries:
        if not isinstance(entry, dict):
            yield entry
            continue
        thinned = {}
        for key, value in entry.items():
            keep = decisions.get(key)
            if keep is None:
                keep = decisions[key] = str(key).lower() in select
            thinned[key] = value if keep else None
        yield thinned


@contextmanager
def gc_paused() -> Iterator[None]:
    """Collection pauses are wasted while building millions of objects that all survive."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def encode_entries(entries: Iterable[Any], select: frozenset[str] | None) -> list[bytes]:
    """CallerID entries as pieces of the inside of a JSON array, for :func:`collection_body`.

    With ``select`` the other properties are null, as ``$select`` does. Entries are encoded a
    chunk at a time: one ``json.dumps`` of a million dicts would hold the whole text twice.
    """
    if select is not None:
        entries = _selected(entries, select)
    pieces = []
    iterator = iter(entries)
    while chunk := list(islice(iterator, _CHUNK)):
        pieces.append(dumps(chunk)[1:-1])
    return pieces


def collection_body(caller_id_hash: Any, pieces: Iterable[bytes]) -> bytes:
    """A CallerIDCollection from :func:`encode_entries` pieces, joined in a single copy.

    Hundreds of megabytes are slow to copy, so the body is never concatenated stepwise.
    """
    parts = [b'{"CallerIDHash":', dumps(caller_id_hash), b',"CallerIDs":[']
    for piece in pieces:
        if piece:
            parts += (piece, b",")
    if parts[-1] == b",":
        parts.pop()
    parts.append(b"]}")
    return b"".join(parts)
