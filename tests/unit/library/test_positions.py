"""Line numbers for keys: the scanner that lets every message point at a line."""

from __future__ import annotations

import tomllib
from typing import Any

import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from app.library.positions import KeyPath, key_lines, line_of

DOCUMENT = """\
# A comment with = and [brackets] and "quotes"
schema = 1
name = "Hash # and = inside a string"
note = '''
a multi-line literal
id = "not a key"
'''
steps = [
    "first",   # a comment after an item
    "second, with a comma",

    "third",
]
dose = { reps = 10, sets = 2 }
"quoted key" = true
variants.easier = "seated-march"

[extra]
reps = 5
nested = { deep = [1, [2, 3]] }
"""


def test_every_key_and_item_gets_its_line():
    lines = key_lines(DOCUMENT)
    assert lines[("schema",)] == 2
    assert lines[("name",)] == 3
    assert lines[("note",)] == 4
    assert ("id",) not in lines  # it was inside a string
    assert lines[("steps",)] == 8
    assert lines[("steps", 0)] == 9
    assert lines[("steps", 1)] == 10
    assert lines[("steps", 2)] == 12
    assert lines[("dose",)] == 14
    assert lines[("dose", "reps")] == 14
    assert lines[("dose", "sets")] == 14
    assert lines[("quoted key",)] == 15
    assert lines[("variants",)] == 16
    assert lines[("variants", "easier")] == 16
    assert lines[("extra",)] == 18
    assert lines[("extra", "reps")] == 19
    assert lines[("extra", "nested", "deep", 1, 0)] == 20


def test_a_missing_key_falls_back_to_its_table():
    lines = key_lines(DOCUMENT)
    assert line_of(lines, ("dose", "hold_s")) == 14
    assert line_of(lines, ("extra", "missing", "deeper")) == 18
    assert line_of(lines, ("nowhere",)) is None


def test_array_tables_count_their_entries():
    text = '[[step]]\ntext = "a"\n\n[[step]]\ntext = "b"\n'
    lines = key_lines(text)
    assert lines[("step", 0, "text")] == 2
    assert lines[("step", 1, "text")] == 5


def test_text_it_cannot_follow_keeps_what_was_found():
    lines = key_lines('first = 1\nsecond = "unterminated\nthird = 3\n')
    assert lines[("first",)] == 1
    assert lines[("second",)] == 2


# ------------------------------------------------------------------------------ properties
keys = st.text(st.characters(codec="utf-8"), min_size=1, max_size=8)
scalars = (
    st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(st.characters(codec="utf-8"), max_size=20)
)
documents: st.SearchStrategy[dict[str, Any]] = st.dictionaries(
    keys,
    st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
        max_leaves=12,
    ),
    max_size=6,
)


def paths(value: object, prefix: KeyPath = ()) -> list[KeyPath]:
    found: list[KeyPath] = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


@given(documents, st.booleans())
def test_every_key_path_of_any_document_is_found(document, multiline):
    text = tomli_w.dumps(document, multiline_strings=multiline)
    parsed = tomllib.loads(text)
    lines = key_lines(text)
    text_lines = text.splitlines()
    for path in paths(parsed):
        assert path in lines, (path, text)
        assert 1 <= lines[path] <= len(text_lines)
