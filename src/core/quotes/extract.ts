// Quote extraction and attribution: every direct, indirect and mixed quote in an article with its speaker.
// Works paragraph by paragraph (a quote may run over several sentences); see attribution.ts for the rules
// that tie a cue to its speaker and reported words, and coreference.ts for pronouns and short forms.
import type { ParsedArticle, Quote } from '../types.ts';
import { attributeUnit } from './attribution.ts';
import { collectPeople, markSpeakers, personDescription, resolveMention, resolvedPerson, type History, type Resolved } from './coreference.ts';
import { isCaption, subjectBetween } from './subjects.ts';
import { placeSentences, sentencesOf, units } from './layout.ts';
import { isFloatingQuote } from './floating.ts';
import { pullQuotes } from './pullquotes.ts';
import { findQuoteSpans, maskQuotes } from './marks.ts';
import { joinRunOnQuotes, originKey, type Origin } from './continued.ts';
import { countLetterRuns } from '../text/normalize.ts';

/** Runs of letters and digits (as `s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0`). */
function wordCount(s: string): number {
  return countLetterRuns(s);
}

/** The quoted words, tidied: no trailing comma, no quote marks left at the ends (a mixed quote keeps the
 * marks of its quoted part: `the alliance sees it as "deeply problematic."`). */
