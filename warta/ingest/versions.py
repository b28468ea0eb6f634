"""What produced an event: the language pack and the actor knowledge, each as a stamp.

Stored with every document and report, so `warta recode` can find what was
coded with older packs or older knowledge and code only that again.
"""
from __future__ import annotations

import hashlib

from warta.actors.people import builtin_people
from warta.coder import ExtraKnowledge

STAMP_CHARS = 12


def knowledge_stamp(extra: ExtraKnowledge | None) -> str:
    """A digest of every actor fact and imported verb the coder uses beyond the language packs."""
    extra = extra or ExtraKnowledge()
    people = builtin_people().merged(extra.people)
    h = hashlib.sha256()
    for key in sorted(people.by_name):
        h.update(repr((key, people.by_name[key])).encode("utf-8"))
    for row in sorted(extra.actors):
        h.update(repr(row).encode("utf-8"))
    for row in sorted(extra.roles):
        h.update(repr(row).encode("utf-8"))
    for entry in getattr(extra, "verbs", ()):  # imported verb dictionaries (warta.verbs)
        h.update(repr(entry).encode("utf-8"))
    return f"k-{h.hexdigest()[:STAMP_CHARS]}"
