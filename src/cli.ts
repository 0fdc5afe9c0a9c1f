// The command line: `sitrep [--data DIR] [--db PATH] <command> [arguments] [--json]`.
// Chat commands run through the same modules as in chat; `ingest` and `start` are command-line only.
import { existsSync } from 'node:fs';
import { findCommand, COMMANDS } from '../commands/index.ts';
import { parseArgv } from '../commands/parse.ts';
import { runCommand } from '../commands/run.ts';
import { CommandError } from '../commands/types.ts';
import { renderText } from './adapters/console/render.ts';
import { CHAT_WAIT_MS } from './store/waits.ts';
import { databaseUrl, dataDir, dbPath, DEFAULT_RETENTION_DAYS, ingestThreads, loadDotEnv, retentionDays, SettingError } from './config.ts';
import { writeJson } from './lazy-json.ts';
import { checkInstalled, parseWorkspace, WORKSPACE_FORM, WorkspaceError, type Workspace } from './workspace.ts';
import { analysisPool } from './service/analysis-pool.ts';
import { StoreOpenError } from './store/open-error.ts';
import { copySqliteToPg, MigrateError } from './store/pg/copy-sqlite.ts';
import { describeUrl, isPostgresUrl } from './store/pg/url.ts';
import { IndexBusyError } from './store/writer-lock.ts';
import { problemLines, summarizeIngest, type IngestReport } from './service/ingest.ts';
import { FolderUnreadableError } from './service/scan.ts';
import { Sitrep, type SitrepOptions } from './service/sitrep.ts';
import { closeSources } from './sources/registry.ts';
import { runSourcesCli, SOURCES_CLI_ONLY } from './sources/cli.ts';
import { start } from './start.ts';
import { writeCharts } from './charts/write.ts';
import type { ReplyAttachment } from './reply.ts';

const USAGE = `Usage: sitrep [--data DIR] [--db PATH] [--workspace PLATFORM:ID] <command> [arguments] [--json]

Commands:
  start                 run Sitrep: Discord and/or Slack when configured, else a console session
  ingest [PATH...]      index the data folder (and any files or folders named)
  deploy-commands [--guild ID | --global]
                        register the Discord slash commands (one server, or global)
  sources import FEEDS.opml
                        follow every feed an OPML file lists
  sources poll          fetch every source once, index what is new, and exit
  migrate --to postgres://...
                        copy the SQLite index (and its sources, digests, settings) into an empty
                        PostgreSQL database; then set SITREP_DATABASE_URL to use it
${COMMANDS.map((c) => (c.usage.length > 22 ? `  ${c.usage.slice(1)}\n${' '.repeat(24)}${c.description}` : `  ${c.usage.slice(1).padEnd(22)}${c.description}`)).join('\n')}

Options:
  --data DIR   folder of articles (default: SITREP_DATA or ./data)
  --db PATH    index file (default: SITREP_DB or one file per data folder in ~/.local/state/sitrep/)
  --workspace PLATFORM:ID
               act as that server or workspace (discord:123456789012345678, slack:T0123ABCD; default:
               the console's own place): its sources, answers, digests and settings
  --json       print one JSON object on stdout (long lists are written as they are read)
  --since DATE with --json: only items newer than DATE (YYYY-MM-DD or ISO 8601)
  --limit N    with --json: at most N articles' items (stories: N stories)
  --chart FILE write the answer's chart (PNG) to FILE (numbers); further charts go to FILE-2.png, ...
  --quiet      no indexing summary on stderr
  --prune      let this run drop every indexed file that is gone from the data folder, even most of the
               index (without it, a sync that would drop more than half keeps them and says so)

Settings: SITREP_RETENTION_DAYS (default ${DEFAULT_RETENTION_DAYS}; 0 keeps everything), SITREP_INGEST_THREADS.`;

interface Global {
  data?: string;
  db?: string;
  since?: string;
  limit?: string;
  chart?: string;
  workspace?: string;
  json: boolean;
  quiet: boolean;
  prune: boolean;
  help: boolean;
  rest: string[];
}

