"""Cheap shared strategies: byte-level mutations of a valid file, and TOML-ish values."""

from __future__ import annotations

from datetime import UTC, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

OFFSETS = st.sampled_from(
    [UTC, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12)), timezone.min]
)
"""Real offsets from the extremes: a date near the ends of the calendar plus one of these
leaves the range ``datetime`` can hold."""

short_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
scalars: st.SearchStrategy[Any] = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    short_text,
    st.dates(),
    st.times(),
    st.datetimes(timezones=st.none() | OFFSETS),
)
toml_values: st.SearchStrategy[Any] = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(short_text, inner, max_size=3),
    max_leaves=8,
)

_noise = st.one_of(
    st.binary(max_size=6),
    st.sampled_from(
        [b"=", b"[", b"]", b'"', b"'", b"\n", b"#", b"{", b"}", b",", b"\xff", b"\x00"]
    ),
)
_edits = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 8), _noise), min_size=1, max_size=4)


def mutated(valid: bytes) -> st.SearchStrategy[bytes]:
    """``valid`` with a few spans replaced by noise: mostly nearly-valid files, the kind a
    hand edit or a half-finished save leaves, which reach deeper than random bytes."""

    def apply(edits: list[tuple[float, int, bytes]]) -> bytes:
        data = bytearray(valid)
        for where, length, noise in edits:
            start = int(where * len(data))
            data[start : start + length] = noise
        return bytes(data)

    return st.builds(apply, _edits)
