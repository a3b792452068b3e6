/** #/audit — the audit trail; `auditTable` also shows a nation's history on its page. */
import { api, type AuditEntry } from '../api.js';
import { table } from '../components/table.js';
import { h, when } from '../dom.js';
import type { ViewContext } from '../router.js';
import { isCoordinator, scenarioUrl } from '../session.js';

/** The fields an entry changed, "key: before → after" (creation and removal said so). */
export function describeChange(e: AuditEntry): string {
  const b = e.before as Record<string, unknown> | null;
  const a = e.after as Record<string, unknown> | null;
  if (b === null || a === null || typeof b !== 'object' || typeof a !== 'object')
    return b === null ? 'created' : 'removed';
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]),
  );
  return (
    keys.map((k) => `${k}: ${JSON.stringify(b[k]) ?? '—'} → ${JSON.stringify(a[k]) ?? '—'}`).join('; ') ||
    'no field changed'
  );
}

/** The scenario's audit entries (of one nation's objects when `nation` is given), newest first. */
export async function auditTable(q: { nation?: string; signal: AbortSignal }): Promise<HTMLElement> {
  let entries = await api<AuditEntry[]>('GET', `${scenarioUrl()}/audit?limit=200`, undefined, q.signal);
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
      e.target.split('/').slice(2).join('/'),
      h('td', { class: 'change' }, describeChange(e)),
      e.scenarioVersion ?? '',
    ]),
  });
}

export async function auditView(ctx: ViewContext): Promise<void> {
  const list = await auditTable({ signal: ctx.signal });
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
  ctx.page(
    'Audit trail',
    h(
      'p',
      {},
      'Every change to the scenario, newest first. Entries are hash-chained; a coordinator can verify the chain.',
    ),
    verify,
    list,
  );
}
