import type { Command } from 'commander';
import { showScenario } from '../../app/scenario.js';
import type { CliContext } from '../context.js';
import { collect } from '../options.js';
import { formatUsd, heading, table, truncate } from '../render.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('show')
    .description('summarise a scenario: nations and pledges, requirements by mission and period, totals')
    .argument('<scenario>', 'a YAML/JSON file, a built-in name, or - for stdin')
    .option('--variant <id>', 'apply a variant (repeatable, applied in order)', collect, [])
    .option('--json', 'print JSON')
    .action((ref: string, opts: { variant: string[]; json?: boolean }) => {
      const shown = showScenario(ref, opts.variant, () => ctx.readStdin());
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
            formatUsd(n.gdpUsd),
            n.defenceBudgetUsd === null ? '—' : formatUsd(n.defenceBudgetUsd),
            n.role === 'coalition' ? n.pledgedPersonnelPeak : '',
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

      out.push(heading('Personnel: required (indicative) vs pledged'));
      out.push(
        table(
          ['period', 'required', 'pledged', 'gap'],
          s.totals.map((t) => [
            t.period,
            t.requiredPersonnel,
            t.pledgedPersonnel,
            Math.max(0, t.requiredPersonnel - t.pledgedPersonnel),
          ]),
        ),
      );
      out.push(
        'Required personnel is indicative: each requirement times the fewest personnel any catalog unit needs per unit of that capability. `bulwark plan` sources it properly.',
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
