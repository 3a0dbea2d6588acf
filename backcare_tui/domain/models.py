"""The plain data the whole app shares: exercises, doses, routines and session records.

Every type here is an immutable msgspec Struct. The same classes validate library files
(unknown keys, wrong types and out-of-range numbers are rejected with the path of the field)
and describe what a session stores. Nothing here imports textual or tinydb.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal, NamedTuple, TypeVar

import msgspec
from msgspec import Meta, Struct

from .getting_ready import get_ready_seconds

Element = Literal["stretch", "mobilise", "strengthen", "activity"]
CORE_ELEMENTS: tuple[Element, ...] = ("stretch", "mobilise", "strengthen")
ELEMENT_LABELS: dict[str, str] = {
    "stretch": "Stretch",
    "mobilise": "Mobilise",
    "strengthen": "Strengthen",
    "activity": "Activity",
}

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,47}$"
WORD_PATTERN = r"^[a-z][a-z ,'-]*$"  # a word of the rep cue, in the pose files
Id = Annotated[str, Meta(pattern=ID_PATTERN)]
Text = Annotated[str, Meta(min_length=1, max_length=400)]
Name = Annotated[str, Meta(min_length=1, max_length=60)]
HoldSeconds = Annotated[int, Meta(ge=1, le=120)]
TimedSeconds = Annotated[int, Meta(ge=5, le=1800)]
Reps = Annotated[int, Meta(ge=1, le=50)]
Sets = Annotated[int, Meta(ge=1, le=10)]
RestSeconds = Annotated[int, Meta(ge=0, le=300)]
RelaxSeconds = Annotated[int, Meta(ge=0, le=30)]
TempoSeconds = Annotated[int, Meta(ge=1, le=30)]
Pain = Annotated[int, Meta(ge=0, le=10)]
AnyStruct = TypeVar("AnyStruct", bound=msgspec.Struct)
Caution = Literal["pregnancy", "osteoporosis", "spinal-surgery"]
# Where the body is during an exercise: moving from one to another takes longer to get ready.
Posture = Literal["back", "front", "side", "hands-knees", "kneeling", "sitting", "standing"]
CAUTIONS: tuple[Caution, ...] = ("pregnancy", "osteoporosis", "spinal-surgery")

# Every stored or library type below is frozen, rejects unknown fields, takes keywords only
# and has gc=False: these immutable records never form reference cycles, so the garbage
# collector need not track them; with ten thousand sessions in memory it would otherwise
# rescan them all. (The options are spelled out on each class so type checkers see them.)


class FullCounts(NamedTuple):
    """What an exercise done in full counts: the one definition, for engine and storage alike."""

    reps: int  # over every block; a timed block counts as one
    sets: int  # sets done on every side
    sides: int  # sides done in every set: 2 for a per-side dose, 0 when there are no sides


class _DoseBase(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False, tag_field="kind"):
    per_side: bool = False
    sets: Sets = 1
    rest: RestSeconds = 15

    @property
    def blocks(self) -> int:
        """How many work blocks the dose has: one per set, per side."""
        return self.sets * (2 if self.per_side else 1)

    @property
    def reps_per_block(self) -> int:
        """Reps in one block; a timed block counts as one."""
        return 1

    @property
    def full_counts(self) -> FullCounts:
        """The reps, sets and sides of this dose done in full."""
        return FullCounts(self.blocks * self.reps_per_block, self.sets, 2 if self.per_side else 0)

    @property
    def block_seconds(self) -> int:
        """Seconds of one work block (one set on one side)."""
        raise NotImplementedError

    @property
    def work_seconds(self) -> int:
        """Seconds of work with the rests between blocks, without getting ready."""
        return self.blocks * self.block_seconds + (self.blocks - 1) * self.rest

    def _suffix(self) -> str:
        parts = []
        if self.per_side:
            parts.append("each side")
        if self.sets > 1:
            parts.append(f"{self.sets} sets, {self.rest} s rest")
        return (", " + ", ".join(parts)) if parts else ""


class HoldDose(_DoseBase, tag="hold", frozen=True, kw_only=True):
    """Hold a position for `hold` seconds, `reps` times, relaxing `relax` seconds between."""

    hold: HoldSeconds
    reps: Reps = 1
    relax: RelaxSeconds = 3

    @property
    def reps_per_block(self) -> int:
        return self.reps

    @property
    def block_seconds(self) -> int:
        return self.reps * self.hold + (self.reps - 1) * self.relax

    def describe(self) -> str:
        times = f" x {self.reps}" if self.reps > 1 else ""
        return f"hold {self.hold} s{times}{self._suffix()}"


class RepsDose(_DoseBase, tag="reps", frozen=True, kw_only=True):
    """Repeat a movement `reps` times at `tempo` seconds per rep.

    With `own_pace` the person sets the pace and says when the reps are done; the tempo
    then only paces the figure and estimates the time.
    """

    reps: Reps
    tempo: TempoSeconds = 3
    own_pace: bool = False

    @property
    def reps_per_block(self) -> int:
        return self.reps

    @property
    def block_seconds(self) -> int:
        return self.reps * self.tempo

    def describe(self) -> str:
        pace = "at your own pace" if self.own_pace else f"{self.tempo} s each"
        return f"{self.reps} reps, {pace}{self._suffix()}"


class TimedDose(_DoseBase, tag="timed", frozen=True, kw_only=True):
    """Keep going for `seconds` (walking, planks)."""

    seconds: TimedSeconds

    @property
    def block_seconds(self) -> int:
        return self.seconds

    def describe(self) -> str:
        minutes, seconds = divmod(self.seconds, 60)
        span = f"{minutes} min" + (f" {seconds} s" if seconds else "") if minutes else f"{seconds} s"
        return f"{span}{self._suffix()}"


Dose = HoldDose | RepsDose | TimedDose


# --- Progression limits -----------------------------------------------------------------
# How far a person's dose of an exercise may build up. Unset maxima take a default from the
# exercise's kind (see `domain/dose_steps.py`): holds 30 s, timed work 60 s (planks) or 30 min
# for walking. The optional minima are the floor below which even a gentle session never goes.
MaxSets = Annotated[int, Meta(ge=1, le=3)]


class Limits(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False):
    max_reps: Reps = 15
    max_sets: MaxSets = 3
    max_hold: Annotated[int, Meta(ge=5, le=120)] | None = None
    max_seconds: TimedSeconds | None = None
    min_reps: Reps | None = None
    min_hold: HoldSeconds | None = None
    min_seconds: TimedSeconds | None = None

    def __post_init__(self) -> None:
        pairs = (
            ("min_reps", self.min_reps, "max_reps", self.max_reps),
            ("min_hold", self.min_hold, "max_hold", self.max_hold),
            ("min_seconds", self.min_seconds, "max_seconds", self.max_seconds),
        )
        for low_name, low, high_name, high in pairs:
            if low is not None and high is not None and low > high:
                raise ValueError(f"{low_name} ({low}) must not be more than {high_name} ({high})")


class Exercise(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False):
    id: Id
    name: Name
    elements: Annotated[tuple[Element, ...], Meta(min_length=1, max_length=4)]
    summary: Text
    targets: Annotated[tuple[Text, ...], Meta(min_length=1)]
    position: Text
    posture: Posture | None = None  # the position in one word, for the time to get ready
    equipment: tuple[Text, ...] = ()
    steps: Annotated[tuple[Text, ...], Meta(min_length=3, max_length=6)]
    safety: Annotated[tuple[Text, ...], Meta(min_length=1, max_length=3)]
    # Care notes, checked by check-library: who should take care with it, whether it is done
    # on the floor, and which of `sources` the dose's numbers come from (LT: used cautiously).
    cautions: tuple[Caution, ...] = ()
    floor: bool = False
    dose_sources: tuple[Text, ...] = ()
    easier: Id | None = None
    harder: Id | None = None
    dose: Dose
    sources: Annotated[tuple[Text, ...], Meta(min_length=1)]
    limits: Limits = Limits()


class RoutineStep(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False):
    exercise: Id
    dose: Dose | None = None
    dose_sources: tuple[Text, ...] = ()  # where this step's own dose comes from


class Routine(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False):
    id: Id
    name: Name
    description: Text
    elements: Annotated[tuple[Element, ...], Meta(min_length=1, max_length=4)]
    steps: Annotated[tuple[RoutineStep, ...], Meta(min_length=1, max_length=40)]
    get_ready: Annotated[int, Meta(ge=0, le=60)] = 5
    rest_between: RestSeconds = 15
    how_often: Text = "Daily, or as often as feels comfortable."
    sources: Annotated[tuple[Text, ...], Meta(min_length=1)]
    level: Annotated[int, Meta(ge=1, le=9)] = 1
    next_stage: Id | None = None


class PlannedExercise(Struct, frozen=True):
    """One exercise of a routine with the dose this routine uses for it."""

    exercise: Exercise
    dose: Dose

    @property
    def planned_seconds(self) -> int:
        return self.dose.work_seconds


class RoutinePlan(Struct, frozen=True):
    """A routine resolved against the library: everything the engine needs to run it."""

    routine: Routine
    items: tuple[PlannedExercise, ...]

    @property
    def elements(self) -> tuple[Element, ...]:
        """The elements its exercises cover, in the canonical order."""
        covered = {element for item in self.items for element in item.exercise.elements}
        return tuple(e for e in (*CORE_ELEMENTS, "activity") if e in covered)

    @property
    def equipment(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for item in self.items:
            seen.update(dict.fromkeys(item.exercise.equipment))
        return tuple(seen)

    def get_ready_before(self, index: int) -> int:
        """Seconds to get into position before the exercise at `index`: the routine's, or more
        where the position changes from the exercise before (see `getting_ready`)."""
        before = self.items[index - 1].exercise.posture if index else None
        after = self.items[index].exercise.posture
        return get_ready_seconds(self.routine.get_ready, before, after, first=index == 0)

    @property
    def estimated_seconds(self) -> int:
        """Get-ready, work and rests of every exercise, with the rests between them."""
        work = sum(self.get_ready_before(index) + item.planned_seconds for index, item in enumerate(self.items))
        return work + self.routine.rest_between * (len(self.items) - 1)

    @property
    def estimated_minutes(self) -> int:
        return max(1, round(self.estimated_seconds / 60))


# --- Personal doses -----------------------------------------------------------------------
# The answer to "is your back better, the same or worse than before that session?", asked the
# morning after. "skipped" means the person chose not to answer: it is never asked again and
# counts as no answer.
NextMorning = Literal["better", "same", "worse", "skipped"]

DoseChangeReason = Literal[
    "build_up",  # accepted a suggested step up
    "ease_back",  # accepted a suggested step down
    "by_hand_up",  # stepped up by hand on the plan screen
    "by_hand_down",  # stepped down by hand on the plan screen
    "reset",  # back to the routine's dose
]


class PersonalDose(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False):
    """A person's current dose for one exercise of one routine.

    `exercise_id` is the exercise as the routine names it; `current_exercise` differs from it
    once the person has moved to the easier or harder variant.
    """

    routine_id: Id
    exercise_id: Id
    current_exercise: Id
    dose: Dose


class DoseChange(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False):
    """One entry of the change log: when a personal dose changed, from what, to what and why."""

    at: datetime
    routine_id: Id
    exercise_id: Id
    from_exercise: Id
    from_dose: Dose
    to_exercise: Id
    to_dose: Dose
    reason: DoseChangeReason
    why: Annotated[str, Meta(max_length=400)] = ""


class KeepDecision(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False):
    """The person chose "keep as is" for a suggestion; remembered until a newer session."""

    at: datetime
    routine_id: Id
    exercise_id: Id


SessionStatus = Literal["in_progress", "completed", "stopped", "stopped_for_pain"]
ExerciseStatus = Literal["done", "partial", "skipped", "not_started"]


class ExerciseResult(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False):
    exercise_id: Id
    dose: Dose
    planned_seconds: float
    active_seconds: float = 0.0
    reps_done: int = 0
    sets_done: int = 0
    sides_done: int = 0
    status: ExerciseStatus = "not_started"


class SessionRecord(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False):
    """What one session stores: ids, numbers and times, never instruction text."""

    id: Annotated[str, Meta(min_length=1, max_length=64)]
    routine_id: Id
    routine_name: str
    started_at: datetime
    ended_at: datetime | None = None
    status: SessionStatus = "in_progress"
    exercises: tuple[ExerciseResult, ...] = ()
    active_seconds: float = 0.0
    rest_seconds: float = 0.0
    paused_seconds: float = 0.0
    pain_before: Pain | None = None
    pain_after: Pain | None = None
    note: Annotated[str, Meta(max_length=2000)] = ""
    hurt_exercise: Id | None = None  # the exercise being done when "this hurts" stopped the session
    recovered: bool = False
    next_morning: NextMorning | None = None

    @property
    def exercises_done(self) -> int:
        return sum(1 for result in self.exercises if result.status == "done")


def replace(struct: AnyStruct, **changes: object) -> AnyStruct:
    """A copy of a frozen struct with some fields changed."""
    return msgspec.structs.replace(struct, **changes)
