"""Small stores with events written straight into the store's tables, so numbers are known exactly."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from warta.analysis.reports import has_reports
from warta.store import Store

QUAD = {"01": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "11": 3, "12": 3, "13": 3,
        "16": 4, "17": 4, "18": 4, "19": 4}


def event(n: int, source: str, target: str, code: str, day: str | None, goldstein: float, doc: str = "d1",
          evidence: str = "", lang: str = "id") -> dict:
    return {"id": f"e{n:04d}", "doc_id": doc, "sentence_idx": n, "date": date.fromisoformat(day) if day else None,
            "source": source, "target": target, "code": code, "root": code[:2], "name": f"name {code}",
            "goldstein": goldstein, "quad_class": QUAD[code[:2]], "evidence": evidence or f"evidence {n}",
            "lang": lang, "span_start": 0, "span_end": 5, "trigger_start": 0, "trigger_end": 2,
            "source_start": 0, "source_end": 1, "target_start": 3, "target_end": 5, "rule": "test"}


def make_store(path: Path, events: list[dict], docs: dict[str, str] | None = None) -> Path:
    docs = docs or {e["doc_id"]: "Hello world, some text." for e in events}
    with Store.open(path) as store:
        store.con.executemany("INSERT INTO documents (id, content_hash, title, text, lang) VALUES (?, ?, ?, ?, ?)",
                              [(d, d, f"title {d}", text, "id") for d, text in docs.items()])
        cols = list(events[0])
        store.con.executemany(f"INSERT INTO events ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                              [[e[c] for c in cols] for e in events])
        if has_reports(store.con):  # a store that merges reports into events: each event is its one report
            store.con.execute(f"INSERT INTO reports ({', '.join(cols)}, event_id) SELECT {', '.join(cols)}, id "
                              "FROM events")
    return path


# Iran and Russia over two months, the US against both, Syria with Iran's military; one undated event.
EVENTS = [
    event(1, "IRNGOV", "RUSGOV", "041", "2020-07-16", 1.0, evidence="phone call Rouhani Putin"),
    event(2, "IRNGOV", "RUSGOV", "057", "2020-07-20", 8.0, evidence="signed a declaration"),
    event(3, "RUSGOV", "IRNGOV", "040", "2020-07-21", 1.0, evidence="consulted in Moscow"),
    event(4, "RUSGOV", "IRNMIL", "061", "2020-08-03", 6.4, evidence="military cooperation"),
    event(5, "IRNGOV", "RUSGOV", "120", "2020-08-04", -4.0, evidence="Iran rejected the 50% offer"),
    event(6, "USAGOV", "IRNGOV", "163", "2020-08-10", -8.0, evidence="sanctions on Iran"),
    event(7, "USAGOV", "RUSGOV", "163", "2020-08-10", -8.0, evidence="sanctions on Russia"),
    event(8, "SYRGOV", "IRNMIL", "040", "2020-08-11", 1.0, evidence="Damascus met the IRGC"),
    event(9, "IRNGOV", "RUSGOV", "040", None, 1.0, evidence="undated consultation"),
    event(10, "IRNGOV", "RUSGOV", "040", "2020-07-17", 1.0, evidence="talks continued", lang="en"),
]
