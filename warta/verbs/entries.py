"""Imported verb rules -> lexicon entries the pack's matcher uses beside the pack's own.

An imported rule becomes an `ImportedVerb`: a `VerbEntry` whose pattern is
the verb followed by the words that must stand after it, plus `before`, the
words that must stand before the verb in its clause (a PETRARCH subject
pattern: "- &MILITARY * [154]"). The matcher (warta.pipeline.morphology)
keeps imported gaps and `before` words inside the verb's clause.

TABARI's paired codes: `[x:y]` is x done by the subject to the other side
and y by the other side back; Warta codes one event per predicate, so `x` is
used (`[x:x]`, both sides doing the same, is a symmetric predicate: meet,
fight), and `[:y]` alone is the other side acting (the subject undergoes it:
"faced criticism" -> the critic is the source), Warta's `passive` frame.
"""
from __future__ import annotations

from dataclasses import dataclass

from warta.lang import VerbEntry
from warta.verbs.petrarch import GAP, NULL_CODES

USES = ("patterns", "all")  # which rules a coder uses: patterns with words beside the verb, or verbs alone too


@dataclass(frozen=True, slots=True)
class ImportedVerb(VerbEntry):
    before: tuple[tuple[str, ...], ...] = ()  # elements (and ("...",) gaps) standing before the verb in its clause
    lang: str = ""
    heads: tuple[str, ...] = ()  # words that open the pattern's (...) phrases: prepositions, by the file's syntax


# the pack's word classes of function words: a pattern whose words beside the verb are all of these (or
# its phrases' prepositions) says no more than the verb alone ("- * (FOR) [042]", "- * TO [030]")
FUNCTION_CLASSES = ("target_prep", "agent_prep", "other_prep", "place_prep", "locative", "article", "coordinator",
                    "purpose", "modal", "negation", "passive_aux", "relative", "clause_break", "condition",
                    "name_joiner", "plural_pronoun", "self_pronoun", "singular_pronoun", "both_parties")


def usable(entries, pack) -> tuple[ImportedVerb, ...]:
    """The entries a coder of `pack` uses: those with a content word beside the verb (not only
    prepositions, articles and the like, known from the pack's word classes and the file's `(...)`)."""
    function = set().union(*(pack.word_class(c) for c in FUNCTION_CLASSES))
    out = []
    for e in entries:
        skip = function.union(e.heads)
        words = [el for el in (*e.pattern[1:], *e.before) if el != ("...",)]
        if any(any(a.lstrip("=").split("_")[0] not in skip or "_" in a for a in el) for el in words):
            out.append(e)
    return tuple(out)


def resolve_code(code: str, swapped: bool, valid) -> tuple[str | None, str, str]:
    """(CAMEO code or None, frame, why not) for a file's code; `valid(code)` says a code exists."""
    code = code.strip()
    if code in NULL_CODES:
        return None, "", "null"
    first, sep, second = code.partition(":")
    first, second = first.strip(), second.strip()
    if sep and not first:
        use, frame = second, "passive"  # [:y]: the other side acts
    elif sep and first == second:
        use, frame = first, "symmetric"
    else:
        use, frame = first, "svo"
    if use in NULL_CODES:
        return None, "", "null"
    if not valid(use):
        return None, "", "code"
    if swapped:
        frame = {"svo": "passive", "passive": "svo"}.get(frame, frame)
    return use, frame, ""


def entry_id(file: str, line: int) -> str:
    return f"petrarch:{file}:{line}"


def make_entry(file: str, line: int, lang: str, verb, before, after, code: str, frame: str, text: str,
               heads=()) -> ImportedVerb:
    pattern = (tuple(verb),) + tuple(_element(x) for x in after)
    return ImportedVerb(entry_id(file, line), pattern, code, frame, text, "", before=tuple(_element(x) for x in before),
                        lang=lang, heads=tuple(heads))


def _element(item) -> tuple[str, ...]:
    return ("...",) if item == GAP or item == ["..."] or item == ("...",) else tuple(item)


def entries_from_file(path, lang: str, use: str = "patterns", valid=None) -> tuple[ImportedVerb, ...]:
    """A verb dictionary's entries without a store (`warta eval --verbs`): what an import would store."""
    from pathlib import Path

    from warta.verbs.petrarch import load_verbs

    if use not in USES:
        raise ValueError(f"use must be one of {', '.join(USES)}")
    if valid is None:
        from warta.ontology import Ontology

        valid = Ontology.load().__contains__
    path = Path(path)
    out = []
    for rule in load_verbs(path).rules:
        if use == "patterns" and rule.kind != "pattern":
            continue
        code, frame, _ = resolve_code(rule.code, rule.swapped, valid)
        if code is not None:
            out.append(make_entry(path.name, rule.line, lang, rule.verb, rule.before, rule.after, code, frame,
                                  rule.text, rule.preps))
    return tuple(out)
