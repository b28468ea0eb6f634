"""The actor knowledge a `warta code` run starts with, kept in the store's `runs` table as JSON
(not a pickle: a store must never run code when it is read) until the run is done, so a killed
run is finished with the same knowledge.

The encoding is generic over the knowledge's frozen dataclasses, tuples, dicts and days, and
decodes only the classes named here: anything else in a blob is refused.
"""
from __future__ import annotations

import dataclasses
import json
from datetime import date

from warta.actors.people import People, Person, Role
from warta.coder import ExtraKnowledge
from warta.lang import VerbEntry
from warta.verbs.entries import ImportedVerb

_CLASSES = {cls.__name__: cls for cls in (ExtraKnowledge, People, Person, Role, VerbEntry, ImportedVerb)}


def dumps(extra: ExtraKnowledge | None) -> bytes:
    return json.dumps(_encode(extra), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(blob: bytes) -> ExtraKnowledge | None:
    """The knowledge `dumps` wrote (None: nothing beyond the built-in); ValueError for a blob of
    another kind (an older Warta's pickle)."""
    value = _decode(json.loads(bytes(blob).decode("utf-8")))
    if value is not None and not isinstance(value, ExtraKnowledge):
        raise ValueError("the stored knowledge is not an ExtraKnowledge")
    return value


def _encode(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, tuple):
        return {"tuple": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {"dict": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if dataclasses.is_dataclass(value) and type(value).__name__ in _CLASSES:
        return {"class": type(value).__name__,
                "fields": {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    raise TypeError(f"cannot keep a {type(value).__name__} in the store")


def _decode(value):
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "date" in value:
        return date.fromisoformat(value["date"])
    if "tuple" in value:
        return tuple(_decode(v) for v in value["tuple"])
    if "dict" in value:
        return {_decode(k): _decode(v) for k, v in value["dict"]}
    cls = _CLASSES.get(value.get("class"))
    if cls is None:
        raise ValueError(f"unknown class {value.get('class')!r} in the stored knowledge")
    return cls(**{name: _decode(v) for name, v in value["fields"].items()})
