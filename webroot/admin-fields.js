// Field errors on the admin pages: the hub names what it refuses (validation_errors[].field, e.g.
// `members`, `brands.default.mode`, `tags[2].name`), so the page shows the message beside the
// control that holds that field. A field with no slot on the page falls back to the page's line.
import { h } from './dom.js';

/** An empty error slot for `field`, placed next to its control. */
export const errorSlot = (field, testid = 'field-error') =>
  h('span', { class: 'form-error field-error', role: 'alert', testid, hidden: true, dataset: { errorFor: field } });

/** Hides every field error under root and the page's line. */
export function clearErrors(root, line) {
  for (const slot of root.querySelectorAll('[data-error-for]')) { slot.hidden = true; slot.textContent = ''; }
  if (line) { line.hidden = true; line.textContent = ''; }
}

/** The slot for `field`, or for its nearest named parent (`tags[2].name` → `tags[2]` → `tags`). */
function slotFor(root, field) {
  for (let f = field; f; f = f.replace(/(\.[^.[\]]*|\[\d+\])$/, '') || null) {
    const slot = [...root.querySelectorAll('[data-error-for]')].find((s) => s.dataset.errorFor === f);
    if (slot) return slot;
    if (!/[.[]/.test(f)) break;
  }
  return null;
}

/** Shows err beside the field(s) it names under root, else on `line`; text only. */
export function showErrors(root, line, err) {
  clearErrors(root, line);
  const named = err.validationErrors?.length ? err.validationErrors : [{ field: null, message: err.message }];
  for (const v of named) {
    const slot = v.field ? slotFor(root, v.field) : null;
    const target = slot || line;
    if (!target) continue;
    target.textContent = v.message || err.message;
    target.hidden = false;
  }
}
