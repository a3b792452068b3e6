import { join } from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { PlanResult } from '../../app/index.js';
import {
  groupBy,
  periodRanges,
  type DeploymentReport,
  type ForcePlan,
  type ShortfallRow,
} from '../../core/plan/index.js';
import { pledgeStatuses, type PledgeStatus } from '../../core/scenario/index.js';
import type { CliContext } from '../context.js';
import { startProgress, type Progress } from '../progress.js';
import { checkOutputFile, prepareOutputDir, writeOutput } from '../output-paths.js';
import { choiceOption, collect } from '../options.js';
import { figures, heading, table } from '../render.js';

interface PlanFlags {
  variant: string[];
  mode: 'pledged' | 'potential';
  integer?: boolean;
  resilience?: boolean;
  exportMps?: string;
  exportLp?: string;
  json?: boolean;
  csv?: string;
  burden: 'personnel' | 'cost';
  fairBasis: 'gdp' | 'defence-budget';
  timeLimit?: number;
  minStatus?: PledgeStatus;
}

const seconds = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected seconds > 0, got "${value}"`);
  return n;
};

export function register(program: Command, ctx: CliContext): void {
  program
    .command('plan')
    .description(
      'source the force: optimal sourcing, gaps and their causes, personnel, cost, fair share, rotation',
    )
    .argument('<scenario>', 'a YAML/JSON file, a built-in name, or - for stdin')
    .option('--variant <id>', 'apply a variant (repeatable, applied in order)', collect, [])
    .option(
      '--mode <mode>',
      'pledged: pledges only; potential: committable inventory ÷ rotation',
      choiceOption(['pledged', 'potential'] as const),
      'pledged',
    )
    .option('--integer', 'whole units (solve as a MIP)')
    .option('--resilience', 'also re-solve without each nation and without conditional pledges')
    .option(
      '--burden <basis>',
      'burden measured in personnel or cost',
      choiceOption(['personnel', 'cost'] as const),
      'personnel',
    )
    .option(
      '--fair-basis <basis>',
      'fair share by gdp or defence-budget',
      choiceOption(['gdp', 'defence-budget'] as const),
      'gdp',
    )
    .option(
      '--min-status <status>',
      `count only pledges at or above a status (${pledgeStatuses.join(' < ')})`,
      choiceOption(pledgeStatuses),
    )
    .option('--time-limit <seconds>', 'solver time limit per solve', seconds)
    .option('--export-mps <file>', 'write the model as free-format MPS')
    .option('--export-lp <file>', 'write the model as CPLEX LP')
    .option('--json', 'print JSON')
    .option('--csv <dir>', 'write the tables as CSV files into <dir>')
    .action(async (ref: string, opts: PlanFlags) => {
      // Loaded on use, so that `bulwark --help` does not start the solver.
      if (opts.exportMps !== undefined) checkOutputFile('--export-mps', opts.exportMps);
      if (opts.exportLp !== undefined) checkOutputFile('--export-lp', opts.exportLp);
      if (opts.csv !== undefined) prepareOutputDir('--csv', opts.csv);
      const [{ planCsvFiles, runPlan }, { loadInput }] = await Promise.all([
        import('../../app/plan.js'),
        import('../../app/scenario.js'),
      ]);
      let bar: Progress | undefined;
      const result = await runPlan({
        loaded: loadInput(ref, opts.variant, () => ctx.readStdin()),
        options: {
          mode: opts.mode,
          integer: opts.integer === true,
          burden: opts.burden,
          fairBasis: opts.fairBasis,
          ...(opts.timeLimit !== undefined ? { timeLimitSeconds: opts.timeLimit } : {}),
        },
        resilience: opts.resilience === true,
        // One re-solve per nation: with hundreds of nations that takes minutes, so it shows its progress.
        onResilienceProgress: (done, total) => {
          bar ??= startProgress(ctx, 'resilience', total, opts.json !== true);
          bar.update(done);
        },
        ...(opts.minStatus !== undefined ? { minStatus: opts.minStatus } : {}),
        byStatus: true,
        exportMps: opts.exportMps !== undefined,
        exportLp: opts.exportLp !== undefined,
      });
      bar?.stop();
      if (opts.exportMps !== undefined && result.mps !== undefined)
        writeOutput('--export-mps', opts.exportMps, result.mps);
      if (opts.exportLp !== undefined && result.lp !== undefined)
        writeOutput('--export-lp', opts.exportLp, result.lp);
      if (opts.csv !== undefined)
        for (const [name, text] of Object.entries(planCsvFiles(result)))
          writeOutput('--csv', join(opts.csv, name), text);
      if (opts.json === true)
        return ctx.json({
          scenarioHash: result.scenarioHash,
          plan: result.plan,
          minStatus: result.minStatus ?? null,
          byStatus: result.byStatus,
          resilience: result.resilience,
        });
      ctx.out(renderPlan(result));
    });
}

const fmtUnits = (x: number): string => (x === 0 ? '·' : figures.quantity(x));

/** A source reference as one short label: the id, or the ids of a field-wise map. */
const sourceLabel = (src: string | Readonly<Record<string, string>> | undefined): string =>
  src === undefined
    ? 'no source'
    : typeof src === 'string'
      ? src
      : [...new Set(Object.values(src))].join(', ');

/** Consecutive periods with the same shortfall and explanation, merged into one line. */
function groupGaps(rows: readonly ShortfallRow[]): { row: ShortfallRow; periods: number[] }[] {
  const out: { row: ShortfallRow; periods: number[] }[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (
      last !== undefined &&
      last.row.mission === r.mission &&
      last.row.capability === r.capability &&
      Math.abs(last.row.shortfall - r.shortfall) < 1e-9 &&
      last.row.required === r.required &&
      last.row.explanation === r.explanation &&
      (last.periods[last.periods.length - 1] ?? 0) + 1 === r.period
    )
      last.periods.push(r.period);
    else out.push({ row: r, periods: [r.period] });
  }
  return out;
}

/** A relative MIP gap for a reader: "0.00036%" style, two significant figures. */
function optimalityGap(gap: number): string {
  return `${(gap * 100).toPrecision(2)}% of the objective`;
}

export function renderPlan(result: PlanResult): string {
  const p: ForcePlan = result.plan;
  const out: string[] = [];
  const P = p.periods.map((x) => `P${x.index}`);
  out.push(`${p.scenario.title} — force plan`);
  out.push(
    `mode: ${p.mode}${p.integer ? ', whole units' : ''} · variants: ${p.variants.join(', ') || 'none'} · status: ${p.status} · ${p.solver}, ${(p.seconds * 1000).toFixed(0)} ms · ${p.model.variables} variables, ${p.model.rows} rows${p.check ? ` · solution ${p.check.ok ? 'checked against every constraint' : `VIOLATES ${p.check.violations.length} constraints`}` : ''}`,
  );
  if (p.status === 'time-limit' && p.solved)
    out.push(
      `stopped at the time limit with the best plan found${p.optimality !== undefined && Number.isFinite(p.optimality.gap) ? `, proven within ${optimalityGap(p.optimality.gap)} of the optimum` : ''} (raise --time-limit to search longer)`,
    );
  out.push(`periods: ${p.periods.map((x) => x.label).join(', ')}`);
  if (result.minStatus !== undefined)
    out.push(`pledges counted: status ${result.minStatus} or firmer (${pledgeStatuses.join(' < ')})`);
  if (!p.solved) {
    out.push('');
    out.push(
      p.status === 'infeasible'
        ? 'No plan satisfies the hard constraints (ceilings, pledges). Shortfall is allowed, so this means the data contradict themselves; check ceilings and fixed commitments.'
        : `No plan: ${p.status}${p.message !== undefined ? ` (${p.message})` : ''}.`,
    );
    return out.join('\n');
  }

  out.push(heading('Coverage: provided / required'));
  const byReq = new Map<string, (typeof p.coverage)[number][]>();
  for (const c of p.coverage)
    byReq.set(`${c.mission}|${c.capability}`, [...(byReq.get(`${c.mission}|${c.capability}`) ?? []), c]);
  out.push(
    table(
      ['mission', 'capability', 'prio', ...P, 'covered'],
      [...byReq.values()].map((rows) => {
        const first = rows[0];
        const cells = p.periods.map((t) => {
          const c = rows.find((r) => r.period === t.index);
          return c === undefined
            ? ''
            : `${figures.quantity(c.required - c.shortfall)}/${figures.quantity(c.required)}`;
        });
        const covered =
          rows.reduce((a, r) => a + (r.required - r.shortfall), 0) / rows.reduce((a, r) => a + r.required, 0);
        return [
          first?.mission ?? '',
          first?.capability ?? '',
          String(first?.priority ?? ''),
          ...cells,
          figures.share(covered),
        ];
      }),
      ['left', 'left', 'right', ...P.map(() => 'right' as const), 'right'],
    ),
  );

  out.push(heading('Sourcing: units deployed (nation × mission × unit type × period)'));
  const src = new Map<string, Map<number, number>>();
  for (const r of p.sourcing) {
    const key = `${r.nation}|${r.mission}|${r.unitType}`;
    const m = src.get(key) ?? new Map<number, number>();
    m.set(r.period, (m.get(r.period) ?? 0) + r.units);
    src.set(key, m);
  }
  out.push(
    table(
      ['nation', 'mission', 'unit type', ...P],
      [...src.entries()].map(([key, m]) => [
        ...key.split('|'),
        ...p.periods.map((t) => fmtUnits(m.get(t.index) ?? 0)),
      ]),
      ['left', 'left', 'left', ...P.map(() => 'right' as const)],
    ),
  );

  out.push(heading('Gaps and why'));
  if (p.shortfall.length === 0) out.push('Every requirement is covered in every period.');
  else
    out.push(
      table(
        ['mission', 'capability', 'periods', 'short', 'of', 'cause'],
        groupGaps(p.shortfall).map(({ row, periods }) => [
          row.mission,
          row.capability,
          periodRanges(periods),
          figures.quantity(row.shortfall),
          figures.quantity(row.required),
          row.explanation,
        ]),
        ['left', 'left', 'left', 'right', 'right', 'left'],
      ),
    );

  if (p.deployment !== undefined) out.push(renderDeployment(p, p.deployment));

  out.push(heading('Personnel and cost by nation'));
  const years = p.costByYearUsd.map((_, i) => `year ${i + 1}`);
  const t = p.personnelTotals;
  const sustain = (y: number | null, by: string | null): string =>
    y === null ? 'indefinitely' : `${figures.quantity(Math.round(y * 10) / 10)} y (${by ?? ''})`;
  out.push(
    table(
      [
        'nation',
        'peak deployed',
        'tied up by rotation',
        'troop-tours',
        'distinct people',
        'sustainable',
        ...years,
        'total',
      ],
      [
        ...p.personnelByNation
          .filter((n) => n.peakDeployed > 0)
          .map((n) => {
            const c = p.cost.find((x) => x.nation === n.nation);
            return [
              n.nation,
              figures.quantity(Math.round(n.peakDeployed)),
              figures.quantity(Math.round(n.peakTiedUp)),
              figures.quantity(Math.round(n.troopTours)),
              figures.quantity(Math.round(n.distinctOverHorizon)),
              sustain(n.sustainableYears, n.limitedBy),
              ...(c?.byYearUsd ?? []).map((x) => figures.money(x)),
              figures.money(c?.totalUsd ?? 0),
            ];
          }),
        [
          'total',
          figures.quantity(Math.round(t.peakDeployed)),
          figures.quantity(Math.round(t.peakTiedUp)),
          figures.quantity(Math.round(t.troopTours)),
          figures.quantity(Math.round(t.distinct)),
          sustain(t.sustainableYears, t.limitedBy),
          ...p.costByYearUsd.map((x) => figures.money(x)),
          figures.money(p.totalCostUsd),
        ],
      ],
      ['left', 'right', 'right', 'right', 'right', 'left', ...years.map(() => 'right' as const), 'right'],
    ),
  );
  out.push(
    'Tied up = in theatre, preparing and recovering: deployed × (tour + dwell) ÷ tour under each nation’s rule (peak period). ' +
      'Troop-tours = person-tours served over the horizon. Distinct people = different people who serve a tour: fewer than tied up ' +
      'when the horizon is shorter than tour + dwell (units preparing never deploy in it), equal once units come back for a second tour. ' +
      'Sustainable = years until the units (or crews, or personnel) a nation holds can no longer relieve its peak deployment without cutting dwell. docs/planner.md.',
  );

  if (result.byStatus !== undefined) {
    out.push(heading('Force by pledge status: the plan counting pledges at or above each rung'));
    out.push(
      table(
        [
          'at or above',
          'pledges at rung',
          'pledges standing',
          'pledged (peak)',
          'in place (peak)',
          'requirement-periods met',
        ],
        result.byStatus.map((r) => [
          r.status,
          String(r.pledgesAt),
          String(r.pledges),
          figures.quantity(Math.round(r.pledgedPersonnel)),
          figures.quantity(Math.round(r.inPlacePersonnel)),
          `${r.requirementPeriodsMet} of ${r.requirementPeriods}`,
        ]),
        ['left', 'right', 'right', 'right', 'right', 'right'],
      ),
    );
  }

  out.push(heading('Rotation by nation and unit type'));
  out.push(
    table(
      [
        'nation',
        'unit type',
        'tour + dwell',
        'ratio',
        'rule',
        'peak',
        'tours',
        'distinct',
        'held / needed',
        'sustainable',
      ],
      p.rotation.map((r) => [
        r.nation,
        r.unitType,
        `${figures.quantity(r.tourMonths)} + ${figures.quantity(r.dwellMonths)} months`,
        figures.quantity(Math.round(r.ratio * 100) / 100),
        `${r.rule === 'catalog' ? 'catalog' : 'national'} (${sourceLabel(r.source)})`,
        figures.quantity(Math.round(r.peakUnits * 100) / 100),
        figures.quantity(Math.round(r.tours * 10) / 10),
        figures.quantity(Math.round(r.distinctUnits * 10) / 10),
        r.poolUnits === null
          ? `— / ${figures.quantity(Math.round(r.neededUnits * 10) / 10)}`
          : `${figures.quantity(r.poolUnits)}${r.poolFrom === 'crews' ? ' crews' : ''} / ${figures.quantity(Math.round(r.neededUnits * 10) / 10)}`,
        r.years === null
          ? r.poolUnits === null
            ? 'not held yet'
            : 'indefinitely'
          : `${figures.quantity(Math.round(r.years * 10) / 10)} years`,
      ]),
      ['left', 'left', 'right', 'right', 'left', 'right', 'right', 'right', 'right', 'left'],
    ),
  );

  const contributors = [...p.fairShare.rows]
    .filter((r) => r.burdenShare > 0)
    .sort((a, b) => b.difference - a.difference);
  const idle = p.fairShare.rows.filter((r) => r.burdenShare <= 0);
  out.push(
    heading(
      `Fair share: ${p.fairShare.burden} against ${p.fairShare.basis === 'gdp' ? 'GDP' : 'defence budget'}`,
    ),
  );
  out.push(
    table(
      ['nation', 'personnel-years', 'cost', 'share of burden', 'fair share', 'difference'],
      [
        ...contributors.map((r) => [
          r.nation,
          figures.quantity(Math.round(r.personnelYears)),
          figures.money(r.costUsd),
          figures.prob(r.burdenShare),
          figures.prob(r.fairShare),
          `${r.difference >= 0 ? '+' : ''}${figures.prob(r.difference)}`,
        ]),
        ...(idle.length > 0
          ? [
              [
                `${idle.length} others`,
                '0',
                '$0',
                '0.0%',
                figures.prob(idle.reduce((a, r) => a + r.fairShare, 0)),
                figures.prob(-idle.reduce((a, r) => a + r.fairShare, 0)),
              ],
            ]
          : []),
      ],
      ['left', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  if (idle.length > 0)
    out.push(
      `Others, carrying nothing in this plan: ${[...idle]
        .sort((a, b) => b.fairShare - a.fairShare)
        .map((r) => `${r.nation} ${figures.prob(r.fairShare)}`)
        .join(', ')}.`,
    );
  out.push(
    `Fairness index (1 − ½Σ|share − fair share|): ${p.fairShare.index === null ? 'n/a' : p.fairShare.index.toFixed(2)} (1 = burden exactly in proportion).`,
  );

  out.push(heading('Rotation calendar: units deployed / preparing / recovering'));
  const cal = new Map<string, Map<number, [number, number, number]>>();
  for (const r of p.calendar) {
    const m = cal.get(r.nation) ?? new Map<number, [number, number, number]>();
    const prev = m.get(r.period) ?? [0, 0, 0];
    m.set(r.period, [prev[0] + r.deployed, prev[1] + r.preparing, prev[2] + r.recovering]);
    cal.set(r.nation, m);
  }
  out.push(
    table(
      ['nation', ...P],
      [...cal.entries()].map(([n, m]) => [
        n,
        ...p.periods.map((t) => {
          const v = m.get(t.index);
          return v === undefined ? '·' : v.map((x) => figures.quantity(Math.round(x * 10) / 10)).join(' / ');
        }),
      ]),
      ['left', ...P.map(() => 'right' as const)],
    ),
  );

  out.push(heading('Binding constraints'));
  if (p.binding.length === 0) out.push('None: no pledge, ceiling or budget is fully used.');
  else for (const b of p.binding.slice(0, 20)) out.push(`• ${b.text}`);
  if (p.binding.length > 20) out.push(`… and ${p.binding.length - 20} more (see --json or --csv).`);

  if (result.resilience !== undefined) {
    const r = result.resilience;
    const missions = Object.keys(r.baselineMissionCoverage);
    out.push(heading('Resilience: what each loss costs'));
    out.push(
      table(
        ['rank', 'loss', 'added shortfall', ...missions.map((m) => `${m} covered`), 'new gaps'],
        [
          [
            '',
            'baseline',
            figures.quantity(r.baselineWeightedShortfall),
            ...missions.map((m) => figures.share(r.baselineMissionCoverage[m] ?? 1)),
            '',
          ],
          ...r.cases.map((c, i) => [
            String(i + 1),
            c.label,
            c.status === 'optimal' ? `+${figures.quantity(c.addedShortfall)}` : c.status,
            ...missions.map((m) =>
              c.missionCoverage[m] === undefined ? '' : figures.share(c.missionCoverage[m] ?? 0),
            ),
            Object.entries(c.newGaps)
              .map(([k, v]) => `${k} ${figures.quantity(v)}`)
              .join(', '),
          ]),
        ],
        ['right', 'left', 'right', ...missions.map(() => 'right' as const), 'left'],
      ),
    );
    out.push(
      `Shortfall is priority-weighted (Σ priority weight × unmet fraction × years); ${r.cases.length} re-solves took ${(r.seconds * 1000).toFixed(0)} ms.`,
    );
  }
  if (p.forceOptions.comparisons.length > 0) out.push(renderPlanOptions(p));
  if (p.notes.length > 0) {
    out.push(heading('Notes'));
    for (const n of p.notes) out.push(`• ${n}`);
  }
  return out.join('\n');
}

/** The time-phased arrival table of the deployment flow, the nodes it passes, and when missions are met. */
function renderDeployment(p: ForcePlan, d: DeploymentReport): string {
  const out: string[] = [
    heading('Deployment flow: arrivals by period (pledged units, lift and reception capacity)'),
  ];
  const label = (t: number): string => p.periods.find((x) => x.index === t)?.label ?? `P${t}`;
  const rows = d.arrivals.map((r) => [
    label(r.period),
    r.nation,
    r.mission,
    figures.quantity(r.units),
    figures.quantity(Math.round(r.personnel)),
    figures.quantity(r.cumulativeUnits),
    figures.quantity(Math.round(r.cumulativePersonnel)),
    r.bottleneck ?? 'lead time',
  ]);
  const late = d.moves.filter((m) => m.period === null);
  for (const [key, ms] of groupBy(
    late,
    (m) => `${m.nation}|${m.mission}|${m.arrivalDay === null ? 'never' : 'later'}`,
  )) {
    const [nation = '', mission = '', when = ''] = key.split('|');
    rows.push([
      when === 'never' ? 'never' : 'after the horizon',
      nation,
      mission,
      figures.quantity(ms.reduce((a, m) => a + m.units, 0)),
      figures.quantity(Math.round(ms.reduce((a, m) => a + m.personnel, 0))),
      '',
      '',
      ms[0]?.bottleneck ?? '',
    ]);
  }
  out.push(
    table(
      [
        'period',
        'nation',
        'mission',
        'units',
        'personnel',
        'in place (units)',
        'in place (personnel)',
        'held up by',
      ],
      rows,
      ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'left'],
    ),
  );
  if (d.nodes.length > 0)
    out.push(
      '',
      table(
        ['node', 'kind', 'tonnes', 'personnel', 'slowest for', 'days waiting'],
        d.nodes.map((n) => [
          `${n.node} (${n.name})`,
          n.kind,
          figures.quantity(Math.round(n.tonnes)),
          figures.quantity(Math.round(n.personnel)),
          String(n.bottleneckFor),
          figures.quantity(Math.round(n.waitDays)),
        ]),
        ['left', 'left', 'right', 'right', 'right', 'right'],
      ),
    );
  const met = d.missions
    .map(
      (m) =>
        `${m.mission} ${m.requirementMetFrom === null ? 'never' : `from ${label(m.requirementMetFrom)}`}`,
    )
    .join(', ');
  out.push(
    '',
    `Requirement fully in place: ${met}. Last unit in place: ${d.completeDay === null ? 'never (a route has no capacity)' : `day ${Math.ceil(d.completeDay)}`}; bottleneck: ${d.bottleneck ?? 'none'}. Units on no route arrive after their lead time. docs/planner.md, "Deployment flow".`,
  );
  return out.join('\n');
}

/** The plan at its peak against the force options: one row per option, personnel and capability by component. */
function renderPlanOptions(p: ForcePlan): string {
  const fo = p.forceOptions;
  const ids = [...new Set(fo.comparisons.flatMap((c) => c.components.map((k) => k.component)))];
  const pc = (x: number | null | undefined): string =>
    x === null || x === undefined ? '—' : figures.share(x);
  const share = (r: { ofLow: number; ofHigh: number } | null): string =>
    r === null ? '—' : r.ofLow === r.ofHigh ? pc(r.ofLow) : `${pc(r.ofHigh)}–${pc(r.ofLow)}`;
  const label = p.periods[fo.period - 1]?.label ?? `P${fo.period}`;
  return [
    heading(`Against the force options (the plan at its peak, ${label})`),
    table(
      ['option', 'personnel', ...ids],
      fo.comparisons.map((c) => [
        c.name,
        share(c.personnelShare),
        ...ids.map((id) => {
          const k = c.components.find((x) => x.component === id);
          return k === undefined ? '' : `${share(k.personnelShare)} / ${pc(k.capabilityShare)}`;
        }),
      ]),
      ['left', 'right', ...ids.map(() => 'right' as const)],
    ),
    ...fo.comparisons.flatMap((c) => c.summary.slice(1)),
    "Share of each option the plan covers: personnel, and capability (mean over the component's capabilities of min(1, plan ÷ option)); `bulwark show --options` compares the pledge.",
  ].join('\n');
}
