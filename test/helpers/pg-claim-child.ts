// A separate Sitrep instance that, at a given moment, claims the same things as its siblings: a digest
// run, the due sources and a Slack event. It prints what it won, so a test can count one winner of each.
import { PgEventClaims } from '../../src/store/pg/dedupe.ts';
import { PgStore } from '../../src/store/pg/store.ts';

const [url, name, startAt] = process.argv.slice(2);
const store = new PgStore(url);
const claims = new PgEventClaims(url);
const schedule = store.schedule();
const sources = store.sources();
schedule.subscriptions();
const wait = Number(startAt) - Date.now();
if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
const slotAt = '2024-06-03T07:00:00.000Z';
const run = schedule.claimRun({
  platform: 'discord', place: 'discord:G1', channelId: 'news', slotAt, localDate: '2024-06-03', timezone: 'Europe/London',
  dayStart: '2024-06-02T23:00:00.000Z', dayEnd: '2024-06-03T23:00:00.000Z', claimedBy: name, claimedAt: slotAt,
});
const due = sources.claimDue(new Date('2026-12-01T13:00:00Z'), 600_000).map((s) => s.id);
const event = claims.claim('Ev1');
claims.close();
store.close();
process.stdout.write(JSON.stringify({ run, due, event }));
