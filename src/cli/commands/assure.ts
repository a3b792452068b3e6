import type { Command } from 'commander';
import type { AssureReport, ForceSourceChoice, SimulatedCaseResult } from '../../app/index.js';
import type { AssurancePhase, CaseResult, Proportion, SobolRow } from '../../core/assure/index.js';
import { MEASURE_TERMS, OUTCOME_TERMS } from '../../core/assure/index.js';
import { BulwarkError } from '../../core/shared/index.js';
import type { CliContext } from '../context.js';
import { collect, FORCE_FROM_HELP, forceFromOption, intOption, redisUrlOf } from '../options.js';
import { startProgress, type Progress } from '../progress.js';
import { figures, heading, table } from '../render.js';

interface AssureFlags {
  variant: string[];
  runs?: number;
  seed?: number;
  workers?: number;
  tornadoRuns?: number;
  sobolRuns?: number;
  forceFrom: ForceSourceChoice;
  redis?: string | true;
  deadline?: number;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('assure')
    .description(
      'Monte Carlo of the post-ceasefire period: outcome probabilities with intervals, survival, tornado; each --variant is compared with the base on the same runs',
    )
    .argument('<scenario>', 'a YAML/JSON file, a built-in name, or - for stdin')
    .option('--variant <id>', 'compare a variant with the base (repeatable)', collect, [])
    .option('--runs <n>', 'runs per case (default: the scenario’s assurance.runs)', intOption(1, 100_000_000))
    .option('--seed <s>', 'random seed (default: the scenario’s assurance.seed)', intOption(0, 2 ** 32 - 1))
    .option('--workers <w>', 'worker threads (default: BULWARK_WORKERS or all cores)', intOption(1, 1024))
    .option(
      '--tornado-runs <n>',
      'runs per tornado row at most (default: runs / 10, at least 1,000; 0: none); rows stop sooner once their swing is ranked',
      intOption(0, 100_000_000),
    )
    .option(
      '--sobol-runs <n>',
      'runs per parameter at most for variance-based (Sobol) indices of the per-run parameters, with intervals (default 0: none); parameters stop sooner once both failure indices are known to ±0.02',
      intOption(0, 100_000_000),
    )
    .option('--force-from <source>', FORCE_FROM_HELP, forceFromOption, 'auto')
    .option(
      '--redis [url]',
      'run on the queue in Redis, computed by bulwark worker processes (default URL: REDIS_URL)',
    )
    .option(
      '--deadline <seconds>',
      'with --redis: fail when no worker takes or finishes a chunk for this long (default 600)',
      intOption(1, 7 * 24 * 3600),
    )
    .option('--json', 'print JSON (identical for any number of workers)')
    .action(async (ref: string, opts: AssureFlags) => {
      const [{ runAssure }, { loadInput }] = await Promise.all([
        import('../../app/assure.js'),
        import('../../app/scenario.js'),
      ]);
      let bar: Progress | undefined;
      // Ctrl-C cancels the run: the workers stop and the command ends with the cancellation error.
      const cancel = new AbortController();
      const onSigint = (): void => cancel.abort(new BulwarkError('usage', 'cancelled (interrupt)'));
      process.once('SIGINT', onSigint);
      // SIGTERM (a supervisor, a container stop) like Ctrl-C: the chunks no worker has taken are removed.
      process.once('SIGTERM', onSigint);
      const queue =
        opts.redis === undefined
          ? undefined
          : await (
              await import('../../app/distributed.js')
            ).openRunner({
              redis: redisUrlOf(opts.redis, ctx),
              // On the queue, cancelling also removes the chunks no worker has taken.
              signal: cancel.signal,
              onNoWorkers: () =>
                ctx.err(
                  'bulwark: no worker is connected to the queue yet; start one with `bulwark worker --redis …`',
                ),
              onOutage: (message) => ctx.err(`bulwark: ${message}`),
              ...(opts.deadline === undefined ? {} : { deadlineSeconds: opts.deadline }),
            });
      const report = await runAssure({
        ...(queue === undefined ? {} : { runner: queue.run }),
        loaded: loadInput(ref, [], () => ctx.readStdin()),
        signal: cancel.signal,
        variants: opts.variant,
        forceSource: opts.forceFrom,
        ...(opts.runs === undefined ? {} : { runs: opts.runs }),
        ...(opts.seed === undefined ? {} : { seed: opts.seed }),
        ...(opts.tornadoRuns === undefined ? {} : { tornadoRuns: opts.tornadoRuns }),
        ...(opts.sobolRuns === undefined ? {} : { sobolRuns: opts.sobolRuns }),
        workers: opts.workers ?? ctx.config.workers,
        // In model-runs; the total falls as tornado rows stop, sized by precision.
        onProgress: (done, total, phase) => {
          bar ??= startProgress(ctx, 'simulating (model-runs)', total, opts.json !== true);
          bar.setTotal(total);
          bar.update(done, progressDetail(phase));
        },
      }).finally(() => {
        bar?.stop();
        process.off('SIGINT', onSigint);
        process.off('SIGTERM', onSigint);
        return queue?.close();
      });
      if (opts.json === true) return ctx.json(report);
      ctx.out(renderAssurance(report));
    });
}

