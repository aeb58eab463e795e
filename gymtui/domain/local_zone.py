"""The local time zone, as the system clock has it, with a word when TZ cannot be followed.

pendulum reads TZ itself, but knows only zone names (Europe/Paris): a POSIX rule such as
TZ='CET-1CEST,M3.5.0,M10.5.0/3' (which the C library, `date` and cron follow) or a name it
does not know made it use UTC without a word, so sets were stored an hour or more off and
days changed at the wrong midnight. Here a rule the system follows is kept as the offset it
gives now, and anything else is said, once, where the lifter sees it.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Mapping

# A POSIX TZ rule: a zone abbreviation (letters, or <+03>) followed by an offset.
_POSIX_RULE = re.compile(r"^(?:<[^>]+>|[A-Za-z]{3,})[+-]?\d")

def _offset_text(seconds: int) -> str:
    sign = "+" if seconds >= 0 else "-"
    hours, minutes = divmod(abs(seconds) // 60, 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def settle_local_timezone(
    environ: Mapping[str, str] = os.environ, localtime: Callable[[], time.struct_time] = time.localtime
) -> str | None:
    """Set pendulum's local zone from TZ when pendulum cannot read it; returns what the
    lifter should know, or None when TZ is a zone name or unset."""
    raw = environ.get("TZ")
    if not raw:
        return None  # the system's zone (/etc/localtime), which pendulum reads
    import pendulum  # here: with TZ unset, `gymtui` starts without it

    name = raw.removeprefix(":")
    try:
        pendulum.timezone(name)
        return None
    except (pendulum.tz.exceptions.InvalidTimezone, ValueError):
        pass
    if _POSIX_RULE.match(name):
        offset = localtime().tm_gmtoff
        # Etc/GMT-1 is UTC+01:00 (the sign is the POSIX one): a name every part of gymtui reads.
        hours, rest = divmod(-offset, 3600)
        zone = pendulum.timezone(f"Etc/GMT{hours:+d}") if not rest and -14 <= hours <= 12 else \
            pendulum.fixed_timezone(offset)
        # pendulum keeps any zone it is given; its hint names only Timezone, not FixedTimezone.
        pendulum.set_local_timezone(zone)  # type: ignore[arg-type]
        return (f"TZ={raw!r} is a POSIX rule, not a zone name: times use its offset now, {_offset_text(offset)},"
                 " which will not follow a change to summer or winter time; set TZ to a name such as Europe/Paris")
    pendulum.set_local_timezone(pendulum.timezone("UTC"))
    return f"TZ={raw!r} is not a time zone gymtui knows: times are in UTC; set TZ to a name such as Europe/Paris"
