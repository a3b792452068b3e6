/**
 * Workspace identities: users with scrypt-hashed passwords, cookie sessions with a CSRF token each, and
 * bearer API tokens. Roles: `coordinator` (everything), `liaison` (its own nation's data and pledges),
 * `viewer` (read only).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { BulwarkError } from '../core/shared/index.js';
import type { IdentityRepository, TokenInfo, UserRecord } from './identity-repository.js';
import { NewPassword, maxPasswordLength, passwordProblem } from './password-policy.js';

export const roles = ['coordinator', 'liaison', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** Who is acting: what authorisation decisions and audit entries need. */
export interface Actor {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  /** The liaison's nation (ISO alpha-3); null for coordinators and viewers. */
  readonly nation: string | null;
  /** A coordinator set the password: until it is changed only that and sign-out are allowed. */
  readonly mustChangePassword?: boolean;
}

export const NewUser = z
  .strictObject({
    username: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, ".", "_" or "-" (at most 64)'),
    password: NewPassword,
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
  password: NewPassword.optional(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

export const PasswordChange = z.strictObject({
  current: z.string().min(1).max(maxPasswordLength),
  next: NewPassword,
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
  return {
    id: u.id,
    username: u.username,
    role: u.role as Role,
    nation: u.nation,
    ...(u.mustChangePassword ? { mustChangePassword: true } : {}),
  };
}

/** Public view of a user (never the hash). */
export const publicUser = (u: UserRecord | Actor) => ({
  username: u.username,
  role: u.role,
  nation: u.nation,
  mustChangePassword: u.mustChangePassword === true,
});

/** `usage` when the password breaks the policy (password-policy.ts), naming why. */
function requireGoodPassword(password: string, username: string, field: string): void {
  const why = passwordProblem(password, username);
  if (why !== null) throw new BulwarkError('usage', `${field}: ${why}`);
}

export class Auth {
  /** A dummy hash to spend the same time on unknown user names as on wrong passwords. */
  private dummy: Promise<string> | undefined;

  constructor(
    private readonly identity: IdentityRepository,
    private readonly options: { sessionTtlMs: number; scryptN?: number } = { sessionTtlMs: 12 * 3600_000 },
  ) {}

  private cost(): { N: number } {
    return { N: this.options.scryptN ?? SCRYPT.N };
  }

  /**
   * Creates a user; `conflict` if the name is taken (case-insensitively). Only coordinators (checked by
   * the caller's route). `mustChangePassword`: the password was set by someone else (a coordinator), so
   * the user must replace it at the first sign-in.
   */
  async createUser(
    actor: string,
    input: NewUser,
    o: { mustChangePassword?: boolean } = {},
  ): Promise<UserRecord> {
    requireGoodPassword(input.password, input.username, 'password');
    return this.identity.createUser(actor, {
      username: input.username,
      passwordHash: await hashPassword(input.password, this.cost()),
      role: input.role,
      nation: input.nation ?? null,
      ...(o.mustChangePassword === true ? { mustChangePassword: true } : {}),
    });
  }

  /**
   * First start: when there are no users, creates the coordinator from the configured name and password.
   * Throws `usage` when a password is needed and missing.
   */
  /** Every user, by name. */
  listUsers(): Promise<UserRecord[]> {
    return this.identity.listUsers();
  }

  async ensureAdmin(username: string, password: string | undefined): Promise<'created' | 'exists'> {
    if ((await this.identity.countUsers()) > 0) return 'exists';
    if (password === undefined || password === '')
      throw new BulwarkError(
        'usage',
        'first start: set BULWARK_ADMIN_PASSWORD (at least 12 characters, not a common password) to create the first coordinator; Bulwark has no default password',
      );
    const parsed = NewUser.safeParse({ username, password, role: 'coordinator' });
    if (!parsed.success)
      throw new BulwarkError('usage', `admin user: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    await this.createUser('system', parsed.data);
    return 'created';
  }

  /**
   * Coordinator's change to a user: role and nation (a liaison needs one), enabled or not, or a password
   * reset. A reset ends the user's sessions, revokes their API tokens, and (for anyone but the coordinator
   * themself) must be replaced by the user at the next sign-in.
   */
  async updateUser(actor: Actor, username: string, input: UserUpdate): Promise<UserRecord> {
    const current = await this.identity.getUserByName(username);
    if (current === undefined) throw new BulwarkError('not-found', `no user "${username}"`);
    if (input.password !== undefined) requireGoodPassword(input.password, current.username, 'password');
    const role = input.role ?? (current.role as Role);
    const nation = input.nation !== undefined ? input.nation : role === 'liaison' ? current.nation : null;
    if ((role === 'liaison') !== (nation !== null))
      throw new BulwarkError('usage', 'a liaison needs a nation, and only a liaison has one');
    const self = current.id === actor.id;
    if (self && (input.disabled === true || (input.role !== undefined && input.role !== 'coordinator')))
      throw new BulwarkError('usage', 'a coordinator cannot disable or demote themself');
    return this.identity.updateUser(actor.username, current.username, {
      role,
      nation,
      ...(input.disabled === undefined ? {} : { disabled: input.disabled }),
      ...(input.password === undefined
        ? {}
        : {
            passwordHash: await hashPassword(input.password, this.cost()),
            mustChangePassword: !self,
          }),
    });
  }

  /**
   * A user's own password change: every session of theirs ends and every API token is revoked (tokens end
   * with the password); clears a forced change. `unauthorized` if `current` is wrong, `usage` if `next`
   * breaks the policy or equals `current`.
   */
  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const u = await this.identity.getUserByName(actor.username);
    if (u === undefined || !(await verifyPassword(current, u.passwordHash)))
      throw new BulwarkError('unauthorized', 'the current password is wrong');
    requireGoodPassword(next, u.username, 'next');
    if (next === current) throw new BulwarkError('usage', 'next: must differ from the current password');
    await this.identity.updateUser(u.username, u.username, {
      passwordHash: await hashPassword(next, this.cost()),
      mustChangePassword: false,
    });
  }

  /** Checks credentials; returns a new session token and its CSRF token, or throws `unauthorized`. */
  async login(username: string, password: string): Promise<{ token: string; csrf: string; actor: Actor }> {
    const u = await this.identity.getUserByName(username);
    if (u === undefined || u.disabled) {
      this.dummy ??= hashPassword('not a password', this.cost());
      await verifyPassword(password, await this.dummy);
      throw new BulwarkError('unauthorized', 'wrong user name or password');
    }
    if (!(await verifyPassword(password, u.passwordHash)))
      throw new BulwarkError('unauthorized', 'wrong user name or password');
    const token = newToken('bws_');
    const csrf = newToken('');
    await this.identity.createSession(token, u.id, csrf, this.options.sessionTtlMs);
    return { token, csrf, actor: toActor(u) };
  }

  async session(token: string): Promise<{ actor: Actor; csrf: string } | undefined> {
    const s = await this.identity.getSession(token);
    return s === undefined ? undefined : { actor: toActor(s.user), csrf: s.csrf };
  }

  async logout(token: string): Promise<void> {
    await this.identity.deleteSession(token);
  }

  /** A new API token for the actor, returned once with its reference (listing shows only the reference). */
  async createApiToken(actor: Actor, name: string): Promise<{ token: string; info: TokenInfo }> {
    const u = await this.userOf(actor, actor.username);
    const token = newToken('bwt_');
    return { token, info: await this.identity.createToken(actor.username, token, u, name) };
  }

  /** Tokens of `username` (default: the actor's own); only a coordinator may name another user. */
  async listApiTokens(actor: Actor, username = actor.username): Promise<TokenInfo[]> {
    return this.identity.listTokens(await this.userOf(actor, username));
  }

  /** Revokes a token by reference: one's own, or (a coordinator) anyone's. Audited. */
  async revokeApiToken(actor: Actor, ref: string, username = actor.username): Promise<void> {
    await this.identity.revokeToken(actor.username, await this.userOf(actor, username), ref);
  }

  /** The user an account operation is about: oneself, or anyone for a coordinator (`forbidden` otherwise). */
  private async userOf(actor: Actor, username: string): Promise<UserRecord> {
    if (actor.role !== 'coordinator' && username.toLowerCase() !== actor.username.toLowerCase())
      throw new BulwarkError('forbidden', "only a coordinator may manage another user's API tokens");
    const u = await this.identity.getUserByName(username);
    if (u === undefined) throw new BulwarkError('not-found', `no user "${username}"`);
    return u;
  }

  async tokenActor(token: string): Promise<Actor | undefined> {
    const u = await this.identity.getTokenUser(token);
    return u === undefined ? undefined : toActor(u);
  }
}
