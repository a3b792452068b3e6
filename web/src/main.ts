/**
 * Bulwark workspace front end: hash routes, one view function per page, everything through the HTTP API.
 *   #/            dashboard: map and key figures
 *   #/coverage    requirements against what the pledged plan has in place, by mission
 *   #/nations     nations; #/nations/GBR a nation; #/nations/GBR/edit its pledge editor
 *   #/runs        start plan / assurance / briefing runs, watch progress, see results
 *   #/audit       the audit trail
 */
import './style.css';
import {
  ApiError,
  api,
  setCsrf,
  type AuditEntry,
  type Issue,
  type Nation,
  type Pledge,
  type Run,
  type Summary,
  type User,
  type Versioned,
} from './api.js';
import { fmt, h, pct } from './dom.js';
import { drawMap } from './map.js';

let user: User | null = null;
let scenarioId = '';
const main = document.getElementById('main') as HTMLElement;
const top = document.getElementById('top') as HTMLElement;

function setPage(title: string, ...content: (Node | string)[]): void {
  document.title = `${title} · Bulwark`;
  main.replaceChildren(h('h1', {}, title), ...content);
}

function errorBox(e: unknown): HTMLElement {
  const message = e instanceof Error ? e.message : String(e);
  return h('p', { class: 'error', role: 'alert' }, message);
}

function nav(): void {
  if (user === null) {
    top.replaceChildren(h('span', { class: 'brand' }, 'Bulwark'));
    return;
  }
  const link = (href: string, text: string) =>
    h(
      'a',
      {
        href,
        ...(location.hash === href || (href === '#/nations' && /^#\/nations\/[A-Z]{3}$/.test(location.hash))
          ? { 'aria-current': 'page' }
          : {}),
      },
      text,
    );
  const mine =
    user.role === 'liaison' && user.nation !== null
      ? link(`#/nations/${user.nation}/edit`, `My pledges (${user.nation})`)
      : null;
  top.replaceChildren(
    h('span', { class: 'brand' }, 'Bulwark'),
    h(
      'nav',
      { 'aria-label': 'main' },
      link('#/', 'Dashboard'),
      link('#/coverage', 'Coverage'),
      link('#/nations', 'Nations'),
      mine,
      link('#/compare', 'Compare'),
      link('#/runs', 'Runs'),
      link('#/audit', 'Audit'),
      user.role === 'coordinator' ? link('#/users', 'Users') : null,
    ),
    h(
      'span',
      { class: 'who' },
      `${user.username} · ${user.role}${user.nation === null ? '' : ` ${user.nation}`} `,
      h('button', { type: 'button', onclick: () => void signOut() }, 'Sign out'),
    ),
  );
}

async function signOut(): Promise<void> {
  await api('DELETE', '/api/session').catch(() => undefined);
  user = null;
  setCsrf(null);
  location.hash = '#/';
  await route();
}

function loginView(message?: string): void {
  const status = h('p', { class: 'error', role: 'alert' }, message ?? '');
  const form = h(
    'form',
    { class: 'login', 'aria-label': 'sign in' },
    h('label', {}, 'User name', h('input', { name: 'username', autocomplete: 'username', required: true })),
    h(
      'label',
      {},
      'Password',
      h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    ),
    h('button', { type: 'submit' }, 'Sign in'),
    status,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    api<{ user: User; csrfToken: string }>('POST', '/api/session', {
      username: data.get('username'),
      password: data.get('password'),
    })
      .then(async (r) => {
        user = r.user;
        setCsrf(r.csrfToken);
        await route();
      })
      .catch((err: unknown) => {
        status.textContent = err instanceof ApiError ? err.message : String(err);
      });
  });
  nav();
  setPage('Sign in', form);
  (form.querySelector('input') as HTMLInputElement).focus();
}

// ---- dashboard ----

async function dashboardView(): Promise<void> {
  const [s, doc] = await Promise.all([
    api<Summary>('GET', `/api/scenarios/${scenarioId}/summary`),
    api<{
      scenario: { missions: { id: string; locations: { name: string; lat: number; lon: number }[] }[] };
    }>('GET', `/api/scenarios/${scenarioId}`),
  ]);
  const sum = s.summary;
  const coalition = sum.nations.filter((n) => n.role === 'coalition');
  const peakPledged = Math.max(0, ...sum.totals.map((t) => t.pledgedPersonnel));
  const peakRequired = Math.max(0, ...sum.totals.map((t) => t.requiredPersonnel));
  const peakInPlace = Math.max(0, ...sum.totals.map((t) => t.inPlacePersonnel));
  const gaps = s.coverage.filter((m) => m.periodsWithGap > 0).length;
  const figure = (label: string, value: string) =>
    h('div', { class: 'figure' }, h('div', { class: 'value' }, value), h('div', { class: 'label' }, label));
  const places = doc.scenario.missions.flatMap((m) => m.locations.map((l) => ({ ...l, mission: m.id })));
  setPage(
    sum.title,
    h(
      'p',
      { class: 'meta' },
      `As of ${sum.asOf} · version ${s.version} · backstop: ${sum.backstop} · ${s.hash.slice(0, 19)}`,
    ),
    h(
      'div',
      { class: 'figures' },
      figure('coalition nations', String(coalition.length)),
      figure('pledges', String(sum.pledges.length)),
      figure('personnel pledged (peak)', fmt(peakPledged)),
      figure('personnel in place (peak, pledged plan)', fmt(peakInPlace)),
      figure('personnel required (indicative peak)', fmt(peakRequired)),
      figure('missions with a gap', `${gaps} of ${s.coverage.length}`),
      figure('requirement-periods met', `${sum.requirementPeriods.met} of ${sum.requirementPeriods.total}`),
    ),
    h(
      'figure',
      {},
      drawMap({ nations: sum.nations, places }),
      h(
        'figcaption',
        {},
        'Coalition nations shaded by personnel pledged at the peak; host and adversary outlined; dots are mission locations.',
      ),
    ),
    h('h2', {}, 'Largest contributors'),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'nation'),
          h('th', { scope: 'col', class: 'num' }, 'personnel pledged (peak)'),
        ),
      ),
      h(
        'tbody',
        {},
        [...coalition]
          .sort((a, b) => b.pledgedPersonnelPeak - a.pledgedPersonnelPeak)
          .slice(0, 8)
          .map((n) =>
            h(
              'tr',
              {},
              h('td', {}, h('a', { href: `#/nations/${n.id}` }, `${n.name} (${n.id})`)),
              h('td', { class: 'num' }, fmt(n.pledgedPersonnelPeak)),
            ),
          ),
      ),
    ),
  );
}

