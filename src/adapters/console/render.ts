// Renders a Reply as plain text for a terminal: numbered lines with their source after them. Every text is
// sanitized first (prepareReply), so nothing from an article can move the cursor, clear the screen or
// retitle the window.
import { highlightParts, sourceLabel, type Reply } from '../../reply.ts';
import { prepareReply } from '../prepare.ts';

/** `emphasis`: mark the answering phrase in bold (ANSI), for a terminal; piped output stays plain. */
export function renderText(raw: Reply, opts: { emphasis?: boolean } = {}): string {
  const reply = prepareReply(raw);
  const out: string[] = [];
  if (reply.title) out.push(reply.kind === 'error' ? reply.title : `== ${reply.title} ==`);
  if (reply.intro) out.push(reply.intro);
  for (const section of reply.sections) {
    if (section.heading) out.push('', `-- ${section.heading} --`);
    section.items.forEach((item, i) => {
      const source = item.cite ? `  [${sourceLabel(item.cite.article)}${item.cite.article.url ? ` ${item.cite.article.url}` : ''}]` : '';
      const note = item.note ? ` (${item.note})` : '';
      const marked = highlightParts(item);
      const text = marked && opts.emphasis ? `${marked[0]}\x1b[1m${marked[1]}\x1b[22m${marked[2]}` : item.text;
      out.push(`${section.items.length > 1 ? `${i + 1}. ` : ''}${text}${note}${source}`);
    });
  }
  for (const f of reply.fields ?? []) out.push(`${f.name}: ${f.value}`);
  if (reply.footer) out.push(reply.footer);
  // charts are told in words; `sitrep ... --chart FILE` writes them
  for (const a of reply.attachments ?? []) out.push(`Chart (${a.name}): ${a.description}`);
  return out.join('\n');
}
