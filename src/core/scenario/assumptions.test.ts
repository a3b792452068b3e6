import { describe, expect, it } from 'vitest';
import { fixture, readScenarioData, root } from '../../../test/helpers.js';
import {
  applyVariants,
  effectiveParameters,
  groupParameters,
  rawWithVariants,
  validate,
  type ParameterRow,
  type Scenario,
} from './index.js';
import { formatParameterValue, parameterGroups } from './assumptions.js';
import { mergePatch } from './merge-patch.js';

const minimalRaw = (): Record<string, unknown> =>
  readScenarioData(fixture('minimal.yaml')) as Record<string, unknown>;
const ukraineRaw = (): Record<string, unknown> =>
  readScenarioData(`${root}/scenarios/ukraine-2025.yaml`) as Record<string, unknown>;

/** Validates `raw`, applies `variants` to both, and returns the rows by path. */
function rowsOf(raw: unknown, variants: readonly string[] = []): Map<string, ParameterRow> {
  const base = validate(raw);
  if (!base.ok) throw new Error(`invalid test scenario: ${JSON.stringify(base.error)}`);
  const applied = applyVariants(base.value.scenario, variants);
  if (!applied.ok) throw new Error(`invalid variant: ${JSON.stringify(applied.error)}`);
  return byPath(effectiveParameters(rawWithVariants(raw, variants), applied.value.scenario));
}

function byPath(rows: readonly ParameterRow[]): Map<string, ParameterRow> {
  const map = new Map(rows.map((r) => [r.path, r]));
  expect(map.size, 'paths are unique').toBe(rows.length);
  return map;
}

function row(rows: Map<string, ParameterRow>, path: string): ParameterRow {
  const r = rows.get(path);
  if (r === undefined) throw new Error(`no row ${path}; rows: ${[...rows.keys()].join(', ')}`);
  return r;
}

type Raw = Record<string, unknown>;

/** Raw data with a merge patch applied (lists of objects with ids patched by id, `null` deletes). */
const edited = (raw: Raw, patch: Raw): Raw => mergePatch(raw, patch) as Raw;

/** The same raw data with the list at `key` (or `adversary.ladder`) in reverse order. */
function reversed(raw: Raw, key: 'nations' | 'catalog' | 'ladder'): Raw {
  if (key !== 'ladder') return { ...raw, [key]: [...(raw[key] as unknown[])].reverse() };
  const adversary = raw['adversary'] as Raw;
  return { ...raw, adversary: { ...adversary, ladder: [...(adversary['ladder'] as unknown[])].reverse() } };
}

