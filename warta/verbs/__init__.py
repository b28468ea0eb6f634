"""Verb dictionaries users bring: TABARI/PETRARCH verb files, imported into the store.

    from warta.verbs.petrarch import load_verbs          # read a file: word classes, verbs, patterns
    from warta.verbs.store import VerbStore              # import into the events' DuckDB file, list, remove
    from warta.verbs.entries import entries_from_file    # a file's entries without a store

Imported rules become lexicon entries (`warta.verbs.entries.ImportedVerb`)
that the language pack's matcher uses beside the pack's own
(`ExtraKnowledge.verbs`); `warta code --db X` loads those of store X.
"""
