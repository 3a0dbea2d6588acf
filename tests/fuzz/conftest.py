"""Settings for the fuzz suite.

The default profile (100 examples each) keeps the whole suite under a minute on a small CI machine, so it runs
with every `python -m pytest`. For a longer run set `BACKCARE_TUI_FUZZ=long` (2,000 examples
each), or `BACKCARE_TUI_FUZZ=hunt` for as many without shrinking what it finds.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
}
settings.register_profile("fuzz", max_examples=100, **_COMMON)
settings.register_profile("fuzz-long", max_examples=2000, **_COMMON)
# Many examples, reported as found without shrinking them: to hunt, not to debug.
settings.register_profile("fuzz-hunt", max_examples=2000, phases=[Phase.generate], report_multiple_bugs=True, **_COMMON)

FUZZ = settings.get_profile(
    {"long": "fuzz-long", "hunt": "fuzz-hunt"}.get(os.environ.get("BACKCARE_TUI_FUZZ", ""), "fuzz")
)
