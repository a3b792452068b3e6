/**
 * Migrations, one list for both databases: kysely's schema builder emits the dialect's SQL. Append new
 * migrations; never edit one that has shipped.
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const migrations: Record<string, Migration> = {
  '0001-workspace': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('scenarios')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())

        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('revisions', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('scenario_versions')
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('scenario_versions_pk', ['scenario_id', 'version'])
        .execute();
      await db.schema
        .createTable('audit')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('scenario_id', 'text')
        .addColumn('scenario_version', 'integer')
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_scenario').on('audit').columns(['scenario_id', 'seq']).execute();
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('nation', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('csrf', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('scenario_version', 'integer', (c) => c.notNull())
        .addColumn('scenario_hash', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('options', 'text', (c) => c.notNull())
        .addColumn('seed', 'bigint')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('progress', 'text')
        .addColumn('result', 'text')
        .addColumn('error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema
        .createIndex('runs_scenario')
        .on('runs')
        .columns(['scenario_id', 'created_at'])
        .execute();
    },
  },
  '0002-audit-anchor': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('audit').addColumn('subject', 'text').execute();
      await db.schema
        .createTable('audit_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('entries', 'integer', (c) => c.notNull())
        .addColumn('head', 'text', (c) => c.notNull())
        .addColumn('signature', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  // User names become case-insensitive (unique on lower(username)); a coordinator-set password must be
  // changed at the next sign-in. Names that already clash except in case stop the upgrade, named, so an
  // operator decides which account stays: nothing is renamed or lost silently.
  '0003-accounts': {
    async up(db: Kysely<unknown>): Promise<void> {
      const clashes = await sql<{ name: string; n: number }>`
        select lower(username) as name, count(*) as n from users group by lower(username) having count(*) > 1`.execute(
        db,
      );
      if (clashes.rows.length > 0)
        throw new Error(
          `user names are now case-insensitive, and these exist more than once in different case: ${clashes.rows
            .map((r) => r.name)
            .join(', ')}; remove or rename all but one of each (table users), then start again`,
        );
      await db.schema
        .alterTable('users')
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await sql`create unique index users_username_lower on users (lower(username))`.execute(db);
    },
  },
  // The canvass: who was asked to fill which gap, and what they offered.
  '0004-canvass': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('canvass')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('mission', 'text', (c) => c.notNull())
        .addColumn('capability', 'text', (c) => c.notNull())
        .addColumn('nation', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('offer', 'text')
        .addColumn('note', 'text')
        .addColumn('asked_by', 'text', (c) => c.notNull())
        .addColumn('asked_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('canvass_scenario')
        .on('canvass')
        .columns(['scenario_id', 'asked_at'])
        .execute();
    },
  },
  // Compact versions (issue 18 item 6, decision 0009): a version is stored whole or as a patch on the one
  // before. Existing rows are whole, and read as before.
  '0005-compact-versions': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('scenario_versions')
        .addColumn('encoding', 'text', (c) => c.notNull().defaultTo('full'))
        .execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
