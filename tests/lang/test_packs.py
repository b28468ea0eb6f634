"""Every language pack, every entry: the files load, and each row's example does what the row says.

Parametrised over `available_languages()`, so a new pack is held to the same
standard the day its folder appears. A row whose example does not work is a
bug in the row (or in the engine), never a reason to loosen an assertion.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timezone
from functools import lru_cache

import pytest

from warta.coder import Coder
from warta.errors import LanguagePackError
from warta.lang import PACK_FILES, WORD_CLASSES, LanguagePack, available_languages, pack_folder
from warta.model import Analysis, Document
from warta.ontology import Ontology
from warta.pipeline.mentions import ActorFinder
from warta.pipeline.dates import DateResolver
from warta.pipeline.morphology import Morphology
from warta.pipeline.sentences import SentenceSplitter
from warta.read.clean import clean_text
from warta.tabular import read_tsv, split_alternatives

LANGS = available_languages()
PUBLISHED = datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc)  # a Friday


@lru_cache(maxsize=None)
def coder(lang: str) -> Coder:
    return Coder.load([lang])


def stage(lang: str, kind: type):
    """The loaded coder's own stage of a kind, so its spaCy pipeline is built once."""
    return next(s for s in coder(lang).pipelines[lang].stages if isinstance(s, kind))


def code(lang: str, text: str) -> Analysis:
    return coder(lang).code(Document("example", text, published=PUBLISHED, lang=lang))


def _loadable(lang: str) -> LanguagePack | None:
    """A pack that fails to load fails `test_pack_loads`, not the collection of this whole file."""
    try:
        return LanguagePack.load(lang)
    except LanguagePackError:
        return None


def rows(kind: str):
    """(lang, row) for every row of one kind of entry, with readable test ids."""
    out = []
    for lang in LANGS:
        pack = _loadable(lang)
        if pack is None:
            continue
        items = {
            "verbs": [(e.id, e) for e in pack.verbs],
            "actors": [(e.names[0], e) for e in pack.actors],
            "roles": [(e.phrases[0], e) for e in pack.roles],
            "words": [(f"{c}:{w}", (w, c, ex)) for w, c, ex in pack.word_examples],
            "dates": [(r["words"].split("|")[0].strip(), r) for r in pack.dates],
            "morphology": [(f"{a.position}:{a.affix}", a) for a in pack.affixes],
            "abbreviations": [(a, a) for a in pack.abbreviations],
        }[kind]
        out += [pytest.param(lang, item, id=f"{lang}:{name}") for name, item in items]
    return out


def contains_word(text: str, word: str) -> bool:
    if not any(c.isalnum() for c in word):  # a punctuation mark: wherever it stands
        return word in text
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


# -- files and schemas ----------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fname", sorted(PACK_FILES))
def test_file_has_schema_header(lang, fname):
    schema, required = PACK_FILES[fname]
    path = pack_folder(lang) / fname
    assert path.read_text(encoding="utf-8").splitlines()[0] == f"# schema: {schema}"
    table = read_tsv(path, schema, required)
    assert table, f"{lang}/{fname} has no rows"
    assert all(r["example"] for r in table), f"{lang}/{fname}: a row without an example"


@pytest.mark.parametrize("lang", LANGS)
def test_pack_loads_with_metadata(lang):
    pack = LanguagePack.load(lang)
    assert pack.code == lang and pack.name and pack.version and pack.checksum
    assert pack.date_order in ("DMY", "MDY")
    assert set(pack.words) <= WORD_CLASSES


@pytest.mark.parametrize("lang", LANGS)
def test_no_duplicate_ids_or_names(lang):
    pack = LanguagePack.load(lang)
    ids = [e.id for e in pack.verbs]
    assert len(ids) == len(set(ids)), "duplicate verb ids"
    # a name matched as written may be listed again in another case ("Undang-Undang", "Undang-undang")
    names = [n if e.case_sensitive else n.lower() for e in pack.actors for n in e.names]
    assert len(names) == len(set(names)), "an actor name listed twice"
    phrases = [p for r in pack.roles for p in r.phrases]
    assert len(phrases) == len(set(phrases)), "a role phrase listed twice"
    for cls in WORD_CLASSES:
        listed = [w for w, c, _ in pack.word_examples if c == cls]
        assert len(listed) == len(set(listed)), f"a {cls} word listed twice"


