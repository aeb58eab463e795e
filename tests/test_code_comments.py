"""Comments state the rule and why it holds, not the history of how it came: a comment that
points at a numbered issue says nothing to the reader who does not have the tracker."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ISSUE = re.compile(r"\b" + "issue" + r"\s*#?\d+", re.IGNORECASE)


def test_no_comment_points_at_a_numbered_issue():
    found = []
    for folder in ("gymtui", "bench", "tests", "scripts"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in {".py", ".tcss"} or not path.is_file():
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if ISSUE.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "numbered issue references left:\n" + "\n".join(found)
