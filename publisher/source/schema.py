"""The manifest's schema machinery: fields declared with their documentation, TOML tables checked
against dataclasses, every problem collected as a phrase naming the key (manifest.py declares the schema)."""

from __future__ import annotations

import datetime as dt
import difflib
import types
import typing
from collections.abc import Collection
from dataclasses import MISSING, field, fields
from typing import Any

from ..errors import quoted
from .characters import describe, not_text


def doc(text: str, default: Any = MISSING, factory: Any = MISSING) -> Any:
    """Declare a schema field with its one-line documentation."""
    if factory is not MISSING:
        return field(default_factory=factory, metadata={"doc": text})
    return field(default=default, metadata={"doc": text})


def keys_of(cls: type, prefix: str = "") -> dict[str, str]:
    """Every TOML key of the schema (nested tables as `pdf.page-size`) with its documentation."""
    keys: dict[str, str] = {}
    hints = typing.get_type_hints(cls)
    for f in fields(cls):
        if f.metadata.get("internal"):
            continue
        key = prefix + f.name.replace("_", "-")
        if isinstance(hints[f.name], type) and hasattr(hints[f.name], "__dataclass_fields__"):
            keys.update(keys_of(hints[f.name], key + "."))
        else:
            keys[key] = f.metadata["doc"]
    return keys


def convert(
    cls: type,
    data: dict[str, Any],
    prefix: str,
    errors: list[str],
    moved: dict[str, str] | None = None,
    waived: Collection[str] = (),
) -> dict[str, Any]:
    """Check `data` against the dataclass `cls`; return its constructor arguments. `moved`: keys that
    have moved, with the message that says where; `waived`: required keys whose absence is no error
    (publish.toml holds none of them, or gives them)."""
    moved = moved or {}
    hints = typing.get_type_hints(cls)
    schema = {f.name.replace("_", "-"): f for f in fields(cls) if not f.metadata.get("internal")}
    values: dict[str, Any] = {}
    for key in data:
        if prefix + key in moved:
            errors.append(moved[prefix + key])
        elif key not in schema:
            close = difflib.get_close_matches(key, schema, n=1)
            hint = f" (did you mean '{prefix}{close[0]}'?)" if close else ""
            errors.append(f"unknown key '{prefix}{key}'{hint}")
    for key, f in schema.items():
        name = prefix + key
        if key not in data:
            if f.default is MISSING and f.default_factory is MISSING and name not in waived:
                errors.append(f"'{name}' is required")
            continue
        value = data[key]
        kind = hints[f.name]
        if isinstance(kind, type) and hasattr(kind, "__dataclass_fields__"):
            if not isinstance(value, dict):
                errors.append(f"'{name}' must be a table ([{name}]), got {show(value)}")
                continue
            values[f.name] = kind(**convert(kind, value, name + ".", errors, moved, waived))
            continue
        problem = check_value(kind, value)
        if problem:
            errors.append(f"'{name}' must be {problem}, got {show(value)}")
        else:
            values[f.name] = normalise(value)
    return values


def merged(defaults: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """A manifest's TOML over the defaults': tables merge key by key at every depth; any other value
    (a string, a number, a date, a list) the manifest gives replaces the default's whole."""
    out = dict(defaults)
    for key, value in own.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out


def check_value(kind: Any, value: Any) -> str | None:
    """None when `value` fits the annotation `kind`, else a phrase saying what was expected."""
    if isinstance(kind, types.UnionType):  # X | None: TOML has no null, so only X can arrive
        kind = next(k for k in typing.get_args(kind) if k is not type(None))
    if kind is str:
        if not isinstance(value, str):
            return "a string"
        if (char := not_text(value, one_line=True)) is not None:
            return f"text without control characters ({describe(char)} is one)"
        return None if value.strip() else "a non-empty string"
    if kind is bool:
        return None if isinstance(value, bool) else "true or false (no quotes)"
    if kind is int:
        return None if isinstance(value, int) and not isinstance(value, bool) else "a whole number"
    if kind is dt.date:
        return None if isinstance(value, dt.date) else "a TOML date such as 2026-11-30 (no quotes)"
    if typing.get_origin(kind) is list:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            return "a list of non-empty strings"
        char = next((c for v in value if (c := not_text(v, one_line=True)) is not None), None)
        return f"a list of strings without control characters ({describe(char)} is one)" if char else None
    raise TypeError(f"schema type {kind!r} has no check")  # pragma: no cover - schema bug


def normalise(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return [v.strip() for v in value]
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def show(value: Any) -> str:
    """A value as the error line shows it: strings quoted with control characters escaped (one line)."""
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, dict):
        return "a table"
    return repr(value) if not isinstance(value, list) else "a list " + repr(value)[:60]
