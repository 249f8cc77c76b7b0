"""Whatever ``settings.toml`` and ``state.toml`` hold, loading them in a real folder never
raises, names the file and the key of every problem, and never loses the user's bytes.

``tests/unit/settings/test_settings_properties.py`` checks that the loaded settings are valid
and round-trip; here the subject is what happens to the *files* and the *messages*.
"""

from __future__ import annotations

import tempfile
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import example, given
from hypothesis import strategies as st

from app.core.schedule import Pause
from app.settings.fields import FIELDS
from app.settings.model import Settings
from app.settings.state import State, load_state, save_state
from app.settings.store import load_settings, save_settings
from tests.fuzz.strategies import OFFSETS, mutated, scalars, toml_values

NOW = datetime(2024, 5, 1, 12, 34, 56)
"""Local wall time of a load; it names the copy of a broken file."""
AWARE_NOW = NOW.replace(tzinfo=UTC)


def _valid_bytes(save: Callable[[Path], None], name: str) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        save(path)
        return path.read_bytes()


VALID_SETTINGS = _valid_bytes(lambda path: save_settings(path, Settings()), "settings.toml")
VALID_STATE = _valid_bytes(
    lambda path: save_state(path, State(Pause(until=AWARE_NOW + timedelta(hours=1)), True)),
    "state.toml",
)

settings_documents = st.dictionaries(
    st.sampled_from(["schema", *FIELDS]),
    st.dictionaries(
        st.sampled_from([spec.key for fields in FIELDS.values() for spec in fields]),
        scalars,
        max_size=4,
    )
    | toml_values,
    max_size=4,
)
"""Known sections and keys with values of any kind: most are wrong in some way."""
state_documents = st.fixed_dictionaries(
    {},
    optional={
        "schema": toml_values,
        "first_run_done": st.booleans() | toml_values,
        "pause": st.fixed_dictionaries(
            {},
            optional={
                "indefinite": st.booleans() | scalars,
                "until": st.datetimes(timezones=OFFSETS) | scalars,
            },
        )
        | toml_values,
    },
)


def file_contents(valid: bytes, documents: st.SearchStrategy[dict[str, Any]]) -> Any:
    return st.one_of(
        st.binary(max_size=200),
        mutated(valid),
        documents.map(lambda document: tomli_w.dumps(document).encode()),
    )


@dataclass(frozen=True, slots=True)
class Loaded:
    problems: list[str]
    broken_copy: Path | None


@contextmanager
def user_file(name: str, content: bytes) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        yield path


def assert_nothing_lost(path: Path, content: bytes, loaded: Loaded) -> None:
    """A broken file is moved aside whole; any other file is left exactly as it was."""
    others = sorted(p.name for p in path.parent.iterdir() if p != path)
    if loaded.broken_copy is None:
        assert path.read_bytes() == content  # reading never rewrites the user's file
        assert others == []
        return
    assert not path.exists()
    assert others == [loaded.broken_copy.name]
    assert loaded.broken_copy.name.startswith(f"{path.name}.broken-20240501-123456")
    assert loaded.broken_copy.read_bytes() == content
    (problem,) = loaded.problems
    assert str(path) in problem
    assert loaded.broken_copy.name in problem


def assert_each_problem_names_file_and_key(path: Path, content: bytes, problems: list[str]) -> None:
    """``<path>: <section>.<key> = <value>: <what was expected>``, or the newer-schema note.

    The key's section is one the user wrote (an upgraded schema-1 file may be named by the
    key it became, ``working_hours.tue`` for ``working_hours.start``).
    """
    document = tomllib.loads(content.decode("utf-8"))
    for problem in problems:
        prefix = f"{path}: "
        assert problem.startswith(prefix), problem
        said = problem.removeprefix(prefix)
        if said.startswith("written by a newer Sitbreak"):
            continue
        key, _, rest = said.partition(" = ")
        assert rest, problem
        assert key.split(".")[0] in document, problem


@given(file_contents(VALID_SETTINGS, settings_documents))
@example(b"[prompts]\nlull = 5\n").via("a value problem names settings.toml")
@example(b"\xff\xfe").via("not UTF-8: moved aside whole")
def test_a_settings_file_never_crashes_the_load_nor_loses_a_byte(content: bytes) -> None:
    with user_file("settings.toml", content) as path:
        load = load_settings(path, NOW)
        loaded = Loaded(load.problems, load.broken_copy)

        assert_nothing_lost(path, content, loaded)
        if load.broken_copy is None:
            assert_each_problem_names_file_and_key(path, content, load.problems)


@given(file_contents(VALID_STATE, state_documents))
@example(b'first_run_done = "yes"\n').via("a value problem names state.toml")
@example(b"[pause]\nuntil = 9999-12-31T23:00:00-05:00\n").via(
    "a pause ending past year 9999 in UTC: was an OverflowError"
)
@example(b"[pause]\nuntil = 0001-01-01T00:00:00+14:00\n").via("a pause ending before year 1")
def test_a_state_file_never_crashes_the_load_nor_loses_a_byte(content: bytes) -> None:
    with user_file("state.toml", content) as path:
        load = load_state(path, AWARE_NOW)
        loaded = Loaded(load.problems, load.broken_copy)

        assert_nothing_lost(path, content, loaded)
        if load.broken_copy is None:
            assert_each_problem_names_file_and_key(path, content, load.problems)
        pause = load.state.pause
        assert pause.indefinite or pause.until is None or pause.until > AWARE_NOW


@given(st.lists(st.binary(max_size=20).map(lambda noise: b"[" + noise), min_size=2, max_size=5))
def test_broken_files_found_in_the_same_second_each_keep_their_own_copy(
    contents: list[bytes],
) -> None:
    """Each start moves the broken file aside; a second one in the same second (a crash
    loop) must not overwrite the first copy, and the fresh save after it neither."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.toml"
        copies: dict[Path, bytes] = {}
        for content in contents:
            path.write_bytes(content)
            load = load_settings(path, NOW)
            if load.broken_copy is not None:
                copies[load.broken_copy] = content
            save_settings(path, load.settings)
        assert {copy: copy.read_bytes() for copy in copies} == copies
        assert load_settings(path, NOW).problems == []
