"""Loading the library: folder order, overrides, user folders, plans, and the bundled content."""

from __future__ import annotations

from pathlib import Path

import pytest

from backcare_tui import paths
from backcare_tui.domain.library import Library, UnknownRoutineError, library_files, load_library
from backcare_tui.domain.models import CORE_ELEMENTS, HoldDose, RepsDose


def test_loads_exercises_and_routines_from_a_folder(library_maker) -> None:
    library_maker.exercise()
    routine_path = library_maker.routine()

    library = load_library([library_maker.folder()])

    assert library.problems == []
    assert list(library.exercises) == ["test-stretch"]
    assert list(library.routines) == ["test-routine"]
    assert library.origins[("routine", "test-routine")] == routine_path
    assert library.overrides == []


def test_files_directly_in_a_folder_are_sorted_by_content(library_maker) -> None:
    folder = library_maker.folder()
    library_maker.write(folder, "my-move.toml", library_maker.exercise_data("my-move"))
    library_maker.write(folder, "my-routine.toml", library_maker.routine_data("my-routine", ("my-move",)))

    library = load_library([folder])

    assert library.problems == []
    assert [kind for _, kind in library_files(folder)] == [None, None]
    assert set(library.exercises) == {"my-move"}
    assert set(library.routines) == {"my-routine"}


def test_empty_or_missing_folder_loads_nothing(tmp_path: Path) -> None:
    library = load_library([tmp_path, tmp_path / "absent"])

    assert (library.exercises, library.routines, library.problems) == ({}, {}, [])


def test_later_folder_overrides_same_id_and_says_so(library_maker) -> None:
    builtin = library_maker.folder("builtin")
    user = library_maker.folder("user")
    library_maker.exercise(builtin)
    original = library_maker.routine(builtin, name="Built-in")
    replacement = library_maker.routine(user, name="Mine")

    library = load_library([builtin, user])

    assert library.problems == []
    assert library.routines["test-routine"].name == "Mine"
    assert library.origins[("routine", "test-routine")] == replacement
    override = library.overridden("routine", "test-routine")
    assert override is not None
    assert (override.kind, override.path, override.replaces) == ("routine", replacement, original)
    assert library.overridden("exercise", "test-stretch") is None


def test_user_routine_can_use_builtin_and_later_exercises(library_maker) -> None:
    builtin, user, extra = (library_maker.folder(name) for name in ("builtin", "user", "extra"))
    library_maker.exercise(builtin)
    library_maker.routine(user, "mixed", exercises=("test-stretch", "extra-move"), elements=["stretch", "strengthen"])
    library_maker.exercise(extra, "extra-move", elements=["strengthen"])

    library = load_library([builtin, user, extra])

    assert library.problems == []
    assert library.plan("mixed").elements == ("stretch", "strengthen")


def test_broken_user_files_never_stop_builtins_loading(library_maker) -> None:
    builtin, user = library_maker.folder("builtin"), library_maker.folder("user")
    library_maker.exercise(builtin)
    library_maker.routine(builtin)
    library_maker.write(user, "routines/broken.toml", "this is not toml")
    library_maker.write(user, "exercises/bad.toml", b"\xff\xfe")
    library_maker.routine(user, "orphan", exercises=("ghost",))

    library = load_library([builtin, user])

    assert len(library.problems) == 3
    assert all(problem.file.is_relative_to(user) for problem in library.problems)
    assert list(library.routines) == ["test-routine"]
    assert list(library.exercises) == ["test-stretch"]


def test_broken_user_override_keeps_the_builtin(library_maker) -> None:
    builtin, user = library_maker.folder("builtin"), library_maker.folder("user")
    library_maker.exercise(builtin)
    original = library_maker.routine(builtin, name="Built-in")
    library_maker.routine(user, name="Mine", exercises=("ghost",))
    library_maker.write(user, "routines/invalid.toml", library_maker.routine_data(get_ready=-1))

    library = load_library([builtin, user])

    assert len(library.problems) == 2
    assert library.routines["test-routine"].name == "Built-in"
    assert library.origins[("routine", "test-routine")] == original
    assert library.overridden("routine", "test-routine") is None


def test_plan_uses_routine_dose_overrides(library_maker) -> None:
    library_maker.exercise()
    library_maker.exercise(exercise_id="other-move", dose={"kind": "reps", "reps": 8})
    library_maker.routine(
        exercises=(),
        steps=[
            {"exercise": "test-stretch", "dose": {"kind": "hold", "hold": 20, "reps": 2}},
            {"exercise": "other-move"},
        ],
        get_ready=4,
        rest_between=10,
    )

    plan = load_library([library_maker.folder()]).plan("test-routine")

    assert [item.dose for item in plan.items] == [HoldDose(hold=20, reps=2), RepsDose(reps=8)]
    # hold: 2 x 20 s + 3 s relax = 43; reps: 8 x 3 s = 24; 2 x 4 s get-ready; 1 x 10 s rest.
    assert plan.estimated_seconds == 43 + 24 + 2 * 4 + 10


