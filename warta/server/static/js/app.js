// The dashboard: state kept in the URL's #fragment (so a view can be bookmarked and
// shared), four panels wired to the REST API.

import {api, documentPath} from "./api.js";
import {$, fill, fmtNumber, h} from "./dom.js";
import {renderDocument} from "./document.js";
import {pageLabel, renderEvents} from "./events.js";
import {drawNetwork} from "./network.js";
import {drawTimeline, periodLabel, periodRange} from "./timeline.js";

const PAGE = 25;
const FILTERS = ["actor", "source", "target", "undirected", "code", "quad_class", "since", "until", "lang", "q", "sort"];
const DYAD = {ds: "", dt: "", directed: "", by: "month", count: "events", dsince: "", duntil: ""};

const state = {dyad: {...DYAD}, filters: {sort: "-date"}, offset: 0, event: null, period: null,
  level: "country", edges: "60"};

// -- the URL fragment ------------------------------------------------------------------

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  for (const k of Object.keys(DYAD)) if (p.has(k)) state.dyad[k] = p.get(k);
  for (const k of FILTERS) if (p.has(k)) state.filters[k] = p.get(k);
  state.offset = Math.max(0, parseInt(p.get("offset") || "0", 10) || 0);
  state.event = p.get("event");
}

function writeHash() {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(state.dyad)) if (v && v !== DYAD[k]) p.set(k, v);
  for (const [k, v] of Object.entries(state.filters)) if (v && !(k === "sort" && v === "-date")) p.set(k, v);
  if (state.offset) p.set("offset", state.offset);
  if (state.event) p.set("event", state.event);
  history.replaceState(null, "", "#" + p.toString());
}

// -- status line -----------------------------------------------------------------------

let pending = 0;
function busy(delta) {
  pending += delta;
  document.body.classList.toggle("loading", pending > 0);
}

function report(error) {
  fill($("#status"), error ? `Error: ${error.message}` : "");
  $("#status").classList.toggle("error", Boolean(error));
}

async function load(task) {
  busy(1);
  try {
    await task();
    report(null);
  } catch (error) {
    report(error);
  } finally {
    busy(-1);
  }
}

// -- panels ----------------------------------------------------------------------------

async function loadStats() {
  const st = await api("stats");
  const snap = st.snapshot;
  const range = st.first_date ? `${st.first_date} – ${st.last_date}` : "no dated events";
  const fresh = snap.writer_active ? ` · the store is being written: showing it as of ${snap.taken_at}` : "";
  fill($("#stats"), `${fmtNumber(st.documents)} articles · ${fmtNumber(st.events)} events · ${range}${fresh}`);
  const lang = $("#lang");
  fill(lang, h("option", {value: ""}, "any"), Object.keys(st.languages).map((l) => h("option", {value: l}, l)));
  lang.value = state.filters.lang || "";
}

async function loadActors() {
  const page = await api("actors", {limit: 500});
  fill($("#actor-codes"), page.actors.map((a) => h("option", {value: a.code, label: a.name || a.code})));
}

async function loadDyad() {
  const d = state.dyad;
  $("#dyad-source").value = d.ds;
  $("#dyad-target").value = d.dt;
  $("#dyad-directed").checked = d.directed === "1";
  $("#dyad-by").value = d.by;
  $("#dyad-count").value = d.count;
  $("#dyad-since").value = d.dsince;
  $("#dyad-until").value = d.duntil;
  if (!d.ds || !d.dt) {
    fill($("#dyad-title"), "Choose two actors");
    $("#timeline").replaceChildren();
    return;
  }
  const res = await api("dyads", {source: d.ds, target: d.dt, directed: d.directed === "1", by: d.by, count: d.count,
    since: d.dsince, until: d.duntil});
  const side = (codes) => codes.map((c) => (res.labels[c] ? `${c} (${res.labels[c]})` : c)).join(", ");
  fill($("#dyad-title"), `${side(res.source)} ${d.directed === "1" ? "→" : "↔"} ${side(res.target)}`);
  drawTimeline($("#timeline"), res.series, d.by, {selected: state.period, onSelect: (row) => selectPeriod(row),
    since: d.dsince, until: d.duntil});
  const total = res.series.reduce((n, r) => n + r.total, 0);
  const coop = res.series.reduce((n, r) => n + r.cooperation, 0), conf = res.series.reduce((n, r) => n + r.conflict, 0);
  fill($("#dyad-summary"), `${fmtNumber(total)} dated ${d.count} in ${res.series.length} ${d.by}s: ` +
    `${fmtNumber(coop)} cooperation, ${fmtNumber(conf)} conflict` +
    (res.undated ? `; ${fmtNumber(res.undated)} without a date are not drawn` : "") +
    ". Click a bar to list its events.");
}

