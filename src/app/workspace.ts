/**
 * Workspace use cases: the shared scenario, its objects (nations, pledges, catalog, missions and their
 * requirements, variants, capabilities, conditions), who may change which, and how a change is checked.
 *
 * Every edit: parse the object with the scenario's zod schema, check the role, check the object's version
 * (optimistic concurrency), replace it in the scenario, validate the whole scenario with its semantic
 * rules, and commit — all inside one store transaction, so a stale or invalid write changes nothing.
 */
import type { z } from 'zod';
import {
  Capability,
  Condition,
  Mission,
  Nation,
  newSourceId,
  type NewSource,
  Pledge,
  Requirement,
  Source,
  UnitType,
  Variant,
  applyVariants,
  validate,
  type RuleState,
  type Validated,
  zodIssues,
  type Scenario,
  type ScenarioSummary,
} from '../core/scenario/index.js';
import {
  BulwarkError,
  fail,
  hasErrors,
  issue,
  ok,
  semanticDiff,
  type FieldChange,
  type Issue,
  type Result,
} from '../core/shared/index.js';
import {
  likeLiteral,
  type AuditEntry,
  type AuditHead,
  type AuditRepository,
  type ChainCheck,
} from './audit-repository.js';
import type {
  Change,
  ScenarioRepository,
  ScenarioVersionInfo,
  StoredScenario,
} from './scenario-repository.js';
import { loadScenario, type LoadedScenario } from '../adapters/files/index.js';
import type { Actor, Role } from './workspace-auth.js';
import { ScenarioRules } from './workspace-rules.js';
import type { PledgedCoverage } from '../core/plan/index.js';
import type { MissionCoverage } from '../core/scenario/index.js';
import { pledgedCoverageHere } from './plan.js';
import {
  importIssues,
  planPledgeImport,
  type ImportMode,
  type ImportPlan,
  type Sheet,
} from './pledge-import.js';

/** A stale write: carries what the client needs to merge (the object's current version and value). */
export class ConflictError extends BulwarkError {
  constructor(
    message: string,
    readonly current: { readonly version: number; readonly value: unknown },
  ) {
    super('conflict', message);
  }
}

export const collectionNames = [
  'nations',
  'pledges',
  'catalog',
  'missions',
  'variants',
  'capabilities',
  'conditions',
] as const;
export type CollectionName = (typeof collectionNames)[number];

interface Item {
  readonly id: string;
  readonly [k: string]: unknown;
}

export interface CollectionSpec {
  /** Singular used in object keys, audit actions and messages. */
  readonly noun: string;
  readonly schema: z.ZodType;
  /** Roles that may write at all (the server's gate); `mayWrite` narrows liaisons to their own nation. */
  readonly writers: readonly Role[];
  /** Null when allowed, otherwise why not. Both `before` and `after` are checked (no moving a pledge away). */
  readonly mayWrite: (actor: Actor, before: Item | undefined, after: Item | undefined) => string | null;
}

const coordinatorOnly =
  (what: string) =>
  (actor: Actor): string | null =>
    actor.role === 'coordinator' ? null : `only a coordinator may change ${what}`;

const coordinator: readonly Role[] = ['coordinator'];
const editorRoles: readonly Role[] = ['coordinator', 'liaison'];

