"""Frames for the movements done in repetitions: keyframes, and in-betweens drawn from them.

Each movement is two or three keyframes of the same figure (``draw.Pose``: hip, torso lean,
ankles, hands), from where a rep starts to where it turns back. The poses in between are
not cross-faded pictures but poses of their own: the joint positions are interpolated and
the knees and elbows placed again by the same two-link IK, so limbs keep their lengths in
every frame. The last keyframe is usually the exercise's still picture without its arrow:
in motion the figure shows the direction itself.

Frames are written as ``<id>.move-<n>.svg`` (n from 1) beside the still pictures, which are
left untouched; each exercise's ``animation.frames`` lists its files in order.
Run ``python -m tools.figures.animation [OUT_DIR]`` to rewrite them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from tools.figures import draw as figures
from tools.figures import poses_glutes, poses_strength
from tools.figures.draw import (
    ILLUSTRATIONS,
    PROP,
    SHIN,
    SHOULDER,
    STANDING_HIP_Y,
    THIGH,
    Arm,
    Leg,
    Point,
    Pose,
    flat,
    line,
    svg,
    toward,
    two_link,
)

IN_BETWEENS = 4
"""Poses drawn between two keyframes: with two keyframes a movement has six frames."""
BRIDGE_LOW_HIP_Y = 199.0
"""A bridge's hips at the bottom of a rep: just off the floor (the glute mark under the hip
then touches the floor line instead of sinking through it)."""
BRIDGE_LOW_LEAN = -102.0
"""The torso from those hips down to shoulders resting on the floor."""
BRIDGE_LOW_HEAD_TILT = 35.0
"""The head resting on the floor behind the shoulders."""
HANG = 70.0
"""How far below the shoulder relaxed hands hang holding something (arms nearly straight)."""


@dataclass(frozen=True)
class Move:
    """One movement: keyframes from the start of a rep to where it turns back."""

    keyframes: tuple[Pose, ...]
    dress: Callable[[Pose], Pose] | None = None
    """Adjusts every frame after interpolation, e.g. hands that keep holding a kettlebell."""


# ------------------------------------------------------------------------- interpolation
def mix(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def mix_point(a: Point, b: Point, t: float) -> Point:
    return (mix(a[0], b[0], t), mix(a[1], b[1], t))


def placed_knee(hip: Point, leg: Leg) -> Point:
    """Where the figure draws this leg's knee: by hand if given, else by IK."""
    if leg.knee is not None:
        return leg.knee
    return two_link(hip, leg.ankle, THIGH, SHIN, leg.knee_prefer)[0]


def mix_leg(a: Leg, b: Leg, hip_a: Point, hip_b: Point, hip: Point, t: float) -> Leg:
    knee: Point | None = None
    if a.knee is not None or b.knee is not None:  # a hand-placed knee moves by hand too
        knee = mix_point(placed_knee(hip_a, a), placed_knee(hip_b, b), t)
    return Leg(
        mix_point(a.ankle, b.ankle, t),
        mix_point(a.toe, b.toe, t),
        mix_point(a.knee_prefer, b.knee_prefer, t),
        knee,
    )


def mix_arm(a: Arm, b: Arm, t: float) -> Arm:
    return Arm(mix_point(a.hand, b.hand, t), mix_point(a.elbow_prefer, b.elbow_prefer, t))


def mix_pose(a: Pose, b: Pose, t: float) -> Pose:
    """The pose a fraction ``t`` of the way from ``a`` to ``b``; props and accent from ``a``."""
    hip = mix_point(a.hip, b.hip, t)
    return Pose(
        hip=hip,
        lean=mix(a.lean, b.lean, t),
        near_leg=mix_leg(a.near_leg, b.near_leg, a.hip, b.hip, hip, t),
        far_leg=mix_leg(a.far_leg, b.far_leg, a.hip, b.hip, hip, t),
        near_arm=mix_arm(a.near_arm, b.near_arm, t),
        far_arm=mix_arm(a.far_arm, b.far_arm, t),
        head_tilt=mix(a.head_tilt, b.head_tilt, t),
        accent=set(a.accent),
        props=list(a.props),
        arrows=list(a.arrows),
    )


def frames(move: Move, between: int = IN_BETWEENS) -> list[Pose]:
    """Every frame of ``move`` in order: each keyframe, ``between`` poses after each but last."""
    out: list[Pose] = []
    for first, second in zip(move.keyframes, move.keyframes[1:], strict=False):
        out.extend(mix_pose(first, second, step / (between + 1)) for step in range(between + 1))
    out.append(mix_pose(move.keyframes[-1], move.keyframes[-1], 0.0))
    return [move.dress(pose) if move.dress else pose for pose in out]


def frame_name(exercise_id: str, index: int) -> str:
    """The file of frame ``index`` (from 0): ``glute-bridge.move-1.svg``."""
    return f"{exercise_id}.move-{index + 1}.svg"


