/**
 * The tidy table of a sweep: one row per point, case and measure (long format, as data-analysis tools
 * want it). Measures are the six outcomes at the horizon (`kind: outcome`, they sum to 1 per point and
 * case) and the ladder events reached at any time (`kind: event`).
 */
import { OUTCOMES, type AssuranceResult } from '../assure/index.js';
import type { SweepPoint } from './design.js';
import { toCsv } from '../shared/index.js';
import type { SweepParam, SweepValue } from './param.js';

export const EVENTS = ['minorFailure', 'ceasefireFailed', 'tripwireTested', 'widerWar'] as const;

export interface SweepRow {
  readonly point: number;
  /** Parameter values by parameter name. */
  readonly params: Readonly<Record<string, SweepValue>>;
  readonly case: string;
  readonly kind: 'outcome' | 'event';
  readonly measure: string;
  /** Estimate and 95% Wilson interval. */
  readonly p: number;
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
  readonly runs: number;
  readonly seed: number;
}

/** Rows of one point's assurance result, in case order, outcomes then events. */
export function sweepRows(
  params: readonly SweepParam[],
  point: SweepPoint,
  result: AssuranceResult,
): SweepRow[] {
  const values = Object.fromEntries(params.map((p, d) => [p.name, point.values[d]!]));
  const rows: SweepRow[] = [];
  for (const c of result.cases) {
    const add = (
      kind: SweepRow['kind'],
      measure: string,
      pr: { p: number; lo: number; hi: number; count: number },
    ): void => {
      rows.push({
        point: point.index,
        params: values,
        case: c.id,
        kind,
        measure,
        p: pr.p,
        lo: pr.lo,
        hi: pr.hi,
        count: pr.count,
        runs: c.runs,
        seed: result.seed,
      });
    };
    for (const o of OUTCOMES) add('outcome', o, c.outcomes[o]);
    for (const e of EVENTS) add('event', e, c[e]);
  }
  return rows;
}

/**
 * CSV through the one writer (core/shared/csv.ts: RFC 4180, CRLF line ends, safe from formula injection):
 * point, each parameter, case, kind, measure, p, lo, hi, count, runs, seed.
 */
export function rowsToCsv(params: readonly SweepParam[], rows: readonly SweepRow[]): string {
  const header = [
    'point',
    ...params.map((p) => p.name),
    'case',
    'kind',
    'measure',
    'p',
    'lo',
    'hi',
    'count',
    'runs',
    'seed',
  ];
  return toCsv(
    header,
    rows.map((r) => [
      r.point,
      ...params.map((p) => r.params[p.name]!),
      r.case,
      r.kind,
      r.measure,
      r.p,
      r.lo,
      r.hi,
      r.count,
      r.runs,
      r.seed,
    ]),
  );
}
