// Source agreement: the figures of one story (several articles from different outlets) grouped by what
// they count, each group marked as agreeing (one value, N sources) or differing (values side by side).
// Two figures count the same thing when they have the same kind and unit, the same counted head noun
// after stemming, and sentences that share context words (verbs, places) outside the figure itself.
// One article never gives two different values for the same thing: "4 missiles crashed" and
// "26 missiles launched" in one article are two things, which keeps them apart across articles too.
import type { ArticleRef, Figure, FigureKind, WithArticle } from '../types.ts';
import { contentTerms, stem } from '../text/terms.ts';
import { isAge, labelOf } from './label.ts';
import { rankGroups } from './rank.ts';

export interface FigureValue {
  value: number;
  range?: [number, number];
  /** The articles that give this value, each once. */
  articles: ArticleRef[];
  /** The figures that give it, each citing its sentence. */
  figures: WithArticle<Figure>[];
}

export interface FigureGroup {
  /** What the group counts, with the context that tells it apart ("cruise missiles launched from the Caspian Sea"). */
  label: string;
  kind: FigureKind;
  /** The fullest counted phrase in the group ("cruise missiles"), or null. */
  counted: string | null;
  unit: string | null;
  /** The values given, most sources first. */
  values: FigureValue[];
  /** Every source gives the same value, or a rounded form of it ("$27bn" and "$27.5bn"). */
  agree: boolean;
  /** Different values from different sources: a discrepancy to show side by side. */
  differ: boolean;
  /** How many articles give a figure in the group. */
  sources: number;
  /** The distinct outlets that give a figure in the group (an article naming none counts by its title). */
  outlets: string[];
  /** How many times the group's figures are stated, over all its articles. */
  mentions: number;
  /** An age ("58-year-old", "aged 58"): shown as "aged 58", ranked low. */
  age: boolean;
}

/** Kinds that report a quantity of something; dates and ordinals are not compared. */
const COMPARED: ReadonlySet<FigureKind> = new Set<FigureKind>(['count', 'money', 'percent', 'measure', 'duration']);

/** Stems that report the same event in other words ("died" and "killed", "fired" and "launched"). */
const SYNONYMS: Record<string, string> = {
  die: 'kill', dead: 'kill', death: 'kill', slain: 'kill', fatal: 'kill', kil: 'kill',
  fire: 'launch', shot: 'launch', shoot: 'launch', fired: 'launch',
  wound: 'injur', hurt: 'injur', injuri: 'injur',
  detain: 'arrest', custodi: 'arrest',
  bomber: 'bomb', bomb: 'bomb', blast: 'bomb', explos: 'bomb',
  attack: 'attack', assault: 'attack', raid: 'attack', strike: 'attack',
  crash: 'land', fell: 'land', fall: 'land',
  russia: 'russian', american: 'us', america: 'us', british: 'uk', britain: 'uk',
};

interface Item {
  fig: WithArticle<Figure>;
  article: string;
  key: string;
  context: Set<string>;
  /** The nearest name before the figure in its sentence ("The Aviator leads with 11 nominations": "aviator"). */
  subject: string | null;
}

const NOT_SUBJECTS = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|The|A|An|In|On|At|But|And|It|He|She|They|We|I|Mr|Mrs|Ms|Dr)$/;

