#!/usr/bin/env node
// The `sitrep` command: loads the TypeScript sources through tsx (Node 20 has no type stripping).
import { register } from 'tsx/esm/api';

register();
// A reader that closes the pipe early (`sitrep ask ... | head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
