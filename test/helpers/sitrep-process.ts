// `sitrep start` in a child process (the real command line), for tests of a running deployment: started
// with only the environment given (no user settings leak in), resolved once its Slack HTTP endpoint
// listens, and stopped with SIGTERM (SIGKILL if it does not exit in time).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
/** How long a start may take (indexing a data folder, loading the adapters) on a loaded machine. */
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface SitrepProcess {
  child: ChildProcess;
  /** The Slack HTTP mode's port (PORT=0 picks one). */
  port: number;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

export async function startSitrep(dataDir: string, state: string, env: NodeJS.ProcessEnv): Promise<SitrepProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'sitrep.js'), '--data', dataDir, 'start'], {
    cwd: state,
    env: { PATH: process.env.PATH, HOME: state, SITREP_STATE_DIR: state, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sitrep start did not listen: ${stderr}`)), START_TIMEOUT_MS);
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = stderr.match(/Listening on port (\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', () => reject(new Error(`sitrep start exited: ${stderr}`)));
  });
  return {
    child,
    port,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, STOP_TIMEOUT_MS))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
