/**
 * A nation's pledges as a folded list (the accordion pattern of the WAI-ARIA practices): one line per
 * pledge — its id, unit type, units, periods and status as stored, and marks for what its editor holds
 * (unsaved changes, a conflict waiting for a choice, errors, warnings) — and one editor open at a time.
 * A folded editor is hidden, not removed: what was typed in it stays, and its line says so. A pledge
 * created or deleted is added or removed in place, so the other editors keep what they hold.
 */
import type { Pledge, Versioned } from '../api.js';
import { h } from '../dom.js';
import { fold, type Fold } from './fold.js';
import type { PledgeFormState } from './pledge-form.js';

export interface PledgeListOptions {
  /** The view's lifetime. */
  readonly signal: AbortSignal;
  /** The nation whose pledges these are (for element ids). */
  readonly nation: string;
  /** The stored pledges, in order. */
  readonly items: readonly Versioned<Pledge>[];
  /** A pledge's facts in words: unit type, units, periods, status. */
  readonly describe: (p: Pledge) => string;
  /**
   * Draws the editor of a stored pledge, or with null the form for a new one; `signal` ends when the
   * editor leaves the list (or the view is left).
   */
  readonly editor: (
    item: Versioned<Pledge> | null,
    onState: (s: PledgeFormState) => void,
    signal: AbortSignal,
  ) => HTMLFormElement;
  /** Shown under a pledge's line whether it is folded or not (who else is editing it). */
  readonly mark?: (id: string) => HTMLElement;
}

export interface PledgeList {
  readonly element: HTMLElement;
  /** Adds a pledge just created at the end of the list, opens it, and empties the new-pledge form. */
  readonly add: (item: Versioned<Pledge>) => void;
  /** Removes a pledge just deleted. */
  readonly remove: (id: string) => void;
}

interface Item {
  readonly key: string;
  readonly fold: Fold;
  /** Ends the editor's checks and timers when it leaves the list. */
  readonly life: AbortController;
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The marks of a folded editor's line, in words. */
export function stateMarks(s: PledgeFormState): { text: string; tone?: 'bad' | 'warn' }[] {
  return [
    ...(s.conflict
      ? [{ text: 'conflict: choose what to keep', tone: 'bad' as const }]
      : s.unsaved
        ? [{ text: 'unsaved changes' }]
        : []),
    ...(s.errors > 0 ? [{ text: plural(s.errors, 'error'), tone: 'bad' as const }] : []),
    ...(s.warnings > 0 ? [{ text: plural(s.warnings, 'warning'), tone: 'warn' as const }] : []),
  ];
}

export function pledgeList(o: PledgeListOptions): PledgeList {
  const items = new Map<string, Item>();
  const list = h('div', { class: 'pledge-list' });

  const item = (stored: Versioned<Pledge> | null): Item => {
    const key = stored === null ? 'new' : stored.value.id;
    const life = new AbortController();
    o.signal.addEventListener('abort', () => life.abort(), { once: true, signal: life.signal });
    const facts = (v: Versioned<Pledge>): string => `${o.describe(v.value)} · version ${v.version}`;
    // The editor may report its state before its fold exists; the fold then starts from the stored facts.
    let made: Fold | null = null;
    const onState = (s: PledgeFormState): void => {
      if (stored !== null) made?.setFacts(facts(s.saved));
      made?.setMarks(stateMarks(s));
    };
    const f = fold({
      id: `fold-${o.nation}-${key}`,
      key,
      title: stored === null ? 'Add a pledge' : stored.value.id,
      content: o.editor(stored, onState, life.signal),
      extra: stored === null || o.mark === undefined ? null : o.mark(stored.value.id),
      ...(stored === null ? { className: 'new' } : {}),
      // One editor open at a time: opening one folds the others (they keep what they hold).
      onToggle: (open) => {
        if (open)
          for (const other of [...items.values(), adder]) if (other.fold !== f) other.fold.setOpen(false);
      },
    });
    made = f;
    if (stored !== null) f.setFacts(facts(stored));
    return { key, fold: f, life };
  };

  for (const stored of o.items) {
    const it = item(stored);
    items.set(it.key, it);
    list.append(it.fold.element);
  }
  let adder: Item = item(null);
  const empty = h('p', { class: 'meta', hidden: o.items.length > 0 }, 'No pledges yet.');
  const element = h('div', { class: 'pledges' }, empty, list, adder.fold.element);
  const showEmpty = (): void => {
    empty.hidden = items.size > 0;
  };
  const open = (it: Item): void => {
    for (const other of [...items.values(), adder]) other.fold.setOpen(other === it);
  };

  return {
    element,
    add: (stored) => {
      const it = item(stored);
      items.set(it.key, it);
      list.append(it.fold.element);
      // The new-pledge form starts again empty; what it held is now the stored pledge.
      const fresh = item(null);
      adder.fold.element.replaceWith(fresh.fold.element);
      adder.life.abort();
      adder = fresh;
      showEmpty();
      open(it);
      it.fold.button.focus();
    },
    remove: (id) => {
      const it = items.get(id);
      if (it === undefined) return;
      // The focus would be lost with the removed element: it goes to the next line (or the adder).
      const keys = [...items.keys()];
      const next = items.get(keys[keys.indexOf(id) + 1] ?? '') ?? adder;
      items.delete(id);
      it.fold.element.remove();
      it.life.abort();
      showEmpty();
      next.fold.button.focus();
    },
  };
}
