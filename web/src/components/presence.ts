/**
 * Presence in the page: "coord (coordinator) is editing this pledge". `announceEditing` sends the
 * server a heartbeat while a form is open and says when it closes (the view's signal aborts, or the page
 * goes away); `watchPresence` follows who is editing what (the list, then `presence` events on the
 * scenario's event stream); `presenceText` says it for one object, leaving out the user themself.
 */
import { api, type PresenceEntry, type PresenceList } from '../api.js';
import { every, eventStream } from '../lifecycle.js';
import { scenarioUrl, session } from '../session.js';

/** The server drops an entry 30 s after its last heartbeat (src/server/presence.ts): beat every 10 s. */
const beatMs = 10_000;

/** Announces that this user is editing the object, until `signal` aborts. */
export function announceEditing(
  signal: AbortSignal,
  collection: PresenceEntry['collection'],
  id: string,
): void {
  if (signal.aborted) return;
  const url = `${scenarioUrl()}/presence`;
  const beat = (): void => void api('PUT', url, { collection, id }).catch(() => undefined);
  beat();
  every(signal, beatMs, beat);
  const leave = (): void =>
    void api(
      'DELETE',
      `${url}?collection=${encodeURIComponent(collection)}&id=${encodeURIComponent(id)}`,
    ).catch(() => undefined);
  signal.addEventListener('abort', leave, { once: true });
  window.addEventListener('pagehide', leave, { once: true, signal });
}

/** Calls `fn` with who is editing what now, and again at every change, until `signal` aborts. */
export function watchPresence(signal: AbortSignal, fn: (editing: readonly PresenceEntry[]) => void): void {
  api<PresenceList>('GET', `${scenarioUrl()}/presence`, undefined, signal).then(
    (l) => fn(l.editing),
    () => undefined,
  );
  eventStream(signal, `${scenarioUrl()}/events`, {
    presence: (data) => fn((data as PresenceList).editing),
  });
}

const nouns: Record<PresenceEntry['collection'], string> = {
  pledges: 'pledge',
  nations: 'nation',
  missions: 'mission',
  variants: 'variant',
  conditions: 'condition',
};

/** "coord (coordinator) is editing this pledge", or '' when nobody else is. */
export function presenceText(
  editing: readonly PresenceEntry[],
  collection: PresenceEntry['collection'],
  id: string,
): string {
  const others = editing.filter(
    (e) => e.collection === collection && e.id === id && e.username !== session.user?.username,
  );
  if (others.length === 0) return '';
  const who = others.map((e) => `${e.username} (${e.role}${e.nation === null ? '' : ` ${e.nation}`})`);
  return `${who.join(' and ')} ${others.length === 1 ? 'is' : 'are'} editing this ${nouns[collection]}.`;
}
