/**
 * Workspace identities: users with scrypt-hashed passwords, cookie sessions with a CSRF token each, and
 * bearer API tokens. Roles: `coordinator` (everything), `liaison` (its own nation's data and pledges),
 * `viewer` (read only).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { BulwarkError } from '../core/shared/index.js';
import type { Store, UserRecord } from '../adapters/store/index.js';

export const roles = ['coordinator', 'liaison', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** Who is acting: what authorisation decisions and audit entries need. */
export interface Actor {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  /** The liaison's nation (ISO alpha-3); null for coordinators and viewers. */
  readonly nation: string | null;
}

export const NewUser = z
  .strictObject({
    username: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, ".", "_" or "-" (at most 64)'),
    password: z.string().min(10, 'at least 10 characters').max(512),
    role: z.enum(roles),
    nation: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
  })
  .refine((u) => (u.role === 'liaison') === (u.nation !== undefined), {
    message: 'a liaison needs a nation, and only a liaison has one',
    path: ['nation'],
  });
export type NewUser = z.infer<typeof NewUser>;

export const UserUpdate = z.strictObject({
  role: z.enum(roles).optional(),
  nation: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(10, 'at least 10 characters').max(512).optional(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

export const PasswordChange = z.strictObject({
  current: z.string().min(1).max(512),
  next: z.string().min(10, 'at least 10 characters').max(512),
});

/** scrypt cost: N = 2^15, r = 8, p = 1 (OWASP password storage cheat sheet's scrypt minimum is N = 2^17 with p = 1 … */
// … at 128 MiB per hash; 2^15 uses 32 MiB, which a small server with concurrent logins can afford. The
// parameters are stored in each hash, so they can be raised later without invalidating old ones.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const;

function scryptAsync(password: string, salt: Buffer, keyLength: number, o: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keyLength, o, (err, key) => (err === null ? resolve(key) : reject(err))),
  );
}

/** `scrypt$N$r$p$salt$key` with base64 salt and key. */
export async function hashPassword(password: string, cost: { N: number } = SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const { r, p, keyLength } = SCRYPT;
  const key = await scryptAsync(password, salt, keyLength, { N: cost.N, r, p, maxmem: 256 * 1024 * 1024 });
  return `scrypt$${cost.N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || key === undefined) return false;
  const expected = Buffer.from(key, 'base64');
  const got = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(N),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return timingSafeEqual(got, expected);
}

/** 32 random bytes, base64url, with a prefix saying what it is. */
export const newToken = (prefix: string): string => prefix + randomBytes(32).toString('base64url');

export function toActor(u: UserRecord): Actor {
  return { id: u.id, username: u.username, role: u.role as Role, nation: u.nation };
}

/** Public view of a user (never the hash). */
export const publicUser = (u: UserRecord | Actor) => ({
  username: u.username,
  role: u.role,
  nation: u.nation,
});

export class Auth {
  /** A dummy hash to spend the same time on unknown user names as on wrong passwords. */
  private dummy: Promise<string> | undefined;

  constructor(
    private readonly store: Store,
    private readonly options: { sessionTtlMs: number; scryptN?: number } = { sessionTtlMs: 12 * 3600_000 },
  ) {}

  private cost(): { N: number } {
    return { N: this.options.scryptN ?? SCRYPT.N };
  }

  /** Creates a user; `conflict` if the name is taken. Only coordinators (checked by the caller's route). */
  async createUser(actor: string, input: NewUser): Promise<UserRecord> {
    return this.store.createUser(actor, {
      username: input.username,
      passwordHash: await hashPassword(input.password, this.cost()),
      role: input.role,
      nation: input.nation ?? null,
    });
  }

  /**
   * First start: when there are no users, creates the coordinator from the configured name and password.
   * Throws `usage` when a password is needed and missing.
   */
  async ensureAdmin(username: string, password: string | undefined): Promise<'created' | 'exists'> {
    if ((await this.store.countUsers()) > 0) return 'exists';
    if (password === undefined || password === '')
      throw new BulwarkError(
        'usage',
        'first start: set BULWARK_ADMIN_PASSWORD (at least 10 characters) to create the first coordinator; Bulwark has no default password',
      );
    const parsed = NewUser.safeParse({ username, password, role: 'coordinator' });
    if (!parsed.success)
      throw new BulwarkError('usage', `admin user: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    await this.createUser('system', parsed.data);
    return 'created';
  }

  /** Coordinator's change to a user: role and nation (a liaison needs one), enabled or not, a new password. */
  async updateUser(actor: Actor, username: string, input: UserUpdate): Promise<UserRecord> {
    const current = await this.store.getUserByName(username);
    if (current === undefined) throw new BulwarkError('not-found', `no user "${username}"`);
    const role = input.role ?? (current.role as Role);
    const nation = input.nation !== undefined ? input.nation : role === 'liaison' ? current.nation : null;
    if ((role === 'liaison') !== (nation !== null))
      throw new BulwarkError('usage', 'a liaison needs a nation, and only a liaison has one');
    if (
      username === actor.username &&
      (input.disabled === true || (input.role !== undefined && input.role !== 'coordinator'))
    )
      throw new BulwarkError('usage', 'a coordinator cannot disable or demote themself');
    return this.store.updateUser(actor.username, username, {
      role,
      nation,
      ...(input.disabled === undefined ? {} : { disabled: input.disabled }),
      ...(input.password === undefined
        ? {}
        : { passwordHash: await hashPassword(input.password, this.cost()) }),
    });
  }

  /** A user's own password change; signs out their other sessions. `unauthorized` if `current` is wrong. */
  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const u = await this.store.getUserByName(actor.username);
    if (u === undefined || !(await verifyPassword(current, u.passwordHash)))
      throw new BulwarkError('unauthorized', 'the current password is wrong');
    await this.store.updateUser(actor.username, actor.username, {
      passwordHash: await hashPassword(next, this.cost()),
    });
  }

  /** Checks credentials; returns a new session token and its CSRF token, or throws `unauthorized`. */
  async login(username: string, password: string): Promise<{ token: string; csrf: string; actor: Actor }> {
    const u = await this.store.getUserByName(username);
    if (u === undefined || u.disabled) {
      this.dummy ??= hashPassword('not a password', this.cost());
      await verifyPassword(password, await this.dummy);
      throw new BulwarkError('unauthorized', 'wrong user name or password');
    }
    if (!(await verifyPassword(password, u.passwordHash)))
      throw new BulwarkError('unauthorized', 'wrong user name or password');
    const token = newToken('bws_');
    const csrf = newToken('');
    await this.store.createSession(token, u.id, csrf, this.options.sessionTtlMs);
    return { token, csrf, actor: toActor(u) };
  }

  async session(token: string): Promise<{ actor: Actor; csrf: string } | undefined> {
    const s = await this.store.getSession(token);
    return s === undefined ? undefined : { actor: toActor(s.user), csrf: s.csrf };
  }

  async logout(token: string): Promise<void> {
    await this.store.deleteSession(token);
  }

  async createApiToken(actor: Actor, name: string): Promise<string> {
    const token = newToken('bwt_');
    await this.store.createToken(token, actor.id, name);
    return token;
  }

  async tokenActor(token: string): Promise<Actor | undefined> {
    const u = await this.store.getTokenUser(token);
    return u === undefined ? undefined : toActor(u);
  }
}
