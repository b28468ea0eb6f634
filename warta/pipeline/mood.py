"""Is a predicate told as done, only intended, denied, or supposed?

News reports what happened beside what did not ("tidak mengecam"), what is
planned or promised ("akan bertemu", "berjanji membantu"), what something is
for ("untuk menyerang") and what is only supposed ("jika Iran menyerang") and what is only asked ("apakah Iran setuju?").
Only the first is an event as it stands;
an intended predicate is coded with its entry's `intent` code (CAMEO codes
intentions and threats as events of their own: 036, 1312), or not at all.
The words come from the pack's negation, modal, purpose and condition classes.
"""
from __future__ import annotations

from dataclasses import dataclass

from warta.lang import LanguagePack, VerbEntry
from warta.settings import Settings

CLAUSE_END = frozenset({",", ";", ":", "(", ")", '"', "“", "”", "—", "–"})
# where a clause ends, for a question mark after a predicate (a pack's own marks reach the coder as
# these: "؟" as "?"); an elision ("[...]", "...") ends one too: what follows is another remark
QUESTION_MARK = "?"
_CLAUSE_STOPS = CLAUSE_END | {".", "!", "…", "...", "[", "]"}


@dataclass(frozen=True, slots=True)
class Reading:
    code: str | None  # the code to give the event; None = not an event
    mood: str  # done | intended | negated | supposed


# a stance negated is its refusal ("tidak sepakat", "tidak mendukung"); a deed only with a modal
STANCE_ROOTS = frozenset({"01", "03", "05"})


