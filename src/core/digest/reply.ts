// The digest as a Reply: one section per story (headline, summary lines citing their article, key figures
// with agreement, quotes with speakers, sources). Adapters render it natively; this decides only content.
import type { Reply, ReplyItem, ReplySection } from '../../reply.ts';
import type { Digest, DigestChange, DigestFigure, DigestQuote, DigestStory } from './types.ts';

function figureLine(f: DigestFigure): ReplyItem {
  const cite = { article: f.article, sentence: f.sentence };
  if (f.history) return { text: `Figure: ${f.history}`, note: f.verdict === 'revision' ? 'revised over time' : 'revised over time; sources also differ', cite };
  const [top, ...others] = f.values;
  const listed = others.map((v) => `${v.outlets.join(', ')}, ${v.text}`).join('; ');
  let note = top ? top.outlets.join(', ') : undefined;
  if (others.length) note = `${note}; ${f.differs.length ? 'differs' : 'also'}: ${listed}`;
  return { text: `Figure: ${f.label}`, note, cite };
}

function changeItem(c: DigestChange): ReplyItem {
  return { text: `Changed: ${c.text}`, cite: { article: c.article, sentence: c.sentence } };
}

function quoteLine(q: DigestQuote): ReplyItem {
  const who = q.role ? `${q.speaker}, ${q.role}` : q.speaker;
  const text = q.kind === 'direct' ? `“${q.text.replace(/^["'“‘]+|["'”’]+$/g, '')}”` : q.text;
  return { text: `${text} (${who})`, cite: { article: q.article, sentence: q.sentence } };
}

export function storySection(s: DigestStory, rank: number): ReplySection {
  const items: ReplyItem[] = s.summary.map((l) => ({ text: l.text, cite: { article: l.article, sentence: l.text } }));
  items.push(...(s.changes ?? []).map(changeItem), ...s.numbers.map(figureLine), ...s.quotes.map(quoteLine));
  items.push({ text: `Sources: ${s.outlets.join('; ')}${s.sources.length > s.outlets.length ? ` (${s.sources.length} articles)` : ''}` });
  return { heading: `${rank}. ${s.title}${s.updated ? ` (${s.updated.note})` : ''}`, items };
}

export function digestReply(d: Digest): Reply {
  if (d.stories.length === 0) {
    const why = d.repeatsSkipped ? ` (${d.repeatsSkipped} earlier ${d.repeatsSkipped === 1 ? 'story has' : 'stories have'} no news since)` : '';
    return { title: `Sitrep digest, ${d.date}`, intro: `No new stories since ${d.window.since.slice(0, 16).replace('T', ' ')} UTC${why}.`, sections: [] };
  }
  const outlets = new Set(d.stories.flatMap((s) => s.outlets));
  return {
    title: `Sitrep digest, ${d.date}`,
    intro: `${d.stories.length} ${d.stories.length === 1 ? 'story' : 'stories'} from ${outlets.size} ${outlets.size === 1 ? 'source' : 'sources'}, most important first.`,
    sections: d.stories.map((s, i) => storySection(s, i + 1)),
    footer: d.repeatsSkipped ? `${d.repeatsSkipped} ${d.repeatsSkipped === 1 ? 'story' : 'stories'} from the last digest left out: no news since.` : undefined,
  };
}
