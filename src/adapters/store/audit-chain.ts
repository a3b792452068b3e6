/**
 * The audit log's anchored hash chain (docs/api.md, "Audit").
 *
 * - Each entry's hash is keyed: hash(n) = HMAC-SHA256(key, hash(n-1) + "\n" + canonical JSON of entry n
 *   without its hashes); hash(0) = 64 zeros. The key is a secret kept outside the database (a key file), so
 *   whoever can write the database but not read the key cannot edit an entry and recompute the chain.
 * - A signed head, kept outside the audit table (table `audit_head`, and printable for off-site keeping),
 *   records the entry count and the last hash: deleting the newest entries, or all of them, leaves a head
 *   that no longer matches; forging a head needs the key.
 * - Entries name a `subject` digest of what they changed: the scenario version's document hash, the user
 *   row after the change, the run as created. Verification replays the chain into the state it attests and
 *   compares it with the version, user and run tables, so editing those rows is detected too.
 */
import type { AuditHead, ChainCheck } from '../../app/index.js';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../../core/shared/index.js';

export const genesisHash = '0'.repeat(64);

/** The hashed content of an audit entry (everything but `prev_hash` and `hash`). */
export interface AuditContent {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly scenario_id: string | null;
  readonly scenario_version: number | null;
  readonly before: string | null;
  readonly after: string | null;
  /** Digest of the changed row (`sha256:…`), null for entries written before anchoring. */
  readonly subject: string | null;
}

const contentJson = (e: AuditContent): string =>
  canonicalJson({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    target: e.target,
    scenario_id: e.scenario_id,
    scenario_version: e.scenario_version,
    before: e.before,
    after: e.after,
    ...(e.subject === null ? {} : { subject: e.subject }),
  });

/** The keyed hash of an entry. */
export function auditHash(key: Buffer, prevHash: string, e: AuditContent): string {
  return createHmac('sha256', key).update(prevHash).update('\n').update(contentJson(e)).digest('hex');
}

/** The unkeyed hash of the first chain format (sha256), read only to upgrade a database to the keyed one. */
export function legacyAuditHash(prevHash: string, e: AuditContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(contentJson(e)).digest('hex');
}

/** `sha256:` of the canonical JSON of a row: the subject digest of users and runs. */
export const rowDigest = (row: unknown): string =>
  'sha256:' + createHash('sha256').update(canonicalJson(row)).digest('hex');

const headMessage = (entries: number, head: string): string => `bulwark-audit-head/1\n${entries}\n${head}`;

export function signHead(key: Buffer, entries: number, head: string): AuditHead {
  return {
    entries,
    head,
    signature: createHmac('sha256', key).update(headMessage(entries, head)).digest('hex'),
  };
}

export function headSignatureValid(key: Buffer, h: AuditHead): boolean {
  const want = Buffer.from(signHead(key, h.entries, h.head).signature, 'hex');
  const got = Buffer.from(h.signature, 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}

/** Checks entries in `seq` order, starting from the genesis hash; feed it page by page. */
export class ChainVerifier {
  private prev = genesisHash;
  private n = 0;
  private failure: ChainCheck | undefined;

  constructor(private readonly hash: (prev: string, e: AuditContent) => string) {}

  /** Feeds the next entry; returns false once the chain is broken (later entries are ignored). */
  push(e: AuditContent & { prev_hash: string; hash: string }): boolean {
    if (this.failure !== undefined) return false;
    this.n++;
    const fail = (reason: string): false => {
      this.failure = { ok: false, entries: this.n, brokenAt: e.seq, reason };
      return false;
    };
    if (e.seq !== this.n) return fail(`expected entry ${this.n}, found ${e.seq}`);
    if (e.prev_hash !== this.prev) return fail('link to the previous entry does not match');
    if (this.hash(this.prev, e) !== e.hash) return fail('content does not match its hash');
    this.prev = e.hash;
    return true;
  }

  /** Marks the chain broken for a reason found outside the entries (head, attested rows). */
  fail(reason: string, brokenAt: number | null = null): void {
    if (this.failure === undefined) this.failure = { ok: false, entries: this.n, brokenAt, reason };
  }

  get count(): number {
    return this.n;
  }

  get last(): string {
    return this.prev;
  }

  result(): ChainCheck {
    return this.failure ?? { ok: true, entries: this.n, head: this.prev };
  }
}

export function verifyChain(
  key: Buffer,
  entries: Iterable<AuditContent & { prev_hash: string; hash: string }>,
): ChainCheck {
  const v = new ChainVerifier((prev, e) => auditHash(key, prev, e));
  for (const e of entries) if (!v.push(e)) break;
  return v.result();
}
