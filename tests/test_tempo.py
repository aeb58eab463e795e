"""The tempo parser: accepted spellings, helpful errors, and no crash on any text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gymtui.domain.tempo import Tempo, TempoError, is_valid_tempo, parse_tempo
from hypothesis_profiles import examples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3-1-1-0", Tempo(3, 1, 1, 0)),
        ("3110", Tempo(3, 1, 1, 0)),
        ("3-1-X-0", Tempo(3, 1, None, 0)),
        ("3-1-x-0", Tempo(3, 1, None, 0)),
        ("40X0", Tempo(4, 0, None, 0)),
        ("40x0", Tempo(4, 0, None, 0)),
        ("3-0-1-2", Tempo(3, 0, 1, 2)),
        ("10-0-1-0", Tempo(10, 0, 1, 0)),
        ("99-99-99-99", Tempo(99, 99, 99, 99)),
        (" 3 / 1 : 1 . 0 ", Tempo(3, 1, 1, 0)),
        ("3 1 1 0", Tempo(3, 1, 1, 0)),
        ("3\t1\t1\t0", Tempo(3, 1, 1, 0)),
        ("  31X0\n", Tempo(3, 1, None, 0)),
        ("X-0-X-0", Tempo(None, 0, None, 0)),
    ],
)
def test_accepted_spellings(text: str, expected: Tempo) -> None:
    assert parse_tempo(text) == expected
    assert is_valid_tempo(text)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("3-a-1", "figure 2 (bottom) is 'a'"),
        ("3-1-1-a", "figure 4 (top) is 'a'"),
        ("3--1-1", "figure 2 (bottom) is ''"),
        ("100-1-1-0", "figure 1 (eccentric) is '100'"),
        ("1O10", "figure 2 (bottom) is 'O'"),  # letter O typed for a zero
        ("31", "has 2 figures"),
        ("3-1-1-0-0", "has 5 figures"),
        ("99999", "has 5 figures"),
        ("3 - 1 - 1 - 0 - 0", "has 5 figures"),
        ("", "empty"),
        ("   ", "empty"),
        ("\u0663-1-1-0", "figure 1 (eccentric)"),  # Arabic-Indic three: ASCII digits only
    ],
)
def test_malformed_tempo_names_the_problem(text: str, named: str) -> None:
    with pytest.raises(TempoError) as caught:
        parse_tempo(text)
    assert named in str(caught.value)
    assert not is_valid_tempo(text)


def test_non_text_is_a_tempo_error() -> None:
    with pytest.raises(TempoError):
        parse_tempo(3110)  # type: ignore[arg-type]


def test_tempo_error_is_a_value_error() -> None:
    # Pydantic validators and callers catching ValueError rely on this.
    assert issubclass(TempoError, ValueError)


def test_str_and_rep_seconds() -> None:
    tempo = parse_tempo("3-1-X-0")
    assert str(tempo) == "3-1-X-0"
    assert tempo.rep_seconds() == 5
    assert tempo.rep_seconds(x_seconds=0.5) == 4.5
    assert tempo.time_under_tension(8, x_seconds=0.5) == 36


def test_phase_order_for_lifts_that_start_with_the_concentric() -> None:
    tempo = parse_tempo("3-0-1-2")
    assert tempo.phase_order(starts_concentric=False) == ("eccentric", "bottom", "concentric", "top")
    assert tempo.phase_order(starts_concentric=True) == ("concentric", "top", "eccentric", "bottom")


figure_text = st.one_of(st.integers(0, 99).map(str), st.sampled_from(["X", "x"]))
separator = st.sampled_from(["-", "/", ":", ".", " ", " - ", "\t"])


@settings(max_examples=examples(150))
@given(st.lists(figure_text, min_size=4, max_size=4), separator)
def test_any_dashed_tempo_round_trips(figures: list[str], sep: str) -> None:
    tempo = parse_tempo(sep.join(figures))
    expected = [None if f in ("X", "x") else int(f) for f in figures]
    assert list(tempo.figures()) == expected
    assert parse_tempo(str(tempo)) == tempo


@settings(max_examples=examples(100))
@given(st.text(alphabet="0123456789xX", min_size=4, max_size=4))
def test_any_compact_tempo_parses(text: str) -> None:
    assert str(parse_tempo(text)).replace("-", "") == text.upper()


tempo_like = st.text(alphabet="0123456789xXa-/:. \t\n", max_size=20)


@settings(max_examples=examples(300))
@given(st.one_of(st.text(max_size=30), tempo_like))
def test_parser_raises_only_tempo_error(text: str) -> None:
    try:
        tempo = parse_tempo(text)
    except TempoError as error:
        message = str(error)
        assert message
        # A count complaint never claims the wrong count: four figures would have parsed.
        count = re.search(r"has (\d+) figures", message)
        assert count is None or int(count.group(1)) != 4
    else:
        assert all(f is None or 0 <= f <= 99 for f in tempo.figures())


def test_long_whitespace_does_not_hang() -> None:
    # The separator pattern must not backtrack badly on long runs of spaces.
    with pytest.raises(TempoError):
        parse_tempo("3" + " " * 20_000 + "a")
