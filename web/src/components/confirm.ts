/**
 * The one confirmation of the workspace: an inline panel (not `window.confirm`, which a screen reader and
 * a test both handle badly) saying what will happen, a danger button that does it and one that does not.
 * The safe choice takes the focus.
 */
import { h } from '../dom.js';

export interface ConfirmOptions {
  /** What will happen, in a sentence. */
  readonly message: string;
  /** The button that does it (`Yes, disable ann`). */
  readonly yes: string;
  /** The button that does not (default `Cancel`). */
  readonly no?: string;
  readonly onYes: () => unknown;
}

/** Fills `panel` (a `.confirm` element, hidden until asked) with the question and shows it. */
export function askConfirm(panel: HTMLElement, o: ConfirmOptions): void {
  panel.hidden = false;
  panel.setAttribute('role', 'group');
  panel.setAttribute('aria-label', 'confirm');
  panel.replaceChildren(
    h('p', {}, o.message),
    h(
      'button',
      {
        type: 'button',
        class: 'danger',
        onclick: () => {
          panel.hidden = true;
          void o.onYes();
        },
      },
      o.yes,
    ),
    ' ',
    h(
      'button',
      { type: 'button', class: 'secondary', onclick: () => (panel.hidden = true) },
      o.no ?? 'Cancel',
    ),
  );
  panel.querySelector<HTMLButtonElement>('button.secondary')?.focus();
}

/** A fresh confirmation panel, hidden. */
export const confirmPanel = (): HTMLDivElement => h('div', { class: 'confirm', hidden: true });
