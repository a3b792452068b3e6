/**
 * Merges chunk results arriving in any order, any number of times, into the same totals as
 * `mergeChunks(models, chunks)` in chunk order: each chunk index is accepted once (a chunk retried after a
 * stall, or reported twice, is never counted twice) and folded into the totals strictly in index order,
 * so memory holds only the chunks that arrived ahead of the next one due.
 */
import { emptyStats, mergeInto, type LadderParams, type PartialStats } from '../../core/assure/index.js';

export interface ChunkMerger {
  /** Records chunk `index`'s statistics; returns false (and ignores them) if it was already recorded. */
  accept(index: number, stats: readonly PartialStats[]): boolean;
  has(index: number): boolean;
  /** Chunks recorded so far. */
  readonly received: number;
  readonly complete: boolean;
  /** The merged statistics, one per model. Throws if a chunk is missing. */
  result(): PartialStats[];
}

export function createChunkMerger(models: readonly LadderParams[], chunks: number): ChunkMerger {
  const totals = models.map(emptyStats);
  const seen = new Uint8Array(chunks);
  const pending = new Map<number, readonly PartialStats[]>();
  let next = 0;
  let received = 0;
  return {
    accept(index, stats) {
      if (!Number.isInteger(index) || index < 0 || index >= chunks)
        throw new RangeError(`chunk index ${index} outside 0…${chunks - 1}`);
      if (seen[index] === 1) return false;
      if (stats.length !== models.length)
        throw new RangeError(`chunk ${index}: ${stats.length} statistics for ${models.length} models`);
      seen[index] = 1;
      received++;
      pending.set(index, stats);
      for (let s = pending.get(next); s !== undefined; s = pending.get(next)) {
        pending.delete(next);
        s.forEach((x, v) => mergeInto(totals[v]!, x));
        next++;
      }
      return true;
    },
    has: (index) => seen[index] === 1,
    get received() {
      return received;
    },
    get complete() {
      return next === chunks;
    },
    result() {
      if (next !== chunks) throw new Error(`merge incomplete: ${chunks - received} chunks missing`);
      return totals;
    },
  };
}

/** Splits runs [first, first + runs) into consecutive ranges of `chunkRuns` (the last may be shorter). */
export function chunkRanges(runs: number, chunkRuns: number, first = 0): [number, number][] {
  if (!Number.isSafeInteger(chunkRuns) || chunkRuns < 1) throw new RangeError('chunkRuns must be ≥ 1');
  const out: [number, number][] = [];
  const end = first + runs;
  for (let from = first; from < end; from += chunkRuns) out.push([from, Math.min(end, from + chunkRuns)]);
  return out;
}
