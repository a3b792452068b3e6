/**
 * The pledge editor, for a new pledge and for an existing one: unit type, units, periods, missions,
 * conditions, status with its date and source, the pledge's source and note. Checked as you type by the
 * server's own rules (`…/pledges/<id>/check`): errors and warnings appear next to their field in the
 * server's words, and stay there after saving until resolved. Saves go through the conflict protocol;
 * deleting asks for confirmation.
 */
import { ApiError, api, type Issue, type Pledge, type Scenario, type Versioned } from '../api.js';
import { field, h } from '../dom.js';
import { debounce } from '../lifecycle.js';
import { scenarioUrl, session } from '../session.js';
import { askConfirm, confirmPanel } from './confirm.js';
import { issueBox, showIssues } from './issues.js';
import { sourceOptions, sourcePicker } from './source-picker.js';
import { versionedForm, type LeafPath } from './versioned.js';

export const pledgeStatuses = ['assumed', 'announced', 'offered', 'confirmed', 'deployed'] as const;

/** Fields with their own issue box; issues on other paths are shown for the pledge as a whole. */
const fields = [
  'unitType',
  'units',
  'fromPeriod',
  'toPeriod',
  'missions',
  'conditions',
  'status',
  'statusDate',
  'source',
  'note',
] as const;
type Field = (typeof fields)[number];

export const fieldLabel: Record<Field, string> = {
  unitType: 'Unit type',
  units: 'Units deployed',
  fromPeriod: 'From period',
  toPeriod: 'To period',
  missions: 'Missions',
  conditions: 'Conditions',
  status: 'Status',
  statusDate: 'Status date',
  source: 'Source',
  note: 'Note',
};

export interface PledgeFormOptions {
  readonly signal: AbortSignal;
  readonly doc: Scenario;
  /** The horizon's period labels (the summary's). */
  readonly periods: readonly string[];
  /** The nation the pledge belongs to. */
  readonly nation: string;
  /** The pledge to edit, or null for a new one. */
  readonly item: Versioned<Pledge> | null;
  /** Ids already taken (a new pledge's generated id avoids them). */
  readonly taken: ReadonlySet<string>;
  /**
   * After a create, a save or a delete, with the stored pledge (a delete: the last one read); an element
   * returned is added to the save's status line.
   */
  readonly changed: (
    what: 'created' | 'saved' | 'deleted',
    item: Versioned<Pledge>,
  ) => HTMLElement | null | void;
  /** Told whenever the form's state may have changed (typing, issues, a save, a conflict). */
  readonly onState?: (state: PledgeFormState) => void;
}

/** What a folded pledge's summary says of its editor. */
export interface PledgeFormState {
  /** The pledge as stored (for a new pledge: the form's starting value, version 0). */
  readonly saved: Versioned<Pledge>;
  /** The fields differ from what is stored. */
  readonly unsaved: boolean;
  /** A conflict waits for the user's choice. */
  readonly conflict: boolean;
  /** The issues now shown in the form. */
  readonly errors: number;
  readonly warnings: number;
}

