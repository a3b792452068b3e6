/** The CLI through the real executable, as a user runs it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { bulwark, fixture } from './helpers.js';

const minimal = fixture('minimal.yaml');

describe('bulwark CLI', () => {
  it('--help lists the commands and exits 0', () => {
    const r = bulwark(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['scenarios', 'validate', 'show', 'schema']) expect(r.stdout).toContain(c);
  });

  it('--help prints what the CLI renders from the sources, every command listed', () => {
    // From a fresh build the executable prints the help the build rendered (dist/cli/help.txt); it must be
    // exactly what commander renders from the command modules now (from the sources, through tsx).
    const rendered = bulwark(['--help'], undefined, { BULWARK_FROM_SOURCE: '1' });
    expect(rendered.status).toBe(0);
    expect(bulwark(['--help']).stdout).toBe(rendered.stdout);
    expect(bulwark(['-h']).stdout).toBe(rendered.stdout);
    const listed = [...rendered.stdout.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]);
    for (const c of ['plan', 'assure', 'brief', 'serve', 'worker', 'import', 'export'])
      expect(listed).toContain(c);
  });

  it('validate: a valid file exits 0 and prints its hash', () => {
    const r = bulwark(['validate', minimal]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/valid \(sha256:[0-9a-f]{12}\)/);
  });

  it('validate: a broken file names file:line:col and the field for every problem, exits 2, no stack trace', () => {
    const file = fixture('invalid/schema-errors.yaml');
    const r = bulwark(['validate', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}:15:12: error schema.invalid-type at horizon.periods`);
    expect(r.stderr).toContain(`${file}:17:11: error schema.unrecognized-keys at horizon.lenght`);
    expect(r.stderr).toContain('catalog[0].name');
    expect(r.stderr).toContain('invalid, 5 errors');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('validate --json returns every issue as data', () => {
    const r = bulwark(['validate', fixture('invalid/role-no-coalition.yaml'), '--json']);
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout) as { valid: boolean; issues: { code: string; line: number }[] };
    expect(out.valid).toBe(false);
    expect(out.issues.map((i) => i.code)).toContain('role.no-coalition');
  });

  it('validate reads stdin with "-", and JSON as well as YAML gives the same hash', () => {
    const yaml = bulwark(['validate', minimal, '--json']);
    const asJson = JSON.stringify(readYaml(minimal));
    const fromStdin = bulwark(['validate', '-', '--json'], asJson);
    expect(fromStdin.status).toBe(0);
    expect((JSON.parse(fromStdin.stdout) as { hash: string }).hash).toBe(
      (JSON.parse(yaml.stdout) as { hash: string }).hash,
    );
    // Re-serialised YAML with other formatting: same content, same hash.
    const restyled = bulwark(['validate', '-', '--json'], stringify(readYaml(minimal), { indent: 4 }));
    expect((JSON.parse(restyled.stdout) as { hash: string }).hash).toBe(
      (JSON.parse(yaml.stdout) as { hash: string }).hash,
    );
  });

  it('validate --variant checks the scenario with the variant applied', () => {
    const r = bulwark(['validate', fixture('invalid/variant-invalid.yaml')]);
    expect(r.status).toBe(0);
    const v = bulwark(['validate', fixture('invalid/variant-invalid.yaml'), '--variant', 'no-backstop']);
    expect(v.status).toBe(2);
    expect(v.stderr).toContain('after applying variant "no-backstop"');
  });

  it('show prints nations, pledges, requirements and totals; --variant drops conditional pledges', () => {
    const r = bulwark(['show', minimal]);
    expect(r.status).toBe(0);
    for (const h of [
      'Nations',
      'Pledges',
      'Requirements by mission and period',
      'Personnel and requirements by period: required, pledged, in place',
    ])
      expect(r.stdout).toContain(h);
    // P1: 500 pledged, but the squadrons arrive on day 30 of 181: 500 × 151/181 ≈ 417 in place, 83 short.
    expect(r.stdout).toMatch(/P1 \(2026-01\)\s+500\s+500\s+417\s+83\s+0 of 1/);
    expect(r.stdout).toContain('The plan meets 3 of 7 requirement-periods in full.');
    const v = bulwark(['show', minimal, '--variant', 'no-backstop', '--json']);
    const shown = JSON.parse(v.stdout) as { summary: { pledges: { id: string; active: boolean }[] } };
    expect(shown.summary.pledges.find((p) => p.id === 'fra-air')?.active).toBe(false);
  });

  it('show --options puts the pledge against each force option by component, in words; --json as data', () => {
    const r = bulwark(['show', 'ukraine-2025', '--options']);
    expect(r.status).toBe(0);
    // Land pledged: 3 French battlegroups (3 × 1,125) + 4 companies (4 × 175) = 4,075 of the 10,000 brigade.
    expect(r.stdout).toContain(
      'The pledge covers 41% of the land component of IISS small (reading A, a land brigade of 10,000 plus) in personnel (4,075 of 10,000)',
    );
    expect(r.stdout).toContain('is 22% of the UK Chief of the Defence Staff');
    const j = JSON.parse(bulwark(['show', 'ukraine-2025', '--options', '--json']).stdout) as {
      period: number;
      comparisons: { option: string; personnel: number }[];
    };
    expect(j.period).toBe(1);
    expect(j.comparisons.map((c) => c.option)).toEqual([
      'iiss-small-brigade',
      'iiss-small-total',
      'iiss-medium',
      'iiss-large',
      'paris-2026',
      'cds-64000',
    ]);
    // The pledges at their peak, the guarantor's ISR detachment (150) included.
    expect(j.comparisons[0]?.personnel).toBe(13915);
    expect(bulwark(['show', minimal, '--options']).stdout).toContain('defines no force options');
  });

  it('show --assumptions: a table per group, origin and label per parameter, a closing count of defaults', () => {
    const r = bulwark(['show', minimal, '--assumptions']);
    expect(r.status).toBe(0);
    for (const h of [
      'Adversary: escalation ladder, risk tolerance, prior',
      'Guarantor backstop',
      'Assurance model',
      'Calibration references',
      'Nations: casualty tolerance',
      'Catalog: combat power',
    ])
      expect(r.stdout).toContain(h);
    expect(r.stdout).not.toContain('Pledges');
    expect(r.stdout).toMatch(/assurance\.theta\s+1\s+default\s+unlabelled/);
    expect(r.stdout).toMatch(/assurance\.runs\s+1000\s+file\s+unlabelled/);
    expect(r.stdout).toMatch(/adversary\.ladder\[2\]\.deterrence\s+1\s+default\s+assumption test †/);
    expect(r.stdout).toMatch(
      /nations\[GBR\]\.casualtyTolerance\s+Uniform\(20, 80\)\s+file\s+assumption test/,
    );
    const last = r.stdout.trimEnd().split('\n').at(-1) ?? '';
    expect(last).toMatch(
      /^27 parameters take code defaults \(15 †\): .*assurance\.retaliationStake, .*assurance\.calibration\.failureTolerance\. 24 parameters are unlabelled: /,
    );
  });

  it('show --assumptions --json prints the rows; a variant patch shows as file; stdin works', () => {
    interface Row {
      path: string;
      value: string;
      origin: string;
      group: string;
      label: { kind: string; sourceId?: string };
    }
    const rows = (args: string[], input?: string): Map<string, Row> => {
      const r = bulwark(['show', ...args, '--assumptions', '--json'], input);
      expect(r.status, r.stderr).toBe(0);
      return new Map((JSON.parse(r.stdout) as Row[]).map((x) => [x.path, x]));
    };
    const base = rows([minimal]);
    expect(base.get('assurance.weights.host')).toMatchObject({
      value: '1',
      origin: 'default',
      group: 'assurance',
    });
    expect(base.get('guarantor.backstop.kind')).toMatchObject({
      value: 'intelligence-logistics',
      origin: 'file',
    });
    const patched = rows([minimal, '--variant', 'no-backstop']);
    expect(patched.get('guarantor.backstop.kind')).toMatchObject({
      value: 'none',
      origin: 'file',
      label: { kind: 'assumption', sourceId: 'test' },
    });
    const fromStdin = rows(['-'], JSON.stringify(readYaml(minimal)));
    expect([...fromStdin.values()]).toEqual([...base.values()]);
  });

  it('user errors exit 2 with a message and no stack: unknown scenario, unknown variant, unknown flag', () => {
    const missing = bulwark(['show', 'no-such-scenario']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no scenario file "no-such-scenario"');
    const variant = bulwark(['show', minimal, '--variant', 'nope']);
    expect(variant.status).toBe(2);
    expect(variant.stderr).toContain('no variant "nope"');
    const flag = bulwark(['show', minimal, '--frobnicate']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("unknown option '--frobnicate'");
    const status = bulwark(['plan', minimal, '--min-status', 'sure']);
    expect(status.status).toBe(2);
    expect(status.stderr).toContain(
      'expected one of assumed, announced, offered, confirmed, deployed, got "sure"',
    );
    for (const r of [missing, variant, flag, status]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('schema prints a JSON Schema', () => {
    const r = bulwark(['schema']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toContain('json-schema.org');
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['meta', 'catalog', 'pledges', 'variants']),
    );
  });

  it('engagement: the Iwo Jima example prints parameters, every day and the casualties', () => {
    const file = fixture('engagements/iwo-jima.yaml');
    const r = bulwark(['engagement', file]);
    expect(r.status).toBe(0);
    for (const s of [
      'square law',
      '54,000 on day 1',
      'Casualties',
      'annihilated after 35.44 days (on day 36)',
    ])
      expect(r.stdout).toContain(s);
    expect(r.stdout).toMatch(/^ 36 +52,797 +0$/m);
    const json = bulwark(['engagement', file, '--json']);
    const out = JSON.parse(json.stdout) as {
      engagement: { spec: { a: number; b: number; y0: number } };
      result: { series: { day: number; blue: number; red: number }[]; casualties: { red: number } };
    };
    expect(out.engagement.spec).toMatchObject({ a: 0.0544, b: 0.0106, y0: 21500 });
    expect(out.result.series).toHaveLength(37);
    expect(out.result.casualties.red).toBe(21500);
  });

  it('engagement: long engagements show every k-th day and always the last', () => {
    const yaml = stringify({
      title: 'Long',
      law: 'linear',
      days: 100,
      blue: { name: 'B', initial: 1000, effectiveness: 0.0001 },
      red: { name: 'R', initial: 900, effectiveness: 0.0001 },
    });
    const r = bulwark(['engagement', '-'], yaml);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('every 2 days');
    expect(r.stdout).toMatch(/^ 98 /m);
    expect(r.stdout).not.toMatch(/^ 99 /m);
    expect(r.stdout).toMatch(/^100 /m);
  });

  it('engagement: bad input names file:line:col and the field of every problem, exits 2', () => {
    const bad = [
      'title: Broken',
      'law: cubic',
      'days: 36',
      'blue: { name: B, initial: 10, effectiveness: 0.1, reinforcements: [{ day: 40, strength: 5 }] }',
      'red:',
      '  name: R',
      '  initial: 10',
      '  effectiveness: -0.5',
      '',
    ].join('\n');
    const r = bulwark(['engagement', '-'], bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('<stdin>:2:6: error schema.invalid-value at law');
    expect(r.stderr).toContain('<stdin>:8:18: error schema.too-small at red.effectiveness');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // Arrivals after the end are a meaning check, reported once the shape is right.
    const late = bulwark(['engagement', '-'], bad.replace('cubic', 'square').replace('-0.5', '0.5'));
    expect(late.status).toBe(2);
    expect(late.stderr).toContain('error engagement.arrival-after-end at blue.reinforcements[0].day');
  });

  it('scenarios lists the built-ins', () => {
    const r = bulwark(['scenarios', '--json']);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as { name: string; valid: boolean }[];
    for (const s of list) expect(s.valid, s.name).toBe(true);
  });
});

function readYaml(path: string): unknown {
  return parse(readFileSync(path, 'utf8')) as unknown;
}
