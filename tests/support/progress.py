"""A person's first two months, for the progress charts, the report and their tests.

Sixty sessions made by the real engine, some with missing pain scores and some stopped for
pain with the exercise that hurt, eight weekly check-ins and a dose that grew.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from backcare_tui.domain.checkin import ActivityScore, CheckIn
from backcare_tui.domain.models import DoseChange, HoldDose, RepsDose, SessionRecord, replace
from backcare_tui.report import ReportData
from tests.support.records import engine_records

TODAY = date(2026, 4, 3)
FIRST_DAY = datetime(2026, 1, 20, 8, tzinfo=UTC)
NAMES = {"glute-bridge": "Glute bridge", "bird-dog": "Bird-dog", "knee-rolls": "Knee rolls"}


def sixty_sessions(count: int = 60, start: datetime = FIRST_DAY) -> list[SessionRecord]:
    """Sessions about a day apart whose pain eases over the weeks, oldest first."""
    records = engine_records(count, seed=3, start=start)
    for index, record in enumerate(records):
        ease = index * 3 // max(1, count)  # 0 at the start, 2 by the end
        changes: dict[str, object] = {}
        if record.pain_after is not None:
            changes["pain_after"] = max(0, record.pain_after - ease)
        if record.status == "stopped_for_pain":
            changes["hurt_exercise"] = "knee-rolls"
        records[index] = replace(record, **changes) if changes else record
    return records


def weekly_checkins(first: datetime = FIRST_DAY + timedelta(days=6), weeks: int = 8) -> list[CheckIn]:
    """Eight check-ins with three activities getting easier, one week skipped."""
    checkins = []
    for week in range(weeks):
        at = first + timedelta(weeks=week)
        if week == 3:
            checkins.append(CheckIn(at=at, skipped=True))
            continue
        checkins.append(
            CheckIn(
                at=at,
                scores=(
                    ActivityScore(activity="putting on socks", score=min(10, 3 + week)),
                    ActivityScore(activity="walking 20 minutes", score=min(10, 4 + week // 2)),
                    ActivityScore(activity="lifting my child", score=min(10, 2 + week // 2)),
                ),
                pain_relief_days=max(0, 5 - week),
            )
        )
    return checkins


def _change(days: int, exercise: str, before: object, after: object) -> DoseChange:
    return DoseChange(
        at=FIRST_DAY + timedelta(days=days),
        routine_id="nhs-daily",
        exercise_id=exercise,
        from_exercise=exercise,
        from_dose=before,
        to_exercise=exercise,
        to_dose=after,
        reason="build_up",
    )


def dose_changes() -> list[DoseChange]:
    return [
        _change(42, "glute-bridge", RepsDose(reps=8), RepsDose(reps=10)),
        _change(50, "glute-bridge", RepsDose(reps=10), RepsDose(reps=12)),
        _change(58, "glute-bridge", RepsDose(reps=12), RepsDose(reps=14)),
        _change(45, "bird-dog", HoldDose(hold=4, reps=6), HoldDose(hold=4, reps=8)),
    ]


def sample_report(records: list[SessionRecord] | None = None) -> ReportData:
    return ReportData(
        sixty_sessions() if records is None else records,
        TODAY,
        None,
        weekly_checkins(),
        dose_changes(),
        NAMES,
    )
