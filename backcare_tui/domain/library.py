"""Load exercise and routine files into validated models.

A library is built from folders in order: the bundled one first, then the user's config
folder, then any `--library` folders. A later file with the same id as an earlier one
overrides it, and the override is recorded so the app can say so. A broken file never stops
the rest from loading: each problem is collected as a `Problem` naming the file, the place in
it and what to do, and the file is left out; a left-out routine that overrode another
leaves that earlier one in place.

Each folder may hold `exercises/*.toml` and `routines/*.toml`; `*.toml` files directly in it
are sorted by content (an exercise has a `[dose]` table, a routine does not).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import msgspec

from .library_checks import check_exercise, check_routine, check_text
from .models import Exercise, PlannedExercise, Routine, RoutinePlan
from .wording import control_characters

Kind = Literal["exercise", "routine"]
_Replaced = dict[str, list[tuple[Routine, Path]]]  # routine id -> the versions it overrode
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
MAX_FILE_BYTES = 1_000_000  # a library file is a few kilobytes; anything this big is not one


@dataclass(frozen=True, slots=True)
class Problem:
    file: Path
    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.location}: {self.message}"


@dataclass(frozen=True, slots=True)
class Override:
    kind: Kind
    id: str
    path: Path
    replaces: Path


class UnknownRoutineError(KeyError):
    def __init__(self, routine_id: str, known: Iterable[str]) -> None:
        super().__init__(routine_id)
        self.routine_id = routine_id
        self.known = sorted(known)

    def __str__(self) -> str:
        return f"no routine with id {self.routine_id!r}; known ids: {', '.join(self.known)}"


@dataclass
class Library:
    exercises: dict[str, Exercise] = field(default_factory=dict)
    routines: dict[str, Routine] = field(default_factory=dict)
    origins: dict[tuple[Kind, str], Path] = field(default_factory=dict)
    overrides: list[Override] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    folders: tuple[Path, ...] = ()

    def plan(self, routine_id: str) -> RoutinePlan:
        try:
            routine = self.routines[routine_id]
        except KeyError:
            raise UnknownRoutineError(routine_id, self.routines) from None
        return _plan(routine, self.exercises)

    def plans(self) -> list[RoutinePlan]:
        return [self.plan(routine_id) for routine_id in self.routines]

    def overridden(self, kind: Kind, item_id: str) -> Override | None:
        return next((o for o in self.overrides if o.kind == kind and o.id == item_id), None)

    def exercise_names(self) -> dict[str, str]:
        """Exercise id -> name, for what refers to exercises by id (dose changes, reports)."""
        return {exercise.id: exercise.name for exercise in self.exercises.values()}


def _plan(routine: Routine, exercises: dict[str, Exercise]) -> RoutinePlan:
    items = tuple(
        PlannedExercise(exercises[step.exercise], step.dose or exercises[step.exercise].dose) for step in routine.steps
    )
    return RoutinePlan(routine, items)


def library_files(folder: Path) -> list[tuple[Path, Kind | None]]:
    """The TOML files of one library folder, with their kind where the layout says it."""
    found: list[tuple[Path, Kind | None]] = []
    found += [(path, "exercise") for path in sorted(folder.glob("exercises/*.toml"))]
    found += [(path, "routine") for path in sorted(folder.glob("routines/*.toml"))]
    found += [(path, None) for path in sorted(folder.glob("*.toml"))]
    return found


def read_library_file(path: Path) -> bytes | Problem:
    """A library file's bytes, or the problem that stops it being read."""
    try:
        if not path.is_file():  # a folder, or a FIFO that would block the read
            return Problem(path, "file", "is not a regular file; remove it or move it out of the library folder")
        if path.stat().st_size > MAX_FILE_BYTES:
            return Problem(path, "file", f"is larger than {MAX_FILE_BYTES // 1_000_000} MB; this is not a library file")
        return path.read_bytes()
    except OSError as error:
        return Problem(path, "file", f"cannot be read ({error.strerror or error}); check it exists and is readable")


def parse_toml(path: Path, raw: bytes) -> dict | Problem:
    """The data in a TOML file's bytes, or the one problem that stops it being read (with line and column)."""
    import tomllib  # imported only when a file's data is not already known

    try:
        return tomllib.loads(raw.decode())
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        location = f"line {position[1]}, column {position[2]}" if position else "file"
        if message.endswith("(at end of document)"):
            location = "end of file"
        message = _TOML_POSITION.sub("", message).removesuffix("(at end of document)").strip()
        return Problem(path, location, f"invalid TOML: {message[:1].lower()}{message[1:]}; fix the syntax there")
    except UnicodeDecodeError:
        return Problem(path, "file", "not valid UTF-8 text; save it as UTF-8")
    except RecursionError:
        return Problem(path, "file", "lists or tables are nested too deeply; a library file needs only a few levels")
    except ValueError:  # a whole number too long for Python to read
        return Problem(path, "file", "holds a number with thousands of digits; use a small whole number")


def read_toml(path: Path) -> dict | Problem:
    """A TOML file's data, or the one problem that stops it being read (with line and column)."""
    raw = read_library_file(path)
    return raw if isinstance(raw, Problem) else parse_toml(path, raw)


def _texts(data: dict) -> list[str]:
    """Every key and text value in a file's data, in no particular order."""
    texts: list[str] = []
    stack: list[object] = [data]
    while stack:  # a loop, not recursion: a file may nest as deep as TOML allows
        value = stack.pop()
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            texts += value
            stack += value.values()
        elif isinstance(value, list):
            stack += value
    return texts


