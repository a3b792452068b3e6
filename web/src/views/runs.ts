/**
 * #/runs — start plan, assurance, briefing and frontier runs (one per click, with a name and a note),
 * watch them, cancel them; the list refreshes by itself. #/runs/<id> — one run: what it ran on (the
 * stored scenario version, its hash and seed), its progress and its result in words: a plan as coverage
 * and gaps, an assurance in the model's vocabulary with intervals and paired differences, a briefing shown
 * in the page.
 */
import { MEASURE_TERMS, OUTCOME_TERMS } from '../../../src/core/assure/index.js';
import { reproduceCommand as cliCommand } from '../../../src/core/shared/index.js';
import type { CoverageRow, ShortfallRow } from '../../../src/core/plan/index.js';
import { ApiError, api, type Run, type Scenario, type Summary } from '../api.js';
import { issueBox, showIssues } from '../components/issues.js';
import { runProgress } from '../components/run-progress.js';
import { table } from '../components/table.js';
import { errorBox, figures, fmt, h, when } from '../dom.js';
import { every } from '../lifecycle.js';
import type { ViewContext } from '../router.js';
import { mayRun, scenarioUrl, session } from '../session.js';

/** The Monte Carlo runs a workspace run uses unless told otherwise: the CLI's and the briefing's default. */
export const DEFAULT_RUNS = 20_000;

/** What the server stores as a run's options (src/app/run-queue.ts `submit`). */
interface StoredOptions {
  readonly variants?: readonly string[];
  readonly options?: Record<string, unknown>;
  readonly name?: string;
  readonly note?: string;
}
const stored = (r: Run): StoredOptions => r.options ?? {};
const runName = (r: Run): string => stored(r).name ?? `${r.kind} run`;
const finished = (r: Run): boolean => !['queued', 'running'].includes(r.status);

const cancelButton = (r: Run, after: () => void, out: HTMLElement): HTMLButtonElement =>
  h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      onclick: (e: Event) => {
        (e.currentTarget as HTMLButtonElement).disabled = true;
        api('DELETE', `/api/runs/${encodeURIComponent(r.id)}`).then(after, (err: unknown) =>
          out.replaceChildren(errorBox(err)),
        );
      },
    },
    `Cancel ${runName(r)}`,
  );

