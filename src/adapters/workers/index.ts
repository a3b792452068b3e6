export { createWorkerPool, sharedWorkerPool, type PoolOptions, type WorkerPool } from './pool.js';
export { inlineExecutor, threadExecutor, type ChunkExecutor } from './threads.js';
export { coverageWorker, type CoverageWorker } from './coverage-worker.js';