/** A fresh id for a new pledge of `nation` and `unitType`: `gbr-fighter-sqn`, then `-2`, `-3`, … */
export function newPledgeId(nation: string, unitType: string, taken: ReadonlySet<string>): string {
  const stem = `${nation.toLowerCase()}-${unitType}`;
  if (!taken.has(stem)) return stem;
  for (let i = 2; ; i++) if (!taken.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

/** Where a field's issue belongs: paths are ["pledges", <id>, <field>, …]. */
const fieldOf = (i: Issue): Field | null => {
  const f = i.path[2];
  return typeof f === 'string' && (fields as readonly string[]).includes(f) ? (f as Field) : null;
};

export function pledgeForm(o: PledgeFormOptions): HTMLFormElement {
  const creating = o.item === null;
  const start: Pledge = o.item?.value ?? {
    id: '',
    nation: o.nation,
    unitType: o.doc.catalog[0]?.id ?? '',
    units: 1,
    fromPeriod: 1,
    conditions: [],
    status: 'offered',
    new: false,
    source: Object.keys(o.doc.meta.sources)[0] ?? '',
  };
  const key = creating ? 'new' : start.id;
  const fid = (f: string): string => `pledge-${o.nation}-${key}-${f}`;
  const boxes = Object.fromEntries(fields.map((f) => [f, issueBox(fid(`${f}-issues`))])) as Record<
    Field,
    HTMLUListElement
  >;
  const other = issueBox(fid('issues'));
  const described = (f: Field) => ({ id: fid(f), name: f, 'aria-describedby': fid(`${f}-issues`) });

  const unitType = h(
    'select',
    described('unitType'),
    o.doc.catalog.map((u) => h('option', { value: u.id }, u.name)),
  );
  const units = h('input', { ...described('units'), type: 'number', step: 'any', min: '0' });
  const from = h('input', { ...described('fromPeriod'), type: 'number', step: '1', min: '1' });
  const to = h('input', {
    ...described('toPeriod'),
    type: 'number',
    step: '1',
    min: '1',
    placeholder: 'end',
  });
  // Labels usually start with their number already ("P1 (2026-07)").
  const periodNames = o.periods.map((p, i) => (p.startsWith(`P${i + 1}`) ? p : `P${i + 1} ${p}`));
  const checks = (f: 'missions' | 'conditions', options: readonly { id: string; text: string }[]) => {
    const boxesOf = options.map((x) => ({
      id: x.id,
      input: h('input', { type: 'checkbox', id: fid(`${f}-${x.id}`), value: x.id }),
      label: x.text,
    }));
    const set = h(
      'fieldset',
      { class: 'checks', 'aria-describedby': fid(`${f}-issues`) },
      h(
        'legend',
        {},
        f === 'missions'
          ? 'Missions (none ticked: any that uses the unit)'
          : 'Conditions (the pledge holds only if each holds)',
      ),
      boxesOf.map((b) => h('label', { for: b.input.id }, b.input, b.label)),
      boxes[f],
    );
    return { set, boxes: boxesOf };
  };
  const missions = checks(
    'missions',
    o.doc.missions.map((m) => ({ id: m.id, text: m.name })),
  );
  const conditions = checks(
    'conditions',
    o.doc.conditions.map((c) => ({ id: c.id, text: `${c.id}: ${c.description}` })),
  );
  const status = h(
    'select',
    described('status'),
    pledgeStatuses.map((s) => h('option', { value: s }, s)),
  );
  const statusDate = h('input', { ...described('statusDate'), type: 'date' });
  const source = h('select', described('source'), sourceOptions(o.doc.meta.sources, '(choose a source)'));
  const statusSource = h(
    'select',
    { id: fid('statusSource'), name: 'statusSource' },
    sourceOptions(o.doc.meta.sources, '(the pledge’s source)'),
  );
  const picker = sourcePicker({
    signal: o.signal,
    sources: o.doc.meta.sources,
    idPrefix: fid('source'),
    selects: [source, statusSource],
    added: () => checkSoon(),
  });
  const note = h('textarea', { ...described('note'), rows: 2 });

  const sourceMap = (s: Pledge['source']): Record<string, string> =>
    typeof s === 'string' ? { '*': s } : { ...s };
  let extra = start;
  const write = (p: Pledge): void => {
    extra = p;
    unitType.value = p.unitType;
    units.value = String(p.units);
    from.value = String(p.fromPeriod);
    to.value = p.toPeriod === undefined ? '' : String(p.toPeriod);
    for (const b of missions.boxes) b.input.checked = p.missions?.includes(b.id) ?? false;
    for (const b of conditions.boxes) b.input.checked = p.conditions.includes(b.id);
    status.value = p.status;
    statusDate.value = p.statusDate ?? '';
    const src = sourceMap(p.source);
    source.value = src['*'] ?? '';
    statusSource.value = src['status'] ?? '';
    note.value = p.note ?? '';
  };
  write(start);

  const read = (): Pledge => {
    const v: Record<string, unknown> = {
      ...extra,
      id: creating ? newPledgeId(o.nation, unitType.value, o.taken) : extra.id,
      nation: o.nation,
      unitType: unitType.value,
      units: units.value === '' ? Number.NaN : Number(units.value),
      fromPeriod: Number(from.value),
      conditions: conditions.boxes.filter((b) => b.input.checked).map((b) => b.id),
      status: status.value,
    };
    const ticked = missions.boxes.filter((b) => b.input.checked).map((b) => b.id);
    if (ticked.length === 0) delete v['missions'];
    else v['missions'] = ticked;
    if (to.value === '') delete v['toPeriod'];
    else v['toPeriod'] = Number(to.value);
    if (statusDate.value === '') delete v['statusDate'];
    else v['statusDate'] = statusDate.value;
    if (note.value.trim() === '') delete v['note'];
    else v['note'] = note.value;
    // The source stays field-wise when it was (a status source makes it so).
    const src = sourceMap(extra.source);
    src['*'] = source.value;
    if (statusSource.value === '') delete src['status'];
    else src['status'] = statusSource.value;
    v['source'] = Object.keys(src).length === 1 ? src['*'] : src;
    return v as Pledge;
  };

  const save = h('button', { type: 'submit' }, creating ? 'Add pledge' : 'Save');
  let shown: readonly Issue[] = [];
  const show = (issues: readonly Issue[]): void => {
    shown = issues;
    for (const f of fields)
      showIssues(
        boxes[f],
        issues.filter((i) => fieldOf(i) === f),
        3,
      );
    showIssues(
      other,
      issues.filter((i) => fieldOf(i) === null),
    );
    for (const [f, el] of [
      ['units', units],
      ['fromPeriod', from],
      ['toPeriod', to],
      ['statusDate', statusDate],
    ] as const)
      el.setAttribute('aria-invalid', String(issues.some((i) => i.severity === 'error' && fieldOf(i) === f)));
    save.toggleAttribute(
      'disabled',
      issues.some((i) => i.severity === 'error'),
    );
    report();
  };
  const localIssues = (v: Pledge): Issue[] =>
    Number.isFinite(v.units)
      ? []
      : [
          {
            code: 'form.units',
            severity: 'error',
            path: ['pledges', v.id, 'units'],
            message: 'enter a number of units',
          },
        ];

  let seq = 0;
  const check = (): void => {
    const v = read();
    const mine = ++seq;
    const local = localIssues(v);
    if (local.length > 0) return show(local);
    api<{ valid: boolean; issues: Issue[] }>(
      'POST',
      `${scenarioUrl()}/pledges/${encodeURIComponent(v.id)}/check`,
      { value: v },
      o.signal,
    )
      .then((r) => mine === seq && show(r.issues))
      .catch((e: unknown) => {
        if (mine === seq && e instanceof ApiError)
          show(
            e.issues.length > 0
              ? e.issues
              : [{ code: e.code, severity: 'error', path: ['pledges', v.id], message: e.message }],
          );
      });
  };
  const checkSoon = debounce(o.signal, 200, check);

  const label = (p: LeafPath): string => {
    const f = p[0];
    if (f === 'source')
      return p[1] === 'status'
        ? 'Status source'
        : p[1] === '*' || p.length === 1
          ? 'Source'
          : `Source of ${String(p[1])}`;
    return typeof f === 'string' && f in fieldLabel ? fieldLabel[f as Field] : p.join(' › ');
  };
  const vf = versionedForm<Pledge>(o.item ?? { version: 0, value: start }, {
    noun: creating ? 'the new pledge' : `pledge "${start.id}"`,
    // A new pledge's id is generated from the ids taken, which move as pledges come and go.
    ...(creating ? { compared: ({ id: _id, ...rest }: Pledge) => rest } : {}),
    auditUrl: `${scenarioUrl()}/audit`,
    target: `scenario/${session.scenarioId}/pledges/${start.id}`,
    read,
    write,
    label,
    put: async (version, value) =>
      (
        await api<{ item: Versioned<Pledge> }>(
          'PUT',
          `${scenarioUrl()}/pledges/${encodeURIComponent(value.id)}`,
          { version, value },
        )
      ).item,
    issues: show,
    saved: (item) => {
      write(item.value);
      // Warnings stay with the pledge after saving.
      check();
      const offer = o.changed('saved', item);
      if (offer) vf.status.append(offer);
    },
  });

  const del = confirmPanel();
  const askDelete = (): void =>
    askConfirm(del, {
      message: `Delete pledge "${start.id}"? The audit trail keeps it, but it leaves the plan.`,
      yes: `Yes, delete ${start.id}`,
      no: 'Keep it',
      onYes: () =>
        api(
          'DELETE',
          `${scenarioUrl()}/pledges/${encodeURIComponent(start.id)}?version=${vf.current().version}`,
        )
          .then(() => o.changed('deleted', vf.current()))
          .catch((e: unknown) => {
            vf.status.textContent =
              e instanceof ApiError && e.code === 'conflict'
                ? `Not deleted: someone changed pledge "${start.id}" since you opened it; reload to see the change.`
                : e instanceof Error
                  ? e.message
                  : String(e);
          }),
    });

  const lab = (f: Field, control: HTMLElement) => field(fid(f), fieldLabel[f], control, [boxes[f]]);
  // The list's line heads the form (pledge-list.ts): its id, unit type, facts and version.
  const form = h(
    'form',
    {
      class: 'pledge',
      'data-pledge': start.id,
      'aria-label': creating ? 'Add a pledge' : `Pledge ${start.id}`,
    },
    h(
      'div',
      { class: 'fields' },
      lab('unitType', unitType),
      lab('units', units),
      lab('fromPeriod', from),
      lab('toPeriod', to),
      lab('status', status),
      lab('statusDate', statusDate),
      field(fid('statusSource'), 'Status source', statusSource),
      lab('source', source),
      picker.search,
    ),
    picker.adder,
    h('p', { class: 'meta' }, `Periods: ${periodNames.join(' · ')}`),
    missions.set,
    conditions.set,
    field(fid('note'), 'Note', note, [boxes.note], true),
    other,
    vf.merge,
    h(
      'div',
      { class: 'actions' },
      save,
      creating ? null : h('button', { type: 'button', class: 'secondary', onclick: askDelete }, 'Delete'),
      vf.status,
    ),
    del,
  );
  form.addEventListener('input', checkSoon);
  form.addEventListener('change', checkSoon);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!creating) return void vf.save();
    const value = read();
    vf.status.textContent = 'Adding…';
    api<{ item: Versioned<Pledge> }>('POST', `${scenarioUrl()}/pledges`, { value })
      .then((r) => o.changed('created', r.item))
      .catch((err: unknown) => {
        vf.status.textContent = err instanceof Error ? err.message : String(err);
        if (err instanceof ApiError) show(err.issues);
      });
  });
  function report(): void {
    o.onState?.({
      saved: vf.current(),
      unsaved: vf.unsaved(),
      conflict: vf.conflicted(),
      errors: shown.filter((i) => i.severity === 'error').length,
      warnings: shown.filter((i) => i.severity === 'warning').length,
    });
  }
  vf.track(form, o.signal, report);
  // Warnings of a stored pledge show from the start (they are kept with the pledge until resolved).
  if (!creating) check();
  return form;
}
