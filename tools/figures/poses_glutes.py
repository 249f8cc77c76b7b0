"""Key poses for the glute and hamstring set: bridges, clamshells, abduction, kickbacks,
hamstring stretches and hinges, and ball or roller release.

Drawn with the shared primitives of ``draw.py`` so these figures are the same person, in the
same style, as every other picture. Side abduction cannot be seen from the side, so those two
figures face the viewer (legs apart). The props the shared module lacks (a desk seen from its
end, a band, a tennis ball, a foam roller, the bottom leg of a side-lying figure) are small
functions here, in the shared colours.
Run ``python -m tools.figures.poses_glutes [OUT_DIR]`` to rewrite the pictures.
"""

from __future__ import annotations

from collections.abc import Sequence

from tools.figures.draw import (
    ACCENT,
    FAR,
    FIGURE,
    FLOOR_Y,
    HALO,
    HALO_EXTRA,
    LIMB_W,
    PROP,
    SHIN,
    STANDING_HIP_Y,
    THIGH,
    Arm,
    Leg,
    Point,
    Pose,
    add,
    arrow,
    chair,
    desk,
    flat,
    floor,
    line,
    toward,
    write_pictures,
)

BALL_R = 9
ROLLER_R = 13
SEAT_Y = 168
THIGH_SHIN = THIGH + SHIN - 0.5  # a straight leg, just short of full reach so IK keeps it


def side_desk(far_edge_x: float, top_y: float, near_x: float = 4) -> str:
    """A desk beside a figure that faces the viewer: its top runs left from ``far_edge_x``."""
    return "".join(
        [
            line([(near_x, top_y), (far_edge_x, top_y)], PROP, 7),
            line([(far_edge_x - 10, top_y), (far_edge_x - 10, FLOOR_Y - 2)], PROP, 6),
        ]
    )


def band(left: Point, right: Point) -> str:
    """A short exercise band looped round both thighs: an accent ring between two points."""
    cx, cy = (left[0] + right[0]) / 2, (left[1] + right[1]) / 2
    rx = abs(right[0] - left[0]) / 2 + 9
    return (
        f'<ellipse cx="{cx:.1f}" cy="{cy:.1f}" rx="{rx:.1f}" ry="6" '
        f'stroke="{HALO}" stroke-width="{5 + HALO_EXTRA}"/>'
        f'<ellipse cx="{cx:.1f}" cy="{cy:.1f}" rx="{rx:.1f}" ry="6" '
        f'stroke="{ACCENT}" stroke-width="5"/>'
    )


def ball(centre: Point, r: float) -> str:
    """A ball or a roller seen end-on: a filled prop circle with a halo edge."""
    return (
        f'<circle cx="{centre[0]:.1f}" cy="{centre[1]:.1f}" r="{r}" fill="{PROP}" '
        f'stroke="{HALO}" stroke-width="2.5"/>'
    )


def drawn_leg(points: list[Point], colour: str = FAR) -> str:
    """A leg drawn by hand, for the poses two-link IK cannot place: a limb seen foreshortened
    (a side-lying bottom leg, a knee turned out towards the viewer)."""
    return line(points, HALO, LIMB_W + HALO_EXTRA) + line(points, colour, LIMB_W)


