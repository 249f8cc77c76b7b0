"""Where the running app's log goes: a rotating file in the log folder, and stderr.

The file keeps what a bug report needs (INFO and up, DEBUG with ``--verbose``) and never
grows past about 4 MiB (1 MiB, three old copies). stderr shows only warnings unless
``--verbose``, so a terminal stays quiet in normal use.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler

from app.paths import AppPaths

LOG_FILE_MAX_BYTES = 1024 * 1024
LOG_FILE_BACKUPS = 3

_FILE_HANDLER_NAME = "sitbreak-file"
_STDERR_HANDLER_NAME = "sitbreak-stderr"
_CHATTY_LIBRARIES = ("apscheduler", "tzlocal")
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def configure_logging(paths: AppPaths, verbose: bool) -> None:
    """Send the root logger to ``paths.log_file`` and stderr.

    Call after ``paths.ensure()``. Calling again replaces the handlers it installed before
    (not anybody else's), so tests and restarts do not duplicate lines.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() in (_FILE_HANDLER_NAME, _STDERR_HANDLER_NAME):
            root.removeHandler(handler)
            handler.close()

    file_handler = RotatingFileHandler(
        paths.log_file,
        maxBytes=LOG_FILE_MAX_BYTES,
        backupCount=LOG_FILE_BACKUPS,
        encoding="utf-8",
    )
    file_handler.set_name(_FILE_HANDLER_NAME)
    file_handler.setLevel(logging.DEBUG if verbose else logging.INFO)
    file_handler.setFormatter(logging.Formatter(_FORMAT))

    stderr_handler = logging.StreamHandler(sys.stderr)
    stderr_handler.set_name(_STDERR_HANDLER_NAME)
    stderr_handler.setLevel(logging.DEBUG if verbose else logging.WARNING)
    stderr_handler.setFormatter(logging.Formatter("sitbreak: %(levelname)s: %(message)s"))

    root.addHandler(file_handler)
    root.addHandler(stderr_handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for chatty in _CHATTY_LIBRARIES:
        # APScheduler logs every job run at INFO: two lines a minute, forever.
        logging.getLogger(chatty).setLevel(logging.DEBUG if verbose else logging.WARNING)
