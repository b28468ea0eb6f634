"""The web application: the REST API under /api and the dashboard at /.

    from warta.server import create_app
    app = create_app("warta.duckdb")        # serve with any ASGI server

Read-only: there is no endpoint that writes. The dashboard is static files in
this package (plain JavaScript and SVG, nothing fetched from elsewhere), and a
strict Content-Security-Policy forbids inline and foreign scripts, so text
from articles cannot run even if a bug rendered it as markup.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Iterable

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from warta.errors import StoreError
from warta.server.routes import router
from warta.server.snapshot import Snapshots, StoreBusy

STATIC = Path(__file__).with_name("static")
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")  # the names a Host header may give by default
MAX_URL = 4096  # characters of path and query string
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def _version() -> str:
    try:
        return version("warta")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0"


def host_name(header: str) -> str:
    """The name in a Host header, lower case, without port or final dot: "[::1]:8000" -> "::1"."""
    header = header.strip().lower()
    if header.startswith("["):  # an IPv6 address, maybe with a port after the bracket
        name = header[1:].split("]", 1)[0]
    else:
        name = header.rsplit(":", 1)[0] if header.count(":") == 1 else header
    return name.rstrip(".")


def create_app(db: str | Path, snapshot_dir: str | Path | None = None, interval: float = 1.0,
               cache_size: int = 256, allowed_hosts: Iterable[str] = LOCAL_HOSTS) -> FastAPI:
    """An app serving the store at `db`; nothing is opened until the first request or startup.

    `interval`: seconds between checks for a changed store; `cache_size`: aggregate answers
    remembered per snapshot (0: none). `allowed_hosts`: the names a request's Host header may
    give (any port); others are refused with 400, so a web page whose domain an attacker points
    at this machine (DNS rebinding) cannot read the store through a visitor's browser. "*"
    allows every name."""
    allowed = frozenset(host_name(h) for h in allowed_hosts)
    snapshots = Snapshots(db, workdir=snapshot_dir, interval=interval, cache_size=cache_size)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        snapshots.start()
        try:
            yield
        finally:
            snapshots.close()

    app = FastAPI(title="Warta", version=_version(), lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Political event data coded from news: events, dyads over time, actors, networks, "
                              "and the documents with the evidence of each event.")
    app.state.snapshots = snapshots
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if "*" not in allowed and host_name(request.headers.get("host", "")) not in allowed:
            return JSONResponse({"detail": "this server does not answer to the host name in the request "
                                           "(warta serve --allow-host NAME lets it)"}, status_code=400)
        if len(request.url.path) + len(request.url.query) > MAX_URL:
            return JSONResponse({"detail": f"the request URL is longer than {MAX_URL} characters"}, status_code=414)
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy):
        return JSONResponse({"detail": exc.message}, status_code=503, headers={"Retry-After": "2"})

    @app.exception_handler(StoreError)
    async def no_store(request: Request, exc: StoreError):
        return JSONResponse({"detail": exc.message}, status_code=503)

    return app
