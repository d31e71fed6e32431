// Selecting inbox rows and acting on all of them at once: resolve, tag, snooze, assign to me, spam.
// The hub answers per case; the good ones land even when others fail, and the bar says which failed.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';

const DAY = 24 * 3600 * 1000;

export function createBulk({ canWrite }) {
  const selected = new Set();
  const count = h('span', { class: 'bulk-count', testid: 'bulk-count' });
  const result = h('div', { class: 'bulk-result', testid: 'bulk-result', role: 'status' });
  const tagInput = h('input', { class: 'tag-input', testid: 'bulk-tag-input', placeholder: 'tag', 'aria-label': 'Tag to add', maxlength: '32' });
  const boxes = new Map(); // case id → its checkbox, while shown

  const button = (label, testid, run) => h('button', { type: 'button', class: 'btn small', testid, on: { click: run } }, label);
  const bar = h('div', { class: 'bulk-bar', testid: 'bulk-bar', hidden: true },
    count,
    button('Resolve', 'bulk-resolve', () => run('resolve')),
    button('Assign to me', 'bulk-assign', () => run('assign', 'me')),
    button('Snooze 1 day', 'bulk-snooze', () => run('snooze', new Date(Date.now() + DAY).toISOString())),
    tagInput, button('Tag', 'bulk-tag', () => tagInput.value.trim() && run('tag', tagInput.value.trim())),
    button('Spam', 'bulk-spam', () => run('spam')),
    button('Clear', 'bulk-clear', () => clear()),
    result);

  function refresh() {
    bar.hidden = selected.size === 0 && !result.textContent;
    count.textContent = `${selected.size} selected`;
    for (const [id, box] of boxes) box.checked = selected.has(id);
  }

  function clear() {
    selected.clear();
    result.textContent = '';
    refresh();
  }

  async function run(action, value) {
    const ids = [...selected];
    if (!ids.length) return;
    try {
      const answer = await api.bulk(ids, action, value);
      const failed = (answer.items || []).filter((i) => !i.ok);
      for (const item of answer.items || []) if (item.ok) selected.delete(item.id);
      replaceChildren(result, `${answer.succeeded} done`, failed.length > 0 && `, ${failed.length} failed: `,
        failed.map((f) => h('span', { class: 'error-text', testid: 'bulk-failure' }, `${f.id}: ${f.message} `)));
    } catch (err) {
      replaceChildren(result, h('span', { class: 'error-text' }, err.message));
    }
    refresh();
  }

  return {
    bar,
    /** The checkbox of a row; clicking it selects without opening the case. */
    checkbox(id) {
      if (!canWrite) return null;
      const box = h('input', { type: 'checkbox', class: 'case-select', testid: 'case-select', checked: selected.has(id),
        'aria-label': 'Select this case', on: {
          click: (e) => e.stopPropagation(),
          keydown: (e) => e.stopPropagation(),
          change: () => { if (box.checked) selected.add(id); else selected.delete(id); result.textContent = ''; refresh(); },
        } });
      boxes.set(id, box);
      return box;
    },
    forget(id) {
      boxes.delete(id);
    },
  };
}
