// /help: what Sitrep can do, from the commands' own declarations.
import type { Command } from './types.ts';

export const help: Command = {
  name: 'help',
  description: 'Show the commands and how to use them.',
  usage: '/help',
  options: [],
  async run() {
    const { COMMANDS } = await import('./index.ts');
    return {
      reply: {
        title: 'Sitrep: news briefings in chat',
        intro: 'Ask in plain words, or use a command. Every answer cites its articles.',
        sections: [
          {
            items: COMMANDS.map((c) => ({ text: `${c.usage}: ${c.description}${c.examples?.length ? ` (e.g. ${c.examples[0]})` : ''}` })),
          },
        ],
        footer: 'You can also mention the bot with a question: @sitrep how many troops?',
      },
      json: { commands: COMMANDS.map((c) => ({ name: c.name, usage: c.usage, description: c.description })) },
    };
  },
};
