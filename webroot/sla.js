// SLA countdowns and live alerts. A case's `sla` (docs/EVENTS.md) carries the due time of its next
// target, already computed in the brand's business time; the badge counts down to that instant
// every second and turns warning / breached on its own, so rows change colour without an event.
import { h } from './dom.js';
import { EVENTS } from './vocabulary.js';
import { businessBetween, openAt } from './business-time.js';

const TARGETS = { first_response: 'first response', next_response: 'next response', resolution: 'resolution' };
const KINDS = { firstResponse: 'first_response', nextResponse: 'next_response', resolution: 'resolution' };
const ALERT_MS = 20000;
let brands = new Map(); // brand id → its entry of the SLA policy (hours, holidays, time zone)

/** The policy in force (GET /policies/sla), so countdowns count business time. */
export function setSlaPolicy(policy) {
  brands = new Map((policy?.brands || []).map((b) => [b.brand, b]));
}

/** "4m 05s", "2h 10m", "3d 4h": short enough for a row. */
export function span(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  const d = Math.floor(s / 86400); const hr = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60); const sec = s % 60;
  if (d) return `${d}d ${hr}h`;
  if (hr) return `${hr}h ${String(m).padStart(2, '0')}m`;
  return `${m}m ${String(sec).padStart(2, '0')}s`;
}

/** The earliest warning time among running targets (null when none). */
function warnAt(sla) {
  const times = Object.keys(KINDS).map((k) => sla[k]).filter((t) => t && !t.metAt && t.warnAt).map((t) => Date.parse(t.warnAt));
  return times.length ? new Date(Math.min(...times)).toISOString() : '';
}

/**
 * The state and text of a clock as of now: a stored ok/warning turns on its own as its times pass.
 * Time left is business time when the brand's hours are known (it stands still after hours).
 */
export function slaNow(state, due, warn, brand, now = Date.now()) {
  if (state === 'paused') return { state, text: 'SLA paused' };
  if (state === 'met' || !due) return { state: 'met', text: 'SLA met' };
  const dueMs = Date.parse(due);
  const sla = brands.get(brand);
  const left = sla ? businessBetween(now, dueMs, sla) : dueMs - now;
  const closed = sla && dueMs > now && !openAt(now, sla) ? ' · after hours' : '';
  if (dueMs <= now || state === 'breached') {
    return { state: 'breached', text: dueMs <= now ? `SLA breached ${span(now - dueMs)} ago` : `SLA breached · ${span(left)} left` };
  }
  const warning = state === 'warning' || (warn && Date.parse(warn) <= now);
  return { state: warning ? 'warning' : 'ok', text: `SLA ${span(left)} left${closed}` };
}

function paint(el) {
  const { state, text } = slaNow(el.dataset.slaState, el.dataset.slaDue, el.dataset.slaWarn, el.dataset.brand);
  el.textContent = text;
  el.className = `chip sla sla-${state}`;
  el.dataset.state = state;
}

/** The badge of a row or a case header; null for a case no SLA covers. */
export function slaBadge(sla, brand, testid = 'case-sla') {
  if (!sla) return null;
  const el = h('span', {
    testid,
    title: sla.dueAt ? `next SLA target due ${new Date(sla.dueAt).toLocaleString()} ` : 'SLA',
    dataset: { slaState: sla.state, slaDue: sla.dueAt || '', slaWarn: warnAt(sla), band: sla.band || '', brand: brand || '' },
  });
  paint(el);
  return el;
}

/** Every target of the case view: when it is due, was met, or how long it has left while paused. */
export function slaTargets(sla, brand) {
  if (!sla) return null;
  const lines = Object.entries(KINDS).filter(([k]) => sla[k]).map(([k, code]) => {
    const t = sla[k];
    let text;
    if (t.metAt) text = `met ${new Date(t.metAt).toLocaleString()}${t.breached ? ' (late)' : ''}`;
    else if (t.leftSeconds != null) text = `paused, ${span(t.leftSeconds * 1000)} of business time left`;
    else if (t.dueAt) text = `due ${new Date(t.dueAt).toLocaleString()}${t.breached ? ' (breached)' : ''}`;
    else text = 'not owed';
    return h('li', { testid: 'sla-target', dataset: { target: code } }, `${TARGETS[code]} (${t.minutes} min): ${text}`);
  });
  return h('div', { class: 'sla-targets', testid: 'case-sla-targets' }, slaBadge(sla, brand, 'case-view-sla'),
    h('span', { class: 'muted' }, ` band ${sla.band}`), h('ul', {}, lines));
}

/** Repaints every badge once a second; answers a stop function. */
export function startSlaTicker(root = document) {
  const timer = setInterval(() => root.querySelectorAll('[data-sla-due]').forEach(paint), 1000);
  return () => clearInterval(timer);
}

function alertsBox() {
  let box = document.getElementById('sla-alerts');
  if (!box) {
    box = h('div', { id: 'sla-alerts', class: 'sla-alerts', testid: 'sla-alerts', role: 'status', 'aria-live': 'assertive' });
    document.body.append(box);
  }
  return box;
}

/**
 * A live warning or breach as a toast for the case's assignee (everyone who works cases when nobody
 * has it). Answers whether it was shown; onOpen(caseId) opens the case.
 */
export function showSlaAlert(type, data, { me, onOpen }) {
  const c = data.case;
  if (!c || (type !== EVENTS.caseSlaWarning && type !== EVENTS.caseSlaBreached)) return false;
  const works = (me.roles || []).some((r) => r !== 'marketer');
  if (c.assignee ? c.assignee !== me.username : !works) return false;
  const breach = type === EVENTS.caseSlaBreached;
  const what = TARGETS[data.target] || data.target;
  const text = breach ? `SLA breached: ${what} for @${c.customer?.handle ?? 'unknown'} was due ${new Date(data.dueAt).toLocaleTimeString()}`
    : `SLA warning: ${what} for @${c.customer?.handle ?? 'unknown'} due ${new Date(data.dueAt).toLocaleTimeString()}`;
  const toast = h('div', { class: ['sla-alert', breach ? 'sla-breached' : 'sla-warning'], testid: 'sla-alert',
    dataset: { caseId: c.id, kind: breach ? 'breached' : 'warning', target: data.target || '' } },
  h('button', { type: 'button', class: 'link', on: { click: () => { onOpen(c.id); toast.remove(); } } }, text),
  h('button', { type: 'button', class: 'btn ghost small', 'aria-label': 'dismiss', on: { click: () => toast.remove() } }, '×'));
  alertsBox().append(toast);
  setTimeout(() => toast.remove(), ALERT_MS);
  return true;
}
