import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { GameReport } from '../../app/index.js';
import {
  percent,
  templateKinds,
  tripwireCamps,
  type TemplateKind,
  type TripwireCamp,
} from '../../core/game/index.js';
import type { CliContext } from '../context.js';
import { checkOutputFile, writeOutput } from '../output-paths.js';
import { choiceOption, collect } from '../options.js';
import { heading, table } from '../render.js';

interface GameFlags {
  template: TemplateKind;
  variant: string[];
  camp?: TripwireCamp;
  audienceCost?: number;
  json?: boolean;
  efg?: string;
}

const nonNegative = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`expected a number ≥ 0, got "${value}"`);
  return n;
};

export function register(program: Command, ctx: CliContext): void {
  program
    .command('game')
    .description(
      'credibility games: the equilibrium, and how credible the backstop must be for the force to deter',
    )
    .argument(
      '<scenario|game-file>',
      'a scenario (file, built-in name, - for stdin) or a game file (.yaml/.json tree or Gambit .efg)',
    )
    .option('--template <kind>', 'game built from a scenario', choiceOption(templateKinds), 'tripwire')
    .option('--variant <id>', 'apply a scenario variant (repeatable, applied in order)', collect, [])
    .option(
      '--camp <camp>',
      'the tripwire as a cheap signal or an automatic trigger',
      choiceOption(tripwireCamps),
    )
    .option(
      '--audience-cost <per1000>',
      "coalition's audience cost of abandoning the force per 1,000 personnel",
      nonNegative,
    )
    .option('--json', 'print JSON')
    .option('--efg <file>', 'also write the game in Gambit .efg format')
    .action(async (ref: string, opts: GameFlags) => {
      if (opts.efg !== undefined) checkOutputFile('--efg', opts.efg);
      const { runGame } = await import('../../app/game.js');
      const report = runGame({
        ref,
        template: opts.template,
        variants: opts.variant,
        assumptions: {
          ...(opts.camp !== undefined ? { camp: opts.camp } : {}),
          ...(opts.audienceCost !== undefined ? { audienceCostPerThousand: opts.audienceCost } : {}),
        },
        stdin: () => ctx.readStdin(),
      });
      if (opts.efg !== undefined) writeOutput('--efg', opts.efg, report.efg);
      if (opts.json === true) {
        const { efg: _efg, ...rest } = report;
        return ctx.json(rest);
      }
      ctx.out(renderGame(report, opts.efg));
    });
}

const num = (x: number): string => String(Math.round(x * 1000) / 1000);
const show = (v: number | boolean | undefined): string => (typeof v === 'number' ? num(v) : String(v));

