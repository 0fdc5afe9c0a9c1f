// Bylines: "by VOA News October 08, 2015", "By Jane Doe, Reuters", "By JANE DOE | Published 8 Oct 2015".
import { parseLooseDate } from './dates.ts';
import { splitWhiteSpace } from '../text/normalize.ts';

export interface Byline {
  byline: string;
  source: string | null;
  published: string | null;
}

const OUTLET = /\b(news|press|agency|reuters|associated press|ap|afp|bbc|cnn|voa|bloomberg|times|post|journal|herald|tribune|telegraph|guardian|gazette|chronicle|wire|staff|service|network|media|radio|tv|television|daily|weekly|magazine|review|report)\b/i;

/** Reads a byline block, or returns null when the block is not one. */
export function readByline(block: string): Byline | null {
  const text = block.trim();
  if (splitWhiteSpace(text).length > 16) return null;
  const m = text.match(/^by\s+(.+)$/i);
  if (!m) return null;
  let rest = m[1].trim();
  let published: string | null = null;
  const dated = findDate(rest);
  if (dated) {
    published = dated.iso;
    rest = (rest.slice(0, dated.index) + rest.slice(dated.index + dated.length)).replace(/\b(published|updated|posted|on)\b\s*:?/gi, ' ');
  }
  rest = rest.replace(/[|•·—–-]+\s*$/, '').replace(/\s*[|•·—–]\s*/g, ', ').replace(/\s+/g, ' ').replace(/^[,\s]+|[,\s]+$/g, '');
  if (!rest || !/^[\p{Lu}\p{Lt}]/u.test(rest)) return null;
  const parts = rest.split(/\s*,\s*|\s+and\s+/).filter(Boolean);
  const outlet = parts.find((p) => OUTLET.test(p)) ?? null;
  return { byline: rest, source: outlet, published };
}

function findDate(text: string): { iso: string; index: number; length: number } | null {
  const patterns = [
    /\b(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b/,
    /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}\b/,
    /\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/,
  ];
  for (const re of patterns) {
    const m = text.match(re);
    if (m && m.index !== undefined) {
      const iso = parseLooseDate(m[0]);
      if (iso) return { iso, index: m.index, length: m[0].length };
    }
  }
  return null;
}