@pytest.mark.parametrize("lang", LANGS)
def test_verb_codes_exist_in_cameo(lang):
    ontology = Ontology.load()
    unknown = [(e.id, c) for e in LanguagePack.load(lang).verbs for c in (e.code, e.intent) if c and c not in ontology]
    assert unknown == []


@pytest.mark.parametrize("lang", LANGS)
def test_refusal_codes_are_rejections(lang):
    """A refused predicate is a rejection (12), and a CAMEO code."""
    pack, codes = LanguagePack.load(lang), Ontology.load()
    wrong = [(e.id, e.refuse) for e in pack.verbs if e.refuse and (e.refuse[:2] != "12" or e.refuse not in codes)]
    assert wrong == []


@pytest.mark.parametrize("lang", LANGS)
def test_intent_codes_express_intent_or_threat(lang):
    """An intended predicate is an intention (03) or a threat (13), never the deed itself."""
    wrong = [(e.id, e.intent) for e in LanguagePack.load(lang).verbs if e.intent and e.intent[:2] not in ("03", "13")]
    assert wrong == []


@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_covers_every_cameo_root(lang):
    """Every root 01-20 has an entry, and no entry has a root outside them."""
    roots = {e.code[:2] for e in LanguagePack.load(lang).verbs}
    every = {f"{r:02d}" for r in range(1, 21)}
    assert roots == every, f"missing roots {sorted(every - roots)}, unknown roots {sorted(roots - every)}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_verb_row_names_its_actors(lang):
    """Each verb row says which source and target its example gives ("RUS IRN")."""
    assert [e.id for e in LanguagePack.load(lang).verbs if len(e.expected.split()) != 2] == []


@pytest.mark.parametrize("lang", LANGS)
def test_actor_names_are_not_shadowed(lang):
    """Each name resolves to its own row's code, not to an earlier definition of the same name."""
    gazetteer = stage(lang, ActorFinder).gazetteer
    wrong = []
    for entry in LanguagePack.load(lang).actors:
        for name in entry.names:
            found = gazetteer.lookup(name)
            if found is None or found.value != entry.code:
                wrong.append((name, entry.code, found and found.value))
    assert wrong == []


# -- verbs ------------------------------------------------------------------------

@pytest.mark.parametrize("lang,entry", rows("verbs"))
def test_verb_example_codes_its_event(lang, entry):
    """The example codes the row's event, by the row's own lexicon rule, between the row's actors."""
    events = code(lang, entry.example).events
    mine = [e for e in events if e.code == entry.code and e.rule.startswith(f"lexicon:{lang}:{entry.id}:")]
    assert mine, f"{entry.example!r} gave {[(e.source, e.target, e.code, e.rule) for e in events]}"
    if entry.expected:  # every row has it (test_every_verb_row_names_its_actors)
        source, target = entry.expected.split()
        assert any(e.source.startswith(source) and e.target.startswith(target) for e in mine), \
            f"expected {source} -> {target}, got {[(e.source, e.target) for e in mine]}"


# -- actors and roles ------------------------------------------------------------

@pytest.mark.parametrize("lang,entry", rows("actors"))
def test_actor_example_names_the_actor(lang, entry):
    mentions = code(lang, entry.example).mentions
    if entry.kind not in ("country", "capital", "region", "org", "group", "bill"):  # "Laut Jepang", "dolar AS": no actor there
        name = next(n for n in entry.names if contains_word(entry.example, n))
        start, end = _word_span(entry.example, name)
        assert not any(m.actor and m.start < end and start < m.end for m in mentions), f"{name!r} made an actor"
        return
    assert any(m.actor and m.actor.code == entry.code for m in mentions), \
        f"{entry.example!r} gave {[(m.text, m.actor and m.actor.code) for m in mentions]}"


@pytest.mark.parametrize("lang,entry", rows("roles"))
def test_role_example_gives_the_sector(lang, entry):
    mentions = code(lang, entry.example).mentions
    assert any(m.actor and m.actor.sector == entry.sector for m in mentions), \
        f"{entry.example!r} gave {[(m.text, m.actor and m.actor.code) for m in mentions]}"


# -- function words ----------------------------------------------------------------

