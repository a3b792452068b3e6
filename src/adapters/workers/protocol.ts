/** Messages between the pool (main thread) and an assurance worker. Typed once, used on both sides. */
import type { Job, PartialStats } from '../../core/assure/index.js';

export type ToWorker =
  | { readonly type: 'job'; readonly jobId: number; readonly job: Job }
  | {
      readonly type: 'chunk';
      readonly jobId: number;
      readonly index: number;
      readonly seed: number;
      readonly from: number;
      readonly to: number;
    };

export type FromWorker =
  | { readonly type: 'done'; readonly jobId: number; readonly index: number; readonly stats: PartialStats[] }
  | { readonly type: 'error'; readonly jobId: number; readonly message: string };
