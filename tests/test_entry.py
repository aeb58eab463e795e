import pytest
from hypothesis import given
from hypothesis import strategies as st

from gymtui.domain.entry import EntryError, parse_entries


@pytest.mark.parametrize(
    "words, expected",
    [
        (["80x8@8.5"], [(80.0, "kg", 8, 8.5)]),
        (["bw", "x12"], [(None, "kg", 12, None)]),
        (["80kgx8"], [(80.0, "kg", 8, None)]),
        (["175lbx5"], [(175.0, "lb", 5, None)]),
        (["80", "x", "8", "@", "9"], [(80.0, "kg", 8, 9.0)]),
        (["82,5x6@7,5"], [(82.5, "kg", 6, 7.5)]),
        (["60x10", "70x8@8", "bwx5"], [(60.0, "kg", 10, None), (70.0, "kg", 8, 8.0), (None, "kg", 5, None)]),
    ],
)
def test_entries_read(words, expected):
    got = [(e.load, e.unit, e.reps, e.rpe) for e in parse_entries(words, "kg")]
    assert got == expected


@pytest.mark.parametrize(
    "words, expected",
    [
        (["bw", "x45s"], (None, None, 45.0, None)),
        (["32x40s@8"], (32.0, None, 40.0, 8.0)),
        (["20kgx30sec"], (20.0, None, 30.0, None)),
    ],
)
def test_timed_entries_read_as_seconds(words, expected):
    entry = parse_entries(words, "kg")[0]
    assert (entry.load, entry.reps, entry.seconds, entry.rpe) == expected


def test_default_unit_applies_to_bare_numbers():
    assert parse_entries(["100x5"], "lb")[0].unit == "lb"


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("80x", "reps missing"),
        ("8ox8", "load '8o'"),
        ("80x8@11", "RPE 11"),
        ("80x8@5.5", "RPE 5.5"),
        ("x8", "load missing"),
        ("80x-1", "reps '-1'"),
        ("80", "no 'x'"),
        ("bwkgx5", "bodyweight takes no unit"),
        ("bwx0s", "a timed set lasts 1 to 3600 seconds"),
        ("bwx4000s", "a timed set lasts 1 to 3600 seconds"),
        ("bwx3m", "reps '3m'"),
    ],
)
def test_bad_entries_say_what_and_where(text, fragment):
    with pytest.raises(EntryError) as caught:
        parse_entries([text], "kg")
    assert f"entry 1 '{text}'" in str(caught.value)
    assert fragment in str(caught.value)


@given(st.lists(st.text(max_size=12), max_size=4))
def test_any_text_gives_entries_or_entry_error(words):
    try:
        entries = parse_entries(words, "kg")
    except EntryError:
        return
    assert all(e.reps >= 0 and (e.load is None or e.load >= 0) for e in entries)


def test_error_names_the_position_of_the_bad_entry():
    with pytest.raises(EntryError, match="entry 3 '80x'"):
        parse_entries(["60x5", "70x5", "80x"], "kg")


# -- one reader for the command line and the set form ------------------------------------------

from gymtui.domain.entry import SetFields, parse_entry, parse_set_fields  # noqa: E402


def test_rpe_without_its_point_is_refused_on_the_command_line_with_the_question():
    with pytest.raises(EntryError, match=r"entry 1 '80x8@85': RPE 85: did you mean 8\.5\?"):
        parse_entries(["80x8@85"], "kg")


def test_rpe_without_its_point_is_refused_by_the_form_with_the_same_words():
    values, errors = parse_set_fields(SetFields(rpe="85", reps="8", load="80"), "kg", bodyweight_ok=False, hold=False)
    assert values is None and "RPE 85: did you mean 8.5?" in errors.by_field["rpe"]


_LOADS = st.one_of(st.just("bw"), st.decimals(0, 2500, places=2).map(lambda d: f"{d.normalize():f}"),
                   st.text("0123456789.,kglbs", max_size=7))
_REPS = st.one_of(st.integers(0, 1500).map(str), st.text("0123456789-", max_size=5))
_RPES = st.one_of(
    st.sampled_from(["", "8", "8.5", "7,5", "85", "10", "11", "5.5"]), st.text("0123456789.,", max_size=4)
)


@given(load=_LOADS, reps=_REPS, rpe=_RPES)
def test_the_command_line_and_the_form_read_a_set_alike(load, reps, rpe):
    """A set typed as LOADxREPS@RPE and the same values typed in the form's fields are read
    to the same values, or both refused."""
    token = f"{load}x{reps}" + (f"@{rpe}" if rpe else "")
    try:
        entry = parse_entry(token, "kg")
    except EntryError:
        entry = None
    values, _ = parse_set_fields(SetFields(rpe=rpe, reps=reps, load=load), "kg", bodyweight_ok=False, hold=False)
    if entry is None:
        # The command line is stricter about the shape (no spaces, no sign); it never reads
        # a value the form refuses.
        return
    assert values is not None, token
    assert (entry.load, entry.unit, entry.reps, entry.rpe) == (values.load, values.unit, values.reps, values.rpe)
