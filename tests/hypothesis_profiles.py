"""How hard the slow tests try: hypothesis profiles for the properties, and the number of
rounds of the kill storms.

"dev" (the default) runs each property with the number of examples it asks for and each
storm with all its kills; "ci" runs a third of them (at least 10 examples, 4 kills), so the
whole suite stays quick on a small machine while every property and every storm still runs.
Choose with HYPOTHESIS_PROFILE=ci. A property that asks for a number of examples uses
`examples(n)`, because an explicit `max_examples` would otherwise override the profile.
"""

from __future__ import annotations

import os

from hypothesis import settings

SHARE = {"dev": 1.0, "ci": 1 / 3}
settings.register_profile("dev")
settings.register_profile("ci", max_examples=34)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "dev")
settings.load_profile(PROFILE)


def examples(n: int) -> int:
    """`n` examples under the dev profile, a share of them (never fewer than 10) under ci."""
    return max(10, round(n * SHARE.get(PROFILE, 1.0)))


def storm_rounds(n: int) -> int:
    """`n` rounds of a kill storm under the dev profile, a share of them (never fewer than 4)
    under ci."""
    return max(4, round(n * SHARE.get(PROFILE, 1.0)))
