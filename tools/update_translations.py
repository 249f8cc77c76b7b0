"""Refresh the translation sources from the code (docs/translations.md).

    python tools/update_translations.py [--drop-obsolete]

runs ``lupdate`` over ``app/`` into every ``app/translations/sitbreak_*.ts``, then lists the
strings that still need a translation. Exits 1 while any does, so it doubles as a check.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `tools` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.translations import (
    TranslationToolError,
    translation_sources,
    untranslated,
    update_translations,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--drop-obsolete",
        action="store_true",
        help="remove strings the code no longer has (their translations go too)",
    )
    options = parser.parse_args(argv)
    try:
        sources = translation_sources()
        print(update_translations(sources, drop_obsolete=options.drop_obsolete), end="")
    except TranslationToolError as error:
        print(f"update_translations: {error}", file=sys.stderr)
        return 2
    status = 0
    for source in sources:
        missing = untranslated(source)
        for entry in missing:
            print(f"{source.name}: untranslated: {entry}")
        status = status or int(bool(missing))
    return status


if __name__ == "__main__":
    sys.exit(main())