// ---- coverage ----

async function coverageView(): Promise<void> {
  const s = await api<Summary>('GET', `/api/scenarios/${scenarioId}/summary`);
  const periods = s.summary.periods;
  const sections = s.coverage.map((m) =>
    h(
      'section',
      { 'aria-labelledby': `m-${m.mission}` },
      h(
        'h2',
        { id: `m-${m.mission}` },
        `${m.name} `,
        h(
          'span',
          { class: m.periodsWithGap > 0 ? 'badge gap' : 'badge ok' },
          m.periodsWithGap > 0 ? `gap in ${m.periodsWithGap} of ${periods.length} periods` : 'covered',
        ),
      ),
      user?.role === 'coordinator'
        ? h(
            'p',
            {},
            h('a', { href: `#/missions/${m.mission}/requirements` }, `Edit the requirements of ${m.name}`),
          )
        : '',
      h(
        'div',
        { class: 'scroll' },
        h(
          'table',
          { class: 'coverage' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'capability'),
              h('th', { scope: 'col' }, 'prio'),
              periods.map((_, i) => h('th', { scope: 'col', class: 'num', title: periods[i] }, `P${i + 1}`)),
            ),
          ),
          h(
            'tbody',
            {},
            m.capabilities.map((c) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, c.capability, h('div', { class: 'unit' }, c.unit)),
                h('td', {}, c.priority),
                c.byPeriod.map((cell) =>
                  h(
                    'td',
                    {
                      class: `num ${cell.required === 0 ? 'none' : cell.gap > 0 ? 'short' : 'met'}`,
                      title: `required ${cell.required}, in place ${cell.available}`,
                    },
                    cell.required === 0 ? '—' : `${fmt(cell.available)} / ${fmt(cell.required)}`,
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  setPage(
    'Requirements against what is in place',
    h(
      'p',
      {},
      'Each cell: capability the pledged plan has in place on the mission (after lead times, each unit on one mission, as `bulwark plan` allocates it) / capability required. A gap here is a gap in the plan.',
    ),
    h(
      'p',
      {},
      h(
        'a',
        { href: `/api/scenarios/${scenarioId}/export.csv?table=coverage`, download: '' },
        'Download as CSV',
      ),
    ),
    ...sections,
  );
}

interface RequirementRow {
  capability: string;
  amount: number;
  fromPeriod: number;
  toPeriod?: number;
  priority: number;
  [k: string]: unknown;
}

/** A coordinator edits a mission's requirements: one row per requirement, saved together with the mission's version. */
async function requirementsView(missionId: string): Promise<void> {
  if (user?.role !== 'coordinator')
    return setPage(
      'Not allowed',
      h('p', { class: 'error', role: 'alert' }, 'Only a coordinator edits requirements.'),
    );
  const [req, caps] = await Promise.all([
    api<Versioned<RequirementRow[]>>(
      'GET',
      `/api/scenarios/${scenarioId}/missions/${encodeURIComponent(missionId)}/requirements`,
    ),
    api<{ items: Versioned<{ id: string; name: string; unit: string }>[] }>(
      'GET',
      `/api/scenarios/${scenarioId}/capabilities`,
    ),
  ]);
  let version = req.version;
  const rows = req.value.map((r, i) => {
    const cell = (name: string, label: string, v: number | undefined, min: string, step: string) =>
      h('input', {
        name,
        type: 'number',
        min,
        step,
        value: v ?? '',
        'aria-label': `${label}, requirement ${i + 1} (${r.capability})`,
        ...(name === 'toPeriod' ? { placeholder: 'end' } : {}),
      });
    return {
      base: r,
      amount: cell('amount', 'amount', r.amount, '0', 'any'),
      from: cell('fromPeriod', 'from period', r.fromPeriod, '1', '1'),
      to: cell('toPeriod', 'to period', r.toPeriod, '1', '1'),
      priority: cell('priority', 'priority', r.priority, '1', '1'),
    };
  });
  const unit = new Map(caps.items.map((c) => [c.value.id, `${c.value.name} (${c.value.unit})`]));
  const issues = h('ul', { class: 'issues', 'aria-live': 'polite' });
  const message = h('p', { class: 'status', role: 'status' });
  const form = h(
    'form',
    { 'aria-label': 'requirements' },
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['capability', 'amount', 'from period', 'to period', 'priority (1 highest)'].map((c) =>
            h('th', { scope: 'col' }, c),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            {},
            h('td', {}, unit.get(r.base.capability) ?? r.base.capability),
            h('td', {}, r.amount),
            h('td', {}, r.from),
            h('td', {}, r.to),
            h('td', {}, r.priority),
          ),
        ),
      ),
    ),
    issues,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save requirements'), message),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = rows.map((r) => {
      const next: RequirementRow = {
        ...r.base,
        amount: Number(r.amount.value),
        fromPeriod: Number(r.from.value),
        priority: Number(r.priority.value),
      };
      if (r.to.value === '') delete next.toPeriod;
      else next.toPeriod = Number(r.to.value);
      return next;
    });
    api<{ item: Versioned<{ requirements: RequirementRow[] }> }>(
      'PUT',
      `/api/scenarios/${scenarioId}/missions/${encodeURIComponent(missionId)}/requirements`,
      { version, value },
    )
      .then((r) => {
        version = r.item.version;
        issues.replaceChildren();
        message.textContent = `Saved (mission version ${version}).`;
      })
      .catch((err: unknown) => {
        message.textContent = err instanceof Error ? err.message : String(err);
        if (err instanceof ApiError) {
          issues.replaceChildren(
            ...err.issues.map((i) =>
              h('li', { class: i.severity }, `${i.path.slice(2).join('.')}: ${i.message}`),
            ),
          );
          if (err.current !== undefined) {
            version = err.current.version;
            message.textContent += ' Reload the page to see the other change.';
          }
        }
      });
  });
  setPage(`Requirements: ${missionId}`, h('p', {}, h('a', { href: '#/coverage' }, 'Back to coverage')), form);
}

