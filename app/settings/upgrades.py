"""Versioned upgrades of the settings file: old files keep working after a release.

Each step turns a schema-n document (the raw TOML tables) into a schema-(n+1) one, before
validation, so the validator only ever knows the current layout. A step never drops what
the user wrote: a value it cannot convert is carried over for the validator to report.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import time
from types import MappingProxyType
from typing import Any, Final

from app.settings.kinds import DAY_NAMES, read_clock_time

Document = dict[str, Any]
"""A TOML document as ``tomllib`` returns it."""
UpgradeStep = Callable[[Document], Document]

FIRST_SCHEMA: Final = 1

_SCHEMA_1_DAYS = DAY_NAMES[:5]
_SCHEMA_1_START, _SCHEMA_1_END = "09:00", "17:00"


def _upgrade_1_to_2(document: Document) -> Document:
    """``[working_hours] days, start, end`` become one range list per weekday.

    Each listed day gets ``["start-end"]``, the others ``[]``. Missing keys mean schema 1's
    defaults (mon–fri, 09:00–17:00), as they did there. Days that schema 1 would have
    rejected are read as its default days, which is what that version used; a start or end
    it would have rejected is carried into the range as written, so the check after the
    upgrade names it. The new sections need nothing: their defaults apply.
    """
    hours = document.get("working_hours")
    if not isinstance(hours, dict) or not {"days", "start", "end"} & hours.keys():
        return document
    days = _schema_1_days(hours.pop("days", list(_SCHEMA_1_DAYS)))
    start = _clock_text(hours.pop("start", _SCHEMA_1_START))
    end = _clock_text(hours.pop("end", _SCHEMA_1_END))
    for name in DAY_NAMES:
        hours[name] = [f"{start}-{end}"] if name in days else []
    return document


def _schema_1_days(raw: object) -> tuple[str, ...]:
    if not isinstance(raw, list):
        return _SCHEMA_1_DAYS
    names = [item.strip().lower() if isinstance(item, str) else item for item in raw]
    if not all(name in DAY_NAMES for name in names):
        return _SCHEMA_1_DAYS
    return tuple(name for name in DAY_NAMES if name in names)


def _clock_text(raw: object) -> str:
    """ "HH:MM" for a time schema 1 accepted; anything else as text, for the message."""
    try:
        clock: time = read_clock_time(raw)
    except ValueError:
        return raw if isinstance(raw, str) else repr(raw)
    return f"{clock:%H:%M}"


UPGRADES: Final[Mapping[int, UpgradeStep]] = MappingProxyType({1: _upgrade_1_to_2})
"""Step ``n`` upgrades schema n to n + 1; keys run from FIRST_SCHEMA without gaps."""
SCHEMA_VERSION: Final = FIRST_SCHEMA + len(UPGRADES)
"""The schema this version of Sitbreak reads and writes."""


def target_schema(upgrades: Mapping[int, UpgradeStep]) -> int:
    """The schema a document reaches after every step in ``upgrades``."""
    return FIRST_SCHEMA + len(upgrades)


def upgrade(document: Document, schema: int, upgrades: Mapping[int, UpgradeStep]) -> Document:
    """Apply the steps from ``schema`` up to the newest one, in order."""
    for version in range(schema, target_schema(upgrades)):
        document = upgrades[version](document)
    return document
