import { z } from 'zod';
import { Scenario } from './schema.js';

/**
 * The JSON Schema (draft 2020-12) of a scenario file as written (defaults optional), for editors'
 * autocompletion and for checking files with any JSON Schema validator.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://bulwark.dev/schema/scenario.json',
    title: 'Bulwark scenario',
    description: 'A reassurance-force scenario for Bulwark (see docs/scenario-reference.md).',
  };
}
