// /sources: follow feeds and article pages from chat (add, list, remove, status). Each source belongs to
// the server or workspace that added it; adding and removing need the rights that managing digests needs.
import { dayMonthYear } from '../src/sources/dates.ts';
import { SourceError } from '../src/sources/resolve.ts';
import { sourcesOf } from '../src/sources/registry.ts';
import { CONSOLE_SCOPE, type Place } from '../src/sources/service.ts';
import type { Source } from '../src/store/sources.ts';
import { SHARED_SCOPE } from '../src/config.ts';
import { placeScopes } from '../src/service/places.ts';
import { CommandError, type Command, type CommandContext, type CommandResult } from './types.ts';

const USAGE = '/sources [list | add URL | remove URL | status | shared [on | off]]';

/** The place a command speaks for: its server or workspace, or the console (the CLI is the console too). */
export function scopeOf(ctx: CommandContext): string {
  if (ctx.place) return ctx.place;
  if (ctx.platform === 'console' || ctx.platform === 'cli') return CONSOLE_SCOPE;
  throw new CommandError('Sources belong to a server or workspace; run this in one of its channels.', USAGE);
}

function placeOf(ctx: CommandContext): Place {
  return { scope: scopeOf(ctx), platform: ctx.platform === 'cli' ? 'console' : ctx.platform, channelId: ctx.channelId ?? null, userId: ctx.userId ?? null };
}

function mustManage(ctx: CommandContext, what: string): void {
  if (!ctx.canManage) throw new CommandError(`Only people who can manage this server or workspace can ${what} sources (the rights that managing digests needs). Ask an admin; /sources list shows what is followed.`, USAGE);
}

const clock = (ctx: CommandContext) => (ctx.now ? ctx.now() : new Date());

/** "2026-12-01 10:45 UTC". */
function when(iso: string | null): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : 'never';
}

