"""Classes set on a node with a restyle of only the widgets whose styles can change with them.

Textual restyles a node and every node under it when one of its classes changes, since a rule
anywhere may name the class. A rule can start or stop applying to a widget when the class
changes only if its selector names the class and matches the widget with the class set or
with it cleared; only those widgets (each with everything under it, which draws with colours
taken from above) and the node itself can come out of a restyle different from how they went
in. On the workout screen a change of state restyled its ninety-odd widgets for the few the
rules of its classes name (the card, the set strip, the touch rows)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from textual.css.match import match
from textual.css.model import CombinatorType, Selector, SelectorSet, SelectorType
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode

# A selector naming some of the classes, with its last compound (`#wo-card` in
# `.-resting #wo-card`, `Input.-valid` in `.-x Input.-valid`), and whether its rule sets
# only the widget's box (BOX_ONLY).
Naming = tuple[SelectorSet, tuple[Selector, ...], bool]

# Rules that place and size a widget and nothing else: what the widgets under it draw,
# and how, does not change with them (colours and text styles do, taken from above).
BOX_ONLY = frozenset({
    "display", "margin", "padding", "width", "height", "min_width", "min_height", "max_width", "max_height",
})

# The selectors naming the classes, by the classes, with the rules they were read from (a
# stylesheet parsed again has rules of its own).
_read: dict[frozenset[str], tuple[object, list[Naming]]] = {}


def set_classes(node: DOMNode, classes: Mapping[str, bool]) -> bool:
    """Set (True) or clear (False) the classes, as DOMNode.update_classes does, restyling
    only the nodes whose styles can change with them. Whether any class changed."""
    changed = frozenset(name for name, on in classes.items() if node.has_class(name) != on)
    if not changed:
        return False
    before = set(node._classes)
    node.update_classes(classes, update=False)
    stylesheet = node.app.stylesheet
    naming = _naming(stylesheet, changed)
    # Cheaply first: the widgets a selector's last compound may match either way.
    candidates = [(widget, selector_set, box_only)
                  for widget in node.walk_children(with_self=True)
                  for selector_set, last, box_only in naming if _may_match(last, widget, changed)]
    matched = [(widget, box_only) for widget, selector_set, box_only in candidates
               if _by_component(selector_set, widget) or match([selector_set], widget)]
    after = node._classes
    node._classes = before
    try:
        matched += [(widget, box_only) for widget, selector_set, box_only in candidates
                    if match([selector_set], widget)]
    finally:
        node._classes = after
    # A widget whose box alone may change is restyled alone, the others with all under them.
    alone = {widget for widget, box_only in matched if box_only}
    whole = {widget for widget, box_only in matched if not box_only}
    if node in whole:
        stylesheet.update(node, animate=True)  # everything, as Textual does
    else:
        stylesheet.update_nodes([node, *_under(node, alone - {node}, whole)], animate=True)
    return True


def _naming(stylesheet: Stylesheet, classes: frozenset[str]) -> list[Naming]:
    rules = stylesheet.rules
    kept = _read.get(classes)
    if kept is not None and kept[0] is rules:
        return kept[1]
    naming: list[Naming] = []
    for rule in rules:
        for selector_set in rule.selector_set:
            selectors = selector_set.selectors
            if any(s.type is SelectorType.CLASS and s.name in classes for s in selectors):
                start = len(selectors) - 1
                while start > 0 and selectors[start].combinator is CombinatorType.SAME:
                    start -= 1
                naming.append((selector_set, tuple(selectors[start:]), rule.styles.get_rules().keys() <= BOX_ONLY))
    _read[classes] = (rules, naming)
    return naming


def _may_match(last: tuple[Selector, ...], widget: DOMNode, changed: frozenset[str]) -> bool:
    """Whether a last compound may match the widget, with the changed classes set or not,
    in any pseudo class (:hover, :focus), its component classes (an Input's cursor) counted
    as its own."""
    for selector in last:
        if selector.type is SelectorType.CLASS:
            name = selector.name
            if name in changed or widget.has_class(name) or name in widget._component_styles:
                continue
            return False
        if not selector._check(widget):
            return False
    return True


def _by_component(selector_set: SelectorSet, widget: DOMNode) -> bool:
    """A selector of one of the widget's component classes (styled with the widget): taken
    as matching, not checked."""
    last = selector_set.selectors[-1]
    return last.type is SelectorType.CLASS and last.name in widget._component_styles


def _under(node: DOMNode, alone: set[DOMNode], whole: set[DOMNode]) -> Iterator[DOMNode]:
    """The nodes under `node` in `alone`, and those in `whole` with all the nodes under them."""
    for child in node._nodes:
        if child in whole:
            yield from child.walk_children(with_self=True)
            continue
        if child in alone:
            yield child
        yield from _under(child, alone, whole)