// ---- nations ----

async function nationsView(): Promise<void> {
  const s = await api<Summary>('GET', `/api/scenarios/${scenarioId}/summary`);
  setPage(
    'Nations',
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'nation'),
          h('th', { scope: 'col' }, 'role'),
          h('th', { scope: 'col', class: 'num' }, 'pledged (peak)'),
        ),
      ),
      h(
        'tbody',
        {},
        s.summary.nations.map((n) =>
          h(
            'tr',
            {},
            h('td', {}, h('a', { href: `#/nations/${n.id}` }, `${n.name} (${n.id})`)),
            h('td', {}, n.role),
            h('td', { class: 'num' }, n.role === 'coalition' ? fmt(n.pledgedPersonnelPeak) : ''),
          ),
        ),
      ),
    ),
  );
}

const mayEdit = (nation: string): boolean =>
  user?.role === 'coordinator' || (user?.role === 'liaison' && user.nation === nation);

async function nationView(id: string, edit: boolean): Promise<void> {
  if (edit && !mayEdit(id)) {
    setPage(
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
    return;
  }
  const [nation, pledges, catalog] = await Promise.all([
    api<Versioned<Nation>>('GET', `/api/scenarios/${scenarioId}/nations/${id}`),
    api<{ items: Versioned<Pledge>[] }>('GET', `/api/scenarios/${scenarioId}/pledges`),
    api<{ items: Versioned<{ id: string; name: string; personnel: number }>[] }>(
      'GET',
      `/api/scenarios/${scenarioId}/catalog`,
    ),
  ]);
  const own = pledges.items.filter((p) => p.value.nation === id);
  const unitName = new Map(catalog.items.map((u) => [u.value.id, u.value.name]));
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
  const rows = own.map((p) => (edit ? pledgeEditor(p, unitName) : pledgeRow(p.value, unitName)));
  setPage(
    `${n.name} (${n.id})${edit ? ' — edit pledges' : ''}`,
    head,
    own.length === 0
      ? h('p', {}, 'No pledges.')
      : edit
        ? h('div', { class: 'pledges' }, rows)
        : h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['pledge', 'unit type', 'units', 'periods', 'status'].map((c) =>
                  h('th', { scope: 'col' }, c),
                ),
              ),
            ),
            h('tbody', {}, rows),
          ),
    edit
      ? await newPledgeForm(
          id,
          catalog.items.map((u) => u.value),
        )
      : '',
    edit ? nationForm(nation) : '',
    h('h2', {}, 'History'),
    await auditList({ target: undefined, nation: id }),
  );
}