export async function runsView(ctx: ViewContext): Promise<void> {
  const [kinds, runs, s] = await Promise.all([
    api<{ name: string; description: string }[]>('GET', '/api/run-kinds', undefined, ctx.signal),
    api<Run[]>('GET', `${scenarioUrl()}/runs`, undefined, ctx.signal),
    api<Summary>('GET', `${scenarioUrl()}/summary`, undefined, ctx.signal),
  ]);
  const live = h('div', { class: 'live', 'aria-live': 'polite' });
  const listBox = h('div', { class: 'run-list' });
  const drawList = (list: readonly Run[]): void =>
    listBox.replaceChildren(
      list.length === 0
        ? h('p', {}, 'No runs yet.')
        : table({
            class: 'runs',
            label: 'runs',
            columns: [
              'run',
              'started',
              'by',
              'kind',
              { label: 'version', num: true },
              { label: 'seed', num: true },
              'status',
              'actions',
            ],
            rows: list.map((r) => [
              h('a', { href: `#/runs/${encodeURIComponent(r.id)}` }, runName(r)),
              when(r.createdAt),
              r.createdBy,
              r.kind,
              r.scenarioVersion,
              r.seed ?? '',
              r.status,
              !finished(r) && mayRun() ? cancelButton(r, () => void refreshList(), live) : '',
            ]),
          }),
    );
  const refreshList = async (): Promise<void> => {
    if (ctx.signal.aborted) return;
    drawList(await api<Run[]>('GET', `${scenarioUrl()}/runs`, undefined, ctx.signal));
  };
  drawList(runs);
  // Someone else's runs appear too: the list is read again while the page is open and visible.
  every(ctx.signal, 5000, () => {
    if (document.visibilityState === 'visible') void refreshList().catch(() => undefined);
  });

  const kind = h(
    'select',
    { id: 'run-kind', name: 'kind' },
    kinds.map((k) => h('option', { value: k.name }, k.name)),
  );
  const kindHint = h('span', { class: 'unit', id: 'run-kind-hint' });
  kind.setAttribute('aria-describedby', kindHint.id);
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
    value: String(DEFAULT_RUNS),
  });
  const name = h('input', {
    id: 'run-name',
    name: 'name',
    maxlength: 200,
    placeholder: 'e.g. after the Paris pledges',
  });
  const note = h('textarea', { id: 'run-note', name: 'note', rows: 2, maxlength: 2000 });
  const issues = issueBox('run-issues');
  const start = h('button', { type: 'submit' }, 'Start');
  const form = h(
    'form',
    { class: 'run', 'aria-label': 'start a run' },
    h('label', { for: 'run-kind' }, 'Kind', kind, kindHint),
    h('label', { for: 'run-variant' }, 'Variant', variant),
    h('label', { for: 'run-runs' }, 'Monte Carlo runs (assure, brief; per point for frontier)', count),
    h('label', { for: 'run-name' }, 'Name', name),
    h('label', { for: 'run-note', class: 'wide' }, 'Note', note),
    start,
    issues,
  );
  const syncCount = (): void => {
    count.disabled = kind.value === 'plan';
    kindHint.textContent = kinds.find((k) => k.name === kind.value)?.description ?? '';
  };
  kind.addEventListener('change', syncCount);
  syncCount();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    // One run per click: the button stays disabled until the server has answered.
    if (start.disabled) return;
    start.disabled = true;
    const options: Record<string, unknown> = kind.value === 'plan' ? {} : { runs: Number(count.value) };
    const body: Record<string, unknown> = {
      kind: kind.value,
      variants: variant.value === '' ? [] : [variant.value],
      options,
      ...(name.value.trim() === '' ? {} : { name: name.value.trim() }),
      ...(note.value.trim() === '' ? {} : { note: note.value.trim() }),
    };
    // Briefings and assurance compare the variant with the base case (same runs); a plan or a frontier
    // applies it.
    if (kind.value !== 'plan' && kind.value !== 'frontier' && variant.value !== '')
      Object.assign(body, { variants: [], options: { ...options, compare: [variant.value] } });
    api<Run>('POST', `${scenarioUrl()}/runs`, body)
      .then((run) => {
        issues.replaceChildren();
        void refreshList();
        live.replaceChildren(runPanel(ctx, run, () => void refreshList()));
      })
      .catch((err: unknown) => {
        live.replaceChildren(errorBox(err));
        if (err instanceof ApiError) showIssues(issues, err.issues, 0);
      })
      .finally(() => (start.disabled = false));
  });
  ctx.page(
    'Runs',
    mayRun() ? form : h('p', {}, 'Viewers can see runs but not start them.'),
    live,
    h('h2', {}, 'Runs of this scenario'),
    listBox,
  );
}

