/**
 * #/import — a liaison's pledge sheet, or the coordinator's whole table, from CSV or XLSX: first a
 * preview (the server's row-by-row report: added, changed with each field, unchanged, rejected with the
 * reason and its sheet, row and column), then, only if nothing is rejected, "Save" — against the version
 * the preview was made on (409 if the scenario moved on: preview again). A liaison may import only their
 * own nation's rows; the server rejects any other.
 */
import { ApiError, api, type ImportReport } from '../api.js';
import { changeList } from '../components/changes.js';
import { exportLinks, readSheet, type SheetFile } from '../components/spreadsheets.js';
import { table } from '../components/table.js';
import { field, h } from '../dom.js';
import type { ViewContext } from '../router.js';
import { isCoordinator, mayRun, scenarioUrl, session } from '../session.js';

type Problem = ImportReport['problems'][number];

/** `pledges.csv row 5, column units: expected a number` (as the CLI says it). */
export const problemText = (p: Problem): string =>
  `${p.sheet}${p.row === null ? '' : ` row ${p.row}`}${p.column === null ? '' : `, column ${p.column}`}: ${p.message}`;

function reportView(r: ImportReport): HTMLElement {
  const c = r.counts;
  return h(
    'div',
    { class: 'import-report' },
    h(
      'p',
      { class: r.ok ? 'ok' : 'error' },
      `${r.sheet} (${r.mode === 'replace' ? 'the whole table' : 'merged'}): ${c.added} added, ${c.changed} changed, ${c.unchanged} unchanged, ${c.removed} removed, ${c.rejected} rejected. `,
      r.saved !== null
        ? `Saved as version ${r.saved.scenarioVersion}.`
        : r.ok
          ? 'Nothing is saved yet.'
          : 'Nothing can be saved until every rejected row is fixed in the sheet.',
    ),
    r.problems.length === 0
      ? null
      : h(
          'ul',
          { class: 'issues' },
          r.problems.map((p) => h('li', { class: p.severity }, problemText(p))),
        ),
    r.removed.length === 0 ? null : h('p', {}, `Removed (not in the sheet): ${r.removed.join(', ')}`),
    table({
      label: 'import rows',
      class: 'import-rows',
      columns: [{ label: 'row', num: true }, 'pledge', 'result', 'changes or reasons'],
      rows: r.rows.map((row) => [
        row.row,
        row.id ?? '—',
        h('td', { class: `import-${row.status}` }, row.status),
        h(
          'td',
          { class: 'change' },
          row.status === 'rejected' || row.problems.length > 0
            ? h(
                'ul',
                { class: 'issues' },
                row.problems.map((p) => h('li', { class: p.severity }, problemText(p))),
              )
            : null,
          row.changes === undefined || row.status === 'rejected' ? null : changeList(row.changes),
        ),
      ]),
    }),
  );
}

export async function importView(ctx: ViewContext): Promise<void> {
  if (!mayRun())
    return ctx.page(
      'Not allowed',
      h('p', { class: 'error', role: 'alert' }, 'A viewer cannot import pledges.'),
    );
  const s = await api<{ version: number }>('GET', scenarioUrl(), undefined, ctx.signal);
  const file = h('input', { id: 'import-file', name: 'file', type: 'file', accept: '.csv,.xlsx' });
  const mode = h(
    'select',
    { id: 'import-mode', name: 'mode' },
    h('option', { value: 'merge' }, 'merge: add and update the rows of the sheet'),
    h(
      'option',
      { value: 'replace' },
      isCoordinator()
        ? 'replace: the sheet is the whole pledge table (others are removed)'
        : `replace: the sheet is all of ${session.user?.nation ?? 'your nation'}'s pledges (others are removed)`,
    ),
  );
  const status = h('p', { role: 'status', class: 'status' });
  const out = h('div', { 'aria-live': 'polite' });
  const save = h('button', { type: 'button', disabled: true }, 'Save the import');
  let sheet: SheetFile | null = null;
  let previewed: { version: number; report: ImportReport } | null = null;
  const send = (dryRun: boolean, version: number) =>
    api<ImportReport>('POST', `${scenarioUrl()}/import`, {
      file: sheet,
      dryRun,
      mode: mode.value,
      version,
    });
  const fail = (e: unknown): void => {
    save.disabled = true;
    if (e instanceof ApiError && e.code === 'conflict')
      status.textContent =
        'Not saved: the scenario changed since the preview (someone saved). Preview again to see the rows against the new version.';
    else if (e instanceof ApiError && e.issues.length > 0)
      status.textContent = `${e.message}: ${e.issues.map((i) => i.message).join('; ')}`;
    else status.textContent = e instanceof Error ? e.message : String(e);
  };
  const form = h(
    'form',
    { class: 'run', 'aria-label': 'import a pledge sheet' },
    field('import-file', 'Pledge sheet (CSV or XLSX)', file),
    field('import-mode', 'Mode', mode),
    h('button', { type: 'submit' }, 'Preview'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = file.files?.[0];
    if (chosen === undefined) return void (status.textContent = 'Choose a file first.');
    status.textContent = 'Reading…';
    save.disabled = true;
    out.replaceChildren();
    void (async () => {
      try {
        sheet = await readSheet(chosen);
        const current = await api<{ version: number }>('GET', scenarioUrl(), undefined, ctx.signal);
        const report = await send(true, current.version);
        previewed = { version: report.scenarioVersion, report };
        out.replaceChildren(reportView(report));
        const changes = report.counts.added + report.counts.changed + report.counts.removed;
        save.disabled = !report.ok || changes === 0;
        status.textContent = !report.ok
          ? 'Some rows are rejected: nothing can be saved. Fix them in the sheet and preview again.'
          : changes === 0
            ? 'The sheet changes nothing.'
            : `Preview against version ${report.scenarioVersion}. Check the rows, then save.`;
      } catch (err) {
        fail(err);
      }
    })();
  });
  file.addEventListener('change', () => {
    save.disabled = true;
    previewed = null;
  });
  save.addEventListener('click', () => {
    if (previewed === null || sheet === null) return;
    save.disabled = true;
    status.textContent = 'Saving…';
    send(false, previewed.version).then((r) => {
      previewed = null;
      out.replaceChildren(reportView(r));
      status.textContent = `Saved: version ${r.saved?.scenarioVersion ?? ''}.`;
    }, fail);
  });
  ctx.page(
    'Import pledges',
    h(
      'p',
      {},
      isCoordinator()
        ? 'A pledge sheet of any nation, or the whole table. '
        : `A sheet of ${session.user?.nation ?? 'your nation'}'s pledges (rows of other nations are rejected). `,
      'The columns are those of the pledges export (id required; others optional, in any order). Nothing is saved before you have seen the preview.',
    ),
    exportLinks('pledges', s.version),
    form,
    status,
    h('p', {}, save),
    out,
  );
}