/** The nation's own limits (a liaison may change these, not its role): saved with its version. */
function nationForm(item: Versioned<Nation>): HTMLElement {
  let current = item;
  const num = (name: string, label: string, v: unknown, step = '1') => {
    const input = h('input', {
      id: `nation-${name}`,
      name,
      type: 'number',
      min: '0',
      step,
      value: typeof v === 'number' ? v : '',
    });
    return { input, label: h('label', { for: `nation-${name}` }, label, input) };
  };
  const ceiling = num('personnelCeiling', 'Personnel ceiling', current.value.personnelCeiling);
  const budget = num(
    'budgetCeilingUsdPerYear',
    'Budget ceiling (US$ a year)',
    current.value['budgetCeilingUsdPerYear'],
    'any',
  );
  const share = num(
    'committableShare',
    'Share of inventory committable (0–1)',
    current.value['committableShare'],
    'any',
  );
  const message = h('p', { class: 'status', role: 'status' });
  const issues = h('ul', { class: 'issues', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'pledge', 'aria-labelledby': 'nation-title' },
    h('h3', { id: 'nation-title' }, `${current.value.name}: limits`),
    h('div', { class: 'fields' }, ceiling.label, budget.label, share.label),
    issues,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save limits'), message),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value: Record<string, unknown> = { ...current.value };
    for (const [key, el] of [
      ['personnelCeiling', ceiling.input],
      ['budgetCeilingUsdPerYear', budget.input],
      ['committableShare', share.input],
    ] as const) {
      if (el.value === '') delete value[key];
      else value[key] = Number(el.value);
    }
    api<{ item: Versioned<Nation> }>('PUT', `/api/scenarios/${scenarioId}/nations/${current.value.id}`, {
      version: current.version,
      value,
    })
      .then((r) => {
        current = r.item;
        issues.replaceChildren();
        message.textContent = `Saved (version ${current.version}).`;
        void refreshHistory();
      })
      .catch((err: unknown) => {
        message.textContent = err instanceof Error ? err.message : String(err);
        if (err instanceof ApiError) {
          issues.replaceChildren(
            ...err.issues.map((i) =>
              h('li', { class: i.severity }, `${i.path.slice(2).join('.')}: ${i.message}`),
            ),
          );
          if (err.current !== undefined) current = err.current as Versioned<Nation>;
        }
      });
  });
  return form;
}

/** Adds a pledge of `nation`: checked as you type (the same rules as saving), created on submit. */
async function newPledgeForm(
  nation: string,
  catalog: readonly { id: string; name: string }[],
): Promise<HTMLElement> {
  const doc = await api<{ scenario: { meta: { sources: Record<string, { citation: string }> } } }>(
    'GET',
    `/api/scenarios/${scenarioId}`,
  );
  const pid = h('input', {
    id: 'new-pledge-id',
    name: 'id',
    required: true,
    value: `${nation.toLowerCase()}-`,
  });
  const unit = h(
    'select',
    { id: 'new-pledge-unit', name: 'unitType' },
    catalog.map((u) => h('option', { value: u.id }, u.name)),
  );
  const units = h('input', {
    id: 'new-pledge-units',
    name: 'units',
    type: 'number',
    min: '0',
    step: 'any',
    value: '1',
  });
  const status = h(
    'select',
    { id: 'new-pledge-status', name: 'status' },
    ['assumed', 'announced', 'offered', 'confirmed', 'deployed'].map((x) => h('option', { value: x }, x)),
  );
  const source = h(
    'select',
    { id: 'new-pledge-source', name: 'source' },
    Object.entries(doc.scenario.meta.sources).map(([k, v]) =>
      h('option', { value: k }, `${k} — ${v.citation.slice(0, 60)}`),
    ),
  );
  const issues = h('ul', { class: 'issues', 'aria-live': 'polite' });
  const message = h('p', { class: 'status', role: 'status' });
  const value = () => ({
    id: pid.value,
    nation,
    unitType: unit.value,
    units: Number(units.value),
    status: status.value,
    source: source.value,
  });
  const show = (list: readonly Issue[]) =>
    issues.replaceChildren(
      ...list.map((i) =>
        h('li', { class: i.severity }, `${i.path.slice(2).join('.') || 'pledge'}: ${i.message}`),
      ),
    );
  let timer: number | undefined;
  const check = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(pid.value))
        return show([
          {
            code: 'id',
            severity: 'error',
            path: ['pledges', pid.value, 'id'],
            message: 'an id: letters, digits, "-", "_" or "."',
          },
        ]);
      api<{ issues: Issue[] }>(
        'POST',
        `/api/scenarios/${scenarioId}/pledges/${encodeURIComponent(pid.value)}/check`,
        { value: value() },
      )
        .then((r) => show(r.issues))
        .catch(
          (e: unknown) =>
            e instanceof ApiError &&
            show(
              e.issues.length > 0
                ? e.issues
                : [{ code: e.code, severity: 'error', path: [], message: e.message }],
            ),
        );
    }, 200);
  };
  for (const el of [pid, unit, units, status, source]) el.addEventListener('input', check);
  const form = h(
    'form',
    { class: 'pledge', 'aria-labelledby': 'new-pledge-title' },
    h('h3', { id: 'new-pledge-title' }, 'Add a pledge'),
    h(
      'div',
      { class: 'fields' },
      h('label', { for: 'new-pledge-id' }, 'Id', pid),
      h('label', { for: 'new-pledge-unit' }, 'Unit type', unit),
      h('label', { for: 'new-pledge-units' }, 'Units deployed', units),
      h('label', { for: 'new-pledge-status' }, 'Status', status),
      h('label', { for: 'new-pledge-source' }, 'Source', source),
    ),
    issues,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Add pledge'), message),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    api('POST', `/api/scenarios/${scenarioId}/pledges`, { value: value() })
      .then(() => route())
      .catch((err: unknown) => {
        message.textContent = err instanceof Error ? err.message : String(err);
        if (err instanceof ApiError) show(err.issues);
      });
  });
  return form;
}