@pytest.mark.parametrize("lang,item", rows("words"))
def test_word_example_contains_the_word(lang, item):
    word, cls, example = item
    assert contains_word(example, word), f"{cls} word {word!r} is not in its example {example!r}"


def _without(example: str, word: str) -> str:
    return re.sub(rf"(?<!\w){re.escape(word)}\s+", "", example, count=1, flags=re.IGNORECASE)


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] in ("negation", "purpose")])
def test_negation_words_stop_the_event(lang, item):
    """With the word the example codes nothing; without it, the same sentence codes an event."""
    word, _, example = item
    assert code(lang, _without(example, word)).events, f"{example!r} minus {word!r} codes nothing anyway"
    got = code(lang, example).events
    assert not got, f"negation {word!r} did not stop {[(e.source, e.target, e.code) for e in got]}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "modal"])
def test_modal_words_keep_the_deed_from_being_coded_as_done(lang, item):
    """Without the word the example codes a deed; with it, not that deed: at most an intention
    (03) or a threat (13), as CAMEO codes "will meet" (036) or "will impose sanctions" (1312)."""
    word, _, example = item
    done = {e.code for e in code(lang, _without(example, word)).events}
    assert done, f"{example!r} minus {word!r} codes nothing anyway"
    got = code(lang, example).events
    assert not done & {e.code for e in got}, f"modal {word!r} did not stop {done & {e.code for e in got}}"
    assert all(e.code[:2] in ("03", "13") for e in got), f"{[(e.code, e.rule) for e in got]}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "former"])
def test_former_words_drop_the_office(lang, item):
    word, _, example = item
    with_word = {m.actor.code for m in code(lang, example).mentions if m.actor}
    without = {m.actor.code for m in code(lang, _without(example, word)).mentions if m.actor}
    assert without - with_word, f"{word!r} changed no actor in {example!r}: {with_word} vs {without}"


def _word_span(example: str, word: str) -> tuple[int, int]:
    m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", example, re.IGNORECASE)
    assert m, f"{word!r} not in {example!r}"
    return m.span()


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] in ("agent_prep", "target_prep")])
def test_prepositions_introduce_their_party(lang, item):
    """An agent preposition introduces an event's source; a target preposition its target."""
    word, cls, example = item
    _, end = _word_span(example, word)
    events = code(lang, example).events
    spans = [e.source_span if cls == "agent_prep" else e.target_span for e in events]
    assert any(s and example[end:s[0]].strip() == "" for s in spans), \
        f"no event in {example!r} has its {'source' if cls == 'agent_prep' else 'target'} right after {word!r}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "other_prep"])
def test_other_prepositions_shield_their_actor(lang, item):
    """The actor after "di", "dari" is neither source nor target, though the sentence codes an event."""
    word, _, example = item
    _, end = _word_span(example, word)
    events = code(lang, example).events
    assert events, f"{example!r} codes no event at all"
    for e in events:
        for span in (e.source_span, e.target_span):
            assert span[0] < end or example[end:span[0]].strip() != "", \
                f"{word!r} did not shield {example[span[0]:span[1]]!r}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "place_prep"])
def test_place_prepositions_give_the_location(lang, item):
    word, _, example = item
    _, end = _word_span(example, word)
    events = code(lang, example).events
    assert any(e.location and example[end:].lstrip().startswith(e.location) for e in events), \
        f"{example!r} gave locations {[e.location for e in events]}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] in ("coordinator", "both_parties",
                                                                                      "plural_pronoun")])
def test_compound_words_give_two_parties(lang, item):
    """"Rusia dan Iran", "kedua negara", "mereka": one event per member of the pair."""
    word, cls, example = item
    events = code(lang, example).events
    parties = {e.source for e in events} | {e.target for e in events}
    assert (len(events) >= 2 and len(parties) >= 3) or (cls != "coordinator" and len(parties) >= 2), \
        f"{example!r} gave {[(e.source, e.target, e.code) for e in events]}"
    if cls != "coordinator":
        start, end = _word_span(example, word)
        assert any(e.source_span[0] <= start < e.source_span[1] or e.target_span[0] <= start < e.target_span[1]
                   for e in events), f"no event rests on {word!r}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "speech_verb"])
