"""The files that make Sitbreak a desktop app: launcher, login entry, AppStream data, icons.

The freedesktop validators run on the real files (a missing validator skips here and fails
in CI, see tests/helpers/require.py). The other tests check what a user would notice: the
launcher starts the installed command and finds the icon, the menu shows a sharp, drawn
icon at every size, and the versions the installers announce are the app's version.
"""

from __future__ import annotations

import configparser
import importlib.util
import plistlib
import re
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from app import APP_ID, APP_NAME, __version__
from tests.helpers.require import require_binaries

REPO_ROOT = Path(__file__).resolve().parents[2]
LINUX_DIR = REPO_ROOT / "packaging" / "linux"
DESKTOP_FILE = LINUX_DIR / f"{APP_ID}.desktop"
AUTOSTART_FILE = LINUX_DIR / f"{APP_ID}.autostart.desktop"
METAINFO_FILE = LINUX_DIR / f"{APP_ID}.metainfo.xml"
FLATPAK_MANIFEST = LINUX_DIR / f"{APP_ID}.yml"
ICONS_DIR = REPO_ROOT / "resources" / "icons"
ICON_SVG = ICONS_DIR / f"{APP_ID}.svg"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
VALIDATOR_TIMEOUT_S = 60


def load_make_icons() -> ModuleType:
    """packaging/make_icons.py, a script rather than a package module."""
    spec = importlib.util.spec_from_file_location(
        "make_icons", REPO_ROOT / "packaging" / "make_icons.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, comment_prefixes=("#",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def console_script() -> str:
    """The command ``pip install`` puts on PATH for the app."""
    with (REPO_ROOT / "pyproject.toml").open("rb") as file:
        scripts: dict[str, str] = tomllib.load(file)["project"]["scripts"]
    [name] = [name for name, target in scripts.items() if target == "app.cli:main"]
    return name


# ----------------------------------------------------------------- validators
@pytest.mark.parametrize("path", [DESKTOP_FILE, AUTOSTART_FILE], ids=lambda p: p.name)
def test_desktop_entries_pass_desktop_file_validate(path: Path) -> None:
    require_binaries("desktop-file-validate")
    result = subprocess.run(
        ["desktop-file-validate", str(path)],
        capture_output=True,
        text=True,
        timeout=VALIDATOR_TIMEOUT_S,
        check=False,
    )
    # It prints hints as well as errors; any output at all is something to fix.
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_metainfo_passes_appstreamcli_validate_without_errors_or_warnings() -> None:
    require_binaries("appstreamcli")
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic", str(METAINFO_FILE)],
        capture_output=True,
        text=True,
        timeout=VALIDATOR_TIMEOUT_S,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    issues = [line for line in output.splitlines() if re.match(r"[EWIP]: ", line)]
    # Allowed, and why: Flathub wants the id's capital letter (it is the app id of the
    # desktop file, D-Bus and Flatpak); <developer> is the AppStream 1.0 tag that older
    # appstreamcli (Debian 12 ships 0.16) does not know yet, and its replacement
    # <developer_name> is deprecated by newer ones.
    allowed = (" cid-contains-uppercase-letter ", " unknown-tag developer")
    unexpected = [line for line in issues if not any(tag in line for tag in allowed)]
    assert unexpected == [], output


# ----------------------------------------------------------------- what they say
def test_launcher_starts_the_installed_command_with_the_app_icon() -> None:
    entry = desktop_entry(DESKTOP_FILE)
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Exec"].split()[0] == console_script()
    assert entry["Icon"] == APP_ID
    # Qt on X11 sets WM_CLASS to (program name, application name): the application name is
    # what docks match to group the windows under this launcher (checked with xprop).
    assert entry["StartupWMClass"] == APP_NAME
    assert entry["Terminal"] == "false"


def test_autostart_template_starts_sitbreak_at_login_without_a_menu_entry() -> None:
    entry = desktop_entry(AUTOSTART_FILE)
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    assert entry["Exec"] == "@EXEC@", "the installer fills in the command"
    assert entry["Icon"] == APP_ID
    assert entry["NoDisplay"] == "true", "the menu entry is the launcher's job"


def test_metainfo_names_the_app_its_launcher_command_and_version() -> None:
    root = ET.parse(METAINFO_FILE).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE.name
    assert root.findtext("provides/binary") == console_script()
    assert root.find("releases/release") is not None
    assert root.find("releases/release").get("version") == __version__  # type: ignore[union-attr]


def test_installers_announce_the_app_version_and_id() -> None:
    with (REPO_ROOT / "packaging" / "macos" / "Info.plist").open("rb") as file:
        info = plistlib.load(file)
    assert info["CFBundleIdentifier"] == APP_ID
    assert info["CFBundleShortVersionString"] == __version__
    assert info["LSUIElement"] is True, "no Dock icon: Sitbreak lives in the menu bar"
    assert info["NSHighResolutionCapable"] is True
    inno = (REPO_ROOT / "packaging" / "windows" / "sitbreak.iss").read_text(encoding="utf-8")
    assert f'#define AppVersion "{__version__}"' in inno
    assert re.search(r"(?m)^app-id: (\S+)$", FLATPAK_MANIFEST.read_text(encoding="utf-8"))
    assert f"app-id: {APP_ID}\n" in FLATPAK_MANIFEST.read_text(encoding="utf-8")


def test_flatpak_sandbox_asks_only_for_the_bus_names_sitbreak_talks_to() -> None:
    manifest = FLATPAK_MANIFEST.read_text(encoding="utf-8")
    bus_args = set(re.findall(r"(?m)^  - (--(?:system-)?(?:talk|own)-name=\S+)$", manifest))
    assert bus_args == {
        "--talk-name=org.freedesktop.Notifications",  # the prompts
        "--talk-name=org.gnome.Mutter.IdleMonitor",  # idle on GNOME Wayland
        "--talk-name=org.freedesktop.ScreenSaver",  # lock (KDE, Xfce)
        "--talk-name=org.gnome.ScreenSaver",  # lock (GNOME)
        "--talk-name=org.kde.StatusNotifierWatcher",  # the tray icon
        "--own-name=org.kde.StatusNotifierItem-2-1",  # the tray icon (Qt's name in a sandbox)
        "--system-talk-name=org.freedesktop.login1",  # suspend and session lock
    }
    assert "--socket=session-bus" not in manifest
    assert "--filesystem=home" not in manifest


# ----------------------------------------------------------------- icons
def test_pyproject_ships_the_icons_inside_the_package() -> None:
    with (REPO_ROOT / "pyproject.toml").open("rb") as file:
        package_data = tomllib.load(file)["tool"]["setuptools"]["package-data"]
    assert "icons/*" in package_data["app.resources_data"]


def test_svg_icon_is_a_square_picture_qt_can_draw(qapp: object) -> None:
    renderer = QSvgRenderer(str(ICON_SVG))
    assert renderer.isValid()
    assert renderer.defaultSize() == QSize(128, 128)


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icon_has_its_size_and_shows_the_drawn_icon(qapp: object, size: int) -> None:
    image = QImage(str(ICONS_DIR / f"{APP_ID}-{size}.png"))
    assert not image.isNull(), f"the {size} px icon is missing or unreadable"
    assert (image.width(), image.height()) == (size, size)
    pixels = [image.pixelColor(x, y) for y in range(size) for x in range(size)]
    opaque = [color for color in pixels if color.alpha() > 200]
    assert len(opaque) > 0.6 * len(pixels), "the round icon should fill most of its square"
    assert image.pixelColor(0, 0).alpha() == 0, "the corners outside the ring stay clear"
    # Not a flat blob: the green arc, the grey track and the dark disc are all there.
    hues = {(c.red() // 64, c.green() // 64, c.blue() // 64) for c in opaque}
    assert len(hues) >= 4


def test_png_icons_are_up_to_date_with_the_svg(qapp: object, tmp_path: Path) -> None:
    """Rendering the SVG again gives the committed PNGs: run make_icons.py after an edit."""
    rendered = load_make_icons().render_pngs(ICON_SVG, tmp_path, PNG_SIZES)
    for path in rendered:
        fresh = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
        committed = QImage(str(ICONS_DIR / path.name)).convertToFormat(QImage.Format.Format_ARGB32)
        assert committed.size() == fresh.size(), path.name
        width, height = fresh.width(), fresh.height()
        differing = sum(
            1
            for y in range(height)
            for x in range(width)
            if _channel_distance(fresh, committed, x, y) > 32
        )
        # A few edge pixels may differ between Qt versions' anti-aliasing; a changed
        # drawing differs in far more.
        assert differing <= 0.01 * width * height, f"{path.name}: run packaging/make_icons.py"


def _channel_distance(a: QImage, b: QImage, x: int, y: int) -> int:
    ca, cb = a.pixelColor(x, y), b.pixelColor(x, y)
    return max(
        abs(ca.red() - cb.red()),
        abs(ca.green() - cb.green()),
        abs(ca.blue() - cb.blue()),
        abs(ca.alpha() - cb.alpha()),
    )
