// Building the page from data. Every string from the API (article text, titles, names,
// evidence) goes into the page as a text node or an attribute value, never as markup:
// this module has no innerHTML, outerHTML, insertAdjacentHTML or document.write, and
// neither does any other file of the dashboard (a test checks).

const SVG_NS = "http://www.w3.org/2000/svg";

function build(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) {
      if (typeof value !== "function") throw new TypeError(`${key} must be a function`);
      el.addEventListener(key.slice(2), value);
    } else if (key === "dataset") {
      Object.assign(el.dataset, value);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: h("td", {class: "x"}, "text", otherNode). */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element, same shape as h(). */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Replace everything inside `el` with `children`. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export const $ = (selector, root = document) => root.querySelector(selector);

export const QUADS = {
  1: {name: "verbal cooperation", short: "verbal coop", key: "verbal_coop"},
  2: {name: "material cooperation", short: "material coop", key: "material_coop"},
  3: {name: "verbal conflict", short: "verbal conflict", key: "verbal_conflict"},
  4: {name: "material conflict", short: "material conflict", key: "material_conflict"},
};

export function fmtNumber(n) {
  return n === null || n === undefined ? "" : Number(n).toLocaleString("en");
}

export function fmtScore(n) {
  if (n === null || n === undefined) return "";
  return (n > 0 ? "+" : "") + Number(n).toFixed(1);
}
