"""Program files: each field checked with its name and reason, broken files skipped, ids kept apart."""

import copy
import json

import pytest

from gymtui.domain.programs import ProgramError, check_program, program_text, read_program_text
from gymtui.services.library import Library
from gymtui.services.programs import copy_program, import_program, read_own_programs, save_own_program
from gymtui.store import Store
from gymtui.store.catalog_files import load_catalog

CATALOG = load_catalog()
IDS = set(CATALOG.exercises)
SHIPPED = CATALOG.programs["upper-back-posterior-chain"]


def shipped_data() -> dict:
    return SHIPPED.model_dump(mode="json")


def test_the_shipped_program_reads_as_before():
    raw = json.loads((CATALOG.source / "programs" / "upper-back-posterior-chain.json").read_text())
    program = check_program(raw, IDS)
    assert program == SHIPPED
    assert all(rx.progression == "double" and rx.superset is None for d in program.days for rx in d.prescriptions)


def edited(change) -> dict:
    data = copy.deepcopy(shipped_data())
    change(data)
    return data


def rx0(data):
    return data["days"][0]["prescriptions"][0]


CASES = [
    ("id", lambda d: d.update(id="Has Spaces"), "id: String should match pattern"),
    ("name", lambda d: d.update(name=""), "name: String should have at least 1 character"),
    ("days", lambda d: d.update(days=[]), "days: List should have at least 1 item"),
    ("day ids", lambda d: d["days"][1].update(id=d["days"][0]["id"]), "day ids repeat: horizontal-pull"),
    ("day name", lambda d: d["days"][0].pop("name"), "days.0.name: Field required"),
    (
        "exercise",
        lambda d: rx0(d).update(exercise="zercher-squat"),
        "days.0.prescriptions.0.exercise: 'zercher-squat' is not in the library",
    ),
    (
        "sets",
        lambda d: rx0(d).update(sets=0),
        "days.0.prescriptions.0.sets: Input should be greater than or equal to 1",
    ),
    ("reps", lambda d: rx0(d).update(reps_min=12, reps_max=8), "rep range 12-8: the top is below the bottom"),
    ("seconds", lambda d: rx0(d).update(hold_seconds=0), "days.0.prescriptions.0.hold_seconds"),
    ("rpe", lambda d: rx0(d).update(target_rpe=11), "RPE 11 is not on the scale"),
    ("tempo", lambda d: rx0(d).update(tempo="fast"), "days.0.prescriptions.0.tempo"),
    ("rest", lambda d: rx0(d).update(rest_seconds=-5), "days.0.prescriptions.0.rest_seconds"),
    (
        "progression",
        lambda d: rx0(d).update(progression="linear"),
        "days.0.prescriptions.0.progression: Input should be 'double', 'slow', 'load_steps' or 'none'",
    ),
    ("superset label", lambda d: rx0(d).update(superset="a b"), "days.0.prescriptions.0.superset"),
    (
        "superset alone",
        lambda d: rx0(d).update(superset="A"),
        "superset A has one exercise: a superset needs two or more",
    ),
    ("follows_block", lambda d: rx0(d).update(follows_block="sometimes"), "days.0.prescriptions.0.follows_block"),
    ("cycle", lambda d: d.update(cycle=[]), "cycle: List should have at least 1 item"),
    ("cycle week", lambda d: d["cycle"][0].update(emphasis="bulk"), "cycle.0.emphasis"),
    ("unknown field", lambda d: rx0(d).update(weeks=3), "days.0.prescriptions.0.weeks: Extra inputs are not permitted"),
]


@pytest.mark.parametrize("field,change,message", CASES, ids=[c[0] for c in CASES])
def test_a_bad_field_is_refused_naming_it_and_why(field, change, message):
    with pytest.raises(ProgramError) as raised:
        check_program(edited(change), IDS)
    assert message in str(raised.value)


def test_supersets_progressions_and_a_custom_cycle_validate():
    def change(d):
        d["days"][0]["prescriptions"][0].update(superset="A", progression="none")
        d["days"][0]["prescriptions"][1].update(superset="A", progression="slow")
        d["days"][0]["prescriptions"][2].update(progression="load_steps")
        d["cycle"] = d["cycle"][:3] * 2  # a six-week cycle with no deload week of its own

    program = check_program(edited(change), IDS)
    assert [rx.superset for rx in program.days[0].prescriptions[:2]] == ["A", "A"]
    assert len(program.cycle) == 6


def test_bad_json_and_a_list_are_refused_plainly():
    with pytest.raises(ProgramError, match="not valid JSON"):
        read_program_text('{"id": "x"', IDS)
    with pytest.raises(ProgramError, match="a program is a JSON object"):
        read_program_text("[]", IDS)


def test_text_round_trips_exactly():
    assert read_program_text(program_text(SHIPPED), IDS) == SHIPPED


