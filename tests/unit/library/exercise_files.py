"""Exercise files for the loader tests: a valid one, and ways to break one line of it."""

from __future__ import annotations

from pathlib import Path

VALID = """\
schema = 1
id = "glute-bridge"
name = "Glute bridge"
summary = "Lift the hips off the floor by squeezing the glutes."
category = "activation"
muscles = ["glutes", "hamstrings"]
position = "floor"
equipment = ["mat"]
illustration = "glute-bridge.svg"
dose = { reps = 10, sets = 2 }
steps = [
    "Lie on your back with your knees bent and feet flat.",
    "Squeeze your glutes and lift your hips.",
    "Lower slowly.",
]
cautions = ["Keep your neck relaxed."]
variants = {}
"""

PICTURE = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240">'
    '<circle cx="120" cy="120" r="40" fill="#5a6b7b"/></svg>\n'
)


def line_number(text: str, start: str) -> int:
    """The 1-based number of the first line of ``text`` that starts with ``start``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(start):
            return number
    raise AssertionError(f"no line starts with {start!r}")


def with_line(text: str, start: str, replacement: str) -> str:
    """``text`` with the line starting with ``start`` replaced (or removed, if empty)."""
    lines = text.splitlines(keepends=True)
    index = line_number(text, start) - 1
    lines[index] = f"{replacement}\n" if replacement else ""
    return "".join(lines)


def exercise_text(exercise_id: str = "glute-bridge", **lines: str) -> str:
    """The valid exercise with another id, and whole lines replaced by key."""
    text = with_line(VALID, "id =", f'id = "{exercise_id}"')
    for key, replacement in lines.items():
        text = with_line(text, f"{key} =", replacement)
    return text


def write(folder: Path, name: str, content: str | bytes, *, picture: bool = True) -> Path:
    """Write one file into ``folder`` (made if needed), with the picture it names beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    if picture:
        (folder / "glute-bridge.svg").write_text(PICTURE, encoding="utf-8")
    return path
