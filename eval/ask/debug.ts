// Shows how /ask reads one question: term weights and the top sentences with their marked phrase.
//   npx tsx eval/ask/debug.ts "QUESTION" [DATA_DIR] [DB_PATH]
import { Sitrep } from '../../src/service/sitrep.ts';
import { readQuestion } from '../../src/core/ask/question.ts';
import { termWeights, FREQUENCY_CAP } from '../../src/core/ask/weights.ts';

const [question, data = '../shared/corpora/bbc/articles', db = '/tmp/sitrep-ask-quick.db'] = process.argv.slice(2);
const sitrep = Sitrep.open({ dataDir: data, dbPath: db });
const store = (sitrep as unknown as { store: import('../../src/store/store.ts').Store }).store;
const shape = readQuestion(question);
const weights = termWeights(shape, store.sentenceFrequencies(shape.searchWords, FREQUENCY_CAP));
console.log(shape.form, shape.expects, [...weights].map(([t, w]) => `${t}:${w.toFixed(2)}`).join(' '));
for (const a of sitrep.ask(question).slice(0, 8)) console.log(a.score, a.answers ? 'A' : '-', a.article.file, a.text.slice(0, 110), '=>', a.highlight && a.text.slice(...a.highlight));
sitrep.close();