def test_broken_files_are_named_and_skipped(data_dir):
    mine = SHIPPED.model_copy(update={"id": "mine", "name": "Mine"})
    save_own_program(data_dir, mine)
    folder = data_dir / "programs"
    (folder / "broken.json").write_text('{"id": ', encoding="utf-8")
    (folder / "same-as-shipped.json").write_text(program_text(SHIPPED), encoding="utf-8")
    (folder / "wrong.json").write_text(json.dumps(edited(lambda d: rx0(d).update(sets=0)) | {"id": "w"}))
    own = read_own_programs(data_dir, IDS, CATALOG.programs)
    assert list(own.programs) == ["mine"]
    message = own.message()
    assert message.startswith("3 program files were skipped: programs/broken.json: not valid JSON")
    assert "programs/same-as-shipped.json: id 'upper-back-posterior-chain' is a shipped program's" in message
    assert "programs/wrong.json: days.0.prescriptions.0.sets" in message


def test_the_library_offers_own_programs_and_falls_back_when_one_breaks(data_dir):
    save_own_program(data_dir, SHIPPED.model_copy(update={"id": "mine", "name": "Mine"}))
    with Store.open(data_dir) as store:
        library = Library.from_store(CATALOG, store)
        assert library.program("mine").name == "Mine"
        assert not library.is_shipped("mine")
        (data_dir / "programs" / "mine.json").write_text("not json", encoding="utf-8")
        library = Library.from_store(CATALOG, store)
        assert library.program("mine").id == "upper-back-posterior-chain"
        assert "programs/mine.json" in library.program_problem_message()


def test_import_never_overwrites_a_shipped_or_own_program(data_dir):
    text = program_text(SHIPPED)
    first = import_program(data_dir, text, IDS, CATALOG.programs, {})
    assert (first.program.id, first.renamed_from, first.clashed_with) == (
        "upper-back-posterior-chain-2", "upper-back-posterior-chain", "shipped")
    second = import_program(data_dir, text, IDS, CATALOG.programs, {first.program.id: first.program})
    assert second.program.id == "upper-back-posterior-chain-3"
    own = read_own_programs(data_dir, IDS, CATALOG.programs)
    assert set(own.programs) == {"upper-back-posterior-chain-2", "upper-back-posterior-chain-3"}


def test_copy_refuses_a_taken_id(data_dir):
    with pytest.raises(ProgramError, match="already a program's"):
        copy_program(data_dir, SHIPPED, "upper-back-posterior-chain", CATALOG.programs)
    copy_ = copy_program(data_dir, SHIPPED, "my-back", CATALOG.programs)
    assert copy_.days == SHIPPED.days and copy_.name.endswith("(copy)")


SHIPPED_IDS = ["full-body-three-day", "minimal-two-day", "upper-back-add-on", "upper-back-posterior-chain",
               "upper-lower-four-day"]


def test_the_shipped_programs_are_there_and_plan_every_day(data_dir):
    from datetime import date

    from gymtui.services.planning import plan_session

    assert sorted(CATALOG.programs) == SHIPPED_IDS
    with Store.open(data_dir) as store:
        library = Library.from_store(CATALOG, store)
        for program in CATALOG.programs.values():
            assert any(rx.follows_block for day in program.days for rx in day.prescriptions), program.id
            settings = store.settings().model_copy(update={"program": program.id})
            for day in program.days:
                plan = plan_session(store, library, settings, date(2026, 11, 16), day)
                assert [item.exercise.id for item in plan.exercises] == [rx.exercise for rx in day.prescriptions]


def test_the_minimal_program_fits_45_minutes():
    """Work (reps at the tempo, or the hold) plus rests, with a superset resting once a round."""
    from gymtui.domain.tempo import parse_tempo

    for day in CATALOG.programs["minimal-two-day"].days:
        seconds = 0.0
        for index, rx in enumerate(day.prescriptions):
            tempo = parse_tempo(rx.tempo or "2-0-1-0")
            rep = sum(1.0 if phase is None else phase for phase in tempo.figures())
            work = rx.hold_seconds or rx.reps_max * rep
            following = day.prescriptions[index + 1] if index + 1 < len(day.prescriptions) else None
            rests = rx.rest_seconds if not (rx.superset and following and following.superset == rx.superset) else 0
            seconds += rx.sets * (work + rests + 30)  # 30 s to set up each set
        assert seconds <= 45 * 60 - 10 * 60, (day.id, seconds / 60)  # 10 minutes of warm-up left


def test_the_readme_example_program_validates():
    import re
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Programs"):]
    example = re.search(r"```json\n(.*?)```", section, re.S).group(1)
    program = read_program_text(example, IDS)
    assert program.days[0].prescriptions[0].superset == "A"


def test_full_body_and_upper_lower_squat_press_and_pull_every_week():
    for program_id in ("full-body-three-day", "upper-lower-four-day"):
        program = CATALOG.programs[program_id]
        mains = {
            CATALOG.exercises[rx.exercise].pattern for d in program.days for rx in d.prescriptions if rx.follows_block
        }
        assert {"squat", "hinge", "press"} <= mains, (program_id, mains)
        patterns = [{CATALOG.exercises[rx.exercise].pattern for rx in d.prescriptions} for d in program.days]
        # Back work on at least two days a week, and each of those days opens with scapular work.
        pulling = [d for d, p in zip(program.days, patterns, strict=True) if p & {"horizontal_pull", "vertical_pull"}]
        assert len(pulling) >= 2
        assert all(CATALOG.exercises[d.prescriptions[0].exercise].pattern == "scapular" for d in pulling), program_id
