import { readFileSync } from 'node:fs';

/** Bulwark's version, from package.json (printed by --version and recorded in every briefing). */
export const bulwarkVersion = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
