import { SingleBar, Presets } from 'cli-progress';
import type { CliContext } from './context.js';

export interface Progress {
  /** Sets the number of completed items (and the text after the counts, e.g. what is running). */
  update(done: number, detail?: string): void;
  /** Changes the total (work added as it goes, like the frontier's adaptive runs). */
  setTotal(total: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr when it is a terminal and output is not JSON; silent otherwise, so piped and
 * machine-readable output stay clean.
 */
export function startProgress(ctx: CliContext, label: string, total: number, enabled = true): Progress {
  if (!enabled || !ctx.interactive)
    return { update: () => undefined, setTotal: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | eta {eta_formatted}{detail}`,
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { detail: '' });
  return {
    update: (done, detail) => bar.update(done, { detail: detail === undefined ? '' : ` | ${detail}` }),
    setTotal: (total) => bar.setTotal(total),
    stop: () => bar.stop(),
  };
}
