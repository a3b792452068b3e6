import type { Command } from 'commander';
import type { EngagementReport } from '../../app/index.js';
import type { CliContext } from '../context.js';
import { figures, heading, table } from '../render.js';

interface EngagementFlags {
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('engagement')
    .description('Lanchester attrition of two forces with reinforcements: strengths by day and casualties')
    .argument('<file>', 'an engagement file (.yaml or .json), or - for stdin')
    .option('--json', 'print JSON')
    .action(async (ref: string, opts: EngagementFlags) => {
      const { runEngagement } = await import('../../app/engagement.js');
      const report = runEngagement({ ref, stdin: () => ctx.readStdin() });
      if (opts.json === true) return ctx.json(report);
      ctx.out(renderEngagement(report));
    });
}

/** Days shown in the table: every day up to 60 days, else every k-th day; always day 0 and the last. */
export function shownDays(days: number): number[] {
  const k = days > 60 ? Math.ceil(days / 60) : 1;
  const out: number[] = [];
  for (let d = 0; d < days; d += k) out.push(d);
  out.push(days);
  return out;
}

/** t is in days since the start: 35.44 is during day 36. */
const when = (t: number | null): string =>
  t === null
    ? 'not annihilated'
    : `annihilated after ${figures.quantity(t)} days (on day ${Math.floor(t) + 1})`;

const arrivals = (list: readonly { day: number; strength: number }[]): string =>
  list.length === 0 ? 'none' : list.map((r) => `${figures.quantity(r.strength)} on day ${r.day}`).join(', ');

export function renderEngagement(r: EngagementReport): string {
  const { engagement: e, result: res } = r;
  const { spec, sides } = e;
  const out: string[] = [];
  out.push(`${e.title} — ${r.file}`);
  out.push(
    `${spec.law} law (${spec.law === 'square' ? 'aimed fire' : 'area fire'}) · ${spec.days} days · RK4, ${res.stepsPerDay} steps/day, estimated error ${res.errorEstimate.toExponential(1)}`,
  );
  out.push(
    table(
      ['side', 'initial', 'effectiveness', 'reinforcements'],
      [
        [
          `${sides.blue.name} (blue)`,
          figures.quantity(spec.x0),
          String(spec.b),
          arrivals(spec.blueReinforcements),
        ],
        [
          `${sides.red.name} (red)`,
          figures.quantity(spec.y0),
          String(spec.a),
          arrivals(spec.redReinforcements),
        ],
      ],
      ['left', 'right', 'right', 'left'],
    ),
  );
  if (e.source !== undefined) out.push(`Source: ${e.source}`);

  out.push(heading('Strength at the end of each day'));
  if (spec.days > 60)
    out.push(`(every ${shownDays(spec.days)[1] ?? 1} days and the last day; --json has all)`);
  out.push(
    table(
      ['day', sides.blue.name, sides.red.name],
      shownDays(spec.days).map((d) => {
        const s = res.series[d];
        return [d, Math.round(s?.blue ?? 0), Math.round(s?.red ?? 0)];
      }),
    ),
  );

  out.push(heading('Casualties'));
  out.push(
    table(
      ['side', 'casualties', 'reinforcements', 'final strength', 'outcome'],
      [
        [
          sides.blue.name,
          Math.round(res.casualties.blue),
          Math.round(res.reinforcements.blue),
          Math.round(res.series[spec.days]?.blue ?? 0),
          when(res.annihilated.blue),
        ],
        [
          sides.red.name,
          Math.round(res.casualties.red),
          Math.round(res.reinforcements.red),
          Math.round(res.series[spec.days]?.red ?? 0),
          when(res.annihilated.red),
        ],
      ],
      ['left', 'right', 'right', 'right', 'left'],
    ),
  );
  return out.join('\n');
}
