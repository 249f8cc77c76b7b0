"""The settings file's layout: every key, its kind and range, in one table.

``settings_from_document`` checks a parsed (and upgraded) TOML document against the table;
``document_from_settings`` turns settings back into one, unknown keys included.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar, cast

from app.core.exercise import Equipment, Position, is_valid_id
from app.settings.durations import format_duration
from app.settings.kinds import (
    CLOCK_TIME,
    DAY_NAMES,
    FLAG,
    TIME_RANGES,
    WEEKDAYS,
    Kind,
    choice,
    count,
    duration,
    id_set,
    show_raw,
    word_set,
)
from app.settings.model import (
    KEEP_DAYS_RANGE,
    KEEP_FOREVER,
    TRAY_ICON_STYLES,
    ExerciseSettings,
    GeneralSettings,
    GoalSettings,
    PresenceSettings,
    PromptSettings,
    QuietSettings,
    Settings,
    SummarySettings,
    WorkingHoursSettings,
)
from app.settings.upgrades import SCHEMA_VERSION, Document

T = TypeVar("T")
Section = TypeVar(
    "Section",
    PromptSettings,
    PresenceSettings,
    WorkingHoursSettings,
    QuietSettings,
    ExerciseSettings,
    GoalSettings,
    SummarySettings,
    GeneralSettings,
)

ONE_DAY = 24 * 3600
DELIVERY_MODES = ("notification", "toast", "both")
_DURATION = duration(1, ONE_DAY)
"""The file accepts any duration from 1 s to 24 h; the settings dialog enforces human ranges."""
_EXERCISE_IDS = id_set(is_valid_id, "glute-bridge")
_DAILY_MINUTES = count(0, 24 * 60)
"""Goal minutes the file accepts; the dialog keeps to human ranges (``human.HUMAN_LIMITS``)."""
_KEEP_DAYS = replace(
    count(KEEP_FOREVER, KEEP_DAYS_RANGE.stop - 1),
    expected="a whole number of days",
    allowed=f"{KEEP_FOREVER} (forever) or {KEEP_DAYS_RANGE.start}–{KEEP_DAYS_RANGE.stop - 1}",
    in_range=lambda days: days == KEEP_FOREVER or days in KEEP_DAYS_RANGE,
)
"""History retention: 0 means forever; fewer than 30 days would empty the Month view."""


@dataclass(frozen=True, slots=True)
class FieldSpec(Generic[T]):
    key: str
    """The key in the file, inside its section."""
    attr: str
    """The attribute of the section's dataclass."""
    kind: Kind[T]
    day: int | None = None
    """For one weekday's entry of a per-day mapping attribute (``ranges[0]`` is ``mon``)."""

    def value_of(self, section: object) -> T:
        """This field's value in a section's dataclass."""
        value: Any = getattr(section, self.attr)
        if self.day is None:
            return cast(T, value)
        return cast(T, value.get(self.day, ()))


FIELDS: dict[str, tuple[FieldSpec[Any], ...]] = {
    "prompts": (
        FieldSpec("window_start", "window_start_s", _DURATION),
        FieldSpec("window_end", "window_end_s", _DURATION),
        FieldSpec("lull", "lull_s", _DURATION),
        FieldSpec("snooze", "snooze_s", _DURATION),
        FieldSpec("remind_after", "remind_after_s", _DURATION),
        FieldSpec("max_reminders", "max_reminders", count(0, 10)),
        FieldSpec("delivery", "delivery", choice(*DELIVERY_MODES)),
        FieldSpec("sound", "sound", FLAG),
    ),
    "presence": (FieldSpec("away_after", "away_s", _DURATION),),
    "working_hours": (
        FieldSpec("enabled", "enabled", FLAG),
        *(FieldSpec(name, "ranges", TIME_RANGES, day) for day, name in enumerate(DAY_NAMES)),
    ),
    "quiet": (
        FieldSpec("when_fullscreen", "when_fullscreen", FLAG),
        FieldSpec("when_do_not_disturb", "when_do_not_disturb", FLAG),
    ),
    "exercises": (
        FieldSpec("positions", "positions", word_set(*Position)),
        FieldSpec("equipment", "equipment", word_set(*Equipment)),
        FieldSpec("favourites", "favourites", _EXERCISE_IDS),
        FieldSpec("hidden", "hidden", _EXERCISE_IDS),
    ),
    "goals": (
        FieldSpec("walk_minutes", "walk_minutes", _DAILY_MINUTES),
        FieldSpec("stretch_minutes", "stretch_minutes", _DAILY_MINUTES),
        FieldSpec("strength_days", "strength_days", WEEKDAYS),
        FieldSpec("strength_time", "strength_time", CLOCK_TIME),
    ),
    "summary": (
        FieldSpec("daily", "daily", FLAG),
        FieldSpec("weekly", "weekly", FLAG),
    ),
    "general": (
        FieldSpec("tray_icon_style", "tray_icon_style", choice(*TRAY_ICON_STYLES)),
        FieldSpec("keep_days", "keep_days", _KEEP_DAYS),
    ),
}
"""Section name (also the attribute of ``Settings``) → its fields, in file order."""


