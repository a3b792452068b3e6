/** Validation issues (the server's own messages) as a list next to the field or form they concern. */
import type { Issue } from '../api.js';
import { h } from '../dom.js';

/** Fills `box` with the issues, each "<where>: <message>" (where: the path after `skip` segments). */
export function showIssues(box: HTMLElement, issues: readonly Issue[], skip = 2): void {
  box.replaceChildren(
    ...issues.map((i) => {
      const where = i.path.slice(skip).join(' › ');
      return h('li', { class: i.severity }, where === '' ? i.message : `${where}: ${i.message}`);
    }),
  );
}

export const issueBox = (id?: string): HTMLUListElement =>
  h('ul', { class: 'issues', 'aria-live': 'polite', ...(id === undefined ? {} : { id }) });
