"""Property tests: malformed rows dropped into a good file never crash the importer and
never cost a good row; each one is reported on its own physical line."""

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gymtui.importers import import_text
from gymtui.importers.records import RecordReader, physical_lines
from hypothesis_profiles import examples

HEADER = ["Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps",
          "Distance", "Seconds", "Notes", "Workout Notes", "RPE"]
DATES = ["2024-01-01 10:00:00", "2024-01-03 18:30:00", "2024-01-05 07:15:00"]

letters = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(list(',";🏋️éЖ語 '))
names = st.text(letters, min_size=1, max_size=16).filter(lambda s: s.strip())
one_line = st.text(letters, max_size=12)
notes = one_line | st.builds(lambda a, b: f"{a}\n{b}", one_line, one_line)


@st.composite
def good_rows(draw):
    workouts = draw(st.lists(names, min_size=1, max_size=3))
    rows = []
    for _ in range(draw(st.integers(1, 12))):
        w = draw(st.integers(0, len(workouts) - 1))
        reps = draw(st.integers(1, 20))
        rows.append([
            DATES[w], workouts[w], draw(st.sampled_from(["31m", "1h 5m", ""])), draw(names),
            draw(st.sampled_from(["1", "2", "3", "W", "F", "D"])), str(draw(st.integers(0, 120)) * 2.5),
            draw(st.sampled_from([str(reps), f"{reps}.0"])), "0", "0.0", draw(notes), draw(notes),
            draw(st.sampled_from(["", "7", "8.5", "10"])),
        ])
    return rows


def corrupt(row: list[str], how: str) -> list[str] | str:
    """A row that cannot be imported, built from a good one."""
    bad = list(row)
    if how == "reps":
        bad[6] = "five"
    elif how == "weight":
        bad[5] = "-20"
    elif how == "date":
        bad[0] = "2024-02-30 10:00:00"
    elif how == "seconds":
        bad[8] = "abc"
    elif how == "exercise":
        bad[3] = "   "
    elif how == "short":
        bad = bad[:8]
    elif how == "long":
        bad = [*bad, "extra"]
    elif how == "open-quote":
        return f'{row[0]},"{row[1]}'.replace("\n", " ")  # a quote that is never closed
    return bad


def write(rows: list[list[str]]) -> list[str]:
    """Each row as its CSV text (a row with a multi-line note is one string with newlines)."""
    out = []
    for row in rows:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(row)
        out.append(buffer.getvalue())
    return out


def header() -> str:
    return ",".join(HEADER) + "\n"


junk_lines = st.text(letters, min_size=1, max_size=40).map(lambda s: "#" + s.replace("\n", " ") + "\n")
# (An unknown set order is not among them: that set is kept, as a working set.)
corruptions = st.sampled_from(["reps", "weight", "date", "seconds", "exercise", "short", "long", "open-quote"])


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=good_rows(), data=st.data())
def test_malformed_rows_never_cost_good_rows(rows, data):
    good_text = header() + "".join(write(rows))
    clean = import_text(good_text, unit="kg", exercises=[], tz="UTC")
    assert clean.ok and len(clean.sets) == len(rows)
    assert not [p for p in clean.problems if not p.kept]

    pieces = [header(), *write(rows)]
    inserted = []
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(1, len(pieces)))
        if data.draw(st.booleans()):
            line = data.draw(junk_lines)
        else:
            source = rows[data.draw(st.integers(0, len(rows) - 1))]
            bad = corrupt(source, data.draw(corruptions))
            line = bad if isinstance(bad, str) else write([bad])[0]
            line = line if line.endswith("\n") else line + "\n"
        pieces.insert(position, line)
        inserted.append(line)
    text = "".join(pieces)
    result = import_text(text, unit="kg", exercises=[], tz="UTC")

    assert result.ok
    assert result.sets == clean.sets
    assert result.sessions == clean.sessions
    # Every inserted row is reported on the physical line it starts on.
    starts, line_no = {}, 1
    for piece in pieces:
        starts.setdefault(id(piece), line_no)
        line_no += piece.count("\n")
    reported = {p.line for p in result.problems if not p.kept}
    assert {starts[id(piece)] for piece in inserted} <= reported


@settings(max_examples=examples(80), deadline=None)
@given(st.text(max_size=300))
def test_any_text_after_a_header_never_crashes(body):
    result = import_text(header() + body, unit="kg", exercises=[], tz="UTC")
    assert result.ok
    assert all(p.line >= 2 for p in result.problems)


@settings(max_examples=examples(60), deadline=None)
@given(st.text(max_size=200))
def test_any_text_at_all_never_crashes(text):
    result = import_text(text, unit="kg", exercises=[], tz="UTC")
    assert result.error or result.format_label


def test_a_stray_quote_does_not_swallow_the_rows_after_it():
    rows = [[DATES[0], "A", "31m", "Pull Up", str(i), "0", "8", "0", "0", "", "", ""] for i in (1, 2, 3)]
    text = header() + write(rows[:1])[0] + f'{DATES[0]},"A,31m,Pull Up\n' + "".join(write(rows[1:]))
    result = import_text(text, unit="kg", exercises=[], tz="UTC")
    assert len(result.sets) == 3
    assert [(p.line, p.reason) for p in result.problems] == [(3, "a quote is opened and never closed")]


def test_records_know_the_line_they_start_on():
    text = 'a,b\n1,"x\ny"\n2,z\n'
    lines = physical_lines(text)
    reader = RecordReader(lines, ",", 2)
    first = reader.read(1)
    assert (first.line, first.last_line, first.fields) == (2, 3, ["1", "x\ny"])
    assert reader.read(3).line == 4


def test_text_longer_than_gymtui_keeps_is_cut_and_said():
    """Notes over 2,000 characters and names over 120 are stored cut: the report says which
    line, what, and how long it was; each long name once, however many rows carry it."""
    long_note, long_notes = "n" * 2500, "w" * 2100
    long_name, long_workout = "Row " + "x" * 150, "Pull " + "y" * 130
    lines = [",".join(HEADER)]
    for order in (1, 2):
        lines.append(f"{DATES[0]},{long_workout},1h,{long_name},{order},100,5,0,0,{long_note},{long_notes},8")
    result = import_text("\n".join(lines) + "\n", fmt="strong", unit="kg", exercises=[], tz="UTC")
    assert result.ok and len(result.sets) == 2
    assert [len(s.note) for s in result.sets] == [2000, 2000]
    said = sorted(str(p) for p in result.problems)
    assert said == sorted([
        "line 2: note cut to its first 2000 characters (it had 2500): 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnn'...",
        "line 3: note cut to its first 2000 characters (it had 2500): 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnn'...",
        f"line 2: exercise name cut to its first 120 characters (it had {len(long_name)}): {long_name[:30]!r}...",
        "line 2: workout notes cut to its first 2000 characters (it had 2100): 'wwwwwwwwwwwwwwwwwwwwwwwwwwwwww'...",
        f"line 2: workout name cut to its first 120 characters (it had {len(long_workout)}): {long_workout[:30]!r}...",
    ]), said
    assert all(p.kept for p in result.problems)
