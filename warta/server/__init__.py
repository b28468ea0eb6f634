"""`warta serve`: the REST API and the web dashboard over a store."""
from warta.server.app import create_app

__all__ = ["create_app"]
