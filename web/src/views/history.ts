/**
 * #/history — the scenario's stored versions: who made each and when, the difference between any two
 * (each object added, removed or changed, then field by field in words), and, for a coordinator,
 * "revert to this version" after a confirmation. A revert sends the version the page was read at, like
 * every other write: if the scenario moved on meanwhile the server answers 409 and nothing changes.
 */
import { ApiError, api, type RevertResult, type ScenarioVersionInfo, type VersionDiff } from '../api.js';
import { fieldName, valueText } from '../components/changes.js';
import { askConfirm, confirmPanel } from '../components/confirm.js';
import { table } from '../components/table.js';
import { field, h, when } from '../dom.js';
import type { ViewContext } from '../router.js';
import { isCoordinator, scenarioUrl } from '../session.js';

/** The objects a diff touches and its fields, as two tables. */
function diffView(d: VersionDiff): HTMLElement {
  if (d.changes.length === 0) return h('p', {}, `Versions ${d.from} and ${d.to} hold the same scenario.`);
  const kind = { added: 'added', removed: 'removed', changed: 'changed' } as const;
  return h(
    'div',
    { class: 'diff' },
    h(
      'p',
      {},
      `From version ${d.from} to ${d.to}: ${d.objects.length} object${d.objects.length === 1 ? '' : 's'}, ${d.changes.length} field${d.changes.length === 1 ? '' : 's'}.`,
    ),
    table({
      label: `objects changed from version ${d.from} to ${d.to}`,
      columns: ['object', 'what'],
      rows: d.objects.map((o) => [fieldName([o.collection, o.id]), kind[o.kind]]),
    }),
    table({
      label: `fields changed from version ${d.from} to ${d.to}`,
      class: 'diff-fields',
      columns: ['field', `version ${d.from}`, `version ${d.to}`],
      rows: d.changes.map((c) => [
        fieldName(c.path),
        c.kind === 'added' ? '(absent)' : valueText(c.before),
        c.kind === 'removed' ? '(removed)' : valueText(c.after),
      ]),
    }),
  );
}

export async function historyView(ctx: ViewContext): Promise<void> {
  const versions = await api<ScenarioVersionInfo[]>(
    'GET',
    `${scenarioUrl()}/versions`,
    undefined,
    ctx.signal,
  );
  const current = versions[0]?.version ?? 0;
  const status = h('p', { role: 'status', class: 'status' });
  const result = h('div', { class: 'diff-result', 'aria-live': 'polite' });
  const options = (selected: number) =>
    versions.map((v) =>
      h(
        'option',
        { value: v.version, ...(v.version === selected ? { selected: true } : {}) },
        `${v.version} — ${v.createdBy}, ${when(v.createdAt)}`,
      ),
    );
  const from = h('select', { id: 'diff-from', name: 'from' }, options(Math.max(1, current - 1)));
  const to = h('select', { id: 'diff-to', name: 'to' }, options(current));
  const show = async (a: number, b: number): Promise<void> => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    from.value = String(lo);
    to.value = String(hi);
    try {
      const d = await api<VersionDiff>(
        'GET',
        `${scenarioUrl()}/diff?from=${lo}&to=${hi}`,
        undefined,
        ctx.signal,
      );
      result.replaceChildren(diffView(d));
    } catch (e) {
      result.replaceChildren(
        h('p', { class: 'error', role: 'alert' }, e instanceof Error ? e.message : String(e)),
      );
    }
  };
  const form = h(
    'form',
    { class: 'run', 'aria-label': 'compare two versions' },
    field('diff-from', 'From version', from),
    field('diff-to', 'To version', to),
    h('button', { type: 'submit' }, 'Show the difference'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void show(Number(from.value), Number(to.value));
  });
  const ask = confirmPanel();
  const revert = (n: number): void =>
    askConfirm(ask, {
      message: `Revert the scenario to version ${n}? A new version ${current + 1} is made with version ${n}'s document; the versions in between stay in the history, and the revert is audited.`,
      yes: `Yes, revert to version ${n}`,
      onYes: () =>
        api<RevertResult>('POST', `${scenarioUrl()}/revert`, { version: current, to: n }).then(
          (r) => {
            status.textContent = `Reverted to version ${n}: version ${r.scenarioVersion} changes ${r.objects.length} object${r.objects.length === 1 ? '' : 's'}.`;
            ctx.refresh();
          },
          (e: unknown) => {
            status.textContent =
              e instanceof ApiError && e.code === 'conflict'
                ? `Not reverted: someone changed the scenario since you opened this page (version ${current}). Reload to see the change, then choose again.`
                : e instanceof Error
                  ? e.message
                  : String(e);
          },
        ),
    });
  ctx.page(
    'History',
    h(
      'p',
      {},
      `The stored versions of the scenario, newest first (current: version ${current}). Each change makes a new version; the `,
      h('a', { href: '#/audit' }, 'audit trail'),
      ' says who changed what.',
    ),
    form,
    result,
    status,
    ask,
    table({
      label: 'versions',
      columns: [
        { label: 'version', num: true },
        'when',
        'who',
        'what',
        'difference',
        isCoordinator() ? 'revert' : '',
      ].filter((c) => c !== ''),
      rows: versions.map((v) => [
        v.version,
        when(v.createdAt),
        v.createdBy,
        v.summary,
        v.version === 1
          ? ''
          : h(
              'button',
              { type: 'button', class: 'secondary', onclick: () => void show(v.version - 1, v.version) },
              `Changes in ${v.version}`,
            ),
        ...(isCoordinator()
          ? [
              v.version === current
                ? 'current'
                : h(
                    'button',
                    { type: 'button', class: 'secondary', onclick: () => revert(v.version) },
                    `Revert to ${v.version}`,
                  ),
            ]
          : []),
      ]),
    }),
  );
  if (current > 1) await show(current - 1, current);
}
