"""Settings and run-time state: typed, validated, stored as TOML, written atomically.

Pure Python: no Qt, no scheduler. Callers import what they need from here.
"""

from app.settings.atomic import atomic_write_text
from app.settings.durations import format_duration, parse_duration
from app.settings.kinds import format_time_range, parse_time_range
from app.settings.model import (
    TRAY_ICON_STYLES,
    ExerciseSettings,
    GeneralSettings,
    GoalSettings,
    PresenceSettings,
    PromptSettings,
    QuietSettings,
    Settings,
    WorkingHoursSettings,
)
from app.settings.state import State, StateLoad, load_state, save_state
from app.settings.store import NewerSchemaError, SettingsLoad, load_settings, save_settings
from app.settings.upgrades import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "TRAY_ICON_STYLES",
    "ExerciseSettings",
    "GeneralSettings",
    "GoalSettings",
    "NewerSchemaError",
    "PresenceSettings",
    "PromptSettings",
    "QuietSettings",
    "Settings",
    "SettingsLoad",
    "State",
    "StateLoad",
    "WorkingHoursSettings",
    "atomic_write_text",
    "format_duration",
    "format_time_range",
    "load_settings",
    "load_state",
    "parse_duration",
    "parse_time_range",
    "save_settings",
    "save_state",
]
