/**
 * The deterrence frontier in the workspace (#/frontier; docs/frontier.md): start a `frontier` run on the
 * current scenario version, watch its progress, and read the result as the briefing shows it — the chart
 * (server-rendered SVG, a narrow layout on phones), the answers in words and the answers table. A frontier
 * computed on an older scenario version is marked stale; after a pledge, nation or requirement save the
 * editor offers a recompute, or starts one itself (debounced) when the user has asked for that.
 */
import { ApiError, api, type Run } from '../api.js';
import { h } from '../dom.js';
import { every } from '../lifecycle.js';
import type { ViewContext } from '../router.js';
import { mayRun, session } from '../session.js';

/** What the server stores for a frontier run (src/app/run-kinds.ts `FrontierRunResult`), as far as read here. */
interface FrontierResult {
  readonly findings: readonly string[];
  readonly finding: { readonly headline: string; readonly text: string };
  readonly table: {
    readonly caption: string;
    readonly header: readonly string[];
    readonly rows: readonly (readonly (string | number)[])[];
    readonly numeric: readonly number[];
  };
  readonly chart: { readonly title: string; readonly description: string };
  readonly report: {
    readonly seed: number;
    readonly target: number;
    readonly cases: readonly { readonly id: string; readonly label: string; readonly runs: number }[];
  };
  readonly seconds: number;
}

export interface FrontierOptions {
  target: number;
  points: number;
  runs: number;
  backstops?: string[];
  from: 'potential' | 'pledges';
  robustness: boolean;
}

const OPTIONS_KEY = 'bulwark.frontier.options';
const AUTO_KEY = 'bulwark.frontier.auto';
/** How long after the last save an automatic recompute starts (ms): a burst of edits gives one run. */
export const RECOMPUTE_DELAY_MS = 4000;

const defaults: FrontierOptions = {
  target: 0.1,
  points: 10,
  runs: 2000,
  from: 'potential',
  robustness: true,
};

function storedOptions(): FrontierOptions {
  try {
    const raw = localStorage.getItem(OPTIONS_KEY);
    return raw === null ? { ...defaults } : { ...defaults, ...(JSON.parse(raw) as Partial<FrontierOptions>) };
  } catch {
    return { ...defaults };
  }
}

const autoRecompute = (): boolean => localStorage.getItem(AUTO_KEY) === 'on';

async function currentVersion(scenarioId: string): Promise<number | undefined> {
  const list = await api<{ id: string; version: number }[]>('GET', '/api/scenarios');
  return list.find((s) => s.id === scenarioId)?.version;
}

function startRun(scenarioId: string, options: FrontierOptions): Promise<Run> {
  return api<Run>('POST', `/api/scenarios/${scenarioId}/runs`, { kind: 'frontier', options });
}

let timer: number | undefined;

/**
 * After a save that changed the scenario: an element for the save's status line offering a recompute, or
 * saying one will start (and scheduling it, debounced) when automatic recompute is on. Null for viewers.
 */
export function frontierAfterEdit(): HTMLElement | null {
  if (!mayRun()) return null;
  const scenarioId = session.scenarioId;
  if (autoRecompute()) {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      void startRun(scenarioId, storedOptions()).catch(() => undefined);
    }, RECOMPUTE_DELAY_MS);
    return h(
      'span',
      { class: 'recompute' },
      ' The frontier recomputes in a few seconds (',
      h('a', { href: '#/frontier' }, 'watch it'),
      ').',
    );
  }
  return h(
    'span',
    { class: 'recompute' },
    ' ',
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        // On failure the frontier page shows why (and the form to try again).
        onclick: () =>
          void startRun(scenarioId, storedOptions())
            .catch(() => undefined)
            .finally(() => (location.hash = '#/frontier')),
      },
      'Recompute the frontier',
    ),
  );
}

