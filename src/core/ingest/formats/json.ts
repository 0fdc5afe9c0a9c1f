// JSON articles: one object, a list of objects, or { "articles": [...] }. The body is `body`, `text`,
// `content` or `article` (a string, or a list of paragraph strings).
import { emptyDraft, readPlainLayout, splitBlocks, type Draft } from '../draft.ts';
import { applyMeta, type Meta } from './meta.ts';
import { readHtml } from './html.ts';

export function readJson(text: string): Draft[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`is not valid JSON (${(e as Error).message.replace(/^.*?JSON[^:]*:\s*/, '')})`);
  }
  const items: unknown[] = Array.isArray(value) ? value : Array.isArray((value as Meta)?.articles) ? ((value as Meta).articles as unknown[]) : [value];
  const drafts: Draft[] = [];
  for (const item of items) {
    if (!item || typeof item !== 'object') continue;
    const meta = Object.fromEntries(Object.entries(item as Meta).map(([k, v]) => [k.toLowerCase(), v]));
    const body = meta.body ?? meta.text ?? meta.content ?? meta.article ?? meta.paragraphs ?? meta.html;
    const draft = emptyDraft();
    applyMeta(draft, meta);
    if (typeof body === 'string' && /<\/?(p|div|h[1-6]|br)\b/i.test(body)) {
      const html = readHtml(body);
      draft.blocks = html.blocks;
    } else if (typeof body === 'string') readPlainLayout(splitBlocks(body), draft, { hasTitle: !draft.title });
    else if (Array.isArray(body)) readPlainLayout(body.map(String).map((s) => s.trim()).filter(Boolean), draft, { hasTitle: !draft.title });
    drafts.push(draft);
  }
  if (drafts.length === 0) throw new Error('holds no article object (expected fields such as "title" and "body")');
  return drafts;
}
