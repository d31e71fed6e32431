// The tag list page for admins (GET/PUT /tags): the defined tags agents are offered first on a
// case, each with a colour and a short description. Add, remove or rename rows, then save the
// whole list; a refusal names its row and field (tags[2].name) and is shown beside it. Renaming
// a tag changes what is offered from now on; cases already tagged keep the old text.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { clearErrors, errorSlot, showErrors } from './admin-fields.js';

const DEFAULT_COLOUR = '#6b7280';

function tagRow(tag, onRemove) {
  const name = h('input', { testid: 'tag-def-name', value: tag.name || '', maxlength: 32, required: true,
    placeholder: 'refund', 'aria-label': 'Tag name' });
  const color = h('input', { type: 'color', testid: 'tag-def-color', value: tag.color || DEFAULT_COLOUR, 'aria-label': 'Tag colour' });
  const description = h('input', { testid: 'tag-def-description', value: tag.description || '', maxlength: 200, size: 40,
    placeholder: 'when to use it', 'aria-label': 'Tag description' });
  const li = h('li', { class: 'tag-def', testid: 'tag-def' });
  const remove = h('button', { type: 'button', class: 'btn small danger', testid: 'tag-def-remove',
    on: { click: () => { li.remove(); onRemove(); } } }, 'Remove');
  const renumber = (i) => {
    li.dataset.index = String(i);
    for (const [el, f] of [[nameSlot, 'name'], [colorSlot, 'color'], [descriptionSlot, 'description'], [rowSlot, null]]) {
      el.dataset.errorFor = f ? `tags[${i}].${f}` : `tags[${i}]`;
    }
    remove.setAttribute('aria-label', `Remove tag ${name.value || i + 1}`);
  };
  const nameSlot = errorSlot('');
  const colorSlot = errorSlot('');
  const descriptionSlot = errorSlot('');
  const rowSlot = errorSlot('');
  replaceChildren(li, name, nameSlot, color, colorSlot, description, descriptionSlot, remove, rowSlot);
  return { element: li, renumber,
    value: () => ({ name: name.value.trim(), color: color.value, description: description.value.trim() }) };
}

export function createTagsAdminPage(root) {
  const line = h('div', { class: 'form-error', testid: 'tags-error', role: 'alert', hidden: true });
  const notice = h('div', { class: 'muted', testid: 'tags-notice', role: 'status' });
  const list = h('ul', { class: 'tag-defs', testid: 'tag-defs', 'aria-label': 'Defined tags' });
  const version = h('span', { class: 'muted', testid: 'tags-version' });
  let rows = [];

  const renumber = () => {
    rows = rows.filter((r) => r.element.isConnected);
    rows.forEach((r, i) => r.renumber(i));
  };
  const add = (tag) => {
    const r = tagRow(tag, renumber);
    rows.push(r);
    list.appendChild(r.element);
    renumber();
    return r;
  };
  const show = (answer) => {
    rows = [];
    list.replaceChildren();
    (answer.items || []).forEach(add);
    version.textContent = `version ${answer.version}`;
  };

  async function save() {
    clearErrors(root, line);
    renumber();
    try {
      const answer = await api.saveTags(rows.map((r) => r.value()));
      show(answer);
      notice.textContent = `Saved ${answer.total} tags.`;
    } catch (err) { showErrors(root, line, err); }
  }

  replaceChildren(root, h('div', { class: 'admin-head' }, h('h2', {}, 'Tags'), version),
    h('p', { class: 'muted' }, 'Agents are offered these tags first on a case (free tags still work). Renaming one changes what is offered; cases keep the tag they have.'),
    list, h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn', testid: 'tag-def-add',
        on: { click: () => add({}).element.querySelector('input').focus() } }, 'Add tag'),
      h('button', { type: 'button', class: 'btn primary', testid: 'tags-save', on: { click: save } }, 'Save tags')),
    errorSlot('tags'), line, notice);

  return {
    async load() {
      clearErrors(root, line);
      try { show(await api.tags()); } catch (err) { showErrors(root, line, err); }
    },
  };
}
