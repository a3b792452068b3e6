import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/services/databases.js';
import { freshStores } from './testing.js';

describe.each(testDatabases())('identity repository on $name', (database) => {
  const { fresh } = freshStores(database);

  it('keeps sessions and tokens only as hashes and expires sessions', async () => {
    const { store } = await fresh();
    const u = await store.identity.createUser('system', {
      username: 'ann',
      passwordHash: 'x',
      role: 'viewer',
      nation: null,
    });
    await store.identity.createSession('secret-token', u.id, 'csrf', 10_000);
    expect((await store.identity.getSession('secret-token'))?.user.username).toBe('ann');
    const rows = await store.db.selectFrom('sessions').select('id').execute();
    expect(rows[0]?.id).not.toContain('secret');
    await store.identity.createSession('short', u.id, 'csrf', 0);
    expect(await store.identity.getSession('short')).toBeUndefined();
    await store.identity.createToken('ann', 'bwt_abc', u, 'ci');
    expect((await store.identity.getTokenUser('bwt_abc'))?.username).toBe('ann');
    expect(await store.identity.getTokenUser('bwt_other')).toBeUndefined();
    await expect(
      store.identity.createUser('system', {
        username: 'ann',
        passwordHash: 'y',
        role: 'viewer',
        nation: null,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  // Regression (issue 16, Low 12): "Ann" and "ann" were two users.
  it('treats user names case-insensitively, in the queries and in a unique index', async () => {
    const { store } = await fresh();
    await store.identity.createUser('system', {
      username: 'Ann',
      passwordHash: 'x',
      role: 'viewer',
      nation: null,
    });
    await expect(
      store.identity.createUser('system', {
        username: 'ann',
        passwordHash: 'y',
        role: 'viewer',
        nation: null,
      }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('case-insensitive') as unknown,
    });
    expect((await store.identity.getUserByName('ANN'))?.username).toBe('Ann');
    expect((await store.identity.updateUser('system', 'aNN', { role: 'coordinator' })).role).toBe(
      'coordinator',
    );
    // Below the queries, the database itself refuses a second spelling.
    await expect(
      store.db
        .insertInto('users')
        .values({
          id: 'x2',
          username: 'ANN',
          password_hash: 'z',
          role: 'viewer',
          nation: null,
          created_at: 'now',
          disabled: 0,
          must_change_password: 0,
        })
        .execute(),
    ).rejects.toThrow(/unique|duplicate/i);
    expect(await store.audit.verifyAudit()).toMatchObject({ ok: true });
  });

  // Regression (issue 16, Medium 4): tokens survived a password change and a reset.
  it('revokes every API token of a user with a new password, and lists and revokes one by reference', async () => {
    const { store } = await fresh();
    const u = await store.identity.createUser('system', {
      username: 'bo',
      passwordHash: 'x',
      role: 'viewer',
      nation: null,
    });
    const a = await store.identity.createToken('bo', 'bwt_a', u, 'laptop');
    await store.identity.createToken('bo', 'bwt_b', u, 'ci');
    expect((await store.identity.listTokens(u)).map((t) => t.name).sort()).toEqual(['ci', 'laptop']);
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    await store.identity.revokeToken('bo', u, a.id);
    expect(await store.identity.getTokenUser('bwt_a')).toBeUndefined();
    expect((await store.identity.getTokenUser('bwt_b'))?.username).toBe('bo');
    await expect(store.identity.revokeToken('bo', u, a.id)).rejects.toMatchObject({ code: 'not-found' });
    await store.identity.createSession('sess', u.id, 'c', 60_000);
    await store.identity.updateUser('coord', 'bo', { passwordHash: 'new', mustChangePassword: true });
    expect(await store.identity.getTokenUser('bwt_b')).toBeUndefined();
    expect(await store.identity.getSession('sess')).toBeUndefined();
    expect((await store.identity.getUserByName('bo'))?.mustChangePassword).toBe(true);
    const actions = (await store.audit.listAudit({ limit: 10 })).map((e) => e.action);
    expect(actions.slice(0, 4)).toEqual([
      'user.password-reset',
      'token.revoke',
      'token.create',
      'token.create',
    ]);
    expect(await store.audit.verifyAudit()).toMatchObject({ ok: true });
    // The flag is covered by the chain like the rest of the row.
    await store.db
      .updateTable('users')
      .set({ must_change_password: 0 })
      .where('username', '=', 'bo')
      .execute();
    expect(await store.audit.verifyAudit()).toMatchObject({ ok: false });
  });

  it('reuses a looked-up session, and drops it at once on sign-out, disable, role change and expiry', async () => {
    const { store } = await fresh();
    const ids = store.identity;
    const user = (username: string) =>
      ids.createUser('system', { username, passwordHash: 'x', role: 'liaison', nation: 'DEU' });
    const ann = await user('ann');
    const bob = await user('bob');
    await ids.createSession('ann-1', ann.id, 'c1', 3_600_000);
    await ids.createSession('ann-2', ann.id, 'c2', 3_600_000);
    await ids.createSession('bob-1', bob.id, 'c3', 3_600_000);
    for (const t of ['ann-1', 'ann-2', 'bob-1']) expect(await ids.getSession(t)).toBeDefined();
    // Cached: the lookup no longer reads the table (a row deleted behind the repository's back is still
    // served, until the cache time is over).
    await store.db.deleteFrom('sessions').where('user_id', '=', bob.id).execute();
    expect((await ids.getSession('bob-1'))?.user.username).toBe('bob');

    await ids.deleteSession('ann-1');
    expect(await ids.getSession('ann-1')).toBeUndefined();
    expect((await ids.getSession('ann-2'))?.user.role).toBe('liaison');
    await ids.updateUser('system', 'ann', { role: 'viewer', nation: null });
    expect((await ids.getSession('ann-2'))?.user).toMatchObject({ role: 'viewer', nation: null });
    await ids.updateUser('system', 'ann', { disabled: true });
    expect(await ids.getSession('ann-2')).toBeUndefined();

    // The store's clock ticks a second per reading: a two-second session expires while cached.
    await ids.createSession('short', bob.id, 'c4', 2_000);
    expect(await ids.getSession('short')).toBeDefined();
    expect(await ids.getSession('short')).toBeUndefined();
  });
});
