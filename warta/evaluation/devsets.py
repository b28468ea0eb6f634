"""The development sets the baseline gate watches, and how each is measured.

Each set is a few files under the shared reference folder (outside the
repository: nothing from it is copied in) and a function that codes them and
returns named scores. `gated` scores must not drop below the baseline;
`info` scores are recorded beside them to read, not to gate (precision and
recall may trade against each other while F1 rises).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import warta
from warta.coder import Coder
from warta.evaluation import dictionaries as dicts
from warta.evaluation.coding import code_articles
from warta.evaluation.matching import LEVELS, load_gold
from warta.evaluation.petrarch_records import evaluate_records, load_records
from warta.evaluation.plover import evaluate_gsr, load_cases
from warta.evaluation.scoring import score_events
from warta.ontology import Ontology

SHARED_ENV = "WARTA_SHARED"


def default_shared_dir() -> Path:
    """$WARTA_SHARED, else the `shared` folder beside this checkout."""
    if os.environ.get(SHARED_ENV):
        return Path(os.environ[SHARED_ENV])
    return Path(warta.__file__).resolve().parents[2] / "shared"


@dataclass(frozen=True)
class Measured:
    gated: dict[str, float]
    info: dict[str, float]


class Coders:
    """One loaded Coder per set of extra dictionaries, shared by every set measured in a run."""

    def __init__(self, languages: list[str] | None = None):
        self.languages = languages
        self._cache: dict[dicts.DictionaryFiles, Coder] = {}

    def get(self, files: dicts.DictionaryFiles = dicts.DictionaryFiles()) -> Coder:
        if files not in self._cache:
            self._cache[files] = dicts.coder_with(files, self.languages)
        return self._cache[files]


@dataclass(frozen=True)
class DevSet:
    name: str
    files: tuple[str, ...]  # under the shared folder; a folder counts with everything in it
    about: str
    measure: Callable[[Path, Coders], Measured]

    def paths(self, shared: Path) -> list[Path]:
        return [shared / f for f in self.files]

    def present(self, shared: Path) -> bool:
        return all(p.exists() for p in self.paths(shared))


def _r(x: float) -> float:
    return round(x, 4)


def measure_seeds(shared: Path, coders: Coders) -> Measured:
    gold = load_gold(shared / "gold" / "seeds.jsonl")
    names = sorted({g.doc for g in gold})
    coded = code_articles(coders.get(), [shared / "seeds" / n for n in names])
    report = score_events(gold, coded.predictions, coded.languages)
    gated, info = {}, {}
    for name in LEVELS:
        t = report.levels[name].total
        gated[f"{name}.f1"] = _r(t.f1)
        info[f"{name}.precision"] = _r(t.precision)
        info[f"{name}.recall"] = _r(t.recall)
    return Measured(gated, info)


def measure_real_news(lang: str) -> Callable[[Path, Coders], Measured]:
    """A set of real articles with complete gold (devsets/<lang>): recall and precision gated at
    the country and sector levels, so neither may fall while the other rises unnoticed."""
    def measure(shared: Path, coders: Coders) -> Measured:
        folder = shared / "devsets" / lang
        gold = load_gold(folder / "gold.jsonl")
        coded = code_articles(coders.get(), sorted((folder / "articles").glob("*.txt")))
        report = score_events(gold, coded.predictions, coded.languages)
        gated, info = {}, {}
        for name in ("country+root", "sector+root"):
            t = report.levels[name].total
            gated[f"{name}.recall"] = _r(t.recall)
            gated[f"{name}.precision"] = _r(t.precision)
            info[f"{name}.f1"] = _r(t.f1)
        t = report.levels["country+code"].total
        info["country+code.recall"], info["country+code.precision"] = _r(t.recall), _r(t.precision)
        return Measured(gated, info)
    return measure


def measure_gsr(shared: Path, coders: Coders) -> Measured:
    report = evaluate_gsr(coders.get(), load_cases(shared / GSR_FILE))
    return Measured({"category_accuracy": _r(report.accuracy), "category_f1": _r(report.f1)},
                    {"category_precision": _r(report.precision),
                     "source_country_agreement": report.source.as_dict()["country_rate"] or 0.0,
                     "target_country_agreement": report.target.as_dict()["country_rate"] or 0.0})


def _measure_petrarch(shared: Path, coders: Coders, dictionaries: tuple[str, ...]) -> Measured:
    files = dicts.DictionaryFiles(tuple(shared / f for f in dictionaries if "agents" not in f),
                                  tuple(shared / f for f in dictionaries if "agents" in f))
    report = evaluate_records(coders.get(files), load_records(shared / PETRARCH_RECORDS),
                              Ontology.load().__contains__)
    return Measured({"pass_rate": _r(report.rate("passed")), "pass_rate_root": _r(report.rate("passed_root")),
                     "pass_rate_actors": _r(report.rate("passed_actors"))},
                    {"found_rate": _r(report.rate("found")), "scored": len(report.scored)})


GSR_FILE = "reference/plover/gsr/cases.jsonl"
PETRARCH_DIR = "peer-suites/petrarch"
PETRARCH_RECORDS = f"{PETRARCH_DIR}/PETR.UnitTest.records.xml"
PETRARCH_DICTS = (f"{PETRARCH_DIR}/PETR.Validate.actors.txt", f"{PETRARCH_DIR}/PETR.Validate.agents.txt")
PHOENIX_DICTS = tuple(f"reference/phoenix/{n}" for n in (
    "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt",
    "Phoenix.agents.txt"))

DEV_SETS: tuple[DevSet, ...] = (
    DevSet("seeds", ("gold/seeds.jsonl", "seeds"),
           "the two Indonesian seed articles and their gold events (F1 at each level)", measure_seeds),
    DevSet("devset-id", ("devsets/id/gold.jsonl", "devsets/id/articles"),
           "58 real Indonesian articles (2019) with complete hand-coded gold", measure_real_news("id")),
    DevSet("devset-en", ("devsets/en/gold.jsonl", "devsets/en/articles"),
           "28 real English Wikinews articles (2019) with complete hand-coded gold", measure_real_news("en")),
    DevSet("plover-gsr", (GSR_FILE,), "322 English CAMEO-manual sentences with PLOVER categories",
           measure_gsr),
    DevSet("petrarch", (PETRARCH_RECORDS, *PETRARCH_DICTS),
           "PETRARCH2 unit-test records with the suite's own actor dictionaries",
           lambda shared, coders: _measure_petrarch(shared, coders, PETRARCH_DICTS)),
    DevSet("petrarch+phoenix", (PETRARCH_RECORDS, *PETRARCH_DICTS, *PHOENIX_DICTS),
           "the same records with the Phoenix real-world dictionaries loaded too",
           lambda shared, coders: _measure_petrarch(shared, coders, PETRARCH_DICTS + PHOENIX_DICTS)),
)


def dev_set(name: str) -> DevSet:
    for s in DEV_SETS:
        if s.name == name:
            return s
    raise KeyError(f"no development set {name!r}; have {', '.join(s.name for s in DEV_SETS)}")
