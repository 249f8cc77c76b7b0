"""The in-app toast: what it says, what its buttons do, where it appears, and that it never
takes keyboard focus from the window the user is typing into (checked under a real X
server and window manager)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.platform.notify_base import PromptNotice
from app.ui.toast import SCREEN_GAP, Toast, toast_position
from app.ui.toast_notifier import ToastNotifier
from tests.helpers.desktop import (
    Desktop,
    DesktopOptions,
    ManagedProcess,
    TrayHost,
    desktop_session,
    holds_for,
    wait_until,
)
from tests.helpers.require import require_binaries

REPO_ROOT = Path(__file__).resolve().parents[2]
NOTICE = PromptNotice("Time to stand up", "Glute bridge, 10 reps", snooze_minutes=10)
ANSWERS = ("clicked", "snooze_requested", "dismissed")


@pytest.fixture
def toast(qtbot: QtBot) -> Toast:
    widget = Toast()
    qtbot.addWidget(widget)
    return widget


def test_the_toast_names_the_movement_and_the_snooze_length(toast: Toast) -> None:
    toast.show_prompt(NOTICE)

    assert toast.isVisible()
    assert toast.title_label.text() == "Time to stand up"
    assert toast.body_label.text() == "Glute bridge, 10 reps"
    assert toast.snooze_button.text() == "Snooze 10 min"
    assert toast.show_button.text() == "Show the stretch"


def test_a_coach_notice_shows_its_own_action_and_no_snooze(toast: Toast) -> None:
    toast.show_prompt(NOTICE)
    toast.show_prompt(
        PromptNotice("Strength day", "Squats, lunges", snooze_minutes=None, open_label="Start")
    )

    assert toast.show_button.text() == "Start"
    assert toast.snooze_button.isHidden()
    toast.show_prompt(NOTICE)
    assert not toast.snooze_button.isHidden()
    assert toast.show_button.text() == "Show the stretch"


@pytest.mark.parametrize(
    ("button", "answer"),
    [
        ("show_button", "clicked"),
        ("snooze_button", "snooze_requested"),
        ("close_button", "dismissed"),
    ],
)
def test_each_button_gives_its_answer_once_and_hides_the_toast(
    qtbot: QtBot, toast: Toast, button: str, answer: str
) -> None:
    toast.show_prompt(NOTICE)
    others = [getattr(toast, name) for name in ANSWERS if name != answer]

    with (
        qtbot.waitSignal(getattr(toast, answer), timeout=1000),
        qtbot.assertNotEmitted(others[0]),
        qtbot.assertNotEmitted(others[1]),
    ):
        QTest.mouseClick(getattr(toast, button), Qt.MouseButton.LeftButton)

    assert not toast.isVisible()
    with qtbot.assertNotEmitted(getattr(toast, answer)):
        getattr(toast, button).click()  # a hidden toast has nothing left to answer


def test_a_click_on_the_text_opens_the_stretch_like_a_notification_bubble(
    qtbot: QtBot, toast: Toast
) -> None:
    toast.show_prompt(NOTICE)

    with qtbot.waitSignal(toast.clicked, timeout=1000):
        QTest.mouseClick(toast.body_label, Qt.MouseButton.LeftButton)

    assert not toast.isVisible()


def test_close_prompt_hides_the_toast_without_an_answer(qtbot: QtBot, toast: Toast) -> None:
    toast.show_prompt(NOTICE)

    with (
        qtbot.assertNotEmitted(toast.clicked),
        qtbot.assertNotEmitted(toast.snooze_requested),
        qtbot.assertNotEmitted(toast.dismissed),
    ):
        toast.close_prompt()

    assert not toast.isVisible()


def test_a_re_reminder_updates_the_toast_in_place(toast: Toast) -> None:
    toast.show_prompt(NOTICE)
    where = toast.pos()

    reminder = PromptNotice(
        "Still sitting", "Calf raises, 15 reps", snooze_minutes=5, replaces_previous=True
    )
    toast.show_prompt(reminder)

    assert toast.isVisible()
    assert (toast.title_label.text(), toast.body_label.text()) == (
        "Still sitting",
        "Calf raises, 15 reps",
    )
    assert toast.snooze_button.text() == "Snooze 5 min"
    assert toast.pos() == where


def test_a_long_text_wraps_rather_than_being_cut(toast: Toast) -> None:
    long_body = "Hip hinge with a dowel along the spine, 8 slow reps, keeping three points of " * 3

    toast.show_prompt(PromptNotice("Time to stand up", long_body, snooze_minutes=10))

    label = toast.body_label
    assert label.height() >= label.heightForWidth(label.width())
    assert toast.geometry().contains(label.geometry().translated(toast.pos()))


def test_without_a_tray_position_it_sits_in_the_bottom_right_corner(toast: Toast) -> None:
    toast.show_prompt(NOTICE)

    available = QGuiApplication.primaryScreen().availableGeometry()
    card = toast.geometry().adjusted(10, 10, -10, -10) if toast.translucent else toast.geometry()
    assert available.contains(toast.geometry())
    assert available.right() - card.right() == SCREEN_GAP
    assert available.bottom() - card.bottom() == SCREEN_GAP


AVAILABLE = QRect(0, 32, 1280, 768)  # a 32-pixel panel on top
SIZE = QSize(300, 120)


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        pytest.param(None, QPoint(1280 - 12 - 300, 800 - 12 - 120), id="no anchor: bottom right"),
        pytest.param(QRect(1200, 4, 24, 24), QPoint(1224 - 300, 32 + 12), id="top panel: below"),
        pytest.param(
            QRect(1000, 770, 24, 24), QPoint(1024 - 300, 770 - 12 - 120), id="bottom: above"
        ),
        pytest.param(QRect(2, 4, 24, 24), QPoint(12, 44), id="top-left icon: kept on screen"),
        pytest.param(QRect(), QPoint(968, 668), id="invalid anchor (D-Bus tray): corner"),
    ],
)
def test_the_toast_goes_beside_the_tray_icon_and_stays_on_screen(
    anchor: QRect | None, expected: QPoint
) -> None:
    assert toast_position(SIZE, AVAILABLE, anchor) == expected


def test_a_dark_theme_gives_a_dark_card_with_light_text(qtbot: QtBot, toast: Toast) -> None:
    dark = QPalette(toast.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#262626"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#ececec"))
    toast.setPalette(dark)
    toast.show_prompt(NOTICE)

    image = toast.grab().toImage()
    title = toast.title_label.geometry()
    card_pixel = image.pixelColor(title.left() - 4, title.center().y())
    text_pixels = [
        image.pixelColor(x, y)
        for x in range(title.left(), title.left() + 120)
        for y in range(title.top(), title.bottom())
    ]
    assert card_pixel.lightnessF() < 0.25
    assert max(pixel.lightnessF() for pixel in text_pixels) > 0.75


def test_the_toast_notifier_shows_the_toast_and_relays_its_answers(
    qtbot: QtBot, toast: Toast
) -> None:
    tray_icon_area = QRect(700, 0, 24, 24)
    notifier = ToastNotifier(lambda: toast, anchor=lambda: tray_icon_area)
    assert (notifier.name, notifier.clickable) == ("toast", True)

    notifier.show(NOTICE)
    assert toast.isVisible()
    assert toast.geometry().top() > tray_icon_area.bottom()  # below a top-panel icon
    with qtbot.waitSignal(notifier.snooze_requested, timeout=1000):
        QTest.mouseClick(toast.snooze_button, Qt.MouseButton.LeftButton)

    notifier.show(NOTICE)
    notifier.close()
    assert not toast.isVisible()


def test_the_toast_notifier_builds_its_window_for_the_first_prompt_only(
    qtbot: QtBot, toast: Toast
) -> None:
    """Most prompts go to a system notification: the toast waits unbuilt until needed."""
    built: list[Toast] = []

    def build() -> Toast:
        built.append(toast)
        return toast

    notifier = ToastNotifier(build)
    notifier.close()  # a prompt answered elsewhere: nothing on screen, nothing built
    assert built == []

    notifier.show(NOTICE)
    notifier.show(NOTICE)
    assert built == [toast]
    with qtbot.waitSignal(notifier.clicked, timeout=1000):
        QTest.mouseClick(toast.show_button, Qt.MouseButton.LeftButton)


# ------------------------------------------------------------------ focus, for real
PROBE = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

def say(**event):
    print(json.dumps(event), flush=True)

app = QApplication(sys.argv[:1])
if sys.argv[1] == "editor":
    editor = QLineEdit()
    editor.setWindowTitle("Focus probe editor")
    editor.resize(420, 60)
    editor.textChanged.connect(lambda text: say(event="text", text=text))
    editor.show()
    editor.activateWindow()
    say(event="window", id=int(editor.winId()))
else:
    from app.platform.notify_base import PromptNotice
    from app.ui.toast import Toast

    toast = Toast()
    for name in ("clicked", "snooze_requested", "dismissed"):
        getattr(toast, name).connect(lambda name=name: say(event=name))
    toast.show_prompt(PromptNotice("Time to stand up", "Glute bridge, 10 reps", 10))

    def report_when_exposed():
        handle = toast.windowHandle()
        if handle is None or not handle.isExposed():
            QTimer.singleShot(20, report_when_exposed)
            return
        button = toast.show_button
        centre = button.mapToGlobal(button.rect().center())
        say(event="shown", id=int(toast.winId()), button=[centre.x(), centre.y()])

    report_when_exposed()
app.exec()
"""


