"""A rise in pain is judged from the latest sessions alone, whatever came years before."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from backcare_tui.domain.models import SessionRecord
from backcare_tui.domain.pain_trend import USUAL_WINDOW, PainRise, recent_pain_rise, usual_pain
from backcare_tui.domain.stats import local_day

TODAY = date(2024, 5, 20)
NOW = datetime(2024, 5, 20, 12, tzinfo=UTC)


def session(number: int, hours_back: int, before: int | None, after: int | None) -> SessionRecord:
    return SessionRecord(
        id=f"s{number}",
        routine_id="test-routine",
        routine_name="Test routine",
        started_at=NOW - timedelta(hours=hours_back),
        status="completed",
        active_seconds=300.0,
        pain_before=before,
        pain_after=after,
    )


def every_session_sorted(records: list[SessionRecord], today: date) -> PainRise | None:
    """The rule worked out over every rated session, sorted in full."""
    rated = sorted((r for r in records if r.pain_before is not None), key=lambda r: r.started_at)
    if not rated or (today - local_day(rated[-1].started_at)).days > 7:
        return None
    usual = usual_pain(r.pain_before for r in rated[-USUAL_WINDOW - 1 : -1] if r.pain_before is not None)
    latest = rated[-1]
    if usual is None:
        return None
    recent = max(score for score in (latest.pain_before, latest.pain_after) if score is not None)
    return PainRise(usual, recent) if recent - usual >= 2 else None


scores = st.one_of(st.none(), st.integers(0, 10))
histories = st.lists(
    st.tuples(st.integers(0, 24 * 40), scores, scores),
    max_size=60,
)


@given(histories)
def test_the_latest_sessions_decide_as_if_all_were_sorted(rows: list[tuple[int, int | None, int | None]]) -> None:
    records = [session(number, hours, before, after) for number, (hours, before, after) in enumerate(rows)]
    assert recent_pain_rise(records, TODAY) == every_session_sorted(records, TODAY)


def test_years_of_calm_sessions_do_not_hide_a_recent_rise() -> None:
    calm = [session(number, 24 * (number + 2), 2, 2) for number in range(5000)]
    flare = session(99_999, 1, 6, 7)
    assert recent_pain_rise([*calm, flare], TODAY) == PainRise(2, 7)


def test_sessions_listed_newest_first_are_judged_by_when_they_started() -> None:
    # As the store lists them: the newest first, so the latest is the first listed, not the last.
    calm = [session(number, 24 * (number + 1), 2, 2) for number in range(1, 12)]
    flare = session(0, 1, 6, 7)
    assert recent_pain_rise([flare, *calm], TODAY) == PainRise(2, 7)
    assert recent_pain_rise([*calm, flare], TODAY) == PainRise(2, 7)
