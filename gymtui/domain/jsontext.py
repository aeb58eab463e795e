"""Reading JSON that a person or a damaged disk may have written.

json.loads raises more than JSONDecodeError on hostile text: RecursionError for arrays
nested thousands deep, ValueError for an integer of thousands of digits. Every file gymtui
reads goes through `load_json`, so each of those is one plain reason, never a traceback.
"""

from __future__ import annotations

import json
from typing import Any


class JsonTextError(ValueError):
    """str() completes a sentence that starts with the file's name: '<file> is not valid JSON...'."""


def load_json(text: str | bytes) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        # Some of json's messages end with 'at' ('Unterminated string starting at'): the place
        # is said once, by us.
        reason = error.msg.removesuffix(" at")
        raise JsonTextError(f"is not valid JSON: {reason} at line {error.lineno}, column {error.colno}") from None
    except RecursionError:
        raise JsonTextError("is nested too deeply to read ([ or { thousands of levels deep): damaged or not"
                            " written by gymtui") from None
    except ValueError:  # an integer longer than Python agrees to read (4,300 digits)
        raise JsonTextError("holds a number thousands of digits long: damaged or not written by gymtui") from None
