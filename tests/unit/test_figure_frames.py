"""Exact pictures: each prop, view and layer of a figure lands on the dots it always has.

A frame is a list of rows; each row below is its text, a bar, then one letter per character
for the layer that colours it (n near, f far, p prop, blank for nothing).
"""

from __future__ import annotations

import pytest

from backcare_tui import paths
from backcare_tui.domain.canvas import FigureLayout, Row, draw_frame
from backcare_tui.domain.figure import Figure
from backcare_tui.domain.poses import load_poses

FIGURES = load_poses([paths.builtin_library_dir()]).figures


def picture(rows: list[Row]) -> list[str]:
    lines = []
    for row in rows:
        text = "".join(part for part, _ in row)
        layers = "".join((layer or " ")[0] * len(part) for part, layer in row)
        lines.append(f"{text}|{layers}")
    return lines


FRAMES = [
    pytest.param(
        "chin-tuck",
        1.0,
        False,
        [
            "       ⢰⠋⠙⡆             |       nnnn             ",
            "       ⠈⠒⡖⠁             |       nnnn             ",
            "       ⢀ ⡇              |       p n              ",
            "       ⢸ ⣇⡀             |       p nn             ",
            "       ⢸ ⡇⠈⠉⠉⠉          |       p nnnnn          ",
            "       ⢸⠒⠛⠛⠛⡏⠉⡇         |       ppnnnnnn         ",
            "       ⢸    ⡇ ⡇         |       p    p n         ",
            "⣀⣀⣀⣀⣀⣀⣀⣸⣀⣀⣀⣀⣇⣀⣧⣤⣤⣀⣀⣀⣀⣀⣀⣀|ppppppppppppppnnnppppppp",
        ],
        id="sitting on a chair, side view",
    ),
    pytest.param(
        "wall-slide",
        0.5,
        False,
        [
            "         ⢸⠖⢢            |         nnn            ",
            "         ⢸⢲⠊            |         nnn            ",
            "         ⢸⢸             |         pn             ",
            "         ⢸⢸             |         pn             ",
            "         ⢸⢸⢆            |         pnn            ",
            "         ⢸  ⢱           |         p  n           ",
            "         ⢸  ⢸           |         p  n           ",
            "⣀⣀⣀⣀⣀⣀⣀⣀⣀⣸⣀⣀⣧⣤⣄⣀⣀⣀⣀⣀⣀⣀⣀⣀|ppppppppppppnnnppppppppp",
        ],
        id="against a wall",
    ),
    pytest.param(
        "standing-thigh-stretch",
        1.0,
        True,
        [
            "           ⡴⠒⡄          |           nnn          ",
            "           ⠙⡖⠁          |           nnn          ",
            "          ⢀⠌⣷           |          ffn           ",
            "      ⠈⢹⠉⠈  ⣿           |      pfff  n           ",
            "       ⢸   ⢠⠇⠉⠁         |       p   nnnn         ",
            "       ⢸   ⠎⡅           |       p   nf           ",
            "       ⢸    ⡂           |       p    f           ",
            "⣀⣀⣀⣀⣀⣀⣀⣸⣀⣀⣄⣄⣆⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀|ppppppppppfffppppppppppp",
        ],
        id="holding a support, far limbs dotted, mirrored",
    ),
    pytest.param(
        "sit-to-stand",
        0.25,
        False,
        [
            "                        |                        ",
            "           ⢀            |           n            ",
            "          ⠰⣇⣹  ⡀        |          nnn  n        ",
            "          ⢠⠒⢄⢀⠔⠁        |          nnnnnn        ",
            "        ⡇⢠⠃  ⠁          |        pnn  n          ",
            "        ⣇⣓⣢⣤⢤           |        pnnnn           ",
            "        ⡇  ⢸⢸           |        p  pn           ",
            "⣀⣀⣀⣀⣀⣀⣀⣀⣇⣀⣀⣸⣸⣤⣤⣀⣀⣀⣀⣀⣀⣀⣀⣀|ppppppppppppnnnppppppppp",
        ],
        id="half way to its mid pose",
    ),
    pytest.param(
        "cat-camel",
        0.75,
        False,
        [
            "                        |                        ",
            "                        |                        ",
            "                  ⣀⢀⣠⠤⢤⡀|                  nnnnnn",
            "            ⣀⣀⠤⠔⠒⠉⢸⠰⡅  ⡇|            nnnnnnnnn  n",
            "           ⡏      ⢸ ⠈⠓⠋ |           n      n nnn ",
            "           ⡇      ⢸     |           n      n     ",
            "          ⢸       ⢸     |          n       n     ",
            "⣐⣖⣖⣖⣖⣖⣖⣖⣖⣖⣞⣄⣄⣄⣄⣄⣄⣄⣜⣖⣖⣄⣄⣀|nnnnnnnnnnnpppppppnnnppp",
        ],
        id="a rounded chest, on a mat",
    ),
    pytest.param(
        "glute-bridge",
        0.6,
        False,
        [
            "                        |                        ",
            "                        |                        ",
            "                        |                        ",
            "                        |                        ",
            "               ⣀⠔⢄      |               nnn      ",
            " ⢀⣀⡀      ⢀⣀⠤⠒⠉  ⠈⠢⡀    | nnn      nnnnn  nnn    ",
            "⢰⡃ ⢹⠠⠤⠴⠶⢍⣉⣁⣀⣀⣀⡀    ⠘⢄⣀⣀ |nn nnnnnnnnnnnn    nnnn ",
            "⣀⣕⣖⣏⣄⣄⣄⣄⣄⣄⣄⣄⣄⣄⣄⣄⣄⣄⣄⣄⣄⣄⣄⣁|pnnnpppppppppppppppppppn",
        ],
        id="on a mat, between its two poses",
    ),
    pytest.param(
        "knee-rolls",
        0.3,
        False,
        [
            "         ⡇              |         n              ",
            "         ⠇              |         n              ",
            "        ⢰⠁              |        nn              ",
            "     ⢠⠤⢄⡇   ⢰⠐⢤⠤⠒⠒      |     nnnn   nnnnnn      ",
            "     ⠘⠒⠊⡏⠉⠉⠉⠹⠊⠁⠉⠢⠄      |     nnnnnnnnnnnnn      ",
            "        ⠸⡀              |        nn              ",
            "         ⡆              |         n              ",
            "         ⡇              |         n              ",
        ],
        id="seen from above, no props",
    ),
    pytest.param(
        "clam-with-band",
        0.8,
        False,
        [
            "                        |                        ",
            "                        |                        ",
            "                        |                        ",
            "                        |                        ",
            "        ⢀       ⣀⠤⠒⠤⡀   |        n       nnnnn   ",
            "     ⡠⠒⢄⢸⠉⠒⠢⠤⠤⢴⠚⠂   ⠈⠒⠄ |     nnnnnnnnnnnn   nnn ",
            "     ⠣⠤⠜⢹⠉⠉⠉⠉⠉⢹⣀⡠⠤⠒⠒⠒⠒⠒⠤|     nnnnnnnnnnnnnnnnnnn",
            "⣈⣍⣍⣍⣍⣍⣖⣖⣞⣄⣄⣄⣄⣄⣄⣄⣄⣄⣄⣄⣄⣄⣄⣀|nnnnnnnnnppppppppppppppp",
        ],
        id="seen from the front",
    ),
]


@pytest.mark.parametrize(("exercise", "fraction", "mirrored", "expected"), FRAMES)
def test_a_frame_is_exactly_the_picture_it_has_always_been(
    exercise: str, fraction: float, mirrored: bool, expected: list[str]
) -> None:
    figure = Figure.from_poses(FIGURES[exercise])
    layout = FigureLayout.fit(figure, 24, 8)
    frame = draw_frame(figure, layout, fraction, mirrored) if mirrored else draw_frame(figure, layout, fraction)
    assert picture(frame) == expected
