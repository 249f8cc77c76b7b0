"""Loading exercise files: every mistake is named by file, line and field; nothing else is lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.exercise import Dose, Equipment, Muscle, Position
from app.library.loader import MAX_EXERCISE_BYTES, check_exercise_paths, load_library
from app.library.problems import LoadProblem, Severity
from tests.unit.library.exercise_files import (
    VALID,
    exercise_text,
    line_number,
    with_line,
    write,
)


def load_one(folder: Path, text: str | bytes, name: str = "glute-bridge.toml"):
    write(folder, name, text)
    return load_library([folder])


def only_problem(problems: tuple[LoadProblem, ...]) -> LoadProblem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_a_valid_file_becomes_an_exercise(tmp_path):
    result = load_one(tmp_path, VALID)
    assert result.problems == ()
    (bridge,) = result.exercises
    assert bridge.id == "glute-bridge"
    assert bridge.name == "Glute bridge"
    assert bridge.muscles == (Muscle.GLUTES, Muscle.HAMSTRINGS)
    assert bridge.position is Position.FLOOR
    assert bridge.equipment == (Equipment.MAT,)
    assert bridge.dose == Dose(reps=10, sets=2)
    assert bridge.steps[2] == "Lower slowly."
    assert bridge.illustration == tmp_path / "glute-bridge.svg"
    assert bridge.source == tmp_path / "glute-bridge.toml"


def test_the_message_has_the_documented_shape(tmp_path):
    text = exercise_text(dose='dose = { reps = "ten", sets = 2 }')
    problem = only_problem(load_one(tmp_path, text).problems)
    expected_line = line_number(text, "dose =")
    assert str(problem) == (
        f'glute-bridge.toml:{expected_line}: dose.reps: expected a whole number 1–100, got "ten"'
    )
    assert problem.describe(full_path=True).startswith(f"{tmp_path / 'glute-bridge.toml'}:")


# Each case breaks one line of the valid file: (line start, new line, field, words).
FIELD_ERRORS = [
    ("schema", "schema = true", "schema", "expected the whole number 1, got true"),
    ("id", 'id = "Glute Bridge"', "id", 'kebab-case id like "glute-bridge"'),
    ("name", "name = 42", "name", "expected text in quotes, got 42"),
    ("name", 'name = "   "', "name", "is empty"),
    ("name", f'name = "{"x" * 61}"', "name", "is 61 characters long; at most 60 fit"),
    ("summary", 'summary = "two\\nlines"', "summary", "single line"),
    ("summary", 'summary = "bell\\u0007"', "summary", "control character U+0007"),
    ("category", 'category = "strech"', "category", '(did you mean "stretch"?)'),
    ("muscles", 'muscles = ["glutes", "glute"]', "muscles[2]", 'got "glute"'),
    ("muscles", 'muscles = ["glutes", "glutes"]', "muscles[2]", '"glutes" is listed twice'),
    ("muscles", 'muscles = "glutes"', "muscles", "expected a list"),
    ("muscles", "muscles = []", "muscles", "is empty"),
    ("position", 'position = "lying"', "position", "standing, seated, floor"),
    ("equipment", 'equipment = ["mat", "sofa"]', "equipment[2]", 'got "sofa"'),
    ("dose", "dose = { reps = 0 }", "dose.reps", "expected a whole number 1–100, got 0"),
    ("dose", "dose = { reps = 2.5 }", "dose.reps", "got 2.5"),
    ("dose", "dose = { hold_s = 601 }", "dose.hold_s", "1–600, got 601"),
    ("dose", "dose = { reps = 5, hold_s = 30 }", "dose.hold_s", "not both"),
    ("dose", "dose = { sets = 2 }", "dose", "needs reps"),
    ("dose", "dose = { reps = 5, sets = 11 }", "dose.sets", "1–10, got 11"),
    ("dose", 'dose = { reps = 5, per_side = "yes" }', "dose.per_side", "true or false"),
    ("dose", "dose = 10", "dose", "expected a table"),
    ("cautions", 'cautions = ["fine", 3]', "cautions[2]", "expected text in quotes, got 3"),
    ("cautions", 'cautions = "be careful"', "cautions", "expected a list of texts"),
    ("variants", 'variants = { harder = "Not An Id" }', "variants.harder", "kebab-case"),
    ("variants", 'variants = ["a", "b"]', "variants", "expected a table like"),
]


@pytest.mark.parametrize(
    ("start", "replacement", "field", "words"),
    FIELD_ERRORS,
    ids=[f"{case[2]}: {case[3]}" for case in FIELD_ERRORS],
)
def test_each_field_error_names_file_line_and_field(tmp_path, start, replacement, field, words):
    text = with_line(VALID, f"{start} =", replacement)
    result = load_one(tmp_path, text)
    problem = only_problem(result.problems)
    assert problem.severity is Severity.ERROR
    assert problem.file == tmp_path / "glute-bridge.toml"
    assert problem.line == line_number(text, replacement)
    assert problem.field == field
    assert words in problem.message
    assert str(problem).startswith(f"glute-bridge.toml:{problem.line}: {field}: ")
    assert result.exercises == ()


def test_an_item_of_a_list_over_several_lines_gets_its_own_line(tmp_path):
    text = VALID.replace('"Lower slowly."', '""')
    problem = only_problem(load_one(tmp_path, text).problems)
    assert (problem.field, problem.line) == ("steps[3]", line_number(text, '    ""'))


def test_a_dose_written_as_its_own_table_points_at_the_right_line(tmp_path):
    text = with_line(VALID, "dose =", "") + "\n[dose]\nsets = 2\nreps = -3\n"
    problem = only_problem(load_one(tmp_path, text).problems)
    assert (problem.field, problem.line) == ("dose.reps", line_number(text, "reps = -3"))


def test_a_missing_field_is_named_without_a_line(tmp_path):
    text = with_line(VALID, "summary =", "")
    problem = only_problem(load_one(tmp_path, text).problems)
    assert (problem.field, problem.line) == ("summary", None)
    assert str(problem) == "glute-bridge.toml: summary: missing: every exercise needs a summary"


def test_all_mistakes_of_a_file_are_reported_at_once(tmp_path):
    text = exercise_text(category='category = "nap"', position='position = "lying"')
    result = load_one(tmp_path, text)
    assert [p.field for p in result.problems] == ["category", "position"]


def test_a_toml_syntax_error_names_its_line(tmp_path):
    text = with_line(VALID, "name =", 'name = "Glute bridge')
    problem = only_problem(load_one(tmp_path, text).problems)
    assert problem.line == line_number(text, "name =")
    assert problem.message.startswith("not valid TOML: ")


def test_a_file_that_is_not_utf8_is_refused_with_its_line(tmp_path):
    data = VALID.replace("Glute bridge", "Glute br\xfccke").encode("latin-1")
    problem = only_problem(load_one(tmp_path, data).problems)
    assert problem.line == line_number(VALID, "name =")
    assert "not UTF-8" in problem.message


def test_a_byte_order_mark_is_accepted(tmp_path):
    result = load_one(tmp_path, b"\xef\xbb\xbf" + VALID.encode())
    assert result.problems == ()
    assert len(result.exercises) == 1


def test_a_huge_file_is_refused_unread(tmp_path):
    padding = "# padding\n" * (1024 * 1024 // 10)
    problem = only_problem(load_one(tmp_path, VALID + padding).problems)
    assert problem.line is None
    assert f"larger than {MAX_EXERCISE_BYTES // 1024} KiB" in problem.message


def test_an_empty_file_gets_one_message(tmp_path):
    problem = only_problem(load_one(tmp_path, "# nothing yet\n").problems)
    assert (problem.line, problem.field) == (None, None)
    assert str(problem).startswith("glute-bridge.toml: the file is empty")


def test_a_newer_format_is_refused_with_one_clear_message(tmp_path):
    text = with_line(VALID, "schema =", "schema = 2") + 'mood = "happy"\n'
    problem = only_problem(load_one(tmp_path, text).problems)
    assert (problem.field, problem.line) == ("schema", 1)
    assert "newer Sitbreak" in problem.message


def test_unknown_keys_are_warnings_with_a_hint(tmp_path):
    text = VALID + 'sumary = "typo"\n' + "dose.rest_s = 10\n"
    text = with_line(text, "dose =", "")
    text = text + "dose.reps = 10\n"
    result = load_one(tmp_path, text)
    warnings = [(p.field, p.line, p.message) for p in result.problems]
    assert warnings == [
        ("sumary", line_number(text, "sumary"), 'unknown key, ignored (did you mean "summary"?)'),
        ("dose.rest_s", line_number(text, "dose.rest_s"), "unknown key, ignored"),
    ]
    assert all(p.severity is Severity.WARNING for p in result.problems)
    assert len(result.exercises) == 1


def test_a_broken_file_never_stops_the_others(tmp_path):
    write(tmp_path, "a-syntax.toml", "this is not toml")
    write(tmp_path, "b-field.toml", exercise_text("b-field", dose="dose = { reps = 0 }"))
    write(tmp_path, "c-good.toml", exercise_text("c-good"))
    write(tmp_path, "d-latin1.toml", b'name = "\xfc"\n')
    write(tmp_path, "e-huge.toml", "#" * (MAX_EXERCISE_BYTES + 1))
    (tmp_path / "f-folder.toml").mkdir()
    write(tmp_path, "g-good.toml", exercise_text("g-good"))
    result = load_library([tmp_path])
    assert [e.id for e in result.exercises] == ["c-good", "g-good"]
    assert [p.file.name for p in result.problems] == [
        "a-syntax.toml",
        "b-field.toml",
        "d-latin1.toml",
        "e-huge.toml",
        "f-folder.toml",
    ]


def test_hidden_files_and_other_files_are_not_read(tmp_path):
    write(tmp_path, ".#glute-bridge.toml", "editor lock file")
    write(tmp_path, "glute-bridge.toml~", "backup")
    write(tmp_path, "notes.txt", "hello")
    write(tmp_path, "glute-bridge.toml", VALID)
    result = load_library([tmp_path])
    assert result.problems == ()
    assert [e.id for e in result.exercises] == ["glute-bridge"]


def test_two_files_with_one_id_in_a_folder_keep_the_first(tmp_path):
    write(tmp_path, "a.toml", exercise_text(name='name = "First"'))
    write(tmp_path, "b.toml", exercise_text(name='name = "Second"'))
    result = load_library([tmp_path])
    assert [e.name for e in result.exercises] == ["First"]
    problem = only_problem(result.problems)
    assert (problem.file.name, problem.line, problem.field) == ("b.toml", 2, "id")
    assert problem.severity is Severity.ERROR
    assert "already the id of a.toml" in problem.message


def test_a_user_file_with_a_bundled_id_is_reported_and_the_bundled_one_kept(tmp_path):
    bundled, user = tmp_path / "bundled", tmp_path / "user"
    write(bundled, "glute-bridge.toml", VALID)
    write(bundled, "clamshell.toml", exercise_text("clamshell"))
    clash = write(user, "my-bridge.toml", exercise_text(name='name = "My bridge"'))
    write(user, "my-own.toml", exercise_text("my-own"))
    result = load_library([bundled, user])
    assert {e.id: e.name for e in result.exercises} == {
        "clamshell": "Glute bridge",
        "glute-bridge": "Glute bridge",
        "my-own": "Glute bridge",
    }
    kept = result.get("glute-bridge")
    assert kept is not None
    assert kept.source == bundled / "glute-bridge.toml"
    problem = only_problem(result.problems)
    assert problem.severity is Severity.ERROR
    assert (problem.file, problem.line, problem.field) == (clash, 2, "id")
    assert str(problem) == (
        f'my-bridge.toml:2: id: "glute-bridge" is already the id of '
        f"{bundled / 'glute-bridge.toml'}; this file is skipped "
        "(give it an id of its own to add it to the library)"
    )


def test_a_user_file_may_link_to_a_bundled_exercise_whose_id_it_clashed_with(tmp_path):
    """The clash skips the user's file only: links to the bundled exercise still resolve."""
    bundled, user = tmp_path / "bundled", tmp_path / "user"
    write(bundled, "glute-bridge.toml", VALID)
    write(user, "glute-bridge.toml", exercise_text(name='name = "Mine"'))
    linked = exercise_text("single-leg-bridge", variants='variants = { easier = "glute-bridge" }')
    write(user, "single-leg-bridge.toml", linked)
    result = load_library([bundled, user])
    assert [e.id for e in result.exercises] == ["glute-bridge", "single-leg-bridge"]
    linking = result.get("single-leg-bridge")
    assert linking is not None
    assert linking.variants.easier == "glute-bridge"
    assert [p.file.name for p in result.errors] == ["glute-bridge.toml"]


