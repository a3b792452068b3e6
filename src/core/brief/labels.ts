/**
 * The scenario's own names in the briefing's language: missions and their locations, capabilities, unit
 * types, force options and their components, variants, conditions and the map's layers may carry
 * `labels: { fr: … }`, capabilities their unit's `unitLabels: { fr: … }` (and its singular's `unitOneLabels`), and `meta.labels` translates
 * the scenario's title. The briefing reads the scenario with each name replaced by its label in the
 * language, falling back to the source name (never to the id).
 */
import type { ForcePlan } from '../plan/index.js';
import type { Scenario } from '../scenario/index.js';
import type { LocaleId } from './locale.js';

type Labelled = { readonly name: string; readonly labels?: { readonly fr?: string | undefined } | undefined };

/** A name in a language: its label there, else the source name. */
export function labelIn<T extends Labelled>(x: T, lang: LocaleId): string {
  return lang === 'fr' ? (x.labels?.fr ?? x.name) : x.name;
}

const relabel = <T extends Labelled>(xs: readonly T[], lang: LocaleId): T[] =>
  xs.map((x) => ({ ...x, name: labelIn(x, lang) }));

/** The scenario with its names in `lang` (the same object when the language is the source's). */
export function localScenario(s: Scenario, lang: LocaleId): Scenario {
  if (lang !== 'fr') return s;
  const map = s.map;
  return {
    ...s,
    meta: { ...s.meta, title: s.meta.labels?.fr ?? s.meta.title },
    ...(map === undefined
      ? {}
      : {
          map: {
            ...map,
            occupied: relabel(map.occupied, lang),
            ...(map.contactLine === undefined
              ? {}
              : { contactLine: { ...map.contactLine, name: labelIn(map.contactLine, lang) } }),
          },
        }),
    capabilities: relabel(s.capabilities, lang).map(({ unitOne, ...c }) => {
      // A French singular only with its French plural: never the English singular beside a French plural.
      const one = c.unitOneLabels?.fr ?? (c.unitLabels?.fr === undefined ? unitOne : undefined);
      return { ...c, unit: c.unitLabels?.fr ?? c.unit, ...(one === undefined ? {} : { unitOne: one }) };
    }),
    conditions: s.conditions.map((c) =>
      c.labels?.fr === undefined
        ? c
        : c.name !== undefined
          ? { ...c, name: c.labels.fr }
          : { ...c, description: c.labels.fr },
    ),
    catalog: relabel(s.catalog, lang),
    missions: relabel(s.missions, lang).map((m) => ({ ...m, locations: relabel(m.locations, lang) })),
    variants: relabel(s.variants, lang),
    ...(s.forceOptions === undefined
      ? {}
      : {
          forceOptions: {
            ...s.forceOptions,
            components: relabel(s.forceOptions.components, lang),
            options: relabel(s.forceOptions.options, lang),
          },
        }),
  };
}

/**
 * The plan's comparison with the force options, its names taken from the (localised) scenario by id:
 * the planner compared the force in the scenario's own language.
 */
export function localPlan(plan: ForcePlan, s: Scenario): ForcePlan {
  const fo = s.forceOptions;
  if (fo === undefined) return plan;
  const option = new Map(fo.options.map((o) => [o.id, o.name]));
  const component = new Map(fo.components.map((c) => [c.id, c.name]));
  const capability = new Map(s.capabilities.map((c) => [c.id, c.name]));
  return {
    ...plan,
    forceOptions: {
      ...plan.forceOptions,
      comparisons: plan.forceOptions.comparisons.map((c) => ({
        ...c,
        name: option.get(c.option) ?? c.name,
        components: c.components.map((k) => ({
          ...k,
          name: component.get(k.component) ?? k.name,
          capabilities: k.capabilities.map((x) => ({ ...x, name: capability.get(x.capability) ?? x.name })),
        })),
      })),
    },
  };
}
