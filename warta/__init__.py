"""Warta: political event data from news, Indonesian first."""
from warta.api import CodeReport, Warta
from warta.model import Actor, Analysis, Document, Event, Mention, Sentence

__version__ = "0.1.0"
__all__ = ["Actor", "Analysis", "CodeReport", "Document", "Event", "Mention", "Sentence", "Warta", "__version__"]
