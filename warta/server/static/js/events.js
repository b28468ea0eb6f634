// The event table: one row per event; a row opens its document with the evidence marked.

import {QUADS, fmtNumber, fmtScore, h} from "./dom.js";

function actorsCell(ev) {
  const names = `${ev.source_name || "?"} → ${ev.target_name || "?"}`;
  return h("td", {class: "actors"},
    h("span", {class: "codes"}, h("code", {}, ev.source || "?"), " → ", h("code", {}, ev.target || "?")),
    h("small", {class: "names", title: names}, names));
}

export function renderEvents(table, page, {selectedId, onSelect} = {}) {
  const body = page.events.map((ev) => {
    const open = () => onSelect && onSelect(ev);
    return h("tr", {
      tabindex: 0, class: ev.id === selectedId ? "selected" : null, dataset: {eventId: ev.id, code: ev.code, source: ev.source || "", target: ev.target || ""},
      onclick: open, onkeydown: (e) => { if (e.key === "Enter") open(); },
    },
    h("td", {class: "date"}, ev.date || "—"),
    actorsCell(ev),
    h("td", {class: "code"}, h("code", {}, ev.code), h("small", {}, ev.name)),
    h("td", {}, h("span", {class: `quad q${ev.quad_class}`, title: QUADS[ev.quad_class]?.name}, QUADS[ev.quad_class]?.short)),
    h("td", {class: "num"}, fmtScore(ev.goldstein)),
    h("td", {class: "evidence"}, ev.evidence));
  });
  table.replaceChildren(
    h("thead", {}, h("tr", {}, ["Date", "Source → target", "Event", "Quad class", "Goldstein", "Evidence"]
      .map((c) => h("th", {scope: "col"}, c)))),
    h("tbody", {}, body.length ? body : h("tr", {}, h("td", {colspan: 6, class: "empty"}, "No events match these filters."))));
}

export function pageLabel(page) {
  if (!page.total) return "No events";
  const last = Math.min(page.offset + page.events.length, page.total);
  return `${fmtNumber(page.offset + 1)}–${fmtNumber(last)} of ${fmtNumber(page.total)} events`;
}