class Mood:
    UNREALISED_REACH = 2  # "nyaris" counts right before the predicate ("berada di ambang kesepakatan"),
    # not before a number it qualifies ("hampir 100 orang tewas")
    HAPPEN_REACH = 12  # words (the parties' names too) between a predicate noun and the "akan berlangsung" that puts it ahead
    OBLIGED_REACH = 3  # "harus segera menarik", "must not be allowed to": right before the predicate
    PERMISSION_REACH = 5  # words between a word of permission and the infinitive it governs ("allowed the ... to")

    def __init__(self, pack: LanguagePack, settings: Settings):
        self.negation = pack.word_class("negation")
        self.modal = pack.word_class("modal")
        self.headline_modal = pack.word_class("headline_modal")  # "China to extradite ...": a headline's future
        self.condition = pack.word_class("condition")
        self.purpose = pack.word_class("purpose")
        self.infinitive = pack.word_class("infinitive")  # "allowed Chile to expel": permitted, not done
        self.permission = pack.word_class("permission")  # allow, pressure: their infinitive is not done
        self.articles = pack.word_class("article")
        self.background = pack.word_class("background")
        self.unrealised = pack.word_class("unrealised")
        self.happen = pack.word_class("happen_verb")  # berlangsung: "akan berlangsung" after a predicate noun
        self.planned = pack.word_class("plan_verb")  # dijadwalkan: a meeting scheduled has not taken place
        # harus, seharusnya, must: what a party must or should do it has not done (a speaker's demand
        # of it is coded from the speaker: warta.pipeline.events judgements)
        self.obliged = pack.word_class("obligation") | pack.word_class("advice")
        self.window = settings.negation_window
        self.intent_roots = settings.intent_roots

    def read(self, words: list[str], start: int, entry: VerbEntry, headline: bool = False,
             end: int | None = None) -> Reading:
        """How the predicate whose first word is `start` (and whose last ends before `end`) is told
        (`headline`: in a title, where the headline modals mark what is to come)."""
        if self._supposed(words, start):
            return Reading(None, "supposed")
        if _asked(words, start + 1 if end is None else end):
            return Reading(None, "asked")  # "Apakah Iran setuju?", "Will Iran agree?": a question tells no event
        window = self._window(words, start)
        if not self.unrealised.isdisjoint(window[:self.UNREALISED_REACH]):
            return Reading(None, "unrealised")  # "hampir menandatangani", "nearly signed": it did not happen
        if not self.negation.isdisjoint(window):
            if entry.refuse and (entry.code[:2] in STANCE_ROOTS or not self.modal.isdisjoint(window)):
                # "tidak sepakat", "tidak akan bertemu", "will not lift sanctions": a refusal is an event
                # (a deed that did not happen, "tidak bertemu", is none)
                return Reading(entry.refuse, "refused")
            return Reading(None, "negated")
        if not self.obliged.isdisjoint(window[:self.OBLIGED_REACH]):
            return Reading(None, "obliged")  # "Israel harus menarik pasukannya": asked of it, not done
        if entry.frame == "nominal" and not self.background.isdisjoint(window):
            return Reading(None, "background")  # "menjelang dua tahun invasi Rusia": not today's news
        ahead = self._happens_later(words, end) if end is not None else None
        if ahead is not None:
            # "pertemuan kedua menteri akan digelar Senin": a meeting still to take place is an intent
            if ahead == "negated":
                return Reading(None, "negated")
            if entry.code[:2] in self.intent_roots:
                return Reading(entry.code, "intended")
            return Reading(entry.intent or None, "intended")
        # "siap untuk berunding", "open to talks": a modal right before the purpose word governs it
        aim = any(w in self.purpose and not (k + 1 < len(window) and window[k + 1] in self.modal)
                  for k, w in enumerate(window))
        if aim or any(w in self.modal or headline and w in self.headline_modal for w in window):
            if entry.code[:2] in self.intent_roots:
                return Reading(entry.code, "intended")  # intent is the event itself: "berjanji bekerja sama"
            if aim:
                return Reading(None, "aim")  # "untuk menyerang": what something is for, not a deed or a vow
            return Reading(entry.intent or None, "intended")
        if not headline and self._infinitive(words, start, entry):
            # "a law that allowed Chile to expel suspects", "pressed Kenya to open an inquiry": a deed
            # someone is let, made or asked to do is not done (an intent is: "agreed to cooperate")
            return Reading(entry.code, "intended") if entry.code[:2] in self.intent_roots else Reading(None, "infinitive")
        return Reading(entry.code, "done")

    def _infinitive(self, words: list[str], start: int, entry: VerbEntry) -> bool:
        """The infinitive marker right before the predicate ("to extradite"), or before the verb that
        launches a predicate noun ("to launch an inquiry"), after a word of permission or pressure a
        few words before it ("allowed the Chilean government to"; but "continued to send arms" is done)."""
        if not self.infinitive or start < 1:
            return False
        k = start - 1
        if words[k] not in self.infinitive:  # a predicate noun behind its article: "to launch an inquiry"
            while k >= 0 and words[k] in self.articles:
                k -= 1
            if not (k >= 1 and k < start - 1 and words[k].isalpha() and words[k - 1] in self.infinitive):
                return False
            k -= 1
        for j in range(k - 1, max(-1, k - 1 - self.PERMISSION_REACH), -1):
            if words[j] in CLAUSE_END:
                return False
            if words[j] in self.permission:
                return True
        return False

    def _happens_later(self, words: list[str], end: int) -> str | None:
        """A modal and a verb of taking place a few words after the predicate ("pertemuan itu akan
        berlangsung"), or a verb of planning ("dijadwalkan", "digagas"): "later", or "negated" with a
        negation before it; else None."""
        if not (self.happen or self.planned):
            return None
        for k in range(end, min(len(words) - 1, end + self.HAPPEN_REACH)):
            if words[k] in CLAUSE_END:
                return None
            if words[k] in self.modal and words[k + 1] in self.happen:
                return "negated" if k > 0 and words[k - 1] in self.negation else "later"
            if words[k] in self.planned:  # "pertemuan itu dijadwalkan ...", "digagas oleh X"
                return "negated" if k > 0 and words[k - 1] in self.negation else "later"
        return None

    def _window(self, words: list[str], start: int) -> list[str]:
        """The few words before the predicate, not reaching back past a comma or quote."""
        out = []
        for k in range(start - 1, max(-1, start - 1 - self.window), -1):
            if words[k] in CLAUSE_END:
                break
            out.append(words[k])
        return out

    def _supposed(self, words: list[str], start: int) -> bool:
        """A condition word earlier in the same clause: "jika Iran menyerang Israel"."""
        if not self.condition:
            return False
        for k in range(start - 1, -1, -1):
            if words[k] in CLAUSE_END:
                return False
            if words[k] in self.condition:
                return True
        return False


def _asked(words: list[str], end: int) -> bool:
    """Is the clause a predicate ends at `end` a question: is the first mark after it that closes a
    clause a question mark?"""
    for w in words[end:]:
        if w == QUESTION_MARK:
            return True
        if w in _CLAUSE_STOPS:
            return False
    return False
