/**
 * The engagement use case: read an engagement file (YAML or JSON, a path or `-` for stdin), check it, and
 * run the Lanchester model on it (docs/engagement.md).
 *
 * Invalid input throws `BulwarkError` (`scenario-invalid` with every issue and its file:line:col,
 * `input-unreadable` for syntax, `scenario-not-found` for a missing file). Everything else is a value.
 */
import { locate, parseText, readScenarioText } from '../adapters/files/index.js';
import {
  loadEngagement,
  simulateEngagement,
  type Engagement,
  type EngagementResult,
} from '../core/engagement/index.js';
import { BulwarkError } from '../core/shared/index.js';

export interface EngagementInput {
  /** A path to a `.yaml`/`.json` engagement file, or `-` for stdin. */
  readonly ref: string;
  readonly stdin?: () => string;
}

export interface EngagementReport {
  readonly file: string;
  readonly engagement: Engagement;
  readonly result: EngagementResult;
}

/**
 * A Lanchester engagement file solved (docs/engagement.md): the engagement as read and its result. Throws
 * `scenario-not-found`/`input-unreadable` for the file and `usage` with every issue when it is invalid.
 */
export function runEngagement(input: EngagementInput): EngagementReport {
  const { text, origin } = readScenarioText(input.ref, input.stdin);
  const file = origin.name;
  const parsed = parseText(text, file);
  const r = loadEngagement(parsed.data);
  if (!r.ok) {
    const n = r.error.length;
    throw new BulwarkError(
      'scenario-invalid',
      `${file}: ${n} problem${n === 1 ? '' : 's'} in the engagement`,
      locate(r.error, file, parsed.doc, parsed.counter),
    );
  }
  return { file, engagement: r.value, result: simulateEngagement(r.value.spec) };
}
