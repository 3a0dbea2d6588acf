"""Safety wording shown on first run, on `s`, in `backcare-tui safety` and when something hurts.

Plain data so the screens, the command line and the tests all show the same words.
"""

from __future__ import annotations

NOT_A_DIAGNOSIS = (
    "backcare-tui is an exercise coach, not a clinician. It cannot diagnose anything, and it "
    "does not replace an assessment by a doctor or physiotherapist."
)

EMERGENCY_INTRO = "Stop and get emergency help now (999 in the UK, or your local number) if back pain comes with:"
EMERGENCY_SIGNS = (
    "numbness or tingling around the genitals, buttocks or back passage",
    "new trouble passing urine, or losing control of your bladder or bowels",
    "new problems getting or keeping an erection",
    "weakness, numbness or tingling in both legs, or a leg that is getting weaker",
    "chest pain",
    "pain after a serious accident, or after a small fall if you have osteoporosis or take steroids long term",
)

SOON_INTRO = "See a doctor soon (within a day or two) if back pain comes with:"
SOON_SIGNS = (
    "a fever, or feeling hot and shivery",
    "weight loss you cannot explain",
    "a lump, swelling or change in the shape of your back",
    "pain that is much worse at night or when lying down",
    "walking that feels unsteady",
    "a band of pain around your chest or belly",
    "cancer in the past, or a weakened immune system",
    "new back pain and you are under 20 or over 55",
)

PREGNANCY = "Pregnant? Ask your midwife or doctor before starting these exercises."

WHEN_TO_STOP = (
    "Stop any exercise that makes your symptoms worse or brings on a new pain.",
    "If an exercise causes severe pain, stop and speak to a doctor or physiotherapist.",
    "Hurting does not always mean harm: mild discomfort that settles soon afterwards is "
    "normal while your back gets used to moving again. Build up slowly.",
    "A rough guide many clinics use: 0-3 out of 10 during exercise is fine; 4-5, ease off if it "
    "has not settled by the next day; 6 or more, stop.",
)

KEEP_MOVING = (
    "Staying gently active helps. More than a couple of days of bed rest usually makes it harder to get going again."
)

EXPECT_SOME_SORENESS = (
    "A little extra soreness for a day or so after starting a new programme is common and "
    "usually settles. Ease back if it does not."
)

STRONG_PAIN = 6
"""From this score on, the clinic rule of thumb says stop: the app cautions instead of reassuring."""

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


def safety_text() -> str:
    """The whole safety advice as plain text."""
    lines = [NOT_A_DIAGNOSIS, "", EMERGENCY_INTRO]
    lines += [f"  - {sign}" for sign in EMERGENCY_SIGNS]
    lines += ["", SOON_INTRO]
    lines += [f"  - {sign}" for sign in SOON_SIGNS]
    lines += ["", PREGNANCY, "", "While exercising:"]
    lines += [f"  - {advice}" for advice in WHEN_TO_STOP]
    lines += ["", KEEP_MOVING]
    return "\n".join(lines)
