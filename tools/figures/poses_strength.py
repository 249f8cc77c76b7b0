"""Key poses for the leg-strength set: squats, lunges, a wall sit, quad work and foam rolling.

Drawn with the shared primitives of ``draw.py`` so these figures are the same person, in the
same style, as every other picture. The few props that set does not have (a wall, a
kettlebell, a foam roller) are small functions here, in the same prop colour.
Run ``python -m tools.figures.poses_strength [OUT_DIR]`` to rewrite the pictures.
"""

from __future__ import annotations

from collections.abc import Sequence

from tools.figures.draw import (
    ACCENT,
    FIGURE,
    FLOOR_Y,
    FOOT,
    HALO,
    HALO_EXTRA,
    LIMB_W,
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

ROLLER_R = 15
LYING_HIP_Y = FLOOR_Y - 9  # a body lying on its back: the torso stroke rests on the floor


def kettlebell(centre_x: float) -> str:
    """A small kettlebell resting on the floor: a round bell with a handle loop on top."""
    r = 12
    cy = FLOOR_Y - 2 - r
    bell = f'<circle cx="{centre_x:.1f}" cy="{cy:.1f}" r="{r}" fill="{PROP}"/>'
    base = line([(centre_x - 8, FLOOR_Y - 3), (centre_x + 8, FLOOR_Y - 3)], PROP, 5)
    top = cy - r + 3
    handle = (
        f'<path d="M{centre_x - 8:.1f},{top:.1f} C{centre_x - 9:.1f},{top - 17:.1f} '
        f'{centre_x + 9:.1f},{top - 17:.1f} {centre_x + 8:.1f},{top:.1f}" '
        f'stroke="{PROP}" stroke-width="5"/>'
    )
    return bell + base + handle


def foam_roller(centre_x: float) -> str:
    """A foam roller lying on the floor, seen end-on: a ring with its core."""
    cy = FLOOR_Y - 2 - ROLLER_R
    return (
        f'<circle cx="{centre_x:.1f}" cy="{cy:.1f}" r="{ROLLER_R}" fill="{PROP}"/>'
        f'<circle cx="{centre_x:.1f}" cy="{cy:.1f}" r="4" fill="{HALO}"/>'
    )


def roller_top(centre_x: float) -> Point:
    """Where a limb resting on the roller touches it."""
    return (centre_x, FLOOR_Y - 2 - 2 * ROLLER_R)


def crossed_leg(hip: Point, knee: Point, ankle: Point, toe: Point) -> str:
    """A near leg crossed over the other knee, ankle on top (a figure four).

    Seen from the side its thigh points at the viewer, so it is drawn here foreshortened,
    with the figure's halo, instead of by the fixed-length legs of ``draw.figure``.
    """
    points = [hip, knee, ankle, toe]
    return line(points, HALO, LIMB_W + HALO_EXTRA) + line(points, FIGURE, LIMB_W)


def core_mark(centre: Point) -> str:
    """An accent patch on the belly of a figure lying on its back.

    ``draw`` marks the lower back along the torso line, which the arms cover when they lie
    beside the body; the belly sits above that line and stays visible.
    """
    x, y = centre
    return (
        f'<ellipse cx="{x:.1f}" cy="{y:.1f}" rx="16" ry="7" fill="{ACCENT}" '
        f'stroke="{HALO}" stroke-width="2.5"/>'
    )


def poses() -> dict[str, Pose]:
    """Every picture of this set, keyed by exercise id."""
    result: dict[str, Pose] = {}

    result["bodyweight-squat"] = Pose(
        hip=(84.0, 162.0),
        lean=34,
        near_leg=Leg((128, 208), (144, 213), (1, -0.4)),
        far_leg=Leg((122, 208), (138, 213), (1, -0.4)),
        near_arm=Arm((190, 112), (0, 1)),
        far_arm=Arm((185, 118), (0, 1)),
        accent={"near_thigh"},
        props=[floor(30, 206)],
        arrows=[arrow([(52, 112), (52, 156)])],
    )

    result["kettlebell-deadlift"] = Pose(
        hip=(92.0, 126.0),
        lean=68,
        near_leg=flat(114),
        far_leg=flat(108),
        near_arm=Arm((146, 186), (1, 0)),
        far_arm=Arm((142, 186), (1, 0)),
        accent={"near_thigh", "glutes"},
        props=[floor(30, 206), kettlebell(146)],
        arrows=[arrow([(182, 192), (182, 150)])],
    )

    result["reverse-lunge"] = Pose(
        hip=(112.0, 158.0),
        lean=2,
        near_leg=Leg((156, 208), (172, 213), (1, -0.6)),
        far_leg=Leg((58, 202), (72, 214), (0, 1)),
        near_arm=Arm((124, 150), (-1, -0.4)),
        far_arm=Arm((120, 152), (-1, -0.4)),
        accent={"near_thigh"},
        props=[floor(24, 206)],
        arrows=[arrow([(92, 108), (52, 112), (34, 152)])],
    )

    result["split-squat-at-desk"] = Pose(
        hip=(96.0, 150.0),
        lean=4,
        near_leg=Leg((138, 208), (154, 213), (1, -0.6)),
        far_leg=Leg((44, 202), (58, 214), (0, 1)),
        near_arm=Arm((170, 121), (0, 1)),
        far_arm=Arm((166, 121), (0, 1)),
        accent={"near_thigh"},
        props=[desk(164, 124), floor(24, 164)],
        arrows=[arrow([(62, 118), (62, 156)])],
    )

    result["wall-sit"] = Pose(
        hip=(84.0, FLOOR_Y - 13 - 46),
        lean=0,
        near_leg=Leg((132, 208), (148, 213), (1, -1)),
        far_leg=Leg((126, 208), (142, 213), (1, -1)),
        near_arm=Arm((118, 156), (-1, 0.4)),
        far_arm=Arm((112, 156), (-1, 0.4)),
        accent={"near_thigh"},
        props=[wall(70, 34), floor(70, 206)],
    )

    result["standing-quad-stretch"] = Pose(
        hip=(96.0, STANDING_HIP_Y),
        lean=6,
        near_leg=Leg((72, 122), (62, 112), (-0.3, 1)),
        far_leg=flat(98),
        near_arm=Arm((72, 124), (-1, 0.3)),
        far_arm=Arm((150, 104), (0, 1)),
        accent={"near_thigh"},
        props=[desk(146, 108, 226), floor(30, 146)],
    )

    result["seated-leg-lift"] = Pose(
        hip=(90.0, 156.0),
        lean=-4,
        near_leg=Leg((182, 140), (186, 124), (0, -1)),
        far_leg=flat(132),
        near_arm=Arm((104, 166), (-1, 0)),
        far_arm=Arm((100, 166), (-1, 0)),
        accent={"near_thigh"},
        props=[chair(98, 168), floor(30, 206)],
        arrows=[arrow([(204, 176), (204, 140)])],
    )

    result["flutter-kicks"] = Pose(
        hip=(108.0, LYING_HIP_Y),
        lean=-90,
        head_tilt=12,
        near_leg=Leg((196, 158), (209, 152), (0, -1)),
        far_leg=Leg((208, 200), (221, 198), (0, -1)),
        near_arm=Arm((130, FLOOR_Y - 6), (0, -1)),
        far_arm=Arm((126, FLOOR_Y - 6), (0, -1)),
        props=[floor(18, 222)],
        arrows=[
            core_mark((88.0, LYING_HIP_Y - 7)),
            arrow([(196, 138), (196, 112)]),
            arrow([(226, 160), (226, 186)]),
        ],
    )

    roller_x = 84.0
    thigh_rest = roller_top(roller_x)
    result["foam-roll-quads"] = Pose(
        hip=(110.0, thigh_rest[1] - 7),
        lean=80,
        head_tilt=-10,
        near_leg=Leg((20, 206), (18, 216), (0, -1)),
        far_leg=Leg((24, 206), (22, 216), (0, -1)),
        near_arm=Arm((182, FLOOR_Y - 7), (-1, 1)),
        far_arm=Arm((178, FLOOR_Y - 7), (-1, 1)),
        accent={"near_thigh"},
        props=[floor(12, 226), foam_roller(roller_x)],
        arrows=[arrow([(96, 150), (56, 150)]), arrow([(60, 150), (100, 150)])],
    )

    roller_x = 96.0
    seat = roller_top(roller_x)
    hip: Point = (roller_x, seat[1] - 7)
    support_ankle: Point = (140.0, 208.0)
    result["foam-roll-hips"] = Pose(
        hip=hip,
        lean=-30,
        near_leg=Leg(support_ankle, (support_ankle[0] + FOOT, 213), (0, -1)),
        far_leg=Leg(support_ankle, (support_ankle[0] + FOOT, 213), (0, -1)),
        near_arm=Arm((54, FLOOR_Y - 8), (0, -1)),
        far_arm=Arm((58, FLOOR_Y - 8), (0, -1)),
        accent={"glutes"},
        props=[floor(30, 206), foam_roller(roller_x)],
        arrows=[
            crossed_leg(hip, knee=(122.0, 180.0), ankle=(144.0, 150.0), toe=(156.0, 142.0)),
            arrow([(96, 138), (126, 138)], head=6),
            arrow([(124, 138), (94, 138)], head=6),
        ],
    )

    result["short-walk"] = Pose(
        hip=(110.0, STANDING_HIP_Y + 4),
        lean=4,
        near_leg=Leg((80, 198), (94, 213), (1, 0)),
        far_leg=Leg((140, 204), (154, 194), (1, 0)),
        near_arm=Arm((150, 140), (-1, 0.3)),
        far_arm=Arm((96, 150), (1, 0.3)),
        accent={"near_shin"},
        props=[floor(30, 206)],
        arrows=[arrow([(150, 64), (198, 64)])],
    )
    return result


def main(argv: Sequence[str] | None = None) -> None:
    """Write this set's pictures to the bundled illustrations (or to the folder given)."""
    write_pictures(poses(), argv)


if __name__ == "__main__":
    main()