# ------------------------------------------------------------------------------- props
KETTLEBELL_R = 12
GRIP_TO_BELL = 21
"""From the hand holding the handle down to the centre of the bell."""
LOWEST_GRIP_Y = figures.FLOOR_Y - 2 - KETTLEBELL_R - GRIP_TO_BELL
"""The grip when the bell rests on the floor."""


def held_kettlebell(grip: Point) -> str:
    """The kettlebell of ``poses_strength`` hanging from a hand at ``grip`` (its handle)."""
    r = KETTLEBELL_R
    cx, cy = grip[0], grip[1] + GRIP_TO_BELL
    top = cy - r + 3
    bell = f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r}" fill="{PROP}"/>'
    base = line([(cx - 8, cy + r - 1), (cx + 8, cy + r - 1)], PROP, 5)
    handle = (
        f'<path d="M{cx - 8:.1f},{top:.1f} C{cx - 9:.1f},{top - 17:.1f} '
        f'{cx + 9:.1f},{top - 17:.1f} {cx + 8:.1f},{top:.1f}" '
        f'stroke="{PROP}" stroke-width="5"/>'
    )
    return bell + base + handle


def hanging_hands(pose: Pose) -> Pose:
    """Both hands straight down from the shoulder, holding a kettlebell that never floats.

    The bell sits on the floor at the bottom of the hinge: the hands go no lower than its
    handle.
    """
    shoulder = toward(pose.hip, pose.lean, SHOULDER)
    grip = (shoulder[0] + 3, min(shoulder[1] + HANG, LOWEST_GRIP_Y))
    bell = held_kettlebell(grip)
    return replace(
        pose,
        near_arm=Arm(grip, (1, 0)),
        far_arm=Arm((grip[0] - 4, grip[1]), (1, 0)),
        props=[figures.floor(30, 206)],
        arrows=[bell],
    )


# ------------------------------------------------------------------------------- moves
def still(pose: Pose) -> Pose:
    """A still picture's pose without its motion arrows."""
    return replace(pose, props=list(pose.props), arrows=[], accent=set(pose.accent))


