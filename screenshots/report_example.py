"""Write report-example.html: the printable report made from the 60-session test history.

python screenshots/report_example.py
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ["TZ"] = "UTC"
time.tzset()

from backcare_tui.report import render_report  # noqa: E402
from tests.support.progress import sample_report  # noqa: E402


def main() -> None:
    target = HERE / "report-example.html"
    target.write_text(render_report(sample_report()), encoding="utf-8")
    print(f"screenshots/{target.name}")


if __name__ == "__main__":
    main()
