"""Triage tiers, the guide's words, caution notes and the pain-rise rule, and their commands."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from backcare_tui.__main__ import main
from backcare_tui.domain import guide, safety
from backcare_tui.domain.care import CARE_FILTERS, caution_notes, next_care_filter
from backcare_tui.domain.models import HoldDose, SessionRecord, replace
from backcare_tui.domain.pain_trend import recent_pain_rise, usual_pain
from tests.support.plans import make_exercise

TODAY = date(2026, 1, 5)


def tier_words(tier: safety.TriageTier) -> str:
    return " ".join(tier.signs).lower()


def test_three_tiers_most_urgent_first_each_with_signs() -> None:
    assert [tier.id for tier in safety.TRIAGE_TIERS] == ["emergency", "urgent", "soon"]
    for tier in safety.TRIAGE_TIERS:
        assert len(tier.signs) >= 5, tier.id
        assert tier.action and tier.sources
    assert "999" in safety.EMERGENCY.action and "111" in safety.URGENT.action
    assert "same-day" in safety.URGENT.action


@pytest.mark.parametrize(
    ("tier", "words"),
    [
        (safety.EMERGENCY, ("genitals", "bladder", "erection", "both legs", "chest pain", "accident")),
        (safety.URGENT, ("temperature", "weight loss", "lump", "night", "sneezing", "shoulder blades", "cancer")),
        (safety.URGENT, ("immune", "one leg")),
        (safety.SOON, ("few weeks", "day-to-day", "getting worse", "cope", "45", "morning stiffness", "week")),
    ],
)
def test_each_sign_sits_in_its_tier(tier: safety.TriageTier, words: tuple[str, ...]) -> None:
    for word in words:
        assert word in tier_words(tier), (tier.id, word)


def test_fever_cancer_and_night_pain_are_not_left_for_a_routine_appointment() -> None:
    soon = tier_words(safety.SOON)
    assert "temperature" not in soon and "cancer" not in soon and "night" in tier_words(safety.URGENT)


def test_safety_text_has_every_tier_and_sign() -> None:
    text = " ".join(safety.safety_text().split())
    for tier in safety.TRIAGE_TIERS:
        assert tier.title.upper() in text
        for sign in tier.signs:
            assert " ".join(sign.split()) in text
    assert "diagnose" in text and "0-2" in text and "6 or more" in text


def test_guide_has_the_sections_the_issue_asks_for() -> None:
    ids = [section.id for section in guide.SECTIONS]
    for wanted in ("why-move", "hurt-not-harm", "traffic-light", "pacing", "elements", "brace", "floor"):
        assert wanted in ids
    for wanted in ("cautions", "flare-up", "get-checked"):
        assert wanted in ids
    assert [s for s in guide.SECTIONS if s.shows_triage] == [guide.SECTIONS[-1]]
    used = {key for section in guide.SECTIONS for key in section.sources}
    assert used <= set(guide.SOURCES)


def test_guide_text_covers_benefits_traffic_light_and_sources_and_fits_78_columns() -> None:
    text = guide.guide_text()
    flat = " ".join(text.split())
    for phrase in ("circulation", "mood", "less need for pain relief", "0 to 2, green", "3 to 5, amber"):
        assert phrase in flat
    for phrase in ("6 to 10, red", "hamstrings", "quarter of your full effort", "roll onto your side"):
        assert phrase in flat
    assert "EMERGENCY: GET HELP NOW" in text and text.rstrip().splitlines()[-1].startswith("WHO-LBP")
    assert max(len(line) for line in text.splitlines()) <= 78


def test_cli_guide_and_safety_print_their_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guide"]) == 0
    assert capsys.readouterr().out.strip() == guide.guide_text().strip()
    assert main(["safety"]) == 0
    out = capsys.readouterr().out
    assert "URGENT: GET SEEN TODAY" in out and "SOON: BOOK A ROUTINE APPOINTMENT" in out


def test_caution_notes_follow_the_tags() -> None:
    plain = make_exercise("plain", HoldDose(hold=20))
    tagged = replace(plain, cautions=("spinal-surgery", "pregnancy"))

    assert caution_notes(plain) == ()
    notes = caution_notes(tagged)
    assert len(notes) == 2 and notes[0].startswith("Pregnant") and "surgery" in notes[1]


def test_care_filter_cycle_returns_to_none() -> None:
    seen = [next_care_filter(None)]
    while seen[-1] is not None:
        seen.append(next_care_filter(seen[-1]))
    assert seen == [*CARE_FILTERS, None]


def record(day: int, pain_before: int | None, pain_after: int | None = None) -> SessionRecord:
    start = datetime(2026, 1, 1, 9, tzinfo=UTC) + timedelta(days=day)
    return SessionRecord(
        id=f"r{day}",
        routine_id="nhs-daily",
        routine_name="Daily back set",
        started_at=start,
        status="completed",
        pain_before=pain_before,
        pain_after=pain_after,
    )


def test_usual_pain_is_the_median_and_needs_three_scores() -> None:
    assert usual_pain([5, 3]) is None
    assert usual_pain([3, 7, 4]) == 4


def test_a_rise_of_two_over_the_usual_level_is_worsening() -> None:
    history = [record(0, 3), record(1, 4), record(2, 3), record(3, 5)]
    rise = recent_pain_rise(history, TODAY)
    assert rise is not None and (rise.usual, rise.recent) == (3, 5)


def test_a_rise_of_one_is_not_worsening() -> None:
    assert recent_pain_rise([record(0, 3), record(1, 4), record(2, 3), record(3, 4)], TODAY) is None


def test_pain_after_the_latest_session_counts() -> None:
    assert recent_pain_rise([record(0, 3), record(1, 3), record(2, 3), record(3, 3, 6)], TODAY) is not None


def test_high_usual_level_is_judged_against_itself() -> None:
    steady_high = [record(0, 7), record(1, 7), record(2, 6), record(3, 7)]
    assert recent_pain_rise(steady_high, TODAY) is None


def test_old_or_thin_histories_offer_nothing() -> None:
    assert recent_pain_rise([record(0, 3), record(1, 6)], TODAY) is None  # no usual level yet
    long_ago = [record(day - 30, score) for day, score in enumerate((3, 3, 3, 7))]
    assert recent_pain_rise(long_ago, TODAY) is None
    assert recent_pain_rise([record(0, None), record(1, None)], TODAY) is None
