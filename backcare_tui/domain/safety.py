"""Safety wording shown on first run, on `s`, in `backcare-tui safety` and when something hurts.

Plain data so the screens, the command line and the tests all show the same words. The
warning signs are sorted into three tiers by how soon to get help (NHS back pain pages, NICE
NG59, NHS 111 guidance). The app never says what a sign means: it only says who to ask, and
how soon.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

NOT_A_DIAGNOSIS = (
    "backcare-tui is an exercise coach, not a clinician. It cannot diagnose anything, and it "
    "does not replace an assessment by a doctor or physiotherapist."
)

TierId = Literal["emergency", "urgent", "soon"]


@dataclass(frozen=True, slots=True)
class TriageTier:
    """One level of "get help": how soon, who to ask, and the signs that call for it."""

    id: TierId
    title: str
    action: str
    intro: str
    signs: tuple[str, ...]
    sources: tuple[str, ...]


EMERGENCY = TriageTier(
    id="emergency",
    title="Emergency: get help now",
    action="Call 999 or go to A&E now (outside the UK, your local emergency number).",
    intro="Back pain together with any of these:",
    signs=(
        "numbness or tingling around your genitals, buttocks or back passage (the 'saddle' area)",
        "new difficulty passing urine, or losing control of your bladder or bowels",
        "new trouble getting or keeping an erection, or losing feeling during sex",
        "pain, weakness, numbness or tingling in both legs, or legs that feel heavy or will not do what you ask",
        "chest pain",
        "pain that started after a serious accident, such as a car crash or a bad fall, or "
        "after a small fall if you have osteoporosis or take steroids long term",
    ),
    sources=("NHS-LBP", "NICE-NG59", "NHS111"),
)

URGENT = TriageTier(
    id="urgent",
    title="Urgent: get seen today",
    action="Ask your GP practice for an urgent same-day appointment, or call 111 (the "
    "non-emergency line in the UK; elsewhere, your local equivalent).",
    intro="Back pain together with any of these:",
    signs=(
        "a high temperature, feeling hot and shivery, or feeling generally unwell",
        "weight loss you cannot explain",
        "a lump or swelling in your back, or a change in its shape",
        "pain that does not ease when you rest, or is worse at night",
        "pain made worse by sneezing, coughing or going to the toilet",
        "pain between the shoulder blades rather than in the low back",
        "you have had cancer",
        "a weakened immune system, including from long-term steroids or medicines that damp it down",
        "numbness or weakness in one leg that is spreading or getting worse",
    ),
    sources=("NHS-LBP", "NICE-NG59", "NHS111"),
)

SOON = TriageTier(
    id="soon",
    title="Soon: book a routine appointment",
    action="See your GP or a physiotherapist soon (a routine appointment; in many areas you "
    "can refer yourself to physiotherapy).",
    intro="Back pain that:",
    signs=(
        "is not improving after a few weeks (about 4 to 6) of looking after it yourself",
        "stops you doing your day-to-day activities",
        "is severe, or is getting worse over time",
        "worries you, or that you are struggling to cope with",
        "has lasted more than 3 months, began before the age of 45, and comes with morning "
        "stiffness lasting more than about half an hour that eases as you move, or wakes "
        "you in the second half of the night",
        "comes with numbness or pins and needles in one leg that has not gone after about a week",
    ),
    sources=("NHS-LBP", "NICE-NG59"),
)

TRIAGE_TIERS: tuple[TriageTier, ...] = (EMERGENCY, URGENT, SOON)

TRIAGE_KEY = (
    "Emergency: 999 or A&E now",
    "Urgent: same-day GP appointment or 111",
    "Soon: routine GP or physiotherapist appointment",
)
"""One line per tier, for places with room only for a reminder (press s for the signs)."""

OTHER_CAUTIONS = (
    "Pregnant? Ask your midwife or doctor before starting. From mid-pregnancy avoid lying "
    "flat on your back for long, and avoid lying on your front.",
    "Osteoporosis? Avoid curl-ups, sit-ups and other loaded forward bending, and fast twisting.",
    "Had spinal surgery in the last few months? Follow your surgical team's plan and ask them before starting.",
)
PREGNANCY = OTHER_CAUTIONS[0]

WHEN_TO_STOP = (
    "Stop any exercise that makes your symptoms worse or brings on a new pain.",
    "If an exercise causes severe pain, stop and speak to a doctor or physiotherapist.",
    "Hurt is not harm: mild soreness that settles soon afterwards is normal while your back "
    "gets used to moving again. Build up slowly.",
    "Pain during or after exercise, out of 10: 0-2 is fine, keep going; 3-5 is acceptable if "
    "it has settled by the next day; 6 or more is too much, so ease back.",
    "Pain or tingling that spreads down a leg during a stretch or a backward bend: ease off, "
    "and stop that exercise if it does not go at once.",
)

KEEP_MOVING = (
    "Staying gently active helps. More than a couple of days of bed rest usually makes it harder to get going again."
)

EXPECT_SOME_SORENESS = (
    "A little extra soreness for a day or so after starting a new programme is common and "
    "usually settles. Ease back if it does not."
)

STRONG_PAIN = 6
"""From this score on (the red band of the traffic light) the app cautions instead of reassuring."""

PAIN_SCALE = {
    0: "no pain",
    1: "barely there",
    2: "mild, easy to ignore",
    3: "mild, noticeable",
    4: "moderate, can carry on",
    5: "moderate, hard to ignore",
    6: "fairly strong, gets in the way",
    7: "strong, hard to concentrate",
    8: "very strong",
    9: "severe",
    10: "worst pain imaginable",
}


def tier_text(tier: TriageTier) -> list[str]:
    """One tier as plain lines: title, what to do, then its signs."""
    return [f"{tier.title.upper()}", tier.action, tier.intro, *(f"  - {sign}" for sign in tier.signs)]


def safety_text() -> str:
    """The whole safety advice as plain text."""
    lines = [NOT_A_DIAGNOSIS]
    for tier in TRIAGE_TIERS:
        lines += ["", *tier_text(tier)]
    lines += ["", "OTHER CAUTIONS", *(f"  - {caution}" for caution in OTHER_CAUTIONS)]
    lines += ["", "WHILE YOU EXERCISE", *(f"  - {advice}" for advice in WHEN_TO_STOP)]
    lines += ["", KEEP_MOVING]
    return "\n".join(lines)
