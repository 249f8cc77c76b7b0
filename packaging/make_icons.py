"""Render the app icon's PNG sizes from its SVG, for menus and docks that want bitmaps.

The SVG (``resources/icons/io.github.sitbreak.Sitbreak.svg``) is the source; the PNGs
beside it are generated and committed, so installing needs no renderer. Run it again after
changing the SVG:

    python packaging/make_icons.py

Uses Qt's own SVG renderer (QtSvg, part of PySide6-Essentials) on the offscreen platform,
so it needs no display and no other tool.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

APP_ID = "io.github.sitbreak.Sitbreak"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
"""The hicolor sizes desktops look up; tests/packaging/test_desktop_files.py checks them."""

ICONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"


def png_name(size: int) -> str:
    """``io.github.sitbreak.Sitbreak-48.png``: flat names, so ``icons/*`` ships them all."""
    return f"{APP_ID}-{size}.png"


def render_pngs(svg: Path, out_dir: Path, sizes: Sequence[int] = PNG_SIZES) -> list[Path]:
    """Write one square PNG per size from ``svg`` into ``out_dir``; return their paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    # Painting needs a QGuiApplication; reuse one if the caller (a test) already has it.
    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG file (Qt could not parse it)")
    written: list[Path] = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            renderer.render(painter)
        finally:
            painter.end()
        target = out_dir / png_name(size)
        if not image.save(str(target)):
            raise OSError(f"{target}: could not write the PNG")
        written.append(target)
    del app  # kept alive until every image is painted
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--svg", type=Path, default=ICONS_DIR / f"{APP_ID}.svg")
    parser.add_argument("--out", type=Path, default=ICONS_DIR)
    args = parser.parse_args(argv)
    try:
        written = render_pngs(args.svg, args.out)
    except (OSError, ValueError) as exc:
        print(f"make_icons: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
