// The suite runs on its own fixtures: a user who adds articles to data/ (as the README invites) changes
// no test's outcome.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from './helpers/sitrep.ts';

const TEST_DIR = import.meta.dirname;

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'fixtures' ? [] : testSources(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the test suite', () => {
  it('reads its sample articles from test/fixtures, not from the data folder users fill', () => {
    expect(relative(TEST_DIR, SAMPLES_DIR)).toBe(join('fixtures', 'samples'));
    expect(readdirSync(SAMPLES_DIR).sort()).toEqual(['000_1c765ed5a3505be5.txt', '004_d812bad6fd6cf605.txt']);
  });

  it('has no test that points at the project data folder', () => {
    const pointing = testSources(TEST_DIR).filter((f) => {
      const text = readFileSync(f, 'utf8');
      return /['"`]\.\.\/data\/|join\([^)]*['"]\.\.['"],\s*['"]data['"]|dataDir:\s*['"]data['"]/.test(text);
    });
    expect(pointing.map((f) => relative(TEST_DIR, f))).toEqual([]);
  });
});
