/**
 * Unsaved work on the page: each form registers what it edits and how to tell whether it holds changes
 * not yet saved, for as long as its view lives. Before the router leaves the page (a link, the back
 * button) it asks the user to confirm when any form does; closing or reloading the tab gets the browser's
 * own warning.
 */

interface Guard {
  readonly name: string;
  readonly unsaved: () => boolean;
}

const guards = new Set<Guard>();

/** Registers a form's check until `signal` aborts (the view is left). */
export function guardUnsaved(signal: AbortSignal, name: string, unsaved: () => boolean): void {
  if (signal.aborted) return;
  const g: Guard = { name, unsaved };
  guards.add(g);
  signal.addEventListener('abort', () => guards.delete(g), { once: true });
}

/** Forgets every check: the user chose to leave (sign out) and lose what is not saved. */
export function discardUnsaved(): void {
  guards.clear();
}

/** What holds unsaved changes now, by name (in the order the forms were drawn). */
export function unsavedWork(): string[] {
  return [...guards].filter((g) => g.unsaved()).map((g) => g.name);
}

/** The question asked before the page is left, or null when nothing would be lost. */
export function leaveQuestion(): string | null {
  const names = unsavedWork();
  if (names.length === 0) return null;
  const list =
    names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  return `You have changes that are not saved (${list}). Leave this page and lose them?`;
}

/** The browser's own warning when the tab is closed or reloaded with unsaved changes. */
export function warnBeforeUnload(): void {
  window.addEventListener('beforeunload', (e) => {
    if (unsavedWork().length === 0) return;
    e.preventDefault();
    // Older browsers show the warning only when returnValue is set.
    e.returnValue = '';
  });
}
