// The command-line-only parts of `sitrep sources`: `import FEEDS.opml` (every feed an OPML file lists)
// and `poll` (fetch every source once and exit). add, list, remove and status run the /sources command.
import { readFileSync } from 'node:fs';
import type { Sitrep } from '../service/sitrep.ts';
import { sourcesOf } from './registry.ts';
import { CONSOLE_SCOPE } from './service.ts';


export const SOURCES_CLI_ONLY = ['import', 'poll'];

/** Runs `sources import FILE` or `sources poll`; returns the exit status. */
export async function runSourcesCli(sitrep: Sitrep, args: string[], json: boolean, scope = CONSOLE_SCOPE): Promise<number> {
  const [sub, file] = args;
  const service = sourcesOf(sitrep);
  if (sub === 'poll') {
    const s = await service.pollAll();
    if (json) console.log(JSON.stringify({ poll: s }));
    else console.log(`polled ${s.sources} source${s.sources === 1 ? '' : 's'} in ${(s.ms / 1000).toFixed(1)} s: ${s.newItems} new item${s.newItems === 1 ? '' : 's'}, ${s.editedItems} edited, ${s.notModified} not modified, ${s.failed} failed`);
    return s.failed ? 1 : 0;
  }
  if (!file) {
    console.error('sitrep: sources import needs an OPML file: sitrep sources import FEEDS.opml');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`sitrep: could not read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return 2;
  }
  let results;
  try {
    // Imported for the place the command line acts as (--workspace; the console by default).
    results = await service.importOpml(text, { scope, platform: 'console', channelId: 'console', userId: null });
  } catch (e) {
    console.error(`sitrep: ${file} is ${(e as Error).message}`);
    return 2;
  }
  if (json) console.log(JSON.stringify({ imported: results.map((r) => ({ url: r.url, added: Boolean(r.result && !r.result.existing), existing: r.result?.existing ?? false, items: r.result?.source.items ?? 0, error: r.error ?? null })) }));
  else {
    for (const r of results) console.log(r.error ? `failed  ${r.url}: ${r.error}` : `${r.result!.existing ? 'already' : 'added  '} ${r.url} (${r.result!.source.items} items)`);
    console.log(`${results.filter((r) => r.result && !r.result.existing).length} added, ${results.filter((r) => r.result?.existing).length} already followed, ${results.filter((r) => r.error).length} failed, of ${results.length} in ${file}`);
  }
  return results.some((r) => r.error) ? 1 : 0;
}
