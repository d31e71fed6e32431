// Working the open case: its tags (free, with the admins' defined tags offered first and shown in
// their colour) and its snooze. Changes go through onPatch(patch), the case view's PATCH.
import { api } from './api.js';
import { h } from './dom.js';
import { dateTime } from './format.js';

const HOUR = 3600 * 1000;

/** Snooze choices: label → the time it ends, from now. */
function snoozeChoices(now = new Date()) {
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(9, 0, 0, 0);
  const nextWeek = new Date(tomorrow);
  nextWeek.setDate(nextWeek.getDate() + ((8 - nextWeek.getDay()) % 7 || 7) - 1);
  return [['1 hour', new Date(now.getTime() + HOUR)], ['4 hours', new Date(now.getTime() + 4 * HOUR)],
    ['Tomorrow 9:00', tomorrow], ['Next Monday 9:00', nextWeek]];
}

export function createCaseTools({ canWrite, onPatch }) {
  let defined = new Map(); // name → { name, color, description }

  async function loadDefined() {
    try {
      const list = await api.tags();
      defined = new Map((list.items || []).map((t) => [t.name, t]));
    } catch {
      defined = new Map(); // free tags still work
    }
  }

  function chip(tag, c) {
    const d = defined.get(tag);
    return h('span', { class: 'chip tag', testid: 'case-tag', title: d?.description || 'free tag',
      style: d ? { borderColor: d.color, color: d.color } : {} }, tag,
    canWrite && h('button', { type: 'button', class: 'link', testid: 'tag-remove', 'aria-label': `remove ${tag}`,
      on: { click: () => onPatch({ tags: c.tags.filter((t) => t !== tag) }) } }, '×'));
  }

  function tagEditor(c) {
    const tags = c.tags || [];
    const input = h('input', { class: 'tag-input', testid: 'tag-input', list: 'defined-tags', placeholder: 'add a tag',
      'aria-label': 'Add a tag', maxlength: '32' });
    const options = h('datalist', { id: 'defined-tags' },
      [...defined.values()].filter((t) => !tags.includes(t.name)).map((t) => h('option', { value: t.name }, t.description)));
    const addTag = (e) => {
      e.preventDefault();
      const tag = input.value.trim().toLowerCase();
      if (tag && !tags.includes(tag)) onPatch({ tags: [...tags, tag] });
    };
    return h('div', { class: 'kv' }, h('div', { class: 'kv-label' }, 'Tags'),
      h('div', { class: 'chips', testid: 'case-tags' }, tags.length ? tags.map((t) => chip(t, c)) : h('span', { class: 'muted' }, 'none')),
      canWrite && h('form', { class: 'tag-form', on: { submit: addTag } }, input, options,
        h('button', { type: 'submit', class: 'btn small', testid: 'tag-add' }, 'Add')));
  }

  function snoozer(c) {
    if (c.snoozedUntil) {
      return h('div', { class: 'kv' }, h('div', { class: 'kv-label' }, 'Snoozed'),
        h('span', { testid: 'snoozed-until' }, `until ${dateTime(c.snoozedUntil)}`),
        canWrite && h('button', { type: 'button', class: 'btn small', testid: 'snooze-end',
          on: { click: () => onPatch({ snoozedUntil: null }) } }, 'Wake now'));
    }
    if (!canWrite || c.status === 'resolved') return null;
    const select = h('select', { testid: 'snooze-select', 'aria-label': 'Snooze until', 'data-action': 'snooze' },
      snoozeChoices().map(([label, at]) => h('option', { value: at.toISOString() }, label)));
    return h('div', { class: 'kv' }, h('div', { class: 'kv-label' }, 'Snooze'),
      h('div', { class: 'snooze' }, select, h('button', { type: 'button', class: 'btn small', testid: 'snooze-apply',
        on: { click: () => onPatch({ snoozedUntil: select.value }) } }, 'Snooze')));
  }

  return {
    loadDefined,
    /** The panel for case c: tags and snooze. */
    panel: (c) => h('section', { class: 'panel', testid: 'case-tools' }, h('h3', { class: 'panel-title' }, 'Working the case'),
      tagEditor(c), snoozer(c)),
  };
}
