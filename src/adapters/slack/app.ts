// The Bolt app: Socket Mode when SLACK_APP_TOKEN is set, else HTTP events (signed with
// SLACK_SIGNING_SECRET) on PORT at /slack/events; one workspace's bot token (SLACK_BOT_TOKEN), or OAuth
// installs in many workspaces (SLACK_CLIENT_ID: "Add to Slack" at /slack/install, installations kept in
// Sitrep's database). The Web API is reached at SLACK_API_URL. Handlers: slash commands, app_mention,
// app_uninstalled and tokens_revoked, a middleware that drops retried deliveries of an event already seen,
// and one that refuses workspaces not in SLACK_ALLOWED_TEAMS.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, LogLevel, SocketModeReceiver, webApi, type AnyMiddlewareArgs, type Installation, type Middleware } from '@slack/bolt';
import { slashCommandHandler } from './commands.ts';
import type { SlackHandlerDeps } from './context.ts';
import type { EventClaims } from '../../store/dedupe.ts';
import type { InFlight } from '../in-flight.ts';
import { mentionHandler } from './mentions.ts';
import { BOT_SCOPES, EVENTS_PATH, INSTALL_PATH, REDIRECT_PATH, type SlackSettings } from './settings.ts';
import { boltInstallationStore, endWorkspace, isTeamAllowed, slackPlace, teamRefusal } from './workspaces.ts';

export type SlackLogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface SlackAppOptions {
  logLevel?: SlackLogLevel;
  /** How the Web API client retries failed calls (tests pass a quick policy). */
  retryConfig?: webApi.RetryOptions;
  /** Socket Mode: reconnect when the connection drops (tests turn it off). */
  autoReconnect?: boolean;
}

export interface BuiltApp {
  app: App;
  /** Present in Socket Mode, so the adapter can wait for a clean disconnect. */
  socket?: SocketModeReceiver;
}

const LEVELS: Record<SlackLogLevel, LogLevel> = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR };

/** Answers each event id once: Slack's retries of an event already seen stop here (Bolt has acked them). */
export function dedupeMiddleware(claims: () => EventClaims): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const id = (body as { event_id?: unknown }).event_id;
    if (typeof id === 'string' && !claims().claim(id)) return;
    await next();
  };
}

/** A handler whose work is remembered until it settles, so stop() can wait for answers being sent. */
function tracked<A>(inFlight: InFlight | undefined, handler: (args: A) => Promise<void>): (args: A) => Promise<void> {
  return (args) => (inFlight ? inFlight.track(handler(args)) : handler(args));
}

export interface AppParts {
  /** The event ledger in use (it is opened when the adapter starts). */
  claims: () => EventClaims;
  inFlight?: InFlight;
}

/** The workspace a request comes from: a slash command's team_id, an event's, or its first authorization's. */
export function teamOfBody(body: unknown): { teamId?: string; enterpriseId?: string } {
  const b = body as { team_id?: string; team?: { id?: string }; enterprise_id?: string; authorizations?: { team_id?: string; enterprise_id?: string }[] };
  return { teamId: b.team_id ?? b.team?.id ?? b.authorizations?.[0]?.team_id ?? undefined, enterpriseId: b.enterprise_id ?? b.authorizations?.[0]?.enterprise_id ?? undefined };
}

/** Tells the person who ran a slash command, privately, why the workspace is not served (no token needed). */
async function refuseCommand(body: unknown, text: string): Promise<void> {
  const url = (body as { response_url?: unknown }).response_url;
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return;
  await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }) }).catch(() => undefined);
}

/** One-workspace installs: a request from a workspace not in SLACK_ALLOWED_TEAMS is refused, nothing else runs. */
function allowedTeamsMiddleware(settings: SlackSettings, deps: SlackHandlerDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { teamId, enterpriseId } = teamOfBody(args.body);
    if (isTeamAllowed(settings.allowedTeams, teamId, enterpriseId)) return args.next();
    const text = teamRefusal(deps.sitrep.root.store.installations(), settings.allowedTeams, teamId, false) ?? '';
    if ('ack' in args && typeof args.ack === 'function' && (args.body as { command?: unknown }).command) await (args.ack as (r: unknown) => Promise<void>)({ response_type: 'ephemeral', text });
  };
}