type ValueFlag = 'data' | 'db' | 'since' | 'limit' | 'chart' | 'workspace';
const VALUE_FLAGS = ['--data', '--db', '--since', '--limit', '--chart', '--workspace'];

function readGlobal(argv: string[]): Global {
  const g: Global = { json: false, quiet: false, prune: false, help: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.match(/^--(data|db|since|limit|chart|workspace)=(.*)$/);
    if (eq) g[eq[1] as ValueFlag] = eq[2];
    else if (VALUE_FLAGS.includes(a)) {
      const v = argv[++i];
      if (v === undefined) throw new CommandError(`${a} needs a value${a === '--workspace' ? `: ${WORKSPACE_FORM}` : ''}.`);
      g[a.slice(2) as ValueFlag] = v;
    } else if (a === '--json') g.json = true;
    else if (a === '--quiet' || a === '-q') g.quiet = true;
    else if (a === '--prune') g.prune = true;
    else if ((a === '--help' || a === '-h') && g.rest.length === 0) g.help = true;
    else g.rest.push(a);
  }
  return g;
}

/** --since and --limit, checked. */
function rangeOf(g: Global): { since?: number; limit?: number } {
  const range: { since?: number; limit?: number } = {};
  if (g.since !== undefined) {
    const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(g.since) ? `${g.since}T00:00:00Z` : g.since);
    if (Number.isNaN(t)) throw new CommandError(`--since takes a date such as 2026-03-01 or 2026-03-01T08:00:00Z, not "${g.since.slice(0, 40)}".`);
    range.since = t;
  }
  if (g.limit !== undefined) {
    const n = Number(g.limit);
    if (!Number.isInteger(n) || n < 1) throw new CommandError(`--limit takes a whole number of 1 or more, not "${g.limit.slice(0, 40)}".`);
    range.limit = n;
  }
  return range;
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
 * commands answer from the index as it was; so do they while another Sitrep is indexing. `--prune` runs
 * this sync with pruning allowed.
 */
async function firstSync(sitrep: Sitrep, g: Global): Promise<{ report: IngestReport | null; error: string | null }> {
  try {
    return { report: await sitrep.sync({ prune: g.prune }), error: null };
  } catch (e) {
    if (e instanceof IndexBusyError) {
      // Another Sitrep is indexing: answer from the index as it is.
      if (!g.quiet) console.error(`sitrep: ${e.message}`);
      return { report: null, error: e.message };
    }
    if (!(e instanceof FolderUnreadableError)) throw e;
    console.error(`sitrep: error: ${e.message}`);
    return { report: null, error: e.message };
  }
}

/**
 * Opens the index: in PostgreSQL when SITREP_DATABASE_URL is set, else the SQLite file; a SQLite index that
 * cannot be written (a read-only file or folder) is opened for reading.
 */
function openSitrep(data: string, db: string, role: SitrepOptions['role'] = 'reader', waitMs?: number): Sitrep {
  const opts = { dataDir: data, dbPath: db, retentionDays: retentionDays(), databaseUrl: databaseUrl(), role, waitMs };
  try {
    return Sitrep.open(opts);
  } catch (e) {
    if (opts.databaseUrl || !(e instanceof StoreOpenError) || !/writing/.test(e.message) || !existsSync(db)) throw e;
    return Sitrep.open({ ...opts, readonly: true, dataDir: null });
  }
}

