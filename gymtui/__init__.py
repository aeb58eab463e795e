"""gymtui: a terminal training companion for people who lift with intent."""

__version__ = "0.1.0"
