"""Write the soft chime the routine player plays at a side switch and at the end.

Run from the repository root::

    python -m tools.make_chime [OUT.wav]

It writes ``resources/sounds/chime.wav`` (or ``OUT.wav``): a short bell-like tone, two sine
partials that rise in 15 ms (no click) and fade away, 16-bit mono. The same code writes the
same bytes every time (no randomness, no timestamps), so a test can regenerate it and compare.
The peak stays at -15 dBFS: a cue at the edge of attention, never a start.
"""

from __future__ import annotations

import math
import sys
import wave
from array import array
from pathlib import Path

SAMPLE_RATE = 22_050
DURATION_S = 0.9
PEAK_DBFS = -15.0
FUNDAMENTAL_HZ = 880.0  # A5
PARTIALS = ((1.0, 1.0), (1.5, 0.35), (2.0, 0.12))
"""(multiple of the fundamental, relative loudness): a fifth and an octave for a bell colour."""
ATTACK_S = 0.015
DECAY_PER_S = 5.0
RELEASE_S = 0.08
"""The last moments fade to exact silence, so the sound never ends in a click."""
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds" / "chime.wav"


def chime_samples() -> array[int]:
    """The chime as signed 16-bit samples."""
    count = round(SAMPLE_RATE * DURATION_S)
    raw = []
    for n in range(count):
        t = n / SAMPLE_RATE
        envelope = min(1.0, t / ATTACK_S) * math.exp(-DECAY_PER_S * t)
        envelope *= min(1.0, (DURATION_S - t) / RELEASE_S)
        tone = sum(
            loudness * math.sin(2 * math.pi * FUNDAMENTAL_HZ * multiple * t)
            for multiple, loudness in PARTIALS
        )
        raw.append(envelope * tone)
    peak = max(abs(value) for value in raw)
    scale = 32767 * 10 ** (PEAK_DBFS / 20) / peak
    return array("h", (round(value * scale) for value in raw))


def write_chime(path: Path) -> None:
    samples = chime_samples()
    if sys.byteorder != "little":  # pragma: no cover - WAV data is little-endian
        samples.byteswap()
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(samples.tobytes())


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else OUT
    path.parent.mkdir(parents=True, exist_ok=True)
    write_chime(path)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
