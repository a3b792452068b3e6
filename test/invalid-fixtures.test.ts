/**
 * Every file in test/fixtures/invalid breaks one semantic or syntactic rule. Its second line states the
 * issues expected, as `code@line:column`, and (optionally) the variant to apply. The validator must
 * report exactly those, at those positions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../src/adapters/files/index.js';
import { fixture } from './helpers.js';

const dir = fixture('invalid');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe('invalid fixtures', () => {
  it('cover every rule code', () => {
    const codes = new Set(
      files
        .flatMap(
          (f) => (readFileSync(`${dir}/${f}`, 'utf8').split('\n')[1] ?? '').split(': ')[1]?.split(' ') ?? [],
        )
        .map((e) => e.split('@')[0]),
    );
    for (const code of [
      'id.duplicate',
      'ref.unknown-capability',
      'ref.unknown-unit-type',
      'ref.unknown-mission',
      'ref.unknown-nation',
      'ref.unknown-condition',
      'ref.unknown-source',
      'requirement.no-provider',
      'period.out-of-range',
      'period.reversed',
      'role.host-count',
      'role.no-coalition',
      'role.mismatch',
      'pledge.unit-not-held',
      'pledge.unsustainable',
      'pledge.mission-rejects-unit',
      'pledge.caveat-conflict',
      'pledge.exceeds-ceiling',
      'pledge.exceeds-inventory',
      'pledge.fractional-unit',
      'dist.invalid',
      'dist.out-of-range',
      'ladder.levels',
      'assurance.hazard-overflow',
      'schema.too-big',
      'condition.ambiguous',
      'rotation.rule-scope',
      'rotation.rule-duplicate',
      'rotation.pool-scope',
      'component.overlap',
      'option.capability-outside-component',
      'ref.unknown-component',
      'option.empty',
      'ref.unknown-node',
      'deployment.no-footprint',
      'source.missing',
      'schema.missing',
      'schema.invalid-type',
      'schema.unrecognized-keys',
      'syntax.bad-indent',
    ])
      expect(codes, code).toContain(code);
  });

  it.each(files)('%s reports exactly its expected issues and positions', (file) => {
    const header = readFileSync(`${dir}/${file}`, 'utf8').split('\n')[1] ?? '';
    const m = /^# expect(?: \(variant ([^)]+)\))?: (.*)$/.exec(header);
    expect(m, 'header line').not.toBeNull();
    const variants = m?.[1] === undefined ? [] : [m[1]];
    const expected = (m?.[2] ?? '').split(' ').filter(Boolean);
    const r = checkScenario(`${dir}/${file}`, variants);
    const got = r.issues.map((i) => `${i.code}@${i.line}:${i.column}`);
    expect(got.sort()).toEqual([...expected].sort());
    for (const i of r.issues) {
      expect(i.file).toContain(file);
      expect(i.message.length).toBeGreaterThan(5);
    }
    const hasError = r.issues.some((i) => i.severity === 'error');
    expect(r.loaded === undefined).toBe(hasError);
  });
});
