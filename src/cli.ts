// The command line: `sitrep [--data DIR] [--db PATH] <command> [arguments] [--json]`.
// Chat commands run through the same modules as in chat; `ingest` and `start` are command-line only.
import { findCommand, COMMANDS } from '../commands/index.ts';
import { parseArgv } from '../commands/parse.ts';
import { runCommand } from '../commands/run.ts';
import { CommandError } from '../commands/types.ts';
import { renderText } from './adapters/console/render.ts';
import { dataDir, dbPath, loadDotEnv } from './config.ts';
import { summarizeIngest, type IngestReport } from './service/ingest.ts';
import { Sitrep } from './service/sitrep.ts';
import { start } from './start.ts';
import { writeCharts } from './charts/write.ts';
import type { ReplyAttachment } from './reply.ts';

const USAGE = `Usage: sitrep [--data DIR] [--db PATH] <command> [arguments] [--json]

Commands:
  start                 run Sitrep: Discord and/or Slack when configured, else a console session
  ingest [PATH...]      index the data folder (and any files or folders named)
  deploy-commands [--guild ID | --global]
                        register the Discord slash commands (one server, or global)
${COMMANDS.map((c) => (c.usage.length > 22 ? `  ${c.usage.slice(1)}\n${' '.repeat(24)}${c.description}` : `  ${c.usage.slice(1).padEnd(22)}${c.description}`)).join('\n')}

Options:
  --data DIR   folder of articles (default: SITREP_DATA or ./data)
  --db PATH    index file (default: SITREP_DB or one file per data folder in ~/.local/state/sitrep/)
  --json       print one JSON object on stdout
  --chart FILE write the answer's chart (PNG) to FILE (numbers); further charts go to FILE-2.png, ...
  --quiet      no indexing summary on stderr`;

interface Global {
  data?: string;
  db?: string;
  chart?: string;
  json: boolean;
  quiet: boolean;
  help: boolean;
  rest: string[];
}

function readGlobal(argv: string[]): Global {
  const g: Global = { json: false, quiet: false, help: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.match(/^--(data|db|chart)=(.*)$/);
    if (eq) g[eq[1] as 'data' | 'db' | 'chart'] = eq[2];
    else if (a === '--data' || a === '--db' || a === '--chart') {
      const v = argv[++i];
      if (v === undefined) throw new CommandError(`${a} needs a value.`);
      g[a.slice(2) as 'data' | 'db' | 'chart'] = v;
    } else if (a === '--json') g.json = true;
    else if (a === '--quiet' || a === '-q') g.quiet = true;
    else if ((a === '--help' || a === '-h') && g.rest.length === 0) g.help = true;
    else g.rest.push(a);
  }
  return g;
}

/** Writes the charts `--chart FILE` asks for, and says on stderr what there was; 1 when one could not be written. */
function reportCharts(attachments: ReplyAttachment[], g: Global): number {
  if (!g.chart) {
    if (attachments.length && !g.quiet && !g.json) console.error(`sitrep: ${attachments.length} chart(s) with this answer; --chart FILE writes them.`);
    return 0;
  }
  if (attachments.length === 0) {
    console.error('sitrep: this answer has no chart (a figure needs three reports over time, or outlets that differ).');
    return 0;
  }
  const { written, errors } = writeCharts(g.chart, attachments);
  for (const path of written) console.error(`sitrep: chart written to ${path}`);
  for (const e of errors) console.error(`sitrep: ${e}`);
  return errors.length ? 1 : 0;
}

function report(r: IngestReport | null, g: Global, always = false): void {
  if (!r || g.quiet) return;
  if (always || r.filesIndexed || r.removed || r.skipped.length || r.warnings.length) console.error(`sitrep: ${summarizeIngest(r)}`);
}

export async function main(argv: string[]): Promise<number> {
  let g: Global;
  try {
    g = readGlobal(argv);
  } catch (e) {
    console.error(`sitrep: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [name = g.help ? 'help' : 'start', ...args] = g.rest;
  if (g.help || name === '--help') {
    console.log(USAGE);
    return 0;
  }
  loadDotEnv();
  if (name === 'deploy-commands') {
    const { runDeployCommands } = await import('./adapters/discord/deploy.ts');
    return runDeployCommands(args);
  }
  const data = dataDir(g.data);
  const sitrep = Sitrep.open({ dataDir: data, dbPath: dbPath(g.db, data) });
  try {
    if (name === 'ingest') {
      const synced = sitrep.sync();
      const named = args.length ? sitrep.ingest(args) : null;
      if (g.json) console.log(JSON.stringify({ ingest: { data: synced, named } }));
      else {
        report(synced, g, true);
        report(named, g, true);
      }
      return (named ?? synced)?.skipped.length ? 1 : 0;
    }
    report(sitrep.sync(), g);
    if (name === 'start') {
      return await start(sitrep).catch((e: Error) => {
        console.error(`sitrep: ${e.message}`);
        return 1;
      });
    }
    const cmd = findCommand(name);
    if (!cmd) {
      console.error(`sitrep: unknown command "${name}".\n\n${USAGE}`);
      return 2;
    }
    let input;
    try {
      input = parseArgv(cmd, args);
    } catch (e) {
      if (!(e instanceof CommandError)) throw e;
      console.error(`sitrep: ${e.message}${e.usage ? `\nUsage: ${e.usage.replace(/^\//, 'sitrep ')}` : ''}`);
      return 2;
    }
    const result = await runCommand({ sitrep, platform: 'cli', channelId: 'cli', canManage: true }, cmd.name, input);
    if (result.reply.kind === 'error') {
      console.error(`sitrep: ${renderText(result.reply)}`);
      return 2;
    }
    if (g.json) console.log(JSON.stringify(result.json ?? {}));
    else console.log(renderText(result.reply));
    return reportCharts(result.reply.attachments ?? [], g);
  } finally {
    sitrep.close();
  }
}
