"""Times are stored to the second, so a decision and the session it comes before can share one."""

from __future__ import annotations

from datetime import timedelta

from backcare_tui.domain.models import KeepDecision, RepsDose
from backcare_tui.domain.personal_doses import accept
from backcare_tui.domain.progression import plan
from tests.support.progression import TODAY, result, session, small_library

LIBRARY = small_library()


def test_a_keep_decided_in_the_second_a_session_starts_does_not_hide_that_session():
    history = [session(1, 3, 7), session(2), session(3)]  # newest first: the last one hurt
    kept = KeepDecision(at=history[0].started_at, routine_id="core", exercise_id="bridge")
    suggestion = plan(history, (), (), [kept], LIBRARY, TODAY).suggestions[("core", "bridge")]
    assert suggestion.action == "ease_back"


def test_a_session_started_in_the_second_of_an_accepted_change_counts_at_the_new_dose():
    earlier = [session(4), session(3)][::-1]
    offered = plan(earlier, (), (), (), LIBRARY, TODAY - timedelta(days=2)).suggestions[("core", "bridge")]
    assert offered.action == "build_up" and offered.to is not None
    first = session(2)
    dose, change = accept(offered, first.started_at)
    at_new_dose = session(2, results=(result("bridge", offered.to.dose),))
    second = session(1, results=(result("bridge", offered.to.dose),))
    history = [second, at_new_dose, *earlier]
    after = plan(history, [dose], [change], (), LIBRARY, TODAY + timedelta(days=3)).suggestions[("core", "bridge")]
    assert isinstance(after.current.dose, RepsDose) and after.current.dose == offered.to.dose
    assert after.action == "build_up"  # both sessions at the new dose count, the first included