function subjectOf(f: Figure): string | null {
  const at = f.sentence.indexOf(f.text);
  if (at <= 0) return null;
  const words = f.sentence.slice(0, at).split(/\s+/).filter(Boolean).slice(-8);
  for (let i = words.length - 1; i >= 0; i--) {
    if (/[,;:(]$/.test(words[i])) break; // the clause the figure stands in ends here
    const w = words[i].replace(/['\u2019]s$|[^\p{L}]/gu, '');
    if (!w) continue;
    if (/^\p{Lu}/u.test(w) && !NOT_SUBJECTS.test(w) && !(i === 0 && at - words.join(' ').length <= 1)) return w.toLowerCase();
  }
  return null;
}

const articleKey = (a: ArticleRef): string => a.id || a.file || a.title;

/** Heads that count people, however the report words it: "12 dead", "15 people", "20 victims". */
const PEOPLE_HEADS = new Set(['peopl', 'toll', 'person', 'dead', 'kill', 'death', 'victim', 'live', 'fatal', 'bodi', 'casualti', 'individu']);

/** Heads news reports use for the same things (stems): troops and soldiers, airstrikes and strikes. */
const SAME_HEADS: Record<string, string> = {
  troop: 'soldier', airstrik: 'strike', raid: 'strike', jet: 'aircraft', plane: 'aircraft', warplan: 'aircraft', warship: 'ship', vessel: 'ship',
  fighter: 'milit', insurg: 'milit', rebel: 'milit', militant: 'milit', home: 'hous', household: 'hous', dwell: 'hous', firm: 'compani', worker: 'employe',
};

function headOf(counted: string | null): string | null {
  if (!counted) return null;
  const last = counted.trim().split(/\s+/).at(-1);
  if (!last) return null;
  const s = stem(last.toLowerCase());
  return PEOPLE_HEADS.has(s) ? 'person' : SAME_HEADS[s] ?? s;
}

/** Context stems of a figure's sentence, without the figure's own words or any number. */
function contextOf(f: Figure): Set<string> {
  const own = new Set(contentTerms(f.text));
  const out = new Set<string>();
  for (const t of contentTerms(f.sentence)) {
    if (own.has(t) || /\d/.test(t)) continue;
    out.add(SYNONYMS[t] ?? t);
  }
  return out;
}

/** The place value of a number's last significant digit: 27e9 -> 1e9, 9.37 -> 0.01, 40000 -> 10000. */
export function precisionOf(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return 1;
  const digits = Math.abs(v).toPrecision(12).replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length || 1;
  const exponent = Math.floor(Math.log10(Math.abs(v)));
  return 10 ** (exponent - digits + 1);
}

/**
 * The same figure, or one a rounded or truncated form of the other: "$27bn" and "$27.5bn", "9.3" and
 * "9.37", "about 300" and "more than 250". Rounding moves a value by half its last place at most, truncation
 * only down: 40 is no rounded 31.
 */
export function compatible(a: number, b: number): boolean {
  if (a === b) return true;
  const pa = precisionOf(a), pb = precisionOf(b);
  if (pa === pb) return false;
  const [coarse, fine, p] = pa > pb ? [a, b, pa] : [b, a, pb];
  const d = fine - coarse;
  return Math.abs(d) <= p / 2 || (d >= 0 && d < p);
}

/** A value inside a range another source gives: "10 to 15" and "12". */
function withinRange(a: { range?: [number, number] }, b: { value: number }): boolean {
  return !!a.range && b.value >= a.range[0] && b.value <= a.range[1];
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared;
}

/** Groups a story's figures by what they count and says whether the sources agree. */
export function groupFigures(figures: WithArticle<Figure>[]): FigureGroup[] {
  const items: Item[] = [];
  for (const fig of figures) {
    if (!COMPARED.has(fig.kind) || fig.conversion) continue;
    const head = headOf(fig.counted);
    if (!head && fig.kind === 'count') continue;
    items.push({ fig, article: articleKey(fig.article), key: `${fig.kind}|${fig.unit ?? ''}|${head ?? ''}`, context: contextOf(fig), subject: subjectOf(fig) });
  }
  // candidate pairs, best first: same value in one article, then shared context (same value counting extra)
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i], b = items[j];
      if (a.key !== b.key) continue;
      const same = compatible(a.fig.value, b.fig.value);
      const shared = similarity(a.context, b.context);
      const smaller = Math.max(1, Math.min(a.context.size, b.context.size));
      let score: number;
      if (a.article === b.article) {
        if (a.fig.value !== b.fig.value) continue;
        score = 100 + shared; // one article repeating its own figure
      } else {
        // an amount or share with nothing counted is compared only through what it is of
        if (!a.fig.counted || !b.fig.counted) continue;
        // different values need more in common than equal ones; lengths of time are often unrelated
        const needed = same ? 1 : a.fig.kind === 'duration' ? 4 : 3;
        // different values said of different names are about different things ("The Aviator: 11 nominations", "Ray: 6")
        if (!same && a.subject && b.subject && a.subject !== b.subject) continue;
        // lengths of time differ only when said of the same name ("Tzekos was banned for two years" / "for four years")
        if (!same && a.fig.kind === 'duration' && !(a.subject && a.subject === b.subject)) continue;
        if (shared < needed || shared / smaller < (same ? 0.1 : 0.25)) continue;
        score = shared + (same ? 3 : 0) + shared / smaller;
      }
      pairs.push([score, i, j]);
    }
  pairs.sort((x, y) => y[0] - x[0]);
  // union clusters, never putting two different values from one article together
  const cluster = items.map((_, i) => i);
  const members = new Map<number, number[]>(items.map((_, i) => [i, [i]]));
  const find = (i: number): number => (cluster[i] === i ? i : (cluster[i] = find(cluster[i])));
  for (const [, i, j] of pairs) {
    const ci = find(i), cj = find(j);
    if (ci === cj) continue;
    const a = members.get(ci)!, b = members.get(cj)!;
    const clash = a.some((x) => b.some((y) => items[x].article === items[y].article && !compatible(items[x].fig.value, items[y].fig.value)));
    if (clash) continue;
    cluster[cj] = ci;
    members.set(ci, [...a, ...b]);
    members.delete(cj);
  }
  const groups: FigureGroup[] = [];
  for (const [, idx] of members) groups.push(toGroup(idx.map((i) => items[i])));
  // disagreements first, then what more outlets report; ages, lives and passing sums last (rank.ts)
  return rankGroups(groups);
}

function toGroup(items: Item[]): FigureGroup {
  const byValue = new Map<number, FigureValue>();
  for (const it of items) {
    let v = byValue.get(it.fig.value);
    if (!v) {
      v = { value: it.fig.value, articles: [], figures: [] };
      if (it.fig.range) v.range = it.fig.range;
      byValue.set(it.fig.value, v);
    }
    if (!v.articles.some((a) => articleKey(a) === it.article)) v.articles.push(it.fig.article);
    v.figures.push(it.fig);
  }
  const values = [...byValue.values()].sort((a, b) => b.articles.length - a.articles.length || a.value - b.value);
  // sources differ when two values from different articles are not the same figure rounded
  let differ = false;
  for (let i = 0; i < values.length && !differ; i++)
    for (let j = i + 1; j < values.length && !differ; j++) {
      if (compatible(values[i].value, values[j].value) || withinRange(values[i], values[j]) || withinRange(values[j], values[i])) continue;
      const ai = new Set(values[i].articles.map(articleKey));
      differ = values[j].articles.some((a) => !ai.has(articleKey(a))) || values[i].articles.some((a) => !values[j].articles.some((b) => articleKey(b) === articleKey(a)));
    }
  const sources = new Set(items.map((i) => i.article)).size;
  const counted = items.map((i) => i.fig.counted).filter((c): c is string => !!c).sort((a, b) => b.length - a.length)[0] ?? null;
  const first = items[0].fig;
  const outlets = [...new Set(items.map((i) => i.fig.article.source ?? i.fig.article.title))];
  return {
    label: labelOf(items.map((i) => i.fig), counted),
    kind: first.kind,
    counted,
    unit: first.unit,
    values,
    agree: !differ,
    differ,
    sources,
    outlets,
    mentions: items.length,
    age: items.every((i) => isAge(i.fig)),
  };
}