def test_speech_verbs_do_not_make_the_speaker_a_target(lang, item):
    """The example codes an event, and the actor standing right after the speech verb is no one's target."""
    word, _, example = item
    _, end = _word_span(example, word)
    speaker_at = end + len(example[end:]) - len(example[end:].lstrip(" ,:"))
    events = code(lang, example).events
    assert events, f"{example!r} codes no event at all"
    assert all(e.target_span[0] != speaker_at for e in events), f"the speaker after {word!r} became a target"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "self_pronoun"])
def test_self_pronouns_stand_for_the_speaker(lang, item):
    word, _, example = item
    start, _ = _word_span(example, word)
    events = code(lang, example).events
    assert any(e.source_span[0] == start or e.target_span[0] == start for e in events), \
        f"no event rests on {word!r} in {example!r}: {[(e.source, e.target, e.code) for e in events]}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "quote_mark"])
def test_quote_marks_give_a_quote_spanning_sentences_its_speaker(lang, item):
    """The example's quote runs over two sentences; its first-person word acts for the speaker named after it."""
    analysis = code(lang, item[2])
    assert len(analysis.sentences) >= 2, f"{item[2]!r} is one sentence: the quote must span two"
    selves = [m for m in analysis.mentions if m.rule == "pronoun:speaker" and m.actor is not None]
    assert selves, f"no first-person word stands for the speaker in {item[2]!r}"
    assert any(e.source_span[0] == selves[0].start for e in analysis.events), \
        f"no event rests on the speaker's word: {[(e.source, e.target, e.code) for e in analysis.events]}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "negative"])
def test_negative_words_make_a_judgement_a_criticism(lang, item):
    """The example's speaker says the bad word of another party: a criticism (111) resting on the word."""
    word, _, example = item
    start, _ = _word_span(example, word)
    events = code(lang, example).events
    assert any(e.code == "111" and e.trigger_span[0] == start for e in events), \
        f"{example!r}: {[(e.source, e.target, e.code, e.rule) for e in events]}"
    negated = code(lang, _negated(lang, example, word)).events if " " not in word else []
    assert not any(e.rule.endswith(f":{word}") for e in negated), f"a negated {word!r} still criticises"


def _negated(lang: str, example: str, word: str) -> str:
    """The example with the pack's first negation word put before `word`."""
    no = sorted(LanguagePack.load(lang).word_class("negation"))[0]
    return re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", f"{no} {word}", example, count=1, flags=re.IGNORECASE)


_SPEAKERS_CODE = {"obligation": "100", "advice": "020"}  # must act: a demand; should act: an appeal


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] in _SPEAKERS_CODE])
def test_obligation_and_advice_words_make_a_speakers_demand_or_appeal(lang, item):
    """The example's speaker says another party must (a demand, 100) or should act (an appeal, 020),
    the event resting on the word."""
    word, cls, example = item
    start, _ = _word_span(example, word)
    events = code(lang, example).events
    assert any(e.code == _SPEAKERS_CODE[cls] and e.trigger_span[0] == start for e in events), \
        f"{example!r}: {[(e.source, e.target, e.code, e.rule) for e in events]}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] in ("happen_verb", "plan_verb")])
def test_happen_verbs_put_a_predicate_noun_ahead(lang, item):
    """"Pertemuan ... akan berlangsung": the meeting is still to come, an intent (03x), never done."""
    word, _, example = item
    events = code(lang, example).events
    assert events and all(e.code.startswith("03") and e.rule.endswith(":intended") for e in events), \
        f"{example!r}: {[(e.source, e.target, e.code, e.rule) for e in events]}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "sport"])
def test_sport_words_make_a_sports_story(lang, item):
    """The example (a match report: three words of sport or more) codes no event."""
    word, _, example = item
    assert contains_word(example, word) and not code(lang, example).events


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "counted_person"])
def test_people_counted_with_a_number_are_civilians(lang, item):
    word, _, example = item
    start, _ = _word_span(example, word)
    events = code(lang, example).events
    assert any(e.target and e.target.endswith("CVL") and e.target_span[0] <= start < e.target_span[1]
               for e in events), f"{example!r}: {[(e.source, e.target, e.code, e.target_span) for e in events]}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "party_word"])
