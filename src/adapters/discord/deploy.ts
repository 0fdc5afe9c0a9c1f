// `sitrep deploy-commands [--guild ID | --global]`: registers the slash commands through Discord's REST API,
// replacing the application's set. A guild's commands update at once (for development); global commands
// reach every server the bot is in.
import { REST, Routes } from 'discord.js';
import { buildCommandDefinitions, type CommandDefinition } from './commands-definition.ts';
import { readDiscordSettings, type DiscordSettings } from './settings.ts';

export interface DeployResult {
  scope: 'global' | 'guild';
  guildId?: string;
  names: string[];
}

export async function deployCommands(settings: DiscordSettings, guildId?: string, definitions: CommandDefinition[] = buildCommandDefinitions()): Promise<DeployResult> {
  const rest = new REST({ api: settings.apiUrl }).setToken(settings.token);
  const route = guildId ? Routes.applicationGuildCommands(settings.applicationId, guildId) : Routes.applicationCommands(settings.applicationId);
  const saved = (await rest.put(route, { body: definitions })) as Array<{ name: string }>;
  return { scope: guildId ? 'guild' : 'global', guildId, names: saved.map((c) => c.name) };
}

export const DEPLOY_USAGE = 'Usage: sitrep deploy-commands [--guild ID | --global]   (default: DISCORD_GUILD_ID if set, else global)';

/** Reads `--guild ID`, `--guild=ID` or `--global`; throws with a helpful message on anything else. */
export function parseDeployArgs(args: string[], settings: Pick<DiscordSettings, 'guildId'>): string | undefined {
  let guild: string | undefined = settings.guildId;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.match(/^--guild=(.*)$/);
    if (eq || a === '--guild') {
      guild = eq ? eq[1] : args[++i];
      if (!guild || !/^\d{5,25}$/.test(guild)) throw new Error(`--guild needs a numeric server id (right-click the server > Copy Server ID).\n${DEPLOY_USAGE}`);
    } else if (a === '--global') guild = undefined;
    else throw new Error(`deploy-commands does not take "${a}".\n${DEPLOY_USAGE}`);
  }
  return guild;
}

/** The command-line entry point; returns the exit code. */
export async function runDeployCommands(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let settings: DiscordSettings;
  let guild: string | undefined;
  try {
    settings = readDiscordSettings(env);
    guild = parseDeployArgs(args, settings);
  } catch (e) {
    console.error(`sitrep: ${(e as Error).message}`);
    return 2;
  }
  try {
    const r = await deployCommands(settings, guild);
    console.log(`Registered ${r.names.length} command(s) ${r.scope === 'guild' ? `in server ${r.guildId} (available now)` : 'globally (may take a while to appear)'}: ${r.names.map((n) => `/${n}`).join(', ')}`);
    return 0;
  } catch (e) {
    const err = e as Error & { status?: number };
    const hint = err.status === 401 ? ' (check DISCORD_TOKEN)' : err.status === 403 || err.status === 404 ? ' (check DISCORD_APPLICATION_ID, and that the bot was invited to that server with the applications.commands scope)' : '';
    console.error(`sitrep: registering commands failed: ${err.message}${hint}`);
    return 1;
  }
}
