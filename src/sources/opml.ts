// OPML subscription lists (what feed readers export): every outline with an xmlUrl, nested folders
// included, read by feedsmith.
import { parseOpml } from 'feedsmith';

export interface OpmlFeed {
  url: string;
  title: string | null;
}

type Outline = { text?: string; title?: string; xmlUrl?: string; outlines?: Outline[] };

/** The feeds an OPML document lists; throws with a plain reason when it is not OPML. */
export function readOpml(text: string): OpmlFeed[] {
  let doc: { body?: { outlines?: Outline[] } };
  try {
    doc = parseOpml(text) as typeof doc;
  } catch (e) {
    throw new Error(`not an OPML file (${(e as Error).message})`);
  }
  const feeds: OpmlFeed[] = [];
  const walk = (outlines: Outline[] | undefined) => {
    for (const o of outlines ?? []) {
      if (o.xmlUrl && !feeds.some((f) => f.url === o.xmlUrl)) feeds.push({ url: o.xmlUrl.trim(), title: o.title ?? o.text ?? null });
      walk(o.outlines);
    }
  };
  walk(doc.body?.outlines);
  return feeds;
}
