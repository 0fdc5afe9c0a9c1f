// Sparse term vectors (stemmed term -> weight) and their cosine, shared by story grouping and summaries.

export type TermVector = Map<string, number>;

/** The dot product of two vectors; their cosine when both are unit length. */
export function cosine(a: TermVector, b: TermVector): number {
  let s = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [t, w] of small) {
    const x = large.get(t);
    if (x) s += w * x;
  }
  return s;
}
