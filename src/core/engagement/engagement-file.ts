/**
 * The engagement file format (YAML or JSON): two sides, a law and a number of days. Shape by zod (strict:
 * unknown fields are errors), then meaning (arrivals inside the engagement), every issue at once with its
 * field path, as for scenarios and game files.
 *
 * ```yaml
 * title: Iwo Jima, 1945
 * law: square
 * days: 36
 * blue:
 *   name: United States
 *   initial: 0
 *   effectiveness: 0.0106      # blue's casualties inflicted per blue soldier per day (b)
 *   reinforcements:
 *     - { day: 1, strength: 54000 }
 * red:
 *   name: Japan
 *   initial: 21500
 *   effectiveness: 0.0544      # red's effect on blue (a)
 * ```
 */
import { z } from 'zod';
import type { Issue } from '../shared/index.js';
import { fail, issue, ok, type Result } from '../shared/index.js';
import { zodIssues } from '../scenario/index.js';
import { lanchesterLaws, type EngagementSpec } from './simulate.js';

const Arrival = z.strictObject({
  /** The day it arrives, 1 = the first day; added at the start of that day. */
  day: z.number().int().min(1),
  strength: z.number().min(0),
});

const Side = z.strictObject({
  name: z.string().min(1),
  /** Strength at the start, before the arrivals of day 1. */
  initial: z.number().min(0),
  /** Casualties this side inflicts per day: per enemy unit (square law) or per pair (linear law). */
  effectiveness: z.number().min(0),
  reinforcements: z.array(Arrival).default([]),
  source: z.string().optional(),
});

export const EngagementFile = z.strictObject({
  title: z.string().min(1),
  law: z.enum(lanchesterLaws),
  days: z.number().int().min(1).max(3650),
  blue: Side,
  red: Side,
  source: z.string().optional(),
});
export type EngagementFile = z.infer<typeof EngagementFile>;

/** A checked engagement file: the spec the model runs, and the names and notes around it. */
export interface Engagement {
  readonly title: string;
  readonly source?: string;
  readonly sides: {
    readonly blue: { readonly name: string; readonly source?: string };
    readonly red: { readonly name: string; readonly source?: string };
  };
  readonly spec: EngagementSpec;
}

/** Unknown data (parsed YAML or JSON) → a checked engagement, or every issue found. Never throws on bad input. */
export function loadEngagement(data: unknown): Result<Engagement> {
  const parsed = EngagementFile.safeParse(data);
  if (!parsed.success) return fail(zodIssues(parsed.error, data));
  const f = parsed.data;
  const out: Issue[] = [];
  for (const side of ['blue', 'red'] as const)
    f[side].reinforcements.forEach((r, i) => {
      if (r.day > f.days)
        out.push(
          issue(
            'engagement.arrival-after-end',
            [side, 'reinforcements', i, 'day'],
            `day ${r.day} is after the end of the engagement (days: ${f.days})`,
          ),
        );
    });
  if (out.length > 0) return fail(out);
  const side = (s: EngagementFile['blue']): { name: string; source?: string } =>
    s.source === undefined ? { name: s.name } : { name: s.name, source: s.source };
  return ok({
    title: f.title,
    ...(f.source !== undefined ? { source: f.source } : {}),
    sides: { blue: side(f.blue), red: side(f.red) },
    spec: {
      law: f.law,
      x0: f.blue.initial,
      y0: f.red.initial,
      // a is red's effect on blue, b blue's effect on red: each side's file field is its own effect.
      a: f.red.effectiveness,
      b: f.blue.effectiveness,
      blueReinforcements: f.blue.reinforcements,
      redReinforcements: f.red.reinforcements,
      days: f.days,
    },
  });
}
