/**
 * What producers and `bulwark worker` processes agree on: the queue name, Redis key names and the chunk
 * payload, checked with zod by the worker (a payload that fails is a poison job: it fails at once with
 * the reason recorded, and is never retried).
 *
 * Payload choice: the compiled job (every model's parameters as numbers and typed arrays, identical for
 * any host) is stored once per run under `bulwark:job:<sha256>` and each chunk carries only that hash,
 * the seed and its run range. Workers therefore never load scenarios, never plan, and cannot disagree
 * with the producer about defaults or variants; the hash lets them check what they fetched.
 */
import { z } from 'zod';

/** BullMQ queue of assurance chunks. All producers and workers of one Redis share it. */
export const QUEUE_NAME = 'bulwark-assure';

/** Version of the payload and result formats; a worker refuses other versions (as poison). 2: `model`. */
export const PROTOCOL_VERSION = 2;

/** Key of a stored compiled job: its SHA-256 (hex) over the encoded text. */
export const jobKey = (hash: string): string => `bulwark:job:${hash}`;

/** Key where a worker leaves a chunk's encoded statistics for the producer to collect. */
export const resultKey = (runId: string, index: number): string => `bulwark:result:${runId}:${index}`;

/** BullMQ job id of a chunk (custom ids must not contain ':'). */
export const chunkJobId = (runId: string, index: number): string => `${runId}-${index}`;

/** Stored jobs and uncollected results expire after this long (seconds): a day. */
export const STORE_TTL_SECONDS = 24 * 3600;

export const ChunkPayload = z
  .strictObject({
    v: z.literal(PROTOCOL_VERSION),
    /** Identifies one producer's run (one job over [0, runs)). */
    run: z.string().regex(/^[A-Za-z0-9_]{8,64}$/),
    index: z.int().min(0),
    /** SHA-256 (hex) of the stored, encoded job. */
    job: z.string().regex(/^[0-9a-f]{64}$/),
    /** The producer's model hash (model-hash.ts): a worker with another refuses the chunk. */
    model: z.string().regex(/^[0-9a-f]{64}$/),
    seed: z
      .int()
      .min(0)
      .max(2 ** 32 - 1),
    from: z.int().min(0),
    to: z.int().min(1),
  })
  .refine((p) => p.to > p.from, { message: 'empty run range', path: ['to'] });
export type ChunkPayload = z.infer<typeof ChunkPayload>;

/** Start of a worker's failure reason when the chunk's model hash is not its own (the producer reports it). */
export const MODEL_MISMATCH = 'model build mismatch';

/** A worker's return value: where the statistics are, and how many runs they cover. */
export interface ChunkReturn {
  readonly result: string;
  readonly runs: number;
}
