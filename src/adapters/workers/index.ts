export { createWorkerPool, workerEntry, type PoolOptions, type WorkerPool } from './pool.js';
