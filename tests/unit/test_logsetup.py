"""The log file: where it is, what goes in, and that it never grows without bound."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import pytest

from app.logsetup import LOG_FILE_BACKUPS, LOG_FILE_MAX_BYTES, configure_logging
from app.paths import AppPaths


@pytest.fixture
def paths(tmp_path):
    with tempfile.TemporaryDirectory(prefix="sb-") as runtime:
        paths = AppPaths.under(tmp_path, {"XDG_RUNTIME_DIR": runtime})
        paths.ensure()
        yield paths


@pytest.fixture(autouse=True)
def restore_root_logger():
    """configure_logging changes the process's logging; put it back for the next test."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_info_goes_to_the_file_and_only_warnings_to_stderr(paths, capsys):
    configure_logging(paths, verbose=False)

    logging.getLogger("app.test").info("bout closed")
    logging.getLogger("app.test").warning("no idle source")
    logging.getLogger("app.test").debug("sample taken")

    text = paths.log_file.read_text(encoding="utf-8")
    assert "bout closed" in text
    assert "no idle source" in text
    assert "sample taken" not in text
    err = capsys.readouterr().err
    assert "no idle source" in err
    assert "bout closed" not in err


def test_verbose_adds_debug_details(paths, capsys):
    configure_logging(paths, verbose=True)

    logging.getLogger("app.test").debug("sample taken")

    assert "sample taken" in paths.log_file.read_text(encoding="utf-8")
    assert "sample taken" in capsys.readouterr().err


def test_configuring_twice_does_not_double_the_lines(paths):
    configure_logging(paths, verbose=False)
    configure_logging(paths, verbose=False)

    logging.getLogger("app.test").info("once")

    assert paths.log_file.read_text(encoding="utf-8").count("once") == 1


def test_the_log_rotates_and_keeps_three_old_files(paths):
    configure_logging(paths, verbose=False)
    line = "x" * 1000
    for _ in range(5 * LOG_FILE_MAX_BYTES // len(line)):
        logging.getLogger("app.test").info(line)

    files = sorted(p.name for p in paths.log_dir.iterdir())
    assert files == ["sitbreak.log", "sitbreak.log.1", "sitbreak.log.2", "sitbreak.log.3"]
    assert LOG_FILE_BACKUPS == 3
    for name in files:
        assert Path(paths.log_dir, name).stat().st_size <= LOG_FILE_MAX_BYTES
