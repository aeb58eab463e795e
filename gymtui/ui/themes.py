"""Theme files: the shipped ones in themes/, the user's in <config dir>/themes/.

A theme file is JSON validated strictly (unknown keys refused). Every broken file is
reported, in one notification, and skipped: the app falls back to the default theme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from textual.css.stylesheet import Stylesheet
from textual.theme import Theme

from ..domain.common import describe_error
from ..domain.jsontext import JsonTextError, load_json
from ..paths import user_config_dir
from ..store.catalog_files import shipped_dir

DEFAULT_THEME = "gym-floor"
_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")

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


class ThemeFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,40}$")
    description: str = ""
    dark: bool = True
    primary: str
    secondary: str | None = None
    accent: str | None = None
    foreground: str | None = None
    background: str | None = None
    surface: str | None = None
    panel: str | None = None
    warning: str | None = None
    error: str | None = None
    success: str | None = None
    variables: dict[str, str] = Field(default_factory=dict)

    @field_validator("primary", "secondary", "accent", "foreground", "background", "surface", "panel",
                     "warning", "error", "success")
    @classmethod
    def _colour(cls, value: str | None) -> str | None:
        if value is not None and not _COLOUR.match(value):
            raise ValueError(f"{value!r} is not a colour: write #RRGGBB")
        return value

    @field_validator("variables")
    @classmethod
    def _variables(cls, variables: dict[str, str]) -> dict[str, str]:
        for name, value in variables.items():
            problem = variable_problem(name, value)
            if problem:
                raise ValueError(problem)
        return variables

    def to_theme(self) -> Theme:
        fields = self.model_dump(exclude={"description", "variables"})
        return Theme(**fields, variables={**APP_VARIABLES, **self.variables})


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
            themes.append(ThemeFile.model_validate(data).to_theme())
        except JsonTextError as error:
            problems.append(ThemeProblem(path, str(error).removeprefix("is ")))
        except ValidationError as error:
            problems.append(ThemeProblem(path, describe_error(error)))
        except (OSError, UnicodeDecodeError) as error:
            problems.append(ThemeProblem(path, f"cannot be read: {error}"))
    return themes, problems


def load_all_themes(user_dir: Path | None = None) -> tuple[list[Theme], list[ThemeProblem]]:
    shipped, problems = load_theme_dir(shipped_dir("themes"))
    mine, my_problems = load_theme_dir(user_dir if user_dir is not None else user_themes_dir())
    return shipped + mine, problems + my_problems
