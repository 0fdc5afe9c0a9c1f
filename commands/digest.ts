// /digest: the day's stories now, and daily digests in this channel (subscribe, unsubscribe, status).
import { channelDigest, scheduleStoreOf } from '../src/service/digest.ts';
import { channelSchedule } from '../src/scheduler/scheduler.ts';
import { checkTimeZone, formatLocal, parseTimeOfDay } from '../src/scheduler/time.ts';
import type { DigestRun } from '../src/store/schedule.ts';
import { CONSOLE_SCOPE } from '../src/config.ts';
import { CommandError, type Command, type CommandContext, type CommandResult } from './types.ts';

const USAGE = '/digest [now | subscribe [HH:MM] [Time/Zone] | unsubscribe | status | timezone [Zone/Name]]';
const DEFAULT_TIME = '08:00';
const DEFAULT_ZONE = 'UTC';

function channelOf(ctx: CommandContext): string {
  if (!ctx.channelId) throw new CommandError('Digests belong to a channel; run this in the channel that should get them.', USAGE);
  return ctx.channelId;
}

/** The workspace a channel's subscription belongs to: the server or workspace; the console's for the console and CLI. */
function placeKey(ctx: CommandContext): string {
  return ctx.place ?? (ctx.platform === 'console' || ctx.platform === 'cli' ? CONSOLE_SCOPE : '');
}

/** The zone a new subscription here takes when none is given: the place's default (/digest timezone), else UTC. */
function placeZone(ctx: CommandContext): string {
  return ctx.sitrep.root.store.places().get(placeKey(ctx))?.timezone ?? DEFAULT_ZONE;
}

function mustManage(ctx: CommandContext, what: string): void {
  if (!ctx.canManage) throw new CommandError(`Only people who can manage this server or workspace can ${what} the channel's daily digest. Ask an admin, or use /digest to read it now.`, USAGE);
}

function clock(ctx: CommandContext): Date {
  return ctx.now ? ctx.now() : new Date();
}

function now(ctx: CommandContext): CommandResult {
  const store = scheduleStoreOf(ctx.sitrep);
  const channel = ctx.channelId ?? ctx.platform;
  const sub = store.subscription(ctx.platform, channel, placeKey(ctx));
  const { digest, reply } = channelDigest(ctx.sitrep, { now: clock(ctx), previous: store.lastPosted(ctx.platform, channel, placeKey(ctx)), timezone: sub?.timezone ?? placeZone(ctx) });
  return { reply, json: { digest } };
}

/** "08:00 Europe/London", "Europe/London", "8am", "" -> time and zone, each checked. */
function readSchedule(options: Record<string, string | undefined>, current: { time: string; timezone: string }): { time: string; timezone: string } {
  const text = [options.time, options.timezone].filter((w): w is string => Boolean(w?.trim())).join(' ');
  // "8 pm" is one time: join a number and its am/pm before splitting into words.
  const words = text.replace(/(\d)\s+([ap]\.?m\.?)(?=\s|$)/gi, '$1$2').trim().split(/\s+/).filter(Boolean);
  let time = current.time;
  let timezone = current.timezone;
  const rest: string[] = [];
  for (const w of words) {
    if (/^\d/.test(w)) {
      const t = parseTimeOfDay(w);
      if (!t.ok) throw new CommandError(t.error, USAGE);
      time = t.value;
    } else rest.push(w);
  }
  if (rest.length > 1) throw new CommandError(`Give one time zone, such as Europe/London ("${rest.join(' ')}" is more than one).`, USAGE);
  if (rest.length === 1) {
    const z = checkTimeZone(rest[0]);
    if (!z.ok) throw new CommandError(z.error, USAGE);
    timezone = z.value;
  }
  return { time, timezone };
}

function subscribe(ctx: CommandContext, options: Record<string, string | undefined>): CommandResult {
  mustManage(ctx, 'subscribe to');
  const channel = channelOf(ctx);
  const store = scheduleStoreOf(ctx.sitrep);
  const place = placeKey(ctx);
  const existing = store.subscription(ctx.platform, channel, place);
  const { time, timezone } = readSchedule(options, { time: existing && !options.time ? existing.time : DEFAULT_TIME, timezone: existing?.timezone ?? placeZone(ctx) });
  const at = clock(ctx);
  const sub = { platform: ctx.platform, place, channelId: channel, time, timezone, createdAt: at.toISOString(), createdBy: ctx.userId ?? null };
  store.subscribe(sub);
  const { next } = channelSchedule(store, ctx.platform, channel, at, undefined, place);
  return {
    reply: {
      title: existing ? 'Daily digest updated' : 'Subscribed to the daily digest',
      intro: `This channel gets the digest every day at ${time} ${timezone}.${next ? ` Next: ${formatLocal(next.at, timezone)}.` : ''}`,
      sections: [],
      footer: 'Change it with /digest subscribe HH:MM Zone/Name, stop it with /digest unsubscribe.',
    },
    json: { subscription: sub, next: next?.at.toISOString() ?? null },
  };
}

function unsubscribe(ctx: CommandContext): CommandResult {
  mustManage(ctx, 'unsubscribe from');
  const channel = channelOf(ctx);
  const removed = scheduleStoreOf(ctx.sitrep).unsubscribe(ctx.platform, channel, placeKey(ctx));
  return {
    reply: { title: 'Daily digest', intro: removed ? 'Unsubscribed: this channel gets no more daily digests.' : 'This channel was not subscribed to the daily digest.', sections: [] },
    json: { unsubscribed: removed },
  };
}

