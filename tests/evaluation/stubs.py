"""Small stand-ins for tests: events built by hand, and a coder that returns them.

A stub coder lets the PLOVER and PETRARCH scoring be tested on chosen
outcomes, independent of what the real language packs code today.
"""
from __future__ import annotations

from warta.evaluation.matching import GoldEvent, Prediction
from warta.model import Analysis, Document, Event


def gold(id="d-G1", doc="d.txt", source="IRNGOV", target="RUSGOV", roots=("04",), codes=("040",), date=None,
         symmetric=False, required=True) -> GoldEvent:
    return GoldEvent.from_json({"id": id, "doc": doc, "required": required, "source": source, "target": target,
                                "symmetric": symmetric, "roots": list(roots), "codes": list(codes), "date": date,
                                "evidence": f"evidence of {id}"})


def pred(source="IRNGOV", target="RUSGOV", code="040", date=None, doc="d.txt", lang="id") -> Prediction:
    return Prediction(doc, source, target, code, date, lang, evidence="words", rule="lexicon:test")


def event(doc: str, source: str | None, target: str | None, code: str, plover: str | None) -> Event:
    return Event(doc=doc, sentence=0, source=source, target=target, source_name=None, target_name=None, code=code,
                 name="", goldstein=0.0, quad_class=1, plover=plover, date=None, date_source="none", location=None,
                 sentence_text="", span=(0, 1), trigger_span=(0, 1), source_span=None, target_span=None,
                 rule="lexicon:test", lang="en", pack_version="test")


class StubCoder:
    """Codes a document into the events listed for its text (none when the text is not listed)."""

    def __init__(self, events_by_text: dict[str, list[tuple]], languages=("en",)):
        self.events_by_text = events_by_text
        self.pipelines = {lang: None for lang in languages}
        self.packs = {}
        self.seen: list[Document] = []

    def code(self, doc: Document) -> Analysis:
        self.seen.append(doc)
        events = tuple(event(doc.id, *spec) for spec in self.events_by_text.get(doc.text, ()))
        return Analysis(doc, events=events)
