import type { Command } from 'commander';
import type { ScenarioAssumptions, ScenarioOptions } from '../../app/index.js';
import {
  groupParameters,
  type ParameterGroup,
  type ParameterRow,
  type WordedComparison,
} from '../../core/scenario/index.js';
import type { CliContext } from '../context.js';
import { collect } from '../options.js';
import { figures, heading, table, truncate } from '../render.js';

interface ShowFlags {
  variant: string[];
  assumptions?: boolean;
  options?: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('show')
    .description('summarise a scenario: nations and pledges, requirements by mission and period, totals')
    .argument('<scenario>', 'a YAML/JSON file, a built-in name, or - for stdin')
    .option('--variant <id>', 'apply a variant (repeatable, applied in order)', collect, [])
    .option(
      '--assumptions',
      'list every parameter of the assurance model and the credibility games: value, origin (file or code default), label',
    )
    .option(
      '--options',
      'put the pledge against each named force option (IISS small / medium / large, …), component by component',
    )
    .option('--json', 'print JSON')
    .action(async (ref: string, opts: ShowFlags) => {
      const { scenarioAssumptions, scenarioOptions, showScenario } = await import('../../app/scenario.js');
      if (opts.options) {
        const o = scenarioOptions(ref, opts.variant, () => ctx.readStdin());
        return opts.json ? ctx.json(o) : ctx.out(renderOptions(o));
      }
      if (opts.assumptions) {
        const a = scenarioAssumptions(ref, opts.variant, () => ctx.readStdin());
        return opts.json ? ctx.json(a.parameters) : ctx.out(renderAssumptions(a));
      }
      const shown = await showScenario(ref, opts.variant, () => ctx.readStdin());
      if (opts.json) return ctx.json(shown);
      const s = shown.summary;
      const out: string[] = [];
      out.push(`${s.title}`);
      out.push(
        `as of ${s.asOf} · backstop: ${s.backstop} · variants applied: ${shown.variants.join(', ') || 'none'} · ${shown.hash.slice(0, 19)}`,
      );

      out.push(heading('Nations'));
      out.push(
        table(
          ['nation', 'role', 'GDP', 'defence budget', 'pledged (peak)', 'caveats / conditions'],
          s.nations.map((n) => [
            `${n.id} ${n.name}`,
            n.role,
            figures.money(n.gdpUsd),
            n.defenceBudgetUsd === null ? '—' : figures.money(n.defenceBudgetUsd),
            n.role === 'coalition' || n.pledgedPersonnelPeak > 0 ? n.pledgedPersonnelPeak : '',
            truncate([...n.caveats, ...n.conditions.map((c) => `if ${c}`)].join('; '), 70),
          ]),
          ['left', 'left', 'right', 'right', 'right', 'left'],
        ),
      );

      out.push(heading('Pledges'));
      out.push(
        table(
          [
            'pledge',
            'nation',
            'unit type',
            'units',
            'personnel',
            'with rotation',
            'missions',
            'periods',
            'status',
            'note',
          ],
          s.pledges.map((p) => [
            p.id,
            p.nation,
            p.unitType,
            p.units,
            p.personnel,
            Math.round(p.personnelWithRotation),
            p.missions === 'any' ? 'any' : p.missions.join(', '),
            p.periods,
            p.status,
            p.active ? '' : `dropped: needs ${p.conditions.join(', ')}`,
          ]),
        ),
      );

      out.push(heading('Requirements by mission and period'));
      const short = s.periods.map((_, i) => `P${i + 1}`);
      out.push(
        table(
          ['mission', 'capability', 'prio', ...short, 'unit'],
          s.requirements.map((r) => [r.mission, r.capability, r.priority, ...r.byPeriod, r.unit]),
        ),
      );

      out.push(heading('Personnel and requirements by period: required, pledged, in place'));
      out.push(
        table(
          ['period', 'required', 'pledged', 'in place', 'short', 'requirements met'],
          s.totals.map((t) => [
            t.period,
            t.requiredPersonnel,
            t.pledgedPersonnel,
            t.inPlacePersonnel,
            t.shortPersonnel,
            `${t.requirementsMet} of ${t.requirements}`,
          ]),
        ),
      );
      out.push(
        `In place: what ${s.inPlace} deploys, after lead times, each unit on one mission (\`bulwark plan\`). ` +
          'Short: mission by mission and capability by capability, the unmet amount × the fewest personnel per unit of that capability — ' +
          "one mission's surplus never fills another's gap, so short can exceed required − in place. " +
          'Required is indicative: each requirement × the fewest personnel any catalog unit needs per unit of its capability. ' +
          `The plan meets ${s.requirementPeriods.met} of ${s.requirementPeriods.total} requirement-periods in full.`,
      );
      if (s.variants.length > 0) {
        out.push(heading('Variants'));
        out.push(
          table(
            ['variant', 'name', 'description'],
            s.variants.map((v) => [v.id, v.name, v.description]),
          ),
        );
      }
      ctx.out(out.join('\n'));
    });
}