/** The frontier page. */
export async function frontierView(ctx: ViewContext): Promise<void> {
  const scenarioId = session.scenarioId;
  const setPage = ctx.page;
  const [runs, doc, version] = await Promise.all([
    api<Run[]>('GET', `/api/scenarios/${scenarioId}/runs`),
    api<{
      scenario: {
        guarantor?: { backstop: { kind: string; kinds: Record<string, { weight: number }> } };
        variants: { id: string; name: string }[];
      };
    }>('GET', `/api/scenarios/${scenarioId}`),
    currentVersion(scenarioId),
  ]);
  const frontierRuns = runs.filter((r) => r.kind === 'frontier');
  const shown = frontierRuns.find((r) => r.status === 'succeeded');
  const pending = frontierRuns.find(
    (r) =>
      (r.status === 'queued' || r.status === 'running') &&
      (shown === undefined || r.createdAt >= shown.createdAt),
  );

  const live = h('div', { class: 'live', 'aria-live': 'polite' });
  const resultBox = h('div', { class: 'frontier-result' });
  let shownRun: Run | undefined;
  let latest = version;

  const staleNote = h('div', { class: 'stale', role: 'status', hidden: true });
  const markStale = (): void => {
    if (shownRun === undefined || latest === undefined || shownRun.scenarioVersion === latest) {
      staleNote.hidden = true;
      return;
    }
    staleNote.hidden = false;
    staleNote.replaceChildren(
      h(
        'strong',
        {},
        `Stale: computed on scenario version ${shownRun.scenarioVersion}; the scenario is now version ${latest}.`,
      ),
      ' ',
      mayRun()
        ? h('button', { type: 'button', onclick: () => start() }, 'Recompute')
        : 'A coordinator or liaison can recompute it.',
    );
  };

  const show = async (run: Run): Promise<void> => {
    const r = await api<FrontierResult>('GET', `/api/runs/${run.id}/result`);
    shownRun = run;
    latest = (await currentVersion(scenarioId)) ?? latest;
    resultBox.replaceChildren(resultView(run, r));
    markStale();
  };

  const watch = (run: Run): void => {
    const bar = h('progress', { max: 1, 'aria-label': 'frontier progress' });
    const label = h('span', { role: 'status' }, run.status);
    live.replaceChildren(
      h(
        'p',
        {},
        `Frontier on scenario version ${run.scenarioVersion}, seed ${run.seed ?? ''} `,
        bar,
        ' ',
        label,
      ),
    );
    const es = new EventSource(`/api/runs/${run.id}/events`);
    ctx.signal.addEventListener('abort', () => es.close(), { once: true });
    es.addEventListener('progress', (e) => {
      const p = JSON.parse((e as MessageEvent<string>).data) as {
        done: number;
        total: number;
        message?: string;
      };
      if (p.message === 'simulating' && p.total > 0) {
        bar.max = p.total;
        bar.value = p.done;
        label.textContent = `simulating ${Math.floor((100 * p.done) / p.total)} % (runs are added where neighbours are not yet ordered, so the total may grow)`;
      } else {
        bar.removeAttribute('value');
        label.textContent =
          p.message === 'planning' ? 'sourcing each force at least cost…' : `${p.message ?? 'running'}…`;
      }
    });
    es.addEventListener('status', (e) => {
      label.textContent = (JSON.parse((e as MessageEvent<string>).data) as Run).status;
    });
    es.addEventListener('done', (e) => {
      es.close();
      const final = JSON.parse((e as MessageEvent<string>).data) as Run;
      if (final.status !== 'succeeded') {
        label.textContent = final.status;
        live.append(h('p', { class: 'error', role: 'alert' }, final.error ?? final.status));
        return;
      }
      live.replaceChildren();
      void show(final);
    });
  };

  // The form: options, remembered between visits.
  const o = storedOptions();
  const num = (id: string, label: string, value: number, attrs: Record<string, string>) => {
    const input = h('input', { id, name: id, type: 'number', value, required: true, ...attrs });
    return { input, label: h('label', { for: id }, label, input) };
  };
  const target = num(
    'frontier-target',
    'Target: P(ceasefire fails) at most (%)',
    Math.round(o.target * 1000) / 10,
    {
      min: '0.1',
      max: '99.9',
      step: '0.1',
    },
  );
  const points = num('frontier-points', 'Points (sizes of force)', o.points, {
    min: '3',
    max: '60',
    step: '1',
  });
  const count = num('frontier-runs', 'Runs per point (first round)', o.runs, {
    min: '100',
    max: '200000',
    step: '100',
  });
  const from = h(
    'select',
    { id: 'frontier-from', name: 'from' },
    h(
      'option',
      { value: 'potential', ...(o.from === 'potential' ? { selected: true } : {}) },
      'committable inventories',
    ),
    h('option', { value: 'pledges', ...(o.from === 'pledges' ? { selected: true } : {}) }, 'the pledges'),
  );
  const g = doc.scenario.guarantor;
  const kinds = g === undefined ? [] : Object.keys(g.backstop.kinds);
  const strongest = [...kinds].sort(
    (a, b) => (g?.backstop.kinds[b]?.weight ?? 0) - (g?.backstop.kinds[a]?.weight ?? 0) || a.localeCompare(b),
  )[0];
  const defaultCases = new Set([
    'none',
    g?.backstop.kind ?? 'none',
    ...(strongest === undefined ? [] : [strongest]),
  ]);
  const chosen = new Set(o.backstops ?? defaultCases);
  const byWeight = [...kinds].sort(
    (a, b) => (g?.backstop.kinds[a]?.weight ?? 0) - (g?.backstop.kinds[b]?.weight ?? 0) || a.localeCompare(b),
  );
  const caseBoxes = ['none', ...byWeight.filter((k) => k !== 'none')].map((k) => {
    const box = h('input', {
      type: 'checkbox',
      name: 'backstops',
      value: k,
      ...(chosen.has(k) ? { checked: true } : {}),
    });
    return { box, label: h('label', { class: 'check' }, box, k === 'none' ? 'no backstop' : k) };
  });
  const robustness = h('input', {
    type: 'checkbox',
    id: 'frontier-robustness',
    ...(o.robustness ? { checked: true } : {}),
  });
  const auto = h('input', {
    type: 'checkbox',
    id: 'frontier-auto',
    ...(autoRecompute() ? { checked: true } : {}),
    onchange: (e: Event) =>
      localStorage.setItem(AUTO_KEY, (e.target as HTMLInputElement).checked ? 'on' : 'off'),
  });
  const problems = h('ul', { class: 'issues', 'aria-live': 'polite' });
  const readForm = (): FrontierOptions => {
    const backstops = caseBoxes.filter((c) => c.box.checked).map((c) => c.box.value);
    const same = backstops.length === defaultCases.size && backstops.every((b) => defaultCases.has(b));
    return {
      target: Number(target.input.value) / 100,
      points: Number(points.input.value),
      runs: Number(count.input.value),
      ...(same ? {} : { backstops }),
      from: from.value === 'pledges' ? 'pledges' : 'potential',
      robustness: robustness.checked,
    };
  };
  const start = (): void => {
    const opts = readForm();
    localStorage.setItem(OPTIONS_KEY, JSON.stringify(opts));
    problems.replaceChildren();
    startRun(scenarioId, opts)
      .then((run) => watch(run))
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.issues.length > 0)
          problems.replaceChildren(
            ...err.issues.map((i) =>
              h('li', { class: 'error' }, `${i.path.slice(1).join('.') || 'options'}: ${i.message}`),
            ),
          );
        else
          problems.replaceChildren(
            h('li', { class: 'error' }, err instanceof Error ? err.message : String(err)),
          );
      });
  };
  const form = h(
    'form',
    { class: 'run frontier-form', 'aria-label': 'compute the frontier' },
    target.label,
    points.label,
    count.label,
    h('label', { for: 'frontier-from' }, 'Forces from', from),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Backstop cases'),
      caseBoxes.map((c) => c.label),
    ),
    h('label', { class: 'check' }, robustness, 'Against cautious, typical and bold adversaries too'),
    h('button', { type: 'submit' }, 'Compute the frontier'),
    h(
      'label',
      { class: 'check' },
      auto,
      'Recompute automatically after a pledge, nation or requirement edit',
    ),
    problems,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    start();
  });

  setPage(
    'Deterrence frontier',
    h(
      'p',
      {},
      'What each size of force buys in risk: forces from none to beyond the named options, each sourced at least cost and simulated on the same runs, with the cheapest force that keeps the chance the ceasefire fails at or below the target, with and without each kind of backstop. Method and limits: docs/frontier.md.',
    ),
    mayRun() ? form : h('p', {}, 'Viewers can read the frontier but not recompute it.'),
    live,
    staleNote,
    resultBox,
  );

  if (shown !== undefined) await show(shown);
  else
    resultBox.replaceChildren(
      h('p', { class: 'meta' }, 'No frontier has been computed for this scenario yet.'),
    );
  if (pending !== undefined) watch(pending);

  // Keep the stale mark true while the page is open: someone else may save meanwhile.
  every(ctx.signal, 10_000, () => {
    if (document.visibilityState !== 'visible') return;
    void currentVersion(scenarioId).then((v) => {
      latest = v ?? latest;
      markStale();
    });
  });
}

