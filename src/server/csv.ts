/** Scenario tables as RFC 4180 CSV for spreadsheets. */
export { toCsv };
import { summarizeScenario, type InPlace, type Scenario } from '../core/scenario/index.js';
import { BulwarkError, toCsv } from '../core/shared/index.js';
import { coverageByMission } from '../core/scenario/index.js';

/** One scenario table as CSV; coverage (and the summary behind pledges) counts what `inPlace` has in place. */
export function scenarioCsv(s: Scenario, table: string, inPlace: InPlace): string {
  switch (table) {
    case 'pledges': {
      const sum = summarizeScenario(s, inPlace);
      return toCsv(
        [
          'id',
          'nation',
          'unitType',
          'units',
          'personnel',
          'personnelWithRotation',
          'missions',
          'periods',
          'status',
          'conditions',
          'active',
        ],
        sum.pledges.map((p) => [
          p.id,
          p.nation,
          p.unitType,
          p.units,
          p.personnel,
          Math.round(p.personnelWithRotation),
          p.missions === 'any' ? 'any' : p.missions.join(' '),
          p.periods,
          p.status,
          p.conditions.join(' '),
          p.active,
        ]),
      );
    }
    case 'nations':
      return toCsv(
        [
          'id',
          'name',
          'role',
          'gdpUsd',
          'defenceBudgetUsd',
          'personnelCeiling',
          'committableShare',
          'conditions',
        ],
        s.nations.map((n) => [
          n.id,
          n.name,
          n.role,
          n.gdpUsd,
          n.defenceBudgetUsd,
          n.personnelCeiling,
          n.committableShare,
          n.conditions.join(' '),
        ]),
      );
    case 'requirements':
      return toCsv(
        ['mission', 'capability', 'amount', 'fromPeriod', 'toPeriod', 'priority'],
        s.missions.flatMap((m) =>
          m.requirements.map((r) => [
            m.id,
            r.capability,
            r.amount,
            r.fromPeriod,
            r.toPeriod ?? s.horizon.periods,
            r.priority,
          ]),
        ),
      );
    case 'coverage':
      return toCsv(
        ['mission', 'capability', 'period', 'required', 'in_place', 'gap'],
        coverageByMission(s, inPlace).flatMap((m) =>
          m.capabilities.flatMap((c) =>
            c.byPeriod.map((cell, i) => [
              m.mission,
              c.capability,
              i + 1,
              cell.required,
              cell.available,
              cell.gap,
            ]),
          ),
        ),
      );
    default:
      throw new BulwarkError('usage', `unknown table "${table}" (pledges, nations, requirements, coverage)`);
  }
}
