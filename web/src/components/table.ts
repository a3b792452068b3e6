/** The one table of the workspace: a header row, body rows, numeric columns right-aligned, in a scroller. */
import { h, type Child } from '../dom.js';

export interface Column {
  readonly label: string;
  /** Right-aligned figures. */
  readonly num?: boolean;
  /** A tooltip (e.g. a period's dates). */
  readonly title?: string;
}

export interface TableOptions {
  readonly columns: readonly (Column | string)[];
  /** Cells per row; a cell that is an element `th`/`td` is used as is (for a row header or a colspan). */
  readonly rows: readonly (readonly (Child | HTMLTableCellElement)[])[];
  readonly class?: string;
  readonly caption?: string;
  /** Accessible name when there is no caption. */
  readonly label?: string;
}

/**
 * A table inside `.scroll` (its own horizontal scroller, so a wide table never widens the page at
 * 390 px). The scroller is focusable, so keyboard users can scroll it.
 */
export function table(o: TableOptions): HTMLElement {
  const cols = o.columns.map((c) => (typeof c === 'string' ? { label: c } : c));
  const el = h(
    'table',
    { ...(o.class === undefined ? {} : { class: o.class }) },
    o.caption === undefined ? null : h('caption', {}, o.caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        cols.map((c) =>
          h('th', { scope: 'col', class: c.num === true ? 'num' : undefined, title: c.title }, c.label),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      o.rows.map((r) =>
        h(
          'tr',
          {},
          r.map((cell, i) =>
            cell instanceof HTMLTableCellElement
              ? cell
              : h('td', cols[i]?.num === true ? { class: 'num' } : {}, cell),
          ),
        ),
      ),
    ),
  );
  return h(
    'div',
    {
      class: 'scroll',
      tabindex: 0,
      role: 'region',
      'aria-label': o.caption ?? o.label ?? cols.map((c) => c.label).join(', '),
    },
    el,
  );
}
