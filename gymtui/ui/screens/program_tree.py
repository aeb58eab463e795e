"""The program editor's list: the program, its days and each day's exercises, drawn from the
draft with the cursor's node as a path (`program_edits.Path`)."""

from __future__ import annotations

from rich.markup import escape
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ...domain.program_draft import Draft
from ...services.library import Library
from . import program_fields as pf
from .program_edits import Path


class ProgramTree(Tree[Path]):
    def __init__(self) -> None:
        super().__init__("", data=(), id="pe-tree")
        self.auto_expand = False

    def draw(self, draft: Draft, library: Library, select: Path) -> TreeNode[Path]:
        """The list drawn again from the draft; the node of `select` (or the nearest one)."""
        self.clear()
        whose = " [dim](shipped template)[/]" if draft.shipped else ""
        self.root.set_label(f"[b]{escape(draft.data['name'])}[/b]{whose}")
        self.root.data = ()
        target = self.root
        for d, day in enumerate(draft.days):
            node = self.root.add(pf.label((d,), day, library), data=(d,), expand=True)
            if select[:1] == (d,):
                target = node
            for i, rx in enumerate(day["prescriptions"]):
                leaf = node.add_leaf(pf.label((d, i), rx, library), data=(d, i))
                if select == (d, i):
                    target = leaf
        self.root.expand()
        return target
