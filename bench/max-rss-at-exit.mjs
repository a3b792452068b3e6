// Preloaded by `npm run bench:scale` (`node --import ./bench/max-rss-at-exit.mjs …`) into a command it
// measures whole, such as `bulwark plan`: at exit, one JSON line on stderr with the process's peak resident
// memory, so that the figure covers everything the command does (build, solves, interpretation, output).
import process from 'node:process';

process.on('exit', () => {
  process.stderr.write(`\n${JSON.stringify({ maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
});
