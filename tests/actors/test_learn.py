"""Learning who holds which office from coded text, and using it on later articles."""
from __future__ import annotations

import shutil
from datetime import date

import pytest

from tests.actors.conftest import CORPUS, code_text, coder, learn_from, person_codes
from warta.actors.assemble import widen
from warta.actors.learn import plausible_name, sightings
from warta.actors.people import Role
from warta.actors.store import ActorStore


@pytest.fixture(scope="module")
def learned(tmp_path_factory):
    """A store that learned from the test corpus (read-only: tests that change it use `learned_db`)."""
    db = tmp_path_factory.mktemp("learned") / "learned.duckdb"
    learn_from(db, [CORPUS])
    return db


@pytest.fixture
def learned_db(learned, tmp_path):
    db = tmp_path / "learned.duckdb"
    shutil.copy(learned, db)
    return db


def _learned(db) -> dict[tuple[str, str], dict]:
    with ActorStore.open(db) as store:
        return {(r["name"], r["code"]): r for r in store.learned(None)}


@pytest.mark.slow
def test_roles_stated_in_text_are_learned_with_their_evidence(learned):
    learned = _learned(learned)  # noqa: F811 - the rows, from here on
    assert set(learned) == {("Ali Asghar Khaji", "IRNGOV"), ("Mikhail Bogdanov", "RUSGOV"),
                            ("Hadi Tjahjanto", "IDNMIL"), ("Hadi Tjahjanto", "IDN"), ("Hadi Tjahjanto", "IDNGOV")}
    khaji = learned[("Ali Asghar Khaji", "IRNGOV")]
    assert (khaji["valid_from"], khaji["valid_to"]) == (date(2023, 11, 13), date(2023, 11, 13))
    assert khaji["doc_id"] == "c01_khaji_2023-11-13.txt" and khaji["status"] == "pending"
    assert "penasihat senior menlu Iran" in khaji["title"]
    military = learned[("Hadi Tjahjanto", "IDNMIL")]  # two sightings widen one role
    assert (military["valid_from"], military["valid_to"], military["observations"]) == \
        (date(2019, 8, 7), date(2020, 10, 5), 2)
    assert military["confidence"] > khaji["confidence"]


@pytest.mark.slow
def test_a_bare_later_mention_resolves(learned):
    later = coder(learned)
    found = person_codes(code_text(later, "Khaji mengatakan Iran mendukung perundingan itu.", "2023-12-05"))
    assert found["Khaji"] == "IRNGOV"
    found = person_codes(code_text(later, "Bogdanov bertemu Duta Besar Iran di Moskow.", "2023-12-05"))
    assert found["Bogdanov"] == "RUSGOV"
    before = person_codes(code_text(coder(None), "Khaji mengatakan Iran mendukung perundingan itu.", "2023-12-05"))
    assert before.get("Khaji") is None  # nobody knew him before


@pytest.mark.slow
def test_a_role_is_not_applied_outside_its_days(learned):
    later = coder(learned)
    assert person_codes(code_text(later, "Khaji mengecam Israel.", "2026-06-01"))["Khaji"] == "IRN"
    assert person_codes(code_text(later, "Khaji mengecam Israel.", "2023-12-05"))["Khaji"] == "IRNGOV"
    builtin = coder(None)  # built-in facts: Rouhani was president until 2021-08-03
    assert person_codes(code_text(builtin, "Rouhani mengecam Israel.", "2020-07-16"))["Rouhani"] == "IRNGOV"
    assert person_codes(code_text(builtin, "Rouhani mengecam Israel.", "2022-07-16"))["Rouhani"] == "IRN"


@pytest.mark.slow
@pytest.mark.parametrize("day, code", [
    ("2019-08-08", "IDNMIL"), ("2020-12-01", "IDNMIL"),  # commander of the armed forces
    ("2022-03-01", "IDN"),  # "mantan panglima": no office that day
    ("2023-02-14", "IDNGOV"), ("2023-06-01", "IDNGOV"),  # minister
    ("2030-01-01", "IDN"),  # long after the last sighting: nothing is known
])
def test_an_office_that_changes_gives_the_code_of_each_day(learned, day, code):
    found = person_codes(code_text(coder(learned), "Hadi Tjahjanto bertemu Duta Besar Jepang di Jakarta.", day))
    assert found["Hadi Tjahjanto"] == code


def test_conflicting_sightings_are_settled_by_date_not_overwritten():
    seen = [Role("IDNMIL", "", date(2020, 1, 1), date(2020, 3, 1), "learned", 0.7),
            Role("IDNGOV", "", date(2020, 5, 1), date(2020, 5, 1), "learned", 0.7)]
    military, government = widen(seen, 180)
    assert military.valid_from == date(2019, 7, 5) and government.valid_to == date(2020, 10, 28)
    assert military.valid_to == date(2020, 3, 31)  # halfway to the contrary sighting
    assert government.valid_from == date(2020, 4, 1)


@pytest.mark.slow
def test_learning_again_from_the_same_articles_changes_nothing(learned_db):
    before = _learned(learned_db)
    learn_from(learned_db, [CORPUS])
    assert _learned(learned_db) == before


