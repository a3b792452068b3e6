/**
 * Runs in the workspace: plan, assurance and briefing jobs queued in-process, one at a time (each already
 * uses every core it needs), with progress fanned out to listeners (the server streams it as server-sent
 * events) and the result stored with the exact scenario version, its hash and the seed.
 *
 * A run kind is a small interface, so the queue knows nothing about planning or simulation.
 */
import { EventEmitter } from 'node:events';
import { z } from 'zod';
import { applyVariants, type Scenario } from '../core/scenario/index.js';
import { BulwarkError, type Issue } from '../core/shared/index.js';
import type { RunRecord, RunStatus, Store } from '../adapters/store/index.js';
import type { Actor } from './workspace-auth.js';

export interface RunProgress {
  readonly done: number;
  readonly total: number;
  readonly message?: string;
}

/** One kind of run: its options' schema and the function that does it. */
export interface RunKind<O = Record<string, unknown>> {
  readonly name: string;
  readonly description: string;
  /** Options after `variants` is taken out (the queue applies variants itself). */
  readonly options: z.ZodType<O>;
  /**
   * Problems with the options that only the scenario shows (a backstop case it does not have), found when
   * the run is submitted so they answer 400 rather than fail the run; paths start at the option's name.
   */
  readonly check?: (options: O, scenario: Scenario) => readonly Issue[];
  /** The seed this run uses, stored with the result (null for deterministic kinds such as plan). */
  readonly seed: (options: O, scenario: Scenario) => number | null;
  readonly run: (
    scenario: Scenario,
    options: O,
    onProgress: (p: RunProgress) => void,
    signal: AbortSignal,
  ) => Promise<unknown>;
}

export type RunEvent =
  | { readonly type: 'status'; readonly run: RunRecord }
  | { readonly type: 'progress'; readonly progress: RunProgress }
  | { readonly type: 'done'; readonly run: RunRecord };

const RunRequest = z.strictObject({
  kind: z.string().min(1),
  /** Variants applied in order before the run. */
  variants: z.array(z.string()).default([]),
  /** A stored scenario version; the current one when omitted. */
  version: z.number().int().min(1).optional(),
  options: z.record(z.string(), z.unknown()).default({}),
  /** What the run is for, in the submitter's words (shown in the run list; stored with the run's options). */
  name: z.string().trim().min(1).max(200).optional(),
  note: z.string().trim().min(1).max(2000).optional(),
});
export type RunRequest = z.input<typeof RunRequest>;

/** Zod's issues with a run's options as Bulwark issues (`run.option`, path `options.<name>…`). */
function optionIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.map((i) => ({
    code: 'run.option',
    severity: 'error',
    path: ['options', ...i.path.map((k) => (typeof k === 'symbol' ? String(k) : k))],
    message: i.message,
  }));
}

const optionsError = (kind: string, issues: readonly Issue[]): BulwarkError =>
  new BulwarkError(
    'usage',
    `${kind} options: ${issues.map((i) => `${i.path.slice(1).join('.')} ${i.message}`).join('; ')}`,
    issues,
  );

const terminal: readonly RunStatus[] = ['succeeded', 'failed', 'cancelled', 'interrupted'];
export const isTerminal = (s: RunStatus): boolean => terminal.includes(s);

interface Queued {
  readonly id: string;
  readonly kind: RunKind<unknown>;
  readonly scenario: Scenario;
  readonly options: unknown;
  readonly controller: AbortController;
}

