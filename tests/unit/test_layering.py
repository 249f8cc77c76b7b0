"""The layering rule: an inner layer never imports an outer one, and the pure ones no Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "app"

# Each layer may import only the layers before it (and itself).
LAYERS = ["core", "settings", "storage", "library", "platform", "scheduling", "ui"]
PURE = {"core", "settings", "storage", "library"}
QT_AND_SCHEDULER = ("PySide6", "shiboken6", "apscheduler")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("layer", LAYERS)
def test_a_layer_imports_no_outer_layer(layer):
    outer = LAYERS[LAYERS.index(layer) + 1 :]
    forbidden = [f"app.{name}" for name in outer] + [
        "app.bootstrap",
        "app.coordinator",
        "app.cli",
        "app.ipc",
    ]
    if layer in PURE:
        forbidden += list(QT_AND_SCHEDULER)
    offenders = [
        f"{path.relative_to(APP.parent)} imports {name}"
        for path in sorted((APP / layer).rglob("*.py"))
        for name in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    ]
    assert offenders == []


def test_every_layer_exists():
    """A renamed package must not silently drop out of the check above."""
    assert all((APP / layer / "__init__.py").is_file() for layer in LAYERS)


def test_the_wheel_lists_every_package():
    """A package missing from pyproject's list would be missing from an installed Sitbreak."""
    import tomllib

    pyproject = tomllib.loads((APP.parent / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(pyproject["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(APP.parent).parts) for init in APP.rglob("__init__.py")
    }
    assert listed == found | {"app.resources_data"}
