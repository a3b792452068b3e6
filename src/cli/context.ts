import type { Config } from '../config/index.js';

/** What a command may touch: output streams, stdin, the validated configuration and the exit status. */
export interface CliContext {
  readonly config: Config;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Pretty-printed JSON on stdout, for `--json`. */
  readonly json: (value: unknown) => void;
  readonly readStdin: () => string;
  /** True when stderr is a terminal (progress bars go there). */
  readonly interactive: boolean;
  exitCode: number;
}
