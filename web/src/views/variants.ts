/**
 * #/variants — the coordinator edits the scenario's variants (name, description, nations that withdraw,
 * the merge patch as JSON) and its conditions (description, the backstop it needs or whether it holds),
 * and adds new ones. Every form saves through the conflict protocol.
 */
import {
  ApiError,
  api,
  type Condition,
  type Issue,
  type Scenario,
  type Variant,
  type Versioned,
} from '../api.js';
import { issueBox, showIssues } from '../components/issues.js';
import { versionedForm, type VersionedEditor } from '../components/versioned.js';
import { field, h } from '../dom.js';
import type { ViewContext } from '../router.js';
import { isCoordinator, scenarioUrl, session } from '../session.js';

const backstops = ['none', 'intelligence-logistics', 'air-support', 'full'] as const;

/** A fresh id from a name: "No US backstop" → "no-us-backstop" (then -2, -3 … if taken). */
export function idFromName(name: string, taken: ReadonlySet<string>): string {
  const stem =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'item';
  if (!taken.has(stem)) return stem;
  for (let i = 2; ; i++) if (!taken.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

export async function variantsView(ctx: ViewContext): Promise<void> {
  if (!isCoordinator())
    return ctx.page(
      'Not allowed',
      h('p', { class: 'error', role: 'alert' }, 'Only a coordinator edits variants and conditions.'),
    );
  const [variants, conditions, doc] = await Promise.all([
    api<{ items: Versioned<Variant>[] }>('GET', `${scenarioUrl()}/variants`, undefined, ctx.signal),
    api<{ items: Versioned<Condition>[] }>('GET', `${scenarioUrl()}/conditions`, undefined, ctx.signal),
    api<{ scenario: Scenario }>('GET', scenarioUrl(), undefined, ctx.signal),
  ]);
  const coalition = doc.scenario.nations.filter((n) => n.role === 'coalition');
  ctx.page(
    'Variants and conditions',
    h(
      'p',
      {},
      'A variant changes the scenario for a comparison (runs, Compare); a condition is what a pledge or a nation depends on.',
    ),
    h('h2', {}, 'Variants'),
    objectList(ctx, variants.items, (item, life, ids, created) =>
      variantForm(life, item, coalition, ids, created),
    ),
    h('h2', {}, 'Conditions'),
    objectList(ctx, conditions.items, (item, life, ids, created) => conditionForm(life, item, ids, created)),
  );
}

type MakeForm<T> = (
  item: Versioned<T> | null,
  life: AbortSignal,
  taken: ReadonlySet<string>,
  created: (item: Versioned<T>) => void,
) => HTMLFormElement;

/**
 * A collection's forms and, last, the form for a new one. A created object's form is added in place
 * (the page is not drawn again, so the other forms keep what they hold) and the new form starts empty.
 */
function objectList<T extends { id: string }>(
  ctx: ViewContext,
  items: readonly Versioned<T>[],
  make: MakeForm<T>,
): HTMLElement {
  const ids = new Set(items.map((x) => x.value.id));
  const box = h('div', { class: 'objects' });
  // The new form's checks end when it is replaced (what it held is then the stored object).
  let life = new AbortController();
  const created = (item: Versioned<T>): void => {
    ids.add(item.value.id);
    const stored = make(item, ctx.signal, ids, created);
    const old = life;
    life = new AbortController();
    const next = make(null, linked(ctx.signal, life), ids, created);
    adder.before(stored);
    adder.replaceWith(next);
    adder = next;
    old.abort();
    // The focus was on the new form's button, now gone: it goes to the created object's heading.
    const heading = stored.querySelector('h3');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  };
  for (const item of items) box.append(make(item, ctx.signal, ids, created));
  let adder = make(null, linked(ctx.signal, life), ids, created);
  box.append(adder);
  return box;
}

/** A signal that aborts when the view's does or when `own` is aborted. */
const linked = (view: AbortSignal, own: AbortController): AbortSignal => AbortSignal.any([view, own.signal]);

/** Puts a collection object through the conflict protocol (or creates it) and reports issues by field. */
function objectForm<T extends { id: string }>(
  life: AbortSignal,
  collection: 'variants' | 'conditions',
  item: Versioned<T> | null,
  created: (item: Versioned<T>) => void,
  o: {
    title: string;
    fields: HTMLElement[];
    read: () => T;
    write: (v: T) => void;
    issueBoxes: Record<string, HTMLUListElement>;
    label: VersionedEditor<T>['label'];
  },
): HTMLFormElement {
  const other = issueBox();
  const show = (issues: readonly Issue[]): void => {
    for (const [f, box] of Object.entries(o.issueBoxes))
      showIssues(
        box,
        issues.filter((i) => i.path[2] === f),
        3,
      );
    showIssues(
      other,
      issues.filter((i) => typeof i.path[2] !== 'string' || !(i.path[2] in o.issueBoxes)),
    );
  };
  const id = item?.value.id ?? '';
  const vf = versionedForm<T>(item ?? { version: 0, value: o.read() }, {
    noun:
      item === null
        ? `the new ${collection === 'variants' ? 'variant' : 'condition'}`
        : `${collection === 'variants' ? 'variant' : 'condition'} "${id}"`,
    auditUrl: `${scenarioUrl()}/audit`,
    target: `scenario/${session.scenarioId}/${collection}/${id}`,
    read: o.read,
    write: o.write,
    ...(o.label === undefined ? {} : { label: o.label }),
    put: async (version, value) =>
      (
        await api<{ item: Versioned<T> }>('PUT', `${scenarioUrl()}/${collection}/${encodeURIComponent(id)}`, {
          version,
          value,
        })
      ).item,
    issues: show,
  });
  const form = h(
    'form',
    { class: 'pledge', 'aria-label': o.title },
    h('h3', {}, o.title),
    h('div', { class: 'fields' }, o.fields),
    other,
    vf.merge,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, item === null ? 'Add' : 'Save'),
      vf.status,
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (item !== null) return void vf.save();
    let value: T;
    try {
      value = o.read();
    } catch (err) {
      vf.status.textContent = err instanceof Error ? err.message : String(err);
      return;
    }
    api<{ item: Versioned<T> }>('POST', `${scenarioUrl()}/${collection}`, { value })
      .then((r) => created(r.item))
      .catch((err: unknown) => {
        vf.status.textContent = err instanceof Error ? err.message : String(err);
        if (err instanceof ApiError) show(err.issues);
      });
  });
  vf.track(form, life);
  return form;
}

