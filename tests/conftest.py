"""Shared test setup: strict, offscreen Qt by default, hypothesis profiles."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# UI tests run offscreen; end-to-end tests start their own X server and pass DISPLAY to
# the sitbreak process they launch, never to this one.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    max_examples=200,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
