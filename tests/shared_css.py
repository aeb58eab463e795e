"""Parsed stylesheets shared by every app a test process starts.

Textual keeps its parse cache inside each app's Stylesheet, and re-parsing (a theme change,
a screen's CSS added) starts from an empty one: every app a test starts parses the same
.tcss files and widget CSS again, which was about a sixth of the CPU time of the Pilot and
snapshot tests. Here the parsed rules are kept for the whole test process, keyed by
everything the parse reads: the CSS text, where it was read from, its flags and scope, and
the theme's variables. A changed file, theme or variable parses again, and CSS with an
error fails as it does without this (the parse raises, or its rules carry the errors that
the caller raises on). Only the tests use this: the app itself starts once per process.
"""

from __future__ import annotations

from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

_parse_rules = Stylesheet._parse_rules
_parsed: dict[tuple, list[RuleSet]] = {}


def _shared_parse_rules(self: Stylesheet, css: str, read_from, is_default_rules: bool = False,
                        tie_breaker: int = 0, scope: str = "") -> list[RuleSet]:
    key = (css, read_from, is_default_rules, tie_breaker, scope, tuple(sorted(self._variables.items())))
    rules = _parsed.get(key)
    if rules is None:
        rules = _parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
        _parsed[key] = rules
    return rules


def share_parsed_css() -> None:
    Stylesheet._parse_rules = _shared_parse_rules  # type: ignore[method-assign]
