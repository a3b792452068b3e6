export { createWorkerPool, sharedWorkerPool, type PoolOptions, type WorkerPool } from './pool.js';
export { inlineExecutor, threadExecutor, type ChunkExecutor, type ThreadExecutor } from './threads.js';
