"""Theme files: the shipped ones in themes/, the user's in <config dir>/themes/.

A theme file is JSON validated strictly (unknown keys refused). Every broken file is
reported, in one notification, and skipped: the app falls back to the default theme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.css.stylesheet import Stylesheet
from textual.theme import Theme

from ..domain.jsontext import JsonTextError, load_json
from ..paths import shipped_dir, user_config_dir

DEFAULT_THEME = "gym-floor"
COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")

# App colours every theme provides (a theme file may override them): CSS uses them as
# $tempo-eccentric etc. Phases also carry a name and a symbol, never colour alone.
APP_VARIABLES: dict[str, str] = {
    "tempo-eccentric": "#00B4D8",
    "tempo-pause": "#E9C46A",
    "tempo-concentric": "#52B788",
    "tempo-hold": "#C77DFF",
    "tempo-drive": "#E63946",
    "rest": "#00B4D8",
    "rest-over": "#E63946",
}


_VARIABLE_NAME = re.compile(r"^[a-z][a-z0-9-]{0,60}$")


def variable_problem(name: str, value: str) -> str | None:
    """Why a theme variable cannot be used, or None. The value is parsed by Textual itself,
    in the kind of rule that uses such a variable: a value Textual refuses would otherwise
    stop the app at start, every start, once the theme is chosen."""
    if not _VARIABLE_NAME.match(name):
        return f"variable {name!r}: a name is lower-case letters, digits and '-' (e.g. tempo-hold)"
    rule = "link-style" if name.startswith("link-style") else "text-style" if name.endswith("style") else "color"
    sheet = Stylesheet(variables={"value": value})
    try:
        sheet.add_source(f"Screen {{ {rule}: $value; }}", read_from=("theme", name))
        sheet.parse()
    except Exception:  # Textual's parse errors have no common base worth naming
        wanted = "text styles such as 'bold' or 'none'" if rule != "color" else "a colour such as #RRGGBB"
        return f"variable {name!r}: {value!r} is not {wanted}"
    return None


COLOUR_FIELDS = ("primary", "secondary", "accent", "foreground", "background", "surface", "panel", "warning",
                 "error", "success")
THEME_FIELDS = frozenset({"name", "description", "dark", "variables", *COLOUR_FIELDS})
THEME_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,40}")


def plain_theme(data: Any) -> Theme | None:
    """The theme of a file that is plainly right, read without pydantic (its import and the
    schema it builds are most of a start-up's own work before the first frame); None for
    anything else, which `theme_file.ThemeFile` then validates and names the fault of. It
    accepts only what ThemeFile accepts as it is, and builds the same Theme from it."""
    if not isinstance(data, dict) or not set(data) <= THEME_FIELDS:
        return None
    name, dark, variables = data.get("name"), data.get("dark", True), data.get("variables", {})
    if type(name) is not str or not THEME_NAME.fullmatch(name):
        return None
    if type(data.get("description", "")) is not str or type(dark) is not bool or type(variables) is not dict:
        return None
    colours: dict[str, Any] = {field: data.get(field) for field in COLOUR_FIELDS}
    for field, value in colours.items():
        if value is None and field != "primary":
            continue
        if type(value) is not str or not COLOUR.match(value):
            return None
    for key, value in variables.items():
        if type(key) is not str or type(value) is not str or variable_problem(key, value):
            return None
    return Theme(**colours, name=name, dark=dark, variables={**APP_VARIABLES, **variables})


@dataclass(frozen=True)
class ThemeProblem:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def user_themes_dir() -> Path:
    return user_config_dir() / "themes"


def load_theme_dir(folder: Path) -> tuple[list[Theme], list[ThemeProblem]]:
    themes: list[Theme] = []
    problems: list[ThemeProblem] = []
    if not folder.is_dir():
        return themes, problems
    for path in sorted(folder.glob("*.json")):
        try:
            data = load_json(path.read_text(encoding="utf-8"))
        except JsonTextError as error:
            problems.append(ThemeProblem(path, str(error).removeprefix("is ")))
            continue
        except (OSError, UnicodeDecodeError) as error:
            problems.append(ThemeProblem(path, f"cannot be read: {error}"))
            continue
        theme = plain_theme(data)
        if theme is None:
            from .theme_file import validated_theme

            theme, reason = validated_theme(data)
            if theme is None:
                problems.append(ThemeProblem(path, reason))
                continue
        themes.append(theme)
    return themes, problems


def load_all_themes(user_dir: Path | None = None) -> tuple[list[Theme], list[ThemeProblem]]:
    shipped, problems = load_theme_dir(shipped_dir("themes"))
    mine, my_problems = load_theme_dir(user_dir if user_dir is not None else user_themes_dir())
    return shipped + mine, problems + my_problems
