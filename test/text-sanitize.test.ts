// Hostile and odd text: terminal escapes, invisible characters and bidi overrides are removed where article
// text enters (ingest) and again by every renderer; over-long lines are cut at a clause.
import { describe, expect, it } from 'vitest';
import { renderText } from '../src/adapters/console/render.ts';
import { capLine, MAX_LINE, prepareReply } from '../src/adapters/prepare.ts';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { sanitizeText } from '../src/core/text/sanitize.ts';

const ESC = '\x1b';
const CLEAR = `${ESC}[2J${ESC}[H`;
const TITLE = `${ESC}]0;pwned${'\x07'}`;
const ERASE = `${ESC}[2K${ESC}[1A`;

describe('sanitizing text', () => {
  it('removes ANSI, OSC and other escape sequences, and C0/C1 controls, but keeps tab and newline', () => {
    expect(sanitizeText(`${CLEAR}Four Russian missiles${TITLE} crashed${ERASE} in Iran.`)).toBe('Four Russian missiles crashed in Iran.');
    expect(sanitizeText(`a${ESC}]8;;https://evil.example${ESC}\\link${ESC}]8;;${ESC}\\ b`)).toBe('alink b');
    expect(sanitizeText(`bell\x07 null\x00 del\x7f c1\x85\x9b31m x`)).toBe('bell null del c1 x');
    expect(sanitizeText('col\tumn\nline\r\nnext\rover')).toBe('col\tumn\nline\nnext\nover');
    expect(sanitizeText(`${ESC}c${ESC}(Breset`)).toBe('reset');
  });

  it('joins names split by zero-width characters and removes bidi overrides', () => {
    expect(sanitizeText('Re\u200dyes and Re\u200byes and Car\u2060ter')).toBe('Reyes and Reyes and Carter');
    expect(sanitizeText('the score was \u202e7-2\u202c')).toBe('the score was 7-2');
    expect(sanitizeText('\u2066\u200fsaid\u2069\ufeff')).toBe('said');
  });

  it('keeps the zero-width joiner inside emoji', () => {
    const family = '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}';
    const scientist = '\u{1f469}\u{1f3fd}\u200d\u{1f52c}';
    const rainbow = '\u{1f3f3}\ufe0f\u200d\u{1f308}';
    expect(sanitizeText(`${family} ${scientist} ${rainbow}`)).toBe(`${family} ${scientist} ${rainbow}`);
    expect(sanitizeText(`x\u200d${family}`)).toBe(`x${family}`);
  });

  it('leaves ordinary text alone', () => {
    const text = 'On Thursday, Ashton Carter, the Defense Secretary — “soon” — said: 26 missiles (£1.2m), café, 東京.';
    expect(sanitizeText(text)).toBe(text);
  });
});

describe('at ingest', () => {
  it('strips escapes and invisible characters from every field of an article', () => {
    const text = [
      `US Claims Russian Missiles${CLEAR} Hit Iran`,
      '',
      `On Thursday, Ashton Car\u200dter, the Defense Secretary${TITLE} warned Russia that its continued military campaign in Syria would lead to consequences.`,
      '',
      `"They will begin to suffer casualties${ERASE}," Car\u200bter said. The final tally was \u202e7-2\u202c.`,
    ].join('\n');
    const [a] = parseArticles('hostile.txt', text);
    const all = JSON.stringify(a);
    expect(all).not.toMatch(/\\u001b|\u200d|\u200b|\u202e|\u202c|\\u0007/);
    expect(a.title).toBe('US Claims Russian Missiles Hit Iran');
    expect(a.sentences.map((s) => s.text).join(' ')).toContain('Ashton Carter, the Defense Secretary warned Russia');
    expect(a.sentences.map((s) => s.text).join(' ')).toContain('was 7-2.');
  });

  it('strips escapes that arrive as HTML entities or JSON escapes', () => {
    const [h] = parseArticles('a.html', '<html><head><title>Vote&#x1b;[2J</title></head><body><article><p>The council voted 7&#x202e;-2 on Tuesday, officials said.</p></article></body></html>');
    expect(h.title).toBe('Vote');
    expect(h.sentences[0].text).toBe('The council voted 7-2 on Tuesday, officials said.');
    const [j] = parseArticles('a.json', JSON.stringify({ title: 'Flood\u001b]0;x\u0007 warning', body: 'Water rose 2 metres overnight, the agency said.' }));
    expect(j.title).toBe('Flood warning');
  });
});

describe('in every renderer', () => {
  const hostile = {
    title: `Quotes${CLEAR}`,
    sections: [{ items: [{ text: `“We will respond${TITLE},” Re\u200dyes said${ERASE}.`, cite: { article: { id: 'a', file: null, title: `T${ESC}[31m`, source: 'VOA', url: null, published: null } } }] }],
  };

  it('prints nothing a terminal would act on', () => {
    const out = renderText(hostile);
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(out).toContain('“We will respond,” Reyes said.');
  });

  it('cuts an over-long line at a clause boundary, with an ellipsis, keeping the source', () => {
    const clause = 'the missiles crossed Iraq and Iran before falling short of their target';
    const line = Array.from({ length: 2000 }, (_, i) => `${clause} ${i}`).join(', ');
    const r = prepareReply({ sections: [{ items: [{ text: line, cite: { article: { id: 'a', file: null, title: 'T', source: 'VOA', url: 'https://x.example/a', published: null } } }] }] });
    const text = r.sections[0].items[0].text;
    expect(text.length).toBeLessThanOrEqual(MAX_LINE);
    expect(text).toMatch(/target \d+…$/);
    expect(r.sections[0].items[0].cite?.article.url).toBe('https://x.example/a');
    expect(capLine('x'.repeat(1000), 50)).toBe(`${'x'.repeat(49)}…`);
    expect(capLine('short', 50)).toBe('short');
  });
});

describe('an endless sentence', () => {
  it('is indexed as clauses of at most a thousand characters, not one 100,000-character sentence', async () => {
    const { MAX_SENTENCE } = await import('../src/core/text/sentences.ts');
    const clause = 'officials said the convoy had crossed the border again before dawn';
    const line = Array.from({ length: 1500 }, (_, i) => `${clause} ${i}`).join(', ');
    expect(line.length).toBeGreaterThan(100_000);
    const [a] = parseArticles('endless.txt', `Convoy crosses the border\n\n${line}.`);
    expect(a.sentences.length).toBeGreaterThan(100);
    expect(Math.max(...a.sentences.map((s) => s.text.length))).toBeLessThanOrEqual(MAX_SENTENCE);
    expect(a.sentences[0].text).toMatch(/^officials said the convoy .* \d+,$/);
    expect(a.sentences.map((s) => s.text).join(' ')).toBe(`${line}.`);
  });
});
