// The dyad timeline: cooperation above the line, conflict below, per period, and the
// mean Goldstein score (right axis, -10 to +10) as a line of dots.

import {QUADS, fmtNumber, fmtScore, s} from "./dom.js";

const DAY = 86400000;
const W = 760, H = 280, M = {top: 14, right: 58, bottom: 26, left: 58};
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export const parseDay = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
export const isoDay = (t) => new Date(t).toISOString().slice(0, 10);

/** The first and last day of the period starting on `period` (YYYY-MM-DD). */
export function periodRange(period, by) {
  const t = parseDay(period);
  const d = new Date(t);
  let end;
  if (by === "day") end = t;
  else if (by === "week") end = t + 6 * DAY;
  else if (by === "month") end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0);
  else end = Date.UTC(d.getUTCFullYear(), 11, 31);
  return [period, isoDay(end)];
}

export function periodLabel(period, by) {
  const d = new Date(parseDay(period));
  if (by === "year") return String(d.getUTCFullYear());
  if (by === "month") return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return (by === "week" ? "week of " : "") + period;
}

function niceStep(max, parts) {
  const raw = Math.max(max / parts, 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * mag).find((step) => step >= raw);
}

function timeTicks(t0, t1) {
  const years = (t1 - t0) / (365 * DAY);
  const d0 = new Date(t0);
  const ticks = [];
  if (years > 2) {
    const step = Math.ceil(years / 10);
    for (let y = d0.getUTCFullYear() + 1; Date.UTC(y, 0, 1) <= t1; y += step) {
      ticks.push([Date.UTC(y, 0, 1), String(y)]);
    }
  } else if ((t1 - t0) > 60 * DAY) {
    const step = Math.ceil((t1 - t0) / (30 * DAY) / 10);
    for (let m = d0.getUTCMonth() + 1, y = d0.getUTCFullYear(); Date.UTC(y, m, 1) <= t1; m += step) {
      const t = Date.UTC(y, m, 1);
      const d = new Date(t);
      ticks.push([t, `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`]);
    }
  } else {
    const step = Math.max(1, Math.ceil((t1 - t0) / DAY / 8));
    for (let t = Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth(), d0.getUTCDate() + 1); t <= t1; t += step * DAY) {
      const d = new Date(t);
      ticks.push([t, `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`]);
    }
  }
  return ticks;
}

function tooltip(row, by) {
  const parts = [`${periodLabel(row.period, by)}: ${fmtNumber(row.total)} events`];
  for (const q of [1, 2, 3, 4]) {
    if (row[QUADS[q].key]) parts.push(`${fmtNumber(row[QUADS[q].key])} ${QUADS[q].name}`);
  }
  parts.push(`Goldstein mean ${fmtScore(row.goldstein_mean)}, sum ${fmtScore(row.goldstein_sum)}`);
  if (row.top_codes.length) parts.push("top codes: " + row.top_codes.map((c) => `${c.code}×${c.count}`).join(", "));
  return parts.join("\n");
}

/** Draw `series` (rows of /api/dyads) into an <svg>; onSelect(row) when a period is clicked.
 *  `since`/`until` (YYYY-MM-DD), when given, fix the time axis instead of the data's extent. */
