"""Translation markers for the pure core, which cannot call Qt.

``pyside6-lupdate`` finds strings wrapped in ``QT_TRANSLATE_NOOP(context, text)`` by that
exact name and extracts them into the ``.ts`` files; at run time the UI translates them
with ``QCoreApplication.translate``, which has the shape of :data:`Translate`.
"""

from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str, str], str]
"""``translate(context, source_text) -> text``: ``QCoreApplication.translate`` fits."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the exact name lupdate looks for
    """Mark ``text`` for ``pyside6-lupdate``; a no-op."""
    del context
    return text


def untranslated(context: str, text: str) -> str:
    """The default ``translate``: the English source text."""
    del context
    return text
