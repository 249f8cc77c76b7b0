"""Settings and run-time state: typed, validated, stored as TOML, written atomically.

Pure Python: no Qt, no scheduler. Callers import what they need from here.
"""

from app.settings.atomic import atomic_write_text
from app.settings.durations import format_duration, parse_duration
from app.settings.model import (
    ExerciseSettings,
    PresenceSettings,
    PromptSettings,
    Settings,
    WorkingHoursSettings,
)
from app.settings.state import State, StateLoad, load_state, save_state
from app.settings.store import NewerSchemaError, SettingsLoad, load_settings, save_settings
from app.settings.upgrades import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "ExerciseSettings",
    "NewerSchemaError",
    "PresenceSettings",
    "PromptSettings",
    "Settings",
    "SettingsLoad",
    "State",
    "StateLoad",
    "WorkingHoursSettings",
    "atomic_write_text",
    "format_duration",
    "load_settings",
    "load_state",
    "parse_duration",
    "save_settings",
    "save_state",
]