/** A run's details, its progress (while it runs, with Cancel) and its result when it has one. */
function runPanel(ctx: ViewContext, run: Run, changed: () => void): HTMLElement {
  const box = h('section', { class: 'run-panel', 'aria-label': runName(run) });
  const result = h('div', { class: 'result-box' });
  const o = stored(run);
  const runs = o.options?.['runs'];
  const variants = [
    ...(o.variants ?? []),
    ...((o.options?.['compare'] as string[] | undefined) ?? []).map((v) => `${v} (compared)`),
  ];
  const facts = h(
    'dl',
    { class: 'facts' },
    [
      ['kind', run.kind],
      ['started', `${when(run.createdAt)} by ${run.createdBy}`],
      ['scenario', `version ${run.scenarioVersion} (${run.scenarioHash.slice(0, 19)}…)`],
      ['seed', run.seed === null ? '—' : String(run.seed)],
      [
        'Monte Carlo runs',
        typeof runs === 'number' ? fmt(runs) : run.kind === 'plan' ? '—' : 'the scenario’s',
      ],
      ['variants', variants.length === 0 ? 'none' : variants.join(', ')],
      ...(o.note === undefined ? [] : [['note', o.note]]),
    ].flatMap(([k, v]) => [h('dt', {}, k ?? ''), h('dd', {}, v ?? '')]),
  );
  const file = `${session.scenarioId}-v${run.scenarioVersion}.json`;
  const command = reproduceCommand(run, file);
  const reproduce = h(
    'p',
    { class: 'meta' },
    'Ran on ',
    h(
      'a',
      { href: `${scenarioUrl()}/export.json?version=${run.scenarioVersion}`, download: '' },
      `scenario version ${run.scenarioVersion} (${file})`,
    ),
    command === null ? '.' : ['; to reproduce it: ', h('code', {}, command)],
  );
  const controls = h('div', { class: 'actions' });
  const badge = h('span', { class: 'badge' }, run.status);
  const showResult = (r: Run): void => {
    badge.textContent = r.status;
    controls.replaceChildren();
    changed();
    if (r.status !== 'succeeded')
      return void result.replaceChildren(errorBox(r.error ?? `The run ended: ${r.status}.`));
    result.replaceChildren(h('p', {}, 'Loading the result…'));
    void resultView(ctx, r).then(
      (el) => result.replaceChildren(el),
      (e: unknown) => result.replaceChildren(errorBox(e)),
    );
  };
  if (finished(run)) showResult(run);
  else {
    controls.append(
      runProgress(run, {
        signal: ctx.signal,
        onStatus: (r) => (badge.textContent = r.status),
        onDone: showResult,
      }),
      mayRun() ? cancelButton(run, changed, result) : '',
    );
  }
  box.append(h('h2', {}, runName(run), ' ', badge), facts, reproduce, controls, result);
  return box;
}

/**
 * The CLI command that reproduces a run on the stored version it ran on (downloaded as `file`), or null
 * for kinds the CLI reproduces differently. Variants compared (assure, brief) are `--variant`s; variants
 * applied before a plan are too.
 */
export function reproduceCommand(run: Run, file: string): string | null {
  const o = stored(run);
  const runs = o.options?.['runs'];
  const compare = (o.options?.['compare'] as readonly string[] | undefined) ?? [];
  switch (run.kind) {
    case 'plan':
      return cliCommand({ command: 'plan', file, variants: o.variants ?? [] });
    case 'assure':
    case 'brief':
      // Variants applied before these runs have no CLI flag of their own: no command then.
      if ((o.variants ?? []).length > 0) return null;
      return cliCommand({
        command: run.kind,
        file,
        variants: compare,
        seed: run.seed,
        runs: typeof runs === 'number' ? runs : null,
      });
    default:
      return null;
  }
}

export async function runView(ctx: ViewContext): Promise<void> {
  const run = await api<Run>(
    'GET',
    `/api/runs/${encodeURIComponent(ctx.params[0] ?? '')}`,
    undefined,
    ctx.signal,
  );
  ctx.page(
    runName(run),
    h('p', {}, h('a', { href: '#/runs' }, 'All runs')),
    runPanel(ctx, run, () => undefined),
  );
}

// ---- results ----

/** A coverage or shortfall row of the plan, as the planner defines it (type-only import). */
type PlanCell = CoverageRow & { readonly causes?: ShortfallRow['causes'] };
interface PlanResult {
  readonly plan: {
    readonly status: string;
    readonly mode: string;
    readonly periods: readonly { index: number; label: string }[];
    readonly coverage: readonly PlanCell[];
    readonly shortfall: readonly PlanCell[];
    readonly weightedShortfall: number;
    readonly totalCostUsd: number;
    readonly personnelTotals: { readonly peakDeployed: number };
  };
}
type Proportion = { readonly p: number; readonly lo: number; readonly hi: number };
type Paired = {
  readonly difference: number;
  readonly lo: number;
  readonly hi: number;
  readonly onlyVariant: number;
  readonly onlyBaseline: number;
};
interface AssureResult {
  readonly result: {
    readonly runs: number;
    readonly seed: number;
    readonly horizonDays: number;
    readonly cases: readonly ({
      readonly id: string;
      readonly label: string;
      readonly runs: number;
      readonly force?: { readonly peakPersonnel: number };
      readonly outcomes: Record<string, Proportion>;
    } & Partial<Record<keyof typeof MEASURE_TERMS, Proportion>>)[];
    readonly comparisons?: readonly {
      readonly id: string;
      readonly baseline: string;
      readonly ceasefireFailed: Paired;
      readonly outcomes: Record<string, Paired>;
    }[];
  };
}

