import { describe, expect, it } from 'vitest';
import { loadEngagement } from './engagement-file.js';

const side = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: 'Blue',
  initial: 100,
  effectiveness: 0.1,
  ...over,
});
const file = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: 'Test',
  law: 'square',
  days: 10,
  blue: side(),
  red: side({ name: 'Red' }),
  ...over,
});

describe('loadEngagement', () => {
  it("maps each side's own effectiveness to its effect on the other (b for blue, a for red)", () => {
    const r = loadEngagement(file({ blue: side({ effectiveness: 0.2 }), red: side({ effectiveness: 0.3 }) }));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.spec).toMatchObject({ a: 0.3, b: 0.2, x0: 100, y0: 100, blueReinforcements: [] });
    expect(r.value.sides.red).toEqual({ name: 'Blue' });
  });

  it('reports every shape problem at once, with its path', () => {
    const r = loadEngagement(
      file({
        law: 'cubic',
        days: 0,
        colour: 'x',
        blue: side({ initial: -1, reinforcements: [{ day: 1.5, strength: -3 }] }),
        red: { name: 'Red', initial: 1 },
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((i) => `${i.code} ${i.path.join('.')}`).sort()).toEqual(
      [
        'schema.invalid-value law',
        'schema.too-small days',
        'schema.unrecognized-keys colour',
        'schema.too-small blue.initial',
        'schema.invalid-type blue.reinforcements.0.day',
        'schema.too-small blue.reinforcements.0.strength',
        'schema.missing red.effectiveness',
      ].sort(),
    );
  });

  it('rejects arrivals after the last day', () => {
    const r = loadEngagement(file({ red: side({ reinforcements: [{ day: 11, strength: 5 }] }) }));
    expect(r.ok ? [] : r.error.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['engagement.arrival-after-end', 'red.reinforcements.0.day'],
    ]);
  });
});
