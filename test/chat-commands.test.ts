// What chat commands do the same on every platform: one router for mentions and plain lines, usage hints
// that the parser accepts, help on a command, short echoes of long input, and internal errors that show an
// apology with an error id while the details go to the log.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from './helpers/sitrep.ts';
import { COMMANDS, findCommand } from '../commands/index.ts';
import { parseText } from '../commands/parse.ts';
import { routeText } from '../commands/route.ts';
import { runCommand, setErrorLog } from '../commands/run.ts';
import type { Command, CommandContext } from '../commands/types.ts';
import { ConsoleAdapter } from '../src/adapters/console/console.ts';
import { renderText } from '../src/adapters/console/render.ts';
import { Sitrep } from '../src/service/sitrep.ts';

let sitrep: Sitrep;
let ctx: CommandContext;

beforeAll(async () => {
  sitrep = Sitrep.open({ dataDir: SAMPLES_DIR, dbPath: ':memory:' });
  await sitrep.sync();
  ctx = { sitrep, platform: 'console', channelId: 'console', canManage: true };
});

afterAll(() => sitrep?.close());

describe('one inbound router', () => {
  it('reads a mention, a slash command and a plain line the same way', () => {
    for (const line of ['@sitrep who-said Carter', '<@1100000000000000001> who-said Carter', '/who-said Carter', 'who-said Carter', '@Sitrep /who-said Carter'])
      expect(routeText(line), line).toEqual({ name: 'who-said', text: 'Carter' });
    for (const line of ['@sitrep /stories', '@sitrep stories', 'stories', '/stories']) expect(routeText(line), line).toEqual({ name: 'stories', text: '' });
  });

  it('takes a plain question, or a command word used as a word, as /ask', () => {
    expect(routeText('@sitrep how many troops?')).toEqual({ name: 'ask', text: 'how many troops?' });
    expect(routeText('where did the missiles land?')).toEqual({ name: 'ask', text: 'where did the missiles land?' });
    expect(routeText('who said Carter was wrong?')).toEqual({ name: 'ask', text: 'who said Carter was wrong?' });
    expect(routeText('help me with the missiles')).toEqual({ name: 'ask', text: 'help me with the missiles' });
    expect(routeText('digest this for me')).toEqual({ name: 'ask', text: 'digest this for me' });
    expect(routeText('help digest')).toEqual({ name: 'help', text: 'digest' });
    expect(routeText('digest subscribe 08:00')).toEqual({ name: 'digest', text: 'subscribe 08:00' });
    expect(routeText('/nonsense words')).toEqual({ name: 'nonsense', text: 'words' });
    expect(routeText('@sitrep')).toEqual({ name: 'help', text: '' });
    expect(routeText('   ')).toBeNull();
  });

  it('runs `@sitrep who-said Carter` as /who-said in the console, with terminal escapes in the line removed', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d) => (out += d.toString()));
    const adapter = new ConsoleAdapter({ context: ctx, input, output, interactive: false });
    const done = adapter.start();
    input.end('@sitrep who-said Carter\x1b[2J\n');
    await done;
    expect(out).toMatch(/Carter/);
    expect(out).toMatch(/“/);
    expect(out).not.toMatch(/where did|Nothing in the indexed articles answers/);
    expect(out).not.toContain('\x1b');
  });
});