const pctOrDash = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : figures.share(x);
const figure = (r: { low: number; high: number } | null): string =>
  r === null
    ? '—'
    : r.low === r.high
      ? figures.quantity(Math.round(r.low))
      : `${figures.quantity(r.low)}–${figures.quantity(r.high)}`;
const shareText = (r: { ofLow: number; ofHigh: number } | null): string =>
  r === null
    ? '—'
    : r.ofLow === r.ofHigh
      ? pctOrDash(r.ofLow)
      : `${pctOrDash(r.ofHigh)}–${pctOrDash(r.ofLow)}`;

/** One option: a table of the force against it by component, then the comparison in words. */
export function renderOptionComparison(c: WordedComparison, force: string): string {
  const rows: (string | number)[][] = [
    [
      'total',
      figures.quantity(Math.round(c.personnel)),
      figure(c.personnelNeed),
      shareText(c.personnelShare),
      '',
      '',
    ],
    ...c.components.map((k) => [
      k.name,
      figures.quantity(Math.round(k.personnel)),
      `${figure(k.personnelNeed)}${k.personnelStated || k.personnelNeed === null ? '' : ' *'}`,
      shareText(k.personnelShare),
      k.capabilities
        .map((x) => `${x.capability} ${figures.quantity(x.have)}/${figures.quantity(x.need)}`)
        .join(', '),
      pctOrDash(k.capabilityShare),
    ]),
  ];
  return [
    heading(c.name),
    table(
      ['component', `${force} personnel`, 'option', 'share', `capability: ${force} / option`, 'covered'],
      rows,
      ['left', 'right', 'right', 'right', 'left', 'right'],
    ),
    ...c.sentences,
  ].join('\n');
}

/** `show --options`: the pledge against every force option of the scenario. */
export function renderOptions(o: ScenarioOptions): string {
  const out: string[] = [
    `The pledge against the force options · variants applied: ${o.variants.join(', ') || 'none'} · ${o.hash.slice(0, 19)}`,
  ];
  if (o.comparisons.length === 0) {
    out.push('This scenario defines no force options (forceOptions in the scenario file).');
    return out.join('\n');
  }
  out.push(`Pledged force at its peak, ${o.periodLabel || 'no pledges'}.`);
  for (const c of o.comparisons) out.push(renderOptionComparison(c, 'pledged'));
  out.push(
    '',
    '* implied: the option gives no headcount for the component; its capability × the fewest personnel per unit of capability in the catalog.',
    "covered: mean over the component's capabilities of min(1, pledged ÷ option). Units count in the component of the capability they provide.",
  );
  return out.join('\n');
}

const groupTitles: Record<ParameterGroup, string> = {
  adversary: 'Adversary: escalation ladder, risk tolerance, prior',
  guarantor: 'Guarantor backstop',
  assurance: 'Assurance model',
  calibration: 'Calibration references',
  nations: 'Nations: casualty tolerance',
  catalog: 'Catalog: combat power',
};

/** A code default whose only label is its block's "*" (or the block's single source id). */
const blanketDefault = (r: ParameterRow): boolean => r.origin === 'default' && r.label.by === 'block';

/** `show --assumptions`: one table per group, then a line counting defaulted and unlabelled parameters. */
export function renderAssumptions(a: ScenarioAssumptions): string {
  const out: string[] = [
    `Effective parameters · variants applied: ${a.variants.join(', ') || 'none'} · ${a.hash.slice(0, 19)}`,
  ];
  for (const g of groupParameters(a.parameters)) {
    out.push(heading(groupTitles[g.group]));
    out.push(
      table(
        ['parameter', 'value', 'origin', 'label'],
        g.rows.map((r) => [
          r.path,
          r.value,
          r.origin,
          r.label.kind === 'unlabelled'
            ? 'unlabelled'
            : `${r.label.kind} ${r.label.sourceId ?? ''}${blanketDefault(r) ? ' †' : ''}`,
        ]),
        ['left', 'left', 'left', 'left'],
      ),
    );
  }
  const defaults = a.parameters.filter((r) => r.origin === 'default');
  const unlabelled = a.parameters.filter((r) => r.label.kind === 'unlabelled');
  out.push('');
  if (a.parameters.some(blanketDefault))
    out.push(
      '† a code default labelled only by its block\'s "*" (or one source for the whole block): the source does not name it.',
    );
  const blanket = defaults.filter(blanketDefault).length;
  out.push(
    [
      countLine(defaults, 'take code defaults', 'takes a code default', blanket > 0 ? ` (${blanket} †)` : ''),
      countLine(unlabelled, 'are unlabelled', 'is unlabelled', ''),
    ].join(' '),
  );
  return out.join('\n');
}

function countLine(rows: readonly ParameterRow[], plural: string, singular: string, note: string): string {
  if (rows.length === 0) return `No parameter ${singular}.`;
  const n = rows.length === 1 ? `1 parameter ${singular}` : `${rows.length} parameters ${plural}`;
  return `${n}${note}: ${rows.map((r) => r.path).join(', ')}.`;
}
