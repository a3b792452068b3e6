/**
 * The one conflict protocol of every form that edits a versioned object (pledges, nations, a mission's
 * requirements, variants, conditions): save with the version read; on 409 nothing the user typed is
 * replaced. A merge panel lists, field by field, what the user typed against what the other person saved
 * (who and when, from the audit trail), pre-chooses the side that changed each field, and lets the user
 * keep theirs, keep mine or combine; only then is anything saved (against the new version).
 */
import { ApiError, api, type AuditEntry, type Issue, type Versioned } from '../api.js';
import { h, when } from '../dom.js';
import { combine, conflicts, type LeafPath } from '../merge.js';
import { guardUnsaved } from '../unsaved.js';

export type { LeafPath };

export interface VersionedEditor<T> {
  /** How the object is named in messages: `pledge "gbr-typhoon"`. */
  readonly noun: string;
  /** The scenario's audit URL and the object's audit target (`scenario/<id>/<collection>/<item>`). */
  readonly auditUrl: string;
  readonly target: string;
  /** The form's current value. */
  readonly read: () => T;
  /** Puts a value into the form's fields. */
  readonly write: (value: T) => void;
  /** Saves `value` as a change of `version` (PUT); returns the saved object. */
  readonly put: (version: number, value: T) => Promise<Versioned<T>>;
  /** A field's name in words, for the merge table (default: the path). */
  readonly label?: (path: LeafPath) => string;
  /** After a save. */
  readonly saved?: (item: Versioned<T>) => void;
  /** Validation issues from a refused save (422), or [] after a save. */
  readonly issues?: (issues: readonly Issue[]) => void;
  /**
   * What is compared to tell unsaved changes (default: the whole value): a new object's form leaves out
   * its generated id, which moves when other objects come and go.
   */
  readonly compared?: (value: T) => unknown;
}

export interface VersionedForm<T> {
  /** Saves the form (or, during a merge, nothing: the merge panel's buttons save). */
  readonly save: () => Promise<void>;
  /** The object as last read or saved. */
  readonly current: () => Versioned<T>;
  /** Status line and merge panel, placed in the form by its view. */
  readonly status: HTMLElement;
  readonly merge: HTMLElement;
  /**
   * Watches the view's form for unsaved changes until `signal` aborts: what the fields hold when this is
   * called (the view has written them) and again after each save or "take theirs" is the saved state; the
   * page warns before it is left while the fields differ from it (`unsaved.ts`). Each change of state is
   * told to `onState`. Call it once the form's fields are written.
   */
  readonly track: (form: HTMLElement, signal: AbortSignal, onState?: () => void) => void;
  /** The fields differ from what was last saved (or a field cannot be read). */
  readonly unsaved: () => boolean;
  /** A conflict is waiting for the user's choice in the merge panel. */
  readonly conflicted: () => boolean;
}

const show = (json: string | undefined): string => {
  if (json === undefined) return '(none)';
  const v = JSON.parse(json) as unknown;
  if (Array.isArray(v)) return v.length === 0 ? '(none)' : v.join(', ');
  return typeof v === 'string' ? v : json;
};

/** The latest audit entry of the object: who saved the version the user conflicts with, and when. */
async function lastChange(auditUrl: string, target: string): Promise<AuditEntry | undefined> {
  try {
    const list = await api<AuditEntry[]>('GET', `${auditUrl}?target=${encodeURIComponent(target)}&limit=1`);
    return list[0];
  } catch {
    return undefined;
  }
}