function variantForm(
  life: AbortSignal,
  item: Versioned<Variant> | null,
  coalition: readonly { id: string; name: string }[],
  taken: ReadonlySet<string>,
  created: (item: Versioned<Variant>) => void,
): HTMLFormElement {
  const key = item?.value.id ?? 'new-variant';
  const fid = (f: string) => `variant-${key}-${f}`;
  const boxes = {
    name: issueBox(fid('name-issues')),
    description: issueBox(),
    withdraw: issueBox(),
    patch: issueBox(fid('patch-issues')),
  };
  const name = h('input', { id: fid('name'), required: true, 'aria-describedby': boxes.name.id });
  const description = h('textarea', { id: fid('description'), rows: 2 });
  const patch = h('textarea', {
    id: fid('patch'),
    rows: 3,
    class: 'code',
    spellcheck: 'false',
    'aria-describedby': boxes.patch.id,
  });
  const withdraw = coalition.map((n) =>
    h('input', { type: 'checkbox', id: fid(`withdraw-${n.id}`), value: n.id }),
  );
  let base: Variant | null = item?.value ?? null;
  const write = (v: Variant): void => {
    base = v;
    name.value = v.name;
    description.value = v.description;
    patch.value = JSON.stringify(v.patch);
    for (const b of withdraw) b.checked = v.withdraw.includes(b.value);
  };
  if (item !== null) write(item.value);
  else patch.value = '{}';
  const read = (): Variant => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(patch.value === '' ? '{}' : patch.value);
    } catch (e) {
      boxes.patch.replaceChildren(
        h('li', { class: 'error' }, `the patch is not JSON: ${e instanceof Error ? e.message : String(e)}`),
      );
      throw new Error('Not saved: the patch is not JSON.', { cause: e });
    }
    return {
      ...(base ?? {}),
      id: base?.id ?? idFromName(name.value, taken),
      name: name.value,
      description: description.value,
      withdraw: withdraw.filter((b) => b.checked).map((b) => b.value),
      patch: parsed as Record<string, unknown>,
    };
  };
  return objectForm(life, 'variants', item, created, {
    title: item === null ? 'Add a variant' : `Variant ${item.value.id}`,
    read,
    write,
    issueBoxes: boxes,
    label: (p) => (p[0] === 'patch' ? `patch › ${p.slice(1).join(' › ')}` : String(p[0])),
    fields: [
      field(name.id, 'Name', name, [boxes.name]),
      field(description.id, 'Description', description, [], true),
      h(
        'fieldset',
        { class: 'checks wide' },
        h('legend', {}, 'Nations that withdraw'),
        withdraw.map((b, i) => h('label', { for: b.id }, b, coalition[i]?.name ?? b.value)),
        boxes.withdraw,
      ),
      field(patch.id, 'Patch (JSON merge patch on the scenario)', patch, [boxes.patch], true),
    ],
  });
}

