"""Counts in sentences: '1 set', '3 sets', '0 sessions'. One rule for the whole app, so a
lone set is never written '1 sets'."""

from __future__ import annotations


def plural(count: float, noun: str, many: str | None = None) -> str:
    """The count and the noun, plural unless the count is one; `many` for a noun whose
    plural is not noun + 's' ('1 entry', '2 entries'). Counts keep their own format
    ('1,204 sets' when given '1,204' as text is left to the caller: this takes numbers)."""
    word = noun if count == 1 else (many or f"{noun}s")
    return f"{count:g} {word}" if isinstance(count, float) else f"{count} {word}"
