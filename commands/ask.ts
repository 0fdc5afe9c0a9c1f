// /ask QUESTION (and @mentions): the best sentences for a question in plain words, with their sources.
// The phrase that answers is marked; when no sentence answers, the reply says so and offers the closest.
import { CommandError, type Command } from './types.ts';

export const MAX_QUESTION = 500;
const SHOWN = 5;
/** When nothing answers, fewer sentences: they are only the closest text, not answers. */
const CLOSEST = 3;

export const ask: Command = {
  name: 'ask',
  description: 'Ask a question in plain words; get the best sentences and their sources.',
  usage: '/ask QUESTION',
  examples: ['/ask where did the missiles land?', '@sitrep how many troops?'],
  options: [{ name: 'question', description: 'A question in plain words.', required: true, maxLength: MAX_QUESTION }],
  run(ctx, input) {
    const question = (input.options.question ?? '').trim();
    if (!/[\p{L}\p{N}]/u.test(question)) throw new CommandError('Ask a question in words, for example: /ask where did the missiles land?', ask.usage);
    const answers = ctx.sitrep.ask(question);
    if (answers.length === 0)
      return { reply: { title: question, intro: 'Nothing in the indexed articles answers that. Try other words, or /stories to see what is covered.', sections: [] }, json: { answered: false, answers } };
    const answered = answers[0].answers;
    const shown = answered ? answers.slice(0, SHOWN) : answers.slice(0, CLOSEST);
    return {
      reply: {
        title: question,
        intro: answered ? undefined : 'No sentence in the indexed articles answers that directly. The closest:',
        sections: [{ items: shown.map((a) => ({ text: a.text, cite: { article: a.article, sentence: a.text }, highlight: answered && a.highlight ? a.highlight : undefined })) }],
      },
      json: { answered, answers },
    };
  },
};
