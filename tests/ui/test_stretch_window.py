"""The stretch window: the timer through sets and sides, the answers, the picture, the screen.

Time is a fake clock the tests move; :meth:`StretchController.tick` is what the window's own
timer calls when the shown second changes. One test lets the real timer run on the real
clock to prove that wiring.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QCursor, QGuiApplication, QPalette

from app.core.clock import SystemClock
from app.core.exercise import Category, Dose, Equipment, Exercise, Muscle, Position
from app.ui.stretch_controller import (
    Routine,
    RoutineTiming,
    Stage,
    StretchController,
    StretchResponse,
)
from app.ui.stretch_window import CARD_BACKGROUND, StretchWindow, blend
from tests.helpers.fake_clock import FakeClock

START = datetime(2025, 6, 13, 11, 0, tzinfo=timezone(timedelta(hours=2)))
TIMING = RoutineTiming(get_ready_s=2, side_switch_s=1, set_rest_s=3, rep_s=2)
INK = QColor("#1b5e20")
SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <circle cx="50" cy="25" r="12" fill="{INK.name()}"/>
  <path d="M50 37 L50 70 M50 70 L35 95 M50 70 L65 95 M50 45 L75 60"
        stroke="{INK.name()}" stroke-width="6" fill="none"/>
</svg>
"""


def make_exercise(
    dose: Dose,
    *,
    name: str = "Standing hamstring stretch",
    illustration: Path | None = None,
    steps: tuple[str, ...] = ("Rest one heel on a chair.", "Hinge forward from the hips."),
    cautions: tuple[str, ...] = ("Stop if it tingles.",),
) -> Exercise:
    return Exercise(
        id=name.lower().replace(" ", "-"),
        name=name,
        summary="",
        category=Category.STRETCH,
        muscles=(Muscle.HAMSTRINGS, Muscle.CALVES),
        position=Position.STANDING,
        equipment=(Equipment.CHAIR,),
        dose=dose,
        steps=steps,
        cautions=cautions,
        illustration=illustration,
    )


@pytest.fixture
def clock():
    return FakeClock(START)


@pytest.fixture
def window(qtbot):
    widget = StretchWindow()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def controller(window, clock):
    made = StretchController(window, clock, timing=TIMING)
    yield made
    made.withdraw()


@pytest.fixture
def picture(tmp_path):
    path = tmp_path / "figure.svg"
    path.write_text(SVG, encoding="utf-8")
    return path


def advance(clock: FakeClock, controller: StretchController, seconds: float) -> None:
    clock.advance(seconds)
    controller.tick()


def shown(window: StretchWindow) -> tuple[str, str, str]:
    """What the timer says: side (empty when hidden), big figure, caption."""
    panel = window.timer_panel
    side = panel.side_label.text() if not panel.side_label.isHidden() else ""
    return side, panel.clock_label.text(), panel.caption_label.text()


# --------------------------------------------------------------------------- timer
def test_a_hold_counts_down_and_switches_sides_at_zero(qtbot, window, clock, controller):
    controller.present(make_exercise(Dose(hold_s=3, per_side=True)), snooze_min=10)
    assert shown(window) == ("Left side", "0:02", "Get into position")
    advance(clock, controller, 2)
    assert shown(window) == ("Left side", "0:03", "Hold")
    advance(clock, controller, 1)
    assert shown(window) == ("Left side", "0:02", "Hold")
    advance(clock, controller, 1.5)
    assert shown(window) == ("Left side", "0:01", "Hold")
    assert not window.timer_panel.switching
    with qtbot.waitSignal(controller.side_switched, timeout=1000) as switched:
        advance(clock, controller, 0.5)
    assert switched.args == ["right"]
    assert shown(window) == ("Right side", "0:01", "Switch sides")
    assert window.timer_panel.switching
    advance(clock, controller, 1)
    assert shown(window) == ("Right side", "0:03", "Hold")
    assert not window.timer_panel.switching