/** "every 10 min", "every 2 h". */
function every(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 120 ? `every ${minutes} min` : `every ${Math.round(minutes / 60)} h`;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** "HTTP 404 (not found) since 12 May", or null when the source is well. */
export function sourceError(s: Source): string | null {
  if (!s.lastError) return null;
  const since = s.failingSince ? ` since ${dayMonthYear(s.failingSince, false)}` : '';
  return `${s.lastError}${since}`;
}

export function sourceJson(s: Source) {
  return { url: s.url, title: s.title, kind: s.kind, status: s.status, error: sourceError(s), items: s.items, lastFetch: s.lastFetchAt, nextFetch: s.nextFetchAt, scope: s.scope, warning: s.warning };
}

const label = (s: Source) => s.title ?? s.url;

async function add(ctx: CommandContext, url: string | undefined): Promise<CommandResult> {
  mustManage(ctx, 'add');
  if (!url?.trim()) throw new CommandError('/sources add needs the address of a feed or a page.', USAGE);
  const service = sourcesOf(ctx.sitrep);
  try {
    const { source, existing } = await service.add(url, placeOf(ctx));
    const what = source.kind === 'page' ? 'article page' : 'feed';
    return {
      reply: {
        title: existing ? 'Already followed' : `Following a ${what}`,
        intro: `${label(source)}: ${plural(source.items, 'item')}, polled ${every(source.intervalMs)}.${source.warning ? ` Note: ${source.warning}.` : ''}`,
        sections: [],
        footer: existing ? 'This place already follows it. /sources status shows how it is doing.' : 'Its articles are answered from here. /sources status shows how it is doing; /sources remove stops it.',
      },
      json: { source: sourceJson(source), existing },
    };
  } catch (e) {
    if (e instanceof SourceError) throw new CommandError(e.message, USAGE);
    throw e;
  }
}

function list(ctx: CommandContext): CommandResult {
  const sources = sourcesOf(ctx.sitrep).list(scopeOf(ctx));
  return {
    reply: {
      title: 'Sources followed here',
      intro: sources.length ? undefined : 'None yet. Follow one with /sources add URL (a feed, or a news page).',
      sections: sources.length ? [{ items: sources.map((s) => ({ text: `${label(s)}: ${s.url}`, note: `${s.kind}, ${plural(s.items, 'item')}, ${s.status}` })) }] : [],
    },
    json: { sources: sources.map(sourceJson) },
  };
}

function remove(ctx: CommandContext, url: string | undefined): CommandResult {
  mustManage(ctx, 'remove');
  if (!url?.trim()) throw new CommandError('/sources remove needs the address of a source followed here (see /sources list).', USAGE);
  const service = sourcesOf(ctx.sitrep);
  const source = service.find(scopeOf(ctx), url);
  if (!source) throw new CommandError(`This place follows no source at ${url.trim()}. /sources list shows the ones it does.`, USAGE);
  const dropped = service.remove(source);
  return {
    reply: { title: 'Source removed', intro: `No longer following ${label(source)} (${source.url}); its ${plural(dropped, 'article')} are no longer answered from.`, sections: [] },
    json: { removed: sourceJson(source), articles: dropped },
  };
}

/** "ok, last fetch 2026-12-01 10:35 UTC, 20 items, next 10:45 UTC". */
function statusLine(s: Source): string {
  const error = sourceError(s);
  const parts = [s.status === 'failing' ? `failing: ${error}` : error ? `${s.status}, last error: ${error}` : s.status];
  parts.push(`last fetch ${when(s.lastFetchAt)}`, plural(s.items, 'item'), `next fetch ${when(s.nextFetchAt)}`);
  if (s.warning) parts.push(`note: ${s.warning}`);
  return parts.join('; ');
}

function status(ctx: CommandContext): CommandResult {
  const sources = sourcesOf(ctx.sitrep).list(scopeOf(ctx));
  const failing = sources.filter((s) => s.status === 'failing').length;
  return {
    reply: {
      title: 'Sources status',
      intro: sources.length ? `${plural(sources.length, 'source')}${failing ? `, ${failing} failing` : ''}, as of ${when(clock(ctx).toISOString())}.` : 'No sources followed here yet.',
      sections: [],
      fields: sources.slice(0, 25).map((s) => ({ name: label(s), value: statusLine(s) })),
    },
    json: { sources: sources.map(sourceJson) },
  };
}

/** `/sources shared [on|off]`: whether this place's answers read the shared sources (the data folder). */
function shared(ctx: CommandContext, state: string | undefined): CommandResult {
  const place = scopeOf(ctx);
  const places = ctx.sitrep.root.store.places();
  const asked = state?.trim().toLowerCase();
  if (asked) {
    if (asked !== 'on' && asked !== 'off') throw new CommandError(`/sources shared takes on or off, not "${state!.trim()}".`, USAGE);
    mustManage(ctx, 'turn on or off the shared');
    places.set(place, { shareData: asked === 'on' }, ctx.userId ?? null, clock(ctx));
  }
  const on = placeScopes(ctx.sitrep, place).includes(SHARED_SCOPE);
  const choice = places.get(place)?.shareData ?? null;
  const why = choice === null ? ' (the default: SITREP_SHARE_DATA)' : '';
  return {
    reply: {
      title: 'Shared sources',
      intro: `${on ? 'On' : 'Off'} here${why}: answers, stories and digests ${on ? 'read' : 'do not read'} the shared sources (the data folder) besides this place's own. ${asked ? '' : `Change it with /sources shared ${on ? 'off' : 'on'}.`}`.trim(),
      sections: [],
    },
    json: { place, shared: on, choice },
  };
}

export const sources: Command = {
  name: 'sources',
  description: 'Follow news feeds and pages here: add, list, remove, status.',
  usage: USAGE,
  examples: ['/sources status', '/sources add https://www.example.com/news/rss.xml', '/sources remove https://www.example.com/news/rss.xml'],
  subcommands: [
    { name: 'list', description: 'The feeds and pages followed here.', options: [] },
    { name: 'add', description: 'Follow a feed, a page that names its feed, or an article page.', options: [{ name: 'url', description: 'The address of the feed or page.', required: true, maxLength: 2000 }] },
    { name: 'remove', description: 'Stop following a source (its articles go too).', options: [{ name: 'url', description: 'The address of a source followed here.', required: true, autocomplete: 'sources', maxLength: 2000 }] },
    { name: 'status', description: 'Last fetch, items, errors and next fetch of each source.', options: [] },
    { name: 'shared', description: 'Whether answers here read the shared sources (the data folder).', options: [{ name: 'state', description: 'on or off (empty: show).', maxLength: 3 }] },
  ],
  run(ctx, input) {
    switch (input.subcommand ?? 'list') {
      case 'add':
        return add(ctx, input.options.url);
      case 'remove':
        return remove(ctx, input.options.url);
      case 'status':
        return status(ctx);
      case 'shared':
        return shared(ctx, input.options.state);
      default:
        return list(ctx);
    }
  },
};
