"""Skip a test whose outside programs are missing, except where they must be there.

CI sets ``SITBREAK_REQUIRE_E2E=1``: a missing program then fails the test, so a broken
machine cannot pass by quietly skipping what it was meant to check.
"""

from __future__ import annotations

import os
import shutil

import pytest


def require_binaries(*names: str) -> None:
    """Skip (or, with SITBREAK_REQUIRE_E2E set, fail) unless every program is on PATH."""
    missing = [name for name in names if shutil.which(name) is None]
    if not missing:
        return
    message = f"needs {', '.join(missing)} on PATH"
    if os.environ.get("SITBREAK_REQUIRE_E2E"):
        pytest.fail(f"{message} (SITBREAK_REQUIRE_E2E is set, so this may not be skipped)")
    pytest.skip(message)
