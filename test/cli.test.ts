import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../src/adapters/console/console.ts';
import { planAdapters } from '../src/adapters/select.ts';
import { SAMPLES_DIR, tempSitrep } from './helpers/sitrep.ts';

const ROOT = join(import.meta.dirname, '..');
const state = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
const db = join(state, 'index.db');
afterAll(() => rmSync(state, { recursive: true, force: true }));

function sitrep(args: string[], input?: string) {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'sitrep.js'), ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, SITREP_STATE_DIR: state } });
}

describe('the command line', () => {
  it('prints exactly one JSON object for ask --json, the sentence naming Iran first', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'bin', 'sitrep.js'), '--data', SAMPLES_DIR, '--db', db, 'ask', 'Where did the Russian missiles crash?', '--json'], { encoding: 'utf8' });
    const json = JSON.parse(out);
    expect(json.answers[0].text).toMatch(/Iran/);
    expect(json.answers[0]).toMatchObject({ score: expect.any(Number), article: { id: expect.any(String), file: expect.any(String), title: expect.any(String) } });
  });

  it('lists the two samples as one story', () => {
    const json = JSON.parse(sitrep(['--data', SAMPLES_DIR, '--db', db, 'stories', '--json']).stdout);
    expect(json.stories).toHaveLength(1);
    expect(json.stories[0].articles.map((a: { file: string }) => a.file).sort()).toEqual(['000_1c765ed5a3505be5.txt', '004_d812bad6fd6cf605.txt']);
  });

  it('explains an unknown command and a missing question, with usage, and exits non-zero', () => {
    const unknown = sitrep(['--data', SAMPLES_DIR, '--db', db, 'forecast']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "forecast"/);
    const empty = sitrep(['--data', SAMPLES_DIR, '--db', db, 'ask']);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/needs a question/);
    expect(empty.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('answers each piped line in console mode and exits at the end of input', () => {
    const run = sitrep(['--data', SAMPLES_DIR, '--db', db, 'start'], '/ask how many troops?\n/stories\n');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/Console: no Discord or Slack credentials/);
    expect(run.stdout).toMatch(/40,000 troops/);
    expect(run.stdout).toMatch(/Stories \(1\)/);
  });
});

describe('sitrep start', () => {
  it('runs the console when no chat credentials are set, and says why', () => {
    expect(planAdapters({})).toMatchObject({ start: ['console'], reasons: [expect.stringMatching(/no Discord or Slack credentials/)] });
  });

  it('runs Discord and Slack when their settings are present, and says what is missing otherwise', () => {
    expect(planAdapters({ DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: '1', SLACK_BOT_TOKEN: 'xoxb', SLACK_APP_TOKEN: 'xapp' }).start).toEqual(['discord', 'slack']);
    const partial = planAdapters({ SLACK_BOT_TOKEN: 'xoxb' });
    expect(partial.start).toEqual(['console']);
    expect(partial.reasons[0]).toMatch(/SLACK_APP_TOKEN \(Socket Mode\) or SLACK_SIGNING_SECRET \(HTTP\) is missing/);
  });
});

describe('the console', () => {
  it('answers commands and mentions until /quit, with sources', async () => {
    const t = tempSitrep(SAMPLES_DIR);
    await t.sitrep.sync();
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d) => (text += d));
    const done = new ConsoleAdapter({ context: { sitrep: t.sitrep, platform: 'console' }, input, output, interactive: false }).start();
    input.end('@sitrep where did the missiles land?\n/help\n/quit\n/ask never answered\n');
    await done;
    t.cleanup();
    expect(text).toMatch(/Iran/);
    expect(text).toMatch(/\[VOA News, 2015-10-08\]|\[US Claims Russian Missiles Hit Iran Instead of Syria\]/);
    expect(text).toMatch(/\/ask QUESTION/);
    expect(text).not.toMatch(/never answered/);
  });
});