def test_sets_are_counted_with_a_rest_between_them(qtbot, window, clock, controller):
    controller.present(make_exercise(Dose(hold_s=2, sets=2)), snooze_min=10)
    detail = window.timer_panel.detail_label
    advance(clock, controller, 2)
    assert shown(window) == ("", "0:02", "Hold")
    assert detail.text() == "Set 1 of 2"
    with qtbot.assertNotEmitted(controller.side_switched):
        advance(clock, controller, 2)
    assert shown(window) == ("", "0:03", "Rest")
    assert detail.text() == "Next: Set 2 of 2"
    advance(clock, controller, 3)
    assert shown(window) == ("", "0:02", "Hold")
    assert detail.text() == "Set 2 of 2"


def test_two_sided_sets_alternate_sides_and_rest_only_between_sets(clock, controller):
    switches: list[str] = []
    controller.side_switched.connect(switches.append)
    controller.present(make_exercise(Dose(hold_s=2, sets=2, per_side=True)), snooze_min=10)
    pauses = []
    for _ in range(40):  # half-second steps through the whole routine
        advance(clock, controller, 0.5)
        position = controller.position
        assert position is not None
        if position.stage is Stage.CHANGE and position.stage_elapsed_ms == 0:
            detail = controller.window.timer_panel.detail_label.text()
            pauses.append((position.stage_length_ms, *shown(controller.window), detail))
    assert switches == ["right", "left", "right"]
    assert pauses == [
        (1000, "Right side", "0:01", "Switch sides", "Set 1 of 2"),
        (3000, "Left side", "0:03", "Rest", "Next: Set 2 of 2"),
        (1000, "Right side", "0:01", "Switch sides", "Set 2 of 2"),
    ]


def test_the_end_says_well_done_once(qtbot, window, clock, controller):
    finished: list[bool] = []
    controller.finished.connect(lambda: finished.append(True))
    controller.present(make_exercise(Dose(hold_s=2, per_side=True)), snooze_min=10)
    advance(clock, controller, 2 + 2 + 1 + 2)
    assert window.timer_panel.clock_label.text() == "Well done"
    assert window.timer_panel.progress_bar.value() == window.timer_panel.progress_bar.maximum()
    advance(clock, controller, 30)
    assert finished == [True]
    assert window.isVisible()  # finishing is not an answer: the user still says Done


def test_reps_count_up_against_a_suggested_pace(window, clock, controller):
    controller.present(make_exercise(Dose(reps=5, sets=2)), snooze_min=10)
    advance(clock, controller, 2 + 3)
    side, figure, caption = shown(window)
    assert (side, figure) == ("", "0:03")
    assert caption == "5 reps · take your time, about 2 s each"
    bar = window.timer_panel.progress_bar
    assert bar.value() == pytest.approx(bar.maximum() * 3 / 10, abs=1)
    advance(clock, controller, 7)  # 5 reps at 2 s each: the set is done
    assert shown(window)[2] == "Rest"


def test_the_timer_runs_by_itself_on_the_real_clock(qtbot, window):
    controller = StretchController(
        window, SystemClock(), timing=RoutineTiming(get_ready_s=0, side_switch_s=0.5)
    )
    controller.present(make_exercise(Dose(hold_s=1, per_side=True)), snooze_min=10)
    assert shown(window)[:2] == ("Left side", "0:01")
    with qtbot.waitSignal(controller.side_switched, timeout=3000) as switched:
        pass
    assert switched.args == ["right"]
    qtbot.waitUntil(lambda: shown(window) == ("Right side", "0:01", "Hold"), timeout=3000)
    controller.withdraw()


