"""The exercise library on disk: reading, checking and merging exercise files.

Pure Python (no Qt): the core's ``Exercise`` model comes in, files and messages go out.
The format is documented in ``docs/exercise-format.md``.
"""
