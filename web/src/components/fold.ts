/**
 * A folded section (the accordion pattern of the WAI-ARIA practices): a heading whose button says what
 * the section holds in one line — a title, facts and marks — and shows or hides the panel under it
 * (`aria-expanded`, `aria-controls`). A folded panel is hidden, not removed: forms in it keep what was
 * typed.
 */
import { h } from '../dom.js';

export interface FoldOptions {
  /** The button's id; the panel's is `<id>-panel`. */
  readonly id: string;
  readonly title: string;
  readonly content: HTMLElement;
  /** Shown under the line whether the section is folded or not (e.g. who else is editing it). */
  readonly extra?: HTMLElement | null;
  readonly className?: string;
  /** `data-fold` of the section, to find it by (a pledge's id, `new`, `limits`). */
  readonly key: string;
  /** Called when the user opens or folds the section. */
  readonly onToggle?: (open: boolean) => void;
}

export interface Fold {
  readonly element: HTMLElement;
  readonly button: HTMLButtonElement;
  readonly isOpen: () => boolean;
  readonly setOpen: (open: boolean) => void;
  /** The line's facts in words (muted, after the title). */
  readonly setFacts: (text: string) => void;
  /** The line's marks: short states such as "unsaved changes"; `bad` and `warn` colour them. */
  readonly setMarks: (marks: readonly { text: string; tone?: 'bad' | 'warn' }[]) => void;
}

export function fold(o: FoldOptions): Fold {
  const facts = h('span', { class: 'fold-facts' });
  const marks = h('span', { class: 'fold-marks' });
  const button = h(
    'button',
    { type: 'button', class: 'fold', id: o.id, 'aria-expanded': 'false', 'aria-controls': `${o.id}-panel` },
    h('span', { class: 'fold-title' }, o.title),
    facts,
    marks,
  );
  const panel = h(
    'div',
    { class: 'fold-panel', id: `${o.id}-panel`, role: 'region', 'aria-labelledby': o.id, hidden: true },
    o.content,
  );
  const element = h(
    'section',
    { class: `fold-item${o.className === undefined ? '' : ` ${o.className}`}`, 'data-fold': o.key },
    h('h3', { class: 'fold-head' }, button),
    o.extra ?? null,
    panel,
  );
  const isOpen = (): boolean => button.getAttribute('aria-expanded') === 'true';
  const setOpen = (open: boolean): void => {
    button.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    element.classList.toggle('open', open);
  };
  button.addEventListener('click', () => {
    const open = !isOpen();
    o.onToggle?.(open);
    setOpen(open);
  });
  return {
    element,
    button,
    isOpen,
    setOpen,
    setFacts: (text) => {
      facts.textContent = text;
    },
    setMarks: (list) =>
      marks.replaceChildren(
        ...list.map((m) => h('span', { class: `mark${m.tone === undefined ? '' : ` ${m.tone}`}` }, m.text)),
      ),
  };
}