describe('effective parameters: origin', () => {
  it('a field written in the file is "file", one omitted is "default" with the code value', () => {
    const rows = rowsOf(minimalRaw());
    expect(row(rows, 'assurance.runs')).toMatchObject({ value: '1000', origin: 'file' });
    expect(row(rows, 'assurance.theta')).toMatchObject({ value: '1', origin: 'default' });
    expect(row(rows, 'assurance.collapseShare')).toMatchObject({ value: '0.5', origin: 'default' });
    expect(row(rows, 'adversary.ladder[2].upPerDay')).toMatchObject({ value: '0.0008', origin: 'file' });
    expect(row(rows, 'adversary.ladder[2].deterrence')).toMatchObject({ value: '1', origin: 'default' });
    expect(row(rows, 'adversary.ladder[0].deterrence')).toMatchObject({ value: '0', origin: 'file' });
    expect(row(rows, 'guarantor.backstop.kinds.air-support.weight')).toMatchObject({
      value: '0.6',
      origin: 'default',
    });
    expect(row(rows, 'nations[GBR].casualtyTolerance')).toMatchObject({
      value: 'Uniform(20, 80)',
      origin: 'file',
    });
    expect(row(rows, 'catalog[fighter-sqn].combatPower')).toMatchObject({ value: '2', origin: 'file' });
  });

  it('assurance.weights: every weight is "default" when the block is omitted and "file" when written', () => {
    const keys = ['host', 'force', 'retaliation', 'guarantor'];
    const omitted = rowsOf(minimalRaw());
    for (const k of keys) expect(row(omitted, `assurance.weights.${k}`).origin).toBe('default');
    const written = rowsOf(
      edited(minimalRaw(), { assurance: { weights: { host: 2, force: 1, retaliation: 1, guarantor: 0.5 } } }),
    );
    for (const k of keys) expect(row(written, `assurance.weights.${k}`).origin).toBe('file');
    expect(row(written, 'assurance.weights.guarantor').value).toBe('0.5');
  });

  it('a whole assurance block left out: every leaf is a default, optional ones "not set"', () => {
    const rows = rowsOf(edited(minimalRaw(), { assurance: null }));
    const assurance = [...rows.values()].filter((r) => r.group === 'assurance');
    expect(assurance.length).toBeGreaterThan(10);
    for (const r of assurance)
      expect(r, r.path).toMatchObject({ origin: 'default', label: { kind: 'unlabelled' } });
    expect(row(rows, 'assurance.runs').value).toBe('10000');
    expect(row(rows, 'assurance.host').value).toBe('not set');
    expect(row(rows, 'assurance.attackFatalities').value).toBe('not set');
    expect(row(rows, 'assurance.calibration')).toMatchObject({ group: 'calibration', value: 'not set' });
  });

  it('an optional field the file leaves out is a "not set" default row (from the schema, not a list here)', () => {
    const rows = rowsOf(minimalRaw());
    expect(row(rows, 'assurance.host.traineeCapability')).toMatchObject({
      value: 'not set',
      origin: 'default',
    });
  });

  it('matches list elements by id, not position; top-level lists are keyed by id, the ladder by level', () => {
    const raw = minimalRaw();
    const s = validated(raw);
    // The same content with the lists reversed, and FRA's tolerance and a ladder level's rate left out.
    const shuffled = reversed(
      reversed(
        reversed(
          edited(raw, {
            nations: { FRA: { casualtyTolerance: null } },
            adversary: { ladder: { violations: { upPerDay: null } } },
          }),
          'nations',
        ),
        'catalog',
      ),
      'ladder',
    );
    const rows = byPath(effectiveParameters(shuffled, s));
    expect(row(rows, 'nations[GBR].casualtyTolerance').origin).toBe('file');
    expect(row(rows, 'nations[FRA].casualtyTolerance').origin).toBe('default');
    expect(row(rows, 'catalog[infantry-bn].combatPower').origin).toBe('file');
    expect(row(rows, 'adversary.ladder[2].upPerDay').origin).toBe('default');
    expect(row(rows, 'adversary.ladder[3].upPerDay').origin).toBe('file');
  });

  it("lists only coalition nations' tolerances (and any stated one); a coalition nation without one is not set", () => {
    const rows = rowsOf(edited(minimalRaw(), { nations: { FRA: { casualtyTolerance: null } } }));
    expect(row(rows, 'nations[FRA].casualtyTolerance')).toMatchObject({
      value: 'not set',
      origin: 'default',
    });
    expect(rows.has('nations[UKR].casualtyTolerance')).toBe(false);
  });

  it('an absent guarantor is one "not set" row', () => {
    const rows = rowsOf(
      edited(minimalRaw(), {
        guarantor: null,
        conditions: null,
        nations: { FRA: { conditions: null } },
        pledges: { 'fra-air': { conditions: null } },
        variants: null,
      }),
    );
    const guarantor = [...rows.values()].filter((r) => r.group === 'guarantor');
    expect(guarantor).toEqual([
      {
        group: 'guarantor',
        path: 'guarantor',
        value: 'not set',
        origin: 'default',
        label: { kind: 'unlabelled' },
      },
    ]);
  });
});

