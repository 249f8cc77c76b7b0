"""Loading and saving ``settings.toml``: never fails, never loses what the user wrote."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import tomli_w

from app.settings.atomic import atomic_write_text
from app.settings.fields import document_from_settings, settings_from_document
from app.settings.kinds import show_raw
from app.settings.model import Settings
from app.settings.tomlfile import read_toml
from app.settings.upgrades import (
    FIRST_SCHEMA,
    SCHEMA_VERSION,
    UPGRADES,
    Document,
    UpgradeStep,
    target_schema,
    upgrade,
)

HEADER = '# Sitbreak settings. Durations: "45m", "1h30m", "15s". See docs/settings.md.\n'


@dataclass(frozen=True, slots=True)
class SettingsLoad:
    settings: Settings
    problems: list[str]
    """One readable message per thing that was wrong; empty when all was well."""
    broken_copy: Path | None
    """Where an unreadable file was moved to, if it was."""


class NewerSchemaError(Exception):
    """Saving would overwrite a file written by a newer Sitbreak."""


def load_settings(
    path: Path,
    now: datetime | None = None,
    *,
    upgrades: Mapping[int, UpgradeStep] = UPGRADES,
    move_broken: bool = True,
) -> SettingsLoad:
    """Settings from ``path``; defaults for whatever is missing, unreadable or invalid.

    A missing file gives the defaults silently (and is not created). ``now`` (local wall
    time, default the current one) names the copy of a broken file; ``move_broken=False``
    leaves a broken file in place (a command that only reads).
    """
    now = datetime.now() if now is None else now
    read = read_toml(
        path, now, fallback="Sitbreak uses the default settings", move_broken=move_broken
    )
    if read.document is None:
        problems = [read.problem] if read.problem else []
        return SettingsLoad(Settings(), problems, read.broken_copy)
    document, schema, problems = _upgraded(read.document, upgrades)
    settings, value_problems = settings_from_document(document, schema)
    # Named after the file: the user reads these in a notice or a terminal, not beside it.
    return SettingsLoad(settings, [f"{path}: {p}" for p in problems + value_problems], None)


def save_settings(path: Path, settings: Settings) -> None:
    """Write ``settings`` atomically (mode 0600), keeping every unknown key.

    Raises NewerSchemaError rather than overwrite a newer Sitbreak's file with this layout.
    """
    if settings.schema > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path} was written by a newer Sitbreak (schema {settings.schema}); "
            f"this version writes schema {SCHEMA_VERSION} and leaves it untouched"
        )
    atomic_write_text(path, HEADER + tomli_w.dumps(document_from_settings(settings)))


def _upgraded(
    document: Document, upgrades: Mapping[int, UpgradeStep]
) -> tuple[Document, int, list[str]]:
    """The document in the current layout, its schema, and what was odd about the schema."""
    newest = target_schema(upgrades)
    schema = document.get("schema", FIRST_SCHEMA)
    problems = []
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < FIRST_SCHEMA:
        problems.append(
            f"schema = {show_raw(schema)}: expected a whole number from {FIRST_SCHEMA}; "
            f"reading it as {FIRST_SCHEMA}"
        )
        schema = FIRST_SCHEMA
    if schema > newest:
        problems.append(
            f"written by a newer Sitbreak (schema {schema}; this one knows {newest}): "
            "using the settings it understands and leaving the file as it is"
        )
        return document, schema, problems
    return upgrade(document, schema, upgrades), newest, problems
