/**
 * A nation's caveats, edited inside the nation's form (so they are saved, versioned and merged with it):
 * one group per caveat — what it rests on, the reason in words, the missions and unit categories it
 * covers (none ticked: all), whether it covers only missions on the host's territory or in a combat zone,
 * the conditions that lift it, its source — with "Add a caveat" and "Remove". The server's issues
 * (`["nations", <id>, "caveats", <n>, <field>]`) show beside their caveat, in its words.
 */
import type { Issue, Scenario } from '../api.js';
import { field, h } from '../dom.js';
import { showIssues, issueBox } from './issues.js';
import { followNewSources, sourceOptions } from './source-picker.js';

type Caveat = Scenario['nations'][number]['caveats'][number];

const categories = ['air', 'maritime', 'land', 'training', 'enabler'] as const;
const kinds = [
  ['', 'a caveat (unspecified)'],
  ['legal', 'legal (a constitutional or statutory bar)'],
  ['political', "political (a government's stated position)"],
  ['operational', 'operational (how units may be used)'],
] as const;

/** A caveat field's name in words (the merge table's labels). */
export const caveatFieldLabel: Readonly<Record<string, string>> = {
  reason: 'reason',
  kind: 'rests on',
  missions: 'missions',
  categories: 'unit categories',
  hostTerritoryOnly: "only on the host's territory",
  combatZoneOnly: 'only in combat zones',
  unless: 'lifted when',
  source: 'source',
};

interface Row {
  readonly root: HTMLFieldSetElement;
  readonly box: HTMLUListElement;
  readonly read: () => Caveat;
}

export interface CaveatEditor {
  readonly element: HTMLElement;
  readonly read: () => Caveat[];
  readonly write: (caveats: readonly Caveat[]) => void;
  /** Shows the issues under `["nations", nation, "caveats", n, …]` beside caveat n; returns the others. */
  readonly issues: (issues: readonly Issue[]) => Issue[];
}