export class RunQueue {
  private readonly kinds = new Map<string, RunKind<unknown>>();
  private readonly waiting: Queued[] = [];
  private active: Queued | undefined;
  private readonly events = new EventEmitter();
  private readonly lastProgress = new Map<string, RunProgress>();
  private idle: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    kinds: readonly RunKind<never>[],
    /** How often progress is written to the database (ms); listeners get every event. */
    private readonly persistEveryMs = 1000,
  ) {
    for (const k of kinds) this.kinds.set(k.name, k as unknown as RunKind<unknown>);
    this.events.setMaxListeners(0);
  }

  kindNames(): { name: string; description: string }[] {
    return [...this.kinds.values()].map((k) => ({ name: k.name, description: k.description }));
  }

  /** Validates the request, records the run as queued and schedules it. */
  async submit(
    actor: Actor,
    scenario: { id: string; version: number; hash: string; document: Scenario },
    body: unknown,
  ): Promise<RunRecord> {
    if (actor.role === 'viewer') throw new BulwarkError('forbidden', 'viewers cannot start runs');
    const req = RunRequest.safeParse(body);
    if (!req.success)
      throw new BulwarkError(
        'usage',
        `run request: ${req.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );
    const kind = this.kinds.get(req.data.kind);
    if (kind === undefined)
      throw new BulwarkError(
        'usage',
        `unknown run kind "${req.data.kind}" (available: ${[...this.kinds.keys()].join(', ') || 'none'})`,
      );
    const opts = kind.options.safeParse(req.data.options);
    if (!opts.success) throw optionsError(kind.name, optionIssues(opts.error.issues));
    let doc = scenario.document;
    if (req.data.variants.length > 0) {
      const applied = applyVariants(doc, req.data.variants);
      if (!applied.ok)
        throw new BulwarkError('scenario-invalid', 'the variants cannot be applied', applied.error);
      doc = applied.value.scenario;
    }
    const problems = kind.check?.(opts.data, doc) ?? [];
    if (problems.length > 0)
      throw optionsError(
        kind.name,
        problems.map((i) => ({ ...i, path: ['options', ...i.path] })),
      );
    const record = await this.store.insertRun({
      scenarioId: scenario.id,
      scenarioVersion: scenario.version,
      scenarioHash: scenario.hash,
      kind: kind.name,
      options: {
        variants: req.data.variants,
        options: opts.data,
        ...(req.data.name === undefined ? {} : { name: req.data.name }),
        ...(req.data.note === undefined ? {} : { note: req.data.note }),
      },
      seed: kind.seed(opts.data, doc),
      createdBy: actor.username,
    });
    this.waiting.push({
      id: record.id,
      kind,
      scenario: doc,
      options: opts.data,
      controller: new AbortController(),
    });
    this.pump();
    return record;
  }

  /** Cancels a queued or running run (its creator or a coordinator). */
  async cancel(actor: Actor, id: string): Promise<void> {
    const run = await this.store.getRun(id);
    if (run === undefined) throw new BulwarkError('not-found', `no run "${id}"`);
    if (actor.role !== 'coordinator' && actor.username !== run.createdBy)
      throw new BulwarkError('forbidden', 'only its creator or a coordinator may cancel a run');
    const queued = this.waiting.findIndex((q) => q.id === id);
    if (queued >= 0) {
      this.waiting.splice(queued, 1);
      await this.finish(id, { status: 'cancelled' });
    } else if (this.active?.id === id) this.active.controller.abort();
  }

  /** Subscribes to a run's events; returns the unsubscribe function. */
  subscribe(id: string, listener: (e: RunEvent) => void): () => void {
    this.events.on(id, listener);
    return () => this.events.off(id, listener);
  }

  /** The latest progress of an active run (not yet persisted, perhaps). */
  progressOf(id: string): RunProgress | undefined {
    return this.lastProgress.get(id);
  }

  /** Resolves when the queue has nothing left to do (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.active !== undefined || this.waiting.length > 0) await this.idle;
  }

  /** Aborts everything; queued runs are marked cancelled. */
  async stop(): Promise<void> {
    for (const q of this.waiting.splice(0)) await this.finish(q.id, { status: 'cancelled' });
    this.active?.controller.abort();
    await this.drain();
  }

  private pump(): void {
    if (this.active !== undefined) return;
    const next = this.waiting.shift();
    if (next === undefined) return;
    this.active = next;
    this.idle = this.execute(next).finally(() => {
      this.active = undefined;
      this.lastProgress.delete(next.id);
      this.pump();
    });
  }

  private async execute(q: Queued): Promise<void> {
    await this.store.updateRun(q.id, { status: 'running', started: true });
    await this.emitStatus(q.id);
    let lastWrite = 0;
    const onProgress = (p: RunProgress): void => {
      this.lastProgress.set(q.id, p);
      this.events.emit(q.id, { type: 'progress', progress: p } satisfies RunEvent);
      const now = performance.now();
      if (now - lastWrite >= this.persistEveryMs) {
        lastWrite = now;
        void this.store.updateRun(q.id, { progress: p }).catch(() => undefined);
      }
    };
    try {
      const result = await q.kind.run(q.scenario, q.options, onProgress, q.controller.signal);
      if (q.controller.signal.aborted) await this.finish(q.id, { status: 'cancelled' });
      else
        await this.finish(q.id, {
          status: 'succeeded',
          result,
          ...(this.lastProgress.has(q.id) ? { progress: this.lastProgress.get(q.id) } : {}),
        });
    } catch (e) {
      if (q.controller.signal.aborted) await this.finish(q.id, { status: 'cancelled' });
      else await this.finish(q.id, { status: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  }

  private async finish(
    id: string,
    patch: { status: RunStatus; result?: unknown; error?: string; progress?: unknown },
  ): Promise<void> {
    await this.store.updateRun(id, { ...patch, finished: true });
    const run = await this.store.getRun(id);
    if (run !== undefined) this.events.emit(id, { type: 'done', run } satisfies RunEvent);
  }

  private async emitStatus(id: string): Promise<void> {
    const run = await this.store.getRun(id);
    if (run !== undefined) this.events.emit(id, { type: 'status', run } satisfies RunEvent);
  }
}
