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
import type { RunRecord, RunRepository, RunStatus } from './run-repository.js';
import type { Actor } from './workspace-auth.js';
import { scenarioHash } from '../adapters/files/index.js';
import { storedInput, type ScenarioInput } from './scenario.js';

export interface RunProgress {
  readonly done: number;
  readonly total: number;
  readonly message?: string;
}

/** One kind of run: its options' schema and the function that does it (register it with `defineRunKind`). */
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
  /** Does the run on the stored version (variants applied) and returns what is stored as its result. */
  readonly run: (
    input: ScenarioInput,
    options: O,
    onProgress: (p: RunProgress) => void,
    signal: AbortSignal,
  ) => Promise<unknown>;
}

/** A run kind's options, parsed, bound to what the kind does with them. */
export interface PreparedRun {
  readonly options: unknown;
  readonly check: (scenario: Scenario) => readonly Issue[];
  readonly seed: (scenario: Scenario) => number | null;
  readonly run: (
    input: ScenarioInput,
    onProgress: (p: RunProgress) => void,
    signal: AbortSignal,
  ) => Promise<unknown>;
}

/** A run kind as the queue holds it: its options' type is closed over, so kinds of any options mix. */
export interface DefinedRunKind {
  readonly name: string;
  readonly description: string;
  /** Parses raw options with the kind's schema: zod's issues, or the run bound to the parsed options. */
  readonly prepare: (
    options: unknown,
  ) => { ok: false; issues: readonly z.core.$ZodIssue[] } | { ok: true; run: PreparedRun };
}

/** Registers a run kind with the queue, keeping its options typed inside (no casts at the call sites). */
export function defineRunKind<O>(kind: RunKind<O>): DefinedRunKind {
  return {
    name: kind.name,
    description: kind.description,
    prepare: (raw) => {
      const r = kind.options.safeParse(raw);
      if (!r.success) return { ok: false, issues: r.error.issues };
      const o = r.data;
      return {
        ok: true,
        run: {
          options: o,
          check: (s) => kind.check?.(o, s) ?? [],
          seed: (s) => kind.seed(o, s),
          run: (input, onProgress, signal) => kind.run(input, o, onProgress, signal),
        },
      };
    },
  };
}

export type RunEvent =
  | { readonly type: 'status'; readonly run: RunRecord }
  | { readonly type: 'progress'; readonly progress: RunProgress }
  | { readonly type: 'done'; readonly run: RunRecord };