const interval = (x: Proportion): string => figures.probRange(x);
const points = (d: number): string => figures.points(d);

async function resultView(ctx: ViewContext, run: Run): Promise<HTMLElement> {
  const data = await api<unknown>(
    'GET',
    `/api/runs/${encodeURIComponent(run.id)}/result`,
    undefined,
    ctx.signal,
  );
  switch (run.kind) {
    case 'plan':
      return planResult(data as PlanResult, await scenarioAt(ctx, run.scenarioVersion));
    case 'assure':
      return assureResult(data as AssureResult);
    case 'brief':
      return briefResult(run, data as { html?: string });
    case 'frontier':
      return h(
        'p',
        {},
        h('a', { href: '#/frontier' }, 'Read the frontier'),
        ' (the latest succeeded frontier run of the scenario) · ',
        h('a', { href: `/api/runs/${run.id}/frontier.svg`, download: '' }, 'chart (SVG)'),
      );
    default:
      return h('pre', {}, JSON.stringify(data, null, 2).slice(0, 4000));
  }
}

async function scenarioAt(ctx: ViewContext, version: number): Promise<Scenario> {
  return (
    await api<{ scenario: Scenario }>('GET', `${scenarioUrl()}?version=${version}`, undefined, ctx.signal)
  ).scenario;
}

/** A plan as the coverage table (provided / required per period) and its gaps with amounts, dates and causes. */
export function planResult(r: PlanResult, doc: Scenario): HTMLElement {
  const p = r.plan;
  const capName = new Map(doc.capabilities.map((c) => [c.id, `${c.name} (${c.unit})`]));
  const missionName = new Map(doc.missions.map((m) => [m.id, m.name]));
  const periodLabel = new Map(p.periods.map((x) => [x.index, x.label]));
  const missions = [...new Set(p.coverage.map((c) => c.mission))];
  const sections = missions.map((m) => {
    const cells = p.coverage.filter((c) => c.mission === m);
    const caps = [...new Set(cells.map((c) => c.capability))];
    return h(
      'section',
      {},
      h('h4', {}, missionName.get(m) ?? m),
      table({
        class: 'coverage',
        label: `${missionName.get(m) ?? m}: plan coverage`,
        columns: [
          'capability',
          ...p.periods.map((x) => ({ label: `P${x.index}`, num: true, title: x.label })),
        ],
        rows: caps.map((k) => [
          h('th', { scope: 'row' }, capName.get(k) ?? k),
          ...p.periods.map((x) => {
            const c = cells.find((y) => y.capability === k && y.period === x.index);
            if (c === undefined || c.required === 0) return h('td', { class: 'num none' }, '—');
            return h(
              'td',
              { class: `num ${c.shortfall > 1e-6 ? 'short' : 'met'}` },
              `${fmt(c.provided)} / ${fmt(c.required)}`,
            );
          }),
        ]),
      }),
    );
  });
  const gaps = p.shortfall.map((g) =>
    h(
      'li',
      {},
      h(
        'strong',
        {},
        `${missionName.get(g.mission) ?? g.mission} — ${capName.get(g.capability) ?? g.capability}, ${periodLabel.get(g.period) ?? `P${g.period}`}: `,
      ),
      `short ${fmt(g.shortfall)} of ${fmt(g.required)} (priority ${g.priority})`,
      (g.causes ?? []).length === 0
        ? ''
        : h('div', { class: 'unit' }, (g.causes ?? []).map((c) => c.text).join('; ')),
    ),
  );
  return h(
    'div',
    { class: 'result' },
    h(
      'p',
      {},
      `Plan ${p.status} (${p.mode} mode): ${fmt(p.personnelTotals.peakDeployed)} personnel at the peak; cost ${fmt(p.totalCostUsd / 1e9)} bn US$ over the horizon; weighted shortfall ${p.weightedShortfall.toFixed(2)}.`,
    ),
    h('h3', {}, 'Coverage: in place / required'),
    ...sections,
    h('h3', {}, `Gaps (${p.shortfall.length})`),
    gaps.length === 0
      ? h('p', {}, 'None: every requirement is met in every period.')
      : h('ul', { class: 'gaps' }, gaps),
  );
}

