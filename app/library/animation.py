"""An exercise file's ``animation`` table in, an :class:`Animation` or messages out.

Like a picture, an animation is decoration: any trouble with it is a warning, and the
exercise still loads and shows its still picture. Every frame is looked up the way the
still picture is (beside the exercise file, then among the bundled pictures), so a missing
file is reported with the line of its name, not found later by the window.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from pathlib import Path

from app.core.exercise import (
    ANIMATION_FRAMES_RANGE,
    ANIMATION_REP_S_MAX,
    ANIMATION_REP_S_MIN,
    REP_S,
    Animation,
    Dose,
)
from app.library.positions import KeyPath
from app.library.problems import IllustrationUnavailable, shown

ANIMATION_KEYS = ("frames", "rep_s")
FRAME_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,95}\.svg")
"""A plain ``.svg`` file name, no folders: frames are drawn as vectors, crisp at any scale."""
SHOWN_STILL = "; the exercise is shown still"

Warn = Callable[[KeyPath, str], None]
"""Reports one problem at a key path of the file."""
FrameResolver = Callable[[str], Path]
"""Finds a picture by its file name, or raises ``IllustrationUnavailable`` saying why not."""

_EXAMPLE = '{ frames = ["my-move.start.svg", "my-move.end.svg"] }'


def read_animation(
    raw: object,
    dose: Dose | None,
    resolve: FrameResolver,
    warn: Warn,
) -> Animation | None:
    """The animation ``raw`` describes, or None after a warning for each problem found."""
    path: KeyPath = ("animation",)
    if not isinstance(raw, dict):
        warn(path, f"expected a table like {_EXAMPLE}, got {shown(raw)}{SHOWN_STILL}")
        return None
    if dose is not None and dose.hold_s is not None:
        warn(path, f"a hold is shown still; only exercises done in reps move{SHOWN_STILL}")
        return None
    frames = _frames(raw, resolve, warn)
    rep_s = _rep_s(raw, warn)
    if frames is None or rep_s is None:
        return None
    return Animation(frames=frames, rep_s=rep_s)


def _frames(
    table: Mapping[str, object],
    resolve: FrameResolver,
    warn: Warn,
) -> tuple[Path, ...] | None:
    path: KeyPath = ("animation", "frames")
    low, high = ANIMATION_FRAMES_RANGE.start, ANIMATION_FRAMES_RANGE.stop - 1
    raw = table.get("frames")
    if raw is None:
        warn(("animation",), f"missing frames: a list of {low}–{high} .svg files{SHOWN_STILL}")
        return None
    if not isinstance(raw, list):
        warn(path, f"expected a list of .svg file names, got {shown(raw)}{SHOWN_STILL}")
        return None
    if len(raw) not in ANIMATION_FRAMES_RANGE:
        count = "1 picture" if len(raw) == 1 else f"{len(raw)} pictures"
        warn(path, f"has {count}; an animation needs {low}–{high}{SHOWN_STILL}")
        return None
    found: list[Path] = []
    for index, name in enumerate(raw):
        item: KeyPath = (*path, index)
        if not isinstance(name, str) or not FRAME_NAME.fullmatch(name):
            warn(
                item,
                'expected the file name of an .svg picture, like "glute-bridge.move-1.svg" '
                f"(no folders), got {shown(name)}{SHOWN_STILL}",
            )
            continue
        try:
            found.append(resolve(name))
        except IllustrationUnavailable as error:
            warn(item, f"{error}{SHOWN_STILL}")
    return tuple(found) if len(found) == len(raw) else None


def _rep_s(table: Mapping[str, object], warn: Warn) -> float | None:
    raw = table.get("rep_s")
    if raw is None:
        return REP_S
    if (
        isinstance(raw, int | float)
        and not isinstance(raw, bool)
        and math.isfinite(raw)
        and ANIMATION_REP_S_MIN <= raw <= ANIMATION_REP_S_MAX
    ):
        return float(raw)
    warn(
        ("animation", "rep_s"),
        f"expected the seconds of one rep there and back, {ANIMATION_REP_S_MIN:g}–"
        f"{ANIMATION_REP_S_MAX:g}, got {shown(raw)}{SHOWN_STILL}",
    )
    return None
