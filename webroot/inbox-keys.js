// Moving through the case list from the keyboard: Enter opens a row; arrows, Home and End open
// another and move focus there; the selected row (else the first) is the list's one Tab stop.
const MOVES = ['ArrowDown', 'ArrowUp', 'Home', 'End'];

/** rows: Map id → element; ordered(): the listed cases in order; selected(): the open case's id. */
export function createRowKeys({ rows, ordered, selected, onSelect }) {
  const ids = () => ordered().map((c) => c.id);

  /** The selected row (else the first) is the list's one Tab stop. */
  function roving() {
    const stop = rows.has(selected()) ? selected() : ordered().find((c) => rows.has(c.id))?.id;
    for (const [id, el] of rows) el.tabIndex = id === stop ? 0 : -1;
  }

  function focusRow(id) {
    const el = rows.get(id);
    if (el) { el.focus(); roving(); }
  }

  /** A row's keydown. */
  function rowKey(e, id) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Enter') { e.preventDefault(); onSelect(id); return; }
    if (!MOVES.includes(e.key)) return;
    const list = ids();
    const i = list.indexOf(id);
    const target = { ArrowDown: list[i + 1], ArrowUp: list[i - 1], Home: list[0], End: list[list.length - 1] }[e.key];
    e.preventDefault();
    e.stopPropagation(); // handled here, not again by the page's shortcuts
    if (target) {
      onSelect(target);
      focusRow(target);
    }
  }

  return {
    rowKey,
    roving,
    /** Moves focus to the selected row (or the first), for j / k when the list has focus. */
    focusSelected() {
      roving();
      [...rows.values()].find((el) => el.tabIndex === 0)?.focus();
    },
    /** The case id `step` rows away from the selected one. */
    neighbour(step) {
      const list = ids();
      if (!list.length) return null;
      const i = list.indexOf(selected());
      return list[Math.min(list.length - 1, Math.max(0, i < 0 ? 0 : i + step))];
    },
  };
}
