"""Settings for the fuzz suite.

The default profile keeps the whole suite under a minute on a small CI machine, so it runs
with every `python -m pytest`. For a longer hunt set `BACKCARE_TUI_FUZZ=long`.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
}
settings.register_profile("fuzz", max_examples=60, **_COMMON)
settings.register_profile("fuzz-long", max_examples=2000, **_COMMON)

FUZZ = settings.get_profile("fuzz-long" if os.environ.get("BACKCARE_TUI_FUZZ") == "long" else "fuzz")