def settings_from_document(document: Document, schema: int) -> tuple[Settings, list[str]]:
    """Checked settings plus one message per value that was replaced by its default."""
    reader = _Reader(document)
    prompts = _checked_window(reader.section("prompts", PromptSettings()), reader.problems)
    settings = Settings(
        schema=schema,
        prompts=prompts,
        presence=reader.section("presence", PresenceSettings()),
        working_hours=reader.section("working_hours", WorkingHoursSettings()),
        quiet=reader.section("quiet", QuietSettings()),
        exercises=reader.section("exercises", ExerciseSettings()),
        goals=reader.section("goals", GoalSettings()),
        summary=reader.section("summary", SummarySettings()),
        general=reader.section("general", GeneralSettings()),
        extra=reader.extra,
    )
    return settings, reader.problems


def document_from_settings(settings: Settings) -> Document:
    """The TOML document to save: known sections first, then every unknown key as read."""
    document: Document = {"schema": SCHEMA_VERSION}
    for name, fields in FIELDS.items():
        values = getattr(settings, name)
        table = {spec.key: spec.kind.write(spec.value_of(values)) for spec in fields}
        unknown = settings.extra.get(name)
        if isinstance(unknown, dict):
            table.update((key, value) for key, value in unknown.items() if key not in table)
        document[name] = table
    for key, value in settings.extra.items():
        document.setdefault(key, value)
    return document


class _Reader:
    """Collects the problems and the unknown keys while the sections are read."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.problems: list[str] = []
        self.extra: dict[str, Any] = {
            key: value for key, value in document.items() if key != "schema" and key not in FIELDS
        }

    def section(self, name: str, defaults: Section) -> Section:
        raw = self.document.get(name, {})
        if not isinstance(raw, dict):
            self.problems.append(
                f"{name} = {show_raw(raw)}: expected a table [{name}]; using its defaults"
            )
            return defaults
        fields = FIELDS[name]
        known = {spec.key for spec in fields}
        unknown = {key: value for key, value in raw.items() if key not in known}
        if unknown:
            self.extra[name] = unknown
        values: dict[str, Any] = {}
        for spec in fields:
            if spec.key not in raw:
                continue
            value = self._value(name, spec, raw[spec.key], spec.value_of(defaults))
            if spec.day is None:
                values[spec.attr] = value
            else:  # one day of a per-day mapping: start from the defaults, replace that day
                days = values.setdefault(spec.attr, dict(getattr(defaults, spec.attr)))
                days[spec.day] = value
        return replace(defaults, **values)

    def _value(self, section: str, spec: FieldSpec[T], raw: object, default: T) -> T:
        kind, name = spec.kind, f"{section}.{spec.key}"
        try:
            value = kind.read(raw)
        except ValueError:
            expected = f"{kind.expected} ({kind.allowed})" if kind.allowed else kind.expected
            self.problems.append(
                f"{name} = {show_raw(raw)}: expected {expected}; "
                f"using the default {kind.show(default)}"
            )
            return default
        if kind.sift is not None:
            value, unfit = kind.sift(value)
            if unfit:
                self.problems.append(f"{name} = {show_raw(raw)}: {unfit}; using {kind.show(value)}")
        if not kind.in_range(value):
            self.problems.append(
                f"{name} = {show_raw(raw)} is out of range ({kind.allowed}); "
                f"using the default {kind.show(default)}"
            )
            return default
        return value


def _checked_window(prompts: PromptSettings, problems: list[str]) -> PromptSettings:
    """The window cannot close before it opens: the prompt is then forced when it opens."""
    if prompts.window_end_s >= prompts.window_start_s:
        return prompts
    start, end = format_duration(prompts.window_start_s), format_duration(prompts.window_end_s)
    problems.append(
        f"prompts.window_end = {end} is before prompts.window_start = {start}; "
        f"using {start} for both"
    )
    return replace(prompts, window_end_s=prompts.window_start_s)
