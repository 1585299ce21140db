"""São Paulo instants a test's day can be seen at (``tests/`` is on pytest's ``pythonpath``).

Around midnight and the start of the working day, midday, late evening, the first minutes
of a month and of a year, and a weekend: tests that must hold at any hour run at each.
"""

from __future__ import annotations

from datetime import datetime

from desktop.sandbox.timeutil import BRT

INSTANTS = {
    "00:05": datetime(2026, 6, 15, 0, 5, tzinfo=BRT),
    "07:59": datetime(2026, 6, 15, 7, 59, tzinfo=BRT),
    "12:00": datetime(2026, 6, 15, 12, 0, tzinfo=BRT),
    "23:59": datetime(2026, 6, 15, 23, 59, tzinfo=BRT),
    "new-month-00:05": datetime(2026, 3, 1, 0, 5, tzinfo=BRT),
    "new-year-00:05": datetime(2027, 1, 1, 0, 5, tzinfo=BRT),
    "new-year-eve-23:59": datetime(2026, 12, 31, 23, 59, tzinfo=BRT),
    "saturday-00:01": datetime(2026, 6, 13, 0, 1, tzinfo=BRT),
}

#: Where suites that do not vary the hour start their sandbox's clock.
NOON = INSTANTS["12:00"]
