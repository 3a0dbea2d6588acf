"""Progress at its edges: the day each pain span starts, sessions at midnight, empty days, doses."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from backcare_tui.domain.models import DoseChange, HoldDose, RepsDose, SessionRecord, TimedDose
from backcare_tui.domain.progress import active_calendar, dose_amount, dose_growth, pain_points, pain_sentence, progress

TODAY = date(2026, 3, 31)  # a Tuesday
MIDNIGHT = 0


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def session(days_ago: int, after: int | None = 3, hour: int = 9, minutes: float = 14, **extra: object) -> SessionRecord:
    start = datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time(), UTC) + timedelta(hours=hour)
    return SessionRecord(
        id=f"s{days_ago}-{after}-{hour}-{extra.get('status', '')}",
        routine_id="nhs-daily",
        routine_name="Daily back set",
        started_at=start,
        ended_at=start + timedelta(minutes=minutes),
        status=extra.pop("status", "completed"),  # type: ignore[arg-type]
        active_seconds=minutes * 60,
        pain_before=4,
        pain_after=after,
    )


MONTH_AGO_AT_5 = [session(30, after=5), session(30, after=5)]


def test_pain_now_starts_at_midnight_thirteen_days_back() -> None:
    now = [session(0, after=5), session(13, after=1, hour=MIDNIGHT), session(13, after=1, hour=MIDNIGHT)]
    older = [session(14, after=9, hour=23), session(14, after=9, hour=23)]
    assert pain_sentence([*MONTH_AGO_AT_5, *now, *older], TODAY) == (
        "Pain after sessions is 4 points lower than a month ago."
    )


def test_pain_a_month_ago_ends_before_midnight_twenty_seven_days_back() -> None:
    then = [session(28, after=6, hour=23), session(28, after=6, hour=23)]
    later = [session(27, after=0, hour=MIDNIGHT) for _ in range(3)]
    now = [session(0, after=2), session(1, after=2)]
    assert pain_sentence([*then, *later, *now], TODAY) == "Pain after sessions is 4 points lower than a month ago."


def test_pain_a_month_ago_starts_at_midnight_forty_one_days_back() -> None:
    then = [session(41, after=6, hour=MIDNIGHT), session(41, after=6, hour=MIDNIGHT)]
    too_old = [session(42, after=0, hour=23), session(100, after=0), session(100, after=0)]
    now = [session(0, after=2), session(1, after=2)]
    assert pain_sentence([*then, *too_old, *now], TODAY) == "Pain after sessions is 4 points lower than a month ago."


def test_sessions_still_in_progress_do_not_count_towards_pain() -> None:
    unfinished = [session(0, after=9, status="in_progress") for _ in range(3)]
    now = [session(0, after=5), session(1, after=5)]
    assert pain_sentence([*MONTH_AGO_AT_5, *now, *unfinished], TODAY) == (
        "Pain after sessions is about the same as a month ago."
    )


def test_a_pain_chart_of_one_point_shows_the_latest_session_with_its_time() -> None:
    records = [session(2, after=3), session(1, after=4)]
    points = pain_points(records, limit=1)
    assert [(p.started_at, p.day, p.after) for p in points] == [(records[1].started_at, TODAY - timedelta(days=1), 4)]


def test_calendar_counts_a_session_at_midnight_on_the_first_monday_and_leaves_empty_days_at_zero() -> None:
    first_monday = TODAY - timedelta(days=TODAY.weekday() + 7 * 11)
    days_ago = (TODAY - first_monday).days
    nothing_done = session(3, minutes=0)
    days = active_calendar([session(days_ago, hour=MIDNIGHT), session(days_ago + 1), nothing_done], TODAY)
    by_day = {calendar_day.day: calendar_day for calendar_day in days}
    assert days[0].day == first_monday
    assert (by_day[first_monday].sessions, by_day[first_monday].minutes) == (1, 14)
    empty = by_day[TODAY - timedelta(days=3)]
    assert (empty.sessions, empty.minutes) == (0, 0.0)
    assert isinstance(empty.sessions, int) and isinstance(empty.minutes, float)


def test_a_timed_dose_is_its_time_and_sets_without_the_rests() -> None:
    assert dose_amount(TimedDose(seconds=25)) == "25 s"
    assert dose_amount(TimedDose(seconds=25, sets=2)) == "25 s, 2 sets"


def change(at: datetime, exercise: str, start: object, end: object, to_exercise: str | None = None) -> DoseChange:
    return DoseChange(
        at=at,
        routine_id="strength",
        exercise_id=exercise,
        from_exercise=exercise,
        from_dose=start,  # type: ignore[arg-type]
        to_exercise=to_exercise or exercise,
        to_dose=end,  # type: ignore[arg-type]
        reason="build_up",
    )


AT = datetime(2026, 3, 3, 9, tzinfo=UTC)


def test_an_exercise_back_where_it_started_does_not_hide_the_ones_after_it() -> None:
    changes = [
        change(AT, "bird-dog", HoldDose(hold=4, reps=6), HoldDose(hold=4, reps=8)),
        change(AT + timedelta(days=1), "bird-dog", HoldDose(hold=4, reps=8), HoldDose(hold=4, reps=6)),
        change(AT + timedelta(days=2), "side-plank", HoldDose(hold=10, reps=2), HoldDose(hold=10, reps=3)),
    ]
    growth = dose_growth(changes, {"side-plank": "Side plank"})
    assert [(g.routine_id, g.exercise_id, g.since) for g in growth] == [("strength", "side-plank", date(2026, 3, 5))]
    assert growth[0].line == "Side plank: 2 holds of 10 s → 3 holds of 10 s since 5 March"


def test_dose_lines_name_the_shape_when_sets_or_kind_change() -> None:
    changes = [
        change(AT, "bridge", RepsDose(reps=8), RepsDose(reps=10, sets=2)),
        change(AT, "dead-bug", HoldDose(hold=5, reps=6), RepsDose(reps=10)),
    ]
    lines = [g.line for g in dose_growth(changes, {"bridge": "Bridge", "dead-bug": "Dead bug"})]
    assert lines == [
        "Bridge: 8 reps → 10 reps, 2 sets since 3 March",
        "Dead bug: 6 holds of 5 s → 10 reps since 3 March",
    ]


def test_a_swapped_exercise_names_both_and_falls_back_to_ids_without_names() -> None:
    changes = [change(AT, "wall-sit", TimedDose(seconds=20), RepsDose(reps=5), to_exercise="squat")]
    assert [g.line for g in dose_growth(changes, {"wall-sit": "Wall sit"})] == [
        "Wall sit, 20 s → squat, 5 reps since 3 March"
    ]
    assert [g.line for g in dose_growth(changes, {"squat": "Squat"})] == [
        "wall-sit, 20 s → Squat, 5 reps since 3 March"
    ]
    assert [g.line for g in progress([], TODAY, changes=changes).doses] == [
        "wall-sit, 20 s → squat, 5 reps since 3 March"
    ]


def test_same_reps_with_a_new_name_keep_the_short_form() -> None:
    changes = [change(AT, "bridge", RepsDose(reps=8), RepsDose(reps=12))]
    assert [g.line for g in progress([], TODAY, changes=changes, names={"bridge": "Bridge"}).doses] == [
        "Bridge: 8 → 12 reps since 3 March"
    ]


def test_progress_with_oldest_first_records_sees_the_whole_first_week_of_the_calendar() -> None:
    first_monday = TODAY - timedelta(days=TODAY.weekday() + 7 * 11)
    days_ago = (TODAY - first_monday).days
    records = [session(200), session(days_ago, hour=MIDNIGHT), session(days_ago - 1), session(0), session(0)]
    view = progress(records, TODAY)
    assert view.calendar[0].day == first_monday
    assert [day.sessions for day in view.calendar[:2]] == [1, 1]
    assert view.weeks[0].sessions == 2 and view.weeks[-1].sessions == 2
    assert view == progress(list(reversed(records)), TODAY, newest_first=True)


def test_progress_headline_is_this_weeks_with_the_pain_comparison() -> None:
    records = [*MONTH_AGO_AT_5, session(0, after=2), session(1, after=2), session(7), session(8), session(9)]
    view = progress(records, TODAY)
    assert view.headline == (
        "This week: 2 sessions, 28 active minutes. Pain after sessions is 2 points lower than a month ago."
    )


def test_progress_for_one_week_has_one_week_of_bars_and_calendar() -> None:
    view = progress([session(0)], TODAY, weeks=1)
    assert len(view.weeks) == 1 and len(view.calendar) == 7


def test_the_pain_chart_reaches_back_past_the_recent_weeks_when_they_hold_few_sessions() -> None:
    recent = [session(days_ago) for days_ago in range(30)]
    unfinished = [session(days_ago, status="in_progress") for days_ago in range(30) for _ in range(2)]
    old = session(300)
    view = progress([old, *recent, *unfinished], TODAY)
    assert len(view.pain) == 31 and view.pain[0].started_at == old.started_at