describe('effective parameters: labels', () => {
  // Replacing a string `source` by a map takes two patches (a merge patch merges into objects only).
  const labelled = (): Raw =>
    edited(
      edited(minimalRaw(), {
        adversary: {
          source: null,
          ladder: { holding: { source: null }, probing: { source: null }, violations: { source: null } },
        },
        guarantor: { source: null },
      }),
      {
        meta: {
          sources: {
            'own-field': { kind: 'source', citation: 'A report' },
            'own-star': { kind: 'derived', citation: 'Arithmetic', method: 'sum' },
            'outer-field': { kind: 'assumption', citation: 'A judgement' },
            'outer-star': { kind: 'assumption', citation: 'Another judgement' },
          },
        },
        adversary: {
          source: { '*': 'outer-star', ladder: 'outer-field' },
          ladder: {
            holding: { source: { upPerDay: 'own-field' } },
            probing: { source: { '*': 'own-star', upPerDay: 'own-field' } },
            violations: { source: { '*': 'own-star' } },
          },
        },
        assurance: { source: { theta: 'own-field' } },
        guarantor: { source: { '*': 'outer-star', backstop: 'outer-field' } },
      },
    );

  it("takes the field's own key, else its block's '*', else the enclosing block's key, else its '*'", () => {
    const rows = rowsOf(labelled());
    expect(row(rows, 'adversary.ladder[0].upPerDay').label).toEqual({
      kind: 'source',
      sourceId: 'own-field',
      citation: 'A report',
      by: 'field',
      via: 'adversary.ladder[0].source.upPerDay',
    });
    expect(row(rows, 'adversary.ladder[1].downPerDay').label).toMatchObject({
      kind: 'derived',
      sourceId: 'own-star',
      by: 'block',
      via: 'adversary.ladder[1].source["*"]',
    });
    // Level 0's map has no '*': the enclosing block's key for the ladder applies.
    expect(row(rows, 'adversary.ladder[0].downPerDay').label).toMatchObject({
      sourceId: 'outer-field',
      by: 'field',
      via: 'adversary.source.ladder',
    });
    expect(row(rows, 'adversary.riskTolerance').label).toMatchObject({
      kind: 'assumption',
      sourceId: 'outer-star',
      by: 'block',
      via: 'adversary.source["*"]',
    });
    // guarantor.source's key "backstop" covers every field of the backstop.
    expect(row(rows, 'guarantor.backstop.credibility').label).toMatchObject({
      sourceId: 'outer-field',
      by: 'field',
    });
  });

  it("a defaulted leaf is unlabelled unless a '*' (or a whole-block id) covers it, and then says so", () => {
    const rows = rowsOf(labelled());
    expect(row(rows, 'assurance.collapseShare')).toMatchObject({
      origin: 'default',
      label: { kind: 'unlabelled' },
    });
    expect(row(rows, 'assurance.theta')).toMatchObject({
      origin: 'default',
      label: { sourceId: 'own-field' },
    });
    expect(row(rows, 'adversary.ladder[2].deterrence')).toMatchObject({
      origin: 'default',
      label: { sourceId: 'own-star', by: 'block' },
    });
    const plain = rowsOf(minimalRaw());
    expect(row(plain, 'adversary.ladder[2].deterrence')).toMatchObject({
      origin: 'default',
      label: { kind: 'assumption', sourceId: 'test', by: 'block', via: 'adversary.source' },
    });
  });

  it('ukraine-2025: every parameter is labelled; the defaults are covered only by a block', () => {
    const rows = [...rowsOf(ukraineRaw()).values()];
    expect(rows.filter((r) => r.label.kind === 'unlabelled').map((r) => r.path)).toEqual([]);
    const defaults = rows.filter((r) => r.origin === 'default');
    // Every number the model reads is written in the file; only the unused direct-fatalities field defaults.
    expect(defaults.map((r) => r.path)).toEqual(['assurance.attackFatalities']);
    for (const r of defaults) expect(r.label.by, r.path).toBe('block');
    const byPathMap = byPath(rows);
    expect(row(byPathMap, 'assurance.theta')).toMatchObject({
      value: '1.3',
      origin: 'file',
      label: { kind: 'assumption', sourceId: 'assume-assurance-settings' },
    });
    expect(row(byPathMap, 'assurance.calibration.minorFailureDays').label).toMatchObject({
      kind: 'source',
      sourceId: 'csis-2025-08',
      by: 'field',
    });
    expect(row(byPathMap, 'catalog[infantry-coy].combatPower').label.sourceId).toBe('personnel-company');
  });
});

