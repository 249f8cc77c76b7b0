"""Human ranges: what the settings dialog allows, narrower than what the file accepts.

The file takes any duration from 1 s to 24 h so that tests and power users can use odd
timings; a person adjusting the dialog is kept to values that make sense for a desk day,
and is warned (not stopped) below the recommended 45–60 minute prompt window.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from app.core.i18n import QT_TRANSLATE_NOOP, Translate, untranslated
from app.settings.model import KEEP_DAYS_RANGE, KEEP_FOREVER, Settings

CONTEXT: Final = "human"
"""The translation context of the messages below (the dialog passes Qt's translate)."""
_BETWEEN: Final = {
    "min": QT_TRANSLATE_NOOP("human", "Between {low} and {high} minutes"),
    "s": QT_TRANSLATE_NOOP("human", "Between {low} and {high} seconds"),
    "days": QT_TRANSLATE_NOOP("human", "Between {low} and {high} days"),
    "": QT_TRANSLATE_NOOP("human", "Between {low} and {high}"),
}
_RECOMMENDED: Final = QT_TRANSLATE_NOOP(
    "human",
    "{low}–{high} min is recommended: shorter windows mean more interruptions "
    "for little extra movement",
)


@dataclass(frozen=True, slots=True)
class Limit:
    """An inclusive range in ``unit`` ("min", "s", "days", or "" for a plain count)."""

    low: int
    high: int
    unit: str
    recommended: tuple[int, int] | None = None
    """The band the dialog shows as recommended, in the same unit; None when there is none."""
    off: int | None = None
    """A value outside the range that switches the feature off (0 days = keep forever)."""

    def contains(self, value: float) -> bool:
        return value == self.off or self.low <= value <= self.high

    def describe(self, translate: Translate = untranslated) -> str:
        """The message for a value outside: "Between 10 and 180 minutes"."""
        return translate(CONTEXT, _BETWEEN[self.unit]).format(low=self.low, high=self.high)


RECOMMENDED_WINDOW: Final = (45, 60)
"""Minutes of desk time before a prompt, as the design recommends."""

HUMAN_LIMITS: Final[Mapping[str, Limit]] = MappingProxyType(
    {
        "prompts.window_start": Limit(10, 180, "min", RECOMMENDED_WINDOW),
        "prompts.window_end": Limit(10, 180, "min", RECOMMENDED_WINDOW),
        "prompts.lull": Limit(5, 60, "s"),
        "prompts.snooze": Limit(1, 60, "min"),
        "prompts.remind_after": Limit(1, 30, "min"),
        "prompts.max_reminders": Limit(0, 5, ""),
        "presence.away_after": Limit(1, 30, "min"),
        "goals.walk_minutes": Limit(0, 180, "min"),
        "goals.stretch_minutes": Limit(0, 60, "min"),
        "general.keep_days": Limit(
            KEEP_DAYS_RANGE.start, KEEP_DAYS_RANGE.stop - 1, "days", off=KEEP_FOREVER
        ),
    }
)
"""Settings key (``section.key`` as in the file) → the range the dialog allows."""

_VALUES: Final[Mapping[str, Callable[[Settings], float]]] = MappingProxyType(
    {
        "prompts.window_start": lambda s: s.prompts.window_start_s / 60,
        "prompts.window_end": lambda s: s.prompts.window_end_s / 60,
        "prompts.lull": lambda s: s.prompts.lull_s,
        "prompts.snooze": lambda s: s.prompts.snooze_s / 60,
        "prompts.remind_after": lambda s: s.prompts.remind_after_s / 60,
        "prompts.max_reminders": lambda s: s.prompts.max_reminders,
        "presence.away_after": lambda s: s.presence.away_s / 60,
        "goals.walk_minutes": lambda s: s.goals.walk_minutes,
        "goals.stretch_minutes": lambda s: s.goals.stretch_minutes,
        "general.keep_days": lambda s: s.general.keep_days,
    }
)
"""Each limited key's value in its limit's unit."""

WINDOW_END_BEFORE_START: Final = QT_TRANSLATE_NOOP(
    "human", "Not before the start of the prompt window"
)


def human_value(settings: Settings, key: str) -> float:
    """The value of a key of HUMAN_LIMITS in that limit's unit (2700 s → 45.0 for minutes)."""
    return _VALUES[key](settings)


def check_human(settings: Settings, translate: Translate = untranslated) -> dict[str, str]:
    """Key → message for every value the dialog must not accept; empty when all are fine."""
    problems = {
        key: limit.describe(translate)
        for key, limit in HUMAN_LIMITS.items()
        if not limit.contains(human_value(settings, key))
    }
    if settings.prompts.window_end_s < settings.prompts.window_start_s:
        problems.setdefault("prompts.window_end", translate(CONTEXT, WINDOW_END_BEFORE_START))
    return problems


def below_recommended(settings: Settings, translate: Translate = untranslated) -> str | None:
    """A warning when prompts would come sooner than the recommended band; else None."""
    low, high = RECOMMENDED_WINDOW
    if human_value(settings, "prompts.window_start") >= low:
        return None
    return translate(CONTEXT, _RECOMMENDED).format(low=low, high=high)
