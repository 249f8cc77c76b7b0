"""Draws Sitbreak's exercise figures as SVG from hand-placed key poses.

One style for all: a side-view line figure (round head, thick rounded limbs), far-side limbs
lighter, a light halo around the figure so it reads on dark backgrounds, the working part in
the accent colour, props (chair, desk) and the floor in a light slate, motion arrows in the
accent colour. Poses give the hip, feet and hands; knees and elbows come from two-link IK so
limb lengths stay the same in every picture.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

Point = tuple[float, float]

FIGURE = "#5a6b7b"
FAR = "#91a0ae"
HALO = "#eef2f5"
ACCENT = "#e8743b"
PROP = "#a4b0bc"

LIMB_W = 11
TORSO_W = 13
HALO_EXTRA = 5
HEAD_R = 14

TORSO = 64
SHOULDER = 55
THIGH = 48
SHIN = 46
FOOT = 16
UPPER_ARM = 37
FOREARM = 35

FLOOR_Y = 221


def add(a: Point, b: Point) -> Point:
    return (a[0] + b[0], a[1] + b[1])


def toward(a: Point, angle_deg: float, length: float) -> Point:
    """From ``a``, ``length`` along ``angle_deg`` from straight up (+ leans forward, +x)."""
    r = math.radians(angle_deg)
    return (a[0] + length * math.sin(r), a[1] - length * math.cos(r))


def along(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def two_link(a: Point, b: Point, l1: float, l2: float, prefer: Point) -> tuple[Point, Point]:
    """The middle joint between ``a`` and ``b`` (``b`` clamped to reach), bent to ``prefer``."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    d = math.hypot(dx, dy)
    if d >= l1 + l2 - 1e-6:
        ux, uy = dx / d, dy / d
        mid = (a[0] + ux * l1, a[1] + uy * l1)
        return mid, (a[0] + ux * (l1 + l2), a[1] + uy * (l1 + l2))
    d = max(d, abs(l1 - l2) + 1e-6)
    x = (l1 * l1 - l2 * l2 + d * d) / (2 * d)
    h = math.sqrt(max(l1 * l1 - x * x, 0.0))
    ux, uy = dx / d, dy / d
    base = (a[0] + ux * x, a[1] + uy * x)
    c1 = (base[0] - uy * h, base[1] + ux * h)
    c2 = (base[0] + uy * h, base[1] - ux * h)

    def score(c: Point) -> float:
        return (c[0] - base[0]) * prefer[0] + (c[1] - base[1]) * prefer[1]

    return (c1 if score(c1) >= score(c2) else c2), b


@dataclass
class Leg:
    ankle: Point
    toe: Point
    knee_prefer: Point = (1.0, 0.0)
    knee: Point | None = None
    """A knee placed by hand, for a thigh seen foreshortened (it turns towards the viewer),
    which two-link IK with fixed lengths cannot draw; None lets IK place it."""


@dataclass
class Arm:
    hand: Point
    elbow_prefer: Point = (-1.0, 0.4)


@dataclass
class Pose:
    hip: Point
    lean: float  # torso angle from vertical, + forward
    near_leg: Leg
    far_leg: Leg
    near_arm: Arm
    far_arm: Arm
    head_tilt: float = 0.0  # extra angle of the head from the torso line
    accent: set[str] = field(default_factory=set)  # near_thigh, near_shin, lower_back, glutes...
    props: list[str] = field(default_factory=list)  # raw svg elements, drawn first
    arrows: list[str] = field(default_factory=list)  # raw svg elements, drawn last


def fmt(p: Point) -> str:
    return f"{p[0]:.1f},{p[1]:.1f}"


def line(points: list[Point], color: str, width: float) -> str:
    if len(points) == 2:
        (x1, y1), (x2, y2) = points
        return (
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{color}" stroke-width="{width}"/>'
        )
    pts = " ".join(fmt(p) for p in points)
    return f'<polyline points="{pts}" stroke="{color}" stroke-width="{width}"/>'


