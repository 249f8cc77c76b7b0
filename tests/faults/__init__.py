"""Faults the app must survive: a full disk, a locked or read-only log, kill -9, races."""
