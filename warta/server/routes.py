"""The REST API under /api: read-only, every parameter checked, every answer bounded."""
from __future__ import annotations

from typing import Iterator, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from warta.analysis.dyads import MAX_TOP, DyadQuery, dyad_series, undated_count
from warta.analysis.network import MAX_EDGES, actor_label, network
from warta.query import EventQuery
from warta.server import queries
from warta.server.queries import MAX_LIMIT, SORTS
from warta.server.snapshot import Reader

router = APIRouter(prefix="/api")

CODES = "comma-separated CAMEO actor codes; a code matches itself and every code it begins (IRN: all of Iran)"
MAX_OFFSET = 100_000  # deeper than this, narrow the filters (or export with `warta events`)


class BadQuery(HTTPException):
    def __init__(self, message: str):
        super().__init__(status_code=400, detail=message)


def reader(request: Request) -> Iterator[Reader]:
    """The server's snapshot of the store, for one request."""
    with request.app.state.snapshots.lease() as db:
        yield db


def common_filters(
    country: str | None = Query(None, max_length=100, description="either side's country, ISO3 (IRN,RUS)"),
    sector: str | None = Query(None, max_length=100, description="either side's sector (GOV, MIL, ...)"),
    code: str | None = Query(None, max_length=100, description="CAMEO code prefixes: 05 = 050-057"),
    root: str | None = Query(None, max_length=100, description="CAMEO roots, two digits each"),
    quad_class: str | None = Query(None, max_length=20, description="1 verbal coop, 2 material coop, "
                                                                    "3 verbal conflict, 4 material conflict"),
    since: str | None = Query(None, max_length=10, description="first day, YYYY-MM-DD"),
    until: str | None = Query(None, max_length=10, description="last day, YYYY-MM-DD"),
    lang: str | None = Query(None, max_length=50, description="language of the article (id, en)"),
    q: str | None = Query(None, max_length=200, description="words in the evidence (case-insensitive)"),
) -> dict:
    return dict(country=country, sector=sector, code=code, root=root, quad_class=quad_class, since=since,
                until=until, lang=lang, q=q)


def _found(value: dict | None, what: str) -> dict:
    if value is None:
        raise HTTPException(404, f"no {what}")
    return value


def _query(**raw) -> EventQuery:
    try:
        return EventQuery.parse(**raw)
    except ValueError as exc:
        raise BadQuery(str(exc)) from None


@router.get("/stats", summary="Totals, date range, and how fresh the server's snapshot is")
def get_stats(request: Request, db: Reader = Depends(reader)) -> dict:
    return {**db.memo("stats", lambda: queries.stats(db.con)), "snapshot": request.app.state.snapshots.info()}


@router.get("/events", summary="A page of events matching the filters, with the total count")
def get_events(
    filters: dict = Depends(common_filters),
    actor: str | None = Query(None, max_length=200, description=f"either side: {CODES}"),
    source: str | None = Query(None, max_length=200, description=f"source actor: {CODES}"),
    target: str | None = Query(None, max_length=200, description=f"target actor: {CODES}"),
    undirected: bool = Query(False, description="source and target may also be the other way round"),
    doc: str | None = Query(None, max_length=500, description="only events of this document"),
    limit: int = Query(50, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    sort: Literal[tuple(SORTS)] = Query("-date"),  # type: ignore[valid-type]
    db: Reader = Depends(reader),
) -> dict:
    query = _query(actor=actor, source=source, target=target, undirected=undirected, doc=doc, **filters)
    return queries.events_page(db.con, query, limit=limit, offset=offset, sort=sort)


@router.get("/events/{event_id}", summary="One event, with its sentence")
def get_event(event_id: str = Path(..., max_length=64), db: Reader = Depends(reader)) -> dict:
    return _found(queries.event(db.con, event_id), f"event {event_id!r}")


@router.get("/dyads", summary="A dyad's series: events per period by quad class, Goldstein, top codes")
def get_dyads(
    source: str = Query(..., max_length=200, description=f"one side: {CODES}"),
    target: str = Query(..., max_length=200, description=f"the other side: {CODES}"),
    directed: bool = Query(True, description="false: count events both ways"),
    by: Literal["day", "week", "month", "year"] = Query("month"),
    count: Literal["events", "reports"] = Query("events"),
    top: int = Query(3, ge=0, le=MAX_TOP, description="most frequent event codes listed per period"),
    filters: dict = Depends(common_filters),
    db: Reader = Depends(reader),
) -> dict:
    query = _query(source=source, target=target, undirected=not directed, **filters)
    try:
        dyad = DyadQuery(query, by=by, count=count, top=top)
    except ValueError as exc:
        raise BadQuery(str(exc)) from None
    return db.memo(("dyads", dyad), lambda: {
        "source": list(query.source), "target": list(query.target),
        "labels": {code: actor_label(code) for code in query.source + query.target},
        "directed": directed, "by": by, "count": count,
        "undated": undated_count(db.con, query), "series": dyad_series(db.con, dyad).to_pylist()})


@router.get("/actors", summary="Actors with how often each is source and target")
def get_actors(
    q: str | None = Query(None, pattern="^[A-Za-z0-9]{1,24}$", description="actor code prefix (IRN)"),
    limit: int = Query(100, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    db: Reader = Depends(reader),
) -> dict:
    prefix = q.upper() if q else None
    return db.memo(("actors", prefix, limit, offset), lambda: queries.actors(db.con, prefix, limit=limit, offset=offset))


@router.get("/documents/{doc_id:path}", summary="A document's text and its events with their spans")
def get_document(doc_id: str = Path(..., max_length=500), db: Reader = Depends(reader)) -> dict:
    return _found(queries.document(db.con, doc_id), f"document {doc_id!r}")


@router.get("/network", summary="Actors as nodes, edges weighted by cooperation, conflict and Goldstein")
def get_network(
    actor: str | None = Query(None, max_length=200, description=f"only events involving: {CODES}"),
    level: Literal["country", "actor"] = Query("country"),
    directed: bool = Query(False),
    count: Literal["events", "reports"] = Query("events"),
    limit: int = Query(60, ge=1, le=MAX_EDGES, description="the heaviest edges kept"),
    filters: dict = Depends(common_filters),
    db: Reader = Depends(reader),
) -> dict:
    query = _query(actor=actor, **filters)

    def compute() -> dict:
        net = network(db.con, query, level=level, directed=directed, count=count, limit=limit)
        return {"level": level, "directed": directed, "count": count,
                "nodes": net["nodes"].to_pylist(), "edges": net["edges"].to_pylist()}

    return db.memo(("network", query, level, directed, count, limit), compute)

