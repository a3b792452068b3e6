/**
 * Changes as people read them: a field path as words (`pledge gbr-frigates › Units deployed`), a value
 * as text (lists joined, objects as `key: value`), and a list of the server's semantic field changes
 * (`src/core/shared/json-diff.ts`: no key-order noise) as "field: before → after".
 */
import type { FieldChange } from '../api.js';
import { h } from '../dom.js';
import { fieldLabel } from './pledge-form.js';

/** Names of fields beyond the pledge form's (nations, missions, users, …); others are split into words. */
const names: Record<string, string> = {
  ...fieldLabel,
  gdpUsd: 'GDP (US$)',
  defenceBudgetUsd: 'Defence budget (US$)',
  inventory: 'Inventory',
  committableShare: 'Committable share',
  personnelCeiling: 'Personnel ceiling',
  budgetCeilingUsdPerYear: 'Budget ceiling (US$ a year)',
  caveats: 'Caveats',
  leadTimeDays: 'Lead time (days)',
  casualtyTolerance: 'Casualty tolerance',
  requirements: 'Requirements',
  amount: 'Amount',
  capability: 'Capability',
  priority: 'Priority',
  mustChangePassword: 'Must change password',
  passwordHash: 'Password',
  username: 'User name',
  role: 'Role',
  nation: 'Nation',
  disabled: 'Disabled',
  name: 'Name',
  new: 'New unit',
};

/** Collection names in the singular, as a path's first segment reads. */
const singular: Record<string, string> = {
  nations: 'nation',
  pledges: 'pledge',
  catalog: 'unit type',
  missions: 'mission',
  variants: 'variant',
  capabilities: 'capability',
  conditions: 'condition',
};

const words = (k: string): string => {
  const w = k.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return w.charAt(0).toUpperCase() + w.slice(1);
};

/**
 * A path in words. From a document's root (`["pledges", "gbr-frigates", "units"]`) the object is named
 * first; within an object (`["units"]`) only the field.
 */
export function fieldName(path: readonly (string | number)[]): string {
  const parts: string[] = [];
  let i = 0;
  const head = path[0];
  if (typeof head === 'string' && head in singular && path.length >= 2) {
    parts.push(`${singular[head] ?? head} ${String(path[1])}`);
    i = 2;
  }
  for (; i < path.length; i++) {
    const p = path[i];
    parts.push(typeof p === 'number' ? `#${p + 1}` : (names[p ?? ''] ?? words(String(p))));
  }
  return parts.join(' › ') || 'the whole object';
}

/** A value as text: absent "—", lists joined, objects as `key: value; …`. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.length === 0 ? '(none)' : v.map(valueText).join(', ');
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${names[k] ?? words(k)}: ${valueText(x)}`)
      .join('; ');
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v) ?? '';
}

/** One change as a sentence: "Units deployed: 2 → 3", "Note added: …", "pledge x removed". */
export function changeText(c: FieldChange): string {
  const f = fieldName(c.path);
  if (c.kind === 'added') return `${f} added: ${valueText(c.after)}`;
  if (c.kind === 'removed') return `${f} removed (was ${valueText(c.before)})`;
  return `${f}: ${valueText(c.before)} → ${valueText(c.after)}`;
}

/** The changes as a list; a password's hash is never shown, only that it changed. */
export function changeList(changes: readonly FieldChange[]): HTMLElement {
  if (changes.length === 0) return h('span', { class: 'meta' }, 'no field changed');
  return h(
    'ul',
    { class: 'changes' },
    changes.map((c) =>
      h('li', {}, c.path.at(-1) === 'passwordHash' ? `${fieldName(c.path)} changed` : changeText(c)),
    ),
  );
}