/** `/digest timezone [Zone/Name]`: the zone new subscriptions in this server or workspace take by default. */
function placeTimezone(ctx: CommandContext, options: Record<string, string | undefined>): CommandResult {
  const place = placeKey(ctx);
  const asked = options.timezone?.trim();
  if (!asked) {
    const zone = placeZone(ctx);
    return { reply: { title: 'Digest time zone', intro: `New daily digests here are in ${zone} unless a zone is given. Change it with /digest timezone Zone/Name.`, sections: [] }, json: { place, timezone: zone } };
  }
  mustManage(ctx, 'set the default zone of');
  if (!place) throw new CommandError('Only a server, a workspace or the console has a default digest time zone.', USAGE);
  const z = checkTimeZone(asked);
  if (!z.ok) throw new CommandError(z.error, USAGE);
  ctx.sitrep.root.store.places().set(place, { timezone: z.value }, ctx.userId ?? null, clock(ctx));
  return {
    reply: { title: 'Digest time zone', intro: `New daily digests here are now in ${z.value} unless a zone is given. Existing subscriptions keep their zone.`, sections: [] },
    json: { place, timezone: z.value },
  };
}

/** "posted Mon, Nov 23, 2026, 08:00 EST (5 stories)", "failed after 4 tries: ...". */
export function describeRun(run: DigestRun, timezone: string): string {
  const when = (iso: string | null) => (iso ? formatLocal(new Date(iso), timezone) : 'unknown time');
  const tries = `${run.attempts} ${run.attempts === 1 ? 'try' : 'tries'}`;
  switch (run.status) {
    case 'posted':
      return `posted ${when(run.finishedAt)}${run.stories !== null ? ` (${run.stories} ${run.stories === 1 ? 'story' : 'stories'})` : ''}`;
    case 'failed':
      return `failed after ${tries} (${when(run.finishedAt)}): ${run.error ?? 'unknown error'}`;
    case 'retrying':
      return `not posted yet: try ${run.attempts} failed (${run.error ?? 'unknown error'}); ${run.parts.length ? `${run.parts.length} ${run.parts.length === 1 ? 'part' : 'parts'} already posted, the rest ` : ''}next try ${when(run.nextAttemptAt)}`;
    case 'composing':
      return `claimed ${when(run.claimedAt)}, being composed (nothing sent yet; if Sitrep stopped, another attempt composes it again)`;
    default:
      return `claimed ${when(run.claimedAt)}, no outcome recorded (posting, or Sitrep stopped while posting; it is never posted twice)`;
  }
}

function status(ctx: CommandContext): CommandResult {
  const channel = channelOf(ctx);
  const store = scheduleStoreOf(ctx.sitrep);
  const { subscription, next, last } = channelSchedule(store, ctx.platform, channel, clock(ctx), undefined, placeKey(ctx));
  const zone = subscription?.timezone ?? placeZone(ctx);
  const stopped = subscription?.stoppedAt ? ` (stopped ${formatLocal(new Date(subscription.stoppedAt), zone)}: ${subscription.stoppedReason ?? 'no reason recorded'}; /digest subscribe starts it again)` : '';
  const fields = [
    { name: 'Subscription', value: subscription ? `daily at ${subscription.time} ${subscription.timezone}${stopped}` : 'none (subscribe with /digest subscribe HH:MM Zone/Name)' },
    { name: 'Next run', value: next ? formatLocal(next.at, zone) : 'none' },
    { name: 'Last run', value: last ? `${last.localDate}: ${describeRun(last, zone)}` : 'none yet' },
  ];
  return {
    reply: { title: 'Daily digest status', sections: [], fields },
    json: { subscription, next: next?.at.toISOString() ?? null, last },
  };
}

export const digest: Command = {
  name: 'digest',
  description: "The latest stories, ranked and summarised with sources; or a daily digest in this channel.",
  usage: USAGE,
  examples: ['/digest', '/digest subscribe 08:00 Europe/London', '/digest status', '/digest timezone America/New_York'],
  subcommands: [
    { name: 'now', description: 'Show the digest of news since the last one.', options: [] },
    {
      name: 'subscribe',
      description: 'Post the digest here every day (default 08:00 UTC).',
      options: [
        { name: 'time', description: 'Local time of day, HH:MM (24-hour).' },
        { name: 'timezone', description: 'IANA time zone, such as Europe/London.', autocomplete: 'timezones' },
      ],
    },
    { name: 'unsubscribe', description: 'Stop the daily digest here.', options: [] },
    { name: 'status', description: 'Next run, last run and its outcome.', options: [] },
    {
      name: 'timezone',
      description: 'The time zone new daily digests here take by default.',
      options: [{ name: 'timezone', description: 'IANA time zone, such as Europe/London.', autocomplete: 'timezones' }],
    },
  ],
  run(ctx, input) {
    switch (input.subcommand ?? 'now') {
      case 'subscribe':
        return subscribe(ctx, input.options);
      case 'unsubscribe':
        return unsubscribe(ctx);
      case 'status':
        return status(ctx);
      case 'timezone':
        return placeTimezone(ctx, input.options);
      default:
        return now(ctx);
    }
  },
};