/** Wires the protocol for one form; the view places `status` and `merge` in it and calls `save()` on submit. */
export function versionedForm<T>(initial: Versioned<T>, ed: VersionedEditor<T>): VersionedForm<T> {
  let current = initial;
  const status = h('p', { class: 'status', role: 'status' });
  const merge = h('div', { class: 'merge', hidden: true });
  const label = ed.label ?? ((p: LeafPath) => p.join(' › '));
  // Unsaved changes: the fields' text as last saved, taken when the view starts tracking (its fields
  // written) and again after each save.
  const key = (v: T): string => JSON.stringify(ed.compared === undefined ? v : ed.compared(v));
  const text = (): string | null => {
    try {
      return key(ed.read());
    } catch {
      return null;
    }
  };
  let clean: string | null | undefined;
  let tell = (): void => undefined;
  const settle = (): void => {
    clean = text();
    tell();
  };
  const unsaved = (): boolean => {
    if (clean === undefined) return false;
    const now = text();
    return now === null || now !== clean;
  };

  const put = async (version: number, value: T): Promise<void> => {
    status.textContent = 'Saving…';
    try {
      current = await ed.put(version, value);
      merge.hidden = true;
      merge.replaceChildren();
      status.textContent = `Saved (version ${current.version}).`;
      ed.issues?.([]);
      if (ed.saved === undefined) {
        // The fields are not rewritten: what was sent is the saved state (typing during the save stays
        // unsaved).
        clean = key(value);
        tell();
      } else {
        ed.saved(current);
        settle();
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict' && err.current !== undefined)
        return showMerge(value, err.current as Versioned<T>);
      status.textContent = err instanceof Error ? err.message : String(err);
      if (err instanceof ApiError) ed.issues?.(err.issues);
    }
  };

  const showMerge = async (mine: T, theirs: Versioned<T>): Promise<void> => {
    const base = current;
    const diff = conflicts(base.value, mine, theirs.value);
    const who = await lastChange(ed.auditUrl, ed.target);
    const by =
      who === undefined
        ? `someone (version ${theirs.version})`
        : `${who.actor} at ${when(who.at)} (version ${theirs.version})`;
    status.textContent = `Not saved: ${ed.noun} was changed by ${by} after you opened it (version ${base.version}). Nothing you typed is lost: choose below.`;
    if (diff.length === 0) {
      // The other change is the same as yours: saving again only moves the version on.
      current = theirs;
      return put(theirs.version, mine);
    }
    const choices = diff.map((d, i) => {
      const name = `merge-${i}`;
      const pick = (side: 'mine' | 'theirs', text: string) =>
        h(
          'label',
          { class: 'pick' },
          h('input', {
            type: 'radio',
            name,
            value: side,
            ...(side === (d.changedBy === 'theirs' ? 'theirs' : 'mine') ? { checked: true } : {}),
          }),
          ' ',
          text,
        );
      return {
        d,
        row: h(
          'tr',
          { class: d.changedBy === 'both' ? 'both' : '' },
          h(
            'th',
            { scope: 'row' },
            label(d.path),
            d.changedBy === 'both' ? h('div', { class: 'unit' }, 'changed by both') : null,
          ),
          h('td', {}, pick('mine', show(d.mine))),
          h('td', {}, pick('theirs', show(d.theirs))),
          h('td', { class: 'was' }, show(d.base)),
        ),
        name,
      };
    });
    const chosen = (): LeafPath[] =>
      choices
        .filter(
          (c) => merge.querySelector<HTMLInputElement>(`input[name="${c.name}"]:checked`)?.value === 'mine',
        )
        .map((c) => c.d.path);
    const act = (text: string, fn: () => void, cls = '') =>
      h('button', { type: 'button', class: cls, onclick: fn }, text);
    merge.replaceChildren(
      h('h4', {}, `Your change and ${who?.actor ?? 'the other'}'s, field by field`),
      h(
        'div',
        { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'fields in conflict' },
        h(
          'table',
          { class: 'merge-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'field'),
              h('th', { scope: 'col' }, 'yours (typed)'),
              h(
                'th',
                { scope: 'col' },
                `theirs (${who?.actor ?? 'saved'}${who === undefined ? '' : `, ${when(who.at)}`})`,
              ),
              h('th', { scope: 'col' }, 'when you opened it'),
            ),
          ),
          h(
            'tbody',
            {},
            choices.map((c) => c.row),
          ),
        ),
      ),
      h(
        'div',
        { class: 'actions' },
        act('Save the combination', () => {
          const merged = combine(mine, theirs.value, chosen());
          current = theirs;
          ed.write(merged);
          void put(theirs.version, merged);
        }),
        act(
          'Keep mine',
          () => {
            current = theirs;
            ed.write(mine);
            void put(theirs.version, mine);
          },
          'secondary',
        ),
        act(
          'Take theirs',
          () => {
            current = theirs;
            ed.write(theirs.value);
            merge.hidden = true;
            status.textContent = `Showing ${who?.actor ?? 'the other'}'s version ${theirs.version}; your values were discarded.`;
            settle();
          },
          'secondary',
        ),
      ),
    );
    merge.hidden = false;
    tell();
    merge.querySelector<HTMLElement>('h4')?.setAttribute('tabindex', '-1');
    merge.querySelector<HTMLElement>('h4')?.focus();
  };

  return {
    save: () => {
      let value: T;
      try {
        value = ed.read();
      } catch (err) {
        // A field that cannot be read (a patch that is not JSON) says why in its own box.
        status.textContent = err instanceof Error ? err.message : String(err);
        return Promise.resolve();
      }
      return put(current.version, value);
    },
    current: () => current,
    status,
    merge,
    track: (form, signal, onState) => {
      if (onState !== undefined) tell = onState;
      clean = text();
      for (const type of ['input', 'change']) form.addEventListener(type, () => tell(), { signal });
      guardUnsaved(signal, ed.noun, () => unsaved() || !merge.hidden);
    },
    unsaved,
    conflicted: () => !merge.hidden,
  };
}
