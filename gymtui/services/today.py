"""What Today reads besides its plan: the last session and today's session under way.

Apart from services/app_data.py, which imports every screen's services (the importers, the
history): Today's planning worker runs while the app starts and imports only this.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..domain.journal import Session
from .planning import SessionPlan, plan_session
from .workout import SessionWorkout, session_in_progress

if TYPE_CHECKING:
    from .app_data import Gym


def last_session(gym: Gym) -> Session | None:
    """The newest session logged, for Today's "Last session" line."""
    return next(iter(gym.store.iter_sessions()), None)


def session_under_way(gym: Gym, plan: SessionPlan) -> SessionWorkout | None:
    """Today's session in progress, as the workout would open it (Today shows what is done)."""
    return session_in_progress(gym.store, gym.library, plan, gym.now().date())


def plan_for(gym: Gym, day: date) -> tuple[SessionPlan, SessionWorkout | None]:
    """The plan `day` has with the data as it is now, and the session under way that day (a
    later day's plan, kept so the first start of that day draws it at once)."""
    plan = plan_session(gym.store, gym.library, gym.store.settings(), day)
    return plan, session_in_progress(gym.store, gym.library, plan, day)


def folder_writable(gym: Gym) -> bool:
    """The data folder can be written: a read-only one gets nothing new, not even a cache."""
    return gym.store.read_only is None