describe('effective parameters: variants', () => {
  it("a variant's patched field shows the patched value as 'file'", () => {
    const raw = ukraineRaw();
    const base = rowsOf(raw);
    const full = rowsOf(raw, ['full-backstop']);
    expect(row(base, 'guarantor.backstop.credibility')).toMatchObject({
      value: 'Beta(2, 3)',
      origin: 'file',
    });
    expect(row(full, 'guarantor.backstop.credibility')).toMatchObject({
      value: 'Beta(6, 2)',
      origin: 'file',
    });
    // The adversary's belief is not patched: it follows from the kind's visibility (docs/model.md §5).
    expect(row(full, 'adversary.priorResolve').value).toBe('Beta(2, 3)');
    expect(row(full, 'guarantor.backstop.kind').value).toBe('full');
    expect(row(rowsOf(raw, ['bold-adversary']), 'adversary.riskTolerance').value).toBe('Normal(1.5, 1.5)');
  });

  it('a variant that sets a defaulted field turns it from default to file; variants apply in order', () => {
    // Added by hand: a merge patch would drop the `null` inside the new variant's own patch.
    const base = minimalRaw();
    const raw = {
      ...base,
      variants: [
        ...(base['variants'] as unknown[]),
        { id: 'steep', name: 'Steep', patch: { assurance: { theta: 2 } } },
        {
          id: 'steeper',
          name: 'Steeper',
          patch: { assurance: { theta: 3 }, nations: { FRA: { casualtyTolerance: null } } },
        },
      ],
    };
    expect(row(rowsOf(raw), 'assurance.theta')).toMatchObject({ value: '1', origin: 'default' });
    expect(row(rowsOf(raw, ['steep']), 'assurance.theta')).toMatchObject({ value: '2', origin: 'file' });
    const both = rowsOf(raw, ['steep', 'steeper']);
    expect(row(both, 'assurance.theta')).toMatchObject({ value: '3', origin: 'file' });
    expect(row(both, 'nations[FRA].casualtyTolerance')).toMatchObject({
      value: 'not set',
      origin: 'default',
    });
  });

  it('rawWithVariants applies withdrawals as applyVariants does, and leaves unknown ids to validation', () => {
    const raw = minimalRaw();
    const out = rawWithVariants(raw, ['uk-withdraws', 'nope']) as {
      nations: Record<string, unknown>[];
      pledges: { nation: string }[];
    };
    expect(out.nations.find((n) => n['id'] === 'GBR')).toMatchObject({
      committableShare: 0,
      personnelCeiling: 0,
    });
    expect(out.pledges.map((p) => p.nation)).toEqual(['FRA']);
    expect(rawWithVariants(raw, [])).toBe(raw);
  });
});

describe('effective parameters: values and groups', () => {
  it('formats distributions, pairs, lists and absent values', () => {
    expect(formatParameterValue({ dist: 'beta', alpha: 2, beta: 3 })).toBe('Beta(2, 3)');
    expect(formatParameterValue({ dist: 'normal', mean: 1, sd: 1.5 })).toBe('Normal(1, 1.5)');
    expect(formatParameterValue({ dist: 'lognormal', median: 10, sigma: 1 })).toBe(
      'LogNormal(median 10, σ 1)',
    );
    expect(formatParameterValue({ dist: 'uniform', min: 20, max: 80 })).toBe('Uniform(20, 80)');
    expect(formatParameterValue({ dist: 'triangular', min: 1, mode: 2, max: 4 })).toBe('Triangular(1, 2, 4)');
    expect(formatParameterValue({ dist: 'fixed', value: 0.3 })).toBe('Fixed(0.3)');
    expect(formatParameterValue({ alpha: 2, beta: 2 })).toBe('Beta(2, 2)');
    expect(formatParameterValue(['a', 'b'])).toBe('[a, b]');
    expect(formatParameterValue(0.0008)).toBe('0.0008');
    expect(formatParameterValue(undefined)).toBe('not set');
  });

  it('groups rows in a fixed order, each row in the group of its path', () => {
    const rows = [...rowsOf(ukraineRaw()).values()];
    const groups = groupParameters(rows);
    expect(groups.map((g) => g.group)).toEqual([...parameterGroups]);
    expect(groups.flatMap((g) => g.rows)).toEqual(rows);
    for (const r of rows) {
      const prefix = r.group === 'calibration' ? 'assurance.calibration' : r.group;
      expect(r.path.startsWith(prefix), r.path).toBe(true);
      if (r.group === 'assurance') expect(r.path.startsWith('assurance.calibration')).toBe(false);
    }
  });

  it('does not depend on the raw data beyond presence: same rows for a JSON round trip', () => {
    const raw = minimalRaw();
    const s = validated(raw);
    expect(effectiveParameters(JSON.parse(JSON.stringify(raw)), s)).toEqual(effectiveParameters(raw, s));
  });
});

function validated(raw: unknown): Scenario {
  const r = validate(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.scenario;
}
