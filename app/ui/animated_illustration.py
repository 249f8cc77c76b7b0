"""An exercise's movement on the light card: its frames played there and back once per rep.

The frames are poses of the same figure (``tools/figures/animation.py`` draws the poses in
between two keyframes), so cross-fading each frame into the next reads as motion, not as two
pictures blending. One :class:`QVariantAnimation` loop is one rep; its eased position picks
the two frames to blend (:meth:`Animation.mix_at <app.core.exercise.Animation.mix_at>`).

It costs nothing while it is not seen: the loop pauses when the widget is hidden, when its
owner pauses it (a rest between sets, a timer that is not running) or after :meth:`stop`,
and a repaint is asked for only when what is drawn changes. Each frame is rendered once per
device pixel ratio and size, at full device resolution, so it stays crisp on HiDPI screens.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractAnimation, QEasingCurve, QRectF, QSize, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QHideEvent, QImage, QPainter, QPaintEvent, QPalette, QShowEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from app.core.exercise import Animation, FrameMix
from app.ui.illustration import CARD_SIDE_PX, load_illustration, paint_card, safe_svg_renderer

BLEND_STEPS = 24
"""How finely the cross-fade between two frames is drawn; finer steps look no different."""


class AnimatedIllustration(QWidget):
    """Draws an :class:`Animation` on the picture card; :meth:`start` sets it moving."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(QSize(CARD_SIDE_PX, CARD_SIDE_PX))
        self._renderers: list[QSvgRenderer] = []
        self._images: dict[int, QImage] = {}
        self._image_key: tuple[float, int, int] = (0.0, 0, 0)
        self._animation: Animation | None = None
        self._mix = FrameMix(0, 1, 0.0)
        self._wanted = False
        self._paused = False
        self._loop = QVariantAnimation(self)
        self._loop.setStartValue(0.0)
        self._loop.setEndValue(1.0)
        self._loop.setLoopCount(-1)
        # Linear here: the ease in and out belongs to each half of the rep (``mix_at``).
        self._loop.setEasingCurve(QEasingCurve.Type.Linear)
        self._loop.valueChanged.connect(self._on_progress)

    # ------------------------------------------------------------------ the movement
    def load(self, animation: Animation | None) -> bool:
        """Show ``animation``'s first frame, stopped; False (and nothing) if a frame is broken."""
        self.stop()
        renderers: list[QSvgRenderer] = []
        for path in animation.frames if animation is not None else ():
            renderer = safe_svg_renderer(self)
            if not load_illustration(renderer, path):
                for loaded in (*renderers, renderer):
                    loaded.deleteLater()
                renderers = []
                break
            renderers.append(renderer)
        for old in self._renderers:
            old.deleteLater()
        self._renderers = renderers
        self._animation = animation if renderers else None
        self._images.clear()
        self._mix = FrameMix(0, 1, 0.0)
        if self._animation is not None:
            self._loop.setDuration(round(self._animation.rep_s * 1000))
        self.update()
        return self._animation is not None

    @property
    def has_animation(self) -> bool:
        return self._animation is not None

    @property
    def frame_count(self) -> int:
        return len(self._renderers)

    @property
    def current_frame_index(self) -> int:
        """The frame nearest the pose drawn now (0 while stopped)."""
        return self._mix.nearest

    @property
    def is_playing(self) -> bool:
        """Whether the movement is advancing right now (started, not paused, on screen)."""
        return self._loop.state() is QAbstractAnimation.State.Running

    @property
    def is_paused(self) -> bool:
        return self._paused

    def start(self) -> None:
        """Play from the first frame; it moves whenever it is shown and not paused."""
        self._wanted = True
        self._loop.stop()
        self._show_progress(0.0)
        self._sync()

    def stop(self) -> None:
        """Stand still on the first frame, where a rep starts."""
        self._wanted = False
        self._loop.stop()
        self._show_progress(0.0)

    def set_paused(self, paused: bool) -> None:
        """Hold the pose drawn now (a rest, a stopped timer); False carries on from there."""
        self._paused = paused
        self._sync()

    def seek(self, progress: float) -> None:
        """Draw the pose a fraction ``progress`` through a rep (0–1), e.g. for a screenshot."""
        if self._animation is None:
            return
        self._loop.setCurrentTime(round((progress % 1.0) * self._loop.duration()))
        self._show_progress(progress)

    # ------------------------------------------------------------------ Qt
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._sync()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._sync()

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        inner = paint_card(
            painter, QRectF(self.rect()), self.palette().color(QPalette.ColorRole.Mid)
        )
        if self._renderers:
            picture = self._blended(inner.size().toSize())
            painter.drawImage(inner.topLeft(), picture)
        painter.end()

    # ------------------------------------------------------------------ internals
    def _sync(self) -> None:
        """Run the loop exactly when the movement is wanted, not paused and on screen."""
        should_run = (
            self._wanted and not self._paused and self.isVisible() and self._animation is not None
        )
        state = self._loop.state()
        if should_run and state is QAbstractAnimation.State.Stopped:
            self._loop.start()
        elif should_run and state is QAbstractAnimation.State.Paused:
            self._loop.resume()
        elif not should_run and state is QAbstractAnimation.State.Running:
            self._loop.pause()

    def _on_progress(self, value: object) -> None:
        if isinstance(value, float):
            self._show_progress(value)

    def _show_progress(self, progress: float) -> None:
        if self._animation is None:
            return
        mix = self._animation.mix_at(progress)
        steps = round(mix.weight * BLEND_STEPS)
        if (mix.first, steps) != (self._mix.first, round(self._mix.weight * BLEND_STEPS)):
            self.update()
        self._mix = mix

    def _frame_image(self, index: int, size: QSize) -> QImage:
        """Frame ``index`` rendered at device resolution, kept until the size or ratio changes."""
        ratio = self.devicePixelRatioF()
        key = (ratio, size.width(), size.height())
        if key != self._image_key:
            self._images.clear()
            self._image_key = key
        image = self._images.get(index)
        if image is None:
            image = QImage(size * ratio, QImage.Format.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(ratio)
            image.fill(QColor(0, 0, 0, 0))
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._renderers[index].setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
            self._renderers[index].render(painter, QRectF(0, 0, size.width(), size.height()))
            painter.end()
            self._images[index] = image
        return image

    def _blended(self, size: QSize) -> QImage:
        """The two frames of this moment mixed: (1 − w) of the first plus w of the second."""
        weight = round(self._mix.weight * BLEND_STEPS) / BLEND_STEPS
        first = self._frame_image(self._mix.first, size)
        if weight <= 0.0:
            return first
        second = self._frame_image(self._mix.second, size)
        if weight >= 1.0:
            return second
        mixed = QImage(first.size(), QImage.Format.Format_ARGB32_Premultiplied)
        mixed.setDevicePixelRatio(first.devicePixelRatio())
        mixed.fill(QColor(0, 0, 0, 0))
        painter = QPainter(mixed)
        painter.setOpacity(1.0 - weight)
        painter.drawImage(0, 0, first)
        # Adding (not painting over) keeps the sum a true mix where both frames have ink.
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Plus)
        painter.setOpacity(weight)
        painter.drawImage(0, 0, second)
        painter.end()
        return mixed