export function caveatEditor(signal: AbortSignal, doc: Scenario, nation: string): CaveatEditor {
  const list = h('div', { class: 'caveats' });
  const none = h('p', { class: 'meta' }, 'No caveats.');
  let rows: Row[] = [];
  let serial = 0;

  const checks = (
    legend: string,
    prefix: string,
    options: readonly { id: string; text: string }[],
    ticked: readonly string[] | undefined,
  ) => {
    const boxes = options.map((o) => ({
      id: o.id,
      input: h('input', {
        type: 'checkbox',
        id: `${prefix}-${o.id}`,
        value: o.id,
        checked: ticked?.includes(o.id) ?? false,
      }),
      text: o.text,
    }));
    const set = h(
      'fieldset',
      { class: 'checks' },
      h('legend', {}, legend),
      boxes.map((b) => h('label', { for: b.input.id }, b.input, b.text)),
    );
    const read = (): string[] | undefined => {
      const on = boxes.filter((b) => b.input.checked).map((b) => b.id);
      return on.length === 0 ? undefined : on;
    };
    return { set, read };
  };

  const row = (c: Caveat): Row => {
    const key = `caveat-${nation}-${++serial}`;
    const box = issueBox(`${key}-issues`);
    const reason = h('textarea', { id: `${key}-reason`, rows: 2, 'aria-describedby': box.id });
    reason.value = c.reason;
    const kind = h(
      'select',
      { id: `${key}-kind` },
      kinds.map(([v, text]) => h('option', { value: v }, text)),
    );
    kind.value = c.kind ?? '';
    const missions = checks(
      'Missions it covers (none ticked: every mission)',
      `${key}-missions`,
      doc.missions.map((m) => ({ id: m.id, text: m.name })),
      c.missions,
    );
    const cats = checks(
      'Unit categories it covers (none ticked: all)',
      `${key}-categories`,
      categories.map((x) => ({ id: x, text: x })),
      c.categories,
    );
    const unless = checks(
      'Lifted when all of these hold (none ticked: always applies)',
      `${key}-unless`,
      doc.conditions.map((x) => ({ id: x.id, text: `${x.id}: ${x.description}` })),
      c.unless,
    );
    const host = h('input', { type: 'checkbox', id: `${key}-host`, checked: c.hostTerritoryOnly });
    const combat = h('input', { type: 'checkbox', id: `${key}-combat`, checked: c.combatZoneOnly === true });
    // A field-wise source map is kept as it is; its "*" entry is the one shown.
    const sourceMap = typeof c.source === 'object' ? c.source : undefined;
    const source = h('select', { id: `${key}-source` }, sourceOptions(doc.meta.sources, '(no source)'));
    source.value = (typeof c.source === 'string' ? c.source : sourceMap?.['*']) ?? '';
    followNewSources(signal, source);
    const title = h('legend', {});
    const root = h(
      'fieldset',
      { class: 'caveat', 'aria-describedby': box.id },
      title,
      h(
        'div',
        { class: 'fields' },
        field(reason.id, 'Reason (in words)', reason, [], true),
        field(kind.id, 'Rests on', kind),
        field(source.id, 'Source', source),
      ),
      missions.set,
      cats.set,
      h(
        'div',
        { class: 'flags' },
        h('label', { for: host.id }, host, " Only missions on the host's territory"),
        h('label', { for: combat.id }, combat, ' Only missions in a combat zone'),
      ),
      unless.set,
      box,
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: () => {
            // Told from a row still in the form (this one is removed), so the form hears it.
            const host = root.parentElement;
            rows = rows.filter((r) => r.root !== root);
            draw();
            host?.dispatchEvent(new Event('change', { bubbles: true }));
          },
        },
        'Remove this caveat',
      ),
    );
    const read = (): Caveat => {
      const out: Record<string, unknown> = { reason: reason.value, hostTerritoryOnly: host.checked };
      if (kind.value !== '') out['kind'] = kind.value;
      const m = missions.read();
      if (m !== undefined) out['missions'] = m;
      const cs = cats.read();
      if (cs !== undefined) out['categories'] = cs;
      if (combat.checked) out['combatZoneOnly'] = true;
      else if (c.combatZoneOnly === false) out['combatZoneOnly'] = false;
      const u = unless.read();
      if (u !== undefined) out['unless'] = u;
      if (sourceMap !== undefined) {
        const next: Record<string, string> = { ...sourceMap };
        if (source.value === '') delete next['*'];
        else next['*'] = source.value;
        if (Object.keys(next).length > 0) out['source'] = next;
      } else if (source.value !== '') out['source'] = source.value;
      return out as Caveat;
    };
    return { root, box, read };
  };

  const draw = (): void => {
    rows.forEach((r, i) => {
      const legend = r.root.querySelector('legend');
      if (legend !== null) legend.textContent = `Caveat ${i + 1}`;
    });
    none.hidden = rows.length > 0;
    list.replaceChildren(none, ...rows.map((r) => r.root));
  };

  const add = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      onclick: () => {
        const r = row({ reason: '', hostTerritoryOnly: false });
        rows.push(r);
        draw();
        r.root.querySelector('textarea')?.focus();
      },
    },
    'Add a caveat',
  );

  return {
    element: h('div', { class: 'caveat-editor' }, list, add),
    read: () => rows.map((r) => r.read()),
    write: (caveats) => {
      rows = caveats.map(row);
      draw();
    },
    issues: (issues) => {
      const others: Issue[] = [];
      const by = rows.map(() => [] as Issue[]);
      for (const i of issues) {
        const n = i.path[3];
        if (
          i.path[0] === 'nations' &&
          i.path[2] === 'caveats' &&
          typeof n === 'number' &&
          by[n] !== undefined
        )
          by[n].push(i);
        else others.push(i);
      }
      rows.forEach((r, n) => showIssues(r.box, by[n] ?? [], 4));
      return others;
    },
  };
}
