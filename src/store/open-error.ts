// A database that cannot be opened is one line naming the file, the settings that move it, and that
// deleting the index rebuilds it: never a stack trace.
export class StoreOpenError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

export function openError(path: string, e: unknown): StoreOpenError {
  if (e instanceof StoreOpenError) return e;
  const err = e as NodeJS.ErrnoException & { code?: string };
  const code = err.code ?? '';
  const why =
    code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT'
      ? 'is not a Sitrep index (corrupt or another kind of file)'
      : code === 'SQLITE_READONLY' || code === 'EACCES' || code === 'EROFS' || code === 'SQLITE_CANTOPEN'
        ? 'cannot be opened for writing (check the folder exists and is writable)'
        : code === 'SQLITE_BUSY'
          ? 'is locked by another Sitrep that is indexing; try again in a moment'
          : `cannot be opened (${err.message})`;
  return new StoreOpenError(
    `the index ${path} ${why}. Move it with SITREP_STATE_DIR, SITREP_DB or --db; deleting the file rebuilds the index from the data folder.`,
    path,
  );
}