/** The collection table: each collection's schema and who may write it, for use cases and server alike. */
export const collections: Readonly<Record<CollectionName, CollectionSpec>> = {
  pledges: {
    noun: 'pledge',
    schema: Pledge,
    writers: editorRoles,
    mayWrite: (actor, before, after) => {
      if (actor.role === 'coordinator') return null;
      if (actor.role !== 'liaison') return 'viewers cannot change pledges';
      for (const p of [before, after])
        if (p !== undefined && p['nation'] !== actor.nation)
          return `a liaison of ${actor.nation ?? '?'} may change only ${actor.nation ?? '?'}'s pledges`;
      return null;
    },
  },
  nations: {
    noun: 'nation',
    schema: Nation,
    writers: editorRoles,
    mayWrite: (actor, before, after) => {
      if (actor.role === 'coordinator') return null;
      if (actor.role !== 'liaison') return 'viewers cannot change nations';
      if (before === undefined || after === undefined) return 'only a coordinator may add or remove nations';
      if (before.id !== actor.nation)
        return `a liaison of ${actor.nation ?? '?'} may change only its own nation`;
      if (after['role'] !== before['role']) return "only a coordinator may change a nation's role";
      return null;
    },
  },
  catalog: {
    noun: 'unit-type',
    schema: UnitType,
    writers: coordinator,
    mayWrite: coordinatorOnly('the catalog'),
  },
  missions: {
    noun: 'mission',
    schema: Mission,
    writers: coordinator,
    mayWrite: coordinatorOnly('missions and requirements'),
  },
  variants: {
    noun: 'variant',
    schema: Variant,
    writers: coordinator,
    mayWrite: coordinatorOnly('variants'),
  },
  capabilities: {
    noun: 'capability',
    schema: Capability,
    writers: coordinator,
    mayWrite: coordinatorOnly('capabilities'),
  },
  conditions: {
    noun: 'condition',
    schema: Condition,
    writers: coordinator,
    mayWrite: coordinatorOnly('conditions'),
  },
};

export const isCollection = (s: string): s is CollectionName =>
  (collectionNames as readonly string[]).includes(s);

/** A versioned object as the API returns it. */
export interface Versioned<T = unknown> {
  readonly version: number;
  readonly value: T;
  /**
   * The object's issues in the stored scenario, paths by id (`["pledges", "gbr-air", "units"]`): its
   * warnings, kept until the data changes, and errors of data saved before a rule existed. Set by reads
   * and edits of a collection's objects.
   */
  readonly issues?: readonly Issue[];
}

export type EditOp =
  | { readonly kind: 'create'; readonly body: unknown }
  | { readonly kind: 'update'; readonly body: unknown; readonly version: number }
  | { readonly kind: 'delete'; readonly version: number };

export interface EditResult {
  readonly scenarioVersion: number;
  readonly item: Versioned | null;
  readonly warnings: readonly Issue[];
}

export interface DryRunResult {
  readonly valid: boolean;
  readonly issues: readonly Issue[];
}

const objectKey = (c: CollectionName, id: string): string => `${collections[c].noun}:${id}`;
const revisionOf = (s: StoredScenario, key: string): number => s.revisions[key] ?? 1;

function items(doc: Scenario, c: CollectionName): readonly Item[] {
  return doc[c];
}

/**
 * Issue paths that point into an id'd list (`pledges[12].units`) are rewritten to use the id
 * (`pledges.GBR-typhoon.units`): indices shift as lists change, ids do not, and the web form matches on them.
 */
export function idPaths(doc: Scenario, issues: readonly Issue[]): Issue[] {
  return issues.map((i) => {
    const [head, index, ...rest] = i.path;
    if (typeof head !== 'string' || typeof index !== 'number' || !isCollection(head)) return i;
    const id = items(doc, head)[index]?.id;
    return id === undefined ? i : { ...i, path: [head, id, ...rest] };
  });
}

export interface WorkspaceSummary {
  readonly version: number;
  readonly hash: string;
  readonly variants: readonly string[];
  readonly summary: ScenarioSummary;
  readonly coverage: MissionCoverage[];
}

/** The ports the workspace's use cases take (`openStore` gives both). */
export interface WorkspaceRepositories {
  readonly scenarios: ScenarioRepository;
  readonly audit: AuditRepository;
}

export class Workspace {
  private readonly summaries = new Map<string, WorkspaceSummary>();
  /** Summaries being computed, by key, version and hash: concurrent readers of one version share one solve. */
  private readonly computing = new Map<string, Promise<WorkspaceSummary>>();
  private readonly rules = new ScenarioRules();

  constructor(
    private readonly repos: WorkspaceRepositories,
    /**
     * Computes a version's summary and coverage (the pledged plan's solve): on this thread by default; the
     * server passes its thread pool's coverage lane (`ThreadPool.coverage`), so the solve never blocks its
     * requests.
     */
    private readonly computeCoverage: (doc: Scenario) => Promise<PledgedCoverage> = pledgedCoverageHere,
  ) {}

