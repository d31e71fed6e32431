// Formatting of times, platforms and scores, shared by the list and the case view.

const PLATFORM_NAMES = {
  x: 'X', mastodon: 'Mastodon', bluesky: 'Bluesky', reddit: 'Reddit',
  facebook: 'Facebook', instagram: 'Instagram', threads: 'Threads', sandbox: 'Sandbox',
};

export const platformName = (code) => PLATFORM_NAMES[code] || code || 'unknown';

/** Compact age for lists: "now", "4m", "3h", "2d", then a date. */
export function age(iso, now = Date.now()) {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 45) return 'now';
  if (s < 3600) return `${Math.round(s / 60)}m`;
  if (s < 86400) return `${Math.round(s / 3600)}h`;
  if (s < 86400 * 14) return `${Math.round(s / 86400)}d`;
  return new Date(t).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

export function dateTime(iso) {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t).toLocaleString(undefined, {
    month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
  });
}

export function clock(iso) {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** Priority bands used for colour only; the number itself is always shown. */
export function priorityBand(value) {
  if (value >= 80) return 'critical';
  if (value >= 60) return 'high';
  if (value >= 35) return 'medium';
  return 'low';
}

export function compactNumber(n) {
  if (typeof n !== 'number') return '';
  return new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

/** "billing_dispute" → "billing dispute". */
export const humanize = (code) => String(code ?? '').replace(/[_.-]+/g, ' ');

export const signed = (n) => (n > 0 ? `+${n}` : String(n));

export const percent = (x) => (typeof x === 'number' ? `${Math.round(x * 100)}%` : '');
