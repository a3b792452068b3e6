/** The built-in scenarios: valid, with every variant, and valid against the published JSON Schema. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinDir, builtinNames, checkScenario } from '../src/adapters/files/index.js';
import { badNames, buildPlanProgram, resolvePlanOptions } from '../src/core/plan/index.js';
import { scenarioJsonSchema } from '../src/core/scenario/index.js';
import { fixture } from './helpers.js';

const names = builtinNames();
const ajv = new Ajv2020({ allErrors: true, strict: false });
// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (a: Ajv2020) => Ajv2020;
addFormats(ajv);
const validateJson = ajv.compile(scenarioJsonSchema());

describe('JSON Schema', () => {
  it('accepts the test fixture', () => {
    expect(
      validateJson(parse(readFileSync(fixture('minimal.yaml'), 'utf8'))),
      JSON.stringify(validateJson.errors),
    ).toBe(true);
  });
  it('rejects a fixture with shape errors', () => {
    expect(validateJson(parse(readFileSync(fixture('invalid/schema-errors.yaml'), 'utf8')))).toBe(false);
  });
});

describe.each(names)('built-in scenario %s', (name) => {
  it('validates with no errors and no warnings', () => {
    const r = checkScenario(name);
    expect(r.issues).toEqual([]);
    expect(r.loaded).toBeDefined();
  });

  it('validates with each of its variants applied', () => {
    for (const v of checkScenario(name).loaded?.scenario.variants ?? []) {
      const r = checkScenario(name, [v.id]);
      expect(
        r.issues.filter((i) => i.severity === 'error'),
        v.id,
      ).toEqual([]);
    }
  });

  it('builds plan models whose columns and rows all have distinct names, in both modes', () => {
    const s = checkScenario(name).loaded?.scenario;
    expect(s).toBeDefined();
    if (s === undefined) return;
    for (const mode of ['pledged', 'potential'] as const)
      expect(badNames(buildPlanProgram(s, resolvePlanOptions({ mode })).lp), mode).toEqual([]);
  });

  it('validates against the exported JSON Schema', () => {
    const data = parse(readFileSync(join(builtinDir, `${name}.yaml`), 'utf8')) as unknown;
    expect(validateJson(data), JSON.stringify(validateJson.errors)).toBe(true);
  });
});