def moves() -> dict[str, Move]:
    """Every animated movement, keyed by exercise id."""
    glutes = poses_glutes.poses()
    strength = poses_strength.poses()
    basic = figures.poses()
    result: dict[str, Move] = {}

    # Hips down on the floor, then lifted until knees, hips and shoulders line up.
    up = still(glutes["glute-bridge"])
    down = replace(
        still(up),
        hip=(132.0, BRIDGE_LOW_HIP_Y),
        lean=BRIDGE_LOW_LEAN,
        head_tilt=BRIDGE_LOW_HEAD_TILT,
        near_leg=Leg(up.near_leg.ankle, up.near_leg.toe, (0.3, -1)),
        far_leg=Leg(up.far_leg.ankle, up.far_leg.toe, (0.3, -1)),
        # Arms long on the floor: hands slide a little towards the feet as the hips lift.
        near_arm=Arm((148, 213), (0, -1)),
        far_arm=Arm((145, 213), (0, -1)),
    )
    result["glute-bridge"] = Move((down, replace(up, near_leg=down.near_leg, far_leg=down.far_leg)))

    up = still(glutes["single-leg-glute-bridge"])
    lifted = up.near_leg
    down_hip = (118.0, BRIDGE_LOW_HIP_Y)
    straight = toward(down_hip, 78, poses_glutes.THIGH_SHIN)
    down = replace(
        still(up),
        hip=down_hip,
        lean=BRIDGE_LOW_LEAN,
        head_tilt=BRIDGE_LOW_HEAD_TILT,
        near_arm=Arm((134, 213), (0, -1)),
        far_arm=Arm((131, 213), (0, -1)),
        near_leg=Leg(straight, (straight[0] + 4, straight[1] - 15), lifted.knee_prefer),
        far_leg=Leg(up.far_leg.ankle, up.far_leg.toe, (0.3, -1)),
    )
    result["single-leg-glute-bridge"] = Move(
        (down, replace(up, far_leg=Leg(up.far_leg.ankle, up.far_leg.toe, (0.3, -1))))
    )

    # Standing tall, then sitting back and down with the arms reaching forward.
    low = still(strength["bodyweight-squat"])
    standing_hip = (124.0, STANDING_HIP_Y)
    high = replace(
        still(low),
        hip=standing_hip,
        lean=4,
        near_arm=Arm((196, 64), (0, 1)),
        far_arm=Arm((191, 70), (0, 1)),
    )
    result["bodyweight-squat"] = Move((high, low))

    # Seated, leaning forward over the feet, then standing up tall.
    rising = still(basic["chair-sit-to-stand"])
    seated = replace(
        still(rising),
        hip=(92.0, 156.0),
        lean=6,
        near_arm=Arm((150, 108), (0, 1)),
        far_arm=Arm((145, 112), (0, 1)),
    )
    standing = replace(
        still(rising),
        hip=(132.0, STANDING_HIP_Y),
        lean=3,
        near_arm=Arm((200, 70), (0, 1)),
        far_arm=Arm((195, 74), (0, 1)),
    )
    result["chair-sit-to-stand"] = Move((seated, rising, standing))

    # Standing with the feet together, then a long step back and down.
    lunge = still(strength["reverse-lunge"])
    front = lunge.near_leg
    tall = replace(
        still(lunge),
        hip=(152.0, STANDING_HIP_Y),
        lean=0,
        far_leg=Leg((146, 208), (162, 213), (1, 0)),
        near_arm=Arm((164, 150), (-1, -0.4)),
        far_arm=Arm((160, 152), (-1, -0.4)),
    )
    stepping = replace(
        still(lunge),
        hip=(134.0, 128.0),
        lean=2,
        far_leg=Leg((96, 196), (110, 206), (0, 1)),
        near_leg=front,
        near_arm=Arm((146, 120), (-1, -0.4)),
        far_arm=Arm((142, 122), (-1, -0.4)),
    )
    result["reverse-lunge"] = Move((tall, stepping, lunge))

    # Standing tall holding the bell, then hinging back to set it on the floor.
    # Hips a little lower than in the still picture, so the hanging bell reaches the floor.
    hinge = replace(still(strength["kettlebell-deadlift"]), hip=(90.0, 136.0))
    upright = replace(still(hinge), hip=(110.0, STANDING_HIP_Y), lean=3)
    result["kettlebell-deadlift"] = Move((upright, hinge), dress=hanging_hands)

    # Side-lying, the top knee resting on the bottom one, then opened towards the ceiling.
    opened = still(glutes["clamshell"])
    bottom = [opened.hip, (168.0, 213.0), (198.0, 212.0), (210.0, 206.0)]
    top_open = placed_knee(opened.hip, opened.near_leg)
    closed_leg = Leg((196, 206), (208, 200), (0, -1), knee=(166.0, 205.0))
    bottom_leg = Leg(bottom[2], bottom[3], (0, 1), knee=bottom[1])
    closed = replace(
        opened, props=[figures.floor(14, 226)], near_leg=closed_leg, far_leg=bottom_leg
    )
    opened = replace(
        closed,
        near_leg=replace(opened.near_leg, knee=top_open),
    )
    result["clamshell"] = Move((closed, opened))

    # Standing tall, then one knee drawn up to hip height with the opposite arm swinging.
    marching = still(basic["standing-march"])
    feet_down = replace(
        still(marching),
        near_leg=flat(116),
        near_arm=Arm((118, 130), (-1, 0.3)),
        far_arm=Arm((114, 131), (-1, 0.3)),
    )
    result["standing-march"] = Move((feet_down, marching))

    # Standing tall, hands on the thighs, then hips pushed back with a long flat back.
    hinged = still(basic["standing-hip-hinge"])
    tall = replace(
        still(hinged),
        hip=(121.0, STANDING_HIP_Y),
        lean=2,
        near_arm=Arm((130, 126), (1, 0)),
        far_arm=Arm((126, 127), (1, 0)),
    )
    result["standing-hip-hinge"] = Move((tall, hinged))

    # Heels down, then up on the toes, fingertips on the desk.
    raised = still(basic["desk-calf-raise"])
    heels_down = replace(
        still(raised),
        hip=(110.0, 114.0),
        near_leg=Leg((113, 208), (129, 213)),
        far_leg=Leg((109, 208), (125, 213)),
    )
    result["desk-calf-raise"] = Move((heels_down, raised))

    # Seated, the foot on the floor, then the knee straightened, then the straight leg lifted.
    leg_up = still(strength["seated-leg-lift"])
    foot_down = replace(still(leg_up), near_leg=Leg((138, 208), (154, 213), (0, -1)))
    reach = toward(leg_up.hip, 100, poses_glutes.THIGH_SHIN)
    knee_straight = replace(
        still(leg_up), near_leg=Leg(reach, (reach[0] + 6, reach[1] - 15), (0, -1))
    )
    result["seated-leg-lift"] = Move((foot_down, knee_straight, leg_up))

    # Hands on the desk, both feet down, then one straight leg pressed back.
    kicked = still(glutes["standing-glute-kickback"])
    together = replace(still(kicked), near_leg=flat(121))
    result["standing-glute-kickback"] = Move((together, kicked))
    return result


# ------------------------------------------------------------------------------ output
def frame_files(move: Move, exercise_id: str) -> dict[str, str]:
    """File name to SVG text for every frame of ``move``."""
    return {frame_name(exercise_id, i): svg(pose) for i, pose in enumerate(frames(move))}


def main(argv: Sequence[str] | None = None) -> None:
    """Write every movement's frames to the bundled illustrations (or the folder given)."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else ILLUSTRATIONS
    out.mkdir(parents=True, exist_ok=True)
    for exercise_id, move in moves().items():
        for name, text in frame_files(move, exercise_id).items():
            (out / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
