"""Key poses for the calf, ankle, spine and hip-flexor mobility exercises.

Uses the shared figure of ``draw.py`` so these pictures match the rest of the library; the
props this set needs beyond a chair and a desk (a wall, a mat) and the arrows for circles,
twists and there-and-back movements are small SVG helpers here, in the same colours.
Run ``python -m tools.figures.poses_mobility`` to rewrite this set's pictures.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from tools.figures.draw import (
    ACCENT,
    FLOOR_Y,
    PROP,
    STANDING_HIP_Y,
    Arm,
    Leg,
    Point,
    Pose,
    arrow,
    chair,
    desk,
    flat,
    floor,
    line,
    wall,
    write_pictures,
)

ARROW_W = 4.5
HEAD = 8.0
# Centre height of a knee or hand resting on the bare floor, and on a mat.
FLOOR_CONTACT_Y = 213.0
MAT_TOP_Y = 213.0
MAT_CONTACT_Y = 206.0


# ------------------------------------------------------------------------------ props
def mat(x1: float, x2: float) -> str:
    """An exercise mat lying on the floor: a thick strip just above the floor line."""
    return line([(x1, MAT_TOP_Y + 3), (x2, MAT_TOP_Y + 3)], PROP, 6)


# ----------------------------------------------------------------------------- arrows
def arrow_head(tip: Point, tail: Point) -> str:
    """An open arrowhead at ``tip``, pointing away from ``tail`` (same shape as ``arrow``)."""
    angle = math.atan2(tip[1] - tail[1], tip[0] - tail[0])
    left = (tip[0] - HEAD * math.cos(angle - 0.55), tip[1] - HEAD * math.sin(angle - 0.55))
    right = (tip[0] - HEAD * math.cos(angle + 0.55), tip[1] - HEAD * math.sin(angle + 0.55))
    return line([left, tip, right], ACCENT, ARROW_W)


def ellipse_points(
    center: Point, rx: float, ry: float, start_deg: float, end_deg: float, steps: int = 18
) -> list[Point]:
    """Points along an elliptical arc; angles run clockwise on screen from +x."""
    cx, cy = center
    out: list[Point] = []
    for i in range(steps + 1):
        a = math.radians(start_deg + (end_deg - start_deg) * i / steps)
        out.append((cx + rx * math.cos(a), cy + ry * math.sin(a)))
    return out


def arc_arrow(
    center: Point, rx: float, ry: float, start_deg: float, end_deg: float, both: bool = False
) -> str:
    """A curved accent arrow along an ellipse: a circle, a twist, or a there-and-back swing."""
    points = ellipse_points(center, rx, ry, start_deg, end_deg)
    body = line(points, ACCENT, ARROW_W)
    heads = arrow_head(points[-1], points[-3])
    if both:
        heads += arrow_head(points[0], points[2])
    return body + heads


def two_way(points: list[Point]) -> str:
    """A straight or quadratic accent arrow with a head at each end."""
    start_tail = points[1]
    return arrow(points) + arrow_head(points[0], start_tail)


# ------------------------------------------------------------------------------ poses
SEAT_Y = 168.0
SEATED_HIP_Y = 156.0


def calf_stretches() -> dict[str, Pose]:
    """Facing a wall, hands on it: the back leg straight (gastrocnemius) or bent (soleus)."""
    wall_x = 206.0
    return {
        "wall-calf-stretch": Pose(
            hip=(114.0, 126.0),
            lean=26,
            near_leg=Leg((60, 208), (76, 213), (1, 0)),
            far_leg=Leg((160, 208), (176, 213), (1, 0)),
            near_arm=Arm((wall_x - 9, 76), (0, 1)),
            far_arm=Arm((wall_x - 9, 82), (0, 1)),
            accent={"near_shin"},
            props=[wall(wall_x, 26, FLOOR_Y + 2), floor(30, wall_x)],
        ),
        "bent-knee-calf-stretch": Pose(
            hip=(122.0, 134.0),
            lean=12,
            near_leg=Leg((94, 208), (110, 213), (1, 0)),
            far_leg=Leg((160, 208), (176, 213), (1, 0)),
            near_arm=Arm((wall_x - 9, 96), (0, 1)),
            far_arm=Arm((wall_x - 9, 102), (0, 1)),
            accent={"near_shin"},
            props=[wall(wall_x, 26, FLOOR_Y + 2), floor(30, wall_x)],
        ),
    }


def ankle_moves() -> dict[str, Pose]:
    """Seated ankle work: circles with one foot lifted, pumps with both heels down."""
    hip = (84.0, SEATED_HIP_Y)
    circle_center = (164.0, 186.0)
    pump_toe_up = (186.0, 186.0)
    return {
        "seated-ankle-circles": Pose(
            hip=hip,
            lean=4,
            near_leg=Leg((150, 182), (164, 178), (0, -1)),
            far_leg=flat(126),
            near_arm=Arm((116, 150), (-1, 0.3)),
            far_arm=Arm((112, 152), (-1, 0.3)),
            accent={"near_shin"},
            props=[chair(90, SEAT_Y), floor(30, 212)],
            arrows=[arc_arrow(circle_center, 20, 20, -150, 160)],
        ),
        "seated-ankle-pumps": Pose(
            hip=hip,
            lean=-10,
            near_leg=Leg((176, 206), pump_toe_up, (0, -1)),
            far_leg=Leg((172, 206), (188, 212), (0, -1)),
            near_arm=Arm((104, 158), (-1, 0.4)),
            far_arm=Arm((100, 160), (-1, 0.4)),
            accent={"near_shin"},
            props=[chair(90, SEAT_Y), floor(30, 216)],
            arrows=[arc_arrow((176, 206), 36, 36, -78, -8, both=True)],
        ),
    }


def single_leg_calf_raise() -> Pose:
    """On the toes of one foot, the other hooked behind, one hand on the desk."""
    return Pose(
        hip=(112.0, 100.0),
        lean=10,
        near_leg=Leg((115, 194), (125, 211), (1, 0)),
        far_leg=Leg((78, 166), (70, 180), (1, 0)),
        near_arm=Arm((162, 118), (0, 1)),
        far_arm=Arm((120, 110), (-1, 0.2)),
        accent={"near_shin"},
        props=[desk(154, 122), floor(30, 154)],
        arrows=[arrow([(84, 212), (84, 184)])],
    )


def seated_spine() -> dict[str, Pose]:
    """Seated spine mobility: a twist to the backrest, a rounded back, a forward fold."""
    hip = (92.0, SEATED_HIP_Y)
    chair_props = [chair(98, SEAT_Y), floor(30, 212)]
    return {
        "seated-spinal-twist": Pose(
            hip=hip,
            lean=0,
            near_leg=flat(136),
            far_leg=flat(130),
            near_arm=Arm((50, 122), (0, 1)),
            far_arm=Arm((128, 150), (1, 0.6)),
            accent={"lower_back"},
            props=chair_props,
            arrows=[arc_arrow((96, 94), 34, 11, 10, 250)],
        ),
        "seated-cat-cow": Pose(
            hip=hip,
            lean=24,
            head_tilt=38,
            near_leg=flat(136),
            far_leg=flat(130),
            near_arm=Arm((138, 152), (1, 0.2)),
            far_arm=Arm((133, 154), (1, 0.2)),
            accent={"lower_back"},
            props=chair_props,
            arrows=[two_way([(72, 132), (54, 96), (84, 56)])],
        ),
        "seated-forward-fold": Pose(
            hip=hip,
            lean=66,
            head_tilt=30,
            near_leg=flat(140),
            far_leg=flat(134),
            near_arm=Arm((150, 204), (-1, 0)),
            far_arm=Arm((145, 204), (-1, 0)),
            accent={"lower_back"},
            props=chair_props,
        ),
    }


def standing_desk_cat_cow() -> Pose:
    """Hands on the desk, hips back, the back rounding up and sinking down."""
    return Pose(
        hip=(76.0, 118.0),
        lean=78,
        head_tilt=10,
        near_leg=flat(84),
        far_leg=flat(78),
        near_arm=Arm((196, 116), (0, 1)),
        far_arm=Arm((191, 116), (0, 1)),
        accent={"lower_back"},
        props=[desk(186, 122), floor(26, 186)],
        arrows=[two_way([(104, 64), (110, 96)])],
    )


def hip_flexors() -> dict[str, Pose]:
    """Hip-flexor stretches: perched sideways on a chair, and half-kneeling on a mat."""
    return {
        "seated-hip-flexor-stretch": Pose(
            hip=(112.0, SEATED_HIP_Y),
            lean=-2,
            near_leg=Leg((56, 190), (50, 212), (0.5, 1)),
            far_leg=Leg((164, 208), (180, 213), (0, -1)),
            near_arm=Arm((90, 108), (0, 1)),
            far_arm=Arm((140, 150), (-1, 0.3)),
            accent={"near_thigh"},
            props=[chair(138, SEAT_Y), floor(24, 212)],
        ),
        "half-kneeling-hip-flexor-stretch": Pose(
            hip=(100.0, 162.0),
            lean=-4,
            near_leg=Leg((42, MAT_CONTACT_Y), (32, MAT_CONTACT_Y + 5), (0, 1)),
            far_leg=Leg((152, 208), (168, 213), (0, -1)),
            near_arm=Arm((118, 38), (-1, 0)),
            far_arm=Arm((140, 150), (-1, 0.2)),
            accent={"near_thigh"},
            props=[mat(24, 186), floor(20, 206)],
        ),
    }


def standing_knee_raise_hold() -> Pose:
    """One knee held at hip height, a hand on the desk for balance."""
    return Pose(
        hip=(96.0, STANDING_HIP_Y),
        lean=0,
        near_leg=Leg((144, 160), (158, 166), (1, 0)),
        far_leg=flat(97),
        near_arm=Arm((168, 118), (0, 1)),
        far_arm=Arm((84, 124), (1, 0.3)),
        accent={"near_thigh"},
        props=[desk(164, 122), floor(30, 164)],
    )


def bird_dog() -> Pose:
    """On hands and knees, the near leg reaching back and the far arm reaching forward."""
    return Pose(
        hip=(104.0, 165.0),
        lean=66,
        head_tilt=10,
        near_leg=Leg((14, 156), (10, 170), (0, -1)),
        far_leg=Leg((60, FLOOR_CONTACT_Y), (52, FLOOR_CONTACT_Y + 4), (0, 1)),
        near_arm=Arm((160, FLOOR_CONTACT_Y), (-1, 0)),
        far_arm=Arm((222, 150), (0, 1)),
        accent={"near_thigh", "glutes"},
        props=[floor(20, 200)],
    )


def poses() -> dict[str, Pose]:
    """Every pose of this set, by exercise id."""
    result: dict[str, Pose] = {}
    result.update(calf_stretches())
    result.update(ankle_moves())
    result["single-leg-calf-raise"] = single_leg_calf_raise()
    result.update(seated_spine())
    result["standing-desk-cat-cow"] = standing_desk_cat_cow()
    result.update(hip_flexors())
    result["standing-knee-raise-hold"] = standing_knee_raise_hold()
    result["bird-dog"] = bird_dog()
    return result


def main(argv: Sequence[str] | None = None) -> None:
    """Write this set's pictures to the bundled illustrations (or to the folder given)."""
    write_pictures(poses(), argv)


if __name__ == "__main__":
    main()
