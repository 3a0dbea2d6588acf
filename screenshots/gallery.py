"""Draw every bundled exercise's figure in its poses, to check them by eye.

    python screenshots/gallery.py              # writes screenshots/exercises.svg
    python screenshots/gallery.py --text ID..  # prints the frames to the terminal

Each row shows one exercise: the start pose, halfway, the end pose, and the start pose as
seen on the other side. Colours are the dark theme's; the app uses the theme's own.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backcare_tui.domain.canvas import FigureLayout, Row, draw_frame  # noqa: E402
from backcare_tui.domain.figure import Figure  # noqa: E402
from backcare_tui.domain.library import load_library  # noqa: E402
from backcare_tui.domain.poses import load_poses  # noqa: E402

COLUMNS, ROWS = 28, 10
STYLES = {"near": "bold #ffa62b", "far": "#8a6d3b", "prop": "#5f87af", None: ""}
FRACTIONS = ((0.0, False, "start"), (0.5, False, "halfway"), (1.0, False, "end"), (0.0, True, "other side"))


def frame_text(rows: list[Row]) -> Text:
    text = Text()
    for number, row in enumerate(rows):
        if number:
            text.append("\n")
        for chunk, layer in row:
            text.append(chunk, STYLES[layer])
    return text


def main(argv: list[str]) -> int:
    library_dir = ROOT / "library"
    figures = load_poses([library_dir])
    exercises = load_library([library_dir]).exercises
    for problem in figures.problems:
        print(problem, file=sys.stderr)
    as_text = bool(argv) and argv[0] == "--text"
    wanted = [arg for arg in argv if not arg.startswith("--")] or sorted(exercises)
    width = 26 + 4 * (COLUMNS + 2)
    if as_text:
        console = Console(width=width)
    else:
        console = Console(record=True, width=width, file=io.StringIO(), force_terminal=True, color_system="truecolor")
    for exercise_id in wanted:
        poses = figures.figures.get(exercise_id)
        name = exercises[exercise_id].name if exercise_id in exercises else exercise_id
        if poses is None:
            console.print(f"{name}: no figure")
            continue
        figure = Figure.from_poses(poses)
        layout = FigureLayout.fit(figure, COLUMNS, ROWS)
        table = Table(box=None, show_header=as_text is False, pad_edge=False, padding=(0, 1))
        table.add_column(exercise_id, width=24)
        for *_, label in FRACTIONS:
            table.add_column(label, width=COLUMNS)
        cells = [frame_text(draw_frame(figure, layout, fraction, mirrored)) for fraction, mirrored, _ in FRACTIONS]
        table.add_row(Text(f"{name}\n{poses.view} view\n{exercises[exercise_id].position}"), *cells)
        console.print(table)
    if not as_text:
        out = ROOT / "screenshots" / "exercises.svg"
        out.write_text(console.export_svg(title="backcare-tui exercise figures"))
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
