#!/usr/bin/env node
// The `bulwark` executable. Runs the TypeScript sources through tsx so it works from a fresh clone
// after `npm install`, with no build step (see docs/decisions/0001-toolchain.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
