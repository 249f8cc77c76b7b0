"""The chime is a valid, soft WAV; the Linux player runs a real program and never blocks.

There is no sound device here, so a stand-in ``pw-play`` script put first on a ``PATH`` of
the test's own plays the part of the player: it writes down what it was asked to play.
"""

from __future__ import annotations

import array
import logging
import math
import os
import stat
import sys
import threading
import time
import wave
from pathlib import Path

import pytest

from app.platform.sound import open_sound_player
from app.platform.sound_linux import LinuxSoundPlayer
from app.platform.sound_null import NullSoundPlayer
from app.platform.sound_process import CommandSoundPlayer
from app.resources import resources_dir
from tools.make_chime import write_chime

CHIME = resources_dir() / "sounds" / "chime.wav"
SOFT_DBFS = -12.0


def read_samples(path: Path) -> tuple[wave._wave_params, array.array[int]]:
    with wave.open(str(path), "rb") as wav:
        params = wav.getparams()
        samples = array.array("h", wav.readframes(params.nframes))
    if sys.byteorder != "little":
        samples.byteswap()
    return params, samples


def test_the_chime_is_a_short_soft_mono_wav_that_fades_in_and_out():
    params, samples = read_samples(CHIME)
    assert (params.nchannels, params.sampwidth, params.comptype) == (1, 2, "NONE")
    assert 0.3 <= params.nframes / params.framerate <= 1.5
    peak_dbfs = 20 * math.log10(max(abs(s) for s in samples) / 32768)
    assert -30 < peak_dbfs < SOFT_DBFS
    assert abs(samples[0]) < 100
    assert abs(samples[-1]) < 100


def test_the_chime_is_what_the_tool_writes(tmp_path):
    fresh = tmp_path / "chime.wav"
    write_chime(fresh)
    assert fresh.read_bytes() == CHIME.read_bytes()


# ------------------------------------------------------------------------------ Linux
def stand_in(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / name
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def wait_for(condition, timeout_s: float = 5.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def join_reapers() -> None:
    """Wait until every player started so far has been waited for (and reported on)."""
    for thread in threading.enumerate():
        if thread.name == "sound-reaper":
            thread.join(timeout=5)
            assert not thread.is_alive()


def test_the_linux_player_runs_the_first_player_on_the_path_with_the_file(tmp_path):
    bin_dir = tmp_path / "bin"
    heard = tmp_path / "heard.txt"
    stand_in(
        bin_dir, "pw-play", f'printf "%s\\n" "$@" > "{heard}.part" && mv "{heard}.part" "{heard}"'
    )
    stand_in(bin_dir, "paplay", f'echo wrong > "{tmp_path / "paplay-ran"}"')
    player = open_sound_player("linux", search_path=str(bin_dir))
    started = time.monotonic()
    player.play(CHIME)
    assert time.monotonic() - started < 0.5  # never waits for the sound
    wait_for(heard.exists)
    assert heard.read_text(encoding="utf-8").splitlines() == [str(CHIME)]
    assert not (tmp_path / "paplay-ran").exists()


def test_without_pipewire_it_falls_back_to_aplay_quietly(tmp_path):
    bin_dir = tmp_path / "bin"
    stand_in(bin_dir, "aplay", "exit 0")
    player = LinuxSoundPlayer(str(bin_dir))
    assert player.command == (str(bin_dir / "aplay"), "--quiet")


def test_a_missing_player_degrades_silently(tmp_path, caplog):
    empty = tmp_path / "empty"
    empty.mkdir()
    with caplog.at_level(logging.INFO):
        player = LinuxSoundPlayer(str(empty))
        player.play(CHIME)
        player.play(CHIME)
    assert player.command is None
    assert [r.levelno for r in caplog.records] == [logging.INFO]
    assert "no sound player found" in caplog.records[0].getMessage()


def test_a_failing_player_is_logged_once(tmp_path, caplog):
    bin_dir = tmp_path / "bin"
    runs = tmp_path / "runs"
    stand_in(bin_dir, "pw-play", f'echo run >> "{runs}"; exit 1')
    player = LinuxSoundPlayer(str(bin_dir))
    with caplog.at_level(logging.WARNING):
        for expected in (1, 2):
            player.play(CHIME)
            wait_for(lambda n=expected: runs.exists() and len(runs.read_text().split()) == n)
        join_reapers()
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1
    assert "exit status 1" in caplog.records[0].getMessage()


def test_a_stuck_player_is_stopped_after_the_time_limit(tmp_path):
    bin_dir = tmp_path / "bin"
    pid_file = tmp_path / "pid"
    stand_in(bin_dir, "stuck", f'echo $$ > "{pid_file}"; exec sleep 30')
    player = CommandSoundPlayer([str(bin_dir / "stuck")], timeout_s=0.3)
    player.play(CHIME)
    wait_for(lambda: pid_file.exists() and pid_file.read_text().strip() != "")
    pid = int(pid_file.read_text())

    def gone() -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False

    wait_for(gone)


@pytest.mark.parametrize("platform", ["sunos5", "emscripten"])
def test_an_unknown_platform_gets_the_silent_player(platform):
    assert isinstance(open_sound_player(platform), NullSoundPlayer)
