/**
 * What the workspace tells its listeners after a commit (the server streams it to browsers). Heard in
 * this process only: a second server on the same PostgreSQL database does not hear another's commits.
 */
import type { CanvassAsk } from './canvass-repository.js';
import type { RunRecord } from './run-repository.js';

export type WorkspaceEvent =
  | {
      readonly type: 'version';
      readonly scenarioId: string;
      readonly version: number;
      readonly hash: string;
      readonly actor: string;
      readonly at: string;
      readonly changes: readonly { readonly action: string; readonly target: string }[];
    }
  | { readonly type: 'run'; readonly run: RunRecord }
  | { readonly type: 'canvass'; readonly ask: CanvassAsk };

export interface WorkspaceEvents {
  /** Hears every commit (versions, runs created or changing status, canvass asks); returns the unsubscribe. */
  subscribe(listener: (e: WorkspaceEvent) => void): () => void;
}
