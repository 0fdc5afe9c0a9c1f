// The console adapter: a person types the same commands as in chat (/ask ..., /stories, /help) or a
// mention (@sitrep ...), and reads the answer with its sources. /quit or end of input leaves; with input
// piped in, it answers each line and exits.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { runLine } from '../../../commands/run.ts';
import type { CommandContext } from '../../../commands/types.ts';
import type { Reply } from '../../reply.ts';
import type { ChatAdapter } from '../types.ts';
import { renderText } from './render.ts';

export interface ConsoleOptions {
  context: CommandContext;
  input?: Readable;
  output?: Writable;
  /** Show a prompt and a greeting (when a person is typing at a terminal). */
  interactive?: boolean;
}

export class ConsoleAdapter implements ChatAdapter {
  readonly platform = 'console' as const;
  private readonly input: Readable;
  private readonly output: Writable;
  private readonly interactive: boolean;
  private closed: Promise<void> | null = null;
  private stopRequested = false;

  constructor(private readonly opts: ConsoleOptions) {
    this.input = opts.input ?? process.stdin;
    this.output = opts.output ?? process.stdout;
    this.interactive = opts.interactive ?? Boolean((this.input as NodeJS.ReadStream).isTTY);
  }

  private write(text: string): void {
    this.output.write(`${text}\n`);
  }

  async post(channelId: string, reply: Reply): Promise<void> {
    this.write(`[${channelId}]\n${renderText(reply)}\n`);
  }

  /** Resolves when the session ends (/quit or end of input). */
  start(): Promise<void> {
    const rl = createInterface({ input: this.input, terminal: false });
    if (this.interactive) {
      this.write('Sitrep console. Type /help for commands, /quit to leave. Ask anything: /ask where did the missiles land?');
      this.output.write('> ');
    }
    this.closed = (async () => {
      for await (const line of rl) {
        const text = line.trim();
        if (/^\/(quit|exit)$/i.test(text)) break;
        if (text) {
          const result = await runLine({ ...this.opts.context, channelId: this.opts.context.channelId ?? 'console' }, text);
          if (result) this.write(`${renderText(result.reply, { emphasis: Boolean((this.output as { isTTY?: boolean }).isTTY) })}\n`);
        }
        if (this.stopRequested) break;
        if (this.interactive) this.output.write('> ');
      }
      rl.close();
    })();
    return this.closed;
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
  }
}
