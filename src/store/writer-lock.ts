// One writer per index at a time: a lock file beside the database holding the writer's pid. A lock left
// by a process that is gone is taken over; a live one is a clear "another Sitrep is indexing".
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

export class IndexBusyError extends Error {
  constructor(
    readonly path: string,
    readonly pid: number,
  ) {
    super(`another Sitrep (process ${pid}) is indexing this folder into ${path}; its articles are answered from as they are stored. Try again when it is done.`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the writer lock of the index at `dbPath`; returns its release. Throws IndexBusyError when held. */
export function takeWriterLock(dbPath: string): () => void {
  if (dbPath === ':memory:') return () => {};
  const lock = `${dbPath}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(lock);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(lock, 'utf8').trim());
      if (pid === process.pid || (Number.isInteger(pid) && pid > 0 && alive(pid))) throw new IndexBusyError(dbPath, pid);
      // Left by a process that is gone: take it over.
      try {
        unlinkSync(lock);
      } catch {
        /* taken by another in the meantime */
      }
    }
  }
  throw new IndexBusyError(dbPath, 0);
}

/** Removes the lock of the index at `dbPath` when this process holds it (a writer thread that was ended). */
export function dropOwnLock(dbPath: string): void {
  const lock = `${dbPath}.lock`;
  try {
    if (Number(readFileSync(lock, 'utf8').trim()) === process.pid) unlinkSync(lock);
  } catch {
    /* no lock */
  }
}
