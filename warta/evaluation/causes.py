"""Why a gold event was missed, why a prediction matched nothing: the nearest near-miss.

Misses and false positives are grouped by the closest thing the coder got
(error analysis groups before it fixes):

    date      the event was coded, on another day
    code      its two actors were coded together, with another event code
    one side  the event code was right and one of its actors
    uncoded   (false positives) a side is a person nobody could code
    nothing   (misses) nothing near it was coded; spurious (false positives) nothing near it is gold

False positives are also counted by the rule that fired (the lexicon entry or
judgement), so a noisy entry stands out.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Iterable, Sequence

from warta.evaluation.matching import GoldEvent, Level, Prediction, actor_matches, event_matches

MISS_CAUSES = ("date", "code", "one side", "nothing")
FALSE_POSITIVE_CAUSES = ("date", "uncoded", "code", "one side", "spurious")


def _sides(p: Prediction, g: GoldEvent, level: Level) -> int:
    """How many of the gold's two actors the prediction has, in the better of the allowed orders."""
    orders = [(p.source, p.target)] + ([(p.target, p.source)] if g.symmetric else [])
    return max(actor_matches(s, g.source, level) + actor_matches(t, g.target, level) for s, t in orders)


def _root_ok(p: Prediction, g: GoldEvent, level: Level) -> bool:
    return p.code in g.codes if level.exact_code else p.root in g.roots


def _nearest(pairs: Iterable[tuple[Prediction, GoldEvent]], level: Level) -> str | None:
    """The nearest near-miss among (prediction, gold) pairs: another day, another code, one side."""
    pairs = list(pairs)
    if any(event_matches(p, replace(g, date=None), level) for p, g in pairs):
        return "date"
    if any(_sides(p, g, level) == 2 for p, g in pairs):
        return "code"
    if any(_root_ok(p, g, level) and _sides(p, g, level) == 1 for p, g in pairs):
        return "one side"
    return None


def miss_cause(g: GoldEvent, predictions: Sequence[Prediction], level: Level) -> str:
    return _nearest(((p, g) for p in predictions), level) or "nothing"


def false_positive_cause(p: Prediction, gold: Sequence[GoldEvent], level: Level) -> str:
    nearest = _nearest(((p, g) for g in gold), level)
    if nearest != "date" and (p.source is None or p.target is None):
        return "uncoded"
    return nearest or "spurious"


def rule_entry(rule: str) -> str:
    """"lexicon:id:criticize:svo:passive" -> "id:criticize": the entry that fired, its frame aside."""
    parts = rule.split(":")
    return ":".join(parts[1:3]) if parts[0] == "lexicon" and len(parts) >= 3 else rule


def by_rule(false_positives: Sequence[Prediction]) -> dict[str, int]:
    return dict(Counter(rule_entry(p.rule) for p in false_positives).most_common())
