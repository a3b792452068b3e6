export { createThreadPool, sharedThreadPool, type PoolOptions, type ThreadPool } from './pool.js';
export { inlineExecutor, threadExecutor, type ChunkExecutor, type ThreadExecutor } from './threads.js';
