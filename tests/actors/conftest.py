"""Fixtures for actor knowledge: a store with the Phoenix dictionaries, coders over stores."""
from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import pytest

from tests.conftest import shared_path
from warta.actors.assemble import stored_knowledge
from warta.actors.learn import learn
from warta.actors.petrarch import load_actors, load_agents
from warta.actors.store import ActorStore
from warta.coder import Coder
from warta.model import Document
from warta.read import read_paths

CORPUS = Path(__file__).with_name("corpus")
PHOENIX_ACTORS = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")


def import_phoenix(db: Path) -> None:
    with ActorStore.open(db) as store:
        for name in PHOENIX_ACTORS:
            store.import_records(load_actors(shared_path("reference", "phoenix", name)))
        store.import_agents(load_agents(shared_path("reference", "phoenix", "Phoenix.agents.txt")),
                            "petrarch:Phoenix.agents.txt")


@pytest.fixture(scope="session")
def phoenix_db(tmp_path_factory) -> Path:
    """A store holding the three Phoenix actor files and the agents (read-only for tests: copy to change)."""
    db = tmp_path_factory.mktemp("phoenix") / "phoenix.duckdb"
    import_phoenix(db)
    return db


@pytest.fixture(scope="session")
def phoenix_learned_db(phoenix_db, tmp_path_factory) -> Path:
    """The Phoenix store after learning from the test corpus (read-only for tests)."""
    import shutil

    db = tmp_path_factory.mktemp("phoenix-learned") / "phoenix-learned.duckdb"
    shutil.copy(phoenix_db, db)
    learn_from(db, [CORPUS])
    return db


def coder(db: Path | None, languages=("id",)) -> Coder:
    """A coder with what the store at `db` knows (None: built-in knowledge only); reused while `db` is unchanged."""
    stamp = (db.stat().st_mtime_ns, db.stat().st_size) if db and db.exists() else None
    return _coder(str(db) if db else None, tuple(languages), stamp)


@lru_cache(maxsize=8)
def _coder(db: str | None, languages: tuple[str, ...], stamp) -> Coder:
    return Coder.load(list(languages), extra=stored_knowledge(db) if db else None)


def code_text(c: Coder, text: str, day: str, lang: str = "id"):
    published = datetime.fromisoformat(day).replace(hour=12, tzinfo=timezone.utc)
    return c.code(Document("t", text, published=published, lang=lang))


def learn_from(db: Path, paths, languages=("id",)) -> int:
    """Code `paths` with what `db` knows now, then learn from them into `db`."""
    c = coder(db, languages)
    analyses = [c.code(d) for d in read_paths([str(p) for p in paths]) if isinstance(d, Document)]
    with ActorStore.open(db) as store:
        return learn(store.con, analyses)


def person_codes(analysis) -> dict[str, str | None]:
    """Mention text -> actor code, for the mentions of people."""
    return {m.text: (m.actor.code if m.actor else None) for m in analysis.mentions
            if m.kind in ("person", "role") and (m.actor is None or m.actor.name)}


def en_available() -> bool:
    try:
        from warta.lang import LanguagePack

        LanguagePack.load("en")
        return True
    except Exception:
        return False


needs_en = pytest.mark.skipif(not en_available(), reason="the English pack (warta/lang/en/) is not available yet")