class Probe:
    """A Qt program in the test desktop that reports what happens to it as JSON lines."""

    def __init__(self, process: ManagedProcess) -> None:
        self.process = process

    def events(self) -> list[dict[str, object]]:
        lines = self.process.stdout_text().splitlines()
        return [json.loads(line) for line in lines if line.startswith("{")]

    def wait_for(self, event: str) -> dict[str, object]:
        def seen() -> dict[str, object] | None:
            self.process.ensure_running()
            return next((e for e in self.events() if e["event"] == event), None)

        return wait_until(seen, timeout=10, what=f"{self.process.name} to report {event!r}")


def _point(value: object) -> tuple[int, int]:
    assert isinstance(value, list)
    x, y = value
    return int(x), int(y)


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Desktop]:
    require_binaries("Xvfb", "dbus-daemon", "openbox", "xdotool", "xwininfo", "xprop")
    options = DesktopOptions(tray=TrayHost.NONE, notification_server=False)
    with desktop_session(tmp_path / "desktop", options) as session:
        yield session


def _start_probe(desktop: Desktop, tmp_path: Path, role: str) -> Probe:
    script = tmp_path / "focus_probe.py"
    script.write_text(PROBE, encoding="utf-8")
    env = {**desktop.env, "PYTHONPATH": str(REPO_ROOT), "QT_QPA_PLATFORM": "xcb"}
    process = ManagedProcess(
        f"probe-{role}", [sys.executable, str(script), role], env=env, log_dir=desktop.log_dir
    )
    return Probe(process)