function tidy(text: string, mixed = false): string {
  if (mixed) return text.replace(/[\s,;:-]+$/, '').replace(/[,;:]+(["”’'])$/, '$1').replace(/\s+/g, ' ').trim();
  return text
    // a quotation reopened at each sentence ("... minutes. "By the morning ..."): one quote, one set of marks
    .replace(/([.!?])\s+["“](?=[\p{Lu}\p{N}])/gu, '$1 ')
    .replace(/^[\s"“”‘’']+/, '')
    .replace(/[\s,;:"“”‘’'-]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Two single marks or two backticks for a double one (some wire and newspaper archives: ''We are ready,''). */
const DOUBLED_MARKS = /''|``/g;

/** The article with doubled single marks read as double quotation marks, in its paragraphs and sentences alike. */
function withDoubleMarks(article: ParsedArticle): ParsedArticle {
  if (!article.paragraphs.some((p) => p.includes("''") || p.includes('``'))) return article;
  const fix = (t: string) => t.replace(DOUBLED_MARKS, '"');
  return { ...article, paragraphs: article.paragraphs.map(fix), sentences: article.sentences.map((s) => ({ ...s, text: fix(s.text) })) };
}

/** Every direct, indirect and mixed quote in an article, with its resolved speaker. */
export function extractQuotes(parsed: ParsedArticle): Quote[] {
  const article = withDoubleMarks(parsed);
  const history: History = [];
  const historyAt: number[] = [];
  const quotes: Quote[] = [];
  const resolvedOf: Resolved[] = [];
  const origins: Origin[] = [];

  // First pass: every paragraph's quote marks, units and attributions (speakers as written).
  const pass = article.paragraphs.map((text, pi) => {
    const spans = findQuoteSpans(text);
    // quoted words and parenthetical asides ("(Richard Lautens / Toronto Star)") are not read for attribution
    const quotesMasked = maskQuotes(text, spans);
    const masked = quotesMasked.includes('(') ? quotesMasked.replace(/\([^()"“”]{0,120}\)/g, (m) => ' '.repeat(m.length)) : quotesMasked;
    const sentences = placeSentences(article, pi, text);
    const us = units(sentences, spans, text).map((unit) => ({ unit, raws: attributeUnit(text, masked, spans, unit) }));
    return { text, spans, masked, sentences, us };
  });
  const people = collectPeople(article, pass.map((p) => p.masked));
  // people named as speakers: by full name, or by a lone surname ("Lonechild said")
  const named = pass.flatMap((p) => p.us.flatMap((u) => u.raws.map((r) => r.mention)));
  markSpeakers(people, named.filter((m) => m && (m.kind === 'person' || m.kind === 'persons' || (m.kind === 'group' && !m.name.includes(' ')))).map((m) => m!.name));

  const maskedAll = pass.map((p) => p.masked);
  const captions = article.paragraphs.map(isCaption);
  // where the last quote ended (paragraph * 1e6 + offset): a person the article turns to after it is who
  // "he said" or an uncued quote is about
  let lastEnd = -1;
  pass.forEach(({ text, spans, masked, sentences, us }, pi) => {
    const sentenceText = (a: number, z: number) => {
      const ss = sentencesOf(sentences, a, z);
      return { text: text.slice(ss[0].start, ss[ss.length - 1].end).trim(), index: Math.max(0, ss[0].index) };
    };
    const used = new Set<number>();
    for (const { unit, raws } of us) {
      // page furniture: "READ MORE: ...", "WATCH: ..."
      if (/^\s*(?:READ MORE|RELATED|WATCH|LISTEN|SEE ALSO|ALSO READ|MORE)\b\s*:/i.test(text.slice(unit.start, unit.end))) continue;
      const taken: Array<[number, number]> = [];
      for (const raw of raws) {
        if (taken.some(([a, z]) => raw.start < z && raw.end > a)) continue;
        const pos = pi * 1e6 + raw.start;
        const m = raw.mention;
        const described = m && m.kind === 'group' ? personDescription(m.name) : undefined;
        const want = m && m.kind === 'pronoun' && (m.name === 'he' || m.name === 'she') ? (m.name === 'he' ? 'm' : 'f') : described;
        const turnedTo = want !== undefined && lastEnd >= 0 ? subjectBetween(people, maskedAll, captions, lastEnd, pi * 1e6 + Math.min(raw.start, raw.from), want) : null;
        const r = turnedTo ? resolvedPerson(people, turnedTo, pos) : m ? resolveMention(people, m, pos, history, [pi * 1e6 + raw.start, pi * 1e6 + raw.end]) : null;
        if (!r) continue;
        // whoever a description or a pronoun turned out to be is now a speaker, as one named would be
        if (r.person) r.person.speaks = r.person.confirmed = true;
        const words = tidy(raw.cut ? `${text.slice(raw.start, raw.cut[0])} ${text.slice(raw.cut[1], raw.end)}` : text.slice(raw.start, raw.end), raw.kind === 'mixed');
        if (wordCount(words) < 2) continue;
        // `"A," said X, "B."`: one quote around its attribution
        const prev = quotes[quotes.length - 1];
        if (raw.join && raw.kind === 'direct' && prev && prev.kind === 'direct' && prev.speaker === r.speaker && prev.sentenceIndex === sentenceText(raw.from, raw.to).index) {
          prev.text = `${prev.text} ${words}`;
          taken.push([raw.start, raw.end]);
          raw.spans.forEach((i) => used.add(i));
          raw.spans.forEach((i) => origins[origins.length - 1].add(originKey(pi, i)));
          continue;
        }
        taken.push([raw.start, raw.end]);
        raw.spans.forEach((i) => used.add(i));
        people.reported.push([pi * 1e6 + raw.start, pi * 1e6 + raw.end, r.person]);
        const s = sentenceText(raw.from, raw.to);
        // reported words around their attribution ("The drugs have few uses, he says, and are meant for the
        // short term"): a report on each side of it
        const sides = raw.cut && raw.kind !== 'direct' ? [text.slice(raw.start, raw.cut[0]), text.slice(raw.cut[1], raw.end)].map((x) => tidy(x, raw.kind === 'mixed')) : [];
        const parts = sides.length === 2 && sides.every((x) => wordCount(x) >= 2) ? sides : [words];
        for (const part of parts) {
          quotes.push({ speaker: r.speaker, role: r.role, speakerKind: r.kind, kind: raw.kind, cue: raw.cue, text: part, sentence: s.text, sentenceIndex: s.index });
          resolvedOf.push(r);
          origins.push(new Set(raw.spans.map((i) => originKey(pi, i))));
          history.push(r);
          historyAt.push(pi);
        }
        lastEnd = Math.max(lastEnd, pi * 1e6 + raw.to);
      }
      // Floating quotes: a quoted sentence with no cue continues the last speaker.
      const claimedUntil = raws.reduce((m, r) => Math.max(m, r.end), unit.start);
      spans.forEach((q, i) => {
        if (used.has(i) || !isFloatingQuote(masked, unit, q, claimedUntil, raws.length > 0)) return;
        const prior = history[history.length - 1];
        if (!prior || pi - historyAt[historyAt.length - 1] > 3) return;
        const turnedTo = subjectBetween(people, maskedAll, captions, lastEnd, pi * 1e6 + q.start, null);
        const last = turnedTo ? resolvedPerson(people, turnedTo, pi * 1e6 + q.start) : prior;
        lastEnd = Math.max(lastEnd, pi * 1e6 + q.end);
        used.add(i);
        const s = sentenceText(q.start, q.end);
        quotes.push({ speaker: last.speaker, role: last.role, speakerKind: last.kind, kind: 'direct', cue: '', text: tidy(q.inner), sentence: s.text, sentenceIndex: s.index });
        resolvedOf.push(last);
        origins.push(new Set([originKey(pi, i)]));
        history.push(last);
        historyAt.push(pi);
      });
    }
  });

  joinRunOnQuotes(quotes, resolvedOf, origins, pass);

  // pull quotes set off from the text, where they stand in the article
  const pulled = pullQuotes(article.paragraphs, people, new Set(quotes.map((q) => q.speaker)));
  for (const { paragraph, quote } of pulled) {
    const person = people.list.find((p) => p.name === quote.speaker);
    quote.sentenceIndex = Math.max(0, pass[paragraph].sentences[0]?.index ?? 0);
    const at = quotes.findIndex((q) => q.sentenceIndex > quote.sentenceIndex);
    const where = at < 0 ? quotes.length : at;
    quotes.splice(where, 0, quote);
    resolvedOf.splice(where, 0, person ? { speaker: person.name, role: quote.role, kind: 'person', person } : { speaker: quote.speaker, role: quote.role, kind: 'group' });
  }

  // Every quote of one person carries the person's final (fullest) name, role and aliases.
  quotes.forEach((q, i) => {
    const r = resolvedOf[i];
    if (r.person) {
      q.speaker = r.person.name;
      const role = r.person.roles.length ? r.person.roles.reduce((a, b) => (b.length > a.length && b.length < 90 ? b : a)) : null;
      q.role = role;
      const aliases = [...r.person.aliases].filter((a) => a !== r.person!.name);
      if (aliases.length) q.aliases = aliases;
    }
  });
  return quotes;
}
