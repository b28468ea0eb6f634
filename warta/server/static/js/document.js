// A document with one event's evidence highlighted. The text is split at every span
// boundary and each piece becomes a text node, wrapped in <mark> when some span covers
// it; nothing in the article is ever parsed as HTML.

import {QUADS, fmtScore, h} from "./dom.js";

const LAYERS = [  // [class, span field, what it shows]
  ["ev", "span", "evidence"],
  ["trig", "trigger", "trigger word"],
  ["src", "source_span", "source actor"],
  ["tgt", "target_span", "target actor"],
];

/** Offsets from the server count code points (Python); JavaScript strings count UTF-16 units. */
export function unitOffsets(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
  const units = [];
  let u = 0;
  for (const ch of text) { units.push(u); u += ch.length; }
  units.push(u);
  return (i) => units[Math.max(0, Math.min(i, units.length - 1))];
}

/** Nodes for `text` with `spans` ([start, end, className] in code points) marked. */
export function highlighted(text, spans) {
  const toUnit = unitOffsets(text);
  const ranges = spans.filter((sp) => sp && sp[0] !== null && sp[1] > sp[0])
    .map(([a, b, cls]) => [toUnit(a), toUnit(b), cls]);
  const cuts = new Set([0, text.length]);
  for (const [a, b] of ranges) { cuts.add(Math.min(a, text.length)); cuts.add(Math.min(b, text.length)); }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const classes = ranges.filter(([ra, rb]) => ra <= a && b <= rb).map((r) => r[2]);
    nodes.push(classes.length ? h("mark", {class: [...new Set(classes)].join(" ")}, piece) : document.createTextNode(piece));
  }
  return nodes;
}

function actor(code, name) {
  return h("span", {class: "actor"}, h("code", {}, code || "?"), name ? " " + name : "");
}

export function eventSummary(ev) {
  return h("div", {class: "event-card"},
    h("div", {class: "who"}, actor(ev.source, ev.source_name), h("span", {class: "arrow"}, " → "),
      actor(ev.target, ev.target_name)),
    h("div", {class: "what"}, h("span", {class: `quad q${ev.quad_class}`}, QUADS[ev.quad_class]?.short ?? ""),
      " ", h("code", {}, ev.code), " ", ev.name, " · Goldstein ", fmtScore(ev.goldstein),
      ev.plover ? " · " + ev.plover : ""),
    h("div", {class: "when"}, ev.date ? `${ev.date} (date: ${ev.date_source})` : "no date",
      ev.location ? ` · ${ev.location}` : "", ` · rule ${ev.rule}`,
      ev.reports > 1 ? ` · reported ${ev.reports} times in ${ev.articles} article${ev.articles > 1 ? "s" : ""}` : ""));
}

function safeUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch { return null; }
}

/** Fill `panel` with document `doc` (from /api/documents/...) and every report of `eventId` in it highlighted. */
export function renderDocument(panel, doc, eventId, {onEvent, onDocument, toldIn = []} = {}) {
  const ev = doc.events.find((e) => e.id === eventId) || doc.events[0];
  const mine = doc.events.filter((e) => ev && e.id === ev.id);
  const link = doc.url && safeUrl(doc.url);
  const meta = [doc.outlet, doc.published && doc.published.slice(0, 10), doc.lang, doc.id].filter(Boolean).join(" · ");
  const text = h("div", {class: "doc-text", id: "doc-text", lang: doc.lang || null},
    highlighted(doc.text, mine.flatMap((r) => LAYERS.map(([cls, field]) => r[field] && [r[field][0], r[field][1], cls]))));
  const elsewhere = [...new Map(toldIn.filter((t) => t.doc_id !== doc.id).map((t) => [t.doc_id, t])).values()];
  const others = [...new Map(doc.events.filter((e) => !ev || e.id !== ev.id).map((e) => [e.id, e])).values()];
  panel.replaceChildren(
    h("h3", {class: "doc-title"}, doc.title || doc.id),
    h("p", {class: "meta"}, meta, link ? [" · ", h("a", {href: link, rel: "noopener noreferrer", target: "_blank"}, "source")] : ""),
    ev ? eventSummary(ev) : h("p", {}, "This document has no events."),
    elsewhere.length ? h("p", {class: "elsewhere"}, "Also reported in: ", elsewhere.map((t, i) => [i ? ", " : "",
      h("button", {type: "button", class: "link", dataset: {docId: t.doc_id}, onclick: () => onDocument && onDocument(t.doc_id)},
        t.title || t.doc_id)])) : "",
    h("p", {class: "legend"}, LAYERS.map(([cls, , label]) => [h("mark", {class: cls}, label), " "])),
    text,
    others.length ? h("details", {class: "others"},
      h("summary", {}, `${others.length} other event${others.length > 1 ? "s" : ""} in this article`),
      h("ul", {}, others.map((o) => h("li", {},
        h("button", {type: "button", class: "link", dataset: {eventId: o.id}, onclick: () => onEvent && onEvent(o.id)},
          `${o.source || "?"} → ${o.target || "?"} · ${o.code} ${o.name}`), " ", h("q", {}, o.evidence))))) : "");
  const mark = text.querySelector("mark.ev");
  if (mark) text.scrollTop = Math.max(0, mark.offsetTop - text.offsetTop - text.clientHeight / 3);
  return ev;
}
