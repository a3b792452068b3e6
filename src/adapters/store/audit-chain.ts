/**
 * The audit log's hash chain: each entry's hash covers its content and the previous entry's hash, so
 * editing, deleting or reordering any committed entry breaks every hash after it (`bulwark audit verify`).
 * hash(n) = sha256(hash(n-1) + "\n" + canonical JSON of entry n without its hashes); hash(0) = 64 zeros.
 */
import { createHash } from 'node:crypto';
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
}

export function auditHash(prevHash: string, e: AuditContent): string {
  const content = canonicalJson({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    target: e.target,
    scenario_id: e.scenario_id,
    scenario_version: e.scenario_version,
    before: e.before,
    after: e.after,
  });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

export type ChainCheck =
  | { readonly ok: true; readonly entries: number; readonly head: string }
  | {
      readonly ok: false;
      readonly entries: number;
      /** First entry whose link or hash does not match. */
      readonly brokenAt: number;
      readonly reason: string;
    };

/** Checks entries in `seq` order, starting from the genesis hash; feed it page by page. */
export class ChainVerifier {
  private prev = genesisHash;
  private n = 0;
  private failure: ChainCheck | undefined;

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
    if (auditHash(this.prev, e) !== e.hash) return fail('content does not match its hash');
    this.prev = e.hash;
    return true;
  }

  result(): ChainCheck {
    return this.failure ?? { ok: true, entries: this.n, head: this.prev };
  }
}

export function verifyChain(
  entries: Iterable<AuditContent & { prev_hash: string; hash: string }>,
): ChainCheck {
  const v = new ChainVerifier();
  for (const e of entries) if (!v.push(e)) break;
  return v.result();
}
