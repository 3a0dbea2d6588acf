"""The guide: short sections to read about back pain, exercise and staying safe.

Plain data, shown by the guide screen (`g`) and printed by `backcare-tui guide`, so both say
the same words. Each section lists the source keys behind it; the keys are spelled out in
`SOURCES`, which the guide shows at the end. The section on getting checked shows the
triage tiers from `safety`, so the warning signs are written in one place only.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from .safety import NOT_A_DIAGNOSIS, TRIAGE_TIERS

Block = str | tuple[str, ...]
"""A paragraph, or a list of bullet points."""


@dataclass(frozen=True, slots=True)
class GuideSection:
    id: str
    title: str
    blocks: tuple[Block, ...]
    sources: tuple[str, ...]
    shows_triage: bool = False  # the three triage tiers follow the blocks


BRACE = (
    "Gently tighten your deep tummy muscles, as if drawing your belly button a little towards "
    "your spine, at about a quarter of your full effort, while you keep breathing normally. "
    "It is not holding your breath and not sucking your tummy in hard."
)
"""The one meaning of "brace" in every exercise that asks for it."""

SECTIONS: tuple[GuideSection, ...] = (
    GuideSection(
        "why-move",
        "Why moving helps",
        (
            "Back pain is very common. Most of it is not caused by any serious damage, and most "
            "new episodes get much better within a few weeks: often within 2, and mostly "
            "within 4 to 6.",
            "A controlled programme that builds up gradually is one of the best ways to look "
            "after your back. Regular exercise gives you:",
            (
                "stronger muscles around the spine, which take load off the discs and joints",
                "easier movement and less stiffness",
                "better circulation",
                "endorphins, the body's own pain relief, which also lift your mood",
                "and so, often, less need for pain relief",
            ),
            "More than a couple of days in bed tends to make it harder to get going again.",
        ),
        ("Leaflet", "NHS-LBP", "CSP"),
    ),
    GuideSection(
        "hurt-not-harm",
        "Hurt is not harm",
        (
            "Sore muscles and stiff joints complain when they start moving again. Some soreness "
            "when you begin exercising is normal and settles; it does not mean you are damaging "
            "your back.",
            "Most people feel a little more pain for a while when they start a programme. That "
            "is expected, and it eases as your body gets used to it.",
        ),
        ("GSTT", "CSP", "WHO-LBP"),
    ),
    GuideSection(
        "traffic-light",
        "Soreness and the pain traffic light",
        (
            "Rate your pain from 0 (none) to 10 (the worst you can imagine) during and after exercise:",
            (
                "0 to 2, green: fine, keep going",
                "3 to 5, amber: acceptable if it has settled by the next day",
                "6 to 10, red: too much; ease back next time, and stop an exercise that causes it",
            ),
            "Pain after a session should settle by the next morning, and pain and stiffness the "
            "next morning should be no worse than before. When that holds, you can do a little "
            "more; when it does not, do a little less until it settles.",
            "A change of 1 point is within the normal ups and downs of the scale. A rise of 2 "
            "points or more above your usual level is worth paying attention to.",
        ),
        ("PMM", "Chiarotto", "Ostelo"),
    ),
    GuideSection(
        "pacing",
        "Pacing: a little, often",
        (
            "Start with what you can do comfortably today, even on a bad day, and build up "
            "from there in small steps: one or two more repetitions every few days, or holds "
            "a few seconds longer.",
            "Short, frequent sessions beat rare long ones. Stretching and mobilising can be "
            "daily; strengthening two or three days a week, with a rest day between.",
            "On a good day, resist doing much more than planned; on a bad day, do a bit less rather than nothing.",
        ),
        ("NHSI", "BeST", "ACSM", "BU"),
    ),
    GuideSection(
        "elements",
        "The three elements",
        (
            "A balanced programme has three parts, and each routine shows which it covers:",
            (
                "Stretch: eases tension in the back and in the muscles linked to it, the "
                "hamstrings, hip flexors, buttocks, chest and upper back",
                "Mobilise: frees up the joints of the spine and keeps its full range of movement",
                "Strengthen: builds the core and buttock muscles that support the spine in "
                "bending, twisting and lifting, and help prevent another episode",
            ),
            "These muscles are linked in chains: tight hamstrings or hip flexors pull on the "
            "pelvis and low back, and a stiff upper back and chest round the shoulders, so the "
            "stretches work on them as well as on the back.",
        ),
        ("Leaflet", "ACSM"),
    ),
    GuideSection(
        "brace",
        "What \u201cbrace\u201d means",
        (
            BRACE,
            "Try it lying with your hand on your lower tummy: you should feel a gentle "
            "tightening under your fingers, and still be able to talk. Exercises that say "
            "\u201cbrace gently\u201d always mean this.",
        ),
        ("NHS-LBP", "BU"),
    ),
    GuideSection(
        "floor",
        "Getting down to the floor and up",
        (
            (
                "Stand next to a steady chair or a wall to hold on to.",
                "Lower yourself onto one knee, then the other, then put your hands down.",
                "Sit to one side, then roll onto your side before lying on your back.",
                "To get up, reverse it: roll onto your side, push up to hands and knees, bring "
                "one foot forward, and stand up holding the support.",
            ),
            "If getting down is hard, press c on the routines screen to list only routines "
            "without floor work, such as \u201cNo floor: chair and standing\u201d.",
        ),
        ("CSP",),
    ),
    GuideSection(
        "cautions",
        "Pregnancy, osteoporosis, after spinal surgery",
        (
            (
                "Pregnancy: ask your midwife or doctor first. From mid-pregnancy avoid lying "
                "flat on your back for long, and lying on your front.",
                "Osteoporosis: avoid curl-ups, sit-ups and other loaded forward bending, and fast twisting.",
                "Within months of spinal surgery: follow your surgical team's plan, and ask "
                "them before you start anything new.",
            ),
            "Exercises that need such care carry a note, and the routines screen can leave them out (press c there).",
        ),
        ("NHS-LBP", "CSP"),
    ),
    GuideSection(
        "flare-up",
        "A flare-up plan",
        (
            "Flare-ups happen, and they usually settle within days. In a flare-up:",
            (
                "keep gently moving: the gentle flare-up routine up to three times a day, and short walks",
                "use heat, and the pain relief a pharmacist recommends for you",
                "come back in steps: the flare-up routine, then your usual routine at the "
                "eased-back doses, then build up again",
            ),
            "The routines screen offers the flare-up routine when your recent pain scores have "
            "risen. Get checked if any of the warning signs in the next section appear.",
        ),
        ("NHSI", "CSP"),
    ),
    GuideSection(
        "get-checked",
        "When to get checked",
        (NOT_A_DIAGNOSIS, "Three levels, most urgent first (press s for the safety page):"),
        ("NHS-LBP", "NICE-NG59", "NHS111"),
        shows_triage=True,
    ),
)

SOURCES: dict[str, str] = {
    "Leaflet": "Back Care & Exercise, the leaflet this programme follows",
    "NHS-LBP": "NHS, \u201cLower back pain\u201d and \u201cLower back pain exercises\u201d",
    "NHSI": "NHS Inform, \u201cExercises for back pain\u201d",
    "NHS111": "NHS 111 guidance on back pain",
    "NICE-NG59": "NICE guideline NG59, low back pain and sciatica in over 16s",
    "CSP": "Chartered Society of Physiotherapy, \u201cExercise advice for back pain\u201d",
    "GSTT": "Guy's and St Thomas' NHS Foundation Trust, low back pain leaflet",
    "BU": "Bournemouth University, core and low-back exercises",
    "ACSM": "American College of Sports Medicine, stretching guidance (2021)",
    "BeST": "the BeST trial: start from a personal baseline and build up",
    "PMM": "the pain-monitoring model (Thomee 1997; Silbernagel 2007)",
    "Chiarotto": "Chiarotto et al. 2018, core outcome set for low back pain",
    "Ostelo": "Ostelo et al. 2008, meaningful change in pain scores",
    "WHO-LBP": "WHO guideline on chronic low back pain (2023), evidence review",
}

SOURCES_TITLE = "Sources"


def section_sources(section: GuideSection) -> str:
    return "Sources: " + ", ".join(section.sources)


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    wrapped = textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False)
    return wrapped or [""]


def guide_text(width: int = 78) -> str:
    """The whole guide as plain text wrapped to `width` columns, sources at the end."""
    lines: list[str] = ["A GUIDE TO LOOKING AFTER YOUR BACK", ""]
    for number, section in enumerate(SECTIONS, start=1):
        lines += [f"{number}. {section.title.upper()}", ""]
        for block in section.blocks:
            if isinstance(block, str):
                lines += _wrap(block, width)
            else:
                for item in block:
                    lines += _wrap(item, width, "  - ", "    ")
            lines.append("")
        if section.shows_triage:
            for tier in TRIAGE_TIERS:
                lines += [tier.title.upper(), *_wrap(tier.action, width), *_wrap(tier.intro, width)]
                lines += [wrapped for sign in tier.signs for wrapped in _wrap(sign, width, "  - ", "    ")]
                lines.append("")
        lines += [section_sources(section), ""]
    lines += [SOURCES_TITLE.upper(), ""]
    lines += [wrapped for key, name in SOURCES.items() for wrapped in _wrap(f"{key}: {name}", width, "", "    ")]
    return "\n".join(lines)
