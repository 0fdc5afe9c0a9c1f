// Markdown articles: optional YAML-style front matter (title, source, url, date, author, categories),
// `# Title`, `## Headings`, paragraphs. Markup is reduced to plain text.
import { emptyDraft, readPlainLayout, splitBlocks, type Draft } from '../draft.ts';
import { applyMeta, type Meta } from './meta.ts';

export function readMarkdown(text: string): Draft {
  const draft = emptyDraft();
  let body = text.replace(/\r\n?/g, '\n');
  const front = body.match(/^---\n([\s\S]*?)\n---\n/);
  if (front) {
    applyMeta(draft, readFrontMatter(front[1]));
    body = body.slice(front[0].length);
  }
  const blocks: string[] = [];
  const headings = new Set<string>();
  for (const raw of body.split(/\n[ \t]*\n+/)) {
    const lines = raw.split('\n');
    // A heading line inside a block starts a block of its own.
    let para: string[] = [];
    const flush = () => {
      if (para.length) blocks.push(plain(para.join(' ')));
      para = [];
    };
    for (const line of lines) {
      const h = line.match(/^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/);
      if (h) {
        flush();
        const t = plain(h[2]);
        if (h[1].length === 1 && !draft.title) draft.title = t;
        else if (t) {
          headings.add(t);
          blocks.push(t);
        }
      } else if (/^\s*([-*_]\s*){3,}$/.test(line)) flush();
      else para.push(line.replace(/^\s*(>\s?)+/, '').replace(/^\s*([-*+]|\d+[.)])\s+/, ''));
    }
    flush();
  }
  const filtered = blocks.filter(Boolean);
  if (headings.size === 0) return readPlainLayout(filtered, draft);
  const layout = readPlainLayout(filtered, draft, { hasTitle: !draft.title });
  layout.blocks = layout.blocks.map((b) => (headings.has(b.text) ? { kind: 'heading', text: b.text } : b));
  return layout;
}

/** Strips inline markdown: images, links, emphasis, code, HTML tags. */
function plain(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(^|\W)[*_](\S(?:.*?\S)?)[*_](?=\W|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function readFrontMatter(src: string): Meta {
  const meta: Meta = {};
  let listKey: string | null = null;
  for (const line of src.split('\n')) {
    const item = line.match(/^\s*-\s+(.*)$/);
    if (item && listKey) {
      const list = (meta[listKey] as string[] | undefined) ?? [];
      list.push(unquote(item[1]));
      meta[listKey] = list;
      continue;
    }
    const kv = line.match(/^([A-Za-z_][\w-]*)\s*:\s*(.*)$/);
    if (!kv) continue;
    const key = kv[1].toLowerCase();
    const value = kv[2].trim();
    if (value === '') {
      listKey = key;
      continue;
    }
    listKey = null;
    meta[key] = value.startsWith('[') ? value.slice(1, -1).split(',').map((v) => unquote(v)).filter(Boolean) : unquote(value);
  }
  return meta;
}

const unquote = (s: string) => s.trim().replace(/^["']|["']$/g, '');

