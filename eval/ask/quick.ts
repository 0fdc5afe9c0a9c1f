// In-process check of a gold file while working (score.mjs runs the CLI once per question; this opens the
// index once). Same rule as score.mjs: the first answer's text must hold one of the expected words.
//   npx tsx eval/ask/quick.ts eval/ask/dev.gold.json [DATA_DIR] [DB_PATH]
import { readFileSync } from 'node:fs';
import { Sitrep } from '../../src/service/sitrep.ts';

const [goldPath, data = '../shared/corpora/bbc/articles', db = '/tmp/sitrep-ask-quick.db'] = process.argv.slice(2);
const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { questions: { q: string; answer_any: string[]; doc?: string }[] };
const sitrep = Sitrep.open({ dataDir: data, dbPath: db });
await sitrep.sync();
let first = 0, top3 = 0, answered = 0, answeredRight = 0;
// Per half (even and odd positions), to check that a change holds on both.
const halves = [{ first: 0, top3: 0, n: 0 }, { first: 0, top3: 0, n: 0 }];
const times: number[] = [];
for (const [i, q] of gold.questions.entries()) {
  const half = halves[i % 2];
  half.n++;
  const t0 = performance.now();
  const answers = sitrep.ask(q.q);
  times.push(performance.now() - t0);
  const ok = (a?: { text: string }) => Boolean(a) && q.answer_any.some((x) => norm(a!.text).includes(norm(x)));
  const rank = answers.findIndex(ok);
  if (rank === 0) (first++, half.first++);
  if (rank >= 0 && rank < 3) (top3++, half.top3++);
  if (answers[0]?.answers) answered++;
  if (answers[0]?.answers && rank === 0) answeredRight++;
  if (rank !== 0) {
    const a = answers[0];
    const inDoc = answers.findIndex((x) => x.article.file === q.doc);
    console.log(`miss (rank ${rank}, gold article first at ${inDoc}) [${a?.answers ? 'A' : '-'}] ${q.q}  [${q.doc}]\n    -> ${a?.article.file}: ${a?.text.slice(0, 140)}`);
  }
}
times.sort((a, b) => a - b);
console.log(`first ${first}/${gold.questions.length}, top 3 ${top3}/${gold.questions.length}, marked answered ${answered} (${answeredRight} of them right); p50 ${times[times.length >> 1].toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`);
console.log(`halves: ${halves.map((h) => `${h.first}/${h.n} first, ${h.top3}/${h.n} top 3`).join('; ')}`);
sitrep.close();