  /** First start: stores the built-in scenario `name` as the workspace scenario of the same id. */
  async seed(
    name: string,
    id = name,
    actor = 'system',
    loaded: LoadedScenario = loadScenario(name),
  ): Promise<'seeded' | 'exists'> {
    if ((await this.repos.scenarios.getScenario(id)) !== undefined) return 'exists';
    await this.repos.scenarios.createScenario(id, loaded.scenario, actor, `seeded from ${name}`);
    return 'seeded';
  }

  /** Creates a workspace scenario from a built-in or a document (coordinator only). */
  async createScenario(
    actor: Actor,
    id: string,
    from: { builtin: string } | { document: unknown },
  ): Promise<StoredScenario> {
    requireRole(actor, 'coordinator', 'create scenarios');
    let doc: Scenario;
    if ('builtin' in from) doc = loadScenario(from.builtin).scenario;
    else {
      const r = validate(from.document);
      if (!r.ok) throw new BulwarkError('scenario-invalid', 'the scenario is not valid', r.error);
      doc = r.value.scenario;
    }
    return this.repos.scenarios.createScenario(
      id,
      doc,
      actor.username,
      'builtin' in from ? `created from built-in ${from.builtin}` : 'imported',
    );
  }

  async list(): Promise<
    { id: string; title: string; version: number; hash: string; updatedAt: string; updatedBy: string }[]
  > {
    return (await this.repos.scenarios.listScenarios()).map((s) => ({
      id: s.id,
      title: (s.document as Scenario).meta.title,
      version: s.version,
      hash: s.hash,
      updatedAt: s.updatedAt,
      updatedBy: s.updatedBy,
    }));
  }

  async get(id: string): Promise<StoredScenario & { document: Scenario }> {
    return (await this.repos.scenarios.requireScenario(id)) as StoredScenario & { document: Scenario };
  }

  /** The scenario's stored versions, newest first; `not-found` if there is no such scenario. */
  async versions(id: string): Promise<ScenarioVersionInfo[]> {
    await this.repos.scenarios.requireScenario(id);
    return this.repos.scenarios.listVersions(id);
  }

  /** Verifies the audit log (a broken log is `ok: false`, not a throw). */
  verifyAudit(): Promise<ChainCheck> {
    return this.repos.audit.verifyAudit();
  }

  /** The audit log's signed head (undefined before the first entry). */
  auditHead(): Promise<AuditHead | undefined> {
    return this.repos.audit.auditHead();
  }

  /** The scenario as of a stored version (current when omitted). */
  async document(
    id: string,
    version?: number,
  ): Promise<{ version: number; hash: string; scenario: Scenario }> {
    if (version === undefined) {
      const s = await this.get(id);
      return { version: s.version, hash: s.hash, scenario: s.document };
    }
    const v = await this.repos.scenarios.getVersion(id, version);
    return { version: v.version, hash: v.hash, scenario: v.document as Scenario };
  }

  /**
   * Summary and coverage of the current version, with variants applied in order when given; computed once
   * per version and variant list (versions never change). `scenario-invalid` if a variant does not apply.
   */
  async summary(id: string, variants: readonly string[] = []): Promise<WorkspaceSummary> {
    const s = await this.get(id);
    const key = `${id}\n${variants.join('\n')}`;
    const cached = this.summaries.get(key);
    if (cached !== undefined && cached.version === s.version && cached.hash === s.hash) return cached;
    const slot = `${key}\n${s.version}\n${s.hash}`;
    const pending = this.computing.get(slot);
    if (pending !== undefined) return pending;
    const work = this.computeSummary(key, s, variants).finally(() => this.computing.delete(slot));
    this.computing.set(slot, work);
    return work;
  }

  private async computeSummary(
    key: string,
    s: { version: number; hash: string; document: Scenario },
    variants: readonly string[],
  ): Promise<WorkspaceSummary> {
    let doc = s.document;
    if (variants.length > 0) {
      const applied = applyVariants(doc, variants);
      if (!applied.ok)
        throw new BulwarkError('scenario-invalid', 'the variants cannot be applied', applied.error);
      doc = applied.value.scenario;
    }
    // Coverage counts what the pledged plan has in place, so the workspace agrees with `bulwark plan`.
    const { summary, coverage } = await this.computeCoverage(doc);
    const value: WorkspaceSummary = { version: s.version, hash: s.hash, variants, summary, coverage };
    if (this.summaries.size > 100) this.summaries.clear();
    this.summaries.set(key, value);
    return value;
  }