function selectPeriod(row) {
  const [since, until] = periodRange(row.period, state.dyad.by);
  state.period = row.period;
  state.filters = {sort: state.filters.sort || "-date", source: state.dyad.ds, target: state.dyad.dt,
    undirected: state.dyad.directed === "1" ? "" : "1", since, until};
  state.offset = 0;
  for (const g of document.querySelectorAll("#timeline .period")) g.classList.toggle("selected", g.dataset.period === row.period);
  report(null);
  fill($("#status"), `Events of ${periodLabel(row.period, state.dyad.by)} between ${state.dyad.ds} and ${state.dyad.dt}`);
  load(loadEvents);
}

async function loadNetwork() {
  const net = await api("network", {level: state.level, limit: state.edges});
  drawNetwork($("#network"), net, {
    onNode: (node) => { state.filters = {sort: state.filters.sort, actor: node.id}; state.offset = 0; load(loadEvents); },
    onEdge: (edge) => {
      state.dyad = {...state.dyad, ds: edge.source, dt: edge.target, directed: ""};
      state.period = null;
      state.filters = {sort: state.filters.sort, source: edge.source, target: edge.target, undirected: "1"};
      state.offset = 0;
      load(loadDyad);
      load(loadEvents);
    },
  });
  return net;
}

function showFilters() {
  const form = $("#filters");
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === "checkbox") el.checked = Boolean(state.filters[el.name]);
    else el.value = state.filters[el.name] || (el.name === "sort" ? "-date" : "");
  }
  $("#q").value = state.filters.q || "";
}

async function loadEvents() {
  showFilters();
  writeHash();
  const f = state.filters;
  const page = await api("events", {...f, undirected: f.undirected ? "true" : "", limit: PAGE, offset: state.offset});
  renderEvents($("#events"), page, {selectedId: state.event, onSelect: (ev) => load(() => openEvent(ev.id, ev.doc_id))});
  fill($("#page-label"), pageLabel(page));
  $("#prev").disabled = state.offset === 0;
  $("#next").disabled = state.offset + page.events.length >= page.total;
}

async function openEvent(eventId, docId) {
  const detail = await api(`events/${encodeURIComponent(eventId)}`);
  docId = docId || detail.doc_id;
  const doc = await api(documentPath(docId));
  state.event = eventId;
  writeHash();
  for (const tr of document.querySelectorAll("#events tbody tr")) tr.classList.toggle("selected", tr.dataset.eventId === eventId);
  renderDocument($("#document"), doc, eventId, {
    toldIn: detail.told_in,
    onEvent: (id) => load(() => openEvent(id, docId)),
    onDocument: (other) => load(() => openEvent(eventId, other)),
  });
}

// -- controls --------------------------------------------------------------------------

function wire() {
  $("#dyad-form").addEventListener("submit", (e) => {
    e.preventDefault();
    state.dyad = {ds: $("#dyad-source").value.trim().toUpperCase(), dt: $("#dyad-target").value.trim().toUpperCase(),
      directed: $("#dyad-directed").checked ? "1" : "", by: $("#dyad-by").value, count: $("#dyad-count").value,
      dsince: $("#dyad-since").value, duntil: $("#dyad-until").value};
    state.period = null;
    writeHash();
    load(loadDyad);
  });
  for (const id of ["#dyad-by", "#dyad-count", "#dyad-directed", "#dyad-since", "#dyad-until"]) {
    $(id).addEventListener("change", () => $("#dyad-form").requestSubmit());
  }
  $("#dyad-swap").addEventListener("click", () => {
    [$("#dyad-source").value, $("#dyad-target").value] = [$("#dyad-target").value, $("#dyad-source").value];
    $("#dyad-form").requestSubmit();
  });
  $("#filters").addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(e.target);
    state.filters = {q: state.filters.q};
    for (const [k, v] of data.entries()) if (String(v).trim()) state.filters[k] = String(v).trim();
    state.offset = 0;
    load(loadEvents);
  });
  $("#reset").addEventListener("click", () => {
    state.filters = {sort: "-date"};
    state.offset = 0;
    state.period = null;
    load(loadEvents);
  });
  $("#search").addEventListener("submit", (e) => {
    e.preventDefault();
    state.filters = {...state.filters, q: $("#q").value.trim()};
    state.offset = 0;
    load(loadEvents);
  });
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); load(loadEvents); });
  $("#next").addEventListener("click", () => { state.offset += PAGE; load(loadEvents); });
  $("#network-level").addEventListener("change", (e) => { state.level = e.target.value; load(loadNetwork); });
  $("#network-limit").addEventListener("change", (e) => { state.edges = e.target.value; load(loadNetwork); });
}

async function start() {
  readHash();
  wire();
  await load(async () => {
    const [net] = await Promise.all([loadNetwork(), loadStats(), loadActors(), loadEvents()]);
    if (!state.dyad.ds && net.edges.length) {  // start with the busiest pair of actors
      state.dyad = {...state.dyad, ds: net.edges[0].source, dt: net.edges[0].target};
    }
    await loadDyad();
    if (state.event) await openEvent(state.event);
  });
  document.body.dataset.ready = "1";  // the end-to-end tests wait for this
}

start();