def arrow(points: list[Point], color: str = ACCENT, width: float = 4.5, head: float = 8.0) -> str:
    """A polyline (or quadratic curve through 3 points) ending in an open arrowhead."""
    if len(points) == 3:
        (x0, y0), (cx, cy), (x1, y1) = points
        body = (
            f'<path d="M{x0:.1f},{y0:.1f} Q{cx:.1f},{cy:.1f} {x1:.1f},{y1:.1f}" '
            f'stroke="{color}" stroke-width="{width}"/>'
        )
        tail = (cx, cy)
    else:
        body = line(points, color, width)
        tail = points[-2]
    tip = points[-1]
    ang = math.atan2(tip[1] - tail[1], tip[0] - tail[0])
    left = (tip[0] - head * math.cos(ang - 0.55), tip[1] - head * math.sin(ang - 0.55))
    right = (tip[0] - head * math.cos(ang + 0.55), tip[1] - head * math.sin(ang + 0.55))
    return body + line([left, tip, right], color, width)


def chair(seat_front_x: float, seat_y: float, facing: int = 1, depth: float = 52) -> str:
    """Side view of a simple chair; the sitter faces +x when ``facing`` is 1."""
    back_x = seat_front_x - facing * depth
    w = 6
    parts = [
        line([(back_x, seat_y - 62), (back_x, FLOOR_Y - 2)], PROP, w),  # back post and rear leg
        line([(back_x, seat_y), (seat_front_x, seat_y)], PROP, w + 1),  # seat
        line(
            [(seat_front_x - facing * 4, seat_y), (seat_front_x - facing * 4, FLOOR_Y - 2)], PROP, w
        ),
    ]
    return "".join(parts)


def desk(near_x: float, top_y: float, far_x: float = 236) -> str:
    w = 6
    return "".join(
        [
            line([(near_x, top_y), (far_x, top_y)], PROP, w + 1),
            line([(near_x + 10, top_y), (near_x + 10, FLOOR_Y - 2)], PROP, w),
        ]
    )


def floor(x1: float = 34, x2: float = 206) -> str:
    return line([(x1, FLOOR_Y), (x2, FLOOR_Y)], PROP, 4)


def figure(p: Pose) -> str:
    neck = toward(p.hip, p.lean, TORSO)
    shoulder = toward(p.hip, p.lean, SHOULDER)
    head = toward(neck, p.lean + p.head_tilt, HEAD_R + 4)

    def leg(limb: Leg) -> list[Point]:
        if limb.knee is not None:
            return [p.hip, limb.knee, limb.ankle, limb.toe]
        knee, ankle = two_link(p.hip, limb.ankle, THIGH, SHIN, limb.knee_prefer)
        toe = (
            limb.toe
            if ankle == limb.ankle
            else (limb.toe[0] + ankle[0] - limb.ankle[0], limb.toe[1] + ankle[1] - limb.ankle[1])
        )
        return [p.hip, knee, ankle, toe]

    def arm(a: Arm) -> list[Point]:
        elbow, hand = two_link(shoulder, a.hand, UPPER_ARM, FOREARM, a.elbow_prefer)
        return [shoulder, elbow, hand]

    near_leg, far_leg = leg(p.near_leg), leg(p.far_leg)
    near_arm, far_arm = arm(p.near_arm), arm(p.far_arm)
    torso = [p.hip, neck]

    segments: list[tuple[list[Point], str, float]] = [
        (far_arm, FAR, LIMB_W),
        (far_leg, FAR, LIMB_W),
        (torso, FIGURE, TORSO_W),
        (near_leg, FIGURE, LIMB_W),
        (near_arm, FIGURE, LIMB_W),
    ]
    accents: list[tuple[list[Point], float]] = []
    if "near_thigh" in p.accent:
        accents.append((near_leg[0:2], LIMB_W))
    if "near_shin" in p.accent:
        accents.append((near_leg[1:3], LIMB_W))
    if "far_thigh" in p.accent:
        accents.append((far_leg[0:2], LIMB_W))

    out: list[str] = []
    # Halo: one pass under everything so the figure separates from any background.
    halo = [line(pts, HALO, w + HALO_EXTRA) for pts, _, w in segments]
    halo.append(
        f'<circle cx="{head[0]:.1f}" cy="{head[1]:.1f}" '
        f'r="{HEAD_R + HALO_EXTRA / 2:.1f}" fill="{HALO}"/>'
    )
    out.append("<g>\n" + "\n".join("    " + h for h in halo) + "\n  </g>")
    body: list[str] = []
    for pts, color, w in segments[:2]:
        body.append(line(pts, color, w))
    if "glutes" in p.accent:
        body.append(glute_mark(p))
    body.append(line(torso, FIGURE, TORSO_W))
    if "lower_back" in p.accent:
        body.append(line([p.hip, toward(p.hip, p.lean, 30)], ACCENT, TORSO_W))
    body.append(line(near_leg, FIGURE, LIMB_W))
    for pts, w in accents:
        body.append(line(pts, ACCENT, w))
    body.append(line(near_arm, FIGURE, LIMB_W))
    body.append(f'<circle cx="{head[0]:.1f}" cy="{head[1]:.1f}" r="{HEAD_R}" fill="{FIGURE}"/>')
    out.extend(body)
    return "\n  ".join(out)


