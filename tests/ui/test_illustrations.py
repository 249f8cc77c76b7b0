"""The exercise pictures: safe, plain SVG that Qt draws readably on light and dark themes,
one distinct picture for every exercise (no copy of another under a new name)."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from app.library.loader import load_library
from app.resources import exercises_dir, illustrations_dir

SVG = "{http://www.w3.org/2000/svg}"
SIZE = 200
LIGHT = QColor("#fbfbfb")
DARK = QColor("#2b2d30")
ALLOWED_ELEMENTS = {"svg", "g", "line", "polyline", "path", "circle", "ellipse"}
MIN_PICTURES = 40
"""The library promises at least 40 exercises, each with its own picture."""

HASH_SIDE = 16
NEAR_DUPLICATE_BITS = 10
"""Two pictures whose 256-bit difference hashes differ in fewer bits are near-duplicates.

Calibrated on the 31 pictures drawn by then: the closest two distinct ones (two figures
seated on the same chair, a hamstring curl-press and a tennis-ball glute release) are 16 bits
apart, the next 19 and up; a copy of any picture with only its accent recoloured is 3 bits or
fewer from the original, and an identical copy 0. Ten sits between the two with room on both
sides. Every figure stands on the same floor line at the same scale, so a copy is not moved.
"""
ACCENT = "#e8743b"
FIGURE = "#5a6b7b"


def bundled_pictures() -> list[Path]:
    library = load_library([exercises_dir()], illustration_dirs=[illustrations_dir()])
    return [e.illustration for e in library.exercises if e.illustration is not None]


PICTURES = bundled_pictures()


def render(path: Path, background: QColor) -> QImage:
    return render_svg(path.read_bytes(), background)


def render_svg(svg: bytes, background: QColor) -> QImage:
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(background)
    renderer = QSvgRenderer(QByteArray(svg))
    assert renderer.isValid()
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


def difference_hash(image: QImage) -> int:
    """A perceptual hash: is each cell of a 17 × 16 grey thumbnail lighter than its right
    neighbour? It keeps the figure's shape and ignores colour, antialiasing and file details."""
    thumbnail = image.convertToFormat(QImage.Format.Format_Grayscale8).scaled(
        HASH_SIDE + 1,
        HASH_SIDE,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    bits = 0
    for y in range(HASH_SIDE):
        for x in range(HASH_SIDE):
            left, right = thumbnail.pixelColor(x, y), thumbnail.pixelColor(x + 1, y)
            bits = bits << 1 | (left.lightness() > right.lightness())
    return bits


def hash_distance(first: int, second: int) -> int:
    return (first ^ second).bit_count()


def test_every_exercise_has_a_picture():
    assert len(PICTURES) >= MIN_PICTURES
    assert len({path.name for path in PICTURES}) == len(PICTURES), "two exercises share a file"


def test_no_two_pictures_are_near_duplicates(qapp):
    hashes = {path.stem: difference_hash(render(path, QColor("white"))) for path in PICTURES}
    too_close = [
        (first, second, distance)
        for first, second in itertools.combinations(sorted(hashes), 2)
        if (distance := hash_distance(hashes[first], hashes[second])) < NEAR_DUPLICATE_BITS
    ]
    assert too_close == []


@pytest.mark.parametrize("path", PICTURES[:5], ids=lambda path: path.stem)
def test_a_recoloured_copy_counts_as_a_near_duplicate(qapp, path):
    """The hash test above can fail: a copy that only changes the accent is caught."""
    original = path.read_bytes()
    copy = original.replace(ACCENT.encode(), FIGURE.encode())
    distance = hash_distance(
        difference_hash(render_svg(original, QColor("white"))),
        difference_hash(render_svg(copy, QColor("white"))),
    )
    assert distance < NEAR_DUPLICATE_BITS


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
