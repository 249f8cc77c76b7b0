"""Sitbreak: a desktop sit-break coach."""

APP_NAME = "Sitbreak"
APP_ID = "io.github.sitbreak.Sitbreak"
__version__ = "0.1.0"
