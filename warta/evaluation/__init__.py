"""Measuring Warta against annotated sets: gold events, PLOVER GSR cases, PETRARCH records.

Everything here codes through the real pipeline in memory (no store) and
reports figures with the cases behind them:

  matching          gold rows, predictions, and the official scorer's matching rules
  scoring           precision / recall / F1 per level, language and CAMEO root; misses; false positives
  coding            finding a gold file's articles and coding them (or single test sentences)
  plover            PLOVER gold-standard records: category accuracy, confusion, actor agreement
  petrarch_records  PETRARCH2 unit-test records: pass rate by category
  dictionaries      PETRARCH-format actor/agent dictionaries as extra knowledge
  devsets           the development sets the baseline gate watches
  baseline          baseline.json: pinned scores and set checksums, and the check
  render            the reports as Rich tables

The command line is `warta eval` (warta/commands/eval.py).
"""
from warta.evaluation.matching import LEVELS, GoldEvent, Prediction, event_matches, load_gold, load_predictions
from warta.evaluation.scoring import EventReport, LevelReport, Tally, score_events, score_level

__all__ = [
    "LEVELS", "EventReport", "GoldEvent", "LevelReport", "Prediction", "Tally", "event_matches", "load_gold",
    "load_predictions", "score_events", "score_level",
]