  async listItems(id: string, c: CollectionName): Promise<{ scenarioVersion: number; items: Versioned[] }> {
    const s = await this.get(id);
    const issues = this.rules.issuesByObject(id, s.document, idPaths);
    return {
      scenarioVersion: s.version,
      items: items(s.document, c).map((value) => ({
        version: revisionOf(s, objectKey(c, value.id)),
        value,
        issues: issues.get(`${c}/${value.id}`) ?? [],
      })),
    };
  }

  async getItem(id: string, c: CollectionName, itemId: string): Promise<Versioned> {
    const s = await this.get(id);
    const value = items(s.document, c).find((x) => x.id === itemId);
    if (value === undefined)
      throw new BulwarkError('not-found', `no ${collections[c].noun} "${itemId}" in scenario "${id}"`);
    const issues = this.rules.issuesByObject(id, s.document, idPaths).get(`${c}/${itemId}`) ?? [];
    return { version: revisionOf(s, objectKey(c, itemId)), value, issues };
  }

  /**
   * Creates, replaces or deletes one object. Throws `forbidden`, `not-found`, `conflict` (a `ConflictError`
   * with the current version and value), or `scenario-invalid` with every issue (paths by id).
   */
  async edit(actor: Actor, id: string, c: CollectionName, itemId: string, op: EditOp): Promise<EditResult> {
    const after = op.kind === 'delete' ? undefined : parseItem(c, itemId, op.body);
    let warnings: readonly Issue[] = [];
    let state: RuleState | undefined;
    const saved = await this.repos.scenarios.mutateScenario(id, actor.username, (current) => {
      const planned = planEdit(actor, current, c, itemId, op, after, true, (doc) =>
        this.rules.check(id, doc),
      );
      warnings = planned.warnings;
      state = planned.state;
      return planned.mutation;
    });
    const doc = saved.document as Scenario;
    if (state?.scenario === doc) this.rules.remember(id, state);
    const value = items(doc, c).find((x) => x.id === itemId);
    const issues =
      value === undefined ? [] : this.rules.issuesByObject(id, doc, idPaths).get(`${c}/${itemId}`);
    return {
      scenarioVersion: saved.version,
      item:
        value === undefined
          ? null
          : { version: revisionOf(saved, objectKey(c, itemId)), value, issues: issues ?? [] },
      warnings,
    };
  }

  /** The same checks as `edit` without the version check and without committing: for instant validation. */
  async dryRun(
    actor: Actor,
    id: string,
    c: CollectionName,
    itemId: string,
    op: EditOp,
  ): Promise<DryRunResult> {
    try {
      const after = op.kind === 'delete' ? undefined : parseItem(c, itemId, op.body);
      const current = await this.get(id);
      const exists = items(current.document, c).some((x) => x.id === itemId);
      const effective: EditOp = op.kind === 'update' && !exists ? { kind: 'create', body: op.body } : op;
      const planned = planEdit(actor, current, c, itemId, effective, after, false, (doc) =>
        this.rules.check(id, doc),
      );
      return { valid: true, issues: planned.warnings };
    } catch (e) {
      if (e instanceof BulwarkError && e.code === 'scenario-invalid')
        return { valid: false, issues: e.issues };
      throw e;
    }
  }

  /** Replaces a mission's requirement list (coordinator only), versioned with the mission. */
  async putRequirements(
    actor: Actor,
    id: string,
    missionId: string,
    body: unknown,
    version: number,
  ): Promise<EditResult> {
    const list = Requirement.array().safeParse(body);
    if (!list.success)
      throw new BulwarkError(
        'scenario-invalid',
        'the requirements are not valid',
        prefix(zodIssues(list.error, body), ['missions', missionId, 'requirements']),
      );
    const mission = await this.getItem(id, 'missions', missionId);
    return this.edit(actor, id, 'missions', missionId, {
      kind: 'update',
      version,
      body: { ...(mission.value as object), requirements: body },
    });
  }