const count = (n: number): string => n.toLocaleString('en-GB');

/**
 * What the progress bar says after its counts: the phase, and for the sensitivity analyses the rows
 * settled and the model-runs spent against the cap ("tornado: 12/26 rows settled, 48,000 of at most
 * 2,900,000 model-runs").
 */
export function progressDetail(phase: AssurancePhase): string {
  if (phase.name === 'cases') return 'cases';
  const what = phase.name === 'tornado' ? 'rows' : 'parameters';
  const spend =
    phase.spent === undefined || phase.cap === undefined
      ? ''
      : `, ${count(phase.spent)} of at most ${count(phase.cap)} model-runs`;
  return `${phase.name}: ${phase.settled ?? 0}/${phase.rows ?? 0} ${what} settled${spend}`;
}

const plural = (n: number, one: string, many: string): string => `${count(n)} ${n === 1 ? one : many}`;

/**
 * What the sensitivity analyses cost, one plain sentence each: "Sensitivity: 502,000 model-runs (cap
 * 5,300,000): 21 rows ranked, 6 tied at 2% precision, 2 with no effect on failure", and the same for Sobol.
 */
export function sensitivityCost(r: AssureReport['result']): string[] {
  const out: string[] = [];
  const t = r.tornado;
  if (t !== null) {
    const parts = [
      t.stops.separated > 0 ? `${plural(t.stops.separated, 'row', 'rows')} ranked` : '',
      t.stops.precise > 0
        ? `${count(t.stops.precise)} tied at ${Math.round(t.rule.relativeHalfWidth * 100)}% precision`
        : '',
      t.stops.exact > 0 ? `${count(t.stops.exact)} with no effect on failure` : '',
      t.stops.cap > 0 ? `${count(t.stops.cap)} at the cap of ${count(t.rule.maxRuns)} runs` : '',
    ].filter((x) => x !== '');
    out.push(
      `Sensitivity: ${count(t.modelRuns)} model-runs (cap ${count(t.fixedModelRuns)}): ${parts.join(', ')}`,
    );
  }
  const s = r.sobol;
  if (s !== undefined && s !== null) {
    const parts = [
      s.stops.precise > 0
        ? `${plural(s.stops.precise, 'parameter', 'parameters')} known to ±${s.rule.halfWidth}`
        : '',
      s.stops.cap > 0
        ? `${plural(s.stops.cap, 'parameter', 'parameters')} at the cap of ${count(s.rule.maxRuns)} runs`
        : '',
    ].filter((x) => x !== '');
    out.push(
      `Sobol indices: ${count(s.modelRuns)} model-runs (cap ${count(s.fixedModelRuns)}): ${parts.join(', ')}`,
    );
  }
  return out;
}

const pct = (p: Proportion): string => `${figures.prob(p.p)} (${figures.prob(p.lo)}–${figures.prob(p.hi)})`;
const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${figures.prob(Math.abs(x))}`;

const OUTCOME_LABELS: Record<keyof CaseResult['outcomes'], string> = Object.fromEntries(
  Object.entries(OUTCOME_TERMS).map(([k, t]) => [k, t.name]),
) as Record<keyof CaseResult['outcomes'], string>;

const personnel = (n: number): string => Math.round(n).toLocaleString('en-GB');

/** Where a case's force came from, in words: "force simulated: 13,765 personnel from pledges". */
export function forceLine(c: SimulatedCaseResult): string {
  const n = `force simulated: ${personnel(c.force.peakPersonnel)} personnel`;
  const short =
    c.plan === undefined
      ? ''
      : ` (shortfall ${figures.prob(c.plan.shortfallShare)}${c.plan.status === 'time-limit' ? '; best plan at the time limit' : ''})`;
  switch (c.forceSource) {
    case 'pledges':
      return `${n} from pledges`;
    case 'plan:pledges':
      return `${n} sourced by the planner from pledges${short}`;
    case 'plan:potential':
      return `${n} sourced by the planner from committable inventories${short}`;
    default: {
      const never: never = c.forceSource;
      return String(never);
    }
  }
}

export const identityLine = (id: string, twin: string): string =>
  `${id}: the model reads nothing different from ${twin}; its odds are the ${twin}'s`;

