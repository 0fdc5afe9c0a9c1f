// `sitrep start` with several adapters: one failing to start after another connected stops the started
// one and exits with a clear message; stopping never hangs on a slow adapter.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InFlight } from '../src/adapters/in-flight.ts';
import { startAll, stopAll } from '../src/adapters/lifecycle.ts';
import type { ChatAdapter } from '../src/adapters/types.ts';
import { ADAPTER_FACTORIES, start } from '../src/start.ts';
import { Sitrep } from '../src/service/sitrep.ts';

function fakeAdapter(platform: 'discord' | 'slack', behaviour: { failStart?: string; stopMs?: number } = {}) {
  const events: string[] = [];
  const adapter: ChatAdapter = {
    platform,
    async start() {
      if (behaviour.failStart) throw new Error(behaviour.failStart);
      events.push('started');
    },
    async stop() {
      events.push('stopping');
      if (behaviour.stopMs) await new Promise((r) => setTimeout(r, behaviour.stopMs));
      events.push('stopped');
    },
    async post() {},
  };
  return { adapter, events };
}

describe('starting several adapters', () => {
  const saved = { ...ADAPTER_FACTORIES };
  afterEach(() => Object.assign(ADAPTER_FACTORIES, saved));

  it('stops Discord again and exits 1, saying why, when Slack fails to start after Discord connected', async () => {
    const discord = fakeAdapter('discord');
    const slack = fakeAdapter('slack', { failStart: 'Slack Socket Mode did not connect (check SLACK_APP_TOKEN)' });
    ADAPTER_FACTORIES.discord = async () => discord.adapter;
    ADAPTER_FACTORIES.slack = async () => slack.adapter;
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((m: unknown) => void lines.push(String(m)));
    const sitrep = Sitrep.open({ dataDir: null, dbPath: ':memory:' });
    try {
      const code = await start(sitrep, { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '1100000000000000001', SLACK_BOT_TOKEN: 'xoxb-t', SLACK_APP_TOKEN: 'xapp-t' });
      expect(code).toBe(1);
    } finally {
      spy.mockRestore();
      sitrep.close();
    }
    expect(discord.events).toEqual(['started', 'stopping', 'stopped']);
    expect(lines.join('\n')).toContain('sitrep: slack did not start: Slack Socket Mode did not connect (check SLACK_APP_TOKEN). Stopped discord again');
  });

  it('gives up on an adapter that takes too long to stop', async () => {
    const slow = fakeAdapter('discord', { stopMs: 5_000 });
    const quick = fakeAdapter('slack');
    const logged: string[] = [];
    const began = Date.now();
    await stopAll([slow.adapter, quick.adapter], (m) => logged.push(m), 200);
    expect(Date.now() - began).toBeLessThan(2_000);
    expect(quick.events).toEqual(['stopping', 'stopped']);
    expect(logged.join('\n')).toMatch(/exiting anyway/);
  });

  it('starts every configured adapter in turn when all succeed', async () => {
    const a = fakeAdapter('discord');
    const b = fakeAdapter('slack');
    const started = await startAll(['discord', 'slack'], (p) => Promise.resolve(p === 'discord' ? a.adapter : b.adapter), () => undefined);
    expect(started.map((x) => x.platform)).toEqual(['discord', 'slack']);
  });
});

describe('answers in flight at shutdown', () => {
  it('are waited for, but never longer than the drain time', async () => {
    const inFlight = new InFlight();
    let sent = false;
    void inFlight.track(new Promise((r) => setTimeout(r, 100)).then(() => (sent = true)));
    expect(await inFlight.drain(2_000)).toBe(true);
    expect(sent).toBe(true);
    void inFlight.track(new Promise((r) => setTimeout(r, 5_000)));
    const began = Date.now();
    expect(await inFlight.drain(100)).toBe(false);
    expect(Date.now() - began).toBeLessThan(1_000);
  });
});
