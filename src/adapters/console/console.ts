// The console adapter: a person types the same commands as in chat (/ask ..., /stories, /help), a mention
// (@sitrep who-said Carter) or a plain question, routed as on every platform (src/adapters/inbound.ts), and
// reads the answer with its sources. /quit or end of input leaves; with input piped in, it answers each
// line and exits. At a terminal, log lines (re-indexing, the scheduler) and digests that arrive while the
// `> ` prompt waits are printed on a line of their own, and the prompt is drawn again after them.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CommandContext } from '../../../commands/types.ts';
import type { Reply } from '../../reply.ts';
import { routeInbound, runInbound } from '../inbound.ts';
import type { ChatAdapter, Delivery } from '../types.ts';
import { renderText } from './render.ts';

export interface ConsoleOptions {
  context: CommandContext;
  input?: Readable;
  output?: Writable;
  /** Where log lines go (default stderr); at a terminal they are kept off the prompt. */
  errors?: Writable;
  /** Show a prompt and a greeting (when a person is typing at a terminal). */
  interactive?: boolean;
}

export const PROMPT = '> ';
/** Back to the start of the line and erase it: where the prompt was. */
const CLEAR_LINE = '\r\x1b[K';

type Write = Writable['write'];

export class ConsoleAdapter implements ChatAdapter {
  readonly platform = 'console' as const;
  private readonly input: Readable;
  private readonly output: Writable;
  private readonly errors: Writable;
  private readonly interactive: boolean;
  private closed: Promise<void> | null = null;
  private stopRequested = false;
  /** True while the prompt is on screen waiting for a line. */
  private prompting = false;
  private restoreErrors: (() => void) | null = null;

  constructor(private readonly opts: ConsoleOptions) {
    this.input = opts.input ?? process.stdin;
    this.output = opts.output ?? process.stdout;
    this.errors = opts.errors ?? process.stderr;
    this.interactive = opts.interactive ?? Boolean((this.input as NodeJS.ReadStream).isTTY);
  }

  private write(text: string): void {
    this.output.write(`${text}\n`);
  }

  private prompt(): void {
    this.output.write(PROMPT);
    this.prompting = true;
  }

  /** Prints `text` without mixing it into the prompt: clear the prompt line, print, draw the prompt again. */
  private printAside(print: () => void): void {
    if (!this.prompting) return print();
    this.prompting = false;
    this.output.write(CLEAR_LINE);
    print();
    this.prompt();
  }

  /** At a terminal, log lines written to `errors` go around the prompt too. */
  private guardErrors(): void {
    if (!this.interactive || this.restoreErrors) return;
    const stream = this.errors;
    const original = stream.write;
    const guarded = ((...args: Parameters<Write>) => {
      let result = true;
      this.printAside(() => (result = original.apply(stream, args)));
      return result;
    }) as Write;
    stream.write = guarded;
    this.restoreErrors = () => {
      if (stream.write === guarded) stream.write = original;
    };
  }

  async post(channelId: string, reply: Reply, delivery?: Delivery): Promise<void> {
    if (delivery?.sent.length) return;
    this.printAside(() => this.write(`[${channelId}]\n${renderText(reply)}\n`));
    delivery?.delivered(0, 'console');
  }

  /** Resolves when the session ends (/quit or end of input). */
  start(): Promise<void> {
    const rl = createInterface({ input: this.input, terminal: false });
    this.guardErrors();
    if (this.interactive) {
      this.write('Sitrep console. Type /help for commands, /quit to leave. Ask anything: /ask where did the missiles land?');
      this.prompt();
    }
    const context = { ...this.opts.context, channelId: this.opts.context.channelId ?? 'console' };
    this.closed = (async () => {
      try {
        for await (const line of rl) {
          this.prompting = false;
          const text = line.trim();
          if (/^\/(quit|exit)$/i.test(text)) break;
          if (text) {
            const routed = routeInbound(text);
            const result = await runInbound(context, routed.name, routed.text);
            this.write(`${renderText(result.reply, { emphasis: this.interactive })}\n`);
          }
          if (this.stopRequested) break;
          if (this.interactive) this.prompt();
        }
      } finally {
        this.prompting = false;
        rl.close();
        this.restoreErrors?.();
        this.restoreErrors = null;
      }
    })();
    return this.closed;
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
  }
}
