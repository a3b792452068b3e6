/**
 * Presence: "the coordinator is editing this pledge". A client that opens an edit form sends a heartbeat
 * (`PUT …/presence {collection, id}`) every few seconds; others see who is editing what from
 * `GET …/presence` and from `presence` events on the scenario's event stream (routes-live.ts). An entry
 * ends when the form closes (`DELETE …/presence?collection=&id=`) or when its heartbeats stop for
 * `presenceTtlMs` (the client went away). Held in the server process's memory only: presence is not
 * scenario data, is not audited and does not survive a restart.
 */
import { z } from 'zod';
import type { Actor, Workspace } from '../app/index.js';
import { BulwarkError } from '../core/shared/index.js';
import { defineRoute, editors, everyone, queryParam, type RouteDef } from './route.js';

/** Heartbeats stop for this long: the entry is dropped (clients beat every `presenceBeatMs`). */
export const presenceTtlMs = 30_000;
export const presenceBeatMs = 10_000;

/** Objects presence can be about: the collections people edit in forms. */
const presenceCollections = ['pledges', 'nations', 'missions', 'variants', 'conditions'] as const;

export interface PresenceEntry {
  readonly username: string;
  readonly role: Actor['role'];
  readonly nation: string | null;
  readonly collection: (typeof presenceCollections)[number];
  readonly id: string;
  /** When this user opened the form (ISO time). */
  readonly since: string;
}

/** What a `presence` event and `GET …/presence` carry: everyone editing in the scenario now. */
export interface PresenceList {
  readonly editing: readonly PresenceEntry[];
}

type Listener = (scenarioId: string, list: PresenceList) => void;

/** Who is editing what, per scenario; entries expire when their heartbeats stop. */
export class PresenceBook {
  private readonly entries = new Map<string, Map<string, PresenceEntry & { expires: number }>>();
  private readonly listeners = new Set<Listener>();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly ttlMs = presenceTtlMs,
    private readonly now: () => number = Date.now,
  ) {}

  /** A heartbeat: adds or renews the entry; tells listeners when it is new. */
  beat(scenarioId: string, actor: Actor, collection: PresenceEntry['collection'], id: string): PresenceList {
    const book = this.entries.get(scenarioId) ?? new Map<string, PresenceEntry & { expires: number }>();
    this.entries.set(scenarioId, book);
    const key = `${actor.username}\n${collection}\n${id}`;
    const old = book.get(key);
    book.set(key, {
      username: actor.username,
      role: actor.role,
      nation: actor.nation,
      collection,
      id,
      since: old?.since ?? new Date(this.now()).toISOString(),
      expires: this.now() + this.ttlMs,
    });
    if (old === undefined) this.emit(scenarioId);
    this.sweepSoon();
    return this.list(scenarioId);
  }

  /** The form closed: the entry ends at once. */
  leave(scenarioId: string, actor: Actor, collection: string, id: string): PresenceList {
    if (this.entries.get(scenarioId)?.delete(`${actor.username}\n${collection}\n${id}`) === true)
      this.emit(scenarioId);
    return this.list(scenarioId);
  }

  /** Everyone editing in the scenario now (expired entries dropped first), oldest first. */
  list(scenarioId: string): PresenceList {
    this.sweep();
    const book = this.entries.get(scenarioId);
    const editing = [...(book?.values() ?? [])]
      .map(({ expires: _e, ...e }) => e)
      .sort((a, b) => a.since.localeCompare(b.since) || a.username.localeCompare(b.username));
    return { editing };
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  }

  /** Drops expired entries, telling listeners of each scenario that changed. */
  sweep(): void {
    const t = this.now();
    for (const [scenarioId, book] of this.entries) {
      let changed = false;
      for (const [k, e] of book)
        if (e.expires <= t) {
          book.delete(k);
          changed = true;
        }
      if (book.size === 0) this.entries.delete(scenarioId);
      if (changed) this.emit(scenarioId);
    }
  }

  private emit(scenarioId: string): void {
    const book = this.entries.get(scenarioId);
    const editing = [...(book?.values() ?? [])]
      .map(({ expires: _e, ...e }) => e)
      .sort((a, b) => a.since.localeCompare(b.since) || a.username.localeCompare(b.username));
    for (const fn of this.listeners) fn(scenarioId, { editing });
  }

  /** While any entry lives, a timer sweeps so a client that went away is dropped without a request. */
  private sweepSoon(): void {
    if (this.sweeper !== null) return;
    this.sweeper = setInterval(
      () => {
        this.sweep();
        if (this.entries.size === 0 && this.sweeper !== null) {
          clearInterval(this.sweeper);
          this.sweeper = null;
        }
      },
      Math.max(250, Math.floor(this.ttlMs / 6)),
    );
    this.sweeper.unref();
  }
}

