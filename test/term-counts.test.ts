// The writer's document frequencies: a count per term, and the increments not yet written to the index.
import { describe, expect, it } from 'vitest';
import { KeptFrequencies, TermCounts } from '../src/store/term-counts.ts';

describe('the document frequencies the writer keeps', () => {
  it('count each article that holds a term, on top of what was stored', () => {
    const df = new TermCounts();
    df.load('ferri', 4);
    for (const terms of [['ferri', 'harbour'], ['ferri', 'strike'], ['harbour']]) for (const t of terms) df.add(t);
    expect([df.get('ferri'), df.get('harbour'), df.get('strike'), df.get('bakeri')]).toEqual([6, 2, 1, undefined]);
  });

  it('give the increments since the last write once, each term with its sum', () => {
    const df = new TermCounts();
    df.load('ferri', 4);
    df.add('ferri');
    df.add('harbour');
    df.add('ferri');
    expect(df.peekPending()).toEqual([['ferri', 2], ['harbour', 1]]);
    expect(df.takePending()).toEqual([['ferri', 2], ['harbour', 1]]);
    expect(df.takePending()).toEqual([]);
    expect(df.get('ferri')).toBe(6);
  });

  it('keep every term when more arrive than its first arrays hold', () => {
    const df = new TermCounts();
    for (let i = 0; i < 10_000; i++) df.add(`term${i}`);
    df.add('term9999');
    expect(df.get('term0')).toBe(1);
    expect(df.get('term9999')).toBe(2);
    expect(df.pendingSize).toBe(10_000);
  });

  it('keep the increments not yet written when they are read again from the store', () => {
    let stored = [{ term: 'ferri', df: 4 }];
    const kept = new KeptFrequencies(() => stored);
    kept.add(['ferri', 'harbour']);
    // Another writer stored its own counts meanwhile: the counts are read again, the increments stay.
    stored = [{ term: 'ferri', df: 9 }];
    kept.drop();
    expect([kept.view().get('ferri'), kept.view().get('harbour')]).toEqual([10, 1]);
    expect(kept.takePending()).toEqual([['ferri', 1], ['harbour', 1]]);
    expect(kept.hasPending()).toBe(false);
  });
});
