"""Speakers: first-person words stand for whoever speaks them. In a sentence ('"Kami mengecam
...," kata Menlu Iran') and inside a quote that may span sentences, its speaker named after it
('"...," kata Iqbal'; "ujarnya": the person the sentence before began with) or before it
('Iqbal mengatakan, "Kami ..."'). Also the speakers of each sentence, for the event stage."""
from __future__ import annotations

from warta.lang.case import is_name_token
from warta.model import Mention, Sentence
from warta.pipeline.mentions.tokens import _mention

_APPOSITIVE_WORDS = 12  # words of an appositive set off by commas between a speaker and the speech verb


class Speakers:
    """Who speaks, and the first-person words that stand for them.

    Reads the finder's articles, quote_marks, self_pronouns, speech_verbs, target_preps (set by
    ActorFinder.__init__).
    """

    def _quoted(self, sentences, texts: list[list[str]], words: list[list[str]], mentions: list[Mention],
                leads: list[Mention | None], speakers: list[tuple[int, Mention]] | None = None) -> list[Mention]:
        """First-person words inside a quote stand for its speaker, named after the quote
        ('"Kami ... . ... ," kata Iqbal', '"...," ujarnya': the person the sentence before
        began with) or before it ('Iqbal mengatakan, "Kami ..."'), the quote spanning sentences.
        `texts`, `words`: each sentence's tokens as written and in lower case."""
        if not self.quote_marks or not self.self_pronouns:
            return []
        # the sentences holding a quote mark (a set test each)
        quoting = {sent.index for sent, sent_texts in zip(sentences, texts) if not self.quote_marks.isdisjoint(sent_texts)}
        if not quoting:
            return []  # a story that quotes nobody
        by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        out: list[Mention] = []
        paragraphs: dict[int, list[Sentence]] = {}
        for sent in sentences:
            paragraphs.setdefault(sent.paragraph, []).append(sent)
        named_last = False  # a quote was attributed by name before ('..." kata Stanikzai')
        last: Mention | None = None  # that speaker, None when nobody could tell who they are
        for para in paragraphs.values():
            # (a sentence without a quote mark, most of them, is passed over with one set test)
            marks = [(sent, k) for sent in para if sent.index in quoting
                     for k, t in enumerate(sent.tokens) if t.text in self.quote_marks]
            for (s0, k0), (s1, k1) in zip(marks[0::2], marks[1::2]):
                speaker, named = self._speaker_after(s1, k1, by_sentence, leads)
                if named:
                    named_last, last = True, speaker
                elif named_last and (speaker is not None or self._speech_after(s1, k1)):
                    speaker = last  # '"...," tambahnya': the speaker named last, not whoever led the text
                speaker = speaker or self._speaker_before(s0, k0, by_sentence)
                if speaker is None or speaker.actor is None:
                    continue
                for sent in para:
                    if not s0.index <= sent.index <= s1.index:
                        continue
                    if speakers is not None:
                        speakers.append((sent.index, speaker))
                    lo = k0 + 1 if sent is s0 else 0
                    hi = k1 if sent is s1 else len(sent.tokens)
                    quoted = words[sent.index]
                    if self.self_pronouns.isdisjoint(quoted[lo:hi]):
                        continue  # no first-person word in the quote (a set test)
                    covered = {k for m in by_sentence.get(sent.index, ()) if m.actor is not None
                               for k in range(m.tok_start, m.tok_end)}
                    out.extend(_mention(sent, k, k + 1, speaker.actor, "pronoun", "pronoun:speaker")
                               for k in range(lo, hi) if quoted[k] in self.self_pronouns and k not in covered)
        return out

    def _speaker_after(self, sent, k: int, by_sentence, leads) -> tuple[Mention | None, bool]:
        """'...," kata Iqbal': the actor right after the speech verb that follows the closing quote
        (and True: named there); with none there ("ujarnya", "kata dia"), the person the sentence
        before began with (and False)."""
        toks = sent.tokens
        v = k + 1
        while v < len(toks) and toks[v].lower == ",":
            v += 1
        if v >= len(toks):
            return None, False
        if toks[v].lower not in self.speech_verbs:
            # '...," the minister said': the actor right after the quote, a speech verb after it
            return next((m for m in by_sentence.get(sent.index, ()) if v <= m.tok_start <= v + 1
                         and m.tok_end < len(toks) and toks[m.tok_end].lower in self.speech_verbs), None), True
        mine = by_sentence.get(sent.index, ())
        if v + 1 < len(toks) and is_name_token(toks[v + 1].text) and not any(m.tok_start == v + 1 for m in mine):
            return None, True  # '...," kata Stanikzai': someone named whom nobody knows
        # not whom it was said to ('kata X kepada wartawan')
        after = [m for m in mine if v < m.tok_start <= v + 3 and toks[m.tok_start - 1].lower not in self.target_preps]
        if after:
            return _passed_on(min(after, key=lambda m: m.tok_start), mine), True
        return (leads[sent.index] if sent.index < len(leads) else None), False

    def _speech_after(self, sent, k: int) -> bool:
        """Does a speech verb follow the closing quote at k (commas aside)?"""
        toks = sent.tokens
        v = k + 1
        while v < len(toks) and toks[v].lower == ",":
            v += 1
        return v < len(toks) and toks[v].lower in self.speech_verbs

    def _speaker_before(self, sent, k: int, by_sentence) -> Mention | None:
        """'Iqbal mengatakan, "Kami ...': the actor right before the speech verb before the quote."""
        toks = sent.tokens
        v = k - 1
        while v >= 0 and toks[v].lower in (",", ":"):
            v -= 1
        if v < 1:
            return None
        mine = by_sentence.get(sent.index, ())
        if toks[v].lower not in self.speech_verbs:
            # 'Ana Ruiz, on the radio, defended her plan: "I ...': the quote goes on from a clause of
            # the person the sentence begins with (their office aside), nobody else named and no other
            # quote before it
            first = next((m for m in mine if m.tok_start < k), None)
            if first is None or first.actor is None or first.kind not in ("person", "role") \
                    or any(toks[j].lower not in self.articles for j in range(first.tok_start)) \
                    or any(m.actor is not None and m.actor.code != first.actor.code
                           and m.tok_start >= first.tok_end and m.tok_start < k for m in mine) \
                    or any(toks[j].text in self.quote_marks for j in range(k)):
                return None
            return first
        return next((m for m in mine if m.tok_end == v), None)

    def _speakers(self, sent, words: list[str], found: list[Mention]) -> list[Mention]:
        """"Kami mengecam ...," kata Menlu Iran: first-person pronouns stand for the speaker
        (`words`: the sentence's tokens in lower case)."""
        toks = sent.tokens
        if self.self_pronouns.isdisjoint(words):
            return []  # no first-person word (most sentences): one set test
        selves = [k for k, w in enumerate(words) if w in self.self_pronouns]
        speaker = None
        for k, t in enumerate(toks):
            if t.lower not in self.speech_verbs:
                continue
            after = next((m for m in found if m.actor and m.tok_start == k + 1), None)
            before = next((m for m in found if m.actor and (m.tok_end == k or m.tok_end == k - 1 and toks[k - 1].lower == ",")), None)
            # "Ana Ruiz, the Chilean foreign minister, announced that she ...": the name before an
            # appositive set off by commas
            set_off = next((m for m in found if m.actor and m.tok_end < k - 1 and toks[m.tok_end].lower == ","
                            and toks[k - 1].lower == "," and k - m.tok_end <= _APPOSITIVE_WORDS), None)
            speaker = after or before or set_off
            if speaker is not None:
                break
        if speaker is None:
            return []
        speaker = _passed_on(speaker, found)
        return [_mention(sent, k, k + 1, speaker.actor, "pronoun", "pronoun:speaker")
                for k in selves if not speaker.tok_start <= k < speaker.tok_end]

    def _late_speakers(self, sentences, words: list[list[str]], mentions: list[Mention]) -> list[Mention]:
        """Speakers' pronouns in sentences whose speaker was known only once the whole story was read
        (an office after the name, the story's country): "Ana Ruiz, the Speaker, announced that she ..."."""
        by_sentence: dict[int, list[Mention]] | None = None  # made for the first sentence that asks
        out = []
        for sent, sent_words in zip(sentences, words):
            if self.self_pronouns.isdisjoint(sent_words):
                continue  # no first-person word (most sentences): one set test
            if by_sentence is None:
                by_sentence = {}
                for m in mentions:
                    by_sentence.setdefault(m.sentence, []).append(m)
            found = by_sentence.get(sent.index, [])
            covered = {k for m in found for k in range(m.tok_start, m.tok_end)}
            if any(t.lower in self.self_pronouns and k not in covered for k, t in enumerate(sent.tokens)):
                out.extend(m for m in self._speakers(sent, sent_words, found) if m.tok_start not in covered)
        return out


def _passed_on(speaker: Mention, mentions) -> Mention:
    """'..." kata kantor berita Turki, mengutip Presiden Turki': an outlet named as the speaker
    passes on the words of the party named after it, if any."""
    if speaker.actor is None or speaker.actor.sector != "MED":
        return speaker
    return next((m for m in mentions if m.tok_start >= speaker.tok_end and m.actor is not None
                 and m.actor.sector != "MED"), speaker)
