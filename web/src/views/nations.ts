/** #/nations — the nations; #/nations/<ISO3> a nation; #/nations/<ISO3>/edit its pledges and limits. */
import { api, type Nation, type Pledge, type Scenario, type Summary, type Versioned } from '../api.js';
import { caveatEditor, caveatFieldLabel } from '../components/caveat-editor.js';
import { fold, type Fold } from '../components/fold.js';
import { issueBox, showIssues } from '../components/issues.js';
import { pledgeForm } from '../components/pledge-form.js';
import { pledgeList, type PledgeList } from '../components/pledge-list.js';
import { announceEditing, presenceText, watchPresence } from '../components/presence.js';
import { exportLinks } from '../components/spreadsheets.js';
import { table } from '../components/table.js';
import { versionedForm } from '../components/versioned.js';
import { field, fmt, h } from '../dom.js';
import type { ViewContext } from '../router.js';
import { mayEdit, scenarioUrl, session } from '../session.js';
import { auditTable } from './audit.js';
import { frontierAfterEdit } from './frontier.js';

export async function nationsView(ctx: ViewContext): Promise<void> {
  const s = await api<Summary>('GET', `${scenarioUrl()}/summary`, undefined, ctx.signal);
  ctx.page(
    'Nations',
    exportLinks('nations'),
    exportLinks('pledges'),
    table({
      columns: ['nation', 'role', { label: 'pledged (peak)', num: true }],
      rows: s.summary.nations.map((n) => [
        h('a', { href: `#/nations/${n.id}` }, `${n.name} (${n.id})`),
        n.role,
        n.role === 'coalition' ? fmt(n.pledgedPersonnelPeak) : '',
      ]),
    }),
  );
}

export async function nationView(ctx: ViewContext): Promise<void> {
  const id = ctx.params[0] ?? '';
  const edit = ctx.params[1] !== undefined && ctx.params[1] !== '';
  const user = session.user;
  if (edit && !mayEdit(id))
    return ctx.page(
      'Not allowed',
      h(
        'p',
        { class: 'error', role: 'alert' },
        user?.role === 'liaison'
          ? `You may edit only ${user.nation ?? ''}'s pledges.`
          : 'Your role cannot edit pledges.',
      ),
      h('p', {}, h('a', { href: `#/nations/${id}` }, `View ${id} instead`)),
    );
  const [nation, pledges, doc, summary] = await Promise.all([
    api<Versioned<Nation>>('GET', `${scenarioUrl()}/nations/${id}`, undefined, ctx.signal),
    api<{ items: Versioned<Pledge>[] }>('GET', `${scenarioUrl()}/pledges`, undefined, ctx.signal),
    api<{ scenario: Scenario }>('GET', scenarioUrl(), undefined, ctx.signal),
    api<Summary>('GET', `${scenarioUrl()}/summary`, undefined, ctx.signal),
  ]);
  const own = pledges.items.filter((p) => p.value.nation === id);
  const unitName = new Map(doc.scenario.catalog.map((u) => [u.id, u.name]));
  const n = nation.value;
  const head = h(
    'p',
    { class: 'meta' },
    `${n.role} · GDP ${fmt(n.gdpUsd / 1e9)} bn US$`,
    n.personnelCeiling === undefined ? '' : ` · personnel ceiling ${fmt(n.personnelCeiling)}`,
    !edit && mayEdit(id)
      ? h('span', {}, ' · ', h('a', { href: `#/nations/${id}/edit` }, 'Edit pledges'))
      : '',
  );
  const history = h('div', { class: 'history' });
  const refreshHistory = async (): Promise<void> => {
    history.replaceChildren(await auditTable({ nation: id, signal: ctx.signal }));
  };
  const taken = new Set(pledges.items.map((p) => p.value.id));
  // A pledge created or deleted is added to or removed from the list in place: the other editors keep
  // what they hold (the page is not drawn again).
  let list: PledgeList | null = null;
  const changed = (what: 'created' | 'saved' | 'deleted', item: Versioned<Pledge>): HTMLElement | null => {
    void refreshHistory();
    if (what === 'saved') return frontierAfterEdit();
    frontierAfterEdit();
    if (what === 'created') {
      taken.add(item.value.id);
      list?.add(item);
    } else {
      taken.delete(item.value.id);
      list?.remove(item.value.id);
      announced.get(`pledges/${item.value.id}`)?.abort();
      announced.delete(`pledges/${item.value.id}`);
    }
    return null;
  };
  // Presence: who else is editing this nation's pledges (and limits); this user, from the first focus
  // in a form until the page is left.
  const marks = new Map<string, HTMLElement>();
  const mark = (collection: 'pledges' | 'nations', itemId: string): HTMLElement => {
    const el = h('p', {
      class: 'presence',
      role: 'status',
      hidden: true,
      'data-presence': `${collection}/${itemId}`,
    });
    marks.set(`${collection}/${itemId}`, el);
    return el;
  };
  watchPresence(ctx.signal, (editing) => {
    for (const [key, el] of marks) {
      const [c, itemId] = key.split('/') as ['pledges' | 'nations', string];
      el.textContent = presenceText(editing, c, itemId);
      el.hidden = el.textContent === '';
    }
  });
  // Each announcement lasts until the page is left or, for a pledge deleted here, until it is gone.
  const announced = new Map<string, AbortController>();
  const announce = (e: Event): void => {
    const t = e.target as HTMLElement;
    const p = t.closest<HTMLElement>('form.pledge[data-pledge]')?.dataset['pledge'];
    const key =
      p === undefined
        ? t.closest('form.nation') === null
          ? null
          : `nations/${id}`
        : p === ''
          ? null
          : `pledges/${p}`;
    if (key === null || announced.has(key)) return;
    const own = new AbortController();
    announced.set(key, own);
    const [c, itemId] = key.split('/') as ['pledges' | 'nations', string];
    announceEditing(AbortSignal.any([ctx.signal, own.signal]), c, itemId);
  };
  const periodsOf = (p: Pledge): string =>
    `P${p.fromPeriod}–${p.toPeriod === undefined ? 'end' : `P${p.toPeriod}`}`;
  if (edit)
    list = pledgeList({
      signal: ctx.signal,
      nation: id,
      items: own,
      describe: (p) =>
        `${unitName.get(p.unitType) ?? p.unitType} · ${p.units} ${p.units === 1 ? 'unit' : 'units'} · ${periodsOf(p)} · ${p.status}`,
      editor: (item, onState, signal) =>
        pledgeForm({
          signal,
          doc: doc.scenario,
          periods: summary.summary.periods,
          nation: id,
          item,
          taken,
          changed,
          onState,
        }),
      mark: (pledgeId) => mark('pledges', pledgeId),
    });
  ctx.page(
    `${n.name} (${n.id})${edit ? ' — edit pledges' : ''}`,
    head,
    edit ? h('h2', {}, 'Pledges') : '',
    edit ? h('p', {}, h('a', { href: '#/import' }, 'Import a pledge sheet'), ' (CSV or XLSX)') : '',
    exportLinks('pledges'),
    list !== null
      ? h('div', { onfocusin: announce }, list.element)
      : own.length === 0
        ? h('p', {}, 'No pledges.')
        : table({
            columns: [
              'pledge',
              'unit type',
              { label: 'units', num: true },
              'periods',
              'missions',
              'conditions',
              'status',
              'note',
            ],
            rows: own.map(({ value: p }) => [
              h('span', {}, p.id, mark('pledges', p.id)),
              unitName.get(p.unitType) ?? p.unitType,
              p.units,
              periodsOf(p),
              p.missions?.join(', ') ?? 'any',
              p.conditions.join(', '),
              `${p.status}${p.statusDate === undefined ? '' : ` (${p.statusDate})`}`,
              p.note ?? '',
            ]),
          }),
    edit ? h('h2', {}, 'The nation’s own data') : '',
    edit
      ? h(
          'div',
          { onfocusin: announce },
          limitsFold(ctx, nation, doc.scenario, refreshHistory, mark('nations', id)),
        )
      : '',
    h('h2', {}, 'History'),
    history,
  );
  await refreshHistory();
}

