// Shows how /ask reads one question: term weights, the articles picked and the top sentences.
//   npx tsx eval/ask/debug.ts "QUESTION" [DATA_DIR] [DB_PATH]
import { Sitrep } from '../../src/service/sitrep.ts';
import { readQuestion } from '../../src/core/ask/question.ts';
import { termWeights, searchWords, FREQUENCY_CAP } from '../../src/core/ask/weights.ts';
import { pickArticles } from '../../src/core/ask/rank.ts';

const [question, data = '../shared/corpora/bbc/articles', db = '/tmp/sitrep-ask-quick.db'] = process.argv.slice(2);
const sitrep = Sitrep.open({ dataDir: data, dbPath: db });
const store = (sitrep as unknown as { store: import('../../src/store/store.ts').Store }).store;
const shape = readQuestion(question);
const freq = store.sentenceFrequencies(shape.searchWords, FREQUENCY_CAP);
const weights = termWeights(shape, freq);
console.log(shape.form, shape.expects, [...freq], [...weights].map(([t, w]) => `${t}:${w.toFixed(2)}`).join(' '));
const words = searchWords(shape, freq);
const hits = store.searchSentences(words, 200);
console.log('search', words, 'hits', hits.length);
const ids = pickArticles(weights, hits, 8);
console.log('picked', ids.map((id) => store.article(id)?.file));
for (const a of sitrep.ask(question).slice(0, 5)) console.log(a.score, a.answers, a.article.file, a.text.slice(0, 120), a.highlight && a.text.slice(...a.highlight));
sitrep.close();
