"""Models built from records gymtui itself wrote, without validating them again.

A record gymtui wrote is the JSON dump of a model that was validated when it was made, so
validating it again only converts its JSON values back (ISO text to dates and times, lists
to tuples, dicts to nested models, whole numbers to floats): `build` does that much from
the model's field types and nothing more, which spares pydantic building its validators at
start-up and checking every record of years of history. The store calls it only for
records it knows are such dumps (a file whose digest matches what gymtui wrote, or records
it validated itself and keeps as their dumps); everything else is validated.

A field type `build` cannot convert makes its model fall back to validation, and so does a
record that does not fit (a key that is not a field, a value that does not convert). Values
used as they are (text, whole numbers, flags) are not checked: the record is trusted.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)
Convert = Callable[[Any], Any]


class _Unsupported(Exception):
    """A field type the fast path does not convert: the model is validated instead."""


def _optional(inner: Convert) -> Convert:
    return lambda value: None if value is None else inner(value)


def _list_of(inner: Convert | None) -> Convert:
    if inner is None:
        return list  # a copy: the model must not share the store's cached list
    return lambda value: [inner(item) for item in value]


def _tuple_of(items: tuple[Convert | None, ...]) -> Convert:
    return lambda value: tuple(item if convert is None else convert(item)
                               for convert, item in zip(items, value, strict=True))


def _dict_of(keys: Convert | None, values: Convert | None) -> Convert:
    if keys is None and values is None:
        return dict
    return lambda value: {(k if keys is None else keys(k)): (v if values is None else values(v))
                          for k, v in value.items()}


def _model(model: type[BaseModel]) -> Convert:
    return lambda value: build(model, value)


def _to_float(value: Any) -> float:
    if type(value) not in (int, float):  # a bool or text is not a dump of a float
        raise TypeError(value)
    return float(value)


def _converter(annotation: Any) -> Convert | None:
    """How a dumped JSON value becomes the field's value (None: it is used as it is)."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _converter(get_args(annotation)[0])
    if annotation in (str, int, bool) or origin is Literal:
        return None
    if annotation is float:
        return _to_float
    if annotation is datetime:
        return datetime.fromisoformat
    if annotation is date:
        return date.fromisoformat
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(options) != 1:
            raise _Unsupported(annotation)
        inner = _converter(options[0])
        return None if inner is None else _optional(inner)
    if origin is list:
        return _list_of(_converter(get_args(annotation)[0]))
    if origin is tuple:
        args = get_args(annotation)
        if Ellipsis in args:
            raise _Unsupported(annotation)
        return _tuple_of(tuple(_converter(arg) for arg in args))
    if origin is dict:
        key, value = get_args(annotation)
        return _dict_of(_converter(key), _converter(value))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model(annotation)
    raise _Unsupported(annotation)


class _Plan:
    """How to build one model: its fields in order, the converters, the defaults."""

    def __init__(self, model: type[BaseModel]) -> None:
        fields = model.model_fields
        self.names = tuple(fields)
        self.known = frozenset(fields)
        self.converters = [(name, convert) for name, field in fields.items()
                           if (convert := _converter(field.annotation)) is not None]
        # A model with its own post-init or private values is made by model_construct.
        self.direct = not model.__pydantic_post_init__ and not model.__private_attributes__


_PLANS: dict[type[BaseModel], _Plan | None] = {}


def _plan(model: type[BaseModel]) -> _Plan | None:
    if model not in _PLANS:
        try:
            _PLANS[model] = _Plan(model)
        except _Unsupported:
            _PLANS[model] = None
    return _PLANS[model]


def build(model: type[M], record: dict[str, Any]) -> M:
    """`model` from a record gymtui dumped from such a model; equal to what validating the
    record gives. A record that does not fit is validated (and its error raised)."""
    plan = _plan(model)
    if plan is None or not isinstance(record, dict) or not record.keys() <= plan.known:
        return model.model_validate(record)
    values = dict(record)  # the model's own dict: never the store's cached record
    try:
        for name, convert in plan.converters:
            if name in values:
                values[name] = convert(values[name])
    except (TypeError, ValueError, AttributeError, KeyError):
        return model.model_validate(record)
    if len(values) != len(plan.names) or not plan.direct:
        return model.model_construct(**values)  # fields left out: their defaults, as validation gives
    if list(values) != list(plan.names):
        values = {name: values[name] for name in plan.names}
    # What model_construct does for a record that names every field, without its per-field
    # default handling: the instance's dict, the fields set, no extras, no private values.
    built = model.__new__(model)
    object.__setattr__(built, "__dict__", values)
    object.__setattr__(built, "__pydantic_fields_set__", set(values))
    object.__setattr__(built, "__pydantic_extra__", None)
    object.__setattr__(built, "__pydantic_private__", None)
    return built
