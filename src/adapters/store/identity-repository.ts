/** Users, sessions and API tokens (`IdentityRepository`); sessions and tokens are kept only as hashes. */
import { createHash, randomUUID } from 'node:crypto';
import type { ExpressionBuilder } from 'kysely';
import type {
  IdentityRepository,
  NewUserRecord,
  SessionRecord,
  TokenInfo,
  UserPatch,
  UserRecord,
} from '../../app/index.js';
import { BulwarkError } from '../../core/shared/index.js';
import { toJson, type StoreDatabase } from './database.js';
import type { Database, UserTable } from './schema.js';
import { userSubject } from './subjects.js';

/** The reference of a stored token: the first 16 hex digits of its SHA-256. */
const tokenRef = (hash: string): string => hash.slice(0, 16);

/** sha256 hex: tokens and session ids are stored only as their hash. */
export const sha256Hex = (s: string): string => createHash('sha256').update(s).digest('hex');

/** How long a looked-up session is reused without asking the database again (milliseconds). */
const SESSION_CACHE_MS = 5_000;
/** Most sessions kept in the cache (it is emptied when full). */
const SESSION_CACHE_SIZE = 10_000;

export class SqlIdentityRepository implements IdentityRepository {
  constructor(private readonly database: StoreDatabase) {}

  /**
   * Sessions looked up in the last SESSION_CACHE_MS, by token hash: every request of a signed-in user
   * looks its session up, and under load that query was the largest cost of a request that does nothing
   * else (docs/performance.md). Every change made through this repository applies at once: signing out
   * drops the entry, and any change to a user (disabled, password, role, nation) drops that user's
   * entries. A session's own expiry is checked on every hit. Only a change made outside this process (a
   * second server on the same PostgreSQL database) can go unseen, for at most SESSION_CACHE_MS.
   */
  private readonly sessions = new Map<string, { readonly record: SessionRecord; readonly until: number }>();

  /** Bumped by every sign-out and user change: a lookup that overlapped one is not cached. */
  private generation = 0;

  private forgetUserSessions(userId: string): void {
    this.generation++;
    for (const [k, v] of this.sessions) if (v.record.user.id === userId) this.sessions.delete(k);
  }

  async countUsers(): Promise<number> {
    const r = await this.database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async createUser(actor: string, u: NewUserRecord): Promise<UserRecord> {
    return this.database.write(async (trx, at) => {
      const taken = await trx
        .selectFrom('users')
        .select('username')
        .where(sameName(u.username))
        .executeTakeFirst();
      if (taken !== undefined)
        throw new BulwarkError(
          'conflict',
          taken.username === u.username
            ? `user "${u.username}" exists already`
            : `user "${taken.username}" exists already (user names are case-insensitive)`,
        );
      const row: UserTable = {
        id: randomUUID(),
        username: u.username,
        password_hash: u.passwordHash,
        role: u.role,
        nation: u.nation,
        created_at: at,
        disabled: 0,
        must_change_password: u.mustChangePassword === true ? 1 : 0,
      };
      await trx.insertInto('users').values(row).execute();
      await this.database.appendAudit(trx, {
        at,
        actor,
        action: 'user.create',
        target: `user/${u.username}`,
        scenario_id: null,
        scenario_version: null,
        before: null,
        after: toJson({
          username: u.username,
          role: u.role,
          nation: u.nation,
          ...(row.must_change_password === 1 ? { mustChangePassword: true } : {}),
        }),
        subject: userSubject(row),
      });
      return toUser(row);
    });
  }

  /**
   * Changes a user's role, nation, password hash (with whether it must be changed at the next sign-in) or
   * disabled flag; audited (never the hash). A new password or disabling ends every session of the user;
   * a new password also revokes every API token (tokens end with the password). `not-found` if absent.
   */
  async updateUser(actor: string, username: string, patch: UserPatch): Promise<UserRecord> {
    let userId: string | undefined;
    return this.database
      .write(async (trx, at) => {
        const row = await trx.selectFrom('users').selectAll().where(sameName(username)).executeTakeFirst();
        if (row === undefined) throw new BulwarkError('not-found', `no user "${username}"`);
        // Dropped now and again once the change is committed or abandoned (below).
        userId = row.id;
        this.forgetUserSessions(row.id);
        const next: UserTable = {
          ...row,
          ...(patch.role === undefined ? {} : { role: patch.role }),
          ...(patch.nation === undefined ? {} : { nation: patch.nation }),
          ...(patch.passwordHash === undefined ? {} : { password_hash: patch.passwordHash }),
          ...(patch.disabled === undefined ? {} : { disabled: patch.disabled ? 1 : 0 }),
          ...(patch.mustChangePassword === undefined
            ? {}
            : { must_change_password: patch.mustChangePassword ? 1 : 0 }),
        };
        await trx
          .updateTable('users')
          .set({
            role: next.role,
            nation: next.nation,
            password_hash: next.password_hash,
            disabled: next.disabled,
            must_change_password: next.must_change_password,
          })
          .where('id', '=', row.id)
          .execute();
        if (patch.passwordHash !== undefined || patch.disabled === true)
          await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
        const revoked =
          patch.passwordHash === undefined
            ? []
            : await trx.deleteFrom('tokens').where('user_id', '=', row.id).returning('id').execute();
        const view = (u: UserTable) => ({
          username: u.username,
          role: u.role,
          nation: u.nation,
          disabled: Number(u.disabled) !== 0,
          mustChangePassword: Number(u.must_change_password) !== 0,
        });
        const self = actor === row.username;
        await this.database.appendAudit(trx, {
          at,
          actor,
          action:
            patch.passwordHash === undefined ? 'user.update' : self ? 'user.password' : 'user.password-reset',
          target: `user/${row.username}`,
          scenario_id: null,
          scenario_version: null,
          before: toJson(view(row)),
          after: toJson({
            ...view(next),
            ...(revoked.length > 0 ? { tokensRevoked: revoked.map((t) => tokenRef(t.id)) } : {}),
          }),
          subject: userSubject(next),
        });
        return toUser(next);
      })
      .finally(() => {
        if (userId !== undefined) this.forgetUserSessions(userId);
      });
  }

  /** The user of that name, compared case-insensitively. */
  async getUserByName(username: string): Promise<UserRecord | undefined> {
    const row = await this.database.db
      .selectFrom('users')
      .selectAll()
      .where(sameName(username))
      .executeTakeFirst();
    return row === undefined ? undefined : toUser(row);
  }

  async listUsers(): Promise<UserRecord[]> {
    const rows = await this.database.db.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map(toUser);
  }

  /** Stores a session under the hash of its token. */
  async createSession(token: string, userId: string, csrf: string, ttlMs: number): Promise<void> {
    const now = this.database.now();
    await this.database.db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
    await this.database.db
      .insertInto('sessions')
      .values({
        id: sha256Hex(token),
        user_id: userId,
        csrf,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + ttlMs).toISOString(),
      })
      .execute();
  }

