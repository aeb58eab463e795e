"""Child process for the SIGKILL storm: writes, edits and deletes sets until killed.

Prints one line per operation only after the store call returned (durable), so the parent
knows exactly which writes were acknowledged. The storm forks it from tests/fork_server.py,
which imports this module (and with it all it needs) once and calls `main` in each child;
run by hand (`python tests/kill_writer.py DATA_DIR SEED`), it does the same in a fresh
interpreter.
"""

import random
import sys

import pendulum

from gymtui.domain.journal import LoggedSet, Session
from gymtui.store import Store


def write_until_killed(data_dir: str, seed: int) -> None:
    rng = random.Random(seed)
    store = Store.open(data_dir, purpose="kill-test")
    now = pendulum.now()
    session = store.in_progress_session() or store.save_session(Session(date=now.date(), started_at=now))
    mine: list[LoggedSet] = list(store.session_sets(session.id))
    # The models build their validators on first use: before "ready", so that the parent's
    # kill window is spent writing.
    LoggedSet(session_id=session.id, exercise="barbell-row", reps=1, logged_at=now).model_dump(mode="json")
    ready = False
    while True:
        roll = rng.random()
        if roll < 0.6 or not mine:
            logged = LoggedSet(session_id=session.id, exercise="barbell-row", load=rng.choice([60, 80, 100]),
                               reps=rng.randint(1, 12), logged_at=pendulum.now())
            print("begin-add", logged.id, flush=True)
            store.add_set(logged)
            mine.append(logged)
            print("add", logged.id, flush=True)
        elif roll < 0.8:
            target = rng.choice(mine)
            edited = target.model_copy(update={"reps": rng.randint(1, 12)})
            print("begin-edit", target.id, flush=True)
            store.update_set(edited)
            mine[mine.index(target)] = edited
            print("edit", target.id, edited.reps, flush=True)
        else:
            target = mine.pop(rng.randrange(len(mine)))
            print("begin-delete", target.id, flush=True)
            store.delete_set(target)
            print("delete", target.id, flush=True)
        if not ready:
            # "ready" once this process's first write is acknowledged, so every round writes
            # however slow the machine; the parent's kill comes at a random moment after it.
            # It goes to stderr: the parent reads it with a buffered readline, which may also
            # swallow the next lines of the stream it reads; acknowledgements must not be
            # among them.
            print("ready", file=sys.stderr, flush=True)
            ready = True


def main(argv: list[str]) -> None:
    write_until_killed(argv[0], int(argv[1]))


if __name__ == "__main__":
    main(sys.argv[1:])