def _decode(path: Path, data: dict, kind: Kind) -> Exercise | Routine | list[Problem]:
    """The item, or every problem found in its file: wrong fields and control characters."""
    model: type[Exercise | Routine] = Exercise if kind == "exercise" else Routine
    # Newlines are allowed, so one search of all the text finds whether any is left to place.
    found = check_text(data) if control_characters("\n".join(_texts(data))) else []
    try:
        item = msgspec.convert(data, model)
    except msgspec.ValidationError as error:
        from .library_errors import describe_all, describe_validation_error  # a broken file only

        found += describe_all(model, data) or [describe_validation_error(model, str(error), data)]
    else:
        if not found:
            return item
    return [Problem(path, location, message) for location, message in found]


def load_library(folders: Sequence[Path], read: Callable[[Path], dict | Problem] = read_toml) -> Library:
    """Load every folder in order; later ids override earlier ones.

    `read` gives a file's data; the app passes one that remembers files parsed before."""
    library = Library(folders=tuple(folders))
    replaced: _Replaced = {}
    for folder in folders:
        seen_here: dict[tuple[Kind, str], Path] = {}
        for path, kind in library_files(folder):
            data = read(path)
            if isinstance(data, Problem):
                library.problems.append(data)
                continue
            kind = kind or ("exercise" if "dose" in data else "routine")
            item = _decode(path, data, kind)
            if isinstance(item, list):
                library.problems += item
                continue
            key = (kind, item.id)
            if key in seen_here:
                library.problems.append(
                    Problem(
                        path,
                        "id",
                        f"duplicate {kind} id {item.id!r}, also in {seen_here[key]}; give one of them a different id",
                    )
                )
                continue
            seen_here[key] = path
            if key in library.origins:
                library.overrides.append(Override(kind, item.id, path, library.origins[key]))
                if isinstance(item, Routine):
                    replaced.setdefault(item.id, []).append((library.routines[item.id], library.origins[key]))
            library.origins[key] = path
            if isinstance(item, Exercise):
                library.exercises[item.id] = item
            else:
                library.routines[item.id] = item
    _check_references(library, replaced)
    return library


def _drop_routine(library: Library, routine_id: str, replaced: _Replaced) -> None:
    """Leave out a broken routine, falling back to the one it overrode, if any."""
    key: tuple[Kind, str] = ("routine", routine_id)
    path = library.origins[key]
    library.overrides = [o for o in library.overrides if (o.kind, o.id, o.path) != (*key, path)]
    if replaced.get(routine_id):
        library.routines[routine_id], library.origins[key] = replaced[routine_id].pop()
    else:
        del library.routines[routine_id]


def _check_references(library: Library, replaced: _Replaced) -> None:
    """Exercises pass the care checks and name known variants; routines name known exercises
    and claim exactly the elements those cover."""
    exercises = library.exercises
    left_out: set[str] = set()
    for exercise in list(exercises.values()):
        path = library.origins[("exercise", exercise.id)]
        findings = check_exercise(exercise)
        library.problems += [Problem(path, location, message) for location, message in findings]
        if findings:
            left_out.add(exercise.id)
            del exercises[exercise.id]
    for exercise in exercises.values():
        for name in ("easier", "harder"):
            variant = getattr(exercise, name)
            if variant is not None and variant not in exercises and variant not in left_out:
                library.problems.append(
                    Problem(
                        library.origins[("exercise", exercise.id)],
                        name,
                        f"names unknown exercise {variant!r}; use the id of an existing exercise or remove it",
                    )
                )
    for routine_id in list(library.routines):
        _keep_sound_version(library, routine_id, left_out, replaced)
    while broken := [r for r in library.routines.values() if r.next_stage and r.next_stage not in library.routines]:
        for routine in broken:
            _report_next_stage(library, routine)
            _drop_routine(library, routine.id, replaced)
            _keep_sound_version(library, routine.id, left_out, replaced)


def _keep_sound_version(library: Library, routine_id: str, left_out: set[str], replaced: _Replaced) -> None:
    """Drop a routine and then each version it overrode until one is sound (or none is left)."""
    while routine_id in library.routines and not _routine_is_sound(library, routine_id, left_out):
        _drop_routine(library, routine_id, replaced)


def _report_next_stage(library: Library, routine: Routine) -> None:
    path = library.origins[("routine", routine.id)]
    if ("routine", routine.next_stage) in library.origins:
        message = f"names routine {routine.next_stage!r}, which was left out because of the problem reported for it"
    else:
        message = (
            f"names unknown routine {routine.next_stage!r}; use the id of an existing routine "
            "(see `backcare-tui routines`) or remove it"
        )
    library.problems.append(Problem(path, "next_stage", message))


def _routine_is_sound(library: Library, routine_id: str, left_out: set[str]) -> bool:
    """Whether a routine names known exercises and claims what they cover; problems are recorded."""
    exercises = library.exercises
    routine = library.routines[routine_id]
    path = library.origins[("routine", routine_id)]
    missing = [(index, step.exercise) for index, step in enumerate(routine.steps) if step.exercise not in exercises]
    for index, exercise_id in missing:
        if exercise_id in left_out:
            message = f"names exercise {exercise_id!r}, which was left out because of the problem reported for it"
        else:
            message = (
                f"names unknown exercise {exercise_id!r}; check the id (see `backcare-tui routines`) "
                "or add that exercise's file"
            )
        library.problems.append(Problem(path, f"steps[{index}].exercise", message))
    if missing:
        return False
    findings = check_routine(routine, _plan(routine, exercises))
    library.problems += [Problem(path, location, message) for location, message in findings]
    return not findings
