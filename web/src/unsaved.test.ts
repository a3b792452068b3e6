import { describe, expect, it } from 'vitest';
import { discardUnsaved, guardUnsaved, leaveQuestion, unsavedWork } from './unsaved.js';

describe('unsaved work on the page', () => {
  it('asks only while a live form holds changes, names them, and forgets a form when its view ends', () => {
    discardUnsaved();
    const view = new AbortController();
    let a = false;
    let b = false;
    guardUnsaved(view.signal, 'pledge "gbr-frigates"', () => a);
    guardUnsaved(view.signal, 'nation GBR', () => b);
    expect(leaveQuestion()).toBeNull();
    a = true;
    expect(unsavedWork()).toEqual(['pledge "gbr-frigates"']);
    expect(leaveQuestion()).toBe(
      'You have changes that are not saved (pledge "gbr-frigates"). Leave this page and lose them?',
    );
    b = true;
    expect(unsavedWork()).toEqual(['pledge "gbr-frigates"', 'nation GBR']);
    view.abort();
    expect(unsavedWork()).toEqual([]);
    // A form registered on a view already left is not watched at all.
    guardUnsaved(view.signal, 'late', () => true);
    expect(leaveQuestion()).toBeNull();
  });

  it('lists at most three by name', () => {
    discardUnsaved();
    const view = new AbortController();
    for (const n of ['a', 'b', 'c', 'd', 'e']) guardUnsaved(view.signal, n, () => true);
    expect(leaveQuestion()).toContain('(a, b, c and 2 more)');
    discardUnsaved();
    expect(leaveQuestion()).toBeNull();
  });
});
