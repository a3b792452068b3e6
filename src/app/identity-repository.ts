/**
 * The port of the workspace's identities: users, their sign-in sessions and API tokens (sessions and
 * tokens stored only as hashes). Implemented by `adapters/store`; declared here, beside its user (`Auth`).
 */

export interface UserRecord {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly role: string;
  readonly nation: string | null;
  readonly createdAt: string;
  readonly disabled: boolean;
  /** Set by a coordinator's password reset: the user must choose a new password before anything else. */
  readonly mustChangePassword: boolean;
}

/** An API token as listed: a reference (never the token), its name, owner and creation time. */
export interface TokenInfo {
  readonly id: string;
  readonly name: string;
  readonly username: string;
  readonly createdAt: string;
}

/** A live session with its user. */
export interface SessionRecord {
  readonly user: UserRecord;
  readonly csrf: string;
  readonly expiresAt: string;
}

export interface NewUserRecord {
  readonly username: string;
  readonly passwordHash: string;
  readonly role: string;
  readonly nation: string | null;
  readonly mustChangePassword?: boolean;
}

export interface UserPatch {
  readonly role?: string;
  readonly nation?: string | null;
  readonly passwordHash?: string;
  readonly mustChangePassword?: boolean;
  readonly disabled?: boolean;
}

export interface IdentityRepository {
  countUsers(): Promise<number>;
  /** Creates a user (audited); throws `conflict` if the name is taken, compared case-insensitively. */
  createUser(actor: string, u: NewUserRecord): Promise<UserRecord>;
  /**
   * Changes a user (audited, never the hash). A new password or disabling ends the user's sessions; a new
   * password also revokes the user's API tokens. Throws `not-found` when there is no such user.
   */
  updateUser(actor: string, username: string, patch: UserPatch): Promise<UserRecord>;
  /** The user of that name, compared case-insensitively. */
  getUserByName(username: string): Promise<UserRecord | undefined>;
  listUsers(): Promise<UserRecord[]>;
  /** Stores a session under the hash of its token (and drops expired ones). */
  createSession(token: string, userId: string, csrf: string, ttlMs: number): Promise<void>;
  /** The live session of a token with its enabled user, or undefined. */
  getSession(token: string): Promise<SessionRecord | undefined>;
  deleteSession(token: string): Promise<void>;
  /** Stores an API token's hash for a user (audited as `token.create`, by reference). */
  createToken(actor: string, token: string, user: UserRecord, name: string): Promise<TokenInfo>;
  /** A user's API tokens, newest first. */
  listTokens(user: UserRecord): Promise<TokenInfo[]>;
  /** Revokes one token by its reference (audited); throws `not-found` when the user has none such. */
  revokeToken(actor: string, user: UserRecord, ref: string): Promise<void>;
  /** The enabled user of an API token, or undefined. */
  getTokenUser(token: string): Promise<UserRecord | undefined>;
}
