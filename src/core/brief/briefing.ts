/**
 * The briefing as data: findings in plain words generated from the results, the map, chart
 * specifications (Vega-Lite, rendered by the edge), tables and the provenance appendix. Pure: every
 * number comes from the plan, the resilience report and the assurance result passed in. This module
 * only assembles; each part has its own module (facts, findings, charts, tables, map).
 */
import { hostNation } from '../scenario/index.js';
import {
  assuranceCharts,
  calendarChart,
  coverageChart,
  credibilityChart,
  fairnessChart,
  resilienceChart,
  tornadoChart,
} from './charts.js';
import { deploymentChart } from './deployment.js';
import { briefContext } from './context.js';
import { forceFacts } from './facts.js';
import {
  assuranceFindings,
  costFinding,
  credibilityFinding,
  forceFinding,
  gapsFinding,
  optionsFinding,
  resilienceFinding,
} from './findings.js';
import { frontierBrief } from './frontier-section.js';
import { buildMap } from './map.js';
import {
  assuranceTable,
  fairnessTable,
  gapsTable,
  locationsTable,
  optionsTable,
  pledgesTable,
  resilienceTable,
  sourcingTable,
  statusTable,
} from './tables.js';
import type { Briefing, BriefInput, ChartModel, Finding, Table } from './types.js';

export type * from './types.js';
export { listWords, pct, roughly, usd } from './format.js';

const present = <T>(xs: readonly (T | undefined)[]): T[] => xs.filter((x): x is T => x !== undefined);

/** Builds the briefing model. */
export function buildBriefing(input: BriefInput): Briefing {
  const s = input.scenario;
  const p = input.plan;
  const a = input.assurance;
  const ctx = briefContext(input);
  const facts = forceFacts(s, p);
  const map = buildMap(ctx, facts);
  // The frontier leads: its answer is the first finding, its section the first after the findings.
  const lead = input.frontier === undefined ? undefined : frontierBrief(input.frontier);

  const findings: Finding[] = present([
    lead?.finding,
    forceFinding(ctx, facts),
    optionsFinding(ctx),
    gapsFinding(ctx),
    costFinding(ctx),
    resilienceFinding(ctx),
    ...assuranceFindings(ctx),
    credibilityFinding(ctx),
  ]);
  const charts: ChartModel[] = present([
    lead?.chart,
    input.credibility === undefined ? undefined : credibilityChart(input.credibility),
    coverageChart(ctx, facts),
    fairnessChart(ctx),
    calendarChart(ctx),
    deploymentChart(ctx),
    resilienceChart(ctx),
    ...assuranceCharts(ctx),
    tornadoChart(ctx),
  ]);
  const tables: Table[] = present([
    lead?.table,
    optionsTable(ctx),
    locationsTable(ctx, map.points),
    gapsTable(ctx),
    fairnessTable(ctx),
    resilienceTable(ctx),
    assuranceTable(ctx),
    pledgesTable(ctx),
    statusTable(ctx),
    sourcingTable(ctx),
  ]);
  const host = hostNation(s);

  return {
    title: s.meta.title,
    subtitle: `Force plan and assurance briefing${host === undefined ? '' : ` — ${host.name}`} · situation as of ${s.meta.asOf}${input.variants.length > 0 ? ` · variants: ${input.variants.join(', ')}` : ''}`,
    findings,
    map,
    charts,
    tables,
    credibilityNotes:
      input.credibility === undefined
        ? []
        : [...input.credibility.findings, ...input.credibility.curveFindings],
    frontierNotes: lead?.notes ?? [],
    appendix: {
      scenarioId: s.meta.id,
      scenarioHash: input.scenarioHash,
      asOf: s.meta.asOf,
      variants: input.variants,
      seed: a?.seed ?? null,
      runs: a?.runs ?? null,
      bulwarkVersion: input.bulwarkVersion,
      generatedAt: input.generatedAt,
      planSolver: `${p.solver}, ${p.mode} mode, ${p.integer ? 'whole units (MIP)' : 'continuous LP'}, status ${p.status}`,
      sources: Object.entries(s.meta.sources).map(([id, src]) => ({
        id,
        kind: src.kind,
        citation: src.citation,
        url: src.url ?? '',
        method: src.method ?? '',
      })),
      assumptions: s.meta.assumptions,
    },
  };
}