  /**
   * Adds a source to the scenario's `meta.sources` — a national letter or statement that pledges then cite.
   * Coordinators and liaisons may add (a liaison adds what their own nation's pledges will cite); nobody
   * replaces or removes a source this way, since other objects may cite it. The id is generated from the
   * citation when omitted. Audited as `source.create`. Throws `forbidden` for a viewer, `conflict` when the
   * given id is taken, `scenario-invalid` if the scenario would not pass its rules.
   */
  async addSource(actor: Actor, id: string, value: NewSource): Promise<SourceAdded> {
    if (actor.role !== 'coordinator' && actor.role !== 'liaison')
      throw new BulwarkError('forbidden', 'only a coordinator or a liaison may add sources');
    let added: SourceAdded['source'] | undefined;
    const saved = await this.repos.scenarios.mutateScenario(id, actor.username, (current) => {
      const doc = current.document as Scenario;
      const taken = new Set(Object.keys(doc.meta.sources));
      if (value.id !== undefined && taken.has(value.id))
        throw new ConflictError(
          `id: a source "${value.id}" exists already; choose another id, or leave it out to have one generated`,
          { version: revisionOf(current, `source:${value.id}`), value: doc.meta.sources[value.id] },
        );
      const sourceId = value.id ?? newSourceId(value.citation, value.date, taken);
      const { id: _id, ...fields } = value;
      const source = Source.parse(fields);
      const candidate: Scenario = {
        ...doc,
        meta: { ...doc.meta, sources: { ...doc.meta.sources, [sourceId]: source } },
      };
      const checked = validate(candidate);
      if (!checked.ok)
        throw new BulwarkError(
          'scenario-invalid',
          'the source would make the scenario invalid',
          checked.error,
        );
      added = { id: sourceId, ...source };
      return {
        document: checked.value.scenario,
        summary: `source.create ${sourceId}`,
        changes: [
          {
            action: 'source.create',
            key: `source:${sourceId}`,
            target: `scenario/${id}/sources/${sourceId}`,
            before: null,
            after: source,
          },
        ],
      };
    });
    if (added === undefined) throw new Error('addSource: the mutation did not run');
    return { scenarioVersion: saved.version, source: added };
  }

  /**
   * Audit entries, newest first, each with its semantic `changes` (field by field, no key-order noise).
   * Filters: scenario, exact target, `actor` (user name), `collection` (a scenario collection, or `users`,
   * `tokens`, `runs`) with an optional object `id`, and a time range (`from` inclusive, `to` exclusive).
   */
  async audit(q: AuditQuery): Promise<AuditView[]> {
    const entries = await this.repos.audit.listAudit({
      ...(q.scenarioId === undefined ? {} : { scenarioId: q.scenarioId }),
      ...(q.beforeSeq === undefined ? {} : { beforeSeq: q.beforeSeq }),
      ...(q.limit === undefined ? {} : { limit: q.limit }),
      ...(q.target === undefined ? {} : { target: q.target }),
      ...(q.actor === undefined ? {} : { actor: q.actor }),
      ...(q.from === undefined ? {} : { from: q.from }),
      ...(q.to === undefined ? {} : { to: q.to }),
      ...(q.collection === undefined ? {} : { targetLike: targetPattern(q.collection, q.objectId) }),
    });
    return entries.map((e) => ({ ...e, changes: entryChanges(e.before, e.after) }));
  }

  /**
   * What changed from version `from` to version `to` (either order): every field, and each object added,
   * removed or changed. `not-found` if either version does not exist.
   */
  async diff(id: string, from: number, to: number): Promise<VersionDiff> {
    const [a, b] = [
      await this.repos.scenarios.getVersion(id, from),
      await this.repos.scenarios.getVersion(id, to),
    ];
    const changes = semanticDiff(a.document, b.document);
    return { from, to, fromHash: a.hash, toHash: b.hash, objects: objectChanges(changes), changes };
  }

