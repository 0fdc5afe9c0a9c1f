// Per-command latency on an index already built, SQLite or PostgreSQL: each command run ROUNDS times after
// one warm-up, median and worst reported (ms). Usage: node bin/run-ts.js bench/store-commands.ts DATA_DIR
// (SITREP_DATABASE_URL set: PostgreSQL; else the SQLite index of DATA_DIR in SITREP_STATE_DIR).
import { runLine } from '../commands/run.ts';
import { databaseUrl, dataDir, dbPath } from '../src/config.ts';
import { Sitrep } from '../src/service/sitrep.ts';

const ROUNDS = 20;
const LINES = ['/ask how many people lost their jobs?', '/ask what did the chancellor say about taxes?', '/who-said Blair', '/who-said about oil', '/numbers about profits', '/stories'];

const data = dataDir(process.argv[2]);
const url = databaseUrl();
const sitrep = Sitrep.open({ dataDir: data, dbPath: dbPath(undefined, data), databaseUrl: url });
console.log(`${url ? 'postgres' : 'sqlite'}: ${sitrep.store.count()} articles`);
for (const line of LINES) {
  const times: number[] = [];
  for (let i = 0; i <= ROUNDS; i++) {
    const t = performance.now();
    await runLine({ sitrep: sitrep.withScopes(['shared', 'console']), platform: 'cli' }, line);
    if (i > 0) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${line.padEnd(48)} median ${times[Math.floor(times.length / 2)].toFixed(1)} ms, worst ${times.at(-1)!.toFixed(1)} ms`);
}
sitrep.close();