function conditionForm(
  life: AbortSignal,
  item: Versioned<Condition> | null,
  taken: ReadonlySet<string>,
  created: (item: Versioned<Condition>) => void,
): HTMLFormElement {
  const key = item?.value.id ?? 'new-condition';
  const fid = (f: string) => `condition-${key}-${f}`;
  const boxes = {
    description: issueBox(fid('description-issues')),
    requiresBackstop: issueBox(),
    holds: issueBox(),
  };
  const description = h('textarea', {
    id: fid('description'),
    rows: 2,
    required: true,
    'aria-describedby': boxes.description.id,
  });
  const needs = h(
    'select',
    { id: fid('requiresBackstop') },
    h('option', { value: '' }, '(not about the backstop)'),
    backstops.map((b) => h('option', { value: b }, b)),
  );
  const holds = h(
    'select',
    { id: fid('holds') },
    h('option', { value: '' }, '(not stated)'),
    h('option', { value: 'true' }, 'holds'),
    h('option', { value: 'false' }, 'does not hold'),
  );
  let base: Condition | null = item?.value ?? null;
  const write = (c: Condition): void => {
    base = c;
    description.value = c.description;
    needs.value = c.requiresBackstop ?? '';
    holds.value = c.holds === undefined ? '' : String(c.holds);
  };
  if (item !== null) write(item.value);
  const read = (): Condition => {
    const v: Record<string, unknown> = {
      ...(base ?? {}),
      id: base?.id ?? idFromName(description.value.split(/[.;(]/)[0] ?? '', taken),
      description: description.value,
    };
    if (needs.value === '') delete v['requiresBackstop'];
    else v['requiresBackstop'] = needs.value;
    if (holds.value === '') delete v['holds'];
    else v['holds'] = holds.value === 'true';
    return v as Condition;
  };
  return objectForm(life, 'conditions', item, created, {
    title: item === null ? 'Add a condition' : `Condition ${item.value.id}`,
    read,
    write,
    issueBoxes: boxes,
    label: (p) => String(p[0]),
    fields: [
      field(description.id, 'Description', description, [boxes.description], true),
      field(needs.id, 'Holds when the backstop is at least', needs, [boxes.requiresBackstop]),
      field(holds.id, 'Otherwise', holds, [boxes.holds]),
    ],
  });
}
