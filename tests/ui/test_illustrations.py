"""The exercise pictures: safe, plain SVG that Qt draws readably on light and dark themes."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from app.library.loader import load_library
from app.resources import exercises_dir, illustrations_dir

SVG = "{http://www.w3.org/2000/svg}"
SIZE = 200
LIGHT = QColor("#fbfbfb")
DARK = QColor("#2b2d30")
ALLOWED_ELEMENTS = {"svg", "g", "line", "polyline", "path", "circle", "ellipse"}


def bundled_pictures() -> list[Path]:
    library = load_library([exercises_dir()], illustration_dirs=[illustrations_dir()])
    return [e.illustration for e in library.exercises if e.illustration is not None]


PICTURES = bundled_pictures()


def render(path: Path, background: QColor) -> QImage:
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(background)
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid(), path
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, SIZE, SIZE))
    painter.end()
    return image


def share_of_pixels(image: QImage, differs) -> float:
    hits = sum(
        1 for y in range(0, SIZE, 2) for x in range(0, SIZE, 2) if differs(image.pixelColor(x, y))
    )
    return hits / (SIZE // 2) ** 2


def lightness_gap(color: QColor, background: QColor) -> int:
    return abs(color.lightness() - background.lightness())


def test_every_exercise_has_a_picture():
    assert len(PICTURES) >= 8


@pytest.mark.parametrize("path", PICTURES, ids=lambda path: path.stem)
def test_picture_is_plain_svg_without_scripts_links_or_text(path):
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 240 240"
    for element in root.iter():
        assert element.tag.startswith(SVG), element.tag
        assert element.tag.removeprefix(SVG) in ALLOWED_ELEMENTS, element.tag
        assert not (element.text or "").strip(), "text in the picture"
        for name, value in element.attrib.items():
            assert "href" not in name, name
            assert not name.startswith("on"), name
            assert "url(" not in value, value


@pytest.mark.parametrize("path", PICTURES, ids=lambda path: path.stem)
def test_picture_renders_a_figure_on_a_transparent_background(qapp, path):
    image = render(path, QColor(0, 0, 0, 0))
    drawn = share_of_pixels(image, lambda color: color.alpha() > 32)
    assert 0.05 <= drawn <= 0.60, drawn
    corner = image.pixelColor(0, 0)
    assert corner.alpha() == 0  # transparent background: the theme shows through


@pytest.mark.parametrize("path", PICTURES, ids=lambda path: path.stem)
@pytest.mark.parametrize("background", [LIGHT, DARK], ids=["light", "dark"])
def test_picture_stands_out_on_light_and_dark_themes(qapp, path, background):
    image = render(path, background)
    contrasting = share_of_pixels(image, lambda color: lightness_gap(color, background) > 60)
    assert contrasting >= 0.04, contrasting