describe('the console prompt', () => {
  it('keeps log lines and digests off the `> ` prompt, and draws the prompt again after them', async () => {
    const input = new PassThrough();
    const screen: string[] = [];
    const terminal = (name: string) => {
      const s = new PassThrough();
      s.on('data', (d) => screen.push(`${name}:${d.toString()}`));
      return s;
    };
    const output = terminal('out');
    const errors = terminal('err');
    const adapter = new ConsoleAdapter({ context: ctx, input, output, errors, interactive: true });
    const done = adapter.start();
    await new Promise((r) => setImmediate(r));
    errors.write('sitrep: indexed 1 new article\n');
    await adapter.post('console', { title: 'Sitrep digest', sections: [] });
    input.end('/quit\n');
    await done;
    await new Promise((r) => setImmediate(r));
    const log = screen.join('|');
    expect(log).toContain('out:> |out:\r\x1b[K|err:sitrep: indexed 1 new article\n|out:> |');
    expect(log).toMatch(/out:\r\x1b\[K\|out:\[console\]\n== Sitrep digest ==\n\n\|out:> /);
    // After the session the stream is as it was.
    screen.length = 0;
    errors.write('after\n');
    await new Promise((r) => setImmediate(r));
    expect(screen).toEqual(['err:after\n']);
  });
});

describe('usage hints and the parser agree', () => {
  const manifest = readFileSync(join(import.meta.dirname, '..', 'slack-manifest.yaml'), 'utf8');
  const hints = [...manifest.matchAll(/- command: \/([\w-]+)[\s\S]*?(?:usage_hint: "?([^"\n]*)"?\n|(?=- command:|oauth_config))/g)].map((m) => ({ command: m[1], hint: m[2] }));

  it('accepts every Slack usage hint, read as a person would type it', () => {
    expect(hints.length).toBeGreaterThanOrEqual(5);
    for (const { command, hint } of hints) {
      if (!hint || command === 'sitrep') continue;
      const cmd = findCommand(command)!;
      for (const alternative of hint.split(' | ')) {
        const typed = alternative.replace(/[[\]]/g, '').trim();
        expect(() => parseText(cmd, typed), `/${command} ${typed}`).not.toThrow();
      }
    }
  });

  it('takes a bare topic for /numbers, as its hint says', () => {
    expect(parseText(findCommand('numbers')!, 'missiles')).toEqual({ subcommand: undefined, options: { about: 'missiles' } });
    expect(parseText(findCommand('numbers')!, 'about missiles')).toEqual({ subcommand: undefined, options: { about: 'missiles' } });
  });

  it('explains one command with /help digest', async () => {
    const r = await runCommand(ctx, 'help', 'digest');
    expect(r.reply.kind ?? 'answer').toBe('answer');
    expect(r.reply.title).toBe('/digest');
    const text = renderText(r.reply);
    expect(text).toContain('/digest subscribe [TIME] [TIMEZONE]');
    expect(text).toContain('/digest status');
    const unknown = await runCommand(ctx, 'help', 'nonsense');
    expect(unknown.reply.kind).toBe('error');
    expect(unknown.reply.intro).toMatch(/no \/nonsense command/);
  });

  it('names an over-long option in words, and never echoes more than a short excerpt', async () => {
    const topic = 'x'.repeat(10_000);
    const numbers = await runCommand(ctx, 'numbers', `about ${topic}`);
    expect(numbers.reply.intro).toMatch(/^That topic is 10,000 characters long/);
    expect(numbers.reply.intro).not.toMatch(/That about/);
    const digits = '8'.repeat(10_000);
    const subscribe = await runCommand(ctx, 'digest', `subscribe ${digits}`);
    expect(subscribe.reply.kind).toBe('error');
    expect(subscribe.reply.intro!.length).toBeLessThan(300);
    expect(subscribe.reply.intro).toContain('(10,000 characters)');
    const sub = await runCommand(ctx, 'digest', `${digits} now`);
    expect(sub.reply.intro!.length).toBeLessThan(300);
  });
});

describe('internal errors', () => {
  const broken: Command = {
    name: 'broken',
    description: 'Fails (tests only).',
    usage: '/broken',
    options: [],
    run: () => {
      throw new Error('SQLITE_CORRUPT: database disk image is malformed at /home/ops/.local/state/sitrep/index.db');
    },
  };

  it('tell the person sorry with an error id, and log the details under that id', async () => {
    const logged: Array<[string, unknown]> = [];
    const previous = setErrorLog((m, e) => logged.push([m, e]));
    (COMMANDS as Command[]).push(broken);
    try {
      const r = await runCommand(ctx, 'broken', '');
      expect(r.reply.kind).toBe('error');
      const id = r.reply.intro!.match(/error ([0-9a-f]{8})/)![1];
      expect(r.reply.intro).not.toMatch(/SQLITE|\/home/);
      expect(logged).toHaveLength(1);
      expect(logged[0][0]).toContain(id);
      expect((logged[0][1] as Error).message).toMatch(/SQLITE_CORRUPT/);
    } finally {
      setErrorLog(previous);
      (COMMANDS as Command[]).splice(COMMANDS.indexOf(broken), 1);
    }
  });
});
