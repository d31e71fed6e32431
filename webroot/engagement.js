// Engagement counts as text: likes, reposts, replies, and quotes and impressions only where the
// platform gives them (null there means "not given", never zero).
import { h } from './dom.js';

export function engagementCounts(e, testid) {
  if (!e) return null;
  return h('span', { class: 'engagement', testid },
    h('span', { title: 'likes' }, `♥ ${e.likes ?? 0}`),
    h('span', { title: 'reposts' }, `↻ ${e.reposts ?? 0}`),
    h('span', { title: 'replies' }, `↩ ${e.replies ?? 0}`),
    e.quotes != null && h('span', { title: 'quotes' }, `❝ ${e.quotes}`),
    e.impressions != null && h('span', { title: 'impressions' }, `👁 ${e.impressions}`));
}

export function engagementLine(e) {
  const parts = [`♥ ${e.likes ?? 0}`, `↻ ${e.reposts ?? 0}`, `↩ ${e.replies ?? 0}`];
  if (e.quotes != null) parts.push(`❝ ${e.quotes}`);
  if (e.impressions != null) parts.push(`👁 ${e.impressions}`);
  return parts.join(' ');
}
