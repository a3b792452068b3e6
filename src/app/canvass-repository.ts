/**
 * The port of the canvass: which nations were asked to fill which gap, and what they answered.
 * Implemented by `adapters/store`; declared here, beside its user (`CanvassBook`).
 */

export const canvassStatuses = ['asked', 'offered', 'declined'] as const;
export type CanvassStatus = (typeof canvassStatuses)[number];

/** One ask of the canvass. */
export interface CanvassAsk {
  readonly id: string;
  readonly scenarioId: string;
  readonly mission: string;
  readonly capability: string;
  readonly nation: string;
  readonly status: CanvassStatus;
  readonly offer: string | null;
  readonly note: string | null;
  readonly askedBy: string;
  readonly askedAt: string;
  readonly updatedAt: string;
}

export interface NewAskRecord {
  readonly scenarioId: string;
  readonly mission: string;
  readonly capability: string;
  readonly nation: string;
  readonly status: CanvassStatus;
  readonly offer: string | null;
  readonly note: string | null;
}

export interface AskPatch {
  readonly status?: CanvassStatus;
  readonly offer?: string | null;
  readonly note?: string | null;
}

export interface CanvassRepository {
  /** A scenario's asks, oldest first. */
  listCanvass(scenarioId: string): Promise<CanvassAsk[]>;
  /** Records an ask (audited as `canvass.create`). */
  createAsk(actor: string, a: NewAskRecord): Promise<CanvassAsk>;
  /** Records an answer (audited as `canvass.update`); throws `not-found` when there is no such ask. */
  updateAsk(actor: string, scenarioId: string, id: string, patch: AskPatch): Promise<CanvassAsk>;
}