export function renderGame(r: GameReport, efgFile?: string): string {
  const out: string[] = [];
  out.push(
    `${r.title} — ${r.source.name}${r.source.variants.length > 0 ? ` (variants: ${r.source.variants.join(', ')})` : ''}`,
  );
  out.push(
    `players: ${r.players.join(', ')} · solver: ${r.solver}${r.nashChecked === true ? ' · checked: no player gains by deviating' : ''}${r.source.scenarioHash !== undefined ? ` · ${r.source.scenarioHash.slice(0, 19)}` : ''}`,
  );

  const c = r.credibility;
  if (c !== undefined) {
    const p = c.derivation.params;
    out.push(heading('How credible must the backstop be?'));
    out.push(...c.findings);
    out.push('');
    out.push(
      table(
        ['game', 'least credibility that deters'],
        [
          ['with the force (tripwire, cheap signal)', percent(c.thresholds.tripwire)],
          ['backstop alone (no force)', percent(c.thresholds.backstopOnly)],
          ['with the force as an automatic trigger', percent(c.thresholds.automaticTrigger)],
        ],
      ),
    );
    out.push(
      `Adversary's belief in the guarantor's resolve: ${percent(p.prior)} (${c.derivation.sources.prior.note})` +
        (c.derivation.guarantorCredibility !== undefined
          ? `; the scenario's mean backstop credibility: ${percent(c.derivation.guarantorCredibility)}.`
          : '.'),
    );
    out.push(
      `Camp in use: ${p.camp}. ${p.fatalitiesTrigger ? 'An attack is expected to reach the guarantor’s fatality threshold.' : 'An attack is not expected to reach the guarantor’s fatality threshold, so even the trigger reading draws in only a resolute guarantor.'} (${c.derivation.sources.fatalitiesTrigger.note})`,
    );
    out.push(
      c.closedFormChecked
        ? 'The closed-form thresholds agree with bisection on the solved games.'
        : 'WARNING: the closed-form thresholds disagree with bisection on the solved games.',
    );

    out.push(heading('Threshold against the size of the force'));
    out.push(
      table(
        ['force ×', 'personnel', 'threshold'],
        c.curves.forceSize.map((pt) => [num(pt.x), pt.personnel, percent(pt.threshold)]),
        ['right', 'right', 'right'],
      ),
    );
    out.push(c.curveFindings[0] ?? '');
    out.push(heading("Threshold against the adversary's stakes"));
    out.push(
      table(
        ['stakes V', 'threshold'],
        c.curves.stakes.map((pt) => [num(pt.x), percent(pt.threshold)]),
        ['right', 'right'],
      ),
    );
    out.push(c.curveFindings[1] ?? '');
    out.push(heading('Other curves (in --json)'));
    out.push(c.curveFindings[2] ?? '');
    out.push(c.curveFindings[3] ?? '');

    out.push(heading('Parameters'));
    out.push(
      table(
        ['parameter', 'value', 'from'],
        Object.entries(c.derivation.sources).map(([k, s]) => [
          k,
          show((p as unknown as Record<string, number | boolean>)[k]),
          `${s.kind}: ${s.note}`,
        ]),
      ),
    );
    out.push(
      `Force: ${c.derivation.force.personnel} personnel, combat power ${num(c.derivation.force.combatPower)} (active pledges, period ${c.derivation.force.period}).`,
    );
  }

  if (r.equilibrium !== undefined) {
    out.push(heading('Equilibrium path'));
    out.push(...r.pathInWords.map((s) => `- ${s}`));
    out.push(
      `Expected payoffs: ${r.players.map((p, i) => `${p} ${num(r.equilibrium?.payoffs[i] ?? 0)}`).join(', ')}`,
    );
    for (const u of r.equilibrium.uninformed)
      out.push(
        `${u.history.length > 0 ? `After ${u.history.join(' / ')}, ` : ''}${u.player}, not knowing ${u.beliefs.map((b) => `${b.type} ${percent(b.probability)}`).join(' / ')}, expects ${u.values.map((v) => `${v.action} ${num(v.value)}`).join(', ')}.`,
      );
    out.push(heading('Strategies'));
    out.push(
      table(
        ['player', 'after', 'plays'],
        r.equilibrium.choices.map((ch) => {
          // An uninformed player's information set spans the types: show it without the type drawn.
          const blind = r.equilibrium?.uninformed.some((u) => u.infoSet === ch.infoSet) === true;
          const after = blind ? [...ch.history.slice(0, -1), '(type unknown)'] : ch.history;
          return [ch.player, after.join(' / ') || '(start)', ch.action];
        }),
      ),
    );
    if (r.equilibrium.ties.length > 0) {
      out.push('Ties (another equilibrium exists; the first action listed was taken):');
      for (const t of r.equilibrium.ties)
        out.push(
          `- ${t.player} after ${t.history.join(' / ') || 'the start'}: ${t.optimal.join(' = ')} → ${t.chosen}`,
        );
    }
  }
  if (r.mixed !== undefined) {
    out.push(heading('Normal form: support enumeration'));
    r.mixed.equilibria.forEach((e, i) => {
      const mix = (probs: readonly number[], names: readonly string[] | undefined): string =>
        probs
          .map((x, j) => [x, names?.[j] ?? String(j)] as const)
          .filter(([x]) => x > 1e-9)
          .map(([x, n]) => `${n} ${percent(x)}`)
          .join(', ');
      out.push(
        `${i + 1}. ${r.players[0]}: ${mix(e.row, r.mixed?.strategies[0])} · ${r.players[1]}: ${mix(e.col, r.mixed?.strategies[1])} · payoffs ${num(e.payoffs[0])}, ${num(e.payoffs[1])}`,
      );
    });
    if (r.mixed.degenerate)
      out.push('The normal form is degenerate: equilibria with unequal supports or continua may be missing.');
  }
  if (efgFile !== undefined) out.push(`\nGame written to ${efgFile} (Gambit .efg).`);
  out.push('');
  const passed = r.textbook.filter((t) => t.ok).length;
  out.push(
    `Solvers verified on ${passed} of ${r.textbook.length} textbook cases: ${r.textbook.map((t) => `${t.name} (${t.expected}${t.ok ? '' : ' — FAILED'})`).join('; ')}.`,
  );
  return out.join('\n');
}
