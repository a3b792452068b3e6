/**
 * Accounts (issue 15 item 9, issue 16 Medium 4 and Low 12): API tokens that end with the password and can
 * be listed and revoked, the password policy, case-insensitive user names, a rate-limited password
 * change, and the forced change of a password a coordinator set. SQLite, and PostgreSQL when configured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/services/databases.js';
import { makeTestWorkspace, testPassword, type Session, type TestWorkspace } from './testing.js';

interface TokenInfo {
  id: string;
  name: string;
  username: string;
  createdAt: string;
}

describe.each(testDatabases())('accounts on $name', (database) => {
  let w: TestWorkspace;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await database.fresh();
    drop = db.drop;
    w = await makeTestWorkspace(db.url === undefined ? {} : { databaseUrl: db.url });
  });
  afterAll(async () => {
    await w.close();
    await drop();
  });

  async function signIn(username: string, password: string): Promise<Session> {
    const r = await w.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    expect(r.statusCode, r.body).toBe(200);
    const cookie = r.cookies.find((c) => c.name === 'bulwark_session')!;
    return { cookie: `bulwark_session=${cookie.value}`, csrf: r.json<{ csrfToken: string }>().csrfToken };
  }
  const bearer = (token: string, url = '/api/scenarios') =>
    w.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  async function newUser(username: string, password: string, role = 'viewer'): Promise<void> {
    const r = await w.call(await w.login('coord'), 'POST', '/api/users', { username, password, role });
    expect(r.statusCode, r.body).toBe(201);
  }
  async function tokenFor(s: Session, name: string): Promise<{ token: string } & TokenInfo> {
    const r = await w.call(s, 'POST', '/api/tokens', { name });
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  }

  it('lists your tokens without the secret and revokes one by id; a coordinator manages anyone’s', async () => {
    const gbr = await w.login('gbr');
    const a = await tokenFor(gbr, 'laptop');
    const b = await tokenFor(gbr, 'ci');
    expect(a.token).toMatch(/^bwt_/);
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    const list = await w.call(gbr, 'GET', '/api/tokens');
    expect(list.json<TokenInfo[]>().map((t) => t.name)).toEqual(expect.arrayContaining(['laptop', 'ci']));
    expect(list.body).not.toContain(a.token.slice(4));
    expect((await w.call(gbr, 'DELETE', `/api/tokens/${a.id}`)).statusCode).toBe(204);
    expect((await bearer(a.token)).statusCode).toBe(401);
    expect((await bearer(b.token)).statusCode).toBe(200);
    // Another user's token is not yours to revoke, even by its id.
    expect((await w.call(await w.login('fra'), 'DELETE', `/api/tokens/${b.id}`)).statusCode).toBe(404);
    const coord = await w.login('coord');
    const theirs = await w.call(coord, 'GET', '/api/users/GBR/tokens');
    expect(theirs.json<TokenInfo[]>().map((t) => t.id)).toContain(b.id);
    expect((await w.call(coord, 'DELETE', `/api/users/gbr/tokens/${b.id}`)).statusCode).toBe(204);
    expect((await bearer(b.token)).statusCode).toBe(401);
    expect((await w.call(coord, 'DELETE', '/api/users/gbr/tokens/xyz')).statusCode).toBe(400);
    const audit = (await w.call(coord, 'GET', '/api/audit?limit=10')).json<
      { action: string; actor: string }[]
    >();
    expect(audit.slice(0, 2).map((e) => [e.action, e.actor])).toEqual([
      ['token.revoke', 'coord'],
      ['token.revoke', 'gbr'],
    ]);
    expect((await w.call(coord, 'GET', '/api/audit/verify')).json()).toMatchObject({ ok: true });
  });

  // Regression (issue 16, Medium 4): a token kept working after its user's password changed or was reset.
  it('ends every token and session with the password: own change and coordinator reset', async () => {
    await newUser('tok', 'first-password-of-tok');
    let s = await signIn('tok', 'first-password-of-tok');
    expect(
      (
        await w.call(s, 'PUT', '/api/session/password', {
          current: 'first-password-of-tok',
          next: 'second-password-of-tok',
        })
      ).statusCode,
    ).toBe(204);
    s = await signIn('tok', 'second-password-of-tok');
    const t = await tokenFor(s, 'script');
    expect((await bearer(t.token)).statusCode).toBe(200);
    expect(
      (
        await w.call(s, 'PUT', '/api/session/password', {
          current: 'second-password-of-tok',
          next: 'third-password-of-tok',
        })
      ).statusCode,
    ).toBe(204);
    expect((await bearer(t.token)).statusCode).toBe(401);
    expect((await w.call(s, 'GET', '/api/session')).statusCode).toBe(401);
    s = await signIn('tok', 'third-password-of-tok');
    const t2 = await tokenFor(s, 'script 2');
    const coord = await w.login('coord');
    expect(
      (await w.call(coord, 'PUT', '/api/users/tok', { password: 'reset-by-the-coordinator' })).statusCode,
    ).toBe(200);
    expect((await bearer(t2.token)).statusCode).toBe(401);
    expect((await w.call(s, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await w.call(coord, 'GET', '/api/users/tok/tokens')).json()).toEqual([]);
    const reset = (await w.call(coord, 'GET', '/api/audit?limit=1')).json<
      { action: string; after: unknown }[]
    >()[0];
    expect(reset).toMatchObject({ action: 'user.password-reset', after: { tokensRevoked: [t2.id] } });
    expect(JSON.stringify(reset)).not.toContain('scrypt$');
  });

  it('forces a change of a password a coordinator set: until then only the password, session and sign-out routes', async () => {
    await newUser('fresh', 'set-by-the-coordinator');
    const s = await signIn('fresh', 'set-by-the-coordinator');
    expect((await w.call(s, 'GET', '/api/session')).json()).toMatchObject({
      user: { username: 'fresh', mustChangePassword: true },
    });
    const blocked = await w.call(s, 'GET', '/api/scenarios');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({
      error: { code: 'forbidden', message: expect.stringContaining('change it first') as unknown },
    });
    expect((await w.call(s, 'POST', '/api/tokens', { name: 'sneaky' })).statusCode).toBe(403);
    expect(
      (
        await w.call(s, 'PUT', '/api/session/password', {
          current: 'set-by-the-coordinator',
          next: 'set-by-the-coordinator',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await w.call(s, 'PUT', '/api/session/password', {
          current: 'set-by-the-coordinator',
          next: 'chosen-by-myself-now',
        })
      ).statusCode,
    ).toBe(204);
    const again = await signIn('fresh', 'chosen-by-myself-now');
    expect((await w.call(again, 'GET', '/api/session')).json()).toMatchObject({
      user: { mustChangePassword: false },
    });
    expect((await w.call(again, 'GET', '/api/scenarios')).statusCode).toBe(200);
    // A reset sets the flag again; a coordinator changing roles does not.
    const coord = await w.login('coord');
    expect(
      (await w.call(coord, 'PUT', '/api/users/fresh', { role: 'liaison', nation: 'POL' })).json(),
    ).toMatchObject({
      role: 'liaison',
      mustChangePassword: false,
    });
    expect(
      (await w.call(coord, 'PUT', '/api/users/fresh', { password: 'another-coordinator-one' })).json(),
    ).toMatchObject({
      mustChangePassword: true,
    });
    const users = (await w.call(coord, 'GET', '/api/users')).json<
      { username: string; mustChangePassword: boolean }[]
    >();
    expect(users.find((u) => u.username === 'fresh')?.mustChangePassword).toBe(true);
    expect((await w.call(coord, 'GET', '/api/audit/verify')).json()).toMatchObject({ ok: true });
  });

  // Regression (issue 16, Low 12): 10-character and well-known passwords were accepted.
  it('refuses short, common and user-name passwords everywhere a password is set, naming why', async () => {
    const coord = await w.login('coord');
    const tries: [string, string][] = [
      ['elevenchars', 'at least 12 characters'],
      ['leavemealone', 'most common passwords'],
      ['LeaveMeAlone', 'most common passwords'],
      ['123qweasdzxc', 'most common passwords'],
    ];
    for (const [password, why] of tries) {
      const r = await w.call(coord, 'POST', '/api/users', { username: 'weak', password, role: 'viewer' });
      expect(r.statusCode, password).toBe(400);
      expect(r.json<{ error: { message: string } }>().error.message, password).toContain(why);
      const u = await w.call(coord, 'PUT', '/api/users/viewer', { password });
      expect(u.statusCode, password).toBe(400);
      const own = await w.call(await w.login('viewer'), 'PUT', '/api/session/password', {
        current: testPassword,
        next: password,
      });
      expect(own.statusCode, password).toBe(400);
      expect(own.json<{ error: { message: string } }>().error.message, password).toContain(why);
    }
    const same = await w.call(coord, 'POST', '/api/users', {
      username: 'samenameuser',
      password: 'SameNameUser',
      role: 'viewer',
    });
    expect(same.json<{ error: { message: string } }>().error.message).toContain('user name');
    expect(
      (await w.call(coord, 'GET', '/api/users')).json<{ username: string }[]>().map((u) => u.username),
    ).not.toContain('weak');
  });

  // Regression (issue 16, Low 12): "GBR" and "gbr" could both exist.
  it('treats user names case-insensitively: one account per name, sign-in in any case', async () => {
    const coord = await w.login('coord');
    const dup = await w.call(coord, 'POST', '/api/users', {
      username: 'GBR',
      password: 'a-fine-long-password',
      role: 'viewer',
    });
    expect(dup.statusCode).toBe(409);
    const s = await signIn('Gbr', testPassword);
    expect((await w.call(s, 'GET', '/api/session')).json()).toMatchObject({ user: { username: 'gbr' } });
  });
});

describe('password change rate limit', () => {
  // Regression (issue 16, Low 12): PUT /api/session/password let anyone holding a session guess freely.
  it('answers 429 after too many attempts a minute', async () => {
    const w = await makeTestWorkspace({ passwordRateLimit: 3 });
    try {
      const s = await w.login('viewer');
      const codes: number[] = [];
      for (let i = 0; i < 5; i++)
        codes.push(
          (
            await w.call(s, 'PUT', '/api/session/password', {
              current: 'wrong guess',
              next: 'a-new-long-password',
            })
          ).statusCode,
        );
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await w.close();
    }
  });
});