function pledgeRow(p: Pledge, unitName: Map<string, string>): HTMLElement {
  return h(
    'tr',
    {},
    h('td', {}, p.id),
    h('td', {}, unitName.get(p.unitType) ?? p.unitType),
    h('td', { class: 'num' }, p.units),
    h('td', {}, `${p.fromPeriod}–${p.toPeriod ?? 'end'}`),
    h('td', {}, p.status),
  );
}

/** Issues for one field of a pledge (path `pledges.<id>.<field>`), or for the pledge as a whole. */
function issuesFor(issues: readonly Issue[], id: string, field: string | null): Issue[] {
  return issues.filter(
    (i) =>
      i.path[0] === 'pledges' &&
      i.path[1] === id &&
      (field === null
        ? i.path.length <= 2 || !['units', 'status', 'fromPeriod', 'toPeriod'].includes(String(i.path[2]))
        : i.path[2] === field),
  );
}

function pledgeEditor(item: Versioned<Pledge>, unitName: Map<string, string>): HTMLElement {
  let current = item;
  const p = () => current.value;
  const fid = (f: string) => `pledge-${p().id}-${f}`;
  const units = h('input', {
    id: fid('units'),
    name: 'units',
    type: 'number',
    step: 'any',
    min: '0',
    value: p().units,
    'aria-describedby': fid('units-issues'),
  });
  const from = h('input', {
    id: fid('fromPeriod'),
    name: 'fromPeriod',
    type: 'number',
    step: '1',
    min: '1',
    value: p().fromPeriod,
    'aria-describedby': fid('fromPeriod-issues'),
  });
  const to = h('input', {
    id: fid('toPeriod'),
    name: 'toPeriod',
    type: 'number',
    step: '1',
    min: '1',
    value: p().toPeriod ?? '',
    placeholder: 'end',
    'aria-describedby': fid('toPeriod-issues'),
  });
  const status = h(
    'select',
    { id: fid('status'), name: 'status' },
    ['assumed', 'announced', 'offered', 'confirmed', 'deployed'].map((s) =>
      h('option', { value: s, ...(s === p().status ? { selected: true } : {}) }, s),
    ),
  );
  const fieldIssues = (f: string) =>
    h('ul', { id: fid(`${f}-issues`), class: 'issues', 'aria-live': 'polite' });
  const boxes = {
    units: fieldIssues('units'),
    fromPeriod: fieldIssues('fromPeriod'),
    toPeriod: fieldIssues('toPeriod'),
    status: fieldIssues('status'),
    other: fieldIssues('other'),
  };
  const message = h('p', { class: 'status', role: 'status' });
  const save = h('button', { type: 'submit' }, 'Save');
  const version = h('span', { class: 'version' }, `version ${current.version}`);

  const value = (): Pledge => {
    const v: Record<string, unknown> = {
      ...p(),
      units: Number(units.value),
      fromPeriod: Number(from.value),
      status: status.value,
    };
    if (to.value === '') delete v['toPeriod'];
    else v['toPeriod'] = Number(to.value);
    return v as Pledge;
  };
  const show = (issues: readonly Issue[]): void => {
    for (const [f, box] of Object.entries(boxes)) {
      const list = f === 'other' ? issuesFor(issues, p().id, null) : issuesFor(issues, p().id, f);
      box.replaceChildren(...list.map((i) => h('li', { class: i.severity }, i.message)));
    }
    const errors = issues.filter((i) => i.severity === 'error');
    units.setAttribute('aria-invalid', String(issuesFor(errors, p().id, 'units').length > 0));
    save.toggleAttribute('disabled', errors.length > 0);
  };
  let timer: number | undefined;
  let seq = 0;
  const check = (): void => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const mine = ++seq;
      api<{ valid: boolean; issues: Issue[] }>(
        'POST',
        `/api/scenarios/${scenarioId}/pledges/${p().id}/check`,
        { value: value() },
      )
        .then((r) => {
          if (mine === seq) show(r.issues);
        })
        .catch((e: unknown) => {
          if (mine === seq && e instanceof ApiError)
            show(
              e.issues.length > 0
                ? e.issues
                : [{ code: e.code, severity: 'error', path: ['pledges', p().id], message: e.message }],
            );
        });
    }, 200);
  };
  for (const el of [units, from, to, status]) el.addEventListener('input', check);

  const form = h(
    'form',
    { class: 'pledge', 'aria-labelledby': fid('title') },
    h(
      'h3',
      { id: fid('title') },
      `${p().id} `,
      h('span', { class: 'unit' }, unitName.get(p().unitType) ?? p().unitType),
      ' ',
      version,
    ),
    h(
      'div',
      { class: 'fields' },
      h('label', { for: fid('units') }, 'Units deployed', units, boxes.units),
      h('label', { for: fid('fromPeriod') }, 'From period', from, boxes.fromPeriod),
      h('label', { for: fid('toPeriod') }, 'To period', to, boxes.toPeriod),
      h('label', { for: fid('status') }, 'Status', status, boxes.status),
    ),
    boxes.other,
    h('div', { class: 'actions' }, save, message),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    message.textContent = 'Saving…';
    api<{ scenarioVersion: number; item: Versioned<Pledge> }>(
      'PUT',
      `/api/scenarios/${scenarioId}/pledges/${p().id}`,
      { version: current.version, value: value() },
    )
      .then((r) => {
        current = r.item;
        version.textContent = `version ${current.version}`;
        message.textContent = `Saved (scenario version ${r.scenarioVersion}).`;
        show([]);
        void refreshHistory();
      })
      .catch((err: unknown) => {
        if (!(err instanceof ApiError)) return void (message.textContent = String(err));
        if (err.code === 'conflict' && err.current !== undefined) {
          current = err.current as Versioned<Pledge>;
          version.textContent = `version ${current.version}`;
          units.value = String(p().units);
          from.value = String(p().fromPeriod);
          to.value = p().toPeriod === undefined ? '' : String(p().toPeriod);
          status.value = p().status;
          message.textContent = `Someone else changed this pledge (now version ${current.version}); their values are shown. Reapply your change and save again.`;
        } else {
          message.textContent = err.message;
          show(err.issues);
        }
      });
  });
  return form;
}

