/** A run's progress bar and status, fed by its event stream; stops when the view's signal aborts. */
import type { Run, RunProgress } from '../api.js';
import { figures, h } from '../dom.js';
import { eventStream } from '../lifecycle.js';

export interface ProgressOptions {
  readonly signal: AbortSignal;
  /** The progress message in words (default: the message and the share done). */
  readonly describe?: (p: RunProgress) => { text: string; determinate: boolean };
  readonly onDone: (run: Run) => void;
  /** When the run's status changes (queued → running). */
  readonly onStatus?: (run: Run) => void;
}

/** Returns the element (bar and status line) and starts listening. */
export function runProgress(run: Run, o: ProgressOptions): HTMLElement {
  const bar = h('progress', { max: 1, value: 0, 'aria-label': `${run.kind} progress` });
  const label = h('span', { role: 'status' }, run.status);
  const describe =
    o.describe ??
    ((p: RunProgress) => ({
      text: `${p.message ?? 'running'} ${figures.share(p.total > 0 ? p.done / p.total : 0)}`,
      determinate: true,
    }));
  const close = eventStream(o.signal, `/api/runs/${encodeURIComponent(run.id)}/events`, {
    status: (r) => {
      label.textContent = (r as Run).status;
      o.onStatus?.(r as Run);
    },
    progress: (x) => {
      const p = x as RunProgress;
      const d = describe(p);
      if (d.determinate && p.total > 0) {
        bar.max = p.total;
        bar.value = p.done;
      } else bar.removeAttribute('value');
      label.textContent = d.text;
    },
    done: (x) => {
      const final = x as Run;
      close();
      label.textContent = final.status;
      bar.max = 1;
      bar.value = 1;
      o.onDone(final);
    },
  });
  return h('span', { class: 'progress' }, bar, ' ', label);
}