def test_user_files_with_bad_field_and_bad_toml_are_named_and_the_rest_loads(tmp_path):
    bundled, user = tmp_path / "bundled", tmp_path / "user"
    write(bundled, "glute-bridge.toml", VALID)
    bad_field = exercise_text("bad-field", position='position = "lying"')
    bad_toml = with_line(exercise_text("bad-toml"), "name =", 'name = "Unclosed')
    write(user, "bad-field.toml", bad_field)
    write(user, "bad-toml.toml", bad_toml)
    write(user, "my-own.toml", exercise_text("my-own"))
    result = load_library([bundled, user])
    assert [e.id for e in result.exercises] == ["glute-bridge", "my-own"]
    assert [str(p) for p in result.problems] == [
        f"bad-field.toml:{line_number(bad_field, 'position =')}: position: expected one of "
        'standing, seated, floor; got "lying"',
        f"bad-toml.toml:{line_number(bad_toml, 'name =')}: not valid TOML: "
        "Illegal character '\\n' (column 17)",
    ]


def test_a_broken_user_file_keeps_the_bundled_exercise(tmp_path):
    bundled, user = tmp_path / "bundled", tmp_path / "user"
    write(bundled, "glute-bridge.toml", VALID)
    write(user, "glute-bridge.toml", exercise_text(dose="dose = { reps = 1000 }"))
    result = load_library([bundled, user])
    assert [e.source for e in result.exercises] == [bundled / "glute-bridge.toml"]
    assert only_problem(result.problems).file == user / "glute-bridge.toml"


