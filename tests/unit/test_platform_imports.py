"""Every platform module imports on Linux, and none pulls in a Windows- or macOS-only module.

Each module is imported in a fresh interpreter, which then lists what ``sys.modules`` holds:
an import inside a function (where the Windows and macOS backends keep theirs) does not
show, one at module level does.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLATFORM_MODULES = sorted(
    f"app.platform.{path.stem}"
    for path in (ROOT / "app" / "platform").glob("*.py")
    if path.stem != "__init__"
)

FOREIGN_MODULES = frozenset(
    {
        # Windows
        "winreg",
        "_winapi",
        "msvcrt",
        "ctypes.wintypes",
        "win32api",
        "win32con",
        "win32gui",
        "pywintypes",
        # macOS (pyobjc)
        "objc",
        "AppKit",
        "Foundation",
        "Quartz",
        "CoreFoundation",
    }
)

_PROBE = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
print(json.dumps(sorted(sys.modules)))
"""


def _foreign_modules_after_importing(module: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, module],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"importing {module} failed on Linux:\n{done.stderr}"
    loaded = json.loads(done.stdout)
    return sorted(FOREIGN_MODULES.intersection(loaded))


@pytest.mark.parametrize("module", PLATFORM_MODULES)
def test_a_platform_module_imports_on_linux_without_foreign_modules(module: str) -> None:
    assert _foreign_modules_after_importing(module) == []


def test_every_backend_is_checked() -> None:
    """A changed folder layout must not leave the check above with nothing to check."""
    expected = {"app.platform.idle_x11", "app.platform.idle_macos", "app.platform.autostart_macos"}
    assert expected <= set(PLATFORM_MODULES)


def test_the_probe_sees_a_foreign_module_imported_at_module_level() -> None:
    """The check can fail: ``ctypes.wintypes`` imports on Linux and is then seen."""
    assert _foreign_modules_after_importing("ctypes.wintypes") == ["ctypes.wintypes"]