async function refreshHistory(): Promise<void> {
  const m = /^#\/nations\/([A-Z]{3})/.exec(location.hash);
  const old = main.querySelector('.audit');
  if (m?.[1] === undefined || old === null) return;
  old.replaceWith(await auditList({ target: undefined, nation: m[1] }));
}

// ---- audit ----

function describeChange(e: AuditEntry): string {
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

async function auditList(q: { target: string | undefined; nation?: string }): Promise<HTMLElement> {
  let entries = await api<AuditEntry[]>('GET', `/api/scenarios/${scenarioId}/audit?limit=200`);
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
  return h(
    'table',
    { class: 'audit' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['#', 'when', 'who', 'what', 'object', 'change', 'version'].map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      entries.map((e) =>
        h(
          'tr',
          {},
          h('td', { class: 'num' }, e.seq),
          h('td', {}, new Date(e.at).toLocaleString('en-GB')),
          h('td', {}, e.actor),
          h('td', {}, e.action),
          h('td', {}, e.target.split('/').slice(2).join('/')),
          h('td', { class: 'change' }, describeChange(e)),
          h('td', { class: 'num' }, e.scenarioVersion ?? ''),
        ),
      ),
    ),
  );
}

async function auditView(): Promise<void> {
  setPage(
    'Audit trail',
    h(
      'p',
      {},
      'Every change to the scenario, newest first. Entries are hash-chained; a coordinator can verify the chain.',
    ),
    await auditList({ target: undefined }),
  );
  if (user?.role === 'coordinator') {
    const out = h('span', { role: 'status' });
    main.insertBefore(
      h(
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
      ),
      main.querySelector('table'),
    );
  }
}

// ---- variants ----

async function compareView(): Promise<void> {
  const base = await api<Summary>('GET', `/api/scenarios/${scenarioId}/summary`);
  const cases = [{ id: '', name: 'Base scenario', description: 'as stored' }, ...base.summary.variants];
  const rows = await Promise.all(
    cases.map(async (c) => {
      try {
        const s =
          c.id === ''
            ? base
            : await api<Summary>(
                'GET',
                `/api/scenarios/${scenarioId}/summary?variants=${encodeURIComponent(c.id)}`,
              );
        const peak = Math.max(0, ...s.summary.totals.map((t) => t.pledgedPersonnel));
        const required = Math.max(0, ...s.summary.totals.map((t) => t.requiredPersonnel));
        const active = s.summary.pledges.filter((p) => p.active).length;
        const gaps = s.coverage.filter((m) => m.periodsWithGap > 0).map((m) => m.mission);
        return h(
          'tr',
          {},
          h('th', { scope: 'row' }, c.name, h('div', { class: 'unit' }, c.description)),
          h('td', { class: 'num' }, fmt(peak)),
          h('td', { class: 'num' }, required === 0 ? '—' : pct(peak / required)),
          h('td', { class: 'num' }, `${active} of ${s.summary.pledges.length}`),
          h('td', {}, s.summary.backstop),
          h('td', {}, gaps.length === 0 ? 'none' : gaps.join(', ')),
        );
      } catch (e) {
        return h('tr', {}, h('th', { scope: 'row' }, c.name), h('td', { colspan: 5 }, errorBox(e)));
      }
    }),
  );
  setPage(
    'Compare variants',
    h(
      'p',
      {},
      'Pledges and coverage with each variant of the scenario applied. For outcome probabilities, start a briefing run that compares the variant.',
    ),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [
            'case',
            'personnel pledged (peak)',
            'of required (indicative)',
            'active pledges',
            'backstop',
            'missions with a gap',
          ].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h('tbody', {}, rows),
    ),
  );
}

// ---- users (coordinator) ----