@given(
    hold=st.sampled_from([None, 1, 2, 7, 30]),
    sets=st.integers(1, 3),
    per_side=st.booleans(),
    elapsed_ms=st.integers(0, 120_000),
)
def test_the_timer_wakes_exactly_when_the_shown_time_changes(hold, sets, per_side, elapsed_ms):
    dose = Dose(hold_s=hold, sets=sets, per_side=per_side) if hold else Dose(reps=3, sets=sets)
    routine = Routine(
        dose, RoutineTiming(get_ready_s=3, side_switch_s=2, set_rest_s=4.5, rep_s=2.5)
    )

    def visible(t: int) -> tuple[Stage, int, int]:
        position = routine.position_at(t)
        if position.stage is Stage.FINISHED:
            return position.stage, position.round_index, 0
        if routine.counts_up(position):
            return position.stage, position.round_index, position.stage_elapsed_ms // 1000
        return position.stage, position.round_index, -(-position.stage_remaining_ms // 1000)

    wait = routine.ms_to_next_change(elapsed_ms)
    if wait is None:
        assert visible(elapsed_ms)[0] is Stage.FINISHED
        return
    assert wait > 0
    assert visible(elapsed_ms + wait - 1) == visible(elapsed_ms)
    assert visible(elapsed_ms + wait) != visible(elapsed_ms)


# --------------------------------------------------------------------------- answers
@pytest.mark.parametrize(
    ("button_name", "response"),
    [
        ("done_button", StretchResponse.DONE),
        ("snooze_button", StretchResponse.SNOOZE),
        ("skip_button", StretchResponse.SKIP),
    ],
)
def test_each_answer_button_reports_and_closes(qtbot, window, controller, button_name, response):
    controller.present(make_exercise(Dose(reps=10)), snooze_min=10)
    qtbot.waitExposed(window)
    with qtbot.waitSignal(controller.responded, timeout=1000) as answer:
        qtbot.mouseClick(getattr(window, button_name), Qt.MouseButton.LeftButton)
    assert answer.args == [response.value]
    assert not window.isVisible()
    assert controller.position is None


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_means_done(qtbot, window, controller, key):
    controller.present(make_exercise(Dose(reps=10)), snooze_min=10)
    qtbot.waitExposed(window)
    window.skip_button.setFocus()  # Enter is Done wherever the focus is
    with qtbot.waitSignal(controller.responded, timeout=1000) as answer:
        qtbot.keyClick(window.skip_button, key)
    assert answer.args == ["done"]
    assert not window.isVisible()


def test_escape_closes_without_answering(qtbot, window, controller):
    controller.present(make_exercise(Dose(reps=10)), snooze_min=10)
    qtbot.waitExposed(window)
    with (
        qtbot.waitSignal(window.closed_without_answer, timeout=1000),
        qtbot.waitSignal(controller.responded, timeout=1000) as answer,
    ):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert answer.args == ["closed"]
    assert not window.isVisible()


def test_the_title_bar_close_button_is_no_answer_either(qtbot, window, controller):
    controller.present(make_exercise(Dose(reps=10)), snooze_min=10)
    qtbot.waitExposed(window)
    with qtbot.waitSignal(controller.responded, timeout=1000) as answer:
        window.close()
    assert answer.args == ["closed"]


def test_a_second_key_press_does_not_answer_twice(qtbot, window, controller):
    answers: list[str] = []
    controller.responded.connect(answers.append)
    controller.present(make_exercise(Dose(reps=10)), snooze_min=10)
    qtbot.waitExposed(window)
    qtbot.keyClick(window, Qt.Key.Key_Return)
    qtbot.keyClick(window, Qt.Key.Key_Return)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert answers == ["done"]


def test_another_one_asks_for_a_new_exercise_and_shows_it_with_a_fresh_timer(
    qtbot, window, clock, controller
):
    opened: list[bool] = []
    controller.opened.connect(lambda: opened.append(True))
    controller.present(make_exercise(Dose(hold_s=20, per_side=True)), snooze_min=10)
    qtbot.waitExposed(window)
    advance(clock, controller, 9)
    assert shown(window) == ("Left side", "0:13", "Hold")
    with qtbot.waitSignal(controller.responded, timeout=1000) as answer:
        qtbot.mouseClick(window.another_button, Qt.MouseButton.LeftButton)
    assert answer.args == ["another"]
    assert window.isVisible()  # waiting for the next suggestion

    controller.present(
        make_exercise(Dose(reps=8), name="Glute bridge", steps=("Lie on your back.",)),
        snooze_min=10,
    )
    assert window.name_label.text() == "Glute bridge"
    assert [label.text() for label in window.steps_list.item_labels] == ["Lie on your back."]
    assert shown(window) == ("", "0:02", "Get into position")
    advance(clock, controller, 2 + 4)
    assert shown(window)[1] == "0:04"
    assert opened == [True]  # one window, one opening


def test_withdraw_hides_without_an_answer(qtbot, window, controller):
    controller.present(make_exercise(Dose(reps=10)), snooze_min=10)
    qtbot.waitExposed(window)
    with qtbot.assertNotEmitted(controller.responded):
        controller.withdraw()
    assert not window.isVisible()


# --------------------------------------------------------------------------- content
def test_it_shows_the_exercise(qtbot, window, controller, picture):
    exercise = make_exercise(
        Dose(hold_s=30, sets=2, per_side=True),
        illustration=picture,
        cautions=("Stop if it tingles.", "Use a chair that cannot roll away."),
    )
    controller.present(exercise, snooze_min=7)
    assert window.windowTitle() == "Stretch: Standing hamstring stretch — Sitbreak"
    assert window.name_label.text() == "Standing hamstring stretch"
    assert window.muscles_label.text() == "Works: Hamstrings, Calves"
    assert window.dose_label.text() == "2 × 30 s each side"
    assert [label.text() for label in window.steps_list.marker_labels] == ["1.", "2."]
    assert [label.text() for label in window.steps_list.item_labels] == list(exercise.steps)
    assert window.cautions_title.text() == "Take care"
    assert [label.text() for label in window.cautions_list.item_labels] == list(exercise.cautions)
    assert window.snooze_button.text() == "Snooze 7 min"


def test_without_cautions_there_is_no_take_care_line(qtbot, window, controller):
    controller.present(make_exercise(Dose(reps=10), cautions=()), snooze_min=10)
    qtbot.waitExposed(window)
    assert not window.cautions_box.isVisible()


def test_text_from_exercise_files_is_shown_as_text_not_markup(window, controller):
    controller.present(
        make_exercise(Dose(reps=10), steps=("Squeeze <b>hard</b> & hold",)), snooze_min=10
    )
    label = window.steps_list.item_labels[0]
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "Squeeze <b>hard</b> & hold"


def test_the_illustration_is_drawn(qtbot, window, controller, picture):
    controller.present(make_exercise(Dose(reps=10), illustration=picture), snooze_min=10)
    qtbot.waitExposed(window)
    assert window.illustration.isVisible()
    image = window.illustration.grab().toImage()
    inked = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if _close(image.pixelColor(x, y), INK)
    )
    assert inked > 100
    centre = image.pixelColor(image.width() // 2, image.height() // 8)
    assert _close(centre, CARD_BACKGROUND)  # above the head: the card, not the window


@pytest.mark.parametrize(
    ("content", "problem"),
    [(None, "could not be read"), (b"<svg><rect", "not an SVG image")],
    ids=["missing", "broken"],
)
def test_a_bad_illustration_is_left_out_and_named_in_the_log(
    qtbot, window, controller, tmp_path, caplog, content, problem
):
    path = tmp_path / "figure.svg"
    if content is not None:
        path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="app.ui.stretch_window"):
        controller.present(make_exercise(Dose(reps=10), illustration=path), snooze_min=10)
    qtbot.waitExposed(window)
    assert not window.illustration.isVisible()
    assert window.name_label.text() == "Standing hamstring stretch"  # the rest still shows
    assert any(str(path) in r.getMessage() and problem in r.getMessage() for r in caplog.records)


