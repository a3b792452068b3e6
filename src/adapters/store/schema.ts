/**
 * Tables of the workspace database, shared by SQLite and PostgreSQL. Portable column types only: text,
 * integer, and JSON kept as text. Times are ISO 8601 UTC strings (they sort as text).
 */
export interface ScenarioTable {
  id: string;
  /** Current version number; 1 for the seed, +1 per committed change. */
  version: number;
  /** `sha256:` content hash of the document at `version` (same as `scenarioHash`); the document is in scenario_versions. */
  hash: string;
  /** JSON map object key (e.g. `pledge:GBR-typhoon`) → scenario version at which it last changed. */
  revisions: string;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

export interface ScenarioVersionTable {
  scenario_id: string;
  version: number;
  /**
   * `full`: canonical JSON (sorted keys) of the scenario after defaults, hashing it gives `hash`;
   * `patch`: the change from the version before (version-codec.ts). Rows before migration 0005 are full.
   */
  document: string;
  encoding: 'full' | 'patch';
  hash: string;
  created_at: string;
  created_by: string;
  /** Short description of the change, e.g. `pledge.update GBR-typhoon`. */
  summary: string;
}

export interface AuditTable {
  /** 1, 2, 3, … with no gaps; the chain order. */
  seq: number;
  at: string;
  actor: string;
  action: string;
  /** What changed: `scenario/<id>/pledges/<pledge id>`, `user/<name>`, … */
  target: string;
  scenario_id: string | null;
  scenario_version: number | null;
  /** JSON of the object before the change (null when created). */
  before: string | null;
  /** JSON of the object after the change (null when deleted). */
  after: string | null;
  /** Digest of what the entry changed (docs/api.md, "Audit"); null only in entries before anchoring. */
  subject: string | null;
  prev_hash: string;
  hash: string;
}

/** The signed head of the audit chain: one row (id 1), rewritten with every entry. */
export interface AuditHeadTable {
  id: number;
  entries: number;
  head: string;
  /** HMAC-SHA256 with the audit key of `bulwark-audit-head/1\n<entries>\n<head>`. */
  signature: string;
  at: string;
}

export interface UserTable {
  id: string;
  username: string;
  /** `scrypt$N$r$p$salt$hash`, base64 parts. */
  password_hash: string;
  role: string;
  /** ISO alpha-3 of a liaison's nation; null for the other roles. */
  nation: string | null;
  created_at: string;
  disabled: number;
  /** 1 when a coordinator set the password: until the user changes it, only that and sign-out work. */
  must_change_password: number;
}

export interface SessionTable {
  /** sha256 hex of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  csrf: string;
  created_at: string;
  expires_at: string;
}

export interface TokenTable {
  /** sha256 hex of the bearer token. */
  id: string;
  user_id: string;
  name: string;
  created_at: string;
}

export interface RunTable {
  id: string;
  scenario_id: string;
  scenario_version: number;
  scenario_hash: string;
  kind: string;
  /** JSON of the validated run options (variants, runs, …). */
  options: string;
  seed: number | null;
  status: string;
  /** JSON progress `{done,total,message}` as last persisted. */
  progress: string | null;
  result: string | null;
  error: string | null;
  created_at: string;
  created_by: string;
  started_at: string | null;
  finished_at: string | null;
}

/** One ask of the canvass: a nation asked to fill a gap (mission × capability), and its answer. */
export interface CanvassTable {
  id: string;
  scenario_id: string;
  mission: string;
  capability: string;
  /** ISO alpha-3 of the nation asked. */
  nation: string;
  /** `asked`, `offered`, `declined`. */
  status: string;
  /** What the nation offered, in words (units, dates, conditions). */
  offer: string | null;
  note: string | null;
  asked_by: string;
  asked_at: string;
  updated_at: string;
}

export interface Database {
  scenarios: ScenarioTable;
  scenario_versions: ScenarioVersionTable;
  audit: AuditTable;
  audit_head: AuditHeadTable;
  users: UserTable;
  sessions: SessionTable;
  tokens: TokenTable;
  runs: RunTable;
  canvass: CanvassTable;
}
