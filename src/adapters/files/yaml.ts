/**
 * The YAML parser, loaded on first use. A built-in scenario read from the parsed-once cache needs no YAML
 * at all, and loading the parser takes about 60–80 ms of a command's start. `require` keeps the readers
 * synchronous; it loads yaml's CommonJS build, the same one Node's `import` resolves to, so there is one
 * copy of the package either way.
 */
import { createRequire } from 'node:module';
import type * as YamlModule from 'yaml';

let loaded: typeof YamlModule | undefined;

/** The `yaml` package (loaded on the first call). */
export function yaml(): typeof YamlModule {
  loaded ??= createRequire(import.meta.url)('yaml') as typeof YamlModule;
  return loaded;
}