def test_a_party_named_beside_its_country_is_that_countrys(lang, item):
    """The example: a party nobody knows, its country right beside its name, criticises a government."""
    word, _, example = item
    events = code(lang, example).events
    assert any(e.source and e.source.endswith("OPP") and e.code.startswith("11") for e in events), \
        f"{example!r}: {[(e.source, e.target, e.code) for e in events]}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "topic_noun"])
def test_a_deed_noun_after_a_topic_word_is_no_deed(lang, item):
    """The example speaks of a case or an issue of violence: no violence is coded."""
    word, _, example = item
    assert contains_word(example, word)
    assert not any(e.code[:2] in ("18", "19", "20") for e in code(lang, example).events), example


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "verbal_target"])
def test_attacking_a_thing_said_or_decided_is_a_verbal_attack(lang, item):
    word, _, example = item
    events = code(lang, example).events
    assert events and all(e.code == "111" and e.rule.endswith(":verbal") for e in events), \
        f"{example!r}: {[(e.source, e.target, e.code, e.rule) for e in events]}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "between"])
def test_between_names_the_parties_of_a_symmetric_predicate(lang, item):
    """The example: someone tells of a meeting between two others; the two are its parties, the teller is none."""
    word, _, example = item
    start, _ = _word_span(example, word)
    events = code(lang, example).events
    assert events and all(e.source_span[0] > start and e.target_span[0] > start for e in events), \
        f"{example!r}: {[(e.source, e.target, e.code, e.rule) for e in events]}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "comma_complement"])
def test_a_comma_after_an_appeal_opens_the_clause_of_the_party_appealed_to(lang, item):
    """The example: someone appeals, a comma, then the party who is to act; that party is the target.
    Without the word's class the comma ends the clause and nobody is appealed to."""
    word, _, example = item
    start, end = _word_span(example, word)
    events = code(lang, example).events
    assert any(e.source_span[1] <= start and e.target_span[0] > end and e.code[:2] == "02" for e in events), \
        f"{example!r}: {[(e.source, e.target, e.code, e.rule) for e in events]}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "judgement_verb"])
def test_judgement_verbs_open_a_speakers_judgement(lang, item):
    word, _, example = item
    start, _ = _word_span(example, word)
    events = code(lang, example).events
    assert any(e.code == "111" and e.source_span[1] <= start < e.target_span[0] for e in events), \
        f"{example!r}: {[(e.source, e.target, e.code, e.rule) for e in events]}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "headline_modal"])
def test_headline_modals_tell_what_is_to_come(lang, item):
    """As a headline the example tells a plan: nothing coded as done; as body text the word is no modal."""
    word, _, example = item
    titled = coder(lang).code(Document("example", example, title=example, published=PUBLISHED, lang=lang))
    assert not any(e.rule.rsplit(":", 1)[-1] not in ("intended",) and ":intended" not in e.rule
                   for e in titled.events), [(e.code, e.rule) for e in titled.events]


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "condition"])
def test_condition_words_suppose_and_do_not_report(lang, item):
    word, _, example = item
    assert code(lang, _without(example, word)).events, f"{example!r} minus {word!r} codes nothing anyway"
    got = code(lang, example).events
    assert not got, f"{word!r} did not stop {[(e.source, e.target, e.code) for e in got]}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "background"])
def test_background_words_keep_a_predicate_noun_from_being_news(lang, item):
    """"menjelang dua tahun invasi Rusia ke Ukraina": no attack is reported; without the word, one is."""
    word, _, example = item
    start, end = _word_span(example, word)
    after = [e for e in code(lang, example).events if e.trigger_span[0] >= end]
    assert not after, f"{word!r} did not keep {[(e.source, e.target, e.code) for e in after]} out"
    assert any(e.trigger_span[0] >= start for e in code(lang, _without(example, word)).events), \
        f"{example!r} minus {word!r} reports nothing anyway"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "non_event"])
def test_non_event_phrases_start_no_trigger(lang, item):
    word, _, example = item
    start, end = _word_span(example, word)
    analysis = code(lang, example)
    assert not any(start <= t.start < end for t in analysis.triggers), \
        f"{word!r} started a trigger in {example!r}: {[t.entry_id for t in analysis.triggers]}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "role_modifier"])
