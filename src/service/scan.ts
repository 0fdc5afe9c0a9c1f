// Finds article files in the data folder, recursively. Hidden folders and node_modules are skipped.
// A folder that cannot be read is an error naming it (never an empty result that would empty the index),
// and a link is followed only when its real path stays inside the folder: a link to a `.env` elsewhere is
// skipped and reported, never indexed.
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep, isAbsolute } from 'node:path';
import { ARTICLE_EXTENSIONS } from '../core/ingest/parse.ts';

export interface FoundFile {
  /** Path relative to the data folder, `/`-separated. */
  path: string;
  absolute: string;
  size: number;
  mtimeMs: number;
}

export interface ScanIssue {
  /** Path relative to the scanned folder, `/`-separated. */
  file: string;
  reason: string;
}

export interface ScanResult {
  files: FoundFile[];
  /** Entries not followed or not readable (links leading out of the folder, unreadable subfolders). */
  skipped: ScanIssue[];
  /** Subfolders that could not be read: what the index holds from them must be kept, not dropped. */
  unreadable: string[];
}

/** Thrown when the folder itself cannot be read; the message names it and the cause. */
export class FolderUnreadableError extends Error {
  constructor(
    readonly folder: string,
    readonly code: string,
  ) {
    super(`cannot read the data folder ${folder} (${describeCode(code)}); the index was left as it was. Check the path (--data, SITREP_DATA) or that the disk is mounted.`);
  }
}

function describeCode(code: string): string {
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'ENOTDIR') return 'it is not a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code;
}

export function isArticleFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ARTICLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

const errCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** Whether `real` is `root` itself or inside it (both real paths). */
function within(root: string, real: string): boolean {
  const rel = relative(root, real);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Scans a folder; throws FolderUnreadableError when the folder itself cannot be read. */
export function scanDataFolder(root: string): ScanResult {
  let realRoot: string;
  let top: Dirent[];
  try {
    realRoot = realpathSync(root);
    top = readdirSync(realRoot, { withFileTypes: true });
  } catch (e) {
    throw new FolderUnreadableError(root, errCode(e));
  }
  const result: ScanResult = { files: [], skipped: [], unreadable: [] };
  const rel = (abs: string) => relative(root, abs).split(sep).join('/');
  // Each entry's path relative to the folder is built as the walk goes down (`prefix` + name), not worked
  // out again for each of a large folder's files.
  const walk = (dir: string, prefix: string, entries: Dirent[]) => {
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const abs = join(dir, e.name);
      if (e.isDirectory()) {
        let sub: Dirent[];
        try {
          sub = readdirSync(abs, { withFileTypes: true });
        } catch (err) {
          result.unreadable.push(`${prefix}${e.name}`);
          result.skipped.push({ file: `${prefix}${e.name}/`, reason: `is a folder that could not be read (${errCode(err)}); what the index holds from it is kept` });
          continue;
        }
        walk(abs, `${prefix}${e.name}/`, sub);
      } else if (e.isFile() && isArticleFile(e.name)) add(`${prefix}${e.name}`, abs, abs);
      else if (e.isSymbolicLink()) followLink(abs);
    }
  };
  const followLink = (abs: string) => {
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      if (isArticleFile(abs)) result.skipped.push({ file: rel(abs), reason: 'is a broken link' });
      return;
    }
    if (!within(realRoot, real)) {
      let folder = false;
      try {
        folder = statSync(real).isDirectory();
      } catch {
        /* gone: reported as a file link */
      }
      if (folder) result.skipped.push({ file: `${rel(abs)}/`, reason: 'is a link to a folder outside the data folder; not followed' });
      else if (isArticleFile(abs) || isArticleFile(real)) result.skipped.push({ file: rel(abs), reason: 'is a link to a file outside the data folder; not followed' });
      return;
    }
    // Links to folders are not followed (the folder they point to, inside, is scanned in its own place).
    if (isArticleFile(abs)) add(rel(abs), abs, real);
  };
  const add = (path: string, abs: string, real: string) => {
    try {
      // A file that vanished while scanning is left out (no error is made for it: a large folder has many).
      const st = statSync(real, { throwIfNoEntry: false });
      if (st?.isFile()) result.files.push({ path, absolute: abs, size: st.size, mtimeMs: st.mtimeMs });
    } catch {
      /* unreadable: left out, as a vanished file is */
    }
  };
  walk(root, '', top);
  result.files.sort((a, b) => a.path.localeCompare(b.path));
  return result;
}

/** The article files of a folder (see scanDataFolder; throws when the folder cannot be read). */
export function scanFolder(root: string): FoundFile[] {
  return scanDataFolder(root).files;
}
