"""What every `gymtui` subcommand shares: the error that ends it, exit codes, reading
--date, and opening the data folder's store."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pendulum

    from ..store import Store

EXIT_USAGE = 2
EXIT_FAILED = 1

# Days a lifter can mean: older or later ones are typing slips (202-01-05, 9999-12-31), and
# planning far beyond them would overflow the calendar.
FIRST_YEAR, LAST_YEAR = 1900, 2100
ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class CliError(Exception):
    """A user-facing failure: message printed as is, exit code attached."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


def parse_day(text: str | None, today: pendulum.Date, *, future: bool = False) -> pendulum.Date:
    """An ISO date (YYYY-MM-DD), 'today' or 'yesterday'. Nothing is guessed: 05.01.2026 or
    1/2/2026 mean different days in different countries, so they are refused."""
    import pendulum

    word = "" if text is None else text.strip().lower()
    if text is None or word == "today":
        return today
    if word == "yesterday":
        return today.subtract(days=1)
    match = ISO_DAY.fullmatch(word)
    if match is None:
        raise CliError(f"--date {text!r}: write YYYY-MM-DD (e.g. {today.isoformat()}), 'today' or 'yesterday'",
                       EXIT_USAGE)
    year, month, day_of_month = (int(part) for part in match.groups())
    try:
        day = pendulum.date(year, month, day_of_month)
    except ValueError:
        raise CliError(f"--date {text!r}: write YYYY-MM-DD with a real month and day", EXIT_USAGE) from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CliError(f"--date {text!r}: the year must be between {FIRST_YEAR} and {LAST_YEAR}", EXIT_USAGE)
    if day > today and not future:
        raise CliError(f"--date {day}: that is in the future", EXIT_USAGE)
    return day


def open_store(data_dir: Path, purpose: str, *, reads_only: bool = False) -> Store:
    """The store, holding the folder's write lock. A command that only reads (`reads_only`)
    still works on a folder that cannot be written (a failing card remounted read-only):
    it reads without the lock, and says so."""
    from ..store import ReadOnlyFolderError, Store

    try:
        return Store.open(data_dir, purpose=purpose)
    except ReadOnlyFolderError as error:
        if not reads_only:
            raise
        print(f"gymtui: note: {data_dir} cannot be written ({error.reason}): reading it as it is,"
              " without the write lock", file=sys.stderr)
        return Store.open_read_only(data_dir, error.reason)
