import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleFlow, type FlowItem, type NodeCapacity } from './deployment-flow.js';

const item = (over: Partial<FlowItem> = {}): FlowItem => ({
  releaseDay: 0,
  priority: 1,
  tonnes: 0,
  personnel: 0,
  legs: [{ node: 'a', transitDays: 0 }],
  onwardDays: 0,
  ...over,
});

describe('scheduleFlow: closed forms', () => {
  it('one node of C tonnes a day: the k-th of n equal movements arrives at r + T + k·w/C + T′', () => {
    // r = 5, transit T = 2, w = 1,200 t, C = 400 t/day, onward T′ = 3: arrivals 13, 16, 19, 22.
    const items = Array.from({ length: 4 }, () =>
      item({ releaseDay: 5, tonnes: 1200, legs: [{ node: 'a', transitDays: 2 }], onwardDays: 3 }),
    );
    const t = scheduleFlow(items, new Map([['a', { tonnesPerDay: 400 }]]));
    expect(t.map((x) => x.arrivalDay)).toEqual([13, 16, 19, 22]);
    expect(t.map((x) => x.waitDays)).toEqual([0, 3, 6, 9]);
    expect(t.every((x) => x.bottleneck === 'a')).toBe(true);
  });

  it('two nodes in series: arrival k = min(p1, p2) + k·max(p1, p2), the slower node the bottleneck', () => {
    // 1,000 t movements; node a 500 t/day (p1 = 2 days), node b 250 t/day (p2 = 4 days).
    const legs = [
      { node: 'a', transitDays: 0 },
      { node: 'b', transitDays: 0 },
    ];
    const items = Array.from({ length: 3 }, () => item({ tonnes: 1000, legs }));
    const slowSecond = scheduleFlow(
      items,
      new Map([
        ['a', { tonnesPerDay: 500 }],
        ['b', { tonnesPerDay: 250 }],
      ]),
    );
    expect(slowSecond.map((x) => x.arrivalDay)).toEqual([2 + 4, 2 + 8, 2 + 12]);
    expect(slowSecond.map((x) => x.bottleneck)).toEqual(['b', 'b', 'b']);
    const slowFirst = scheduleFlow(
      items,
      new Map([
        ['a', { tonnesPerDay: 250 }],
        ['b', { tonnesPerDay: 500 }],
      ]),
    );
    expect(slowFirst.map((x) => x.arrivalDay)).toEqual([2 + 4, 2 + 8, 2 + 12]);
    expect(slowFirst.map((x) => x.bottleneck)).toEqual(['a', 'a', 'a']);
  });

  it('a node serves movements in the order planned to reach it, then by priority, not in list order', () => {
    // x is listed first but sails 10 days to the port; y drives 1 day. The port passes 100 t a day.
    const port = new Map([['port', { tonnesPerDay: 100 }]]);
    const x = item({ tonnes: 500, legs: [{ node: 'port', transitDays: 10 }] });
    const y = item({ tonnes: 500, priority: 3, legs: [{ node: 'port', transitDays: 1 }] });
    expect(scheduleFlow([x, y], port).map((t) => t.arrivalDay)).toEqual([15, 6]);
    // Planned to reach it on the same day: priority 1 before priority 3, whatever the list order.
    const z = item({ tonnes: 500, priority: 3, legs: [{ node: 'port', transitDays: 10 }] });
    expect(scheduleFlow([z, x], port).map((t) => t.arrivalDay)).toEqual([20, 15]);
  });

  it('cargo and personnel limits: the slower of the two sets the passage', () => {
    const t = scheduleFlow(
      [item({ tonnes: 100, personnel: 900 })],
      new Map([['a', { tonnesPerDay: 100, personnelPerDay: 300 }]]),
    );
    expect(t[0]?.arrivalDay).toBe(3);
  });

  it('an unlimited node passes at once; a node with no capacity never passes a load', () => {
    const free = scheduleFlow([item({ tonnes: 1e6, releaseDay: 7 })], new Map());
    expect(free[0]?.arrivalDay).toBe(7);
    const shut = scheduleFlow(
      [item({ tonnes: 10 }), item({ tonnes: 0, personnel: 5 })],
      new Map([['a', { tonnesPerDay: 0 }]]),
    );
    expect(shut[0]?.arrivalDay).toBe(Infinity);
    // The node is blocked for ever behind the first load: no movement through it arrives.
    expect(shut[1]?.arrivalDay).toBe(Infinity);
  });
});

