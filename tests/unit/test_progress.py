"""The progress headline, the chart data and the doses that grew."""

from datetime import UTC, date, datetime, timedelta

import pytest

from backcare_tui.domain.checkin import ActivityScore, CheckIn
from backcare_tui.domain.models import DoseChange, HoldDose, RepsDose, SessionRecord
from backcare_tui.domain.progress import (
    active_calendar,
    dose_amount,
    dose_growth,
    headline,
    pain_points,
    progress,
)

TODAY = date(2026, 3, 31)  # a Tuesday


@pytest.fixture(autouse=True)
def utc(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def session(
    days_ago: int, before: int | None = 4, after: int | None = 3, minutes: float = 14, **extra
) -> SessionRecord:
    start = datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time(), UTC) + timedelta(hours=9)
    return SessionRecord(
        id=f"s{days_ago}-{before}-{after}",
        routine_id="nhs-daily",
        routine_name="Daily back set",
        started_at=start,
        ended_at=start + timedelta(minutes=minutes),
        status=extra.pop("status", "completed"),
        active_seconds=minutes * 60,
        pain_before=before,
        pain_after=after,
        **extra,
    )


def test_headline_counts_this_week_and_compares_pain_with_a_month_ago():
    records = [session(0, after=2, minutes=20), session(1, after=2, minutes=12), session(8, after=2, minutes=10)]
    records += [session(30, after=4), session(33, after=4)]
    assert headline(records, TODAY) == (
        "This week: 2 sessions, 32 active minutes. Pain after sessions is 2 points lower than a month ago."
    )


def test_a_one_point_change_is_about_the_same():
    records = [session(0, after=3), session(2, after=3), session(30, after=4), session(35, after=4)]
    assert headline(records, TODAY).endswith("Pain after sessions is about the same as a month ago.")


def test_worse_pain_is_said_plainly():
    records = [session(0, after=6), session(2, after=6), session(30, after=3), session(35, after=3)]
    assert headline(records, TODAY).endswith("Pain after sessions is 3 points higher than a month ago.")


def test_headline_without_enough_scores_leaves_pain_out():
    assert headline([], TODAY) == "This week: no sessions yet."
    one = [session(0, minutes=1)]
    assert headline(one, TODAY) == "This week: 1 session, 1 active minute."
    missing = [session(0, after=None), session(1, after=None), session(30), session(31)]
    assert "Pain" not in headline(missing, TODAY)


def test_pain_points_keep_missing_scores_missing():
    records = [session(2, before=None, after=3), session(1, before=5, after=None), session(0, before=None, after=None)]
    points = pain_points(records)
    assert [(p.before, p.after) for p in points] == [(None, 3), (5, None), (None, None)]
    assert [p.day for p in points] == [TODAY - timedelta(days=2), TODAY - timedelta(days=1), TODAY]


def test_pain_points_leave_out_sessions_in_progress_and_keep_the_latest():
    records = [session(n) for n in range(100)] + [session(0, status="in_progress")]
    points = pain_points(records, limit=60)
    assert len(points) == 60
    assert points[-1].day == TODAY and points[0].day == TODAY - timedelta(days=59)


def test_calendar_covers_twelve_whole_weeks_with_future_days_marked():
    days = active_calendar([session(0), session(0), session(5), session(200)], TODAY)
    assert len(days) == 84
    assert days[0].day.weekday() == 0 and days[-1].day.weekday() == 6
    by_day = {d.day: d for d in days}
    assert by_day[TODAY].sessions == 2 and by_day[TODAY].minutes == 28
    assert by_day[TODAY - timedelta(days=5)].sessions == 1
    assert [d.future for d in days[-7:]] == [False, False, True, True, True, True, True]


def test_doses_that_grew():
    at = datetime(2026, 3, 3, 9, tzinfo=UTC)
    changes = [
        DoseChange(
            at=at,
            routine_id="strength",
            exercise_id="glute-bridge",
            from_exercise="glute-bridge",
            from_dose=RepsDose(reps=8),
            to_exercise="glute-bridge",
            to_dose=RepsDose(reps=10),
            reason="build_up",
        ),
        DoseChange(
            at=at + timedelta(days=10),
            routine_id="strength",
            exercise_id="glute-bridge",
            from_exercise="glute-bridge",
            from_dose=RepsDose(reps=10),
            to_exercise="glute-bridge",
            to_dose=RepsDose(reps=14),
            reason="build_up",
        ),
        DoseChange(
            at=at,
            routine_id="strength",
            exercise_id="bird-dog",
            from_exercise="bird-dog",
            from_dose=HoldDose(hold=4, reps=6),
            to_exercise="bird-dog",
            to_dose=HoldDose(hold=4, reps=8),
            reason="build_up",
        ),
        DoseChange(
            at=at + timedelta(days=1),
            routine_id="strength",
            exercise_id="bird-dog",
            from_exercise="bird-dog",
            from_dose=HoldDose(hold=4, reps=8),
            to_exercise="bird-dog",
            to_dose=HoldDose(hold=4, reps=6),
            reason="reset",
        ),
    ]
    names = {"glute-bridge": "Glute bridge", "bird-dog": "Bird-dog"}
    lines = [growth.line for growth in dose_growth(changes, names)]
    assert lines == ["Glute bridge: 8 → 14 reps since 3 March"]


def test_dose_amounts_in_a_few_words():
    assert dose_amount(RepsDose(reps=10, sets=2)) == "10 reps, 2 sets"
    assert dose_amount(HoldDose(hold=5, reps=1)) == "1 hold of 5 s"


def test_progress_gathers_everything():
    checkins = [
        CheckIn(at=datetime(2026, 3, 2, 9, tzinfo=UTC), scores=(ActivityScore(activity="socks", score=3),)),
        CheckIn(at=datetime(2026, 3, 9, 9, tzinfo=UTC), skipped=True),
        CheckIn(
            at=datetime(2026, 3, 16, 9, tzinfo=UTC),
            scores=(ActivityScore(activity="socks", score=7),),
            pain_relief_days=1,
        ),
    ]
    view = progress([session(n) for n in range(40)], TODAY, checkins)
    assert len(view.weeks) == 12 and len(view.calendar) == 84 and len(view.pain) == 40
    assert [(p.average, p.pain_relief_days) for p in view.checkins] == [(3, None), (7, 1)]
    assert view.function is not None and view.function.meaningful


def test_newest_first_gives_the_same_progress():
    records = [session(n, after=n % 5, minutes=5 + n % 7) for n in range(0, 200, 2)]
    newest_first = sorted(records, key=lambda record: record.started_at, reverse=True)
    assert progress(newest_first, TODAY, newest_first=True) == progress(records, TODAY)