  /**
   * Imports a pledge sheet (pledge-import.ts): a dry run only reports; otherwise the import is saved as
   * one new version (audited per pledge) when no row is rejected, or refused with `scenario-invalid`
   * naming every sheet, row and column. `expected`: the scenario version the preview was made against;
   * `conflict` if the scenario moved on since (preview again).
   */
  async importPledges(
    actor: Actor,
    id: string,
    sheet: Sheet,
    o: { mode: ImportMode; dryRun: boolean; expected?: number },
  ): Promise<ImportReport> {
    const current = await this.get(id);
    const preview = planPledgeImport(current.document, sheet, actor, o.mode);
    if (o.dryRun) return reportOf(preview, current.version, true, null);
    let plan = preview;
    let base = current.version;
    if (!preview.ok)
      throw new BulwarkError(
        'scenario-invalid',
        `the sheet cannot be imported: ${preview.counts.rejected} row(s) rejected; nothing was saved`,
        importIssues(preview),
      );
    if (preview.document === null) return reportOf(preview, current.version, false, null);
    const saved = await this.repos.scenarios.mutateScenario(id, actor.username, (now) => {
      if (o.expected !== undefined && now.version !== o.expected)
        throw new ConflictError(
          `scenario "${id}" changed since version ${o.expected}: it is at version ${now.version}; preview the import again`,
          {
            version: now.version,
            value: { hash: now.hash, updatedBy: now.updatedBy, updatedAt: now.updatedAt },
          },
        );
      plan =
        now.version === current.version
          ? preview
          : planPledgeImport(now.document as Scenario, sheet, actor, o.mode);
      base = now.version;
      if (!plan.ok || plan.document === null)
        throw new BulwarkError(
          'scenario-invalid',
          'the sheet no longer applies to the current scenario; preview it again',
          importIssues(plan),
        );
      return {
        document: plan.document,
        summary: `import ${sheet.name}: ${plan.counts.added} added, ${plan.counts.changed} changed, ${plan.counts.removed} removed`,
        changes: plan.changes.map((c) => ({
          action: `pledge.${c.kind}`,
          key: objectKey('pledges', c.id),
          target: `scenario/${id}/pledges/${c.id}`,
          before: c.before,
          after: c.after,
        })),
      };
    });
    return reportOf(plan, base, false, { scenarioVersion: saved.version, hash: saved.hash });
  }

  /**
   * Makes version `to`'s document the new current version (coordinator only): a new version, audited as a
   * revert (`scenario.revert`, and `<noun>.revert` for each object it changes, whose versions advance).
   * `expected` is the scenario version the caller read: `conflict` if it moved on since, as for any write;
   * `scenario-invalid` if the old document no longer passes today's rules.
   */
  async revert(actor: Actor, id: string, to: number, expected: number): Promise<RevertResult> {
    requireRole(actor, 'coordinator', 'revert the scenario');
    const target = await this.repos.scenarios.getVersion(id, to);
    const checked = validate(target.document);
    if (!checked.ok)
      throw new BulwarkError(
        'scenario-invalid',
        `version ${to} does not pass the scenario's rules any more (${checked.error.length} issue${checked.error.length === 1 ? '' : 's'})`,
        checked.error,
      );
    let objects: ObjectChange[] = [];
    const saved = await this.repos.scenarios.mutateScenario(id, actor.username, (current) => {
      if (current.version !== expected)
        throw new ConflictError(
          `scenario "${id}" changed since version ${expected}: it is at version ${current.version}; review the newer versions and retry`,
          {
            version: current.version,
            value: { hash: current.hash, updatedBy: current.updatedBy, updatedAt: current.updatedAt },
          },
        );
      const doc = current.document as Scenario;
      objects = objectChanges(semanticDiff(doc, checked.value.scenario));
      const changes: Change[] = [
        {
          action: 'scenario.revert',
          key: '',
          target: `scenario/${id}`,
          before: { version: current.version, hash: current.hash },
          after: { revertedTo: to, hash: target.hash },
        },
        ...objects.map((o) => ({
          action: `${collections[o.collection].noun}.revert`,
          key: objectKey(o.collection, o.id),
          target: `scenario/${id}/${o.collection}/${o.id}`,
          before: items(doc, o.collection).find((x) => x.id === o.id) ?? null,
          after: items(checked.value.scenario, o.collection).find((x) => x.id === o.id) ?? null,
        })),
      ];
      return { document: checked.value.scenario, summary: `revert to version ${to}`, changes };
    });
    return { scenarioVersion: saved.version, hash: saved.hash, revertedTo: to, objects };
  }
}