// Random flow problems: up to 4 nodes, movements on routes of 1–3 of them.
const nodeIds = ['a', 'b', 'c', 'd'] as const;
const arbCapacity: fc.Arbitrary<NodeCapacity> = fc.record(
  {
    tonnesPerDay: fc.double({ min: 0, max: 5000, noNaN: true }),
    personnelPerDay: fc.double({ min: 0, max: 5000, noNaN: true }),
  },
  { requiredKeys: [] },
);
const arbItem: fc.Arbitrary<FlowItem> = fc.record({
  releaseDay: fc.integer({ min: 0, max: 120 }),
  priority: fc.integer({ min: 1, max: 5 }),
  tonnes: fc.double({ min: 0, max: 10_000, noNaN: true }),
  personnel: fc.integer({ min: 0, max: 2000 }),
  legs: fc
    .uniqueArray(fc.constantFrom(...nodeIds), { minLength: 1, maxLength: 3 })
    .chain((ns) =>
      fc.tuple(
        ...ns.map((node) => fc.integer({ min: 0, max: 10 }).map((transitDays) => ({ node, transitDays }))),
      ),
    ),
  onwardDays: fc.integer({ min: 0, max: 10 }),
});
const arbNodes = fc.tuple(arbCapacity, arbCapacity, arbCapacity, arbCapacity);

describe('scheduleFlow: properties', () => {
  it('more capacity at any node never delays any arrival', () => {
    fc.assert(
      fc.property(
        fc.array(arbItem, { minLength: 1, maxLength: 12 }),
        arbNodes,
        fc.constantFrom(...nodeIds),
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.boolean(),
        (items, caps, which, factor, lift) => {
          const nodes = new Map(nodeIds.map((id, i) => [id, caps[i] ?? {}]));
          const before = scheduleFlow(items, nodes);
          const c = nodes.get(which) ?? {};
          // More capacity: scaled up, or a limit removed altogether.
          const more: NodeCapacity = lift
            ? {}
            : {
                ...(c.tonnesPerDay !== undefined ? { tonnesPerDay: c.tonnesPerDay * factor + 1 } : {}),
                ...(c.personnelPerDay !== undefined
                  ? { personnelPerDay: c.personnelPerDay * factor + 1 }
                  : {}),
              };
          const after = scheduleFlow(items, new Map([...nodes, [which, more]]));
          after.forEach((a, i) => expect(a.arrivalDay).toBeLessThanOrEqual(before[i]?.arrivalDay ?? 0));
        },
      ),
      { numRuns: 300, seed: 12 },
    );
  });

  it('zero capacity on the only route: nothing with a load arrives', () => {
    fc.assert(
      fc.property(fc.array(arbItem, { minLength: 1, maxLength: 8 }), (items) => {
        const loaded = items.map((it) => ({
          ...it,
          tonnes: it.tonnes + 1,
          legs: [...it.legs, { node: 'shut', transitDays: 0 }],
        }));
        const t = scheduleFlow(loaded, new Map([['shut', { tonnesPerDay: 0 }]]));
        expect(t.every((x) => x.arrivalDay === Infinity)).toBe(true);
      }),
      { numRuns: 100, seed: 13 },
    );
  });

  it('arrivals never come before release + travel, and the order of equal movements is kept', () => {
    fc.assert(
      fc.property(fc.array(arbItem, { minLength: 1, maxLength: 10 }), arbNodes, (items, caps) => {
        const nodes = new Map(nodeIds.map((id, i) => [id, caps[i] ?? {}]));
        scheduleFlow(items, nodes).forEach((t, i) => {
          const it = items[i];
          if (it === undefined) return;
          const travel = it.legs.reduce((a, l) => a + l.transitDays, 0) + it.onwardDays;
          expect(t.arrivalDay).toBeGreaterThanOrEqual(it.releaseDay + travel);
        });
      }),
      { numRuns: 200, seed: 14 },
    );
  });
});