  /** The live session of a token with its (enabled) user, or undefined. */
  async getSession(token: string): Promise<SessionRecord | undefined> {
    const id = sha256Hex(token);
    const now = this.database.now().toISOString();
    const generation = this.generation;
    const cached = this.sessions.get(id);
    if (cached !== undefined) {
      if (cached.until > performance.now() && cached.record.expiresAt > now) return cached.record;
      this.sessions.delete(id);
    }
    const row = await this.database.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select(['sessions.csrf', 'sessions.expires_at'])
      .where('sessions.id', '=', id)
      .where('sessions.expires_at', '>', now)
      .where('users.disabled', '=', 0)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    const record = { user: toUser(row), csrf: row.csrf, expiresAt: row.expires_at };
    if (generation !== this.generation) return record;
    if (this.sessions.size >= SESSION_CACHE_SIZE) this.sessions.clear();
    this.sessions.set(id, { record, until: performance.now() + SESSION_CACHE_MS });
    return record;
  }

  async deleteSession(token: string): Promise<void> {
    const id = sha256Hex(token);
    this.generation++;
    this.sessions.delete(id);
    await this.database.db.deleteFrom('sessions').where('id', '=', id).execute();
    this.generation++;
    this.sessions.delete(id);
  }

  /** Stores an API token (its hash) for a user; audited as `token.create` (the reference, never the token). */
  async createToken(actor: string, token: string, user: UserRecord, name: string): Promise<TokenInfo> {
    return this.database.write(async (trx, at) => {
      const id = sha256Hex(token);
      await trx.insertInto('tokens').values({ id, user_id: user.id, name, created_at: at }).execute();
      const info = { id: tokenRef(id), name, username: user.username, createdAt: at };
      await this.database.appendAudit(trx, {
        at,
        actor,
        action: 'token.create',
        target: `token/${user.username}/${info.id}`,
        scenario_id: null,
        scenario_version: null,
        before: null,
        after: toJson({ id: info.id, name }),
        subject: null,
      });
      return info;
    });
  }

  /** A user's API tokens, newest first (references and names only). */
  async listTokens(user: UserRecord): Promise<TokenInfo[]> {
    const rows = await this.database.db
      .selectFrom('tokens')
      .select(['id', 'name', 'created_at'])
      .where('user_id', '=', user.id)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((r) => ({
      id: tokenRef(r.id),
      name: r.name,
      username: user.username,
      createdAt: r.created_at,
    }));
  }

  /** Revokes one of a user's tokens by its reference; audited as `token.revoke`. `not-found` if none. */
  async revokeToken(actor: string, user: UserRecord, ref: string): Promise<void> {
    await this.database.write(async (trx, at) => {
      const rows = await trx
        .selectFrom('tokens')
        .select(['id', 'name'])
        .where('user_id', '=', user.id)
        .execute();
      const hit = rows.find((r) => tokenRef(r.id) === ref);
      if (hit === undefined)
        throw new BulwarkError('not-found', `user "${user.username}" has no API token "${ref}"`);
      await trx.deleteFrom('tokens').where('id', '=', hit.id).execute();
      await this.database.appendAudit(trx, {
        at,
        actor,
        action: 'token.revoke',
        target: `token/${user.username}/${ref}`,
        scenario_id: null,
        scenario_version: null,
        before: toJson({ id: ref, name: hit.name }),
        after: null,
        subject: null,
      });
    });
  }

  async getTokenUser(token: string): Promise<UserRecord | undefined> {
    const row = await this.database.db
      .selectFrom('tokens')
      .innerJoin('users', 'users.id', 'tokens.user_id')
      .selectAll('users')
      .where('tokens.id', '=', sha256Hex(token))
      .where('users.disabled', '=', 0)
      .executeTakeFirst();
    return row === undefined ? undefined : toUser(row);
  }
}

function toUser(row: UserTable): UserRecord {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    role: row.role,
    nation: row.nation,
    createdAt: row.created_at,
    disabled: Number(row.disabled) !== 0,
    mustChangePassword: Number(row.must_change_password ?? 0) !== 0,
  };
}

/** `where` for a user name, case-insensitively (the unique index is on lower(username)). */
function sameName(username: string) {
  return (eb: ExpressionBuilder<Database, 'users'>) =>
    eb(eb.fn<string>('lower', ['username']), '=', username.toLowerCase());
}
