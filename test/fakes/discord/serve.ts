// Runs the fake Discord on its own, to try `sitrep start` or `deploy-commands` without Discord:
//   node bin/run-ts.js test/fakes/discord/serve.ts
// then, in another terminal, with the printed settings: npx sitrep start
// Type "ask <question>" or "mention <text>" here to send an interaction or a message to the bot.
import { createInterface } from 'node:readline';
import { IDS, BOT } from './payloads.ts';
import { FakeDiscord } from './server.ts';

const fake = await FakeDiscord.start();
console.log(`Fake Discord listening. Settings:\n  DISCORD_TOKEN=fake DISCORD_APPLICATION_ID=${IDS.application} DISCORD_API_URL=${fake.apiUrl}`);
let shown = 0;
setInterval(() => {
  for (const r of fake.requests.slice(shown)) console.log(`${r.method} ${r.path} -> ${r.status}${r.body ? ` ${JSON.stringify(r.body).slice(0, 300)}` : ''}`);
  shown = fake.requests.length;
}, 200).unref();
const rl = createInterface({ input: process.stdin });
for await (const line of rl) {
  const [word, ...rest] = line.trim().split(/\s+/);
  if (word === 'ask') fake.invoke({ name: 'ask', options: { question: rest.join(' ') } });
  else if (word === 'mention') fake.say({ content: `<@${BOT.id}> ${rest.join(' ')}`, mentions: [BOT] });
  else if (word) console.log('Type "ask QUESTION" or "mention TEXT".');
}
await fake.close();