/** An assurance in the model's words (docs/model.md §7): the headline measure first, 95 % intervals, paired differences. */
export function assureResult(r: AssureResult): HTMLElement {
  const res = r.result;
  const cases = res.cases;
  const measures = (['ceasefireFailed', 'tripwireTested', 'minorFailure'] as const).filter((k) =>
    cases.every((c) => c[k] !== undefined),
  );
  const outcomeKeys = Object.keys(OUTCOME_TERMS) as (keyof typeof OUTCOME_TERMS)[];
  const row = (
    name: string,
    definition: string,
    get: (c: (typeof cases)[number]) => Proportion | undefined,
    headline = false,
  ) => [
    h(
      'th',
      { scope: 'row', class: headline ? 'headline' : '' },
      name,
      h('div', { class: 'unit' }, definition),
    ),
    ...cases.map((c) => {
      const x = get(c);
      return h('td', { class: `num${headline ? ' headline' : ''}` }, x === undefined ? '' : interval(x));
    }),
  ];
  const caseLabel = new Map(cases.map((c) => [c.id, c.label]));
  const comparisons = (res.comparisons ?? []).map((d) =>
    h(
      'li',
      {},
      h('strong', {}, `${caseLabel.get(d.id) ?? d.id} against ${caseLabel.get(d.baseline) ?? d.baseline}: `),
      `P(${MEASURE_TERMS.ceasefireFailed.name}) ${points(d.ceasefireFailed.difference)} (95 % interval ${points(d.ceasefireFailed.lo)} to ${points(d.ceasefireFailed.hi)}); on the same runs, ${fmt(d.ceasefireFailed.onlyVariant)} failed only in the variant and ${fmt(d.ceasefireFailed.onlyBaseline)} only in the baseline.`,
    ),
  );
  return h(
    'div',
    { class: 'result' },
    h(
      'p',
      {},
      `${fmt(res.runs)} runs per case over ${fmt(res.horizonDays)} days, seed ${res.seed}. Each cell: probability (95 % interval). Cases share their runs (common random numbers), so differences are paired.`,
    ),
    table({
      class: 'assurance',
      label: 'assurance by case',
      columns: [
        'measure or outcome',
        ...cases.map((c) => ({
          label: c.force === undefined ? c.label : `${c.label} (${fmt(c.force.peakPersonnel)} personnel)`,
          num: true,
        })),
      ],
      rows: [
        ...measures.map((k, i) =>
          row(MEASURE_TERMS[k].name, MEASURE_TERMS[k].definition, (c) => c[k], i === 0),
        ),
        ...outcomeKeys.map((k) =>
          row(OUTCOME_TERMS[k].name, OUTCOME_TERMS[k].definition, (c) => c.outcomes[k]),
        ),
      ],
    }),
    comparisons.length === 0 ? '' : h('h3', {}, 'Paired differences'),
    comparisons.length === 0 ? '' : h('ul', {}, comparisons),
  );
}

function briefResult(run: Run, r: { html?: string }): HTMLElement {
  const frame = h('iframe', {
    class: 'briefing',
    title: `Briefing of run ${runName(run)}`,
    sandbox: '',
    loading: 'lazy',
  });
  frame.srcdoc = r.html ?? '<p>No briefing in this run.</p>';
  return h(
    'div',
    { class: 'result' },
    h(
      'p',
      {},
      h('a', { href: `/api/runs/${run.id}/briefing.html`, download: '' }, 'Download the briefing (HTML)'),
    ),
    frame,
  );
}