def test_a_variant_link_to_an_unknown_id_is_dropped_with_a_warning(tmp_path):
    write(tmp_path, "clamshell.toml", exercise_text("clamshell"))
    text = with_line(
        VALID, "variants =", 'variants = { easier = "clamshell", harder = "single-leg-bridge" }'
    )
    write(tmp_path, "glute-bridge.toml", text)
    result = load_library([tmp_path])
    bridge = result.get("glute-bridge")
    assert bridge is not None
    assert (bridge.variants.easier, bridge.variants.harder) == ("clamshell", None)
    problem = only_problem(result.problems)
    assert (problem.severity, problem.field) == (Severity.WARNING, "variants.harder")
    assert problem.line == line_number(text, "variants =")
    assert 'no exercise has the id "single-leg-bridge"' in problem.message


def test_a_variant_may_point_to_an_exercise_of_another_folder(tmp_path):
    bundled, user = tmp_path / "bundled", tmp_path / "user"
    write(bundled, "clamshell.toml", exercise_text("clamshell"))
    write(
        user,
        "glute-bridge.toml",
        with_line(VALID, "variants =", 'variants = { easier = "clamshell" }'),
    )
    result = load_library([bundled, user])
    assert result.problems == ()
    bridge = result.get("glute-bridge")
    assert bridge is not None
    assert bridge.variants.easier == "clamshell"


