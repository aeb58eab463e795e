"""The command line makes the parser of the command given, not those of all two dozen
commands and actions: making them all cost more than a quick command's own work."""

import argparse
from collections import Counter

import pytest

from gymtui.cli import build_parser


@pytest.fixture
def parsers_made(monkeypatch):
    """How many argparse parsers have been made since the test began, by prog."""
    made: Counter = Counter()
    init = argparse.ArgumentParser.__init__

    def counting(self, *args, **kwargs):
        init(self, *args, **kwargs)
        made[self.prog] += 1

    monkeypatch.setattr(argparse.ArgumentParser, "__init__", counting)
    return made


@pytest.mark.parametrize(("argv", "made"), [
    ([], ["gymtui"]),
    (["--data-dir", "here", "log", "row", "80x8@8"], ["gymtui", "gymtui log"]),
    (["doctor"], ["gymtui", "gymtui doctor"]),
    (["program", "copy", "a", "b"], ["gymtui", "gymtui program", "gymtui program copy"]),
    (["exercise", "add", "Curl", "--unilateral"], ["gymtui", "gymtui exercise", "gymtui exercise add"]),
])
def test_a_command_makes_only_its_own_parsers(parsers_made, argv, made):
    build_parser().parse_args(argv)
    assert parsers_made == Counter(made)


def test_the_help_still_lists_every_command_and_action(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    listed = capsys.readouterr().out
    for command in ("log", "export", "import", "doctor", "checklist", "restore", "bodyweight", "next", "program",
                    "exercise", "block", "serve"):
        assert f"    {command} " in listed
    with pytest.raises(SystemExit):
        build_parser().parse_args(["program", "--help"])
    listed = capsys.readouterr().out
    for action in ("list", "use", "export", "import", "copy"):
        assert f"    {action} " in listed


def test_an_unknown_command_or_action_is_refused_naming_the_choices(capsys):
    for argv, choices in ((["lift"], "'log', 'export'"), (["exercise", "lift"], "'add', 'list', 'edit', 'retire'")):
        with pytest.raises(SystemExit) as done:
            build_parser().parse_args(argv)
        assert done.value.code == 2
        assert f"invalid choice: 'lift' (choose from {choices}" in capsys.readouterr().err
