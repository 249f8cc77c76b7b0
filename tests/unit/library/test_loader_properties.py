"""Whatever a file holds, the loader answers with exercises and messages, never a crash."""

from __future__ import annotations

import tempfile
import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from app.library.loader import load_library
from app.library.problems import Severity
from app.library.validate import (
    TOP_LEVEL_KEYS,
    IllustrationUnavailable,
    ParsedExercise,
    parse_exercise,
)
from tests.unit.library.exercise_files import VALID

SOURCE = Path("/exercises/fuzz.toml")

text_values = st.text(st.characters(codec="utf-8"), max_size=30)
scalars = (
    st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=True)
    | text_values
    | st.sampled_from(["glutes", "standing", "stretch", "chair", "glute-bridge", "x.svg"])
    | st.datetimes()
    | st.dates()
)
values: st.SearchStrategy[Any] = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(["reps", "hold_s", "sets", "per_side", "easier"]), inner)
        | st.dictionaries(text_values, inner, max_size=3)
    ),
    max_leaves=10,
)
keys = st.sampled_from(TOP_LEVEL_KEYS) | text_values.filter(bool)


def no_picture(name: str) -> Path:
    raise IllustrationUnavailable(f"no {name}")


def check(parsed: ParsedExercise) -> None:
    errors = [p for p in parsed.problems if p.severity is Severity.ERROR]
    assert (parsed.exercise is None) == bool(errors)
    for problem in parsed.problems:
        assert problem.file == SOURCE
        assert problem.message
        assert str(problem).startswith("fuzz.toml")


@given(st.dictionaries(keys, values, max_size=14))
def test_any_toml_document_gives_an_answer(document):
    check(parse_exercise(tomli_w.dumps(document), SOURCE, no_picture))


@given(key=st.sampled_from(TOP_LEVEL_KEYS), value=values)
def test_a_valid_file_with_one_field_changed_names_that_field_if_it_broke(key, value):
    document = tomllib.loads(VALID)
    document[key] = value
    parsed = parse_exercise(tomli_w.dumps(document), SOURCE, no_picture)
    check(parsed)
    for problem in parsed.problems:
        if problem.field != "illustration":
            assert problem.field is not None
            assert problem.field.split(".")[0].split("[")[0] == key
            assert problem.line is not None or problem.message.startswith("missing")


@given(st.text(max_size=300))
def test_any_text_gives_an_answer(text):
    check(parse_exercise(text, SOURCE, no_picture))


@given(st.binary(max_size=300))
def test_any_bytes_on_disk_give_an_answer(data):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "fuzz.toml").write_bytes(data)
        result = load_library([Path(folder)])
    assert bool(result.exercises) != bool(result.errors)
    assert all(problem.file.name == "fuzz.toml" for problem in result.problems)