/** A run request as the API takes it (the server checks bodies with this schema too). */
export const RunRequest = z.strictObject({
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

/**
 * Work one user may ask of the workspace (docs/api.md, "Limits"; set from the environment by
 * `src/config`). Runs beyond them are refused when submitted, with the limit in the message.
 */
export interface RunLimits {
  /** Monte Carlo runs per case of one run (its `runs`, `tornadoRuns`, `sobolRuns`, `maxRuns` options). */
  readonly maxRunsPerJob: number;
  /** Variants compared in one run (its `compare` option). */
  readonly maxComparedCases: number;
  /** Runs one user may have queued or running at once. */
  readonly maxQueuedPerUser: number;
  /** Wall-clock limit of one run, ms: a run past it is marked failed and the queue moves on. */
  readonly runDeadlineMs: number;
}

export const defaultRunLimits: RunLimits = {
  maxRunsPerJob: 1_000_000,
  maxComparedCases: 10,
  maxQueuedPerUser: 5,
  runDeadlineMs: 30 * 60_000,
};

/** Option names that count Monte Carlo runs. */
const RUN_COUNTS = ['runs', 'tornadoRuns', 'sobolRuns', 'maxRuns'] as const;

interface Queued {
  readonly id: string;
  /** Who submitted it (the fair queue takes users in turn). */
  readonly user: string;
  readonly run: PreparedRun;
  readonly input: ScenarioInput;
  readonly controller: AbortController;
}

export class RunQueue {
  private readonly kinds = new Map<string, DefinedRunKind>();
  private readonly waiting: Queued[] = [];
  private active: Queued | undefined;
  private readonly events = new EventEmitter();
  private readonly lastProgress = new Map<string, RunProgress>();
  private idle: Promise<void> = Promise.resolve();
  /** When each user's run was last started (a counter): the fair queue serves the longest-waiting user. */
  private readonly lastServed = new Map<string, number>();
  private served = 0;
  private readonly limits: RunLimits;

  constructor(
    private readonly repo: RunRepository,
    kinds: readonly DefinedRunKind[],
    /** How often progress is written to the database (ms); listeners get every event. */
    private readonly persistEveryMs = 1000,
    limits: Partial<RunLimits> = {},
  ) {
    this.limits = { ...defaultRunLimits, ...limits };
    for (const k of kinds) this.kinds.set(k.name, k);
    this.events.setMaxListeners(0);
  }

  kindNames(): { name: string; description: string }[] {
    return [...this.kinds.values()].map((k) => ({ name: k.name, description: k.description }));
  }

  /**
   * Validates the request, records the run as queued (audited) and schedules it; returns the stored run.
   * Throws `forbidden` (a viewer), `usage` (an unknown kind, invalid options, over a per-job limit),
   * `rate-limited` (too many runs queued by the user) or `scenario-invalid` (a variant does not apply).
   */
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
    const prepared = kind.prepare(req.data.options);
    if (!prepared.ok) throw optionsError(kind.name, optionIssues(prepared.issues));
    const run = prepared.run;
    this.checkLimits(actor, kind.name, run.options);
    let doc = scenario.document;
    if (req.data.variants.length > 0) {
      const applied = applyVariants(doc, req.data.variants);
      if (!applied.ok)
        throw new BulwarkError('scenario-invalid', 'the variants cannot be applied', applied.error);
      doc = applied.value.scenario;
    }
    const problems = run.check(doc);
    if (problems.length > 0)
      throw optionsError(
        kind.name,
        problems.map((i) => ({ ...i, path: ['options', ...i.path] })),
      );
    const record = await this.repo.insertRun({
      scenarioId: scenario.id,
      scenarioVersion: scenario.version,
      scenarioHash: scenario.hash,
      kind: kind.name,
      options: {
        variants: req.data.variants,
        options: run.options,
        ...(req.data.name === undefined ? {} : { name: req.data.name }),
        ...(req.data.note === undefined ? {} : { note: req.data.note }),
      },
      seed: run.seed(doc),
      createdBy: actor.username,
    });
    this.waiting.push({
      id: record.id,
      user: actor.username,
      run,
      input: storedInput(
        { id: scenario.id, version: scenario.version, hash: scenarioHash(doc) },
        doc,
        req.data.variants,
      ),
      controller: new AbortController(),
    });
    this.pump();
    return record;
  }

  /** A scenario's runs, newest first (the caller checks the scenario exists). */
  list(scenarioId: string): Promise<RunRecord[]> {
    return this.repo.listRuns(scenarioId);
  }

  /** The run, or undefined when there is none. */
  find(id: string): Promise<RunRecord | undefined> {
    return this.repo.getRun(id);
  }

  /** The run with its latest progress (live while it runs); throws `not-found` when there is none. */
  async get(id: string): Promise<RunRecord> {
    const r = await this.repo.getRun(id);
    if (r === undefined) throw new BulwarkError('not-found', `no run "${id}"`);
    return { ...r, progress: this.progressOf(r.id) ?? r.progress };
  }

  /** A finished run's stored result as JSON text; null when it has none (yet). */
  resultText(id: string): Promise<string | null> {
    return this.repo.getRunResult(id);
  }

  /** Cancels a queued or running run (its creator or a coordinator). */
  async cancel(actor: Actor, id: string): Promise<void> {
    const run = await this.repo.getRun(id);
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

  /** Refuses a run over the per-job limits, or one more than the user may have queued. */
  private checkLimits(actor: Actor, kind: string, options: unknown): void {
    const o = (options ?? {}) as Record<string, unknown>;
    const l = this.limits;
    for (const name of RUN_COUNTS) {
      const v = o[name];
      if (typeof v === 'number' && v > l.maxRunsPerJob)
        throw new BulwarkError(
          'usage',
          `${kind} options: ${name} ${v.toLocaleString('en-GB')} is over the workspace's limit of ${l.maxRunsPerJob.toLocaleString('en-GB')} runs per job (BULWARK_MAX_RUNS_PER_JOB)`,
        );
    }
    const compared = o['compare'];
    if (Array.isArray(compared) && compared.length > l.maxComparedCases)
      throw new BulwarkError(
        'usage',
        `${kind} options: ${compared.length} compared variants is over the workspace's limit of ${l.maxComparedCases} (BULWARK_MAX_COMPARED)`,
      );
    const mine =
      this.waiting.filter((q) => q.user === actor.username).length +
      (this.active?.user === actor.username ? 1 : 0);
    if (mine >= l.maxQueuedPerUser)
      throw new BulwarkError(
        'rate-limited',
        `${actor.username} already has ${mine} run${mine === 1 ? '' : 's'} queued or running, the most one user may have (BULWARK_MAX_QUEUED_PER_USER); wait for one to finish or cancel one`,
      );
  }

  /** The next run: the earliest of the user served longest ago (round robin by user, not first come). */
  private takeNext(): Queued | undefined {
    let best = -1;
    let bestServed = Infinity;
    this.waiting.forEach((q, i) => {
      const s = this.lastServed.get(q.user) ?? -1;
      if (s < bestServed) {
        bestServed = s;
        best = i;
      }
    });
    if (best < 0) return undefined;
    const [next] = this.waiting.splice(best, 1);
    if (next !== undefined) this.lastServed.set(next.user, this.served++);
    return next;
  }

  private pump(): void {
    if (this.active !== undefined) return;
    const next = this.takeNext();
    if (next === undefined) return;
    this.active = next;
    this.idle = this.execute(next).finally(() => {
      this.active = undefined;
      this.lastProgress.delete(next.id);
      this.pump();
    });
  }

  private async execute(q: Queued): Promise<void> {
    await this.repo.updateRun(q.id, { status: 'running', started: true });
    await this.emitStatus(q.id);
    let lastWrite = 0;
    const onProgress = (p: RunProgress): void => {
      this.lastProgress.set(q.id, p);
      this.events.emit(q.id, { type: 'progress', progress: p } satisfies RunEvent);
      const now = performance.now();
      if (now - lastWrite >= this.persistEveryMs) {
        lastWrite = now;
        void this.repo.updateRun(q.id, { progress: p }).catch(() => undefined);
      }
    };
    // The deadline: the run is told to stop, and the queue stops waiting for it, so one run can never
    // hold up every run queued behind it.
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        q.controller.abort();
        reject(new Error('deadline'));
      }, this.limits.runDeadlineMs);
    });
    try {
      const result = await Promise.race([q.run.run(q.input, onProgress, q.controller.signal), deadline]);
      if (timedOut) throw new Error('deadline');
      if (q.controller.signal.aborted) await this.finish(q.id, { status: 'cancelled' });
      else
        await this.finish(q.id, {
          status: 'succeeded',
          result,
          ...(this.lastProgress.has(q.id) ? { progress: this.lastProgress.get(q.id) } : {}),
        });
    } catch (e) {
      if (timedOut)
        await this.finish(q.id, {
          status: 'failed',
          error: `stopped at the workspace's run deadline of ${(this.limits.runDeadlineMs / 1000).toLocaleString('en-GB')} s (BULWARK_RUN_DEADLINE_SECONDS)`,
        });
      else if (q.controller.signal.aborted) await this.finish(q.id, { status: 'cancelled' });
      else await this.finish(q.id, { status: 'failed', error: e instanceof Error ? e.message : String(e) });
    } finally {
      clearTimeout(timer);
    }
  }

  private async finish(
    id: string,
    patch: { status: RunStatus; result?: unknown; error?: string; progress?: unknown },
  ): Promise<void> {
    await this.repo.updateRun(id, { ...patch, finished: true });
    const run = await this.repo.getRun(id);
    if (run !== undefined) this.events.emit(id, { type: 'done', run } satisfies RunEvent);
  }

  private async emitStatus(id: string): Promise<void> {
    const run = await this.repo.getRun(id);
    if (run !== undefined) this.events.emit(id, { type: 'status', run } satisfies RunEvent);
  }
}
