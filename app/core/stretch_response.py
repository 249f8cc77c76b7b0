"""The answers the stretch window can give, apart from the window itself.

The prompt flow reads them at every start; the window and its controller (with their Qt
widgets and the illustration code) load only when an exercise is first shown.
"""

from __future__ import annotations

from enum import StrEnum


class StretchResponse(StrEnum):
    """What the user did in the window; the value is what ``responded`` carries."""

    DONE = "done"
    ANOTHER = "another"
    """Wants a different exercise; the window stays open for it."""
    SNOOZE = "snooze"
    SKIP = "skip"
    CLOSED = "closed"
    """Closed the window (Esc, the title bar) without answering."""
