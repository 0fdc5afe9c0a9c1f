// What a question asks for: its form ("how many" wants a figure, "who" a person, "where" a place, "when"
// a date, "what did X say" X's words) and its content terms.
import { contentTerms, tokenize, STOPWORDS } from '../text/terms.ts';

export type AnswerForm = 'count' | 'person' | 'place' | 'time' | 'quote' | 'reason' | 'entity' | 'other';

export interface QuestionShape {
  form: AnswerForm;
  /** Stemmed content terms, question words removed. */
  terms: string[];
  /** Plain words to search the full-text index with (it stems them itself). */
  searchWords: string[];
  /** Stems of the thing counted, for "how many X": the figure should count it. */
  focus: string[];
  /** Stems of capitalised names in the question ("Michael Fallon"): for "what did X say", the speaker. */
  names: string[];
}

const QUESTION_WORDS = new Set(['how', 'many', 'much', 'what', 'where', 'who', 'whom', 'whose', 'which', 'when', 'why', 'many', 'number', 'sitrep']);
const SPEECH_VERBS = 'say|said|tell|told|warn|warned|claim|claimed|announce|announced|promise|promised|vow|vowed|argue|argued|think|believe|call|called|describe|described|urge|urged';

export function readQuestion(question: string): QuestionShape {
  const q = question.trim().replace(/^@\S+\s*/, '');
  const lower = q.toLowerCase();
  let form: AnswerForm = 'other';
  let focus: string[] = [];
  const speech = new RegExp(`^(what|how)\\s+(did|does|do|has|have|had|will|would)\\s+(.+?)\\s+(${SPEECH_VERBS})\\b`, 'i');
  if (/^(how (many|much)|what (number|percentage|share|proportion|amount)|how (far|long|old|big|large|high|fast))\b/.test(lower)) {
    form = 'count';
    const m = lower.match(/^how (?:many|much)\s+(.+?)(?:\s+(?:did|do|does|were|was|are|is|will|would|have|has|had|can|could)\b|[?]|$)/);
    if (m) focus = contentTerms(m[1]);
  } else if (speech.test(q) || /\b(say|said) about\b/i.test(q)) form = 'quote';
  else if (/^(who|whom)\b/.test(lower)) form = 'person';
  else if (/^whose\b/.test(lower)) form = 'entity';
  else if (/^where\b/.test(lower)) form = 'place';
  else if (/^(when|what (time|date|day|year|month))\b/.test(lower)) form = 'time';
  else if (/^why\b/.test(lower)) form = 'reason';
  else if (/^(which|what)\b/.test(lower)) form = 'entity';

  // The names in the question; for "what did X say", only X (the speaker), so the rest ranks the words.
  const names: string[] = [];
  const speaker = form === 'quote' ? q.match(speech)?.[3] : undefined;
  const nameRe = /\b(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*)/gu;
  for (const m of (speaker ?? q).matchAll(nameRe)) {
    if (m.index === 0 && !speaker) continue; // the question's first word is capitalised anyway
    names.push(...contentTerms(m[1]));
  }
  const words = tokenize(q).map((w) => w.replace(/'s$/, '')).filter((w) => !STOPWORDS.has(w) && !QUESTION_WORDS.has(w) && (w.length > 1 || /\d/.test(w)));
  const terms = contentTerms(q).filter((t) => !QUESTION_WORDS.has(t));
  return { form, terms: [...new Set(terms)], searchWords: [...new Set(words)], focus, names: [...new Set(names)] };
}
