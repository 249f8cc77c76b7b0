"""Tests of what Sitbreak ships: install files, icons, the wheel and the frozen build."""
