// Tiny DOM helpers. Every piece of user or platform text goes in through text nodes:
// nothing in the dashboard assigns innerHTML, so hostile mention text renders as text.

/**
 * Builds an element. attrs: plain attributes, plus `class`, `dataset` and `style` (objects), `on`
 * (event handlers) and boolean properties (`hidden`, `disabled`). Children: nodes, strings (become
 * text nodes), null/false (skipped) or arrays of those.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    // Through CSSOM, not a style attribute, so a strict Content-Security-Policy allows it.
    else if (key === 'style') Object.assign(el.style, value);
    else if (key === 'on') for (const [ev, fn] of Object.entries(value)) el.addEventListener(ev, fn);
    else if (key === 'hidden' || key === 'disabled' || key === 'checked' || key === 'selected') el[key] = Boolean(value);
    else if (key === 'testid') el.dataset.testid = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children (nodes, strings as text nodes, nested arrays); skips null and false. */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** Only http(s) links from platforms become hrefs; anything else (javascript:, data:) is dropped. */
export function safeHref(url) {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Adds a class for a moment so a changed element catches the eye, then removes it. */
export function flash(el, className = 'flash', ms = 1800) {
  el.classList.remove(className);
  void el.offsetWidth; // restart the CSS animation when the same row changes twice
  el.classList.add(className);
  setTimeout(() => el.classList.remove(className), ms);
}
