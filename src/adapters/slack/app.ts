// The Bolt app: Socket Mode when SLACK_APP_TOKEN is set, else HTTP events (signed with
// SLACK_SIGNING_SECRET) on PORT at /slack/events. The Web API is reached at SLACK_API_URL. Handlers:
// slash commands, app_mention, and a middleware that drops retried deliveries of an event already seen.
import { App, LogLevel, SocketModeReceiver, webApi, type AnyMiddlewareArgs, type Middleware } from '@slack/bolt';
import { slashCommandHandler } from './commands.ts';
import type { SlackHandlerDeps } from './context.ts';
import type { EventClaims } from '../../store/dedupe.ts';
import type { InFlight } from '../in-flight.ts';
import { mentionHandler } from './mentions.ts';
import { EVENTS_PATH, type SlackSettings } from './settings.ts';

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
    app = new App({ token: settings.botToken, receiver: socket, socketMode: true, logLevel, clientOptions, deferInitialization: true });
  } else {
    app = new App({
      token: settings.botToken,
      signingSecret: settings.signingSecret,
      endpoints: EVENTS_PATH,
      port: settings.port,
      logLevel,
      clientOptions,
      deferInitialization: true,
    });
  }
  app.use(dedupeMiddleware(parts.claims));
  app.command(/^\/[\w-]+$/, tracked(parts.inFlight, slashCommandHandler(deps)));
  app.event('app_mention', tracked(parts.inFlight, mentionHandler(deps)));
  app.error(async (error) => deps.log.error(`sitrep: Slack handler error: ${error.message}`));
  return { app, socket };
}
