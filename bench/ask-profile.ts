// Runs /ask on the scale bench's questions (bench/scale.ts) several rounds in one process, through the
// path chat uses (commands/run.ts), for a CPU profile and warm timings. Each round opens the index anew
// (cold SQLite page cache and word counts, as in the scale bench's own process), answers the first
// question to warm up, then the others in the scale bench's order. WordNet's synonyms stay cached.
//   node --cpu-prof --cpu-prof-dir DIR bin/run-ts.js bench/ask-profile.ts DATA_DIR DB_PATH [ROUNDS]
import { runCommand } from '../commands/run.ts';
import type { CommandContext } from '../commands/types.ts';
import { Sitrep } from '../src/service/sitrep.ts';
import { fmt, headlines, percentile } from './scale-lib.ts';
import { QUESTIONS, questionsFrom } from './scale.ts';

const DEFAULT_ROUNDS = 3;

/** The slowest questions of a round are named (the p99 of 200 runs is the second slowest). */
const SLOWEST = 4;

interface Timed {
  question: string;
  ms: number;
}

async function round(dataDir: string, dbPath: string, questions: string[]): Promise<Timed[]> {
  const sitrep = Sitrep.open({ dataDir, dbPath, readonly: true });
  try {
    const ctx: CommandContext = { sitrep, platform: 'cli', channelId: 'bench', canManage: true };
    const ask = (question: string) => runCommand(ctx, 'ask', { options: { question } });
    await ask(questions[0]);
    const times: Timed[] = [];
    for (let i = 1; i <= questions.length; i++) {
      const question = questions[i % questions.length];
      const t0 = performance.now();
      await ask(question);
      times.push({ question, ms: performance.now() - t0 });
    }
    return times.sort((a, b) => a.ms - b.ms);
  } finally {
    sitrep.close();
  }
}

const [dataDir, dbPath, rounds = String(DEFAULT_ROUNDS)] = process.argv.slice(2);
if (!dataDir || !dbPath) throw new Error('usage: bench/ask-profile.ts DATA_DIR DB_PATH [ROUNDS]');
const questions = questionsFrom(headlines(dataDir, QUESTIONS));
for (let r = 1; r <= Number(rounds); r++) {
  const timed = await round(dataDir, dbPath, questions);
  const times = timed.map((t) => t.ms);
  const total = times.reduce((a, t) => a + t, 0);
  console.log(`round ${r}: p50 ${fmt(percentile(times, 50), 1)} ms, p99 ${fmt(percentile(times, 99), 1)} ms, max ${fmt(times.at(-1)!, 1)} ms, total ${fmt(total)} ms`);
  for (const t of timed.slice(-SLOWEST).reverse()) console.log(`  ${fmt(t.ms, 1)} ms  ${t.question}`);
}
console.log(`peak RSS: ${fmt(process.resourceUsage().maxRSS / 1024)} MB`);
