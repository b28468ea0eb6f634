"""`warta serve`: the REST API and the web dashboard over a store."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from warta.commands.options import DB, err, fail
from warta.errors import no_store
WILDCARDS = ("0.0.0.0", "::", "")  # --host values that name no one host


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: Path = DB,
        host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every interface)."),
        port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
        snapshot_dir: Optional[Path] = typer.Option(
            None, "--snapshot-dir", help="Where the server keeps its copy of the store (default: a temporary folder)."),
        refresh: float = typer.Option(1.0, "--refresh", min=0.1,
                                      help="Seconds between checks for a changed store."),
        allow_host: List[str] = typer.Option(
            [], "--allow-host", help="A host name (or address) browsers may reach the server by, besides "
            "localhost, 127.0.0.1, [::1] and --host; repeatable; * allows any (no DNS-rebinding guard)."),
    ):
        """Serve the REST API (/api, described at /openapi.json) and the dashboard (/), read-only."""
        import uvicorn

        from warta.server import create_app
        from warta.server.app import LOCAL_HOSTS

        if not db.exists():
            fail(no_store(db))
        allowed = [*LOCAL_HOSTS, *allow_host]
        if host not in WILDCARDS:
            allowed.append(host)
        elif not allow_host:
            err.print(f"note: listening on every interface, but answering only to {', '.join(LOCAL_HOSTS)}: "
                      "name the machine with --allow-host", highlight=False)
        app_ = create_app(db, snapshot_dir=snapshot_dir, interval=refresh, allowed_hosts=allowed)
        err.print(f"Warta dashboard on http://{host}:{port}/  (store {db}; Ctrl+C stops)", highlight=False)
        uvicorn.run(app_, host=host, port=port, log_level="warning", h11_max_incomplete_event_size=16 * 1024)