/** One book per workspace (the live stream and the presence routes share it). */
const books = new WeakMap<Workspace, PresenceBook>();
export function presenceOf(workspace: Workspace): PresenceBook {
  let b = books.get(workspace);
  if (b === undefined) {
    b = new PresenceBook();
    books.set(workspace, b);
  }
  return b;
}

const Beat = z.strictObject({ collection: z.enum(presenceCollections), id: z.string().min(1).max(200) });

/**
 * May `actor` say they edit this object? The coordinator anything; a liaison only their own nation and
 * its pledges (as the edits themselves are checked), so presence never shows an edit that cannot happen.
 */
async function mayAnnounce(
  workspace: Workspace,
  scenarioId: string,
  actor: Actor,
  collection: PresenceEntry['collection'],
  id: string,
): Promise<void> {
  if (actor.role === 'coordinator') return;
  if (actor.role === 'liaison') {
    if (collection === 'nations' && id === actor.nation) return;
    if (collection === 'pledges') {
      const p = (await workspace.getItem(scenarioId, 'pledges', id)).value as { nation?: string };
      if (p.nation === actor.nation) return;
    }
  }
  throw new BulwarkError('forbidden', `you may not edit ${collection} "${id}"`);
}

export function presenceRoutes(deps: { readonly workspace: Workspace }): RouteDef[] {
  const { workspace } = deps;
  const book = presenceOf(workspace);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/scenarios/:id/presence',
      summary:
        'Who is editing what in the scenario now ({editing: [{username, role, nation, collection, id, since}]})',
      tag: 'scenarios',
      access: everyone,
      handler: async (ctx) => {
        const id = ctx.params['id'] ?? '';
        await workspace.get(id);
        return book.list(id);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/scenarios/:id/presence',
      summary: `A heartbeat while an edit form is open ({collection, id}); send one every ${presenceBeatMs / 1000} s, it ends ${presenceTtlMs / 1000} s after the last`,
      tag: 'scenarios',
      access: editors,
      body: {
        schema: Beat,
        refuse: () =>
          `presence: send {"collection": ${presenceCollections.map((c) => `"${c}"`).join(' | ')}, "id": "<object id>"}`,
      },
      handler: async (ctx) => {
        const id = ctx.params['id'] ?? '';
        await workspace.get(id);
        await mayAnnounce(workspace, id, ctx.actor, ctx.body.collection, ctx.body.id);
        return book.beat(id, ctx.actor, ctx.body.collection, ctx.body.id);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/scenarios/:id/presence',
      summary: 'The edit form closed (?collection=&id=): your presence on that object ends at once',
      tag: 'scenarios',
      access: editors,
      query: {
        collection: queryParam('the collection of the object', z.enum(presenceCollections)),
        id: queryParam('the object id', z.string().min(1).max(200)),
      },
      handler: async (ctx) => {
        const id = ctx.params['id'] ?? '';
        const c = ctx.query.collection;
        const item = ctx.query.id;
        if (c === undefined || item === undefined)
          throw new BulwarkError('usage', 'query parameters "collection" and "id" are required');
        await workspace.get(id);
        return book.leave(id, ctx.actor, c, item);
      },
    }),
  ];
}
