/**
 * The briefing as data: the bottom line (key figures, key judgements), findings in plain words generated
 * from the results, the map, chart specifications (Vega-Lite, rendered by the edge), tables, a glossary
 * and the provenance appendix, all in one language. Pure: every number comes from the plan, the
 * resilience report and the assurance result passed in, every text from the message catalogue. This
 * module only assembles; each part has its own module (facts, findings, bottom-line, charts, tables, map,
 * glossary).
 */
import { reproduceCommand as reproduce } from '../shared/index.js';
import { hostNation } from '../scenario/index.js';
import { keyFigures } from './bottom-line.js';
import { shortCitation } from './citation.js';
import { localPlan, localScenario } from './labels.js';
import {
  assuranceCharts,
  calendarChart,
  coverageChart,
  credibilityChart,
  fairnessChart,
  resilienceChart,
  tornadoChart,
} from './charts.js';
import type { Translate } from './catalogue.js';
import { briefContext, type BriefContext } from './context.js';
import { deploymentChart } from './deployment.js';
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
import { glossary } from './glossary.js';
import { buildMap } from './map.js';
import {
  assuranceTable,
  fairnessTable,
  gapsTable,
  locationsTable,
  missionAreasTable,
  optionsTable,
  pledgesTable,
  resilienceTable,
  sourcingTable,
  statusTable,
} from './tables.js';
import {
  UI_KEYS,
  type Briefing,
  type BriefInput,
  type BriefingUi,
  type BriefChart,
  type Finding,
  type Table,
} from './types.js';

export type * from './types.js';
export { UI_KEYS } from './types.js';

const present = <T>(xs: readonly (T | undefined)[]): T[] => xs.filter((x): x is T => x !== undefined);

/** The renderer's fixed texts in the briefing's language. */
function uiText(ctx: BriefContext): BriefingUi {
  return Object.fromEntries(UI_KEYS.map((k) => [k, ctx.t(`ui.${k}`)])) as BriefingUi;
}

/** Builds the briefing model. */
export function buildBriefing(source: BriefInput): Briefing {
  // Names from the scenario (missions, capabilities, options, variants) in the briefing's language.
  const scenario = localScenario(source.scenario, source.lang ?? 'en');
  const input: BriefInput = {
    ...source,
    scenario,
    plan: scenario === source.scenario ? source.plan : localPlan(source.plan, scenario),
  };
  const s = input.scenario;
  const p = input.plan;
  const a = input.assurance;
  const ctx = briefContext(input);
  const { t, fmt } = ctx;
  const facts = forceFacts(s, p);
  const map = buildMap(ctx, facts);
  // The frontier leads: its answer is the first finding, its section the first after the findings.
  const pledgedCase = a?.cases.find((c) => c.id === input.pledgedCase);
  const lead =
    input.frontier === undefined
      ? undefined
      : frontierBrief(input.frontier, {}, ctx, pledgedCase?.ceasefireFailed);

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
  const charts: BriefChart[] = present([
    lead?.chart,
    input.credibility === undefined ? undefined : credibilityChart(ctx, input.credibility),
    coverageChart(ctx, facts),
    fairnessChart(ctx),
    calendarChart(ctx, facts),
    deploymentChart(ctx),
    resilienceChart(ctx),
    ...assuranceCharts(ctx),
    tornadoChart(ctx),
  ]);
  const tables: Table[] = present([
    lead?.table,
    optionsTable(ctx),
    missionAreasTable(ctx, map),
    locationsTable(ctx, map),
    gapsTable(ctx),
    fairnessTable(ctx),
    resilienceTable(ctx),
    assuranceTable(ctx),
    pledgesTable(ctx),
    statusTable(ctx),
    sourcingTable(ctx),
  ]);
  const host = hostNation(s);
  const asOf = fmt.date(s.meta.asOf);
  const variants = input.variants.join(', ');

  return {
    lang: fmt.tag,
    title: s.meta.title,
    subtitle: [
      host === undefined ? t('subtitle') : t('subtitle.host', { host: ctx.name(host.id) }),
      t('subtitle.asOf', { date: asOf }),
      // The reader sees the variants' names (in the language); the appendix keeps the ids to reproduce.
      ...(input.variants.length > 0
        ? [
            t('subtitle.variants', {
              variants: fmt.list(input.variants.map((v) => ctx.variantName(v) ?? v)),
            }),
          ]
        : []),
    ].join(' · '),
    keyFigures: keyFigures(ctx, facts),
    judgements: findings.map((f) => ({ text: f.headline, link: f.link })),
    glossary: glossary(ctx),
    ui: uiText(ctx),
    findings,
    map,
    charts,
    tables,
    credibilityNotes: input.credibility === undefined ? [] : [t('credibility.note')],
    frontierNotes: lead?.notes ?? [],
    appendix: {
      scenarioId: s.meta.id,
      scenarioHash: input.scenarioHash,
      asOf: s.meta.asOf,
      variants: input.variants,
      seed: a?.seed ?? null,
      runs: a?.runs ?? null,
      reproduce: reproduceOf(input, a?.seed ?? null, a?.runs ?? null, t),
      bulwarkVersion: input.bulwarkVersion,
      generatedAt: input.generatedAt,
      planSolver: t('appendix.planner', {
        solver: p.solver,
        mode: t(p.mode === 'potential' ? 'appendix.mode.potential' : 'appendix.mode.pledged'),
        method: t(p.integer ? 'appendix.mip' : 'appendix.lp'),
        status: p.status,
      }),
      sources: Object.entries(s.meta.sources).map(([id, src]) => ({
        id,
        kind: t(`source.${src.kind}`),
        citation: src.citation,
        short: shortCitation(src.citation),
        url: src.url ?? '',
        method: src.method ?? '',
      })),
      assumptions: s.meta.assumptions,
      monteCarlo:
        a === undefined
          ? t('appendix.notRun')
          : t('appendix.monteCarlo', { runs: fmt.count(a.runs), seed: String(a.seed) }),
      bulwarkLine: t('appendix.bulwark', { version: input.bulwarkVersion, generated: input.generatedAt }),
      scenarioLine:
        input.variants.length > 0
          ? t('appendix.scenario.variants', { id: s.meta.id, date: asOf, variants })
          : t('appendix.scenario', { id: s.meta.id, date: asOf }),
    },
  };
}

/**
 * The command that builds the briefing again on the same scenario, variants, runs and seed. A stored
 * workspace version is reproduced from its JSON export (`<id>-v<version>.json`), which the note names.
 */
function reproduceOf(
  input: BriefInput,
  seed: number | null,
  runs: number | null,
  t: Translate,
): Briefing['appendix']['reproduce'] {
  const src = input.source;
  const file =
    src === undefined
      ? input.scenario.meta.id
      : src.kind === 'file'
        ? src.name
        : `${src.id}-v${src.version}.json`;
  const command = reproduce({ command: 'brief', file, variants: input.variants, seed, runs });
  if (src?.kind !== 'workspace') return { command };
  return {
    command,
    note: t('appendix.reproduce.workspace', {
      id: src.id,
      version: String(src.version),
      file,
      url: `/api/scenarios/${src.id}/export.json?version=${src.version}`,
    }),
  };
}
