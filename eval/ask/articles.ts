// Where the article a question was written from stands in /ask's article step (dev tooling): its place
// among the picked articles, and whether the full-text hits or the whole-article lookup found it at all.
//   npx tsx eval/ask/articles.ts eval/ask/dev.gold.json [DATA_DIR] [DB_PATH]
import { readFileSync } from 'node:fs';
import { Sitrep } from '../../src/service/sitrep.ts';
import { readQuestion } from '../../src/core/ask/question.ts';
import { HOLDING_DF, holdingWords, wholeArticleShares } from '../../src/core/ask/articles.ts';
import { pickArticles } from '../../src/core/ask/rank.ts';
import { termPatterns, termWeights } from '../../src/core/ask/weights.ts';
import { synonymsOf } from '../../src/service/synonyms.ts';

const [goldPath, data = '../shared/corpora/bbc/articles', db = '/tmp/sitrep-ask-quick.db'] = process.argv.slice(2);
const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { questions: { q: string; doc?: string }[] };
const sitrep = Sitrep.open({ dataDir: data, dbPath: db });
await sitrep.sync();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const s = sitrep as any;
const tally = { first: 0, top6: 0, later: 0, absent: 0 };
for (const q of gold.questions) {
  const shape = readQuestion(q.q);
  const related = synonymsOf(shape, s.wordnet);
  const frequencies = s.root.sentenceFrequencies([...shape.searchWords, ...[...related.values()].flat()]);
  const terms = termPatterns(shape, termWeights(shape, frequencies, related), related);
  const hits = s.candidateHits(shape, frequencies, related);
  const whole = wholeArticleShares(terms, s.store.articlesHolding(holdingWords(shape.searchWords, frequencies), HOLDING_DF * 2, s.scopes));
  const picked = pickArticles(terms, hits, 100, whole).map((id: string) => s.store.article(id)?.file);
  const rank = picked.indexOf(q.doc);
  if (rank === 0) tally.first++;
  else if (rank > 0 && rank < 6) tally.top6++;
  else if (rank >= 6) tally.later++;
  else tally.absent++;
  if (rank !== 0) console.log(`article at ${rank} (hits ${hits.length}) ${q.q} [${q.doc}] -> ${picked[0]}`);
}
console.log(tally);
sitrep.close();
