"""PETRARCH-format dictionaries (actors, agents) as knowledge for an evaluation coder.

Reading the format is `warta.actors.petrarch`'s job (and turning it into
knowledge `warta.actors.knowledge`'s); this module only finds
the files (a folder's `*actors*.txt` and `*agents*.txt`, or the ones a
records file names) and builds a Coder that knows them. The PETRARCH
records name invented countries (Arnor ARN, Gondor GON) that only their
own dictionaries define, so without them that set measures little.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from warta.coder import Coder, ExtraKnowledge
from warta.evaluation.petrarch_records import environment_files


class DictionariesUnavailable(Exception):
    """The PETRARCH dictionary reader (warta.actors.petrarch) is not installed in this checkout."""


@dataclass(frozen=True)
class DictionaryFiles:
    actors: tuple[Path, ...] = ()
    agents: tuple[Path, ...] = ()
    verbs: tuple[Path, ...] = ()  # verb dictionaries (warta.verbs), for the language `verbs_lang`
    verbs_lang: str = "en"

    def __add__(self, other: "DictionaryFiles") -> "DictionaryFiles":
        return DictionaryFiles(_unique(self.actors + other.actors), _unique(self.agents + other.agents),
                               _unique(self.verbs + other.verbs), other.verbs_lang if other.verbs else self.verbs_lang)

    @property
    def all(self) -> tuple[Path, ...]:
        return self.actors + self.agents + self.verbs

    def __bool__(self) -> bool:
        return bool(self.actors or self.agents or self.verbs)


def _unique(paths: tuple[Path, ...]) -> tuple[Path, ...]:
    return tuple(dict.fromkeys(paths))


def in_folder(folder: str | Path) -> DictionaryFiles:
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: not a folder of dictionaries")
    return DictionaryFiles(tuple(sorted(folder.glob("*actors*.txt"))), tuple(sorted(folder.glob("*agents*.txt"))))


def knowledge(files: DictionaryFiles) -> ExtraKnowledge:
    """Load the files with warta.actors (petrarch reader, knowledge builder) into one ExtraKnowledge."""
    try:  # the package exports them lazily: petrarch reads the files, knowledge turns records into knowledge
        from warta.actors import load_actors, load_agents, to_knowledge
    except (ImportError, AttributeError) as exc:  # the actor-knowledge modules land separately
        raise DictionariesUnavailable("warta.actors (load_actors, load_agents, to_knowledge) is not available, "
                                      "so PETRARCH dictionaries cannot be loaded") from exc
    records = [rec for path in files.actors for rec in load_actors(path)]
    agents = [agent for path in files.agents for agent in load_agents(path)]
    extra = to_knowledge(records, agents)
    if files.verbs:
        from dataclasses import replace

        from warta.verbs.entries import entries_from_file

        extra = replace(extra, verbs=tuple(e for p in files.verbs for e in entries_from_file(p, files.verbs_lang)))
    return extra


def coder_with(files: DictionaryFiles, languages: Sequence[str] | None = None) -> Coder:
    extra = knowledge(files) if files else None
    return Coder.load(list(languages) if languages else None, extra=extra)


def named_by_records(records_path: str | Path) -> DictionaryFiles:
    """The actor and agent dictionaries a PETRARCH records file names in its <Environment>, when present."""
    env = environment_files(records_path)
    return DictionaryFiles(tuple(p for k, p in env.items() if k == "actor" and p.is_file()),
                           tuple(p for k, p in env.items() if k == "agent" and p.is_file()))
