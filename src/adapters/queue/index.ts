export { createQueueRunner, type QueueRunner, type QueueRunnerOptions } from './producer.js';
export { startQueueWorker, type QueueWorker, type QueueWorkerOptions, type WorkerEvent } from './worker.js';
export { checkRedis, redactUrl, parseRedisUrl } from './connection.js';
export { encodeJob, decodeJob, encodeStats, decodeStats, CodecError } from './codec.js';
export { chunkRanges, createChunkMerger, type ChunkMerger } from './chunk-merger.js';
export { QUEUE_NAME, PROTOCOL_VERSION } from './protocol.js';
export { modelHash } from './model-hash.js';