def poses() -> dict[str, Pose]:
    """Every pose of this set, keyed by exercise id."""
    result: dict[str, Pose] = {}

    # Lying on the back, heels near the seat, hips lifted so knees, hips and shoulders line up.
    hip = (126.0, 172.0)
    result["glute-bridge"] = Pose(
        hip=hip,
        lean=-116,
        head_tilt=30,
        near_leg=flat(170),
        far_leg=flat(164),
        near_arm=Arm((120, 213), (0, -1)),
        far_arm=Arm((114, 213), (0, -1)),
        accent={"glutes"},
        props=[floor(14, 226)],
        arrows=[arrow([(126, 150), (126, 116)])],
    )

    hip = (112.0, 172.0)
    result["single-leg-glute-bridge"] = Pose(
        hip=hip,
        lean=-116,
        head_tilt=30,
        near_leg=Leg(toward(hip, 64, THIGH_SHIN), add(toward(hip, 64, THIGH_SHIN), (4, -15))),
        far_leg=flat(156),
        near_arm=Arm((106, 213), (0, -1)),
        far_arm=Arm((100, 213), (0, -1)),
        accent={"glutes", "near_thigh"},
        props=[floor(14, 226)],
        arrows=[arrow([(92, 156), (92, 122)])],
    )

    # Side-lying, head on the lower arm; the top knee opens while the feet stay together.
    hip = (132.0, 206.0)
    result["clamshell"] = Pose(
        hip=hip,
        lean=-76,
        head_tilt=20,
        near_leg=Leg((196, 205), (206, 198), (0, -1)),
        far_leg=Leg((196, 205), (206, 198), (0, -1)),
        near_arm=Arm((126, 194), (0, -1)),
        far_arm=Arm((50, 178), (-1, 1)),
        accent={"near_thigh"},
        props=[
            floor(14, 226),
            drawn_leg([hip, (168, 213), (198, 212), (210, 206)]),
        ],
        arrows=[arrow([(182, 176), (184, 148), (162, 138)])],
    )

    # Facing the viewer: hands on hips, a band round the thighs, one leg pushed out sideways.
    hip = (108.0, STANDING_HIP_Y)
    near_ankle = toward(hip, 152, THIGH_SHIN)
    result["band-hip-abduction"] = Pose(
        hip=hip,
        lean=0,
        near_leg=Leg(near_ankle, add(near_ankle, (9, 5))),
        far_leg=Leg((98, 208), (89, 213)),
        near_arm=Arm((122, 116), (1, -0.3)),
        far_arm=Arm((94, 116), (-1, -0.3)),
        accent={"near_thigh"},
        props=[floor(40, 200)],
        arrows=[
            band(toward(hip, 186, 36), toward(hip, 152, 36)),
            arrow([(170, 204), (188, 184), (190, 158)]),
        ],
    )

    hip = (132.0, STANDING_HIP_Y)
    near_ankle = toward(hip, 146, THIGH_SHIN)
    result["standing-hip-abduction"] = Pose(
        hip=hip,
        lean=-4,
        near_leg=Leg(near_ankle, add(near_ankle, (9, 5))),
        far_leg=Leg((124, 208), (115, 213)),
        near_arm=Arm((146, 112), (1, -0.3)),
        far_arm=Arm((70, 120), (0, 1)),
        accent={"near_thigh"},
        props=[side_desk(80, 122), floor(40, 214)],
        arrows=[arrow([(196, 204), (216, 182), (216, 150)])],
    )

    # Hands on the desk, a straight leg pressed back from the hip.
    hip = (114.0, 110.0)
    result["standing-glute-kickback"] = Pose(
        hip=hip,
        lean=28,
        near_leg=Leg(toward(hip, -124, THIGH_SHIN), add(toward(hip, -124, THIGH_SHIN), (-6, 15))),
        far_leg=flat(118),
        near_arm=Arm((164, 120), (0, 1)),
        far_arm=Arm((160, 120), (0, 1)),
        accent={"glutes", "near_thigh"},
        props=[desk(156, 124), floor(24, 156)],
        arrows=[arrow([(20, 208), (20, 176)])],
    )

    # Seated, ankle over the other knee, leaning forward with a long back.
    # The crossed leg turns out towards the viewer, so it is drawn foreshortened by hand.
    hip = (94.0, 156.0)
    result["seated-figure-four-stretch"] = Pose(
        hip=hip,
        lean=40,
        near_leg=flat(136),
        far_leg=flat(136),
        near_arm=Arm((150, 150), (0, 1)),
        far_arm=Arm((128, 140), (0, 1)),
        accent={"glutes"},
        props=[chair(100, SEAT_Y), floor(30, 206)],
        arrows=[drawn_leg([hip, (122, 138), (150, 152), (160, 146)], FIGURE)],
    )

    # Seated upright on a ball placed under one buttock.
    hip = (96.0, SEAT_Y - 2 * BALL_R - 8)
    result["tennis-ball-glute-release"] = Pose(
        hip=hip,
        lean=4,
        near_leg=flat(144),
        far_leg=flat(138),
        near_arm=Arm((136, 146), (-1, 0.3)),
        far_arm=Arm((130, 147), (-1, 0.3)),
        accent={"glutes"},
        props=[chair(106, SEAT_Y), floor(30, 206)],
        arrows=[ball((90, SEAT_Y - BALL_R - 3), BALL_R)],
    )

    # Standing, heel dug in front with toes up, hinging forward from the hips.
    hip = (92.0, 124.0)
    result["standing-hamstring-stretch"] = Pose(
        hip=hip,
        lean=60,
        near_leg=Leg((137, 205), (143, 190)),
        far_leg=Leg((78, 208), (94, 213), (1, 0)),
        near_arm=Arm((120, 158), (-1, 0)),
        far_arm=Arm((116, 158), (-1, 0)),
        accent={"near_thigh"},
        props=[floor()],
        arrows=[],
    )

    # One hand on the desk, reaching forward on one leg as the other extends behind.
    hip = (100.0, 114.0)
    back_ankle = toward(hip, -100, THIGH_SHIN)
    result["standing-single-leg-hinge"] = Pose(
        hip=hip,
        lean=72,
        near_leg=Leg((104, 208), (120, 213), (1, 0)),
        far_leg=Leg(back_ankle, add(back_ankle, (-2, 15))),
        near_arm=Arm((184, 131), (0, 1)),
        far_arm=Arm((146, 164), (-1, 0)),
        accent={"near_thigh"},
        props=[desk(176, 134), floor(30, 176)],
        arrows=[arrow([(192, 54), (216, 64), (220, 92)])],
    )

    # Seated, one heel drawn back under the seat and pressed down and back.
    hip = (100.0, 156.0)
    result["seated-hamstring-curl-press"] = Pose(
        hip=hip,
        lean=2,
        near_leg=Leg((120, 208), (134, 214), (1, 0)),
        far_leg=flat(146),
        near_arm=Arm((138, 150), (-1, 0.3)),
        far_arm=Arm((132, 151), (-1, 0.3)),
        accent={"near_thigh"},
        props=[chair(104, SEAT_Y), floor(30, 206)],
        arrows=[arrow([(138, 196), (112, 196)])],
    )

    # Sitting on the floor, hands behind, the back of one thigh on a roller.
    hip = (92.0, FLOOR_Y - 2 * ROLLER_R - 4)
    result["foam-roll-hamstrings"] = Pose(
        hip=hip,
        lean=-34,
        near_leg=Leg((184, 200), (190, 186)),
        far_leg=Leg((176, 206), (182, 192), (0, -1)),
        near_arm=Arm((48, 213), (1, 0)),
        far_arm=Arm((54, 213), (1, 0)),
        accent={"near_thigh"},
        props=[floor(20, 220), ball((124, FLOOR_Y - ROLLER_R - 2), ROLLER_R)],
        arrows=[],
    )
    return result


def main(argv: Sequence[str] | None = None) -> None:
    """Write this set's pictures to the bundled illustrations (or to the folder given)."""
    write_pictures(poses(), argv)


if __name__ == "__main__":
    main()
