"""Format detection, forced formats, unknown files, encodings, zones."""

from pathlib import Path

import pytest

from gymtui.importers import import_file, import_text, read_export

FIXTURES = Path(__file__).parent / "fixtures" / "import"


@pytest.mark.parametrize(
    ("name", "source", "label"),
    [
        ("strong_comma_full.csv", "import:strong", "Strong (comma, with Duration and RPE)"),
        ("strong_comma_2019.csv", "import:strong", "Strong (comma, with RPE)"),
        ("strong_comma_2017.csv", "import:strong", "Strong (comma, without Duration or RPE)"),
        ("strong_semicolon_unit.csv", "import:strong", "Strong (semicolon, Weight Unit column)"),
        ("strong_semicolon_quoted.csv", "import:strong", "Strong (semicolon, unit in the header)"),
        ("hevy_kg.csv", "import:hevy", "Hevy (kg)"),
        ("hevy_lbs.csv", "import:hevy", "Hevy (lbs)"),
        ("fitnotes.csv", "import:fitnotes", "FitNotes (standard)"),
    ],
)
def test_every_variant_is_recognised_by_its_header(name, source, label):
    result = import_file(FIXTURES / name, unit="kg", tz="UTC")
    assert (result.error, result.source, result.format_label) == (None, source, label)
    assert result.sets


def test_unknown_format_is_a_clear_message_and_nothing_else():
    result = import_file(FIXTURES / "unknown_format.csv", unit="kg", tz="UTC")
    assert result.error.startswith("this is not a Strong, Hevy or FitNotes export")
    assert "foo,bar,baz,qux" in result.error
    assert (result.sessions, result.sets, result.new_exercises, result.problems) == ([], [], [], [])


@pytest.mark.parametrize("text", ["", "\n\n", "just some words\n", "\ufeff"])
def test_empty_or_random_text_is_refused(text):
    result = import_text(text, unit="kg", tz="UTC")
    assert result.error and not result.sets


def test_forced_format_must_agree_with_the_header():
    result = import_file(FIXTURES / "hevy_kg.csv", fmt="strong", unit="kg", tz="UTC")
    assert result.error == "you asked for Strong but the header is Hevy's"
    assert import_file(FIXTURES / "hevy_kg.csv", fmt="hevy", tz="UTC").ok
    assert "unknown format" in import_file(FIXTURES / "hevy_kg.csv", fmt="csv", tz="UTC").error


def test_forced_format_reads_a_header_detection_would_not():
    # No Weight column: auto-detection does not call it Strong, fmt='strong' reads it anyway.
    text = "Date,Workout Name,Exercise Name,Set Order,Reps\n2024-01-01 10:00:00,A,Pull Up,1,8\n"
    assert import_text(text, unit="kg", tz="UTC").error
    forced = import_text(text, fmt="strong", unit="kg", tz="UTC")
    assert forced.ok and forced.sets[0].reps == 8 and forced.sets[0].load is None


def test_forced_format_with_missing_columns_says_which():
    result = import_text("a,b,c,d\n1,2,3,4\n", fmt="hevy", tz="UTC")
    assert result.error.startswith("the Hevy header lacks")


def test_utf8_bom_and_crlf_line_endings(tmp_path):
    text = (FIXTURES / "strong_comma_full.csv").read_text(encoding="utf-8")
    path = tmp_path / "strong.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = import_file(path, unit="kg", tz="UTC")
    plain = import_file(FIXTURES / "strong_comma_full.csv", unit="kg", tz="UTC")
    assert result.ok and len(result.sets) == len(plain.sets) == 15
    assert [p.line for p in result.problems] == [p.line for p in plain.problems]
    assert [s.source_key for s in result.sets] == [s.source_key for s in plain.sets]
    russian = [s.note for s in result.sets if s.note.startswith("Первая")]
    assert russian == ["Первая строка\r\nвторая строка"]


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "hevy.csv"
    path.write_bytes((FIXTURES / "hevy_lbs.csv").read_text(encoding="utf-8").encode("utf-16"))
    assert read_export(path).startswith('"title"')
    assert len(import_file(path, tz="UTC").sets) == 2


def test_bytes_that_are_not_utf8_are_refused(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("Date,Exercise\nCafé\n".encode("latin-1"))
    result = import_file(path, tz="UTC")
    assert "not UTF-8" in result.error and not result.sets


def test_missing_file_is_an_error_not_an_exception(tmp_path):
    assert import_file(tmp_path / "nope.csv", tz="UTC").error


def test_unknown_time_zone_is_refused():
    result = import_file(FIXTURES / "hevy_kg.csv", tz="Mars/Olympus")
    assert "unknown time zone" in result.error and not result.sets


def test_tab_separated_header_is_detected():
    text = (FIXTURES / "fitnotes.csv").read_text().replace(",", "\t").replace('"Grip slipping\tuse straps"', "ok")
    result = import_text(text, tz="UTC")
    assert result.ok and len(result.sets) == 5