def glute_mark(p: Pose) -> str:
    """A filled accent shape on the back of the hip, under the torso line."""
    back = toward(p.hip, p.lean - 90, 9)  # behind the hip
    low = toward(back, p.lean + 180, 3)
    return (
        f'<ellipse cx="{low[0]:.1f}" cy="{low[1]:.1f}" rx="11" ry="14" '
        f'transform="rotate({p.lean:.1f} {low[0]:.1f} {low[1]:.1f})" fill="{ACCENT}" '
        f'stroke="{HALO}" stroke-width="2.5"/>'
    )


def svg(p: Pose) -> str:
    p.props = [e for x in p.props for e in split(x)]
    p.arrows = [e for x in p.arrows for e in split(x)]
    return _svg(p)


def split(elements: str) -> list[str]:
    return [e + "/>" for e in elements.split("/>") if e.strip()]


def _svg(p: Pose) -> str:
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" width="240" height="240">',
        '<g fill="none" stroke-linecap="round" stroke-linejoin="round">',
        "\n".join("  " + x for x in p.props),
        "  " + figure(p),
        "\n".join("  " + x for x in p.arrows),
        "</g>",
        "</svg>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


# ---------------------------------------------------------------------------- poses
ANKLE_Y = 208
TOE_DROP = 5


def flat(ankle_x: float, forward: float = 1) -> Leg:
    return Leg((ankle_x, ANKLE_Y), (ankle_x + forward * FOOT, ANKLE_Y + TOE_DROP))


STANDING_HIP_Y = ANKLE_Y - THIGH - SHIN + 0.5


