"""How the safety advice and the guide are laid out as plain text: headings, bullets, blank lines."""

from __future__ import annotations

import pytest

from backcare_tui.domain import guide, safety


def test_safety_text_is_seven_blocks_separated_by_single_blank_lines() -> None:
    blocks = safety.safety_text().split("\n\n")
    assert len(blocks) == 7
    assert blocks[0] == safety.NOT_A_DIAGNOSIS
    for block, tier in zip(blocks[1:4], safety.TRIAGE_TIERS, strict=True):
        assert block.splitlines() == safety.tier_text(tier)
    assert blocks[4].splitlines() == ["OTHER CAUTIONS", *(f"  - {caution}" for caution in safety.OTHER_CAUTIONS)]
    assert blocks[5].splitlines() == ["WHILE YOU EXERCISE", *(f"  - {advice}" for advice in safety.WHEN_TO_STOP)]
    assert blocks[6] == safety.KEEP_MOVING


def test_a_tier_reads_title_in_capitals_then_what_to_do_then_its_signs() -> None:
    lines = safety.tier_text(safety.SOON)
    assert lines[:3] == ["SOON: BOOK A ROUTINE APPOINTMENT", safety.SOON.action, "Back pain that:"]
    assert lines[3] == "  - " + safety.SOON.signs[0]
    assert len(lines) == 3 + len(safety.SOON.signs)


def test_section_sources_lists_the_keys_after_one_label() -> None:
    section = guide.GuideSection("x", "X", (), ("NHS-LBP", "NICE-NG59", "CSP"))
    assert guide.section_sources(section) == "Sources: NHS-LBP, NICE-NG59, CSP"


def paragraphs(text: str) -> list[list[str]]:
    return [chunk.splitlines() for chunk in text.split("\n\n")]


def unwrap_bullets(lines: list[str]) -> list[str]:
    """Bullets start with "  - "; their wrapped lines are indented four spaces."""
    items: list[str] = []
    for line in lines:
        if line.startswith("  - "):
            items.append(line[4:])
        else:
            assert line.startswith("    ") and not line[4:].startswith(" "), line
            items[-1] += " " + line[4:]
    return items


@pytest.mark.parametrize("width", [34, 41, 50, 63, 78])
def test_guide_text_lays_out_every_section_with_blank_lines_and_hanging_bullets(width: int) -> None:
    chunks = paragraphs(guide.guide_text(width))
    assert chunks[0] == ["A GUIDE TO LOOKING AFTER YOUR BACK"]
    position = 1
    for number, section in enumerate(guide.SECTIONS, start=1):
        assert chunks[position] == [f"{number}. {section.title.upper()}"]
        position += 1
        for block in section.blocks:
            lines = chunks[position]
            position += 1
            assert all(len(line) <= width for line in lines)
            if isinstance(block, str):
                assert " ".join(lines) == block
                assert all(not line.startswith(" ") for line in lines)
            else:
                assert unwrap_bullets(lines) == list(block)
        if section.shows_triage:
            for tier in safety.TRIAGE_TIERS:
                lines = chunks[position]
                position += 1
                assert lines[0] == tier.title.upper()
                signs = [line for line in lines if line.startswith(" ")]
                plain = " ".join(line for line in lines[1:] if not line.startswith(" "))
                assert plain == f"{tier.action} {tier.intro}"
                assert unwrap_bullets(signs) == list(tier.signs)
        assert chunks[position] == [guide.section_sources(section)]
        position += 1
    assert chunks[position] == ["SOURCES"]
    entries: list[str] = []
    for line in chunks[position + 1]:
        if line.startswith("    "):
            entries[-1] += " " + line[4:]
        else:
            entries.append(line)
    assert entries == [f"{key}: {name}" for key, name in guide.SOURCES.items()]
    assert len(chunks) == position + 2


def test_guide_never_breaks_a_hyphenated_word_across_lines() -> None:
    hyphenated = {
        word.strip(".,;:()\u201c\u201d")
        for section in guide.SECTIONS
        for block in section.blocks
        for text in ((block,) if isinstance(block, str) else block)
        for word in text.split()
        if "-" in word.strip("-")
    }
    assert hyphenated
    for width in range(30, 80):
        for line in guide.guide_text(width).splitlines():
            assert not (line.endswith("-") and line.rstrip("-") and not line.endswith(" -")), (width, line)
