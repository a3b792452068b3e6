/** The canvass's asks and answers (`CanvassRepository`), audited. */
import { randomUUID } from 'node:crypto';
import type {
  AskPatch,
  CanvassAsk,
  CanvassRepository,
  CanvassStatus,
  NewAskRecord,
} from '../../app/index.js';
import { BulwarkError } from '../../core/shared/index.js';
import { toJson, type StoreDatabase } from './database.js';
import type { CanvassTable } from './schema.js';

const toAsk = (r: CanvassTable): CanvassAsk => ({
  id: r.id,
  scenarioId: r.scenario_id,
  mission: r.mission,
  capability: r.capability,
  nation: r.nation,
  status: r.status as CanvassStatus,
  offer: r.offer,
  note: r.note,
  askedBy: r.asked_by,
  askedAt: r.asked_at,
  updatedAt: r.updated_at,
});

export class SqlCanvassRepository implements CanvassRepository {
  constructor(private readonly database: StoreDatabase) {}

  /** A scenario's asks, oldest first. */
  async listCanvass(scenarioId: string): Promise<CanvassAsk[]> {
    const rows = await this.database.db
      .selectFrom('canvass')
      .selectAll()
      .where('scenario_id', '=', scenarioId)
      .orderBy('asked_at')
      .orderBy('id')
      .execute();
    return rows.map(toAsk);
  }

  /** Records that a nation was asked to fill a gap (and perhaps its answer); audited as `canvass.create`. */
  async createAsk(actor: string, a: NewAskRecord): Promise<CanvassAsk> {
    const ask = await this.database.write(async (trx, at) => {
      const row: CanvassTable = {
        id: randomUUID(),
        scenario_id: a.scenarioId,
        mission: a.mission,
        capability: a.capability,
        nation: a.nation,
        status: a.status,
        offer: a.offer,
        note: a.note,
        asked_by: actor,
        asked_at: at,
        updated_at: at,
      };
      await trx.insertInto('canvass').values(row).execute();
      const ask = toAsk(row);
      await this.database.appendAudit(trx, {
        at,
        actor,
        action: 'canvass.create',
        target: `canvass/${a.scenarioId}/${row.id}`,
        scenario_id: a.scenarioId,
        scenario_version: null,
        before: null,
        after: toJson(ask),
        subject: null,
      });
      return ask;
    });
    this.database.emit({ type: 'canvass', ask });
    return ask;
  }

  async updateAsk(actor: string, scenarioId: string, id: string, patch: AskPatch): Promise<CanvassAsk> {
    const ask = await this.database.write(async (trx, at) => {
      const row = await trx
        .selectFrom('canvass')
        .selectAll()
        .where('id', '=', id)
        .where('scenario_id', '=', scenarioId)
        .executeTakeFirst();
      if (row === undefined)
        throw new BulwarkError('not-found', `no canvass ask "${id}" in scenario "${scenarioId}"`);
      const next: CanvassTable = {
        ...row,
        ...(patch.status === undefined ? {} : { status: patch.status }),
        ...(patch.offer === undefined ? {} : { offer: patch.offer }),
        ...(patch.note === undefined ? {} : { note: patch.note }),
        updated_at: at,
      };
      await trx
        .updateTable('canvass')
        .set({ status: next.status, offer: next.offer, note: next.note, updated_at: at })
        .where('id', '=', id)
        .execute();
      await this.database.appendAudit(trx, {
        at,
        actor,
        action: 'canvass.update',
        target: `canvass/${scenarioId}/${id}`,
        scenario_id: scenarioId,
        scenario_version: null,
        before: toJson(toAsk(row)),
        after: toJson(toAsk(next)),
        subject: null,
      });
      return toAsk(next);
    });
    this.database.emit({ type: 'canvass', ask });
    return ask;
  }
}