/** `sitrep migrate --to postgres://...`: the SQLite index copied into PostgreSQL. */
function runMigrate(args: string[], from: string): number {
  const eq = args.find((a) => a.startsWith('--to='));
  const to = eq ? eq.slice('--to='.length) : args[args.indexOf('--to') + 1];
  if (!to || (!eq && !args.includes('--to')) || !isPostgresUrl(to)) {
    console.error('sitrep: migrate needs --to postgres://user:password@host:5432/database (optionally ?schema=NAME).');
    return 2;
  }
  if (!existsSync(from)) {
    console.error(`sitrep: there is no index at ${from} to migrate (set --db, SITREP_DB or --data).`);
    return 2;
  }
  try {
    const report = copySqliteToPg(from, to);
    const r = report.rows;
    console.error(`sitrep: copied ${r.articles ?? 0} articles (${r.sentences ?? 0} sentences, ${r.stories ?? 0} stories, ${r.sources ?? 0} sources, ${r.digest_subscriptions ?? 0} digest subscriptions) from ${from} to ${describeUrl(to)} in ${(report.ms / 1000).toFixed(1)} s. Set SITREP_DATABASE_URL to use it.`);
    return 0;
  } catch (e) {
    if (!(e instanceof MigrateError) && !(e instanceof Error && e.name.startsWith('Pg'))) throw e;
    console.error(`sitrep: ${e.message}`);
    return 1;
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
  if (name === 'migrate') return runMigrate(args, dbPath(g.db, dataDir(g.data)));
  const data = dataDir(g.data);
  let range: { since?: number; limit?: number };
  let sitrep: Sitrep;
  let workspace: Workspace;
  try {
    range = rangeOf(g);
    workspace = parseWorkspace(g.workspace);
    if (workspace.platform !== 'console' && (name === 'start' || name === 'ingest')) throw new WorkspaceError(`--workspace is for commands that act as a place (ask, sources, digest, ...); \`${name}\` serves every place.`);
    // `start` answers chat on this thread: its calls wait briefly (the indexer's thread opens its own store).
    sitrep = openSitrep(data, dbPath(g.db, data), name === 'ingest' ? 'indexer' : 'reader', name === 'start' ? CHAT_WAIT_MS : undefined);
  } catch (e) {
    if (!(e instanceof StoreOpenError) && !(e instanceof CommandError) && !(e instanceof SettingError) && !(e instanceof WorkspaceError)) throw e;
    console.error(`sitrep: ${e.message}`);
    return 2;
  }
  try {
    checkInstalled(sitrep.store, workspace);
  } catch (e) {
    sitrep.close();
    if (!(e instanceof WorkspaceError)) throw e;
    console.error(`sitrep: ${e.message}`);
    return 2;
  }
  try {
    if (name === 'ingest') {
      const pool = analysisPool(ingestThreads());
      sitrep.usePool(pool);
      try {
        const { report: synced, error } = await firstSync(sitrep, g);
        if (error && /another Sitrep/.test(error)) return 1;
        const named = args.length ? await sitrep.ingest(args) : null;
        if (g.json) console.log(JSON.stringify({ ingest: { data: synced, named, ...(error ? { error } : {}) } }));
        else {
          report(synced, g, true);
          report(named, g, true);
        }
        return error || synced?.pruneRefused || (named ?? synced)?.skipped.length ? 1 : 0;
      } catch (e) {
        if (!(e instanceof IndexBusyError)) throw e;
        console.error(`sitrep: ${e.message}`);
        return 1;
      } finally {
        sitrep.usePool(null);
        await pool.close();
      }
    }
    if (name !== 'start') report((await firstSync(sitrep, g)).report, g);
    if (name === 'start') {
      return await start(sitrep).catch((e: Error) => {
        console.error(`sitrep: ${e.message}`);
        return 1;
      });
    }
    if (name === 'sources' && SOURCES_CLI_ONLY.includes(args[0])) return await runSourcesCli(sitrep, args, g.json, workspace.place);
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
    // As a server or workspace: its place (sources, answers, settings), and a channel of the CLI's own there.
    const place = workspace.platform === 'console' ? undefined : workspace.place;
    const result = await runCommand({ sitrep, platform: 'cli', channelId: 'cli', place, canManage: true, range }, cmd.name, input);
    if (result.reply.kind === 'error') {
      console.error(`sitrep: ${renderText(result.reply)}`);
      return 2;
    }
    if (g.json) {
      writeJson(result.json ?? {}, (chunk) => process.stdout.write(chunk));
      process.stdout.write('\n');
    }
    else console.log(renderText(result.reply));
    return reportCharts(result.reply.attachments ?? [], g);
  } finally {
    await closeSources(sitrep);
    sitrep.close();
  }
}
