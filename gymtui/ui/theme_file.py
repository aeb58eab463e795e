"""A theme file validated by pydantic, for the files `themes.plain_theme` does not take as
they are: pydantic says what is wrong with them, field by field. Imported only then."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from textual.theme import Theme

from ..domain.common import describe_error
from .themes import APP_VARIABLES, COLOUR, variable_problem


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
        if value is not None and not COLOUR.match(value):
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


def validated_theme(data: Any) -> tuple[Theme | None, str]:
    """The theme, or None and what is wrong with the file."""
    try:
        return ThemeFile.model_validate(data).to_theme(), ""
    except ValidationError as error:
        return None, describe_error(error)