/** What adding a source answers: the new scenario version and the source as stored, with its id. */
export interface SourceAdded {
  readonly scenarioVersion: number;
  readonly source: Source & { readonly id: string };
}

/** What an import answers: the plan's report (without the document), and what was saved. */
export type ImportReport = Omit<ImportPlan, 'document' | 'changes'> & {
  readonly dryRun: boolean;
  /** The scenario version the report was made against. */
  readonly scenarioVersion: number;
  /** The new version, when the import was saved. */
  readonly saved: { readonly scenarioVersion: number; readonly hash: string } | null;
};

function reportOf(
  plan: ImportPlan,
  version: number,
  dryRun: boolean,
  saved: ImportReport['saved'],
): ImportReport {
  const { document: _d, changes: _c, ...rest } = plan;
  return { ...rest, dryRun, scenarioVersion: version, saved };
}

export interface AuditQuery {
  readonly scenarioId?: string;
  readonly beforeSeq?: number;
  readonly limit?: number;
  readonly target?: string;
  readonly actor?: string;
  readonly collection?: AuditCollection;
  readonly objectId?: string;
  readonly from?: string;
  readonly to?: string;
}

/** What the audit can be filtered by: a scenario collection, or users, tokens, runs and canvass asks. */
export const auditCollections = [
  ...collectionNames,
  'sources',
  'users',
  'tokens',
  'runs',
  'canvass',
] as const;
export type AuditCollection = (typeof auditCollections)[number];

/** An audit entry with its semantic field changes. */
export interface AuditView extends AuditEntry {
  readonly changes: readonly FieldChange[];
}

/** One object a diff touches. */
export interface ObjectChange {
  readonly collection: CollectionName;
  readonly id: string;
  readonly kind: FieldChange['kind'];
}

export interface VersionDiff {
  readonly from: number;
  readonly to: number;
  readonly fromHash: string;
  readonly toHash: string;
  readonly objects: readonly ObjectChange[];
  readonly changes: readonly FieldChange[];
}

export interface RevertResult {
  readonly scenarioVersion: number;
  readonly hash: string;
  readonly revertedTo: number;
  readonly objects: readonly ObjectChange[];
}

/** An entry's changes: a created or deleted object shows each of its fields as added or removed. */
function entryChanges(before: unknown, after: unknown): FieldChange[] {
  const isObject = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (before === null && isObject(after)) return semanticDiff({}, after);
  if (after === null && isObject(before)) return semanticDiff(before, {});
  return semanticDiff(before, after);
}

/** The objects of the scenario's collections that a whole-document diff touches, once each. */
function objectChanges(changes: readonly FieldChange[]): ObjectChange[] {
  const seen = new Map<string, ObjectChange>();
  for (const c of changes) {
    const [head, id] = c.path;
    if (typeof head !== 'string' || typeof id !== 'string' || !isCollection(head)) continue;
    const key = `${head}/${id}`;
    if (!seen.has(key))
      seen.set(key, { collection: head, id, kind: c.path.length === 2 ? c.kind : 'changed' });
  }
  return [...seen.values()];
}

/** The LIKE pattern of audit targets in a collection (and of one object in it). */
function targetPattern(c: AuditCollection, objectId: string | undefined): string {
  const idPart = objectId === undefined ? '%' : likeLiteral(objectId);
  if (c === 'users') return `user/${idPart}`;
  if (c === 'tokens') return `token/${idPart}${objectId === undefined ? '' : '/%'}`;
  if (c === 'runs') return `run/${idPart}`;
  if (c === 'canvass') return `canvass/%/${idPart}`;
  return `scenario/%/${c}/${idPart}`;
}

export function requireRole(actor: Actor, role: Actor['role'], what: string): void {
  if (actor.role !== role) throw new BulwarkError('forbidden', `only a ${role} may ${what}`);
}

function prefix(issues: readonly Issue[], path: readonly (string | number)[]): Issue[] {
  return issues.map((i) => ({ ...i, path: [...path, ...i.path] }));
}

