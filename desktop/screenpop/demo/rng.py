"""Deterministic, random-access pseudo-randomness for the demo tenant.

Everything the tenant shows is a pure function of the seed and an id, so a person or a
contact can be generated on its own, in any order, in any process. Python's ``hash()`` of a
string is salted per process, so it must never be used here: keys go through hashlib or
integer mixing instead.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

_MASK = (1 << 64) - 1


def mix(value: int) -> int:
    """SplitMix64's finaliser: a fast bijective scramble of a 64-bit integer."""
    z = (value + 0x9E3779B97F4A7C15) & _MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31)


def derive(seed: int, *parts: str | int) -> int:
    """A 64-bit key for one purpose ("person", 17 …) under one seed, stable across processes."""
    text = "\x1f".join(str(p) for p in (seed, *parts))
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def rng_for(seed: int, *parts: str | int) -> random.Random:
    """A private generator for one object, e.g. the summary of one contact."""
    return random.Random(derive(seed, *parts))


def pick(items: Sequence[T], bits: int) -> T:
    """One of ``items`` chosen by (already mixed) bits."""
    return items[bits % len(items)]


def weighted_index(cumulative: Sequence[int], bits: int) -> int:
    """Index into a table of cumulative weights, chosen by (already mixed) bits."""
    target = bits % cumulative[-1]
    for index, bound in enumerate(cumulative):
        if target < bound:
            return index
    raise AssertionError("unreachable: target is below the last bound")
