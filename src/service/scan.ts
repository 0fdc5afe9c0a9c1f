// Finds article files in the data folder, recursively. Hidden folders and node_modules are skipped.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ARTICLE_EXTENSIONS } from '../core/ingest/parse.ts';

export interface FoundFile {
  /** Path relative to the data folder, `/`-separated. */
  path: string;
  absolute: string;
  size: number;
  mtimeMs: number;
}

export function isArticleFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ARTICLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export function scanFolder(root: string): FoundFile[] {
  const found: FoundFile[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const abs = join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if ((e.isFile() || e.isSymbolicLink()) && isArticleFile(e.name)) {
        try {
          const st = statSync(abs);
          if (st.isFile()) found.push({ path: relative(root, abs).split(sep).join('/'), absolute: abs, size: st.size, mtimeMs: st.mtimeMs });
        } catch {
          /* vanished while scanning */
        }
      }
    }
  };
  walk(root);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}
