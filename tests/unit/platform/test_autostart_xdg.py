"""Start at login on Linux: the real desktop entry in a temporary XDG config folder."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.platform.autostart_base import AutostartError
from app.platform.autostart_factory import launch_command, open_autostart
from app.platform.autostart_null import NullAutostart
from app.platform.autostart_xdg import DESKTOP_FILE_NAME, XdgAutostart, exec_value
from app.platform.base import Environment
from tests.helpers.require import require_binaries


@pytest.fixture
def config_home(tmp_path: Path) -> Path:
    return tmp_path / "config"


@pytest.fixture
def system_dir(tmp_path: Path) -> Path:
    return tmp_path / "xdg"


def _autostart(config_home: Path, system_dir: Path, command: tuple[str, ...]) -> XdgAutostart:
    return XdgAutostart.from_environ(
        {
            "HOME": str(config_home.parent),
            "XDG_CONFIG_HOME": str(config_home),
            "XDG_CONFIG_DIRS": str(system_dir),
        },
        command,
    )


def _entry_keys(path: Path) -> dict[str, str]:
    return dict(
        line.split("=", 1)
        for line in path.read_text(encoding="utf-8").splitlines()
        if "=" in line and not line.startswith("#")
    )


def _run_exec(value: str) -> subprocess.CompletedProcess[str]:
    """Run an Exec value as a launcher would: undo the string escapes, then split the
    quoting (the Exec rules are POSIX shell double quotes, which ``sh`` applies)."""
    unescaped = value.replace("\\\\", "\0").replace("\\t", "\t").replace("\0", "\\")
    return subprocess.run(
        ["sh", "-c", unescaped.replace("%%", "%")],
        capture_output=True,
        text=True,
        check=True,
        timeout=10,
    )


def test_enabling_writes_a_valid_entry_that_starts_this_install(
    tmp_path: Path, config_home: Path, system_dir: Path
) -> None:
    require_binaries("desktop-file-validate")
    # A "sitbreak" script next to the interpreter, in a folder whose name needs quoting.
    bin_dir = tmp_path / "my venv $HOME" / "bin"
    bin_dir.mkdir(parents=True)
    script = bin_dir / "sitbreak"
    script.write_text('#!/bin/sh\nprintf "%s\\n" "$0" "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    basedir = tmp_path / 'data 100% "mine"'
    command = launch_command(
        executable=str(bin_dir / "python3"),
        frozen=False,
        extra_args=("--basedir", str(basedir)),
    )
    autostart = _autostart(config_home, system_dir, command)
    entry = config_home / "autostart" / DESKTOP_FILE_NAME
    assert not autostart.is_enabled()

    autostart.set_enabled(True)

    assert autostart.is_enabled()
    assert autostart.location == str(entry)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o644
    validation = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True, timeout=10
    )
    assert validation.returncode == 0, validation.stdout + validation.stderr
    assert validation.stdout.strip() == ""  # not even a hint
    ran = _run_exec(_entry_keys(entry)["Exec"])
    assert ran.stdout.splitlines() == [str(script), "--basedir", str(basedir)]

    autostart.set_enabled(False)

    assert not entry.exists()
    assert not autostart.is_enabled()


def test_the_state_is_read_from_disk_every_time(config_home: Path, system_dir: Path) -> None:
    autostart = _autostart(config_home, system_dir, ("sitbreak",))
    autostart.set_enabled(True)
    entry = config_home / "autostart" / DESKTOP_FILE_NAME

    entry.unlink()  # the user deleted it in a file manager
    assert not autostart.is_enabled()

    entry.write_text("[Desktop Entry]\nType=Application\nName=S\nExec=sitbreak\n", "utf-8")
    assert autostart.is_enabled()

    entry.write_text(entry.read_text("utf-8") + "Hidden=true\n", "utf-8")
    assert not autostart.is_enabled()  # the spec: Hidden=true means deleted


def test_without_a_sitbreak_script_python_m_app_starts_this_install(tmp_path: Path) -> None:
    python = str(tmp_path / "python3")
    assert launch_command(executable=python, frozen=False) == (python, "-m", "app")
    assert launch_command(executable="/opt/Sitbreak/sitbreak", frozen=True) == (
        "/opt/Sitbreak/sitbreak",
    )


def test_a_file_the_user_wrote_keeps_its_command(config_home: Path, system_dir: Path) -> None:
    entry = config_home / "autostart" / DESKTOP_FILE_NAME
    entry.parent.mkdir(parents=True)
    mine = "[Desktop Entry]\nType=Application\nName=My Sitbreak\nExec=nice -n 10 sitbreak\n"
    entry.write_text(mine + "Hidden=true\n\n[Desktop Action x]\nName=X\n", "utf-8")
    entry.chmod(0o600)
    autostart = _autostart(config_home, system_dir, ("/somewhere/else/sitbreak",))
    assert not autostart.is_enabled()

    autostart.set_enabled(True)

    assert autostart.is_enabled()
    assert entry.read_text("utf-8") == mine + "\n[Desktop Action x]\nName=X\n"
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600

    autostart.set_enabled(False)

    assert not autostart.is_enabled()
    assert entry.read_text("utf-8") == mine + "Hidden=true\n\n[Desktop Action x]\nName=X\n"


def test_a_file_that_is_no_desktop_entry_is_left_alone(config_home: Path, system_dir: Path) -> None:
    entry = config_home / "autostart" / DESKTOP_FILE_NAME
    entry.parent.mkdir(parents=True)
    entry.write_text("my notes, not an entry\n", "utf-8")
    autostart = _autostart(config_home, system_dir, ("sitbreak",))

    with pytest.raises(AutostartError, match=str(entry)):
        autostart.set_enabled(True)
    assert entry.read_text("utf-8") == "my notes, not an entry\n"
    assert not autostart.is_enabled()


def test_turning_off_hides_a_system_wide_entry(config_home: Path, system_dir: Path) -> None:
    system_entry = system_dir / "autostart" / DESKTOP_FILE_NAME
    system_entry.parent.mkdir(parents=True)
    system_entry.write_text("[Desktop Entry]\nType=Application\nName=S\nExec=sitbreak\n", "utf-8")
    autostart = _autostart(config_home, system_dir, ("sitbreak",))
    assert autostart.is_enabled()  # the package's entry starts it

    autostart.set_enabled(False)

    assert not autostart.is_enabled()
    assert system_entry.exists()
    assert _entry_keys(config_home / "autostart" / DESKTOP_FILE_NAME)["Hidden"] == "true"

    autostart.set_enabled(True)
    assert autostart.is_enabled()


def test_exec_quotes_only_what_needs_it() -> None:
    assert exec_value(["/usr/bin/sitbreak", "--basedir", "/tmp/a"]) == (
        "/usr/bin/sitbreak --basedir /tmp/a"
    )
    assert exec_value(["/a b/sitbreak"]) == '"/a b/sitbreak"'
    with pytest.raises(AutostartError, match="line break"):
        exec_value(["/a\nb"])


def test_other_systems_get_a_switch_that_stays_off() -> None:
    env = Environment.from_os({}, "win32", exists=lambda _path: False)
    autostart = open_autostart(env, {}, ("sitbreak",))
    assert isinstance(autostart, NullAutostart)
    assert not autostart.is_enabled()
    autostart.set_enabled(False)
    with pytest.raises(AutostartError, match="not available"):
        autostart.set_enabled(True)


def test_linux_gets_the_xdg_entry(config_home: Path) -> None:
    env = Environment.from_os({}, "linux", exists=lambda _path: False)
    environ = {**os.environ, "XDG_CONFIG_HOME": str(config_home)}
    autostart = open_autostart(env, environ, (sys.executable, "-m", "app"))
    assert autostart.location == str(config_home / "autostart" / DESKTOP_FILE_NAME)
