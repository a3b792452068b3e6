export {
  createWorkerPool,
  sharedWorkerPool,
  workerEntry,
  type PoolOptions,
  type WorkerPool,
} from './pool.js';