function resultView(run: Run, r: FrontierResult): HTMLElement {
  const runsPerPoint = [...new Set(r.report.cases.map((c) => c.runs))].sort((a, b) => a - b);
  const svg = (layout: string) =>
    `/api/runs/${run.id}/frontier.svg${layout === 'narrow' ? '?layout=narrow' : ''}`;
  return h(
    'section',
    { 'aria-labelledby': 'frontier-title' },
    h('h2', { id: 'frontier-title' }, 'What force buys: cost against the risk that the ceasefire fails'),
    h(
      'p',
      { class: 'meta' },
      `Scenario version ${run.scenarioVersion} · seed ${r.report.seed} · ${runsPerPoint.map((n) => n.toLocaleString('en-GB')).join('–')} runs per point · computed in ${r.seconds.toFixed(0)} s by ${run.createdBy}, ${new Date(run.createdAt).toLocaleString('en-GB')}`,
    ),
    h(
      'figure',
      { class: 'chart' },
      // The narrow chart leaves its title out (it would not fit); it is shown here instead.
      h('p', { class: 'chart-title' }, r.chart.title),
      h(
        'picture',
        {},
        h('source', { media: '(max-width: 640px)', srcset: svg('narrow') }),
        h('img', { src: svg('wide'), alt: r.chart.description, width: 680, height: 420 }),
      ),
      h('figcaption', {}, r.chart.description),
    ),
    h('h3', {}, 'The answers'),
    h(
      'ul',
      { class: 'findings' },
      r.findings.map((f) => h('li', {}, f)),
    ),
    h(
      'div',
      { class: 'scroll' },
      h(
        'table',
        { class: 'frontier-table' },
        h('caption', {}, r.table.caption),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            r.table.header.map((c, i) =>
              h('th', { scope: 'col', ...(r.table.numeric.includes(i) ? { class: 'num' } : {}) }, c),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          r.table.rows.map((row) =>
            h(
              'tr',
              {},
              row.map((cell, i) =>
                i === 0
                  ? h('th', { scope: 'row' }, cell)
                  : h('td', r.table.numeric.includes(i) ? { class: 'num' } : {}, cell),
              ),
            ),
          ),
        ),
      ),
    ),
    h(
      'p',
      {},
      h(
        'a',
        { href: `/api/runs/${run.id}/frontier.svg`, download: `frontier-v${run.scenarioVersion}.svg` },
        'Download the chart (SVG)',
      ),
      ' · ',
      h(
        'a',
        { href: `/api/runs/${run.id}/result`, download: `frontier-v${run.scenarioVersion}.json` },
        'the report (JSON)',
      ),
    ),
  );
}