def test_role_modifiers_stay_inside_a_title(lang, item):
    word, _, example = item
    start, _ = _word_span(example, word)
    mentions = code(lang, example).mentions
    assert any(m.start < start < m.end and m.actor and m.actor.sector for m in mentions), \
        f"{word!r} broke the title in {example!r}: {[(m.text, m.actor and m.actor.code) for m in mentions]}"


# -- dates ------------------------------------------------------------------------

def _sentence_date(lang: str, text: str):
    analysis = stage(lang, SentenceSplitter)(Analysis(Document("d", text, published=PUBLISHED, lang=lang)))
    return stage(lang, DateResolver).sentence_date(analysis.sentences[0], PUBLISHED.date(), base=PUBLISHED.date())


@pytest.mark.parametrize("lang,row", rows("dates"))
def test_date_example_resolves(lang, row):
    alternatives = split_alternatives(row["words"])
    used = next((w for w in sorted(alternatives, key=len, reverse=True) if contains_word(row["example"], w)), None)
    assert used, f"no word of {row['words']!r} is in {row['example']!r}"
    for word in alternatives:  # every spelling works in the same place
        text = re.sub(rf"(?<!\w){re.escape(used)}(?!\w)", word.capitalize() if row["kind"] == "weekday" else word,
                      row["example"], count=1, flags=re.IGNORECASE)
        day, how = _sentence_date(lang, text)
        value = int(row["value"])
        if row["kind"] == "weekday":
            ahead = any(contains_word(text, w) for w in LanguagePack.load(lang).word_class("modal"))
            lag = (day - PUBLISHED.date()).days if ahead else (PUBLISHED.date() - day).days
            assert how == "relative" and day.weekday() == value and 0 <= lag < 7, (text, day)
        elif row["kind"] == "month":
            assert how == "explicit" and day.month == value, (text, day)
        elif row["kind"] == "retold":  # the sentence before takes the day the retelling names
            analysis = stage(lang, DateResolver)(stage(lang, SentenceSplitter)(
                Analysis(Document("d", text, published=PUBLISHED, lang=lang))))
            assert analysis.dates[0][1] == "retold" and analysis.dates[0][0] == analysis.dates[1][0], (text, analysis.dates)
        elif row["kind"] == "citation":  # the day after the citation is the report's: the event's comes later
            cited = re.search(rf"{re.escape(word)}[^(]*\((\d+)/", text, flags=re.IGNORECASE)
            assert cited and how == "explicit" and day.day != int(cited.group(1)), (text, day)
        else:  # relative to the publication day, or (anaphoric) to it when the text named no other day
            expected = date.fromordinal(PUBLISHED.date().toordinal() + value)
            assert how == "relative" and day == expected, (text, day, how)


# -- morphology, furniture, abbreviations ----------------------------------------------

@pytest.mark.parametrize("lang,rule", rows("morphology"))
def test_morphology_example_finds_the_root(lang, rule):
    word, root = (x.strip() for x in rule.example.split("->"))
    analyses = Morphology(LanguagePack.load(lang)).analyses(word)
    assert root in analyses, f"{word!r} -> {sorted(analyses)}"
    if rule.voice and rule.position == "prefix" and word.startswith(rule.affix):
        assert analyses[root] == rule.voice, f"{word!r} -> {root!r} should read as {rule.voice}"


@pytest.mark.parametrize("lang", LANGS)
def test_furniture_examples_are_removed(lang):
    pack = LanguagePack.load(lang)
    rows_ = read_tsv(pack_folder(lang) / "furniture.tsv", *PACK_FILES["furniture.tsv"])
    assert len(rows_) == len(pack.furniture) + len(pack.credits)
    lines = iter(pack.furniture)
    for row in rows_:
        if row.get("kind") == "credit":  # a credit goes whatever furniture is given (test_clean tests them)
            pattern = next(p for p in pack.credits if p.pattern == row["pattern"])
        else:
            pattern = next(lines)
        assert pattern.search(row["example"].strip()), f"{row['pattern']!r} does not match {row['example']!r}"
        body = "Paragraf pertama berita ini cukup panjang untuk dianggap isi artikel."
        cleaned = clean_text(f"{body}\n\n{row['example']}\n\n{body}", [pattern])
        assert row["example"] not in cleaned and body in cleaned, f"{row['example']!r} survived cleaning"


