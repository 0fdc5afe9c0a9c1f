// Writes /ask's answers to the scale bench's questions (bench/scale.ts) to a file, one JSON line per
// question, so two versions of the ranking can be compared byte for byte (diff the files).
//   node bin/run-ts.js bench/ask-answers.ts DATA_DIR DB_PATH OUT_FILE
import { writeFileSync } from 'node:fs';
import { Sitrep } from '../src/service/sitrep.ts';
import { headlines } from './scale-lib.ts';
import { QUESTIONS, questionsFrom } from './scale.ts';

const [dataDir, dbPath, outFile] = process.argv.slice(2);
if (!dataDir || !dbPath || !outFile) throw new Error('usage: bench/ask-answers.ts DATA_DIR DB_PATH OUT_FILE');
const sitrep = Sitrep.open({ dataDir, dbPath, readonly: true });
try {
  const questions = questionsFrom(headlines(dataDir, QUESTIONS));
  const lines = questions.map((q) => JSON.stringify({ question: q, answers: sitrep.ask(q) }));
  writeFileSync(outFile, `${lines.join('\n')}\n`);
  console.log(`ask-answers: ${questions.length} questions answered into ${outFile}`);
} finally {
  sitrep.close();
}