/** The nation's own data, folded like a pledge: its line says the limits, inventory and caveats as stored. */
function limitsFold(
  ctx: ViewContext,
  item: Versioned<Nation>,
  doc: Scenario,
  refreshHistory: () => Promise<void>,
  presence: HTMLElement,
): HTMLElement {
  const facts = (n: Nation): string => {
    const held = Object.values(n.inventory).reduce((a, b) => a + b, 0);
    return [
      n.personnelCeiling === undefined
        ? 'no personnel ceiling'
        : `personnel ceiling ${fmt(n.personnelCeiling)}`,
      `${fmt(held)} units held`,
      `${n.caveats.length} ${n.caveats.length === 1 ? 'caveat' : 'caveats'}`,
    ].join(' · ');
  };
  let made: Fold | null = null;
  const content = nationForm(ctx, item, doc, refreshHistory, (saved, unsaved, conflict) => {
    made?.setFacts(facts(saved));
    made?.setMarks(
      conflict
        ? [{ text: 'conflict: choose what to keep', tone: 'bad' }]
        : unsaved
          ? [{ text: 'unsaved changes' }]
          : [],
    );
  });
  const f = fold({
    id: `fold-${item.value.id}-limits`,
    key: 'limits',
    title: `${item.value.name}: limits, inventory and caveats`,
    content,
    extra: presence,
    className: 'limits',
  });
  made = f;
  f.setFacts(facts(item.value));
  return f.element;
}

/**
 * The nation's own data (a liaison may change these, not its role): its limits and its inventory (units
 * held by unit type; an empty box holds none) and its caveats, saved together with the nation's version
 * through the conflict protocol.
 */
