"""The one JSON reader names what is wrong and where, in one plain sentence."""

import pytest

from gymtui.domain.jsontext import JsonTextError, load_json


@pytest.mark.parametrize(("text", "expected"), [
    ('{"a": "abc', "is not valid JSON: Unterminated string starting at line 1, column 7"),
    ('{"a": 1,}', "is not valid JSON: Expecting property name enclosed in double quotes at line 1, column 9"),
    ("[" * 100_000, "nested too deeply"),
    ("1" * 5_000, "thousands of digits"),
])
def test_each_kind_of_bad_json_is_one_sentence(text, expected):
    with pytest.raises(JsonTextError) as raised:
        load_json(text)
    assert expected in str(raised.value)
    assert " at at " not in str(raised.value)
