// Runs /ask on the scale bench's questions (bench/scale.ts) several rounds in one process, through the
// path chat uses (commands/run.ts), for a CPU profile and warm timings:
//   node --cpu-prof --cpu-prof-dir DIR bin/run-ts.js bench/ask-profile.ts DATA_DIR DB_PATH [ROUNDS]
import { runCommand } from '../commands/run.ts';
import type { CommandContext } from '../commands/types.ts';
import { Sitrep } from '../src/service/sitrep.ts';
import { fmt, headlines, percentile } from './scale-lib.ts';
import { QUESTIONS, questionsFrom } from './scale.ts';

const DEFAULT_ROUNDS = 3;

const [dataDir, dbPath, rounds = String(DEFAULT_ROUNDS)] = process.argv.slice(2);
if (!dataDir || !dbPath) throw new Error('usage: bench/ask-profile.ts DATA_DIR DB_PATH [ROUNDS]');
const sitrep = Sitrep.open({ dataDir, dbPath, readonly: true });
try {
  const questions = questionsFrom(headlines(dataDir, QUESTIONS));
  const ctx: CommandContext = { sitrep, platform: 'cli', channelId: 'bench', canManage: true };
  const ask = (question: string) => runCommand(ctx, 'ask', { options: { question } });
  await ask(questions[0]); // warm the statement cache, as the scale bench does
  for (let round = 1; round <= Number(rounds); round++) {
    const times: number[] = [];
    for (const q of questions) {
      const t0 = performance.now();
      await ask(q);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const total = times.reduce((a, t) => a + t, 0);
    console.log(`round ${round}: p50 ${fmt(percentile(times, 50), 1)} ms, p99 ${fmt(percentile(times, 99), 1)} ms, max ${fmt(times.at(-1)!, 1)} ms, total ${fmt(total)} ms`);
  }
  console.log(`peak RSS: ${fmt(process.resourceUsage().maxRSS / 1024)} MB`);
} finally {
  sitrep.close();
}