def test_a_new_exercise_without_a_picture_does_not_keep_the_old_one(window, controller, picture):
    controller.present(make_exercise(Dose(reps=10), illustration=picture), snooze_min=10)
    assert window.illustration.has_picture
    controller.present(make_exercise(Dose(reps=10), illustration=None), snooze_min=10)
    assert not window.illustration.has_picture
    assert window.illustration.isHidden()


def _close(a: QColor, b: QColor, tolerance: int = 24) -> bool:
    pairs = ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue()))
    return all(abs(x - y) <= tolerance for x, y in pairs)


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        r, g, b_ = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    ("window_colour", "text_colour", "highlight"),
    [("#efefef", "#000000", "#308cc6"), ("#2b2b2b", "#e8e8e8", "#3d8ee0")],
    ids=["light", "dark"],
)
def test_quiet_and_accent_text_stay_readable_in_light_and_dark_themes(
    window, controller, window_colour, text_colour, highlight
):
    palette = QPalette(window.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor(window_colour))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text_colour))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(highlight))
    window.setPalette(palette)
    controller.present(make_exercise(Dose(hold_s=30, sets=2, per_side=True)), snooze_min=10)
    background = QColor(window_colour)
    panel_background = blend(background, QColor(highlight), 0.22)  # tinted while switching
    checks = [
        (window.muscles_label, background),
        (window.cautions_list.item_labels[0], background),
        (window.timer_panel.side_label, panel_background),
        (window.timer_panel.detail_label, panel_background),
    ]
    for label, behind in checks:
        colour = label.palette().color(QPalette.ColorRole.WindowText)
        assert _contrast(colour, behind) >= 4.5, label


