"""The trigger search takes shortcuts (a word's entries looked up for the whole sentence at once, an
entry whose later words the sentence lacks never tried, a phrase whose second word does not follow
never matched further); it must find what trying every entry at
every word finds. The sentences are the packs' own examples, whole and cut short (a cut example
often lacks the later words of its entry)."""
import pytest

from warta.coder import Coder
from warta.lang import available_languages
from warta.model import Document, Trigger

LANGS = [lang for lang in ("id", "en") if lang in available_languages()]


@pytest.fixture(scope="module", params=LANGS)
def coded(request):
    """(event stage, its sentences) for one pack's examples, whole and without their last word."""
    lang = request.param
    coder = Coder.load([lang])
    stage = coder.pipelines[lang].stages[-1]
    texts = {e.example for e in coder.packs[lang].verbs if e.example}
    texts |= {" ".join(t.split()[:-1]) for t in texts if len(t.split()) > 2}
    sentences = [s for t in sorted(texts) for s in coder.code(Document("t", t, lang=lang)).sentences]
    return stage, sentences


def _every_entry_everywhere(stage, sent) -> list[Trigger]:
    """The search without shortcuts: every entry a word may open, tried at every word, its whole
    pattern matched (not `match_at`, which turns a word away when the next one cannot go on its phrase)."""
    words = [t.lower for t in sent.tokens]
    blocked = stage._non_event_tokens(words)
    matcher, out, i = stage.matcher, [], 0
    while i < len(words):
        best = None
        for entry in () if i in blocked else matcher.head_candidates(words[i], sent.is_title):
            got = matcher._match(words, i, matcher.compiled[entry.id], 0, False, 0, sent.is_title)
            score = (got[2], sent.is_title and entry.frame != "nominal", -got[0]) if got else None
            if got and (best is None or score > best[3]):
                best = (entry, got[0], got[1], score)
        if best is None:
            i += 1
            continue
        entry, end, passive, _ = best
        toks = sent.tokens
        out.append(Trigger(sent.index, i, end, toks[i].start, toks[end - 1].end, entry.id, entry.code, passive))
        i = end
    return out


def test_the_shortcuts_find_what_trying_everything_finds(coded):
    stage, sentences = coded
    found = [stage.find_triggers(s) for s in sentences]
    assert sum(map(len, found)) > len(sentences) // 2  # the examples do hold predicates
    assert found == [_every_entry_everywhere(stage, s) for s in sentences]


def test_the_words_elements_are_each_words_elements_together(coded):
    stage, sentences = coded
    matcher = stage.matcher
    for sent in sentences:
        words = [t.lower for t in sent.tokens]
        assert matcher.elements_in(words) == frozenset().union(*map(matcher.elements_of, words))


def test_an_entry_whose_later_words_are_missing_is_not_tried(coded):
    stage, _ = coded
    matcher = stage.matcher
    entry = next(e for e in stage.pack.verbs if matcher.later[e.id])
    first = next(a for a in entry.pattern[0]).lstrip("=").split("_")
    # the first words alone: the entry's later elements are nowhere, so it cannot match there
    assert not matcher.later[entry.id] <= matcher.elements_in(first)
    assert matcher.match_at(first, 0, entry) is None


def test_a_phrase_is_not_tried_where_its_second_word_does_not_follow(coded):
    stage, _ = coded
    matcher = stage.matcher
    entry, alt = next((e, a) for e in stage.pack.verbs for a in e.pattern[0]
                      if "_" in a and not matcher.later[e.id] and len(e.pattern[0]) == 1)
    words = alt.lstrip("=").split("_")
    assert words[1] in matcher._next_words(words[0], matcher.compiled[entry.id][0])
    assert matcher.match_at(words, 0, entry) is not None
    assert matcher.match_at(words[:1] + words[:1] + words[1:], 0, entry) is None


def test_a_words_entries_are_the_candidates_its_first_word_may_match(coded):
    stage, sentences = coded
    matcher = stage.matcher
    words = {t.lower for s in sentences for t in s.tokens}
    gathered = {w: tuple(e for e in matcher.candidates([w], 0) if matcher._head_may_match(w, matcher.compiled[e.id][0]))
                for w in words}
    assert sum(map(bool, gathered.values())) > 10
    assert {w: matcher.head_candidates(w) for w in words} == gathered
