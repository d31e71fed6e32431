// Saved replies in the composer: which ones a case may use, and the text one fills in for it.
// The hub fills the template with the case's real values (customer, case reference, agent,
// brand); the composer inserts that text into the editable reply box, never the raw template.
import { api } from './api.js';

/** The saved replies a case of `brand` may use (its brand's and the shared ones), by name. */
export function savedRepliesFor(all, brand) {
  return (all || []).filter((t) => !t.brand || t.brand === brand)
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

/** { text, length, limit, ok, message }: the saved reply filled for the case, counted as its platform counts. */
export function fillSavedReply(caseId, templateId) {
  return api.templatePreview(caseId, { template: templateId });
}

/** The same for a body being written (the admin page's live preview). */
export function previewBody(caseId, body) {
  return api.templatePreview(caseId, { body });
}

/**
 * Puts `filled` into the textarea where the caret is (replacing a selection), or as the whole
 * text when the box is empty, and leaves the caret after it so the agent can go on editing.
 */
export function insertInto(textarea, filled) {
  if (!textarea.value.trim()) {
    textarea.value = filled;
  } else {
    const start = textarea.selectionStart ?? textarea.value.length;
    const end = textarea.selectionEnd ?? start;
    const before = textarea.value.slice(0, start);
    const gap = before && !/\s$/.test(before) ? ' ' : '';
    textarea.setRangeText(gap + filled, start, end, 'end');
  }
  textarea.focus();
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}
