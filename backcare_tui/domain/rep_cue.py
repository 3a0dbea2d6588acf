"""Where the movement is at: the figure's place between its poses, and the rep cue.

Both are pure functions of a `SessionView`, whose remaining time comes from the engine's
deadlines, so a late or missed tick never puts the figure or the cue out of step.

- Reps at a tempo of T seconds: each rep moves out to the end pose, holds there, and comes
  back, taking T seconds in all ("rep 3 of 8", then "lift", "hold", "lower"). At the
  person's own pace nothing is counted, and the figure keeps showing the movement at T.
- Holds: the body moves into the end pose during the first moment of the hold and stays
  there; during the release between holds it goes back to the start pose.
- Timed work: the figure moves into the end pose and stays (a plank), or cycles between the
  poses (walking).
- Get ready and rests: the start pose, still.

Time is read in steps of 1/FRAMES_PER_SECOND, so the figure changes at most that often.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .engine_timeline import Phase
from .engine_view import SessionView
from .models import Exercise, HoldDose, RepsDose, TimedDose
from .poses import ExercisePoses

FRAMES_PER_SECOND = 6  # smooth enough for a stick figure; every frame is a screen update
MAX_MOVE_SECONDS = 2.5  # a rep never takes longer than this to move out or back
MOVE_SHARE = 0.35  # the share of a rep spent moving out, and again coming back
SETTLE_SECONDS = 1.5  # moving into or out of a held pose
DEFAULT_WORDS = ("move", "hold", "back")
LONGEST_WAIT = 1.0  # look again at least this often, even when nothing is due to change
SHORTEST_WAIT = 0.02  # and never sooner than this
PAST_THE_CHANGE = 0.005  # look just after a change is due, so the clock has passed it


@dataclass(frozen=True, slots=True)
class RepStep:
    """One part of a rep: moving out, holding, or coming back."""

    word: str
    fraction: float  # 0 = start pose, 1 = end pose
    seconds_left: float  # until the next part


@dataclass(frozen=True, slots=True)
class RepCue:
    """What the person is doing now: "Rep 3 of 8" and "lift"."""

    label: str  # "Rep 3 of 8", "Hold 2 of 5", "Release"
    word: str  # "lift", "hold", "lower", or the exercise's own words
    rep: int
    reps: int
    changes_in: float  # seconds until the cue says something else

    def __str__(self) -> str:
        return f"{self.label} · {self.word}" if self.word else self.label


def rep_words(poses: ExercisePoses | None) -> tuple[str, str, str]:
    """The words for moving out, holding and coming back, from the pose file if it has them."""
    if poses is None:
        return DEFAULT_WORDS
    return (
        poses.poses.end.word or DEFAULT_WORDS[0],
        poses.hold_word,
        poses.poses.start.word or DEFAULT_WORDS[2],
    )


def elapsed_in_phase(view: SessionView) -> float:
    """Seconds since the current phase began, adjustments included."""
    return max(0.0, view.phase_seconds - view.remaining)


def quantised(seconds: float) -> float:
    """A time on the frame grid, so the same clock reading always gives the same frame."""
    return math.floor(seconds * FRAMES_PER_SECOND + 1e-9) / FRAMES_PER_SECOND


def rep_step(tempo: float, into_rep: float, words: tuple[str, str, str] = DEFAULT_WORDS) -> RepStep:
    """The part of a rep `into_rep` seconds after it began, at `tempo` seconds a rep."""
    move = min(tempo * MOVE_SHARE, MAX_MOVE_SECONDS)
    hold = tempo - 2 * move
    out_word, hold_word, back_word = words
    if into_rep < move:
        return RepStep(out_word, into_rep / move, move - into_rep)
    if into_rep < move + hold:
        return RepStep(hold_word, 1.0, move + hold - into_rep)
    back = min(1.0, (into_rep - move - hold) / move)
    return RepStep(back_word, 1.0 - back, max(0.0, tempo - into_rep))


def settle_seconds(phase_seconds: float) -> float:
    """How long moving into (or out of) a held pose takes, at most 30% of the phase."""
    return min(SETTLE_SECONDS, max(phase_seconds, 0.5) * 0.3)


def _settle(elapsed: float, phase_seconds: float) -> float:
    """0 to 1 over the first moments of a phase."""
    return min(1.0, elapsed / settle_seconds(phase_seconds))


def figure_fraction(view: SessionView, poses: ExercisePoses | None = None) -> float:
    """How far the figure is from its start pose (0) to its end pose (1) right now."""
    if view.finished or view.phase not in (Phase.WORK, Phase.RELAX):
        return 0.0
    elapsed = quantised(elapsed_in_phase(view))
    dose = view.dose
    if view.phase is Phase.RELAX:
        return 1.0 - _settle(elapsed, view.phase_seconds)
    if isinstance(dose, RepsDose):
        if elapsed >= dose.reps * dose.tempo and not dose.own_pace:
            return 0.0
        return rep_step(dose.tempo, elapsed % dose.tempo).fraction
    if isinstance(dose, TimedDose) and poses is not None and poses.timed == "cycle":
        turn = (elapsed % poses.cycle_seconds) / poses.cycle_seconds
        return 1.0 - abs(2.0 * turn - 1.0)
    return _settle(elapsed, view.phase_seconds)


def rep_cue(view: SessionView, poses: ExercisePoses | None = None) -> RepCue | None:
    """The rep count and the movement's word, for reps and holds; None otherwise."""
    if view.finished:
        return None
    dose = view.dose
    elapsed = elapsed_in_phase(view)
    out_word, hold_word, back_word = words = rep_words(poses)
    if view.phase is Phase.WORK and isinstance(dose, RepsDose) and dose.own_pace:
        return RepCue(f"{dose.reps} reps", "at your own pace", 0, dose.reps, math.inf)
    if view.phase is Phase.WORK and isinstance(dose, RepsDose):
        done = dose.reps * dose.tempo
        if elapsed >= done:  # the phase was lengthened: the reps are done
            return RepCue(f"Rep {dose.reps} of {dose.reps}", "", dose.reps, dose.reps, view.remaining)
        rep = min(dose.reps, int(elapsed // dose.tempo) + 1)
        step = rep_step(dose.tempo, elapsed - (rep - 1) * dose.tempo, words)
        return RepCue(f"Rep {rep} of {dose.reps}", step.word, rep, dose.reps, step.seconds_left)
    if isinstance(dose, HoldDose) and view.phase is Phase.WORK:
        settle = settle_seconds(view.phase_seconds)
        word, changes_in = (out_word, settle - elapsed) if elapsed < settle else (hold_word, view.remaining)
        return RepCue(f"Hold {view.rep} of {view.reps}", word, view.rep, view.reps, changes_in)
    if isinstance(dose, HoldDose) and view.phase is Phase.RELAX:
        return RepCue("Release", back_word, view.rep, view.reps, view.remaining)
    return None


def figure_exercise(view: SessionView) -> Exercise:
    """The exercise to draw: the next one during the rest before it, else the current one."""
    if view.phase is Phase.REST_EXERCISE and view.next_exercise is not None:
        return view.next_exercise
    return view.exercise


def figure_mirrored(view: SessionView) -> bool:
    """The right side is drawn as the mirror image of the left."""
    return view.side == "right" and view.phase is not Phase.REST_EXERCISE


def next_change_in(view: SessionView, poses: ExercisePoses | None = None) -> float:
    """Seconds until the screen shows something new on its own: the countdown's next second,
    the end of the phase, the rep cue's next word or the figure's next picture.

    The screen looks again just after then, rather than at a fixed rate: while the figure
    holds still that is once a second, while it moves up to FRAMES_PER_SECOND times.
    Between looks the clock may also be changed by a key, which the screen shows at once.
    """
    if view.finished or view.paused:
        return LONGEST_WAIT
    due = [LONGEST_WAIT, _next_second(view.phase_seconds if view.own_pace else view.remaining, up=view.own_pace)]
    if not view.own_pace:
        due.append(view.remaining)
    cue = rep_cue(view, poses)
    if cue is not None and cue.changes_in > 0:
        due.append(cue.changes_in)
    figure = _next_picture_in(view, poses)
    if figure is not None:
        due.append(figure)
    return max(SHORTEST_WAIT, min(due) + PAST_THE_CHANGE)


def _next_second(seconds: float, *, up: bool) -> float:
    """Until a clock showing whole seconds (rounded up) shows the next one, counting up or down."""
    if up:
        return math.floor(seconds + 1e-6) + 1 - seconds
    return seconds - (math.ceil(seconds - 1e-6) - 1)


def _next_picture_in(view: SessionView, poses: ExercisePoses | None) -> float | None:
    """Until the figure's place changes within the next second, or None if it stays put."""
    if view.phase not in (Phase.WORK, Phase.RELAX):
        return None
    now = figure_fraction(view, poses)
    elapsed = elapsed_in_phase(view)
    step = 1 / FRAMES_PER_SECOND
    next_frame = math.floor(elapsed * FRAMES_PER_SECOND + 1e-9) / FRAMES_PER_SECOND + step
    for frame in range(FRAMES_PER_SECOND):
        wait = next_frame + frame * step - elapsed
        if not view.own_pace and wait >= view.remaining:
            return None  # the phase ends first
        probe = wait + 1e-4  # just past the frame, clear of rounding
        if view.own_pace:
            later = replace(view, phase_seconds=view.phase_seconds + probe)
        else:
            later = replace(view, remaining=view.remaining - probe)
        if figure_fraction(later, poses) != now:
            return wait
    return None