async function usersView(): Promise<void> {
  if (user?.role !== 'coordinator')
    return setPage(
      'Not allowed',
      h('p', { class: 'error', role: 'alert' }, 'Only a coordinator manages users.'),
    );
  const [users, s] = await Promise.all([
    api<(User & { createdAt: string; disabled: boolean })[]>('GET', '/api/users'),
    api<Summary>('GET', `/api/scenarios/${scenarioId}/summary`),
  ]);
  const status = h('p', { role: 'status' });
  const role = h(
    'select',
    { id: 'new-role', name: 'role' },
    ['liaison', 'viewer', 'coordinator'].map((r) => h('option', { value: r }, r)),
  );
  const nation = h(
    'select',
    { id: 'new-nation', name: 'nation' },
    s.summary.nations
      .filter((n) => n.role === 'coalition')
      .map((n) => h('option', { value: n.id }, `${n.name} (${n.id})`)),
  );
  role.addEventListener('change', () => nation.toggleAttribute('disabled', role.value !== 'liaison'));
  const form = h(
    'form',
    { class: 'run', 'aria-label': 'add a user' },
    h(
      'label',
      { for: 'new-username' },
      'User name',
      h('input', {
        id: 'new-username',
        name: 'username',
        required: true,
        pattern: '[A-Za-z0-9_.\\-]{1,64}',
        autocomplete: 'off',
      }),
    ),
    h(
      'label',
      { for: 'new-password' },
      'Initial password (10+ characters)',
      h('input', {
        id: 'new-password',
        name: 'password',
        type: 'password',
        minlength: 10,
        required: true,
        autocomplete: 'new-password',
      }),
    ),
    h('label', { for: 'new-role' }, 'Role', role),
    h('label', { for: 'new-nation' }, 'Nation (liaison)', nation),
    h('button', { type: 'submit' }, 'Add user'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const body = {
      username: data.get('username'),
      password: data.get('password'),
      role: role.value,
      ...(role.value === 'liaison' ? { nation: nation.value } : {}),
    };
    api('POST', '/api/users', body)
      .then(() => usersView())
      .catch((err: unknown) => (status.textContent = err instanceof Error ? err.message : String(err)));
  });
  setPage(
    'Users',
    form,
    status,
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['user', 'role', 'nation', 'created', 'access'].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        users.map((u) =>
          h(
            'tr',
            {},
            h('td', {}, u.username),
            h('td', {}, u.role),
            h('td', {}, u.nation ?? ''),
            h('td', {}, new Date(u.createdAt).toLocaleString('en-GB')),
            h(
              'td',
              {},
              u.username === user?.username
                ? 'you'
                : h(
                    'button',
                    {
                      type: 'button',
                      onclick: () =>
                        void api('PUT', `/api/users/${encodeURIComponent(u.username)}`, {
                          disabled: !u.disabled,
                        })
                          .then(() => usersView())
                          .catch(
                            (e: unknown) => (status.textContent = e instanceof Error ? e.message : String(e)),
                          ),
                    },
                    u.disabled ? `Enable ${u.username}` : `Disable ${u.username}`,
                  ),
            ),
          ),
        ),
      ),
    ),
  );
}

// ---- runs ----

function resultView(run: Run, result: unknown): HTMLElement {
  if (run.kind === 'plan') {
    const r = result as {
      plan: {
        status: string;
        weightedShortfall: number;
        totalCostUsd: number;
        shortfall: { mission: string; capability: string; explanation: string }[];
        personnelByNation: { nation: string; peakDeployed: number }[];
      };
    };
    const p = r.plan;
    return h(
      'div',
      { class: 'result' },
      h(
        'p',
        {},
        `Plan ${p.status}: cost ${fmt(p.totalCostUsd / 1e9)} bn US$ over the horizon; weighted shortfall ${p.weightedShortfall.toFixed(2)}.`,
      ),
      h('h3', {}, 'Shortfalls'),
      p.shortfall.length === 0
        ? h('p', {}, 'None.')
        : h(
            'ul',
            {},
            p.shortfall
              .slice(0, 12)
              .map((s) => h('li', {}, `${s.mission} / ${s.capability}: ${s.explanation}`)),
          ),
    );
  }
  if (run.kind === 'assure') {
    const r = result as {
      result: {
        runs: number;
        seed: number;
        cases: { label: string; outcomes: Record<string, { p: number; lo: number; hi: number }> }[];
      };
    };
    const cases = r.result.cases;
    const first = cases[0];
    return h(
      'div',
      { class: 'result' },
      h('p', {}, `${fmt(r.result.runs)} runs per case, seed ${r.result.seed}; probability (95 % interval).`),
      first === undefined
        ? ''
        : h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, 'outcome'),
                cases.map((c) => h('th', { scope: 'col', class: 'num' }, c.label)),
              ),
            ),
            h(
              'tbody',
              {},
              Object.keys(first.outcomes).map((k) =>
                h(
                  'tr',
                  {},
                  h('td', {}, k),
                  cases.map((c) => {
                    const o = c.outcomes[k];
                    return h(
                      'td',
                      { class: 'num' },
                      o === undefined ? '' : `${pct(o.p)} (${pct(o.lo)} – ${pct(o.hi)})`,
                    );
                  }),
                ),
              ),
            ),
          ),
    );
  }
  if (run.kind === 'brief')
    return h(
      'p',
      {},
      h('a', { href: `/api/runs/${run.id}/briefing.html`, download: '' }, 'Download the briefing (HTML)'),
    );
  return h('pre', {}, JSON.stringify(result, null, 2).slice(0, 4000));
}