def poses() -> dict[str, Pose]:
    result: dict[str, Pose] = {}

    hip = (118.0, STANDING_HIP_Y)
    result["standing-glute-squeeze"] = Pose(
        hip=hip,
        lean=0,
        near_leg=flat(121),
        far_leg=flat(114),
        near_arm=Arm((133, 132), (-1, 0.2)),
        far_arm=Arm((127, 133), (-1, 0.2)),
        accent={"glutes"},
        props=[floor()],
        arrows=[
            arrow([(72, 104), (88, 116)]),
            arrow([(72, 136), (88, 124)]),
        ],
    )

    hip = (112.0, STANDING_HIP_Y)
    result["standing-march"] = Pose(
        hip=hip,
        lean=2,
        near_leg=Leg((160, 160), (172, 168), (1, 0)),
        far_leg=flat(113),
        near_arm=Arm((96, 128), (1, 0.3)),
        far_arm=Arm((146, 84), (0, 1)),
        accent={"near_thigh"},
        props=[floor()],
        arrows=[arrow([(186, 150), (186, 112)])],
    )

    hip = (98.0, 150.0)
    result["chair-sit-to-stand"] = Pose(
        hip=hip,
        lean=38,
        near_leg=flat(136),
        far_leg=flat(130),
        near_arm=Arm((204, 94), (0, 1)),
        far_arm=Arm((199, 100), (0, 1)),
        accent={"near_thigh"},
        props=[chair(104, 168), floor(30, 206)],
        arrows=[arrow([(62, 150), (70, 110), (98, 90)])],
    )

    hip = (100.0, 120.0)
    result["standing-hip-hinge"] = Pose(
        hip=hip,
        lean=62,
        near_leg=flat(124),
        far_leg=flat(118),
        near_arm=Arm((116, 160), (1, 0)),
        far_arm=Arm((112, 158), (1, 0)),
        accent={"near_thigh"},
        props=[floor()],
        arrows=[arrow([(82, 104), (54, 104)])],
    )

    result["desk-calf-raise"] = Pose(
        hip=(110.0, 102.0),
        lean=14,
        near_leg=Leg((113, 196), (123, 213)),
        far_leg=Leg((109, 196), (119, 213)),
        near_arm=Arm((151, 118), (0, 1)),
        far_arm=Arm((146, 118), (0, 1)),
        accent={"near_shin"},
        props=[desk(144, 122), floor(30, 144)],
        arrows=[arrow([(84, 212), (84, 176)])],
    )

    result["seated-hamstring-stretch"] = Pose(
        hip=(92.0, 156.0),
        lean=40,
        near_leg=Leg((178, 206), (184, 192)),
        far_leg=flat(134),
        near_arm=Arm((138, 180), (-1, 0)),
        far_arm=Arm((134, 178), (-1, 0)),
        accent={"near_thigh"},
        props=[chair(98, 168), floor(30, 212)],
        arrows=[],
    )

    result["standing-hip-flexor-stretch"] = Pose(
        hip=(114.0, 140.0),
        lean=-2,
        near_leg=Leg((64, 200), (78, 213), (1, 0)),
        far_leg=flat(164),
        near_arm=Arm((126, 132), (-1, -0.5)),
        far_arm=Arm((122, 134), (-1, -0.5)),
        accent={"near_thigh"},
        props=[floor(30, 210)],
        arrows=[],
    )

    hip = (122.0, STANDING_HIP_Y)
    result["standing-back-extension"] = Pose(
        hip=hip,
        lean=-14,
        head_tilt=-8,
        near_leg=flat(121),
        far_leg=flat(115),
        near_arm=Arm((106, 98), (-1, 0)),
        far_arm=Arm((110, 100), (-1, 0)),
        accent={"lower_back"},
        props=[floor()],
        arrows=[arrow([(146, 40), (128, 22), (100, 24)])],
    )
    return result


ILLUSTRATIONS = Path(__file__).resolve().parents[2] / "resources" / "illustrations"
"""Where the bundled pictures live; every pose module writes its own ids there."""


def wall(x: float, top_y: float, bottom_y: float = FLOOR_Y) -> str:
    """A wall seen edge-on: one upright prop stroke standing on the floor."""
    return line([(x, top_y), (x, bottom_y)], PROP, 7)


def write_pictures(pictures: dict[str, Pose], argv: Sequence[str] | None = None) -> None:
    """A pose module's ``main``: write its pictures to the folder given, else ILLUSTRATIONS."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else ILLUSTRATIONS
    out.mkdir(parents=True, exist_ok=True)
    for exercise_id, pose in pictures.items():
        (out / f"{exercise_id}.svg").write_text(svg(pose), encoding="utf-8")


if __name__ == "__main__":
    write_pictures(poses())