def test_a_theme_switch_while_open_recolours_the_quiet_text(qtbot, qapp, window, controller):
    controller.present(make_exercise(Dose(reps=10)), snooze_min=10)
    light = qapp.palette()
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    try:
        qapp.setPalette(dark)

        def readable() -> bool:
            colour = window.muscles_label.palette().color(QPalette.ColorRole.WindowText)
            return _contrast(colour, QColor("#202020")) >= 4.5

        qtbot.waitUntil(readable, timeout=1000)  # the change reaches widgets through events
    finally:
        qapp.setPalette(light)


# --------------------------------------------------------------------------- placement
def test_it_opens_centred_on_the_screen_with_the_pointer(qtbot, window, controller):
    screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    with qtbot.waitSignal(controller.opened, timeout=1000):
        controller.present(make_exercise(Dose(hold_s=30, sets=2, per_side=True)), snooze_min=10)
    qtbot.waitExposed(window)
    assert window.screen() is screen
    assert area.contains(window.frameGeometry())
    assert (window.frameGeometry().center() - area.center()).manhattanLength() <= 2
    assert window.focusWidget() is window.done_button


def test_a_long_exercise_scrolls_and_the_answers_stay_in_reach(qtbot, window, controller):
    controller.present(make_exercise(Dose(reps=10)), snooze_min=10)
    qtbot.waitExposed(window)
    area = window.screen().availableGeometry()
    many_steps = tuple(f"Step {n}: a careful, slow movement that takes words." for n in range(60))
    controller.present(make_exercise(Dose(reps=10), steps=many_steps), snooze_min=10)
    assert area.contains(window.frameGeometry())
    scroll_bar = window.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: scroll_bar.maximum() > 0, timeout=1000)  # laid out on the loop
    done = window.done_button
    assert window.rect().contains(done.geometry())
    assert done.isVisible()


def test_no_bundled_exercise_scrolls_when_the_screen_has_room(qtbot, window, controller):
    """The window takes the height its content needs; it scrolls only on a small screen."""
    from app.library.loader import load_library
    from app.resources import exercises_dir, illustrations_dir

    library = load_library([exercises_dir()], illustration_dirs=[illustrations_dir()])
    assert library.exercises
    for exercise in library.exercises:
        controller.present(exercise, snooze_min=10)
        qtbot.waitExposed(window)
        available = window.screen().availableGeometry().height()
        frame = window.frameGeometry().height() - window.geometry().height()
        scrollbar = window.scroll_area.verticalScrollBar()
        tallest = available - frame

        def fits(bar=scrollbar, tallest=tallest):
            return not bar.isVisible() or window.height() == tallest

        qtbot.waitUntil(fits, timeout=2000)
        controller.withdraw()
