/** Runs with the scenario version, hash and seed they ran on (`RunRepository`). */
import { randomUUID } from 'node:crypto';
import type { NewRun, RunPatch, RunRecord, RunRepository, RunStatus } from '../../app/index.js';
import { parseJson, toJson, type StoreDatabase } from './database.js';
import type { RunTable } from './schema.js';
import { runSubject } from './subjects.js';

export class SqlRunRepository implements RunRepository {
  constructor(private readonly database: StoreDatabase) {}

  async insertRun(r: NewRun): Promise<RunRecord> {
    return this.database
      .write(async (trx, at) => {
        const row: RunTable = {
          id: randomUUID(),
          scenario_id: r.scenarioId,
          scenario_version: r.scenarioVersion,
          scenario_hash: r.scenarioHash,
          kind: r.kind,
          options: JSON.stringify(r.options),
          seed: r.seed,
          status: 'queued',
          progress: null,
          result: null,
          error: null,
          created_at: at,
          created_by: r.createdBy,
          started_at: null,
          finished_at: null,
        };
        await trx.insertInto('runs').values(row).execute();
        await this.database.appendAudit(trx, {
          at,
          actor: r.createdBy,
          action: 'run.create',
          target: `run/${row.id}`,
          scenario_id: r.scenarioId,
          scenario_version: r.scenarioVersion,
          before: null,
          after: toJson({ kind: r.kind, options: r.options, seed: r.seed }),
          subject: runSubject(row),
        });
        return toRun(row);
      })
      .then((run) => {
        this.database.emit({ type: 'run', run });
        return run;
      });
  }

  async updateRun(id: string, patch: RunPatch): Promise<void> {
    const at = this.database.now().toISOString();
    await this.database.db
      .updateTable('runs')
      .set({
        ...(patch.status === undefined ? {} : { status: patch.status }),
        ...(patch.progress === undefined ? {} : { progress: toJson(patch.progress) }),
        ...(patch.result === undefined ? {} : { result: toJson(patch.result) }),
        ...(patch.error === undefined ? {} : { error: patch.error }),
        ...(patch.started === true ? { started_at: at } : {}),
        ...(patch.finished === true ? { finished_at: at } : {}),
      })
      .where('id', '=', id)
      .execute();
    if (patch.status !== undefined) {
      const run = await this.getRun(id);
      if (run !== undefined) this.database.emit({ type: 'run', run });
    }
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    const row = await this.database.db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toRun(row);
  }

  /** The stored result JSON text of a finished run (kept as text: it can be large). */
  async getRunResult(id: string): Promise<string | null> {
    const row = await this.database.db
      .selectFrom('runs')
      .select('result')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.result ?? null;
  }

  async listRuns(scenarioId: string, limit = 50): Promise<RunRecord[]> {
    const rows = await this.database.db
      .selectFrom('runs')
      .selectAll()
      .where('scenario_id', '=', scenarioId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toRun);
  }

  /** After a restart, runs that were queued or running are no longer: mark them interrupted. */
  async interruptUnfinishedRuns(): Promise<number> {
    const r = await this.database.db
      .updateTable('runs')
      .set({ status: 'interrupted', finished_at: this.database.now().toISOString() })
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}

function toRun(row: RunTable): RunRecord {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    scenarioVersion: Number(row.scenario_version),
    scenarioHash: row.scenario_hash,
    kind: row.kind,
    options: parseJson(row.options),
    seed: row.seed === null ? null : Number(row.seed),
    status: row.status as RunStatus,
    progress: parseJson(row.progress),
    error: row.error,
    createdAt: row.created_at,
    createdBy: row.created_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
