/**
 * #/missions/<id>/requirements — a coordinator edits a mission's requirements: a row per requirement
 * (added and removed here), saved together with the mission's version through the conflict protocol.
 */
import { ApiError, api, type Issue, type Requirement, type Versioned } from '../api.js';
import { issueBox, showIssues } from '../components/issues.js';
import { exportLinks } from '../components/spreadsheets.js';
import { versionedForm, type LeafPath } from '../components/versioned.js';
import { h } from '../dom.js';
import { frontierAfterEdit } from './frontier.js';
import type { ViewContext } from '../router.js';
import { isCoordinator, scenarioUrl, session } from '../session.js';

interface Row {
  readonly base: Requirement;
  readonly el: HTMLTableRowElement;
  readonly capability: HTMLSelectElement;
  readonly amount: HTMLInputElement;
  readonly from: HTMLInputElement;
  readonly to: HTMLInputElement;
  readonly priority: HTMLInputElement;
  readonly issues: HTMLUListElement;
}

export async function requirementsView(ctx: ViewContext): Promise<void> {
  const missionId = ctx.params[0] ?? '';
  if (!isCoordinator())
    return ctx.page(
      'Not allowed',
      h('p', { class: 'error', role: 'alert' }, 'Only a coordinator edits requirements.'),
    );
  const url = `${scenarioUrl()}/missions/${encodeURIComponent(missionId)}/requirements`;
  const [req, caps] = await Promise.all([
    api<Versioned<Requirement[]>>('GET', url, undefined, ctx.signal),
    api<{ items: Versioned<{ id: string; name: string; unit: string }>[] }>(
      'GET',
      `${scenarioUrl()}/capabilities`,
      undefined,
      ctx.signal,
    ),
  ]);
  const capName = new Map(caps.items.map((c) => [c.value.id, `${c.value.name} (${c.value.unit})`]));
  const body = h('tbody', {});
  let rows: Row[] = [];
  let counter = 0;

  const addRow = (r: Requirement): void => {
    const n = ++counter;
    const cell = (name: string, label: string, v: number | undefined, min: string, step: string) =>
      h('input', {
        name,
        type: 'number',
        min,
        step,
        value: v ?? '',
        'aria-label': `${label}, requirement ${n} (${r.capability})`,
        ...(name === 'toPeriod' ? { placeholder: 'end' } : {}),
      });
    const capability = h(
      'select',
      { name: 'capability', 'aria-label': `capability, requirement ${n}` },
      caps.items.map((c) =>
        h(
          'option',
          { value: c.value.id, selected: c.value.id === r.capability },
          capName.get(c.value.id) ?? c.value.id,
        ),
      ),
    );
    const issues = issueBox();
    const row: Row = {
      base: r,
      el: h('tr', {}),
      capability,
      amount: cell('amount', 'amount', r.amount, '0', 'any'),
      from: cell('fromPeriod', 'from period', r.fromPeriod, '1', '1'),
      to: cell('toPeriod', 'to period', r.toPeriod, '1', '1'),
      priority: cell('priority', 'priority', r.priority, '1', '1'),
      issues,
    };
    const remove = h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: () => {
          rows = rows.filter((x) => x !== row);
          row.el.remove();
        },
      },
      `Remove requirement ${n}`,
    );
    // data-label: the column's name, shown above each cell when the table stacks on a phone.
    const td = (label: string, ...content: HTMLElement[]) => h('td', { 'data-label': label }, ...content);
    row.el.append(
      td('capability', capability, issues),
      td('amount', row.amount),
      td('from period', row.from),
      td('to period', row.to),
      td('priority (1 highest)', row.priority),
      td('remove', remove),
    );
    rows.push(row);
    body.append(row.el);
  };

  const read = (): Requirement[] =>
    rows.map((r) => {
      const next: Record<string, unknown> = {
        ...r.base,
        capability: r.capability.value,
        amount: Number(r.amount.value),
        fromPeriod: Number(r.from.value),
        priority: Number(r.priority.value),
      };
      if (r.to.value === '') delete next['toPeriod'];
      else next['toPeriod'] = Number(r.to.value);
      return next as Requirement;
    });
  const write = (value: readonly Requirement[]): void => {
    rows = [];
    body.replaceChildren();
    for (const r of value) addRow(r);
  };
  write(req.value);

  const formIssues = issueBox();
  const label = (p: LeafPath): string => {
    const [i, field] = p;
    return typeof i === 'number' ? `requirement ${i + 1} ${String(field ?? '')}` : p.join(' › ');
  };
  const showAll = (issues: readonly Issue[]): void => {
    // Paths: ["missions", <mission>, "requirements", <index>, <field>].
    for (const [i, r] of rows.entries())
      showIssues(
        r.issues,
        issues.filter((x) => x.path[3] === i),
        4,
      );
    showIssues(
      formIssues,
      issues.filter((x) => typeof x.path[3] !== 'number'),
    );
  };
  const vf = versionedForm<Requirement[]>(req, {
    noun: `the requirements of ${missionId}`,
    auditUrl: `${scenarioUrl()}/audit`,
    target: `scenario/${session.scenarioId}/missions/${missionId}`,
    read,
    write,
    label,
    put: async (version, value) => {
      try {
        const r = await api<{ item: Versioned<{ requirements: Requirement[] }> }>('PUT', url, {
          version,
          value,
        });
        return { version: r.item.version, value: r.item.value.requirements };
      } catch (e) {
        // A 409 carries the whole mission; the form compares its requirements.
        if (!(e instanceof ApiError) || e.current === undefined) throw e;
        const m = e.current.value as { requirements?: Requirement[] };
        throw new ApiError(e.status, e.code, e.message, e.issues, {
          version: e.current.version,
          value: m.requirements ?? [],
        });
      }
    },
    issues: showAll,
    saved: () => {
      const offer = frontierAfterEdit();
      if (offer !== null) vf.status.append(offer);
    },
  });
  const add = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      onclick: () => {
        const first = caps.items[0]?.value.id ?? '';
        addRow({ capability: first, amount: 1, fromPeriod: 1, priority: 2 });
        rows.at(-1)?.capability.focus();
      },
    },
    'Add a requirement',
  );
  const form = h(
    'form',
    { 'aria-label': 'requirements' },
    h(
      'div',
      { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'requirements table' },
      h(
        'table',
        { class: 'requirements' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['capability', 'amount', 'from period', 'to period', 'priority (1 highest)', 'remove'].map((c) =>
              h('th', { scope: 'col' }, c),
            ),
          ),
        ),
        body,
      ),
    ),
    h('p', {}, add),
    formIssues,
    vf.merge,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save requirements'), vf.status),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void vf.save();
  });
  vf.track(form, ctx.signal);
  ctx.page(
    `Requirements: ${missionId}`,
    h('p', {}, h('a', { href: '#/coverage' }, 'Back to coverage')),
    exportLinks('requirements'),
    form,
  );
}