export function drawTimeline(svg, series, by, {onSelect, selected, since, until} = {}) {
  svg.replaceChildren();
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const plotW = W - M.left - M.right, plotH = H - M.top - M.bottom, mid = M.top + plotH / 2;
  if (!series.length) {
    svg.append(s("text", {x: W / 2, y: H / 2, "text-anchor": "middle", class: "empty"},
      "No dated events between these actors"));
    return;
  }
  const starts = series.map((r) => parseDay(r.period));
  const ends = series.map((r) => parseDay(periodRange(r.period, by)[1]) + DAY);
  const first = since ? Math.min(parseDay(since), ...starts) : Math.min(...starts);
  const last = until ? Math.max(parseDay(until) + DAY, ...ends) : Math.max(...ends);
  const pad = since || until ? 0 : Math.max((last - first) * 0.04, DAY);
  const t0 = first - pad, t1 = last + pad;
  const x = (t) => M.left + ((t - t0) / (t1 - t0)) * plotW;
  const maxCount = Math.max(1, ...series.map((r) => Math.max(r.cooperation, r.conflict)));
  const step = niceStep(maxCount, 2);
  const top = Math.ceil(maxCount / step) * step;
  const y = (v) => mid - (v / top) * (plotH / 2);
  const yg = (g) => mid - (g / 10) * (plotH / 2);

  const axes = s("g", {class: "axes"});
  for (let v = -top; v <= top; v += step) {
    axes.append(s("line", {x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: v === 0 ? "zero" : "grid"}),
      s("text", {x: M.left - 6, y: y(v) + 4, "text-anchor": "end"}, fmtNumber(Math.abs(v))));
  }
  for (const g of [-10, -5, 0, 5, 10]) {
    axes.append(s("text", {x: W - M.right + 6, y: yg(g) + 4, class: "goldstein-axis"}, g > 0 ? `+${g}` : String(g)));
  }
  for (const [t, label] of timeTicks(t0, t1)) {
    axes.append(s("line", {x1: x(t), x2: x(t), y1: H - M.bottom, y2: H - M.bottom + 4, class: "tick"}),
      s("text", {x: x(t), y: H - 8, "text-anchor": "middle"}, label));
  }
  const vertical = (label, cx, cy, cls = "") => s("text", {x: cx, y: cy, transform: `rotate(-90 ${cx} ${cy})`,
    "text-anchor": "middle", class: `axis-title ${cls}`}, label);
  axes.append(
    vertical("cooperation (events)", 12, M.top + plotH / 4),
    vertical("conflict (events)", 12, M.top + (3 * plotH) / 4),
    vertical("mean Goldstein", W - 8, mid, "goldstein-axis"));
  svg.append(axes);

  const bars = s("g", {class: "bars"});
  for (const row of series) {
    const [since] = periodRange(row.period, by);
    const start = parseDay(since), end = parseDay(periodRange(row.period, by)[1]) + DAY;
    const width = Math.max(3, Math.min(48, (x(end) - x(start)) * 0.85));
    const cx = (x(start) + x(end)) / 2, left = cx - width / 2;
    const g = s("g", {
      class: "period" + (selected === row.period ? " selected" : ""), tabindex: 0, role: "button",
      "aria-label": tooltip(row, by).replaceAll("\n", "; "), dataset: {period: row.period},
      onclick: () => onSelect && onSelect(row),
      onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); onSelect && onSelect(row); } },
    }, s("title", {}, tooltip(row, by)));
    const hit = Math.max(width, Math.min(width + 6, x(end) - x(start)));  // never over a neighbour's bar
    g.append(s("rect", {x: cx - hit / 2, y: M.top, width: hit, height: plotH, class: "hit"}));
    let up = 0, down = 0;
    for (const q of [1, 2]) {
      const n = row[QUADS[q].key];
      if (n) g.append(s("rect", {x: left, width, y: y(up + n), height: y(up) - y(up + n), class: `q${q}`}));
      up += n;
    }
    for (const q of [3, 4]) {
      const n = row[QUADS[q].key];
      if (n) g.append(s("rect", {x: left, width, y: y(-down), height: y(-down - n) - y(-down), class: `q${q}`}));
      down += n;
    }
    bars.append(g);
  }
  svg.append(bars);

  const points = series.filter((r) => r.goldstein_mean !== null).map((r) => {
    const [a, b] = periodRange(r.period, by);
    return [(x(parseDay(a)) + x(parseDay(b) + DAY)) / 2, yg(r.goldstein_mean), r];
  });
  const line = s("g", {class: "goldstein"});
  if (points.length > 1) line.append(s("polyline", {points: points.map(([px, py]) => `${px},${py}`).join(" ")}));
  for (const [px, py, r] of points) {
    line.append(s("circle", {cx: px, cy: py, r: 3.5},
      s("title", {}, `${periodLabel(r.period, by)}: Goldstein mean ${fmtScore(r.goldstein_mean)}`)));
  }
  svg.append(line);
}
