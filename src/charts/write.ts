// The console's charts: a reply's attachments written to the file the user named (`--chart FILE`), the
// second and later ones beside it as FILE-2.png, ... Returns what was written, for the summary line.
import { writeFileSync } from 'node:fs';
import type { ReplyAttachment } from '../reply.ts';

export function chartPaths(file: string, count: number): string[] {
  const m = file.match(/^(.*?)(\.[^./\\]+)?$/)!;
  return Array.from({ length: count }, (_, i) => (i === 0 ? file : `${m[1]}-${i + 1}${m[2] ?? '.png'}`));
}

/** Writes the attachments; a file that cannot be written is reported, the others are still written. */
export function writeCharts(file: string, attachments: ReplyAttachment[]): { written: string[]; errors: string[] } {
  const written: string[] = [];
  const errors: string[] = [];
  chartPaths(file, attachments.length).forEach((path, i) => {
    try {
      writeFileSync(path, attachments[i].bytes);
      written.push(path);
    } catch (e) {
      errors.push(`could not write ${path}: ${(e as Error).message}`);
    }
  });
  return { written, errors };
}
