"""The README's example routine must stay a valid file, and its set-up commands match CI."""

import re
from pathlib import Path

from backcare_tui import paths
from backcare_tui.domain.library import load_library

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_example_routine_loads_against_the_bundled_library(tmp_path):
    example = re.search(r"## Writing your own routine.*?```toml\n(.*?)```", README, re.DOTALL)[1]
    (tmp_path / "routines").mkdir()
    (tmp_path / "routines" / "my-morning.toml").write_text(example, encoding="utf-8")

    library = load_library([paths.builtin_library_dir(), tmp_path])

    assert library.problems == []
    plan = library.plan("my-morning")
    assert [item.exercise.id for item in plan.items] == [
        "knee-rolls",
        "cat-camel",
        "glute-bridge",
        "single-knee-to-chest",
    ]
    assert set(plan.elements) >= {"stretch", "mobilise", "strengthen"}


def test_ci_runs_the_readme_test_command():
    test_command = re.search(r"pip install -e '\.\[test\]' && (python -m pytest)", README)[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(rf"^{re.escape(test_command)}$", ci, re.MULTILINE)
