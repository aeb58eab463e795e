"""What Today reads besides its plan: the last session and today's session under way.

Apart from services/app_data.py, which imports every screen's services (the importers, the
history): Today's planning worker runs while the app starts and imports only this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.journal import Session
from .planning import SessionPlan
from .workout import SessionWorkout, session_in_progress

if TYPE_CHECKING:
    from .app_data import Gym


def last_session(gym: Gym) -> Session | None:
    """The newest session logged, for Today's "Last session" line."""
    return next(iter(gym.store.iter_sessions()), None)


def session_under_way(gym: Gym, plan: SessionPlan) -> SessionWorkout | None:
    """Today's session in progress, as the workout would open it (Today shows what is done)."""
    return session_in_progress(gym.store, gym.library, plan, gym.now().date())
