"""A user's own exercise and routine files, however broken, beside the bundled library:
loading never raises, every problem names its file (and its line and field where it has
them), the bundled library loads as it always does, and the user's files stay untouched.

``tests/unit/library/test_loader_properties.py`` fuzzes one exercise document through the
parser; here whole folders go through the loaders the app uses, routines included.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.library.loader import LibraryLoad, load_library
from app.library.positions import key_lines
from app.library.problems import LoadProblem
from app.library.routines import STEP_KEYS, RoutineLoad, load_routines
from app.library.routines import TOP_LEVEL_KEYS as ROUTINE_KEYS
from app.library.validate import TOP_LEVEL_KEYS as EXERCISE_KEYS
from app.resources import exercises_dir, illustrations_dir, resources_dir
from tests.fuzz.strategies import mutated, scalars, toml_values

BUNDLED_ROUTINES = resources_dir() / "routines"
BUNDLED_EXERCISE = (exercises_dir() / "glute-bridge.toml").read_bytes()
BUNDLED_ROUTINE = (BUNDLED_ROUTINES / "glute-wake-up.toml").read_bytes()
BUNDLED = load_library([exercises_dir()], illustration_dirs=[illustrations_dir()])
BUNDLED_ROUTINE_LOAD = load_routines([BUNDLED_ROUTINES], {e.id for e in BUNDLED.exercises})


def _own_id(text: bytes, old: bytes) -> Any:
    """The bundled file under an id of the user's own, so it adds rather than clashes."""
    return st.just(text.replace(b'id = "' + old, b'id = "my-' + old, 1))


def _documents(keys: tuple[str, ...], nested: dict[str, Any]) -> st.SearchStrategy[bytes]:
    values = toml_values | st.sampled_from(list(nested.values()))
    return st.dictionaries(st.sampled_from(keys), values, max_size=len(keys)).map(
        lambda document: tomli_w.dumps(document).encode()
    )


exercise_files = st.one_of(
    st.binary(max_size=120),
    mutated(BUNDLED_EXERCISE),
    _own_id(BUNDLED_EXERCISE, b"glute-bridge").flatmap(mutated),
    _documents(EXERCISE_KEYS, {"dose": {"reps": 10}, "steps": ["Stand up."]}),
)
routine_steps = st.lists(
    st.dictionaries(st.sampled_from(STEP_KEYS), scalars | st.just("glute-bridge")), max_size=3
)
routine_files = st.one_of(
    st.binary(max_size=120),
    mutated(BUNDLED_ROUTINE),
    _own_id(BUNDLED_ROUTINE, b"glute-wake-up").flatmap(mutated),
    _documents(ROUTINE_KEYS, {"id": "mine", "schema": 1}),
    routine_steps.map(lambda steps: tomli_w.dumps({"id": "mine", "steps": steps}).encode()),
)
file_names = st.sampled_from(["a.toml", "b.toml", "glute-bridge.toml", ".hidden.toml", "c.txt"])
exercise_folders = st.dictionaries(file_names, exercise_files, min_size=1, max_size=3)
routine_folders = st.dictionaries(file_names, routine_files, max_size=2)


@dataclass(frozen=True, slots=True)
class UserFolders:
    exercises: Path
    routines: Path


@contextmanager
def user_folders(exercises: dict[str, bytes], routines: dict[str, bytes]) -> Iterator[UserFolders]:
    with tempfile.TemporaryDirectory() as base:
        folders = UserFolders(Path(base) / "exercises", Path(base) / "routines")
        for folder, files in ((folders.exercises, exercises), (folders.routines, routines)):
            folder.mkdir()
            for name, content in files.items():
                (folder / name).write_bytes(content)
        yield folders


def contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.iterdir()}


def assert_problem_is_placed(problem: LoadProblem, folder: Path) -> None:
    """Named after a file of the user's folder (or the folder); a line only where the file
    has one, and one wherever the field's key is written in the file."""
    assert problem.message.strip()
    assert problem.file == folder or problem.file.parent == folder, problem
    assert str(problem).startswith(problem.file.name)
    if problem.file == folder:
        return
    data = problem.file.read_bytes()
    if problem.line is not None:
        assert 1 <= problem.line <= data.count(b"\n") + 1, problem
    if problem.field is None:
        return
    try:
        written = key_lines(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return
    top_key = problem.field.split(".")[0].split("[")[0]
    if (top_key,) in written:
        assert problem.line is not None, problem


def read(files: dict[str, bytes]) -> int:
    """How many of the files the loaders read: ``*.toml``, hidden ones (editor droppings)
    left out."""
    return sum(1 for name in files if name.endswith(".toml") and not name.startswith("."))


def load_beside_bundled(folders: UserFolders) -> tuple[LibraryLoad, RoutineLoad]:
    library = load_library(
        [exercises_dir(), folders.exercises], illustration_dirs=[illustrations_dir()]
    )
    routines = load_routines(
        [BUNDLED_ROUTINES, folders.routines], {exercise.id for exercise in library.exercises}
    )
    return library, routines


@settings(max_examples=60)  # each example reads the whole bundled library (~50 ms)
@given(exercise_folders, routine_folders)
@example({"glute-bridge.toml": BUNDLED_EXERCISE}, {"a.toml": BUNDLED_ROUTINE}).via(
    "the user's copies of bundled files clash with them and never replace them"
)
def test_the_bundled_library_loads_whatever_the_user_folder_holds(
    exercises: dict[str, bytes], routines: dict[str, bytes]
) -> None:
    with user_folders(exercises, routines) as folders:
        library, routine_load = load_beside_bundled(folders)

        for bundled in BUNDLED.exercises:
            assert library.get(bundled.id) == bundled
        for bundled_routine in BUNDLED_ROUTINE_LOAD.routines:
            assert routine_load.get(bundled_routine.id) == bundled_routine
        for problem in library.problems:
            assert_problem_is_placed(problem, folders.exercises)
        for problem in routine_load.problems:
            assert_problem_is_placed(problem, folders.routines)
        assert contents(folders.exercises) == exercises
        assert contents(folders.routines) == routines


@given(exercise_folders, routine_folders)
@example({"a.toml": b"id = 5\n"}, {"a.toml": b'id = "mine"\nsteps = [{ exercise = 5 }]\n'})
def test_every_problem_of_a_user_folder_names_its_file_line_and_field(
    exercises: dict[str, bytes], routines: dict[str, bytes]
) -> None:
    """The user's folders alone: cheap, so the full example budget goes to the messages."""
    with user_folders(exercises, routines) as folders:
        library = load_library([folders.exercises])
        routine_load = load_routines([folders.routines], {"glute-bridge", "clamshell"})

        # No file is skipped silently: each one read either loads or has an error.
        assert len(library.exercises) + len({p.file for p in library.errors}) == read(exercises)
        assert len(routine_load.routines) + len({p.file for p in routine_load.errors}) == read(
            routines
        )
        for problem in library.problems:
            assert_problem_is_placed(problem, folders.exercises)
        for problem in routine_load.problems:
            assert_problem_is_placed(problem, folders.routines)
        assert contents(folders.exercises) == exercises
        assert contents(folders.routines) == routines