/** Text rendering of an assurance report: outcomes side by side, key figures, comparison, tornado. */
export function renderAssurance(report: AssureReport): string {
  const r = report.result;
  const cases = r.cases;
  const out: string[] = [];
  out.push(`${report.scenario.title} — assurance`);
  out.push(
    `${r.runs.toLocaleString('en-GB')} runs per case · seed ${r.seed} · horizon ${r.horizonDays} days · ${report.scenario.hash.slice(0, 19)}`,
  );
  out.push(heading('Outcomes at the horizon (95% Wilson intervals)'));
  const keys = Object.keys(OUTCOME_LABELS) as (keyof CaseResult['outcomes'])[];
  out.push(
    table(
      ['outcome', ...cases.map((c) => c.id)],
      keys.map((k) => [OUTCOME_LABELS[k], ...cases.map((c) => pct(c.outcomes[k]))]),
    ),
  );
  out.push(heading('Key figures'));
  const q = (x: number | null): string => (x === null ? '—' : String(x));
  out.push(
    table(
      ['figure', ...cases.map((c) => c.id)],
      [
        ['force deployed (peak personnel)', ...cases.map((c) => personnel(c.force.peakPersonnel))],
        [`${MEASURE_TERMS.minorFailure.name} (level ≥ 2)`, ...cases.map((c) => pct(c.minorFailure))],
        [`${MEASURE_TERMS.ceasefireFailed.name} (level ≥ 3)`, ...cases.map((c) => pct(c.ceasefireFailed))],
        [`${MEASURE_TERMS.tripwireTested.name} (level ≥ 4)`, ...cases.map((c) => pct(c.tripwireTested))],
        [
          'median day of failure',
          ...cases.map(
            (c) =>
              q(c.survival.ceasefire.medianDay) +
              (c.survival.ceasefire.medianDay === null ? ' (S > ½ at horizon)' : ''),
          ),
        ],
        [
          'coalition fatalities p50 / p90 / p99',
          ...cases.map((c) => `${q(c.fatalities.p50)} / ${q(c.fatalities.p90)} / ${q(c.fatalities.p99)}`),
        ],
        ['any nation withdrew', ...cases.map((c) => pct(c.withdrawals.anyWithdrawal))],
        [
          'nations withdrawn p50 / p90',
          ...cases.map((c) => `${q(c.withdrawals.nationsP50)} / ${q(c.withdrawals.nationsP90)}`),
        ],
        ['backstop triggered (runs)', ...cases.map((c) => figures.prob(c.guarantor.runsTriggered / c.runs))],
        [
          'guarantor intervened (runs)',
          ...cases.map((c) => figures.prob(c.guarantor.runsIntervened / c.runs)),
        ],
      ],
    ),
  );
  out.push(...cases.map((c) => `${c.id}: ${forceLine(c)}`));
  out.push(...cases.flatMap((c) => (c.identicalTo === undefined ? [] : [identityLine(c.id, c.identicalTo)])));
  if (r.comparisons.length > 0) {
    out.push(heading(`Difference from "${cases[0]?.id ?? 'base'}" on the same runs (95% paired interval)`));
    const d = (x: { difference: number; lo: number; hi: number }): string =>
      `${signed(x.difference)} (${signed(x.lo)} to ${signed(x.hi)})`;
    out.push(
      table(
        ['figure', ...r.comparisons.map((c) => c.id)],
        [
          [MEASURE_TERMS.ceasefireFailed.name, ...r.comparisons.map((c) => d(c.ceasefireFailed))],
          ...keys.map((k) => [OUTCOME_LABELS[k], ...r.comparisons.map((c) => d(c.outcomes[k]))]),
        ],
      ),
    );
  }
  if (r.tornado !== null) {
    const t = r.tornado;
    out.push(
      heading(
        `Tornado: P(${MEASURE_TERMS.ceasefireFailed.name}) with one uncertain parameter pinned at its ${t.lowProbability * 100}th / ${t.highProbability * 100}th percentile, or one assumed constant at ×0.5 / ×1.5 (base case, ${t.runs.toLocaleString('en-GB')} runs, base ${figures.prob(t.base.ceasefireFailed)}; rows sized by precision: ${t.modelRuns.toLocaleString('en-GB')} model-runs against ${t.fixedModelRuns.toLocaleString('en-GB')} at a fixed ${t.rule.maxRuns.toLocaleString('en-GB')} a row)`,
      ),
    );
    out.push(
      table(
        [
          'parameter',
          'low value',
          'P(fail)',
          'high value',
          'P(fail)',
          'swing',
          'runs',
          'wider war low / high',
          'collapse low / high',
          'cannot move (by construction)',
        ],
        t.rows.map((row) => [
          row.kind === 'constant' ? `${row.label} (assumed, ×0.5 / ×1.5)` : row.label,
          String(Number(row.lowValue.toPrecision(3))),
          figures.prob(row.low.ceasefireFailed),
          String(Number(row.highValue.toPrecision(3))),
          figures.prob(row.high.ceasefireFailed),
          figures.prob(row.swing),
          `${row.runs.toLocaleString('en-GB')} (${row.stop})`,
          `${figures.prob(row.low.widerWar)} / ${figures.prob(row.high.widerWar)}`,
          `${figures.prob(row.low.coalitionCollapse)} / ${figures.prob(row.high.coalitionCollapse)}`,
          row.inert.map((m) => (m === 'ceasefireFailed' ? 'failure' : 'tripwire tested')).join(', '),
        ]),
        ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
      ),
    );
  }
  if (r.sobol !== undefined && r.sobol !== null) {
    const so = r.sobol;
    // Two decimals, a noise-level negative estimate written 0.00 rather than −0.00.
    const f = (x: number | null): string => (x === null ? '—' : (Math.abs(x) < 0.005 ? 0 : x).toFixed(2));
    // An index with its simultaneous interval: "0.78 (0.72–0.85)".
    const idx = (row: SobolRow, kind: 'first' | 'total', m: keyof SobolRow['first']): string => {
      const v = row[kind][m];
      if (v === null) return '—';
      const lo = row[kind === 'first' ? 'firstLo' : 'totalLo'][m];
      const hi = row[kind === 'first' ? 'firstHi' : 'totalHi'][m];
      return `${f(v)} (${f(lo)}–${f(hi)})`;
    };
    out.push(
      heading(
        `Sobol indices, first order S / total ST with intervals simultaneous at ${Math.round((1 - so.rule.familyError) * 100)}% (base case, A and B matrices of ${so.runs.toLocaleString('en-GB')} runs; each parameter runs from ${so.rule.minRuns.toLocaleString('en-GB')} up to ${so.rule.maxRuns.toLocaleString('en-GB')} and stops once both failure indices are known to ±${so.rule.halfWidth})`,
      ),
    );
    out.push(
      table(
        ['parameter', 'ceasefire failed S / ST', 'wider war S / ST', 'collapse S / ST', 'runs'],
        so.rows.map((row) => [
          row.label,
          `${idx(row, 'first', 'ceasefireFailed')} / ${idx(row, 'total', 'ceasefireFailed')}`,
          `${idx(row, 'first', 'widerWar')} / ${idx(row, 'total', 'widerWar')}`,
          `${idx(row, 'first', 'coalitionCollapse')} / ${idx(row, 'total', 'coalitionCollapse')}`,
          `${row.runs.toLocaleString('en-GB')} (${row.stop})`,
        ]),
        ['left', 'right', 'right', 'right', 'right'],
      ),
    );
  }
  const cost = sensitivityCost(r);
  if (cost.length > 0) out.push('', ...cost);
  out.push(
    heading('Definitions'),
    ...[...Object.values(OUTCOME_TERMS), MEASURE_TERMS.ceasefireFailed, MEASURE_TERMS.tripwireTested].map(
      (t) => `${t.name}: ${t.definition}`,
    ),
    '\nThe model makes assumptions explicit; it does not predict. Definitions and equations: docs/model.md.',
  );
  return out.join('\n');
}