@pytest.mark.slow
def test_a_rejected_role_stays_rejected_as_sightings_come(learned_db, tmp_path):
    role = _learned(learned_db)[("Ali Asghar Khaji", "IRNGOV")]["id"]
    with ActorStore.open(learned_db) as store:
        store.review(role, "rejected")
    more = tmp_path / "more"
    more.mkdir()
    (more / "khaji-again.txt").write_text(
        "Senin 20 Nov 2023 10:00 WIB\n\nKhaji Kembali ke Moskow\n\n"
        "Ali Asghar Khaji, penasihat senior menlu Iran, tiba di Moskow, Senin (20/11/2023).\n", encoding="utf-8")
    learn_from(learned_db, [more])
    khaji = _learned(learned_db)[("Ali Asghar Khaji", "IRNGOV")]
    assert khaji["status"] == "rejected" and khaji["observations"] == 2
    assert person_codes(code_text(coder(learned_db), "Khaji mengecam Israel.", "2023-12-05")).get("Khaji") is None


@pytest.mark.slow
def test_what_agrees_with_known_facts_is_accepted(tmp_path):
    db = tmp_path / "agree.duckdb"
    article = tmp_path / "putin.txt"
    article.write_text("Kamis 16 Jul 2020 20:00 WIB\n\nPutin Menelepon Rouhani\n\n"
                       "Presiden Rusia Vladimir Putin menelepon Presiden Iran Hassan Rouhani, Kamis (16/7/2020).\n",
                       encoding="utf-8")
    learn_from(db, [article])
    learned = _learned(db)
    assert learned[("Vladimir Putin", "RUSGOV")]["status"] == "accepted"
    assert learned[("Hassan Rouhani", "IRNGOV")]["status"] == "accepted"


@pytest.mark.parametrize("name, ok", [
    ("Ali Asghar Khaji", True), ("Sugiono", True), ("Selasa", False), ("Kamis Lalu", False),
    ("Rusia", False), ("JCPOA", False), ("Xi", False), ("Menlu", False),
])
def test_only_plausible_names_are_learned(name, ok):
    assert plausible_name(name, "id") is ok


def test_weekday_after_a_title_is_not_a_person(tmp_path):
    analysis = code_text(coder(None), "Menteri Luar Negeri Iran Selasa (5/12) mengecam Israel.", "2023-12-06")
    assert [s.name for s in sightings(analysis)] == []


@pytest.mark.slow
def test_coding_learns_and_a_failure_to_learn_loses_no_events(tmp_path, monkeypatch):
    from warta.api import Warta

    db = tmp_path / "w.duckdb"
    Warta(db, languages=["id"]).code([CORPUS])
    assert ("Ali Asghar Khaji", "IRNGOV") in _learned(db)

    import warta.actors.learn as learning

    def broken(*args, **kwargs):
        raise RuntimeError("learning broke")

    monkeypatch.setattr(learning.Learner, "file", broken)
    other = tmp_path / "other.duckdb"
    shutil.copytree(CORPUS, tmp_path / "corpus2")
    Warta(other, languages=["id"]).code([tmp_path / "corpus2"])
    assert Warta(other).events()  # stored, though learning failed
    assert not _learned(other)


@pytest.mark.slow
def test_a_run_that_dies_before_rebuilding_roles_is_settled_by_the_next(tmp_path, monkeypatch):
    from warta.api import Warta
    import warta.actors.learn as learning

    db = tmp_path / "w.duckdb"
    real = learning.Learner.settle
    monkeypatch.setattr(learning.Learner, "settle", lambda self: 0)  # as if killed after the last batch
    Warta(db, languages=["id"]).code([CORPUS])
    assert not _learned(db)
    monkeypatch.setattr(learning.Learner, "settle", real)
    Warta(db, languages=["id"]).code([])  # nothing new to code: the sightings stored last time are settled
    assert ("Ali Asghar Khaji", "IRNGOV") in _learned(db)


@pytest.mark.slow
def test_learning_batch_by_batch_learns_what_learning_at_once_does(learned, tmp_path):
    from warta.api import Warta

    db = tmp_path / "batched.duckdb"
    Warta(db, languages=["id"]).code([CORPUS], batch_size=1)

    def roles(path):
        return {k: (r["status"], r["valid_from"], r["valid_to"], r["observations"]) for k, r in _learned(path).items()}

    assert roles(db) == roles(learned)


@pytest.mark.slow
def test_recoding_replaces_what_the_documents_said_instead_of_adding_to_it(tmp_path):
    from warta.api import Warta
    from warta.store import Store

    db = tmp_path / "w.duckdb"
    Warta(db, languages=["id"]).code([CORPUS])
    before = _learned(db)

    def seen():
        with Store.open(db, read_only=True) as store:
            return store.con.execute("SELECT count(*) FROM actor_observations").fetchone()[0]

    n = seen()
    Warta(db, languages=["id"]).recode(everything=True)
    assert n > 0 and seen() == n
    assert {k: r["observations"] for k, r in _learned(db).items()} == {k: r["observations"] for k, r in before.items()}
