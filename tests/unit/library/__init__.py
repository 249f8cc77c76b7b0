"""Tests of the exercise library on disk."""