/**
 * Validates a scenario after a one-object change. The stored scenario passed the schema and the changed
 * object passed its own schema, so the shape holds and only the semantic rules need to run (the
 * whole-document zod parse is two thirds of the cost), incrementally from the last state (`check`) — except
 * when a delete empties a list, which the schema may require to be non-empty: then it is validated in full.
 */
function checkCandidate(
  candidate: Scenario,
  full: boolean,
  check: (doc: Scenario) => RuleState,
): { result: Result<Validated>; state?: RuleState } {
  if (full) return { result: validate(candidate) };
  const state = check(candidate);
  const found = [...state.issues];
  return { result: hasErrors(found) ? fail(found) : ok({ scenario: candidate, warnings: found }), state };
}

/** Parses an object body with its collection's schema; the id comes from the URL. */
function parseItem(c: CollectionName, itemId: string, body: unknown): Item {
  const base = `${c}.${itemId}`;
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new BulwarkError('scenario-invalid', `${base}: expected an object`, [
      issue('schema.invalid-type', [c, itemId], 'expected an object'),
    ]);
  const withId = { ...(body as Record<string, unknown>) };
  if (withId['id'] === undefined) withId['id'] = itemId;
  if (withId['id'] !== itemId)
    throw new BulwarkError('scenario-invalid', `${base}: the id in the body differs from the URL`, [
      issue(
        'schema.id-mismatch',
        [c, itemId, 'id'],
        `the id must be "${itemId}" (ids are renamed by delete and create)`,
      ),
    ]);
  const parsed = collections[c].schema.safeParse(withId);
  if (!parsed.success)
    throw new BulwarkError(
      'scenario-invalid',
      `${base} is not valid`,
      prefix(zodIssues(parsed.error, withId), [c, itemId]),
    );
  return parsed.data as Item;
}

function planEdit(
  actor: Actor,
  current: StoredScenario,
  c: CollectionName,
  itemId: string,
  op: EditOp,
  after: Item | undefined,
  checkVersion: boolean,
  check: (doc: Scenario) => RuleState,
): {
  mutation: { document: Scenario; summary: string; changes: Change[] };
  warnings: readonly Issue[];
  state: RuleState | undefined;
} {
  const spec = collections[c];
  const doc = current.document as Scenario;
  const list = items(doc, c);
  const index = list.findIndex((x) => x.id === itemId);
  const before = list[index];
  const key = objectKey(c, itemId);
  const version = revisionOf(current, key);
  // A create is judged as a create even when the id exists (it then fails as a conflict, if allowed).
  const denied = spec.mayWrite(actor, op.kind === 'create' ? undefined : before, after);
  if (denied !== null) throw new BulwarkError('forbidden', denied);
  if (op.kind === 'create' && before !== undefined)
    throw new ConflictError(`${spec.noun} "${itemId}" exists already`, { version, value: before });
  if (op.kind !== 'create' && before === undefined)
    throw new BulwarkError('not-found', `no ${spec.noun} "${itemId}" in scenario "${current.id}"`);
  if (checkVersion && op.kind !== 'create' && op.version !== version)
    throw new ConflictError(
      `${spec.noun} "${itemId}" changed since version ${op.version}: it is at version ${version}; reload, reapply and retry`,
      { version, value: before },
    );
  const next: Item[] = [...list];
  if (op.kind === 'create' && after !== undefined) next.push(after);
  else if (after !== undefined) next[index] = after;
  else next.splice(index, 1);
  const candidate = { ...doc, [c]: next };
  const { result: checked, state } = checkCandidate(candidate, next.length === 0, check);
  if (!checked.ok)
    throw new BulwarkError(
      'scenario-invalid',
      `the change would make the scenario invalid (${checked.error.length} issue${checked.error.length === 1 ? '' : 's'})`,
      idPaths(candidate, checked.error),
    );
  const action = `${spec.noun}.${op.kind}`;
  return {
    mutation: {
      document: checked.value.scenario,
      summary: `${action} ${itemId}`,
      changes: [
        {
          action,
          key,
          target: `scenario/${current.id}/${c}/${itemId}`,
          before: before ?? null,
          after: after ?? null,
        },
      ],
    },
    warnings: idPaths(checked.value.scenario, checked.value.warnings),
    state,
  };
}
