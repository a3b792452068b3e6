/**
 * The scenario's tables for spreadsheets — pledges, nations, requirements and coverage (the pledged plan's
 * results) — as header and rows, written as CSV (core/shared `toCsv`) or XLSX (adapters/files `writeXlsx`);
 * both writers pass every cell through the spreadsheet-injection guard. The pledges table's first
 * columns are exactly what `bulwark import` and `POST …/import` read back (pledge-import.ts).
 */
import { coverageByMission, summarizeScenario, type InPlace, type Scenario } from '../core/scenario/index.js';
import { BulwarkError, type CsvCell } from '../core/shared/index.js';

export const tableNames = ['pledges', 'nations', 'requirements', 'coverage'] as const;
export type TableName = (typeof tableNames)[number];

export interface Table {
  readonly name: TableName;
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
}

/** Columns of the pledges table that an import reads (in this order); the rest are computed. */
export const pledgeColumns = [
  'id',
  'nation',
  'unitType',
  'units',
  'missions',
  'fromPeriod',
  'toPeriod',
  'conditions',
  'status',
  'statusDate',
  'new',
  'source',
  'note',
] as const;
/** Computed columns of the pledges table: exported for reading, ignored by an import. */
export const pledgeComputedColumns = ['personnel', 'personnelWithRotation', 'active'] as const;

/** One scenario table; coverage (and the summary behind the pledges) counts what `inPlace` has in place. */
export function scenarioTable(s: Scenario, table: TableName, inPlace: InPlace): Table {
  switch (table) {
    case 'pledges': {
      const sum = new Map(summarizeScenario(s, inPlace).pledges.map((p) => [p.id, p]));
      return {
        name: table,
        header: [...pledgeColumns, ...pledgeComputedColumns],
        rows: s.pledges.map((p) => {
          const x = sum.get(p.id);
          return [
            p.id,
            p.nation,
            p.unitType,
            p.units,
            p.missions === undefined ? '' : p.missions.join(' '),
            p.fromPeriod,
            p.toPeriod ?? '',
            p.conditions.join(' '),
            p.status,
            p.statusDate ?? '',
            p.new,
            typeof p.source === 'string' ? p.source : JSON.stringify(p.source),
            p.note ?? '',
            x?.personnel,
            x === undefined ? '' : Math.round(x.personnelWithRotation),
            x?.active,
          ];
        }),
      };
    }
    case 'nations':
      return {
        name: table,
        header: [
          'id',
          'name',
          'role',
          'gdpUsd',
          'defenceBudgetUsd',
          'personnelCeiling',
          'committableShare',
          'conditions',
        ],
        rows: s.nations.map((n) => [
          n.id,
          n.name,
          n.role,
          n.gdpUsd,
          n.defenceBudgetUsd,
          n.personnelCeiling,
          n.committableShare,
          n.conditions.join(' '),
        ]),
      };
    case 'requirements':
      return {
        name: table,
        header: ['mission', 'capability', 'amount', 'fromPeriod', 'toPeriod', 'priority'],
        rows: s.missions.flatMap((m) =>
          m.requirements.map((r) => [
            m.id,
            r.capability,
            r.amount,
            r.fromPeriod,
            r.toPeriod ?? s.horizon.periods,
            r.priority,
          ]),
        ),
      };
    case 'coverage':
      return {
        name: table,
        header: ['mission', 'capability', 'period', 'required', 'in_place', 'gap'],
        rows: coverageByMission(s, inPlace).flatMap((m) =>
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
      };
    default: {
      const never: never = table;
      throw new BulwarkError('usage', `unknown table "${String(never)}" (${tableNames.join(', ')})`);
    }
  }
}
