"""Kill a writing process with SIGKILL at random moments; nothing acknowledged is lost.

The writers (tests/kill_writer.py) are forked from a server (tests/fork_server.py) that
imports the store, pydantic and pendulum once; each opens the store itself after its fork.
"""

import os
import random
import signal
import time
from pathlib import Path

import pytest

from fork_server import ForkServer
from gymtui.store import Store
from gymtui.store.doctor import check_data_dir
from hypothesis_profiles import storm_rounds

KILLS = storm_rounds(50)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.slow
def test_sigkill_storm_never_loses_an_acknowledged_write(data_dir):
    rng = random.Random(1234)
    present: dict[str, int | None] = {}  # set id -> reps last acknowledged
    maybe: set[str] = set()  # operations in flight at the kill: either outcome is fine
    deleted: set[str] = set()
    acknowledged = 0
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parent.parent))
    with ForkServer(["kill_writer"], env=env) as forks:
        for round_ in range(KILLS):
            child = forks.spawn(["kill_writer", str(data_dir), str(round_)])
            ready = child.stderr.readline().decode().strip()
            assert ready == "ready", ready + child.stderr.read().decode()
            time.sleep(rng.uniform(0.0, 0.06))
            child.send_signal(signal.SIGKILL)
            out, _ = child.communicate()
            pending: str | None = None
            # A line cut by the kill is not an acknowledgement: only whole lines count.
            for line in out.decode().split("\n")[:-1]:
                verb, set_id, *rest = line.split()
                if verb.startswith("begin-"):
                    pending = set_id
                    continue
                pending = None
                acknowledged += 1
                if verb == "add":
                    present[set_id] = None
                elif verb == "edit":
                    present[set_id] = int(rest[0])
                elif verb == "delete":
                    present.pop(set_id, None)
                    deleted.add(set_id)
            if pending:
                maybe.add(pending)
            # Every file must read back cleanly after every kill.
            errors = [f.message for f in check_data_dir(data_dir) if f.level == "error"]
            assert not errors, f"round {round_}: {errors}"

    with Store.open(data_dir) as store:
        session = store.in_progress_session()
        stored = {s.id: s.reps for s in store.session_sets(session.id)}
    for set_id, reps in present.items():
        if set_id in maybe:
            continue
        assert set_id in stored, f"acknowledged set {set_id} lost"
        if reps is not None:
            assert stored[set_id] == reps
    for set_id in deleted - maybe:
        assert set_id not in stored
    # The storm really wrote: each round acknowledges a write before its kill window opens.
    assert acknowledged >= KILLS and present