/** An install by a workspace not in SLACK_ALLOWED_TEAMS: its new token is revoked, nothing is stored, the page says why. */
function refuseUnlistedInstall(settings: SlackSettings, clientOptions: webApi.WebClientOptions, deps: SlackHandlerDeps) {
  return async (installation: Installation, _options: unknown, _req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (isTeamAllowed(settings.allowedTeams, installation.team?.id, installation.enterprise?.id)) return true;
    if (installation.bot?.token) await new webApi.WebClient(installation.bot.token, clientOptions).auth.revoke().catch(() => undefined);
    deps.log.warn(`sitrep: Slack: refused an install by workspace ${installation.team?.id ?? installation.enterprise?.id}: it is not in SLACK_ALLOWED_TEAMS.`);
    res.writeHead(403, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Sitrep</title><p>Sitrep is not available for this workspace: whoever runs it serves only the workspaces on its list. Nothing was installed.</p>');
    return false;
  };
}

/** app_uninstalled and tokens_revoked: the workspace's tokens go and its digests stop, the reason recorded. */
function uninstallHandlers(app: App, deps: SlackHandlerDeps): void {
  const end = (body: unknown, reason: string) => {
    const { teamId, enterpriseId } = teamOfBody(body);
    const key = teamId ?? enterpriseId;
    if (!key) return;
    const root = deps.sitrep.root.store;
    const stopped = endWorkspace(root.installations(), root.schedule(), key, reason, deps.now?.() ?? new Date());
    deps.log.warn(`sitrep: Slack: ${reason} (workspace ${key}); its tokens are deleted and ${stopped} digest subscription(s) stopped.`);
  };
  app.event('app_uninstalled', async ({ body }) => end(body, 'Sitrep was uninstalled from the workspace'));
  app.event('tokens_revoked', async ({ event, body }) => {
    if ((event.tokens?.bot ?? []).length > 0) end(body, "the workspace revoked Sitrep's bot token");
  });
}

function oauthApp(settings: SlackSettings, deps: SlackHandlerDeps, logLevel: LogLevel, clientOptions: webApi.WebClientOptions): App {
  const oauth = settings.oauth!;
  const root = deps.sitrep.root.store;
  // A workspace that installs Sitrep again gets its stopped digests back.
  const installationStore = boltInstallationStore(root.installations(), settings.allowedTeams, { installed: (key) => void root.schedule().resumePlace('slack', slackPlace(key)) });
  return new App({
    signingSecret: settings.signingSecret,
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    redirectUri: oauth.redirectUri,
    scopes: BOT_SCOPES,
    installationStore,
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      directInstall: true,
      callbackOptions: { afterInstallation: refuseUnlistedInstall(settings, clientOptions, deps) },
    },
    endpoints: EVENTS_PATH,
    port: settings.port,
    logLevel,
    clientOptions,
    deferInitialization: true,
    extendedErrorHandler: true,
  });
}

export function buildApp(settings: SlackSettings, deps: SlackHandlerDeps, opts: SlackAppOptions = {}, parts: AppParts): BuiltApp {
  const logLevel = LEVELS[opts.logLevel ?? 'info'];
  // A chat answer that arrives half an hour late is no use: give up after a few minutes, not Slack's default 30.
  const clientOptions = { slackApiUrl: settings.apiUrl, retryConfig: opts.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes };
  let app: App;
  let socket: SocketModeReceiver | undefined;
  if (settings.mode === 'socket') {
    socket = new SocketModeReceiver({
      appToken: settings.appToken!,
      logLevel,
      autoReconnectEnabled: opts.autoReconnect ?? true,
      // A copy: the Socket Mode client adjusts the options it is given.
      installerOptions: { clientOptions: { ...clientOptions } },
    });
    app = new App({ token: settings.botToken, receiver: socket, socketMode: true, logLevel, clientOptions, deferInitialization: true, extendedErrorHandler: true });
  } else if (settings.oauth) {
    app = oauthApp(settings, deps, logLevel, clientOptions);
  } else {
    app = new App({
      token: settings.botToken,
      signingSecret: settings.signingSecret,
      endpoints: EVENTS_PATH,
      port: settings.port,
      logLevel,
      clientOptions,
      deferInitialization: true,
      extendedErrorHandler: true,
    });
  }
  app.use(dedupeMiddleware(parts.claims));
  if (!settings.oauth && settings.allowedTeams) app.use(allowedTeamsMiddleware(settings, deps));
  app.command(/^\/[\w-]+$/, tracked(parts.inFlight, slashCommandHandler(deps)));
  app.event('app_mention', tracked(parts.inFlight, mentionHandler(deps)));
  uninstallHandlers(app, deps);
  const onError = async ({ error, body }: { error: Error; body: unknown }): Promise<void> => {
    // A workspace with no installation (never installed, uninstalled, not allowed): a clear refusal, no crash.
    if ((error as { code?: string }).code === 'slack_bolt_authorization_error') {
      const { teamId } = teamOfBody(body);
      const why = teamRefusal(deps.sitrep.root.store.installations(), settings.allowedTeams, teamId, Boolean(settings.oauth)) ?? 'Sitrep cannot act in this workspace right now.';
      deps.log.warn(`sitrep: Slack: refused a request from workspace ${teamId ?? 'unknown'}: ${why}`);
      await refuseCommand(body, why);
      return;
    }
    deps.log.error(`sitrep: Slack handler error: ${error.message}`);
  };
  app.error(onError);
  return { app, socket };
}
