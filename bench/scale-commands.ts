// Child of bench/scale.ts: one command's warm latency on a built index, through the path chat uses
// (commands/run.ts's runCommand; autocomplete through the Discord adapter's suggestion function). Reports
// every run as it ends, so the parent can stop a command that takes too long without losing the others.
//   node bin/run-ts.js bench/scale-commands.ts DATA_DIR DB_PATH SPEC_JSON
import { runCommand } from '../commands/run.ts';
import type { CommandContext, CommandInput } from '../commands/types.ts';
import { suggest } from '../src/adapters/discord/autocomplete.ts';
import { databaseUrl } from '../src/config.ts';
import { Sitrep } from '../src/service/sitrep.ts';
import { bridgeTrips } from '../src/store/pg/bridge.ts';
import { report } from './scale-lib.ts';

export type CaseName = 'ask' | 'who-said' | 'who-said SPEAKER' | 'numbers' | 'numbers about TOPIC' | 'stories' | 'digest now' | 'autocomplete';

export interface CommandSpec {
  case: CaseName;
  runs: number;
  /** Stop taking runs once this much time has gone on the command (the runs so far are reported). */
  budgetMs: number;
  questions: string[];
  topics: string[];
}

export type CommandMessage =
  | { phase: 'setup'; ms: number; detail: string }
  | { phase: 'warm'; ms: number }
  /** `trips`: calls to PostgreSQL the run made (0 on SQLite). */
  | { phase: 'run'; ms: number; trips: number }
  | { phase: 'done'; maxRssBytes: number };

/** Speakers to ask about, by a fixed rule: every other one of the most quoted (ranks 1, 3, 5, ...). */
const SPEAKERS = 6;
/** Typed prefixes for autocomplete besides the chosen speakers' first letters. */
const FIXED_PREFIXES = ['a', 'jo', 'mi', 's', 'the', 'xq'];

type Step = () => Promise<unknown> | unknown;

function speakerNames(sitrep: Sitrep): string[] {
  const top = suggest(sitrep, 'speakers', '').map((c) => c.value);
  return top.filter((_, i) => i % 2 === 0).slice(0, SPEAKERS);
}

/** The calls a case cycles through. */
function stepsFor(sitrep: Sitrep, spec: CommandSpec): { steps: Step[]; detail: string } {
  const ctx: CommandContext = { sitrep, platform: 'cli', channelId: 'bench', canManage: true };
  const run = (name: string, input: CommandInput) => () => runCommand(ctx, name, input);
  switch (spec.case) {
    case 'ask':
      return { steps: spec.questions.map((q) => run('ask', { options: { question: q } })), detail: `${spec.questions.length} questions` };
    case 'who-said':
      return { steps: [run('who-said', { options: {} })], detail: 'no speaker' };
    case 'who-said SPEAKER': {
      const names = speakerNames(sitrep);
      return { steps: names.map((s) => run('who-said', { options: { speaker: s } })), detail: names.join(', ') || 'no speakers in the index' };
    }
    case 'numbers':
      return { steps: [run('numbers', { options: {} })], detail: 'latest stories' };
    case 'numbers about TOPIC':
      return { steps: spec.topics.map((t) => run('numbers', { options: { about: t } })), detail: spec.topics.join(', ') };
    case 'stories':
      return { steps: [run('stories', { options: {} })], detail: '' };
    case 'digest now':
      return { steps: [run('digest', { subcommand: 'now', options: {} })], detail: '' };
    case 'autocomplete': {
      const prefixes = [...new Set([...speakerNames(sitrep).flatMap((s) => [s.slice(0, 1), s.slice(0, 3)]), ...FIXED_PREFIXES])];
      return { steps: prefixes.map((p) => () => suggest(sitrep, 'speakers', p)), detail: `prefixes ${prefixes.map((p) => `"${p}"`).join(' ')}` };
    }
  }
}

async function timed(step: Step): Promise<number> {
  const t0 = performance.now();
  await step();
  return performance.now() - t0;
}

const [dataDir, dbPath, specJson] = process.argv.slice(2);
const spec = JSON.parse(specJson) as CommandSpec;
const sitrep = Sitrep.open({ dataDir, dbPath, databaseUrl: databaseUrl() });
try {
  const t0 = performance.now();
  const { steps, detail } = stepsFor(sitrep, spec);
  report({ phase: 'setup', ms: performance.now() - t0, detail } satisfies CommandMessage);
  if (steps.length) {
    report({ phase: 'warm', ms: await timed(steps[0]) } satisfies CommandMessage);
    const started = performance.now();
    for (let i = 0; i < spec.runs && performance.now() - started < spec.budgetMs; i++) {
      const before = bridgeTrips.calls;
      const ms = await timed(steps[(i + 1) % steps.length]);
      report({ phase: 'run', ms, trips: bridgeTrips.calls - before } satisfies CommandMessage);
      await new Promise((r) => setImmediate(r)); // let the report go out, as a chat process would between events
    }
  }
  report({ phase: 'done', maxRssBytes: process.resourceUsage().maxRSS * 1024 } satisfies CommandMessage);
} finally {
  sitrep.close();
}