def test_the_toast_never_takes_focus_from_the_window_the_user_types_in(
    desktop: Desktop, tmp_path: Path
) -> None:
    display = desktop.display
    editor = _start_probe(desktop, tmp_path, "editor")
    toast: Probe | None = None
    try:
        editor_window = str(editor.wait_for("window")["id"])
        wait_until(
            lambda: display.xdotool("getactivewindow").strip() == editor_window,
            timeout=10,
            what="the editor to become the active window",
        )

        toast = _start_probe(desktop, tmp_path, "toast")
        shown = toast.wait_for("shown")
        assert display.is_viewable(int(str(shown["id"])))
        holds_for(
            lambda: display.xdotool("getactivewindow").strip() == editor_window,
            duration=1.0,
            what="the editor staying the active window while the toast is up",
        )

        display.xdotool("type", "--delay", "30", "stretch")
        wait_until(
            lambda: any(e == {"event": "text", "text": "stretch"} for e in editor.events()),
            timeout=10,
            what="the keystrokes to reach the editor",
        )

        x, y = _point(shown["button"])
        display.xdotool("mousemove", str(x), str(y), "click", "1")
        toast.wait_for("clicked")
        assert display.xdotool("getactivewindow").strip() == editor_window
    finally:
        if toast is not None:
            toast.process.stop()
        editor.process.stop()
