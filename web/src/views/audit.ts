/**
 * #/audit — the audit trail as field-by-field changes (the server's semantic diff: no key-order noise),
 * with user, token and run events for a coordinator (the whole log); filtered by user, collection, object
 * id and dates, and paged (`before` = the last seq shown). `auditTable` also shows a nation's history on
 * its page.
 */
import type { AuditCollection } from '../../../src/app/index.js';
import { api, type AuditView } from '../api.js';
import { changeList } from '../components/changes.js';
import { table } from '../components/table.js';
import { field, h, when } from '../dom.js';
import type { ViewContext } from '../router.js';
import { isCoordinator, scenarioUrl, session } from '../session.js';

/** What the audit can be filtered by (the server's `auditCollections`). */
const collections = [
  'nations',
  'pledges',
  'catalog',
  'missions',
  'variants',
  'capabilities',
  'conditions',
  'sources',
  'users',
  'tokens',
  'runs',
  'canvass',
] as const satisfies readonly AuditCollection[];
/** The type checker keeps this list equal to the server's: a collection missing here is a compile error. */
const everyCollection: Exclude<AuditCollection, (typeof collections)[number]> extends never ? true : never =
  true;
void everyCollection;

export interface AuditFilter {
  readonly user?: string;
  readonly collection?: string;
  readonly id?: string;
  /** Dates (YYYY-MM-DD): `from` inclusive, `to` inclusive of its whole day. */
  readonly from?: string;
  readonly to?: string;
}

/** The query string of a filter and page (the server checks every parameter). */
export function auditQuery(f: AuditFilter, limit: number, before?: number): string {
  const q = new URLSearchParams();
  if (f.user) q.set('user', f.user);
  if (f.collection) q.set('collection', f.collection);
  if (f.collection && f.id) q.set('id', f.id);
  if (f.from) q.set('from', f.from);
  if (f.to) {
    // The server's `to` is exclusive: the day after, so the chosen day is included.
    const d = new Date(`${f.to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    q.set('to', d.toISOString().slice(0, 10));
  }
  q.set('limit', String(limit));
  if (before !== undefined) q.set('before', String(before));
  return q.toString();
}

/** The object of an entry, as people read it: `pledge gbr-frigates`, `user ann`. */
const objectOf = (e: AuditView): string => {
  const parts = e.target.split('/');
  if (parts[0] === 'scenario') return parts.slice(2).join(' ') || parts[1] || '';
  return parts.join(' ');
};

function auditRows(entries: readonly AuditView[]): HTMLElement {
  return table({
    class: 'audit',
    label: 'audit trail',
    columns: [
      { label: '#', num: true },
      'when',
      'who',
      'what',
      'object',
      'change',
      { label: 'version', num: true },
    ],
    rows: entries.map((e) => [
      e.seq,
      when(e.at),
      e.actor,
      e.action,
      objectOf(e),
      h('td', { class: 'change' }, changeList(e.changes)),
      e.scenarioVersion ?? '',
    ]),
  });
}

/** The scenario's audit entries (of one nation's objects when `nation` is given), newest first. */
export async function auditTable(q: { nation?: string; signal: AbortSignal }): Promise<HTMLElement> {
  let entries = await api<AuditView[]>('GET', `${scenarioUrl()}/audit?limit=200`, undefined, q.signal);
  if (q.nation !== undefined) {
    const n = q.nation;
    entries = entries.filter((e) =>
      [e.before, e.after].some(
        (v) =>
          v !== null &&
          typeof v === 'object' &&
          ((v as { nation?: string }).nation === n || (v as { id?: string }).id === n),
      ),
    );
  }
  return auditRows(entries);
}

const pageSize = 50;

export async function auditView(ctx: ViewContext): Promise<void> {
  // A coordinator reads the whole log (user, token and run events too); others the scenario's trail.
  const base = isCoordinator() ? '/api/audit' : `${scenarioUrl()}/audit`;
  const out = h('span', { role: 'status' });
  const verify = isCoordinator()
    ? h(
        'p',
        {},
        h(
          'button',
          {
            type: 'button',
            onclick: () =>
              void api<{ ok: boolean; entries: number; reason?: string }>('GET', '/api/audit/verify').then(
                (r) =>
                  (out.textContent = r.ok
                    ? ` Chain intact: ${r.entries} entries.`
                    : ` BROKEN: ${r.reason ?? ''}`),
              ),
          },
          'Verify chain',
        ),
        out,
      )
    : null;
  const input = (id: string, attrs: Record<string, string> = {}) =>
    h('input', { id, name: id.replace('audit-', ''), ...attrs });
  const user = input('audit-user', { autocomplete: 'off' });
  const collection = h(
    'select',
    { id: 'audit-collection', name: 'collection' },
    h('option', { value: '' }, '(any)'),
    collections
      .filter((c) => isCoordinator() || !['users', 'tokens'].includes(c))
      .map((c) => h('option', { value: c }, c)),
  );
  const objectId = input('audit-id', { autocomplete: 'off' });
  const from = input('audit-from', { type: 'date' });
  const to = input('audit-to', { type: 'date' });
  const list = h('div', { class: 'audit-list' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Older entries');
  const count = h('p', { role: 'status', class: 'meta' });
  let filter: AuditFilter = {};
  let shown: AuditView[] = [];
  const load = async (append: boolean): Promise<void> => {
    const before = append ? shown.at(-1)?.seq : undefined;
    try {
      const page = await api<AuditView[]>(
        'GET',
        `${base}?${auditQuery(filter, pageSize, before)}`,
        undefined,
        ctx.signal,
      );
      shown = append ? [...shown, ...page] : page;
      list.replaceChildren(auditRows(shown));
      more.hidden = page.length < pageSize;
      count.textContent =
        shown.length === 0
          ? 'No entry matches.'
          : `${shown.length} entr${shown.length === 1 ? 'y' : 'ies'} shown, newest first${more.hidden ? '' : '; more are older'}.`;
    } catch (e) {
      count.textContent = e instanceof Error ? e.message : String(e);
    }
  };
  more.addEventListener('click', () => void load(true));
  const form = h(
    'form',
    { class: 'run filters', 'aria-label': 'filter the audit' },
    field('audit-user', 'User', user),
    field('audit-collection', 'Collection', collection),
    field('audit-id', 'Object id', objectId),
    field('audit-from', 'From (date)', from),
    field('audit-to', 'To (date)', to),
    h('button', { type: 'submit' }, 'Filter'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    filter = {
      user: user.value.trim(),
      collection: collection.value,
      id: objectId.value.trim(),
      from: from.value,
      to: to.value,
    };
    if (filter.id && !filter.collection) {
      count.textContent = 'Choose the collection of the object id (a pledge, a nation, …).';
      return;
    }
    void load(false);
  });
  await load(false);
  ctx.page(
    'Audit trail',
    h(
      'p',
      {},
      isCoordinator()
        ? 'Every change, newest first: the scenario, users, API tokens and runs. '
        : `Every change to the scenario, newest first (${session.user?.role ?? ''}). `,
      'Entries are hash-chained; a coordinator can verify the chain. The versions, their differences and revert are on ',
      h('a', { href: '#/history' }, 'History'),
      '.',
    ),
    verify,
    form,
    count,
    list,
    more,
  );
}