def test_a_variant_pointing_to_itself_is_dropped(tmp_path):
    result = load_one(
        tmp_path, with_line(VALID, "variants =", 'variants = { harder = "glute-bridge" }')
    )
    assert "itself" in only_problem(result.problems).message
    assert result.exercises[0].variants.harder is None


def test_a_missing_picture_is_a_warning_and_the_exercise_still_loads(tmp_path):
    write(tmp_path, "glute-bridge.toml", VALID, picture=False)
    result = load_library([tmp_path], illustration_dirs=[tmp_path / "pictures"])
    problem = only_problem(result.problems)
    assert (problem.severity, problem.field) == (Severity.WARNING, "illustration")
    assert problem.line == line_number(VALID, "illustration =")
    assert 'no file "glute-bridge.svg"' in problem.message
    assert str(tmp_path / "pictures") in problem.message
    assert result.exercises[0].illustration is None


def test_pictures_are_found_beside_the_file_first_then_in_the_picture_folders(tmp_path):
    exercises, pictures = tmp_path / "exercises", tmp_path / "pictures"
    write(exercises, "glute-bridge.toml", VALID, picture=False)
    write(pictures, "unused.txt", "", picture=True)
    result = load_library([exercises], illustration_dirs=[pictures])
    assert result.exercises[0].illustration == pictures / "glute-bridge.svg"
    write(exercises, "glute-bridge.toml", VALID, picture=True)
    result = load_library([exercises], illustration_dirs=[pictures])
    assert result.exercises[0].illustration == exercises / "glute-bridge.svg"


