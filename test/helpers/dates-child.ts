// Run in a child process under some TZ: prints how each article's date is read, as JSON.
import { readArticles } from '../../src/core/ingest/parse.ts';

const inputs: Record<string, string>[] = JSON.parse(process.argv[2]);
const out = inputs.map((meta) => {
  const { articles, warnings } = readArticles('a.json', JSON.stringify({ title: 'Port strike ends', body: 'Dock workers voted to end the strike on Friday, the union said.', ...meta }));
  return { published: articles[0].published, warnings };
});
process.stdout.write(JSON.stringify({ tz: Intl.DateTimeFormat().resolvedOptions().timeZone, out }));
