"""The run screen's words, built from the session's view and the library's exercises.

Names, positions and steps come from library files, so every text here is a `Content`
(shown literally), never markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.content import Content

from ..domain.engine import Phase, SessionView
from ..domain.engine_view import phase_label
from ..domain.models import Dose, Exercise, HoldDose, RepsDose, RoutinePlan
from ..domain.poses import ExercisePoses
from ..domain.rep_cue import rep_words
from ..widgets.clock_panel import phase_line

RESUME_HINT = "Space to resume"
DONE_HINT = "Enter when done"


def counter_text(view: SessionView) -> str:
    """The set and side, for doses with more than one (the rep is in the rep cue)."""
    parts = []
    if view.sets > 1:
        parts.append(f"set {view.set} of {view.sets}")
    if view.side:
        parts.append(f"{view.side} side")
    return " · ".join(parts)


def hint_text(view: SessionView) -> str:
    """At most one instruction: resume a pause, or say when reps at your own pace are done."""
    if view.paused:
        return RESUME_HINT
    return DONE_HINT if view.can_mark_done else ""


def clock_lines(dose: Dose, poses: ExercisePoses | None) -> list[str]:
    """Every line the clock panel may show for one exercise, to size the panel to."""
    labels = [phase_label(phase, dose) for phase in Phase if phase is not Phase.DONE]
    lines = [phase_line(label, paused=True) for label in labels]
    longest_word = max(rep_words(poses), key=len)
    if isinstance(dose, RepsDose):
        lines.append(
            f"{dose.reps} reps · at your own pace"
            if dose.own_pace
            else f"Rep {dose.reps} of {dose.reps} · {longest_word}"
        )
    elif isinstance(dose, HoldDose):
        lines += [f"Hold {dose.reps} of {dose.reps} · {longest_word}", f"Release · {longest_word}"]
    if dose.sets > 1 or dose.per_side:
        side = " · right side" if dose.per_side else ""
        lines.append(f"set {dose.sets} of {dose.sets}{side}")
    lines += [RESUME_HINT, DONE_HINT]
    return lines


def exercise_title(exercise: Exercise, *, coming_next: bool) -> Content:
    name = Content.styled(exercise.name, "bold")
    return Content.assemble(("Next: ", "dim"), name) if coming_next else name


def getting_ready_text(exercise: Exercise) -> Content:
    """The starting position and the first step, for the time to get into position."""
    return Content.assemble(
        ("Get into position: ", "bold $text-accent"),
        exercise.position,
        "\n",
        ("First: ", "bold"),
        exercise.steps[0],
    )


def dose_text(dose: Dose) -> Content:
    return Content.assemble(("Dose: ", "dim"), dose.describe())


def safety_text(safety: Sequence[str], cautions: Iterable[str]) -> Content:
    """The safety cue, then a line for each caution the exercise carries."""
    parts = [Content.styled("Take care: ", "bold"), Content(" ".join(safety))]
    for note in cautions:
        parts += [Content("\n"), Content.styled("! ", "bold"), Content(note)]
    return Content.assemble(*parts)


def steps_text(steps: Sequence[str]) -> Content:
    return Content("\n".join(f"{number}. {step}" for number, step in enumerate(steps, start=1)))


def coming_after(plan: RoutinePlan, index: int) -> Content:
    """The exercise after the one on show, with its dose."""
    if index + 1 >= len(plan.items):
        return Content.styled("Last exercise", "dim")
    following = plan.items[index + 1]
    return Content.assemble(("Then: ", "dim"), (following.exercise.name, "bold"), f"  {following.dose.describe()}")
