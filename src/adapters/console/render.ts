// Renders a Reply as plain text for a terminal: numbered lines with their source after them.
import { highlightParts, sourceLabel, type Reply } from '../../reply.ts';

/** `emphasis`: mark the answering phrase in bold (ANSI), for a terminal; piped output stays plain. */
export function renderText(reply: Reply, opts: { emphasis?: boolean } = {}): string {
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
  return out.join('\n');
}