function nationForm(
  ctx: ViewContext,
  item: Versioned<Nation>,
  doc: Scenario,
  refreshHistory: () => Promise<void>,
  onState: (saved: Nation, unsaved: boolean, conflict: boolean) => void,
): HTMLElement {
  const keys = [
    ['personnelCeiling', 'Personnel ceiling', '1'],
    ['budgetCeilingUsdPerYear', 'Budget ceiling (US$ a year)', 'any'],
    ['committableShare', 'Share of inventory committable (0–1)', 'any'],
    ['leadTimeDays', 'Days before it can deploy anything', '1'],
  ] as const;
  const inputs = keys.map(([key, label, step]) => {
    const input = h('input', { id: `nation-${key}`, name: key, type: 'number', min: '0', step });
    const issues = issueBox(`nation-${key}-issues`);
    input.setAttribute('aria-describedby', issues.id);
    return { key, input, issues, label: field(input.id, label, input, [issues]) };
  });
  const stock = doc.catalog.map((u) => {
    const input = h('input', {
      id: `inventory-${u.id}`,
      name: `inventory.${u.id}`,
      type: 'number',
      min: '0',
      step: '1',
    });
    const issues = issueBox(`inventory-${u.id}-issues`);
    input.setAttribute('aria-describedby', issues.id);
    return { unitType: u.id, input, issues, label: field(input.id, u.name, input, [issues]) };
  });
  const caveats = caveatEditor(ctx.signal, doc, item.value.id);
  let base = item.value;
  const write = (v: Nation): void => {
    base = v;
    caveats.write(v.caveats);
    for (const i of inputs) {
      const x = (v as Record<string, unknown>)[i.key];
      i.input.value = typeof x === 'number' ? String(x) : '';
    }
    for (const i of stock) {
      const x = v.inventory[i.unitType];
      i.input.value = x === undefined ? '' : String(x);
    }
  };
  write(item.value);
  const read = (): Nation => {
    const value: Record<string, unknown> = { ...base };
    for (const i of inputs) {
      if (i.input.value === '') delete value[i.key];
      else value[i.key] = Number(i.input.value);
    }
    const inventory: Record<string, number> = {};
    for (const i of stock) if (i.input.value !== '') inventory[i.unitType] = Number(i.input.value);
    value['inventory'] = inventory;
    value['caveats'] = caveats.read();
    return value as Nation;
  };
  const other = issueBox();
  const vf = versionedForm<Nation>(item, {
    noun: `nation ${item.value.id}`,
    auditUrl: `${scenarioUrl()}/audit`,
    target: `scenario/${session.scenarioId}/nations/${item.value.id}`,
    read,
    write,
    label: (p) =>
      p[0] === 'caveats' && typeof p[1] === 'number'
        ? `Caveat ${p[1] + 1}${p[2] === undefined ? '' : ` › ${caveatFieldLabel[String(p[2])] ?? String(p[2])}`}`
        : p[0] === 'inventory'
          ? `Inventory › ${doc.catalog.find((u) => u.id === p[1])?.name ?? String(p[1])}`
          : (keys.find(([k]) => k === p[0])?.[1] ?? p.join(' › ')),
    put: async (version, value) =>
      (
        await api<{ item: Versioned<Nation> }>('PUT', `${scenarioUrl()}/nations/${item.value.id}`, {
          version,
          value,
        })
      ).item,
    issues: (all) => {
      const issues = caveats.issues(all);
      for (const i of inputs)
        showIssues(
          i.issues,
          issues.filter((x) => x.path[2] === i.key),
          3,
        );
      for (const i of stock)
        showIssues(
          i.issues,
          issues.filter((x) => x.path[2] === 'inventory' && x.path[3] === i.unitType),
          4,
        );
      showIssues(
        other,
        issues.filter(
          (x) =>
            !inputs.some((i) => i.key === x.path[2]) &&
            !(x.path[2] === 'inventory' && stock.some((i) => i.unitType === x.path[3])),
        ),
      );
    },
    saved: (saved) => {
      write(saved.value);
      const offer = frontierAfterEdit();
      if (offer !== null) vf.status.append(offer);
      void refreshHistory();
    },
  });
  const form = h(
    'form',
    { class: 'pledge nation', 'aria-label': `${item.value.name}: limits, inventory and caveats` },
    h(
      'div',
      { class: 'fields' },
      inputs.map((i) => i.label),
    ),
    h('h4', {}, 'Inventory (units held)'),
    h(
      'div',
      { class: 'fields' },
      stock.map((i) => i.label),
    ),
    h('h4', {}, 'Caveats'),
    h(
      'p',
      { class: 'meta' },
      'What the nation will not do: the planner and the canvass keep its units off the missions a caveat covers.',
    ),
    caveats.element,
    other,
    vf.merge,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, 'Save limits, inventory and caveats'),
      vf.status,
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void vf.save();
  });
  vf.track(form, ctx.signal, () => onState(vf.current().value, vf.unsaved(), vf.conflicted()));
  return form;
}
