// The command line: `sitrep [--data DIR] [--db PATH] <command> [arguments] [--json]`.
// Chat commands run through the same modules as in chat; `ingest` and `start` are command-line only.
import { findCommand, COMMANDS } from '../commands/index.ts';
import { parseArgv } from '../commands/parse.ts';
import { runCommand } from '../commands/run.ts';
import { CommandError } from '../commands/types.ts';
import { renderText } from './adapters/console/render.ts';
import { dataDir, dbPath, loadDotEnv } from './config.ts';
import { problemLines, summarizeIngest, syncFolder, type IngestReport } from './service/ingest.ts';
import { FolderUnreadableError } from './service/scan.ts';
import { Sitrep } from './service/sitrep.ts';
import { start } from './start.ts';

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
  --quiet      no indexing summary on stderr
  --prune      let this run drop every indexed file that is gone from the data folder, even most of the
               index (without it, a sync that would drop more than half keeps them and says so)`;

interface Global {
  data?: string;
  db?: string;
  json: boolean;
  quiet: boolean;
  prune: boolean;
  help: boolean;
  rest: string[];
}

function readGlobal(argv: string[]): Global {
  const g: Global = { json: false, quiet: false, prune: false, help: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.match(/^--(data|db)=(.*)$/);
    if (eq) g[eq[1] as 'data' | 'db'] = eq[2];
    else if (a === '--data' || a === '--db') {
      const v = argv[++i];
      if (v === undefined) throw new CommandError(`${a} needs a value.`);
      g[a.slice(2) as 'data' | 'db'] = v;
    } else if (a === '--json') g.json = true;
    else if (a === '--quiet' || a === '-q') g.quiet = true;
    else if (a === '--prune') g.prune = true;
    else if ((a === '--help' || a === '-h') && g.rest.length === 0) g.help = true;
    else g.rest.push(a);
  }
  return g;
}

function report(r: IngestReport | null, g: Global, always = false): void {
  if (!r) return;
  // Degraded extraction is said even with --quiet.
  if (g.quiet) {
    for (const line of problemLines(r)) console.error(`sitrep: ${line}`);
    return;
  }
  if (r.problems?.length) always = true;
  if (always || r.filesIndexed || r.removed || r.skipped.length || r.warnings.length || r.pruneRefused) console.error(`sitrep: ${summarizeIngest(r)}`);
}

/**
 * The first sync of a run. A data folder that cannot be read is reported (naming it) and changes nothing:
 * commands answer from the index as it was. `--prune` runs this sync with pruning allowed; the Sitrep's
 * caches are still empty here, so syncing its store directly is the same as `sitrep.sync()`.
 */
function firstSync(sitrep: Sitrep, g: Global): { report: IngestReport | null; error: string | null } {
  try {
    const report = g.prune && sitrep.dataDir ? syncFolder(sitrep.store, sitrep.dataDir, { prune: true }) : sitrep.sync();
    return { report, error: null };
  } catch (e) {
    if (!(e instanceof FolderUnreadableError)) throw e;
    console.error(`sitrep: error: ${e.message}`);
    return { report: null, error: e.message };
  }
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
      const { report: synced, error } = firstSync(sitrep, g);
      const named = args.length ? sitrep.ingest(args) : null;
      if (g.json) console.log(JSON.stringify({ ingest: { data: synced, named, ...(error ? { error } : {}) } }));
      else {
        report(synced, g, true);
        report(named, g, true);
      }
      return error || synced?.pruneRefused || (named ?? synced)?.skipped.length ? 1 : 0;
    }
    report(firstSync(sitrep, g).report, g);
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
    return 0;
  } finally {
    sitrep.close();
  }
}