@pytest.mark.parametrize("lang,abbr", rows("abbreviations"))
def test_abbreviation_does_not_end_a_sentence(lang, abbr):
    rows_ = {r["abbreviation"]: r["example"] for r in read_tsv(pack_folder(lang) / "abbreviations.tsv",
                                                               *PACK_FILES["abbreviations.tsv"])}
    example = rows_[abbr]
    assert abbr in example
    analysis = stage(lang, SentenceSplitter)(Analysis(Document("d", example, lang=lang)))
    for s in analysis.sentences[:-1]:
        assert not s.text.rstrip().endswith(abbr), f"split after {abbr!r}: {[s.text for s in analysis.sentences]}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "relative"])
def test_relative_words_open_a_clause_about_the_actor_before_them(lang, item):
    """"Israel, yang menyerang Lebanon, ...": Israel is the source of the clause's event."""
    word, _, example = item
    start, _ = _word_span(example, word)
    events = code(lang, example).events
    assert any(example[e.source_span[1]:start].strip(" ,") == "" for e in events), \
        f"no event in {example!r} takes the actor before {word!r} as its source"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "light_verb"])
def test_light_verbs_lend_their_subject_to_the_noun_after_them(lang, item):
    """"Amerika Serikat menyatakan dukungan kepada Filipina": the subject does what the noun names."""
    word, _, example = item
    start, end = _word_span(example, word)
    noun_at = end + len(example[end:]) - len(example[end:].lstrip())
    events = code(lang, example).events
    assert any(e.trigger_span[0] == noun_at and e.source_span[1] <= start for e in events), \
        f"{example!r} gave {[(e.source, e.target, e.code, e.rule) for e in events]}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "singular_pronoun"])
def test_singular_pronouns_stand_for_the_last_sentence_lead(lang, item):
    word, _, example = item
    start, _ = _word_span(example, word)
    events = code(lang, example).events
    assert any(e.source_span[0] == start for e in events), \
        f"no event takes {word!r} as its source in {example!r}: {[(e.source, e.target, e.code) for e in events]}"


# -- names nobody resolved: a person, or a place or body that is no party ----------------

def _overlaps(span, m) -> bool:
    return bool(span) and span[0] < m.end and m.start < span[1]


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] == "person_title"])
def test_person_titles_make_the_name_after_them_a_person(lang, item):
    """"Pak Harjono menemui ...": the name right after the title is a person nobody resolved, and
    the event keeps them, with their name and no code (the names are one word: only the title
    makes them a person)."""
    word, _, example = item
    _, end = _word_span(example, word)
    analysis = code(lang, example)
    people = [m for m in analysis.mentions if m.kind == "person" and m.actor is None
              and m.rule == f"unresolved:person_title:{word}" and example[end:m.start].strip(" .") == ""]
    assert people, f"{word!r} made no person of the name after it: " \
                   f"{[(m.text, m.kind, m.rule) for m in analysis.mentions]}"
    person = people[0]
    sides = [(e.source, e.source_span, e.source_name) for e in analysis.events] \
        + [(e.target, e.target_span, e.target_name) for e in analysis.events]
    assert (None, (person.start, person.end), person.text) in sides, \
        f"no event keeps {person.text!r}: {[(e.source, e.source_name, e.target, e.target_name) for e in analysis.events]}"


@pytest.mark.parametrize("lang,item", [p for p in rows("words") if p.values[1][1] in (
    "place_word", "org_word", "locative", "name_joiner")])
def test_name_words_keep_a_name_from_being_a_person(lang, item):
    """"Militer Thailand menembaki Provinsi Surin": the capitalised name holding the word (or right
    after it) is a place, a body, or part of a longer name; no person, and no event rests on it."""
    word, cls, example = item
    analysis = code(lang, example)
    named = [m for m in analysis.mentions if m.rule == f"name:{cls}:{word}"]
    assert named, f"{word!r} set no name apart in {example!r}: {[(m.text, m.kind, m.rule) for m in analysis.mentions]}"
    for m in named:
        assert m.kind == "name" and m.actor is None, (m.text, m.kind)
        on_it = [e for e in analysis.events if _overlaps(e.source_span, m) or _overlaps(e.target_span, m)]
        assert not on_it, f"{m.text!r} became a party: {[(e.source, e.source_name, e.target, e.target_name) for e in on_it]}"
