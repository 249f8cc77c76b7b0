"""Versioned upgrades of the settings file: old files keep working after a release.

Each step turns a schema-n document (the raw TOML tables) into a schema-(n+1) one, before
validation, so the validator only ever knows the current layout. Schema 1 is the first, so
there are no steps yet; the first change of layout adds ``1: _upgrade_1_to_2``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final

Document = dict[str, Any]
"""A TOML document as ``tomllib`` returns it."""
UpgradeStep = Callable[[Document], Document]

FIRST_SCHEMA: Final = 1
UPGRADES: Final[Mapping[int, UpgradeStep]] = MappingProxyType({})
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