function watch(run: Run, into: HTMLElement): void {
  const bar = h('progress', { max: 1, value: 0, 'aria-label': `${run.kind} progress` });
  const label = h('span', { role: 'status' }, run.status);
  into.replaceChildren(
    h(
      'p',
      {},
      `${run.kind} run on scenario version ${run.scenarioVersion}${run.seed === null ? '' : `, seed ${run.seed}`} `,
      bar,
      ' ',
      label,
    ),
  );
  const es = new EventSource(`/api/runs/${run.id}/events`);
  es.addEventListener('progress', (e) => {
    const p = JSON.parse((e as MessageEvent<string>).data) as {
      done: number;
      total: number;
      message?: string;
    };
    bar.max = p.total;
    bar.value = p.done;
    label.textContent = `${p.message ?? 'running'} ${pct(p.total > 0 ? p.done / p.total : 0)}`;
  });
  es.addEventListener('status', (e) => {
    label.textContent = (JSON.parse((e as MessageEvent<string>).data) as Run).status;
  });
  es.addEventListener('done', (e) => {
    es.close();
    const final = JSON.parse((e as MessageEvent<string>).data) as Run;
    label.textContent = final.status;
    bar.value = bar.max;
    if (final.status !== 'succeeded') return void into.append(errorBox(final.error ?? final.status));
    void api<unknown>('GET', `/api/runs/${final.id}/result`).then((r) => into.append(resultView(final, r)));
  });
}

async function runsView(): Promise<void> {
  const [kinds, runs, s] = await Promise.all([
    api<{ name: string; description: string }[]>('GET', '/api/run-kinds'),
    api<Run[]>('GET', `/api/scenarios/${scenarioId}/runs`),
    api<Summary>('GET', `/api/scenarios/${scenarioId}/summary`),
  ]);
  const live = h('div', { class: 'live' });
  const kind = h(
    'select',
    { id: 'run-kind', name: 'kind' },
    kinds.map((k) => h('option', { value: k.name }, `${k.name} — ${k.description}`)),
  );
  const variant = h(
    'select',
    { id: 'run-variant', name: 'variant' },
    h('option', { value: '' }, '(base scenario)'),
    s.summary.variants.map((v) => h('option', { value: v.id }, v.name)),
  );
  const count = h('input', {
    id: 'run-runs',
    name: 'runs',
    type: 'number',
    min: '100',
    step: '100',
    value: '2000',
  });
  const form = h(
    'form',
    { class: 'run', 'aria-label': 'start a run' },
    h('label', { for: 'run-kind' }, 'Kind', kind),
    h('label', { for: 'run-variant' }, 'Variant', variant),
    h('label', { for: 'run-runs' }, 'Monte Carlo runs (assure, brief)', count),
    h('button', { type: 'submit', ...(user?.role === 'viewer' ? { disabled: true } : {}) }, 'Start'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const options: Record<string, unknown> = kind.value === 'plan' ? {} : { runs: Number(count.value) };
    const body = { kind: kind.value, variants: variant.value === '' ? [] : [variant.value], options };
    // Briefings and assurance compare the variant with the base case (same runs); a plan applies it.
    if (kind.value !== 'plan' && variant.value !== '')
      Object.assign(body, { variants: [], options: { ...options, compare: [variant.value] } });
    api<Run>('POST', `/api/scenarios/${scenarioId}/runs`, body)
      .then((run) => watch(run, live))
      .catch((err: unknown) => live.replaceChildren(errorBox(err)));
  });
  setPage(
    'Runs',
    user?.role === 'viewer' ? h('p', {}, 'Viewers can see runs but not start them.') : form,
    live,
    h('h2', {}, 'Earlier runs'),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['started', 'by', 'kind', 'version', 'seed', 'status', ''].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        runs.map((r) =>
          h(
            'tr',
            {},
            h('td', {}, new Date(r.createdAt).toLocaleString('en-GB')),
            h('td', {}, r.createdBy),
            h('td', {}, r.kind),
            h('td', { class: 'num' }, r.scenarioVersion),
            h('td', { class: 'num' }, r.seed ?? ''),
            h('td', {}, r.status),
            h(
              'td',
              {},
              r.status === 'succeeded'
                ? h(
                    'button',
                    {
                      type: 'button',
                      onclick: () =>
                        void api<unknown>('GET', `/api/runs/${r.id}/result`).then((x) =>
                          live.replaceChildren(resultView(r, x)),
                        ),
                    },
                    'Show',
                  )
                : '',
            ),
          ),
        ),
      ),
    ),
  );
}

// ---- router ----

async function route(): Promise<void> {
  if (user === null) {
    try {
      const s = await api<{ user: User; csrfToken: string | null }>('GET', '/api/session');
      user = s.user;
      setCsrf(s.csrfToken);
    } catch {
      return loginView();
    }
  }
  if (scenarioId === '') scenarioId = (await api<{ id: string }[]>('GET', '/api/scenarios'))[0]?.id ?? '';
  nav();
  const hash = location.hash || '#/';
  const nationMatch = /^#\/nations\/([A-Z]{3})(\/edit)?$/.exec(hash);
  try {
    if (hash === '#/') await dashboardView();
    else if (hash === '#/coverage') await coverageView();
    else if (hash === '#/nations') await nationsView();
    else if (nationMatch?.[1] !== undefined) await nationView(nationMatch[1], nationMatch[2] !== undefined);
    else if (/^#\/missions\/[^/]+\/requirements$/.test(hash))
      await requirementsView(decodeURIComponent(hash.split('/')[2] ?? ''));
    else if (hash === '#/compare') await compareView();
    else if (hash === '#/runs') await runsView();
    else if (hash === '#/audit') await auditView();
    else if (hash === '#/users') await usersView();
    else setPage('Not found', h('p', {}, h('a', { href: '#/' }, 'Back to the dashboard')));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      user = null;
      return loginView('Your session has ended; sign in again.');
    }
    setPage('Error', errorBox(e));
  }
  main.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', () => void route());
void route();
