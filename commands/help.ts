// /help: what Sitrep can do, from the commands' own declarations; `/help digest` explains one command:
// its usage, subcommands, options and examples.
import type { ReplyItem } from '../src/reply.ts';
import { CommandError, type Command, type CommandResult, type OptionSpec } from './types.ts';

function optionLine(o: OptionSpec): ReplyItem {
  const how = o.keyword ? `${o.keyword} ${o.name.toUpperCase()}` : o.name.toUpperCase();
  return { text: `${how}: ${o.description}`, note: o.required ? 'required' : 'optional' };
}

function explain(cmd: Command): CommandResult {
  const sections = [{ heading: 'Usage', items: [{ text: cmd.usage }] }];
  if (cmd.subcommands?.length) {
    sections.push({
      heading: 'Subcommands',
      items: cmd.subcommands.map((s) => ({ text: `/${cmd.name} ${s.name}${s.options.map((o) => ` [${o.name.toUpperCase()}]`).join('')}: ${s.description}` })),
    });
    const options = cmd.subcommands.flatMap((s) => s.options);
    if (options.length) sections.push({ heading: 'Options', items: options.map(optionLine) });
  } else if (cmd.options?.length) sections.push({ heading: 'Options', items: cmd.options.map(optionLine) });
  if (cmd.examples?.length) sections.push({ heading: 'Examples', items: cmd.examples.map((e) => ({ text: e })) });
  return {
    reply: { title: `/${cmd.name}`, intro: cmd.description, sections },
    json: { command: { name: cmd.name, usage: cmd.usage, description: cmd.description, subcommands: cmd.subcommands?.map((s) => s.name) ?? [], examples: cmd.examples ?? [] } },
  };
}

export const help: Command = {
  name: 'help',
  description: 'Show the commands and how to use them; /help COMMAND explains one.',
  usage: '/help [COMMAND]',
  examples: ['/help', '/help digest'],
  options: [{ name: 'command', description: 'A command to explain, such as digest or who-said.', maxLength: 40 }],
  async run(_ctx, input) {
    const { COMMANDS, findCommand } = await import('./index.ts');
    const asked = input.options.command?.trim().replace(/^\//, '');
    if (asked) {
      const cmd = findCommand(asked);
      if (!cmd) throw new CommandError(`There is no /${asked} command. Commands: ${COMMANDS.map((c) => `/${c.name}`).join(', ')}.`, help.usage);
      return explain(cmd);
    }
    return {
      reply: {
        title: 'Sitrep: news briefings in chat',
        intro: 'Ask in plain words, or use a command. Every answer cites its articles.',
        sections: [
          {
            items: COMMANDS.map((c) => ({ text: `${c.usage}: ${c.description}${c.examples?.length ? ` (e.g. ${c.examples[0]})` : ''}` })),
          },
        ],
        footer: 'You can also mention the bot with a question: @sitrep how many troops? /help COMMAND explains one command.',
      },
      json: { commands: COMMANDS.map((c) => ({ name: c.name, usage: c.usage, description: c.description })) },
    };
  },
};
