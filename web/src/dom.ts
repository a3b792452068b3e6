import { numberFormat } from '../../src/core/shared/index.js';

/** A tiny element builder: h('tag', {attrs}, children). Text is always set as text (no HTML injection). */
export type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | ((e: Event) => void) | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'object' ? c : String(c));
  }
  return el;
}

/** Whole numbers as such; fractions to one decimal (so 3.6 is not shown as a covered 4). */
export const fmt = (n: number): string =>
  n.toLocaleString('en-GB', { maximumFractionDigits: Math.abs(n) >= 1000 || Number.isInteger(n) ? 0 : 1 });
/** Probabilities, shares and points as everywhere in Bulwark: the one number format (core/shared/format.ts). */
export const figures = numberFormat('en');

/** A timestamp as people read it (en-GB, local time). */
export const when = (iso: string): string => new Date(iso).toLocaleString('en-GB');

/** An error as a sentence in an alert. */
export function errorBox(e: unknown): HTMLElement {
  const message = e instanceof Error ? e.message : String(e);
  return h('p', { class: 'error', role: 'alert' }, message);
}

/**
 * A labelled form field: the label holds only the field's name (so the control's accessible name is just
 * that), then the control, then what belongs with it (its issue list, a hint).
 */
export function field(
  id: string,
  text: string,
  control: HTMLElement,
  extra: readonly Child[] = [],
  wide = false,
): HTMLDivElement {
  return h('div', { class: wide ? 'field wide' : 'field' }, h('label', { for: id }, text), control, ...extra);
}
