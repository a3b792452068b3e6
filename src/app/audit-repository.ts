/**
 * The port of the workspace's hash-chained audit log: read it, verify it, and read its signed head.
 * Entries are appended by the other repositories in the transaction of the change they record.
 * Implemented by `adapters/store`; declared here, beside its user (`Workspace`).
 */

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly scenarioId: string | null;
  readonly scenarioVersion: number | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly hash: string;
}

/** The chain's head: entry count and last hash, signed with the audit key. */
export interface AuditHead {
  readonly entries: number;
  readonly head: string;
  readonly signature: string;
}

/** The one-line printable form of a head, for off-site keeping: `bulwark-audit-head/1 entries=… head=… sig=…`. */
export function formatHead(h: AuditHead): string {
  return `bulwark-audit-head/1 entries=${h.entries} head=${h.head} sig=${h.signature}`;
}

/** Parses `formatHead`'s line; undefined when it is not one. */
export function parseHead(line: string): AuditHead | undefined {
  const m = /^bulwark-audit-head\/1 entries=(\d{1,15}) head=([0-9a-f]{64}) sig=([0-9a-f]{64})$/.exec(
    line.trim(),
  );
  if (m === null) return undefined;
  return { entries: Number(m[1]), head: m[2]!, signature: m[3]! };
}

export type ChainCheck =
  | { readonly ok: true; readonly entries: number; readonly head: string }
  | {
      readonly ok: false;
      readonly entries: number;
      /** First entry whose link or hash does not match; null when the entries are intact but what they attest is not. */
      readonly brokenAt: number | null;
      readonly reason: string;
    };

/**
 * Filters of `listAudit`: `scenarioId`, `target` (exact), `targetLike` (a LIKE pattern with `\` as the
 * escape character: build it with `likeLiteral`), `actor`, and `from`/`to` (ISO times, `at >= from`,
 * `at < to`); `beforeSeq` pages back; `limit` 1 … 1000 (default 100).
 */
export interface AuditFilter {
  readonly scenarioId?: string;
  readonly beforeSeq?: number;
  readonly limit?: number;
  readonly target?: string;
  readonly targetLike?: string;
  readonly actor?: string;
  readonly from?: string;
  readonly to?: string;
}

/** Escapes `\`, `%` and `_` so `text` matches itself in a LIKE pattern (with `\` as the escape). */
export const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface AuditRepository {
  /** Entries newest first; throws `usage` for a limit outside 1 … 1000 or a before that is not positive. */
  listAudit(q?: AuditFilter): Promise<AuditEntry[]>;
  /**
   * Verifies the chain, its signed head, the rows it attests and, when given, an off-site copy of an
   * earlier head. A broken log is a value (`ok: false`), never a throw.
   */
  verifyAudit(options?: { expect?: AuditHead }): Promise<ChainCheck>;
  /** The signed head; undefined before the first entry. */
  auditHead(): Promise<AuditHead | undefined>;
}
