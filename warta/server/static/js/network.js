// The actor network: a small force-directed layout computed here (deterministic, no
// library), drawn as SVG. Edge colour runs from conflict (red) to cooperation (green),
// edge width grows with the number of events.

import {fmtNumber, fmtScore, s} from "./dom.js";

const W = 520, H = 420, PAD = 46;

function layout(nodes, edges) {
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  // start on a circle, heaviest first: the same data always gives the same picture
  const pos = nodes.map((_, i) => [Math.cos((2 * Math.PI * i) / n), Math.sin((2 * Math.PI * i) / n)]);
  if (n < 3) return pos.map(([px, py]) => [px, py * 0.3]);
  const k = Math.sqrt(4 / n);
  const maxW = Math.max(...edges.map((e) => e.total));
  let temp = 0.2;
  for (let iter = 0; iter < 300; iter++) {
    const disp = pos.map(() => [0, 0]);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i][0] - pos[j][0], dy = pos[i][1] - pos[j][1];
        const d = Math.max(Math.hypot(dx, dy), 0.01), f = (k * k) / d;
        disp[i][0] += (dx / d) * f; disp[i][1] += (dy / d) * f;
        disp[j][0] -= (dx / d) * f; disp[j][1] -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const i = index.get(e.source), j = index.get(e.target);
      const dx = pos[i][0] - pos[j][0], dy = pos[i][1] - pos[j][1];
      const d = Math.max(Math.hypot(dx, dy), 0.01);
      const f = ((d * d) / k) * (0.5 + Math.log1p(e.total) / Math.log1p(maxW));
      disp[i][0] -= (dx / d) * f; disp[i][1] -= (dy / d) * f;
      disp[j][0] += (dx / d) * f; disp[j][1] += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      const d = Math.max(Math.hypot(...disp[i]), 0.01), step = Math.min(d, temp);
      pos[i][0] += (disp[i][0] / d) * step - pos[i][0] * 0.01;  // a weak pull to the centre
      pos[i][1] += (disp[i][1] / d) * step - pos[i][1] * 0.01;
    }
    temp *= 0.985;
  }
  return pos;
}

function edgeColour(e) {
  const share = e.cooperation / Math.max(1, e.cooperation + e.conflict);  // 0 conflict .. 1 cooperation
  const lerp = (a, b, t) => Math.round(a + (b - a) * t);
  const [from, to, t] = share < 0.5 ? [[203, 24, 29], [150, 150, 150], share * 2] : [[150, 150, 150], [35, 139, 69], share * 2 - 1];
  return `rgb(${lerp(from[0], to[0], t)}, ${lerp(from[1], to[1], t)}, ${lerp(from[2], to[2], t)})`;
}

/** Draw /api/network's answer into an <svg>; onNode(node) and onEdge(edge) on clicks. */
export function drawNetwork(svg, net, {onNode, onEdge} = {}) {
  svg.replaceChildren();
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const {nodes, edges} = net;
  if (!nodes.length) {
    svg.append(s("text", {x: W / 2, y: H / 2, "text-anchor": "middle", class: "empty"}, "No events between actors"));
    return;
  }
  const raw = layout(nodes, edges);
  const xs = raw.map((p) => p[0]), ys = raw.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (v) => PAD + ((v - x0) / Math.max(x1 - x0, 1e-6)) * (W - 2 * PAD);
  const sy = (v) => PAD + ((v - y0) / Math.max(y1 - y0, 1e-6)) * (H - 2 * PAD);
  const at = new Map(nodes.map((node, i) => [node.id, [sx(raw[i][0]), sy(raw[i][1])]]));
  const maxEdge = Math.max(...edges.map((e) => e.total)), maxNode = Math.max(...nodes.map((nd) => nd.total));

  const edgeLayer = s("g", {class: "edges"});
  for (const e of edges) {
    const [ax, ay] = at.get(e.source), [bx, by] = at.get(e.target);
    const label = `${e.source} – ${e.target}: ${fmtNumber(e.total)} events, ${fmtNumber(e.cooperation)} cooperation, ` +
      `${fmtNumber(e.conflict)} conflict, Goldstein mean ${fmtScore(e.goldstein_mean)}`;
    const activate = () => onEdge && onEdge(e);
    edgeLayer.append(s("g", {
      class: "edge", tabindex: 0, role: "button", "aria-label": label, dataset: {source: e.source, target: e.target},
      onclick: activate, onkeydown: (ev) => { if (ev.key === "Enter") activate(); },
    }, s("title", {}, label),
    s("line", {x1: ax, y1: ay, x2: bx, y2: by, stroke: edgeColour(e), "stroke-width": 1.5 + (7 * e.total) / maxEdge}),
    s("line", {x1: ax, y1: ay, x2: bx, y2: by, class: "hit"}),
    s("text", {x: (ax + bx) / 2, y: (ay + by) / 2 - 4, "text-anchor": "middle", class: "count"}, fmtNumber(e.total))));
  }
  const nodeLayer = s("g", {class: "nodes"});
  for (const node of nodes) {
    const [cx, cy] = at.get(node.id);
    const r = 6 + 12 * Math.sqrt(node.total / maxNode);
    const label = `${node.id}${node.name ? " (" + node.name + ")" : ""}: ${fmtNumber(node.total)} events, ` +
      `${fmtNumber(node.cooperation)} cooperation, ${fmtNumber(node.conflict)} conflict`;
    const activate = () => onNode && onNode(node);
    nodeLayer.append(s("g", {
      class: "node", tabindex: 0, role: "button", "aria-label": label, dataset: {id: node.id},
      onclick: activate, onkeydown: (ev) => { if (ev.key === "Enter") activate(); },
    }, s("title", {}, label), s("circle", {cx, cy, r}),
    s("text", {x: cx, y: cy + r + 13, "text-anchor": "middle", class: "code"}, node.id),
    node.name ? s("text", {x: cx, y: cy + r + 25, "text-anchor": "middle", class: "name"}, node.name) : null));
  }
  svg.append(edgeLayer, nodeLayer);
}