@pytest.mark.parametrize("name", ["../secret.svg", "/etc/passwd", "picture.gif", ".hidden.svg"])
def test_a_picture_name_must_be_a_plain_svg_or_png_file_name(tmp_path, name):
    result = load_one(tmp_path, with_line(VALID, "illustration =", f'illustration = "{name}"'))
    problem = only_problem(result.problems)
    assert (problem.severity, problem.field) == (Severity.WARNING, "illustration")
    assert result.exercises[0].illustration is None


def test_an_oversized_picture_is_not_used(tmp_path):
    write(tmp_path, "glute-bridge.toml", VALID)
    (tmp_path / "glute-bridge.svg").write_bytes(b" " * (600 * 1024))
    result = load_library([tmp_path])
    assert "KiB" in only_problem(result.problems).message
    assert result.exercises[0].illustration is None


def test_a_missing_folder_is_reported(tmp_path):
    result = load_library([tmp_path / "nowhere"])
    assert only_problem(result.problems).message == "folder not found"
    file = write(tmp_path, "glute-bridge.toml", VALID)
    assert "not a folder" in only_problem(load_library([file]).problems).message


def test_texts_are_kept_as_written_data(tmp_path):
    text = exercise_text(name='name = "<b>Bridge</b> {reps} %s"')
    (bridge,) = load_one(tmp_path, text).exercises
    assert bridge.name == "<b>Bridge</b> {reps} %s"


# ------------------------------------------------------------------------------ checking files
def test_checking_files_reads_them_on_top_of_the_library(tmp_path):
    bundled, drafts = tmp_path / "bundled", tmp_path / "drafts"
    write(bundled, "glute-bridge.toml", VALID)
    write(bundled, "broken.toml", "not toml")  # the library's own problems are not the user's
    linked = exercise_text("single-leg-bridge", variants='variants = { easier = "glute-bridge" }')
    good = write(drafts, "single-leg-bridge.toml", linked)
    clash = write(drafts, "bridge-copy.toml", VALID)
    result = check_exercise_paths([good, clash], library_dirs=[bundled])
    assert [e.id for e in result.exercises] == ["single-leg-bridge"]
    assert result.exercises[0].variants.easier == "glute-bridge"
    problem = only_problem(result.problems)
    assert problem.file == clash
    assert f"already the id of {bundled / 'glute-bridge.toml'}" in problem.message


def test_checking_a_folder_checks_its_exercise_files(tmp_path):
    write(tmp_path, "a.toml", exercise_text("a", dose="dose = { reps = 0 }"))
    write(tmp_path, "b.toml", exercise_text("b"))
    result = check_exercise_paths([tmp_path])
    assert [e.id for e in result.exercises] == ["b"]
    assert [(p.file.name, p.field) for p in result.problems] == [("a.toml", "dose.reps")]


def test_checking_a_file_of_the_library_itself_is_no_clash(tmp_path):
    bridge = write(tmp_path, "glute-bridge.toml", VALID)
    for paths in ([bridge], [tmp_path]):
        result = check_exercise_paths(paths, library_dirs=[tmp_path])
        assert result.problems == ()
        assert [e.source for e in result.exercises] == [bridge]


def test_checking_a_path_that_does_not_exist_is_an_error(tmp_path):
    missing = tmp_path / "nowhere.toml"
    problem = only_problem(check_exercise_paths([missing]).problems)
    assert (problem.file, problem.severity, problem.message) == (
        missing,
        Severity.ERROR,
        "not found",
    )