def test_unknown_routine_id_lists_the_known_ones(library_maker) -> None:
    library_maker.exercise()
    library_maker.routine()
    library = load_library([library_maker.folder()])

    with pytest.raises(UnknownRoutineError) as caught:
        library.plan("nope")

    assert "'nope'" in str(caught.value)
    assert "test-routine" in str(caught.value)


# Paths: where the library and the user's files come from.


def test_user_config_folder_comes_from_the_environment(tmp_path: Path) -> None:
    assert paths.user_config_dir({paths.CONFIG_ENV: str(tmp_path)}) == tmp_path
    assert paths.user_config_dir({}).name == paths.APP_NAME


def test_library_folders_are_builtin_then_user_then_extra(tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    environ = {paths.CONFIG_ENV: str(tmp_path / "config")}

    assert paths.library_folders([extra], environ) == [paths.builtin_library_dir(), extra]
    (tmp_path / "config").mkdir()
    assert paths.library_folders([extra], environ) == [paths.builtin_library_dir(), tmp_path / "config", extra]


def test_user_config_folder_files_are_loaded_and_override(library_maker, user_config_dir: Path) -> None:
    library_maker.exercise(user_config_dir, "my-move")
    library_maker.routine(user_config_dir, "my-routine", exercises=("my-move",))

    library = load_library(paths.library_folders())

    assert "my-routine" in library.routines
    assert library.origins[("routine", "my-routine")].is_relative_to(user_config_dir)


def test_history_file_flag_beats_environment_beats_default(tmp_path: Path) -> None:
    env = {paths.DB_ENV: str(tmp_path / "env.json")}

    assert paths.resolve_db_path(tmp_path / "flag.json", env) == tmp_path / "flag.json"
    assert paths.resolve_db_path(None, env) == tmp_path / "env.json"
    assert paths.resolve_db_path(None, {}) == paths.default_db_path()
    assert paths.default_db_path().name == paths.DB_NAME


def test_tests_never_see_the_real_user_folders(isolated_user_files: Path) -> None:
    assert paths.user_config_dir().is_relative_to(isolated_user_files)
    assert paths.resolve_db_path().is_relative_to(isolated_user_files)


# The bundled library: properties that hold for whatever content ships.


@pytest.fixture(scope="module")
def bundled() -> Library:
    return load_library([paths.builtin_library_dir()])


def test_bundled_library_loads_without_problems(bundled: Library) -> None:
    assert [str(problem) for problem in bundled.problems] == []


def test_bundled_library_is_big_enough(bundled: Library) -> None:
    assert len(bundled.exercises) >= 30
    assert len(bundled.routines) >= 8


def test_every_bundled_routine_covers_what_it_claims(bundled: Library) -> None:
    for plan in bundled.plans():
        assert set(plan.routine.elements) <= set(plan.elements), plan.routine.id


def test_full_programme_covers_all_three_core_elements(bundled: Library) -> None:
    plan = bundled.plan("full-programme")

    assert set(CORE_ELEMENTS) <= set(plan.elements)
    assert set(CORE_ELEMENTS) <= set(plan.routine.elements)


def test_desk_break_needs_only_a_chair_and_is_short(bundled: Library) -> None:
    plan = bundled.plan("desk-break")

    assert set(plan.equipment) <= {"chair"}
    assert plan.estimated_seconds < 6 * 60


def test_bundled_variants_exist(bundled: Library) -> None:
    for exercise in bundled.exercises.values():
        for variant in (exercise.easier, exercise.harder):
            assert variant is None or variant in bundled.exercises, (exercise.id, variant)


def test_bundled_exercises_have_steps_and_sources(bundled: Library) -> None:
    for exercise in bundled.exercises.values():
        assert 3 <= len(exercise.steps) <= 6, exercise.id
        assert exercise.sources, exercise.id


def test_bundled_file_names_match_their_ids(bundled: Library) -> None:
    for (kind, item_id), path in bundled.origins.items():
        assert path.stem == item_id, (kind, path)


def test_exercise_names_are_by_id_and_a_later_folder_renames(library_maker) -> None:
    builtin = library_maker.folder("builtin")
    user = library_maker.folder("user")
    library_maker.exercise(builtin, "knee-rolls", name="Knee rolls")
    library_maker.exercise(builtin, "glute-bridge", name="Glute bridge")
    library_maker.exercise(user, "knee-rolls", name="Knee rolls, smaller")

    assert load_library([builtin, user]).exercise_names() == {
        "knee-rolls": "Knee rolls, smaller",
        "glute-bridge": "Glute bridge",
    }
    assert Library().exercise_names() == {}
